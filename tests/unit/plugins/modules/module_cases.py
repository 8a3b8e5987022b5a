"""Run a module against YAML-described cases: exact argv of every CLI call, canned output.

A case file is a list of cases:

    - id: creates a concat volume
      args: {diskgroup: dbdg, name: v1, size: 1g}
      check_mode: false          # optional
      diff: false                # optional
      calls:                     # every command the module must run, in order
        - argv: [vxprint, -g, dbdg, -htr]
          rc: 0
          out: "..."
          err: ""
      expect:                    # a subset of the module result
        changed: true
        commands: [[vxassist, -g, dbdg, make, v1, 1g, layout=concat]]
      msg_contains: [...]        # optional: substrings of msg (implies failed: true)

argv[0] is compared by basename: the runner resolves it to a full path.
"""

import json
import os
from pathlib import Path

import pytest
import yaml

from ansible.module_utils import basic
from ansible.module_utils.common import warnings
from ansible.module_utils.testing import patch_module_args

FIXTURES = Path(__file__).parent / 'fixtures'


class ModuleExit(Exception):
    def __init__(self, result):
        super().__init__(result)
        self.result = result


def load_cases(path):
    with open(path) as handle:
        cases = yaml.safe_load(handle)
    return pytest.mark.parametrize('case', cases, ids=[case['id'] for case in cases])


def fixture_text(name):
    return (FIXTURES / name).read_text()


def _resolve(value):
    """`out: {fixture: name}` reads tests/unit/plugins/modules/fixtures/name."""
    if isinstance(value, dict) and 'fixture' in value:
        return fixture_text(value['fixture'])
    return value or ''


def run_case(module_main, case, monkeypatch):
    calls = list(case.get('calls', []))
    seen = []

    def run_command(self, args, **kwargs):
        argv = [os.path.basename(args[0])] + list(args[1:])
        seen.append(argv)
        assert kwargs.get('environ_update', {}).get('LC_ALL') == 'C', 'commands must run in the C locale'
        assert isinstance(args, list), 'commands must be argv lists'
        assert calls, 'unexpected command %r (already ran: %r)' % (argv, seen[:-1])
        expected = calls.pop(0)
        assert argv == [str(a) for a in expected['argv']]
        return expected.get('rc', 0), _resolve(expected.get('out')), _resolve(expected.get('err'))

    def get_bin_path(self, name, required=False, opt_dirs=None):
        return '/opt/VRTS/bin/' + name

    def exit_json(self, **result):
        found = list(warnings.get_warning_messages())
        if found:
            result['warnings'] = found
        raise ModuleExit(dict(result, failed=False))

    def fail_json(self, msg, **result):
        raise ModuleExit(dict(result, msg=msg, failed=True))

    monkeypatch.setattr(warnings, '_global_warnings', {})
    monkeypatch.setattr(warnings._internal, 'is_controller', False)  # as on a managed node
    monkeypatch.setattr(basic.AnsibleModule, 'run_command', run_command)
    monkeypatch.setattr(basic.AnsibleModule, 'get_bin_path', get_bin_path)
    monkeypatch.setattr(basic.AnsibleModule, 'exit_json', exit_json)
    monkeypatch.setattr(basic.AnsibleModule, 'fail_json', fail_json)
    args = dict(case.get('args') or {})
    args['_ansible_check_mode'] = bool(case.get('check_mode'))
    args['_ansible_diff'] = bool(case.get('diff'))
    with patch_module_args(args):
        with pytest.raises(ModuleExit) as caught:
            module_main()
    result = caught.value.result
    assert not calls, 'commands expected but not run: %r' % calls
    check_result(case, result)
    return result


def assert_subset(expected, actual, path='result'):
    """Dicts match when every expected key matches; anything else must be equal."""
    if isinstance(expected, dict) and expected:
        assert isinstance(actual, dict), '%s: expected a dict, got %r' % (path, actual)
        for key, value in expected.items():
            assert key in actual, '%s.%s missing (has %s)' % (path, key, sorted(actual))
            assert_subset(value, actual[key], '%s.%s' % (path, key))
    else:
        assert actual == expected, '%s: %r != expected %r' % (path, actual, expected)


def check_result(case, result):
    if case.get('msg_contains'):
        assert result['failed'], json.dumps(result, indent=1, default=str)
        for text in case['msg_contains']:
            assert text in result['msg']
    for key, value in (case.get('expect') or {}).items():
        assert key in result, '%s missing from the result (has %s)' % (key, sorted(result))
        assert_subset(value, result[key], key)
    if not case.get('msg_contains') and 'failed' not in (case.get('expect') or {}):
        assert not result['failed'], result.get('msg')
