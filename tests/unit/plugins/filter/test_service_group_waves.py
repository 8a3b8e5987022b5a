import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.continuum.infoscale.plugins.filter.service_group_waves import service_group_waves


def test_children_first_and_external_children_left_out():
    groups = [{'name': 'websg', 'dependencies': [{'child': 'appsg'}]},
              {'name': 'appsg', 'dependencies': [{'child': 'dbsg', 'category': 'online'}]},
              {'name': 'dbsg', 'dependencies': [{'child': 'infra_sg'}]},
              {'name': 'batch', 'dependencies': [{'child': 'dbsg', 'category': 'offline', 'location': 'local'}]},
              {'name': 'old', 'state': 'absent', 'dependencies': [{'child': 'dbsg'}]}]
    assert service_group_waves(groups) == [['dbsg', 'batch'], ['appsg'], ['websg']]


def test_a_loop_is_named():
    groups = [{'name': 'a', 'dependencies': [{'child': 'b'}]}, {'name': 'b', 'dependencies': [{'child': 'a'}]}]
    with pytest.raises(AnsibleFilterError, match='loop: a -> b -> a'):
        service_group_waves(groups)


def test_bad_input():
    with pytest.raises(AnsibleFilterError, match='expects a list of service groups'):
        service_group_waves([{'dependencies': []}])
