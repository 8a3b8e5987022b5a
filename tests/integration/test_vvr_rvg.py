"""vvr_rvg against the simulator: create and start with autosync, twice, check mode, pause / resume / stop,
removal refused while in use or replicating, bad input leaving the estate as it was."""

import pytest

from modcall import assert_refused, call_module

VRADMIN = ['vradmin', '-g', 'appdg']
READS = [['vxprint', '-g', 'appdg', '-htr'], VRADMIN + ['-l', 'repstatus', 'app_rvg']]


def sim(estate, node, *argv):
    rc, out, err = estate.run(node, list(argv))
    assert rc == 0, (argv, out, err)
    return out


@pytest.fixture
def appdg(fast_estate):
    """appdg on prod-n1 (datavol, logvol) and on dr-n1 (the same, and the SRL app_rvg_srl)."""
    for node, disk in (('prod-n1', 'emc0_0'), ('dr-n1', 'hds0_0')):
        sim(fast_estate, node, 'vxdisksetup', '-i', disk)
        sim(fast_estate, node, 'vxdg', 'init', 'appdg', disk)
        sim(fast_estate, node, 'vxassist', '-g', 'appdg', 'make', 'datavol', '100m')
        sim(fast_estate, node, 'vxassist', '-g', 'appdg', 'make', 'logvol', '20m')
    sim(fast_estate, 'dr-n1', 'vxassist', '-g', 'appdg', 'make', 'app_rvg_srl', '200m')
    return fast_estate


def rds(**extra):
    request = {'diskgroup': 'appdg', 'name': 'app_rvg', 'volumes': ['datavol', 'logvol'], 'srl_size': '200m',
               'primary': 'prod-n1', 'secondaries': [{'host': 'dr-n1'}], 'state': 'started'}
    request.update(extra)
    return request


def statuses(call):
    return [(s['host'], s['replication'], s['data_status'], s['replication_status'])
            for s in call.result['rds']['secondaries']]


CREATE = [
    ['vxassist', '-g', 'appdg', 'make', 'app_rvg_srl', '200m'],
    VRADMIN + ['createpri', 'app_rvg', 'datavol,logvol', 'app_rvg_srl'],
    VRADMIN + ['addsec', 'app_rvg', 'prod-n1', 'dr-n1', 'synchronous=off', 'bandwidth_limit=100mbps'],
    VRADMIN + ['-a', 'startrep', 'app_rvg', 'dr-n1'],
]
UP_TO_DATE = [('dr-n1', 'started', 'consistent, up-to-date', 'replicating (connected)')]


def test_started_waits_for_the_autosync_twice_and_check_mode(appdg):
    request = rds(secondaries=[{'host': 'dr-n1', 'bandwidth_limit': '100mbps'}])
    dry = call_module(appdg, 'vvr_rvg', request, check=True, diff=True)
    assert dry.result['changed'] is True and dry.result['commands'] == CREATE
    assert dry.changing_calls == []
    assert dry.result['diff']['before'] == {}

    # 120 MiB at 100 Mbit/s: about 10 simulated seconds, half a second here; the task polls until it is over
    first = call_module(appdg, 'vvr_rvg', request)
    assert first.result['changed'] is True and first.result['waited'] is True, first.result
    assert first.changing_calls == CREATE
    polls = [entry['argv'] for entry in first.calls[len(CREATE) + 1:]]
    assert len(polls) >= 2 and all(argv == READS[1] for argv in polls), polls
    assert statuses(first) == UP_TO_DATE
    assert first.result['rds']['secondaries'][0]['bandwidth_limit_bps'] == 100000000

    second = call_module(appdg, 'vvr_rvg', request)
    assert second.result['changed'] is False and second.result['commands'] == []
    assert [entry['argv'] for entry in second.calls] == READS
    assert statuses(second) == UP_TO_DATE


