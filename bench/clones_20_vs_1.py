"""Provisioning VM clones with the vm_clone role: 20 clones against one, in time and CLI calls,
and the storage 20 space-optimized clones use against 20 full copies of the golden image.

Each case starts from a fresh simulated estate with the golden image already made (the
golden_image role), then times the vm_clone role alone. The clones are VCS service groups
(one storage group, one group per VM with its boot volume and KVMGuest), brought online.
Run with the project's venv: .venv/bin/python bench/clones_20_vs_1.py
"""

import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / 'tests' / 'integration'))

from harness import init_estate, run_playbook  # noqa: E402
from modcall import call_module  # noqa: E402

FAST = REPO / 'tests' / 'integration' / 'estates' / 'two-site-fast.yml'
CLONES = 'tests/integration/playbooks/clones.yml'
GOLDEN = {'golden_image_disks': ['emc0_4', 'emc0_5', 'emc0_6', 'emc0_7'], 'golden_image_size': '20g',
          'golden_image_cache_size': '4g', 'golden_image_diskgroup_state': 'present'}
GIB = 1024 ** 3
WRITTEN = '150m'   # what a booted guest might change on its boot disk


def provision(work, count):
    estate = init_estate(Path(work) / ('estate-%d' % count), FAST)
    run_playbook(estate, CLONES, extra_vars=dict(GOLDEN, vm_clone_count=0)).assert_ok()
    since = estate.last_id()
    started = time.monotonic()
    run_playbook(estate, CLONES, extra_vars=dict(GOLDEN, vm_clone_count=count)).assert_ok()
    seconds = time.monotonic() - started
    calls = estate.log(since=since)
    return estate, seconds, calls


def main():
    with tempfile.TemporaryDirectory() as work:
        print('%-8s %9s %10s %9s %14s' % ('clones', 'seconds', 'CLI calls', 'changing', 'vxsnap makes'))
        results = {}
        for count in (1, 20):
            estate, seconds, calls = provision(work, count)
            makes = sum(1 for e in calls if e['argv'][:1] == ['vxsnap'] and 'make' in e['argv'])
            print('%-8d %9.1f %10d %9d %14d' % (count, seconds, len(calls), sum(e['changed'] for e in calls), makes))
            results[count] = (estate, seconds, calls)
        print('time per extra clone: %.2f s; CLI calls per extra clone: %.1f (simulated time runs 20x faster)'
              % ((results[20][1] - results[1][1]) / 19, (len(results[20][2]) - len(results[1][2])) / 19.0))
        estate = results[20][0]
        for written in (0, WRITTEN):
            if written:
                for n in range(1, 21):
                    estate.sim('write', '--node', 'prod-n1', 'bootdg/vm%02d_boot' % n, written)
            savings = call_module(estate, 'vxvm_info', {'diskgroup': 'bootdg'}).result['savings']
            print('storage for 20 clones of a 20 GiB image, %s written to each: %.2f GiB of cache in use '
                  '(cache volume %.1f GiB) against %.0f GiB for 20 full copies: %.2f%% saved'
                  % (written or 'nothing', savings['used_bytes'] / GIB, savings['cache_size_bytes'] / GIB,
                     savings['full_copies_bytes'] / GIB, savings['saved_percent']))


if __name__ == '__main__':
    main()
