"""Time to parse `vxprint -g dg -htr` of a disk group with 10,000 volumes (target: under 0.5 s).

The disk group is built by the simulator's Python API in one transaction (10,000 CLI calls
would only measure process start-up), its `vxprint -htr` text is rendered by the simulator,
and then parsed the way vxvm_volume reads a disk group: parse_vxprint + diskgroup_view.
Run with the project's venv: .venv/bin/python bench/parse_vxprint_10000.py
"""

import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
COLLECTIONS = REPO / '.build' / 'collections'
sys.path.insert(0, str(COLLECTIONS))

from infoscale_sim.vxvm import api  # noqa: E402

from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._parse import parse_vxprint  # noqa: E402
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._records import diskgroup_view  # noqa: E402

VOLUMES = 10000
ROUNDS = 5


def best_of(rounds, work):
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - started)
    return min(times), result


def main():
    if not (COLLECTIONS / 'ansible_collections' / 'continuum' / 'infoscale').exists():
        sys.exit('run `make venv` (or any pytest run) first: it links the collection under .build/collections')
    with tempfile.TemporaryDirectory() as work:
        state = Path(work) / 'state'
        subprocess.run([str(Path(sys.executable).parent / 'infoscale-sim'), 'init', '--state', str(state),
                        '--inventory', str(Path(work) / 'inventory.yml')], check=True, capture_output=True)
        started = time.perf_counter()
        api.create_disk_group(state, 'prod-n1', 'bigdg')
        api.add_volumes(state, 'prod-n1', 'bigdg', VOLUMES, '50m')
        built = time.perf_counter() - started
        text = api.vxprint_text(state, 'prod-n1', ['-g', 'bigdg', '-htr'])
    lines = text.count('\n')
    parse_time, records = best_of(ROUNDS, lambda: parse_vxprint(text))
    view_time, view = best_of(ROUNDS, lambda: diskgroup_view(records, 'bigdg'))
    assert len(view['volumes']) == VOLUMES, len(view['volumes'])
    print('disk group of %d volumes built by the simulator API in %.1f s' % (VOLUMES, built))
    print('vxprint -g bigdg -htr: %d lines, %.1f MB' % (lines, len(text) / 1e6))
    print('parse_vxprint:  %.3f s (best of %d)' % (parse_time, ROUNDS))
    print('diskgroup_view: %.3f s (best of %d)' % (view_time, ROUNDS))
    print('total:          %.3f s (target: under 0.5 s)' % (parse_time + view_time))


if __name__ == '__main__':
    main()