def test_pause_resume_stop_start_and_mode(appdg):
    call_module(appdg, 'vvr_rvg', rds(wait=False))

    paused = call_module(appdg, 'vvr_rvg', rds(state='paused'))
    assert paused.changing_calls == [VRADMIN + ['pauserep', 'app_rvg', 'dr-n1']]
    assert paused.result['rds']['secondaries'][0]['replication_status'] == 'paused by user'

    resumed = call_module(appdg, 'vvr_rvg', rds(state='started'))
    assert resumed.changing_calls == [VRADMIN + ['resumerep', 'app_rvg', 'dr-n1']]
    assert statuses(resumed) == UP_TO_DATE

    stopped = call_module(appdg, 'vvr_rvg', rds(state='stopped', secondaries=[{'host': 'dr-n1', 'mode': 'sync'}]),
                          diff=True)
    assert stopped.changing_calls == [VRADMIN + ['set', 'app_rvg', 'dr-n1', 'synchronous=override'],
                                      VRADMIN + ['stoprep', 'app_rvg', 'dr-n1']]
    assert stopped.result['diff']['before']['secondaries'] == [
        {'host': 'dr-n1', 'mode': 'async', 'replication': 'started', 'bandwidth_limit_bps': None}]
    assert stopped.result['diff']['after']['secondaries'] == [
        {'host': 'dr-n1', 'mode': 'sync', 'replication': 'stopped', 'bandwidth_limit_bps': None}]
    assert statuses(stopped) == [('dr-n1', 'stopped', 'consistent, stale', 'stopped')]

    restarted = call_module(appdg, 'vvr_rvg', rds())
    assert restarted.changing_calls == [VRADMIN + ['-a', 'startrep', 'app_rvg', 'dr-n1']]
    assert statuses(restarted) == UP_TO_DATE
    assert restarted.result['rds']['secondaries'][0]['mode'] == 'sync'


def test_absent_refused_while_in_use_or_replicating_keeps_the_volumes(appdg):
    call_module(appdg, 'vvr_rvg', rds(wait=False))
    appdg.sim('open', '--node', 'prod-n1', 'appdg/datavol')
    assert_refused(call_module(appdg, 'vvr_rvg', rds(state='absent', force=True)),
                   'RDS app_rvg is in use: data volume datavol is open')
    appdg.sim('close', '--node', 'prod-n1', 'appdg/datavol')
    assert_refused(call_module(appdg, 'vvr_rvg', rds(state='absent')),
                   'replication of RDS app_rvg to dr-n1 is not stopped: set force=true')

    removed = call_module(appdg, 'vvr_rvg', rds(state='absent', force=True))
    assert removed.changing_calls == [VRADMIN + ['stoprep', 'app_rvg', 'dr-n1'],
                                      VRADMIN + ['delsec', 'app_rvg', 'dr-n1'], VRADMIN + ['delpri', 'app_rvg']]
    assert removed.result['rds'] == {}
    volumes = sim(appdg, 'prod-n1', 'vxprint', '-g', 'appdg', '-q', '-v', '-F', '%name')
    assert volumes.split() == ['app_rvg_srl', 'datavol', 'logvol']
    assert 'rv ' not in sim(appdg, 'dr-n1', 'vxprint', '-g', 'appdg', '-htr')

    again = call_module(appdg, 'vvr_rvg', rds(state='absent'))
    assert again.result['changed'] is False and [entry['argv'] for entry in again.calls] == READS[:1]


def test_bad_input_leaves_the_estate_as_it_was(appdg):
    before = {node: sim(appdg, node, 'vxprint', '-g', 'appdg', '-htr') for node in ('prod-n1', 'dr-n1')}
    sim(appdg, 'dr-n1', 'vxassist', '-g', 'appdg', 'remove', 'volume', 'logvol')
    before['dr-n1'] = sim(appdg, 'dr-n1', 'vxprint', '-g', 'appdg', '-htr')

    missing = call_module(appdg, 'vvr_rvg', rds())
    assert missing.result['failed'] and missing.result['vcode'] == 'V-5-52-338', missing.result
    assert 'Volume logvol does not exist in disk group appdg on host dr-n1' in missing.result['msg']
    assert missing.result['rolled_back'] == [VRADMIN + ['delpri', 'app_rvg'],
                                             ['vxassist', '-g', 'appdg', 'remove', 'volume', 'app_rvg_srl']]

    unknown = call_module(appdg, 'vvr_rvg', rds(volumes=['datavol'], secondaries=[{'host': 'dr-n9'}]))
    assert unknown.result['failed'] and 'Host dr-n9 is not known' in unknown.result['msg'], unknown.result
    assert unknown.result['rolled_back'][0] == VRADMIN + ['delpri', 'app_rvg']

    assert_refused(call_module(appdg, 'vvr_rvg', rds(volumes=['datavol', 'nosuch'])),
                   'volume nosuch is not in disk group appdg on the Primary')

    for node, text in before.items():
        assert sim(appdg, node, 'vxprint', '-g', 'appdg', '-htr') == text, node
