"""Volume Replicator modules: CLI calls of a no-op vvr_rvg run, and a planned migration's duration
against the simulated time to drain the SRL plus the role switch.

Estate: the two-site estate with simulated time running SPEED (10) times faster and a replication
link of BANDWIDTH (100 Mbit/s = 12.5 MB per simulated second); RDS app_rvg of disk group appdg,
data volume datavol (512m) and SRL app_rvg_srl (1g), Primary prod-n1, Secondary dr-n1, built with
vvr_rvg state=started (autosync, waited for).

1. vvr_rvg state=started run a second time on the RDS in sync: its CLI calls and their argv heads
   (target: reads only, as few as possible).
2. A planned migration to dr-n1 with WRITE (384m) written to datavol on prod-n1 just before, so the
   Secondary is behind. vvr_role mode=migrate refuses while the Secondary is not up to date (its docs;
   tests/integration/test_vvr_role.py checks it) and does not wait, so the migration is two tasks:
   vvr_rvg state=started on prod-n1 (it polls repstatus until every Secondary is consistent, up to
   date, replicating - at once, then 1, 2, 4, 8 s apart, then every 10 s, but never past the time the
   backlog should be gone at the drain rate seen between two reads), then vvr_role mode=migrate
   on dr-n1. The ideal is the simulated drain time, bytes / (bandwidth / 8) / SPEED, plus the role
   switch (vradmin migrate takes no simulated time in the simulator: ops.migrate switches the roles
   at once, nothing sleeps). Measured: the module calls from the audit log, from the first CLI call
   of the first task to the end of the last CLI call of the second (as module_seconds in
   vcs_calls_and_times.py; the Ansible start of the second task is in it). Fixed overhead: the same
   two tasks on an RDS with nothing to drain, measured the same way.
   Target: measured <= 1.10 * simulated + fixed overhead. Also printed: the same comparison on the two
   tasks' module times alone (the Ansible time between the tasks varies by seconds from run to run,
   more than the 10 % margin), and how late after the simulated drain the wait's last read came.
Fails (exit status 1, with the output) when a run fails; a target that is not met is only reported.
Run with the project's venv: .venv/bin/python bench/vvr_migration_and_noop.py
"""

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / 'tests' / 'integration'))

from harness import init_estate  # noqa: E402
from modcall import call_module  # noqa: E402

from infoscale_sim.sizes import parse_length  # noqa: E402
from infoscale_sim.vvr.model import SECTOR  # noqa: E402

SPEED = 10.0
BANDWIDTH = '100mbps'
BANDWIDTH_BPS = 100 * 10 ** 6
DATA_SIZE, SRL_SIZE, WRITE = '512m', '1g', '384m'
DG, RVG = 'appdg', 'app_rvg'
RDS = {'diskgroup': DG, 'name': RVG, 'volumes': ['datavol'], 'srl_size': SRL_SIZE, 'primary': 'prod-n1',
       'secondaries': [{'host': 'dr-n1'}], 'state': 'started'}
MIGRATE = {'diskgroup': DG, 'rvg': RVG, 'mode': 'migrate'}


class BenchError(RuntimeError):
    """A run the benchmark depends on failed."""


def estate_file(folder):
    data = yaml.safe_load((REPO / 'simulator' / 'estates' / 'two-site.yml').read_text())
    data['speed'] = SPEED
    for link in data['replication_links']:
        link['bandwidth'] = BANDWIDTH
    path = Path(folder) / 'estate-vvr.yml'
    path.write_text(yaml.safe_dump(data))
    return path


def run_ok(estate, node, argv):
    rc, out, err = estate.run(node, argv)
    if rc != 0:
        raise BenchError('%s on %s failed (rc=%d): %s%s' % (' '.join(argv), node, rc, out, err))
    return out


def ok(call, what):
    """The module call, unless it failed."""
    if call.result.get('failed'):
        raise BenchError('%s failed: %s\n--- result\n%s' % (what, call.result.get('msg'), call.result))
    return call


def rds_estate(folder, name):
    """A fresh estate with appdg on prod-n1 and dr-n1 and the RDS built and in sync (vvr_rvg state=started)."""
    estate = init_estate(Path(folder) / name, estate_file(folder))
    for node, disk in (('prod-n1', 'emc0_0'), ('dr-n1', 'hds0_0')):
        run_ok(estate, node, ['vxdisksetup', '-i', disk])
        run_ok(estate, node, ['vxdg', 'init', DG, disk])
        run_ok(estate, node, ['vxassist', '-g', DG, 'make', 'datavol', DATA_SIZE])
    run_ok(estate, 'dr-n1', ['vxassist', '-g', DG, 'make', 'app_rvg_srl', SRL_SIZE])
    built = ok(call_module(estate, 'vvr_rvg', RDS), 'vvr_rvg state=started (build)')
    if not (built.result['changed'] and built.result.get('waited')):
        raise BenchError('vvr_rvg did not build and wait for the RDS: %s' % built.result)
    return estate, built


def heads(call):
    return ', '.join(' '.join(entry['argv']) for entry in call.calls)


def module_seconds(*calls):
    """From the start of the first CLI call of the first task to the end of the last one of the last task."""
    first, last = calls[0].calls[0], calls[-1].calls[-1]
    return last['time'] + last['duration'] - first['time']


def task_seconds(call):
    return module_seconds(call)


def between(first, second):
    """Seconds from the end of the first task's last CLI call to the start of the second task's first."""
    last = first.calls[-1]
    return second.calls[0]['time'] - last['time'] - last['duration']


