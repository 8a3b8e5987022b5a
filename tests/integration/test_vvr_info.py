"""vvr_info against the simulator: an RDS made by hand with vradmin, writes in flight, a link outage."""

import time

from modcall import call_module

SETUP = [
    ('prod-n1', ['vxdisksetup', '-i', 'emc0_0']), ('prod-n1', ['vxdg', 'init', 'appdg', 'emc0_0']),
    ('prod-n1', ['vxassist', '-g', 'appdg', 'make', 'datavol', '100m']),
    ('prod-n1', ['vxassist', '-g', 'appdg', 'make', 'app_srl', '200m']),
    ('dr-n1', ['vxdisksetup', '-i', 'hds0_0']), ('dr-n1', ['vxdg', 'init', 'appdg', 'hds0_0']),
    ('dr-n1', ['vxassist', '-g', 'appdg', 'make', 'datavol', '100m']),
    ('dr-n1', ['vxassist', '-g', 'appdg', 'make', 'app_srl', '200m']),
    ('prod-n1', ['vradmin', '-g', 'appdg', 'createpri', 'app_rvg', 'datavol', 'app_srl']),
    ('prod-n1', ['vradmin', '-g', 'appdg', 'addsec', 'app_rvg', 'prod-n1', 'dr-n1']),
    ('prod-n1', ['vradmin', '-g', 'appdg', '-f', 'startrep', 'app_rvg', 'dr-n1']),
]


def rds(estate):
    for node, argv in SETUP:
        rc, out, err = estate.run(node, argv)
        assert rc == 0, (argv, out, err)


def test_up_to_date_then_behind_while_the_link_is_down(fast_estate):
    rds(fast_estate)
    info = call_module(fast_estate, 'vvr_info', {'diskgroup': 'appdg', 'rvg': 'app_rvg'})
    assert info.result['changed'] is False and info.changing_calls == []
    assert [c['argv'][:2] for c in info.calls] == [['vradmin', '-g'], ['vxrlink', '-g']]
    assert info.result['primary']['host'] == 'prod-n1' and info.result['primary']['data_volumes'] == 1
    (secondary,) = info.result['secondaries']
    assert (secondary['host'], secondary['up_to_date'], secondary['replicating'], secondary['lag_bytes']) == \
        ('dr-n1', True, True, 0)

    fast_estate.sim('fault', 'replication-link', 'down')
    fast_estate.sim('write', '--node', 'prod-n1', 'appdg/datavol', '20m')
    behind = call_module(fast_estate, 'vvr_info', {'diskgroup': 'appdg', 'rvg': 'app_rvg'}).result['secondaries'][0]
    assert behind['up_to_date'] is False and behind['consistent'] is True
    assert behind['lag_bytes'] == 20 * 1024 * 1024 and behind['srl_percent'] == 10
    time.sleep(0.5)                                   # 10 simulated seconds at the estate's speed of 20
    fast_estate.sim('write', '--node', 'prod-n1', 'appdg/datavol', '20m')
    later = call_module(fast_estate, 'vvr_info', {'diskgroup': 'appdg', 'rvg': 'app_rvg'}).result['secondaries'][0]
    assert later['lag_bytes'] == 40 * 1024 * 1024 and later['srl_percent'] == 20
    assert later['lag_seconds'] >= behind['lag_seconds'] + 10

    fast_estate.sim('fault', 'replication-link', 'up')
    rc, out, err = fast_estate.run('prod-n1', ['vradmin', '-g', 'appdg', 'repstatus', 'app_rvg'])
    assert rc == 0, out + err


def test_from_the_secondary_the_lag_in_bytes_is_not_known(fast_estate):
    rds(fast_estate)
    info = call_module(fast_estate, 'vvr_info', {'diskgroup': 'appdg', 'rvg': 'app_rvg'}, target='dr-n1')
    assert info.result['secondaries'][0]['data_status'] == 'consistent, up-to-date'
    assert (info.result['secondaries'][0]['lag_bytes'], info.result['secondaries'][0]['srl_percent']) == (None, None)
    assert any('run on the Primary' in warning for warning in info.result['warnings'])


def test_an_unknown_rvg_fails_clearly(fast_estate):
    rds(fast_estate)
    info = call_module(fast_estate, 'vvr_info', {'diskgroup': 'appdg', 'rvg': 'nosuch'})
    assert info.result['failed'] and 'nosuch' in info.result['msg'] and info.result['vcode']
