"""continuum.infoscale.vbs_steps against the cases of test_vbs_steps.yaml.

module_cases.run_case checks ``calls`` in order. The module waits for each step in its own
thread, and the order in which threads run is not fixed, so a case lists what the wait threads
run under ``waits`` instead: each of those is matched by its argv, in any order (equal argvs in
the order given), and every one must run. ``calls`` then holds the commands of the main thread
only, still in order, and a wait thread's command that comes before the last of them is an
error: every command is issued before any wait.

Two more keys: ``exact`` (result keys compared whole, not as a subset) and ``steps`` (the step
records, one subset per record, the count exact; their times come from the real clock, so they
are only checked for consistency: duration is ended - started).
"""

import os
import threading
from pathlib import Path

from ansible.module_utils import basic

from ansible_collections.continuum.infoscale.plugins.modules import vbs_steps

from .module_cases import _resolve, assert_subset, load_cases, run_case


def check_steps(case, result):
    if 'steps' not in result:  # refused before reading anything
        assert 'steps' not in case, 'no steps in the result: %r' % result
        return
    records = result['steps']
    if 'steps' in case:
        assert len(records) == len(case['steps']), records
        for index, (expected, record) in enumerate(zip(case['steps'], records)):
            assert_subset(expected, record, 'steps[%d]' % index)
    for record in records:
        if record['started'] is None:
            assert (record['ended'], record['duration']) == (None, None), record
        else:
            assert record['ended'] >= record['started'], record
            assert record['duration'] == round(record['ended'] - record['started'], 3), record


@load_cases(Path(__file__).with_suffix('.yaml'))
def test_vbs_steps(case, monkeypatch):
    pending = [dict(call, argv=[str(arg) for arg in call['argv']]) for call in case.get('waits') or []]
    problems = []
    lock = threading.Lock()

    main_calls = []

    def main():
        in_order = basic.AnsibleModule.run_command  # run_case's fake, in place by now

        def run_command(self, args, **kwargs):
            if threading.current_thread() is threading.main_thread():
                main_calls.append(args)
                return in_order(self, args, **kwargs)
            argv = [os.path.basename(args[0])] + [str(arg) for arg in args[1:]]
            with lock:
                if len(main_calls) < len(case.get('calls') or []):
                    problems.append('%r ran before every command of the main thread' % argv)
                if kwargs.get('environ_update', {}).get('LC_ALL') != 'C':
                    problems.append('not in the C locale: %r' % argv)
                match = next((call for call in pending if call['argv'] == argv), None)
                if match is None:
                    problems.append('unexpected command in a wait thread: %r' % argv)
                    return 99, '', 'unexpected command'
                pending.remove(match)
            return match.get('rc', 0), _resolve(match.get('out')), _resolve(match.get('err'))

        monkeypatch.setattr(basic.AnsibleModule, 'run_command', run_command)
        vbs_steps.main()

    try:
        result = run_case(main, case, monkeypatch)
    finally:
        assert not problems, problems
    assert not pending, 'wait commands expected but not run: %r' % pending
    for key, value in (case.get('exact') or {}).items():
        assert result[key] == value, '%s: %r != expected %r' % (key, result[key], value)
    check_steps(case, result)
