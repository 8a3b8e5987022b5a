"""vvr_role against the simulator: a planned migration with writes in flight, a takeover after
the Primary site crashed (data-loss gate, failback synchronization), a takeover without
failback logging then makesec, and bad input.

RDS app_rvg of disk group appdg: data volume datavol (100m) and SRL app_srl (200m) on prod-n1
(Primary) and dr-n1 (Secondary), in sync from the start (startrep -f). Simulated time runs 20
times faster; to keep writes in flight for as long as a test needs, the Primary's rlink is
throttled with ``vradmin set bandwidth_limit=200kbps`` and released with ``bandwidth_limit=none``.
"""

import time

import pytest

from harness import mutating_calls
from modcall import assert_refused, call_module

DG, RVG = 'appdg', 'app_rvg'
RDS = {'diskgroup': DG, 'rvg': RVG}
READS = [['vradmin', '-g', DG, 'printrvg', RVG], ['vradmin', '-g', DG, '-l', 'repstatus', RVG]]


def run_ok(estate, node, argv):
    rc, out, err = estate.run(node, argv)
    assert rc == 0, '%s on %s: %s%s' % (' '.join(argv), node, out, err)
    return out


@pytest.fixture
def rds(fast_estate):
    """prod-n1 replicating to dr-n1, both up to date."""
    for node, enclosure in (('prod-n1', 'emc0'), ('dr-n1', 'hds0')):
        for disk in ('%s_0' % enclosure, '%s_1' % enclosure):
            run_ok(fast_estate, node, ['vxdisksetup', '-i', disk])
        run_ok(fast_estate, node, ['vxdg', 'init', DG, '%s_0' % enclosure, '%s_1' % enclosure])
        run_ok(fast_estate, node, ['vxassist', '-g', DG, 'make', 'datavol', '100m'])
        run_ok(fast_estate, node, ['vxassist', '-g', DG, 'make', 'app_srl', '200m'])
    run_ok(fast_estate, 'prod-n1', ['vradmin', '-g', DG, 'createpri', RVG, 'datavol', 'app_srl'])
    run_ok(fast_estate, 'prod-n1', ['vradmin', '-g', DG, 'addsec', RVG, 'prod-n1', 'dr-n1'])
    run_ok(fast_estate, 'prod-n1', ['vradmin', '-g', DG, '-f', 'startrep', RVG])
    return fast_estate


def throttle(estate, limit):
    run_ok(estate, 'prod-n1', ['vradmin', '-g', DG, 'set', RVG, 'dr-n1', 'bandwidth_limit=%s' % limit])


def write(estate, node, size):
    estate.sim('write', '--state', str(estate.state), '--node', node, '%s/datavol' % DG, size)


def primary_seen_from(estate, node):
    out = run_ok(estate, node, ['vradmin', '-g', DG, 'printrvg', RVG])
    return out.split('Primary:')[1].split('HostName:')[1].split()[0]


def role(estate, node, **args):
    return call_module(estate, 'vvr_role', dict(RDS, **args), target=node)


def test_planned_migration_waits_for_the_writes_in_flight(rds):
    throttle(rds, '200kbps')
    write(rds, 'prod-n1', '20m')
    behind = role(rds, 'dr-n1')
    assert_refused(behind, 'Cannot migrate RDS app_rvg to dr-n1', 'Data status: consistent, behind')

    throttle(rds, 'none')                       # the writes drain at once
    dry = call_module(rds, 'vvr_role', RDS, check=True, diff=True, target='dr-n1')
    assert dry.result['commands'] == [['vradmin', '-g', DG, 'migrate', RVG, 'dr-n1']] and dry.changing_calls == []
    assert dry.result['diff']['after']['primary'] == 'dr-n1'

    done = role(rds, 'dr-n1')
    assert done.changing_calls == [['vradmin', '-g', DG, 'migrate', RVG, 'dr-n1']]
    assert done.result['data_lost'] == {'seconds': 0, 'bytes': 0}
    assert done.result['rds']['primary'] == 'dr-n1'
    assert [(side['host'], side['up_to_date']) for side in done.result['rds']['secondaries']] == [('prod-n1', True)]
    assert primary_seen_from(rds, 'prod-n1') == 'dr-n1'

    again = role(rds, 'dr-n1')
    assert again.result['changed'] is False and [entry['argv'] for entry in again.calls] == READS


