import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.continuum.infoscale.plugins.filter.clone_names import clone_names


def test_names():
    assert clone_names(3, 'web%02d') == ['web01', 'web02', 'web03']
    assert clone_names(2, 'vm-%d', first=9) == ['vm-9', 'vm-10']
    assert clone_names(0) == []


@pytest.mark.parametrize('args, message', [
    ((-1,), 'must not be negative'),
    (('x',), 'whole numbers'),
    ((2, 'web'), 'one number placeholder'),
    ((2, 'web%d%d'), 'one number placeholder'),
])
def test_bad_input(args, message):
    with pytest.raises(AnsibleFilterError, match=message):
        clone_names(*args)
