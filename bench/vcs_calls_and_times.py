"""Cluster Server modules: CLI calls of a no-op run, online time against the simulated time,
and vcs_info on a cluster of 1,000 service groups.

1. vcs_service_group for a group of 20 resources, run a second time: its CLI calls
   (target: 3 or fewer, all reads).
2. vcs_group_state online of that group (a chain of 20 Process resources): the module's own
   time, from its first CLI call to the end of its last (the product's wait), against the
   simulated online time of the chain (target: within 1 s, no sleep-polling).
3. vcs_info on a cluster holding 1,000 service groups (defined in the estate file): the
   whole playbook run against the same run on a cluster of one group; the difference is
   what the 1,000 groups cost the module (target: under 2 s).
Run with the project's venv: .venv/bin/python bench/vcs_calls_and_times.py
"""

import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / 'tests' / 'integration'))

from harness import init_estate  # noqa: E402
from modcall import call_module  # noqa: E402

from infoscale_sim.vcs.types import ONLINE_TIME  # noqa: E402

SPEED = 4.0
CHAIN = 20
GROUP = {
    'name': 'benchsg',
    'system_list': ['prod-n1', 'prod-n2'],
    'autostart_list': ['prod-n1'],
    'resources': [dict({'name': 'proc%02d' % i, 'type': 'Process',
                        'attributes': {'PathName': '/opt/bench/bin/p%02d' % i}},
                       **({'requires': ['proc%02d' % (i - 1)]} if i else {}))
                  for i in range(CHAIN)],
}


def estate_file(folder, groups=0):
    data = yaml.safe_load((REPO / 'simulator' / 'estates' / 'two-site.yml').read_text())
    data['speed'] = SPEED
    if groups:
        data['vcs'] = {'groups': {'prodclus': [
            {'name': 'sg%04d' % i, 'autostart': False,
             'resources': [{'name': 'ph%04d' % i, 'type': 'Phantom'}]} for i in range(groups)]}}
    path = Path(folder) / ('estate-%d.yml' % groups)
    path.write_text(yaml.safe_dump(data))
    return path


def module_seconds(call):
    """From the start of the module's first CLI call to the end of its last one."""
    first, last = call.calls[0], call.calls[-1]
    return last['time'] + last['duration'] - first['time']


def main():
    with tempfile.TemporaryDirectory() as work:
        estate = init_estate(Path(work) / 'small', estate_file(work))
        made = call_module(estate, 'vcs_service_group', GROUP)
        assert made.result['changed'], made.result
        again = call_module(estate, 'vcs_service_group', GROUP)
        reads = [e for e in again.calls if not e['changed']]
        print('vcs_service_group, %d resources, no-op: %d CLI calls, %d reads: %s'
              % (CHAIN, len(again.calls), len(reads), ', '.join(' '.join(e['argv'][:2]) for e in again.calls)))

        online = call_module(estate, 'vcs_group_state', {'name': 'benchsg', 'state': 'online'})
        assert online.result['changed'] and not online.result.get('failed'), online.result
        simulated = CHAIN * ONLINE_TIME['Process'] / SPEED
        took = module_seconds(online)
        print('vcs_group_state online: %.2f s in the module for %.2f s of simulated online time '
              '(%+.2f s; %d CLI calls: %s)' % (took, simulated, took - simulated, len(online.calls),
                                               ', '.join(' '.join(e['argv'][:2]) for e in online.calls)))

        small_info = timed(estate, 'vcs_info', {})
        big = init_estate(Path(work) / 'big', estate_file(work, groups=1000))
        big_info = timed(big, 'vcs_info', {})
        assert len(big_info[1].result['groups']) == 1000, len(big_info[1].result['groups'])
        print('vcs_info: playbook run %.2f s with 1,000 groups, %.2f s with 1 group: %.2f s for the '
              '1,000 groups (%d CLI calls)' % (big_info[0], small_info[0], big_info[0] - small_info[0],
                                              len(big_info[1].calls)))


def timed(estate, module, args):
    started = time.monotonic()
    call = call_module(estate, module, args)
    return time.monotonic() - started, call

if __name__ == '__main__':
    main()
