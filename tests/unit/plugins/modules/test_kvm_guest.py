"""kvm_guest: exact argv of every virsh call, canned output, a fake clock for the shutdown wait.

Extra case keys (besides those of module_cases):
  ``{tmpdir}`` in any string stands for the module's temporary folder (the test's tmp_path);
  ``{fixture: name}`` may stand for a fixture's text anywhere (args, expect), not only in calls;
  written: {contains: [...], lacks: [...]} checks the definition file given to virsh define;
  each_guest: [...] checks result.guests (the ``guests`` option) entry by entry, each as a subset.
"""

from pathlib import Path

import pytest
import yaml

from ansible.module_utils import basic

from ansible_collections.continuum.infoscale.plugins.module_utils.kvm import _virsh
from ansible_collections.continuum.infoscale.plugins.modules import kvm_guest

from .module_cases import assert_subset, fixture_text, load_cases, run_case


class FakeTime:
    """time.monotonic / time.sleep where sleeping only moves the clock."""

    def __init__(self):
        self.now = 1000.0
        self.slept = []

    def monotonic(self):
        return self.now

    def sleep(self, seconds):
        self.slept.append(seconds)
        self.now += seconds


def _with_tmpdir(value, tmpdir):
    if isinstance(value, dict) and list(value) == ['fixture']:
        value = fixture_text(value['fixture'])
    if isinstance(value, str):
        return value.replace('{tmpdir}', tmpdir)
    if isinstance(value, list):
        return [_with_tmpdir(item, tmpdir) for item in value]
    if isinstance(value, dict):
        return dict((key, _with_tmpdir(item, tmpdir)) for key, item in value.items())
    return value


@load_cases(Path(__file__).with_suffix('.yaml'))
def test_kvm_guest(case, monkeypatch, tmp_path):
    clock = FakeTime()
    monkeypatch.setattr(_virsh, 'time', clock)
    monkeypatch.setattr(basic.AnsibleModule, 'tmpdir', property(lambda self: str(tmp_path)))
    case = _with_tmpdir(case, str(tmp_path))
    result = run_case(kvm_guest.main, case, monkeypatch)
    if 'each_guest' in case:
        assert len(result['guests']) == len(case['each_guest'])
        for index, (expected, actual) in enumerate(zip(case['each_guest'], result['guests'])):
            assert_subset(expected, actual, 'guests[%d]' % index)
    if 'slept' in case:
        assert clock.slept == case['slept']
    written = case.get('written')
    files = sorted(tmp_path.glob('*.xml'))
    if written is None:
        assert not files, 'a definition file was written: %r' % files
        return
    assert [f.name for f in files] == ['%s.xml' % case['args']['name']]
    text = files[0].read_text()
    assert oct(files[0].stat().st_mode & 0o777) == '0o600'
    for part in written.get('contains', []):
        assert part in text, '%r not in the definition:\n%s' % (part, text)
    for part in written.get('lacks', []):
        assert part not in text, '%r in the definition:\n%s' % (part, text)


def test_every_case_id_is_unique():
    cases = yaml.safe_load(Path(__file__).with_suffix('.yaml').read_text())
    ids = [case['id'] for case in cases]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize('name', ['vm 01', '-vm01', '', 'a/b'])
def test_bad_names_fail_before_any_command(name, monkeypatch, tmp_path):
    case = dict(id='bad', args=dict(name=name, memory=1024, vcpus=1), calls=[],
                msg_contains=['domain name'], expect=dict(commands=[]))
    run_case(kvm_guest.main, case, monkeypatch)
