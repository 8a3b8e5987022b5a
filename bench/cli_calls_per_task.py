"""CLI calls made by each module on a no-op run (target: at most 2, all reads), and timings.

Sets up a disk group with two volumes through the storage role on a fresh simulated estate,
runs the role again, then calls every module again with a request already met and counts,
in the simulator's audit log, the commands each call ran. Run with the project's venv: .venv/bin/python bench/cli_calls_per_task.py
"""

import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / 'tests' / 'integration'))

from harness import init_estate, run_playbook  # noqa: E402
from modcall import call_module  # noqa: E402

ROLE = 'tests/integration/playbooks/storage_role.yml'
STORAGE = {'storage_diskgroups': [{
    'name': 'dbdg', 'disks': ['emc0_0', 'emc0_1', 'emc0_2', 'emc0_3'],
    'volumes': [{'name': 'dbdata', 'size': '20g', 'layout': 'mirror'},
                {'name': 'dblog', 'size': '4g', 'layout': 'stripe', 'ncol': 2}]}]}
NO_OP_CALLS = [
    ('vxvm_diskgroup', {'name': 'dbdg', 'disks': ['emc0_0', 'emc0_1', 'emc0_2', 'emc0_3']}),
    ('vxvm_diskgroup', {'name': 'nodg', 'state': 'absent'}),
    ('vxvm_volume', {'diskgroup': 'dbdg', 'name': 'dbdata', 'size': '20g', 'layout': 'mirror'}),
    ('vxvm_volume', {'diskgroup': 'dbdg', 'name': 'dblog', 'size': '4g', 'layout': 'stripe', 'ncol': 2}),
    ('vxvm_volume', {'diskgroup': 'dbdg', 'name': 'gone', 'state': 'absent'}),
    ('vxvm_info', {}),
]


def main():
    with tempfile.TemporaryDirectory() as work:
        estate = init_estate(Path(work) / 'estate')
        started = time.monotonic()
        run_playbook(estate, ROLE, extra_vars=STORAGE).assert_ok()
        print('storage role, first run:  %.1f s, %d CLI calls' % (time.monotonic() - started, len(estate.log())))
        since = estate.last_id()
        started = time.monotonic()
        run_playbook(estate, ROLE, extra_vars=STORAGE).assert_ok()
        again = estate.log(since=since)
        print('storage role, second run: %.1f s, %d CLI calls, %d changing'
              % (time.monotonic() - started, len(again), sum(e['changed'] for e in again)))
        print()
        print('%-16s %-58s %5s %5s %8s' % ('module', 'request (no-op)', 'calls', 'reads', 'sim ms'))
        for module, args in NO_OP_CALLS:
            call = call_module(estate, module, args)
            assert not call.result.get('failed') and not call.result['changed'], call.result
            reads = sum(1 for entry in call.calls if not entry['changed'])
            sim_ms = sum(entry['duration'] for entry in call.calls) * 1000
            print('%-16s %-58s %5d %5d %8.1f' % (module, _short(args), len(call.calls), reads, sim_ms))


def _short(args):
    text = ' '.join('%s=%s' % (k, v) for k, v in args.items())
    return text if len(text) <= 58 else text[:55] + '...'


if __name__ == '__main__':
    main()