def test_takeover_after_the_primary_crashed_then_failback_synchronization(rds):
    throttle(rds, '200kbps')
    write(rds, 'prod-n1', '20m')
    time.sleep(0.3)                              # about 6 simulated seconds of writes not yet sent
    rds.sim('fault', '--state', str(rds.state), 'crash-node', 'prod-n1')

    over = role(rds, 'dr-n1', mode='takeover')
    assert_refused(over, 'Cannot take over RDS app_rvg on dr-n1', 'more than max_data_loss=0 s', 'accept_data_loss')

    taken = role(rds, 'dr-n1', mode='takeover', accept_data_loss=True)
    assert taken.changing_calls == [['vradmin', '-g', DG, 'takeover', RVG]]
    lost = taken.result['data_lost']
    assert lost['seconds'] >= 1 and 0 < lost['bytes'] <= 20 * 1024 * 1024, lost
    assert taken.result['rds']['primary'] == 'dr-n1'

    early = role(rds, 'dr-n1', mode='takeover', accept_data_loss=True, fbsync=True)
    assert early.result['changed'] is False and early.changing_calls == []
    assert any('prod-n1 is not back yet' in warning for warning in early.result['warnings'])

    rds.sim('fault', '--state', str(rds.state), 'restore-node', 'prod-n1')
    status = run_ok(rds, 'dr-n1', ['vradmin', '-g', DG, 'repstatus', RVG])
    assert 'needs failback synchronization' in status
    run_ok(rds, 'dr-n1', ['vradmin', '-g', DG, 'set', RVG, 'prod-n1', 'bandwidth_limit=none'])
    synced = role(rds, 'dr-n1', mode='takeover', accept_data_loss=True, fbsync=True)
    assert synced.changing_calls == [['vradmin', '-g', DG, '-wait', 'fbsync', RVG]]
    side = synced.result['rds']['secondaries'][0]
    assert (side['host'], side['data_status'], side['replicating']) == ('prod-n1', 'consistent, up-to-date', True)
    assert primary_seen_from(rds, 'prod-n1') == 'dr-n1'


def test_takeover_without_failback_logging_then_makesec(rds):
    rds.sim('fault', '--state', str(rds.state), 'replication-link', 'down')
    taken = role(rds, 'dr-n1', mode='takeover', fast_failback=False)
    assert taken.changing_calls == [['vradmin', '-g', DG, '-N', 'takeover', RVG]]
    assert taken.result['data_lost'] == {'seconds': 0, 'bytes': 0}
    rds.sim('fault', '--state', str(rds.state), 'replication-link', 'up')
    assert primary_seen_from(rds, 'prod-n1') == 'prod-n1'      # two Primaries now

    dry = call_module(rds, 'vvr_role', dict(RDS, makesec=True, primary_host='dr-n1'), check=True, target='prod-n1')
    assert dry.result['commands'] == [['vradmin', '-g', DG, 'makesec', RVG, 'dr-n1'],
                                      ['vradmin', '-g', DG, '-a', 'startrep', RVG]]
    assert dry.changing_calls == []

    back = role(rds, 'prod-n1', makesec=True, primary_host='dr-n1')
    assert back.changing_calls == dry.result['commands']
    assert back.result['rds']['primary'] == 'dr-n1'
    side = back.result['rds']['secondaries'][0]
    assert (side['host'], side['up_to_date'], side['replicating']) == ('prod-n1', True, True)

    again = role(rds, 'prod-n1', makesec=True, primary_host='dr-n1')
    assert again.result['changed'] is False and again.changing_calls == []


def test_bad_input_is_refused_and_changes_nothing(rds):
    cases = [
        (dict(RDS, rvg='nosuch'), ['RVG nosuch does not exist in disk group appdg']),
        (dict(RDS, primary_host='dr-n2'),
         ['Host dr-n2 is not a Secondary of RDS app_rvg (Primary: prod-n1; Secondaries: dr-n1)']),
        (dict(RDS, mode='takeover'), ['The Primary prod-n1 of RDS app_rvg is reachable and healthy', 'force: true']),
        (dict(RDS, mode='takeover', fbsync=True, fast_failback=False), ['fbsync needs fast_failback: true']),
    ]
    run = call_module(rds, 'vvr_role', {'each': [args for args, texts in cases]}, target='dr-n1')
    assert len(run.result['results']) == len(cases)
    for result, (args, texts) in zip(run.result['results'], cases):
        assert result['failed'] and result['commands'] == [], result
        for text in texts:
            assert text in result['msg'], result['msg']
    assert mutating_calls(run.calls) == [] and run.changing_calls == []
    assert primary_seen_from(rds, 'dr-n1') == 'prod-n1'