def verdict(took, simulated, overhead, what):
    budget = 1.10 * simulated + overhead
    print('%s: %.2f s; simulated %.2f s + overhead %.2f s = %.2f s (%+.2f s, %+.1f %% of the simulated time); '
          'target (simulated +10%% + overhead) %.2f s: %s'
          % (what, took, simulated, overhead, simulated + overhead, took - simulated - overhead,
             100.0 * (took - simulated - overhead) / simulated, budget, 'met' if took <= budget else 'NOT met'))


def migration(estate):
    """vvr_rvg state=started (waits until dr-n1 is up to date) on prod-n1, then vvr_role migrate on dr-n1."""
    waited = ok(call_module(estate, 'vvr_rvg', RDS), 'vvr_rvg state=started (wait for up to date)')
    moved = ok(call_module(estate, 'vvr_role', MIGRATE, target='dr-n1'), 'vvr_role mode=migrate')
    if moved.result.get('action') != 'migrate' or moved.result['rds'].get('primary') != 'dr-n1':
        raise BenchError('vvr_role did not migrate the RDS to dr-n1: %s' % moved.result)
    if moved.changing_calls != [['vradmin', '-g', DG, 'migrate', RVG, 'dr-n1']]:
        raise BenchError('unexpected changing calls of the migration: %s' % moved.changing_calls)
    return waited, moved


def main():
    with tempfile.TemporaryDirectory() as work:
        # 1. the no-op run
        quiet, built = rds_estate(work, 'nothing-to-drain')
        again = ok(call_module(quiet, 'vvr_rvg', RDS), 'vvr_rvg state=started (second run)')
        reads = [entry for entry in again.calls if not entry['changed']]
        print('vvr_rvg build (SRL, createpri, addsec, autosync of %s at %s, speed %g): %.2f s in the module, '
              '%d CLI calls' % (DATA_SIZE, BANDWIDTH, SPEED, task_seconds(built), len(built.calls)))
        print('vvr_rvg state=started, no-op (second run): changed=%s, %d CLI calls, %d reads: %s'
              % (again.result['changed'], len(again.calls), len(reads), heads(again)))

        # fixed overhead: the same two tasks with nothing to drain
        base_wait, base_move = migration(quiet)
        overhead = module_seconds(base_wait, base_move)
        print('migration with nothing to drain (fixed overhead): %.2f s from the first CLI call to the end of '
              'the last: vvr_rvg %.2f s (%d calls: %s), Ansible between the tasks %.2f s, vvr_role %.2f s '
              '(%d calls: %s)' % (overhead, task_seconds(base_wait), len(base_wait.calls), heads(base_wait),
                                  between(base_wait, base_move), task_seconds(base_move), len(base_move.calls),
                                  heads(base_move)))

        # 2. the migration with WRITE to drain
        busy, _ = rds_estate(work, 'drain')
        before = time.time()
        busy.sim('write', '--state', str(busy.state), '--node', 'prod-n1', '%s/datavol' % DG, WRITE)
        written = time.time()
        waited, moved = migration(busy)

    nbytes = parse_length(WRITE) * SECTOR
    drain_sim = nbytes / (BANDWIDTH_BPS / 8.0)
    switch_sim = 0.0
    simulated = (drain_sim + switch_sim) / SPEED
    drained_at = before + simulated
    polls = [entry['time'] + entry['duration'] - drained_at for entry in waited.calls if 'repstatus' in entry['argv']]
    print('write of %s (%d bytes) to %s/datavol on prod-n1 at %s: SRL drain %.2f s simulated + role switch %.2f s '
          'simulated = %.2f s at speed %g' % (WRITE, nbytes, DG, BANDWIDTH, drain_sim, switch_sim, simulated, SPEED))
    print('vvr_rvg wait: %.2f s in the module, %d CLI calls (%s); its first call %.2f s after the write; '
          'its repstatus reads ended %s s from the end of the simulated drain (counted from the write)'
          % (task_seconds(waited), len(waited.calls), heads(waited), waited.calls[0]['time'] - written,
             ', '.join('%+.2f' % p for p in polls)))
    print('Ansible between the tasks %.2f s; vvr_role migrate: %.2f s in the module, %d CLI calls (%s)'
          % (between(waited, moved), task_seconds(moved), len(moved.calls), heads(moved)))

    took = module_seconds(waited, moved)
    verdict(took, simulated, overhead, 'migration with %s to drain, from the first CLI call to the end of the last '
            '(%.2f s from the write)' % (WRITE, moved.calls[-1]['time'] + moved.calls[-1]['duration'] - before))
    verdict(task_seconds(waited) + task_seconds(moved), simulated,
            task_seconds(base_wait) + task_seconds(base_move),
            'the same, the two tasks\' module times only (without Ansible between them, which varies by seconds '
            'from run to run)')
    print('the wait ended %.2f s after the simulated drain (%.1f %% of it): vvr_rvg reads repstatus at once, then '
          '1, 2, 4, 8 s apart, then every 10 s, no later than the expected end of the drain; '
          'its first CLI call came %.2f s after the write (Ansible starting), '
          'drain time that the module times do not count' % (polls[-1], 100.0 * polls[-1] / simulated,
                                                            waited.calls[0]['time'] - written))
    return 0


if __name__ == '__main__':
    try:
        sys.exit(main())
    except (BenchError, subprocess.SubprocessError, RuntimeError) as error:
        print('bench/vvr_migration_and_noop.py: %s' % error, file=sys.stderr)
        sys.exit(1)
