"""vcs_remote_cluster against the simulator: both clusters linked, twice, check mode, refusals."""

from modcall import assert_refused, call_module

PROD = {'name': 'drclus', 'address': '10.20.1.100', 'cluster_address': '10.10.1.100'}
DR = {'name': 'prodclus', 'address': '10.10.1.100', 'cluster_address': '10.20.1.100'}


def test_link_both_ways_wait_then_nothing_to_do(fast_estate):
    preview = call_module(fast_estate, 'vcs_remote_cluster', PROD, check=True)
    assert preview.result['changed'] and preview.changing_calls == []
    first = call_module(fast_estate, 'vcs_remote_cluster', PROD)
    assert first.result['commands'] == [
        ['haconf', '-makerw'], ['haclus', '-modify', 'ClusterAddress', '10.10.1.100'],
        ['haclus', '-add', 'drclus', '10.20.1.100'], ['hahb', '-add', 'Icmp'],
        ['hahb', '-modify', 'Icmp', 'ClusterList', 'drclus'],
        ['hahb', '-modify', 'Icmp', 'Arguments', '10.20.1.100', '-clus', 'drclus'], ['haconf', '-dump', '-makero']]
    assert first.changing_calls == first.result['commands']
    other = call_module(fast_estate, 'vcs_remote_cluster', dict(DR, wait=True, wait_timeout=60), target='dr-n1')
    assert other.result['remote_state'] == 'RUNNING', other.result
    assert fast_estate.run('prod-n1', ['haclus', '-state', 'drclus'])[1].strip() == 'RUNNING'
    again = call_module(fast_estate, 'vcs_remote_cluster', PROD)
    assert again.result['changed'] is False and again.changing_calls == []
    assert [c['argv'][:2] for c in again.calls] == [['haclus', '-value']]
    assert again.result['cluster']['remotes'] == {'drclus': '10.20.1.100'}


def test_a_new_address_is_modified_and_absent_is_refused_while_a_global_group_uses_it(fast_estate):
    call_module(fast_estate, 'vcs_remote_cluster', PROD)
    moved = call_module(fast_estate, 'vcs_remote_cluster', dict(PROD, address='10.20.1.200'))
    assert moved.result['commands'][1:-1] == [
        ['haclus', '-modify', 'ClusterAddress', '10.20.1.200', '-clus', 'drclus'],
        ['hahb', '-modify', 'Icmp', 'Arguments', '10.20.1.200', '-clus', 'drclus']]
    made = call_module(fast_estate, 'vcs_service_group', {
        'name': 'gsg', 'system_list': ['prod-n1', 'prod-n2'], 'cluster_list': ['prodclus', 'drclus'],
        'resources': [{'name': 'gsg_ph', 'type': 'Phantom'}]})
    assert made.result['changed'] and not made.result.get('failed'), made.result
    assert ['hagrp', '-modify', 'gsg', 'ClusterList', 'prodclus', '0', 'drclus', '1'] in made.result['commands'], made.result
    assert_refused(call_module(fast_estate, 'vcs_remote_cluster', {'name': 'drclus', 'state': 'absent'}),
                   'in the ClusterList of gsg')
    gone = call_module(fast_estate, 'vcs_remote_cluster', {'name': 'drclus', 'state': 'absent', 'force': True})
    assert gone.result['commands'][1:-1] == [['hahb', '-delete', 'Icmp'], ['haclus', '-delete', 'drclus']], gone.result


def test_bad_input_is_refused_before_anything_runs(fast_estate):
    assert_refused(call_module(fast_estate, 'vcs_remote_cluster', {'name': 'drclus'}), 'address')
    assert_refused(call_module(fast_estate, 'vcs_remote_cluster', {'name': 'prodclus', 'address': '10.1.1.1'}),
                   'prodclus is this cluster')
    assert_refused(call_module(fast_estate, 'vcs_remote_cluster', {'name': 'drclus', 'address': '10.20.1.100'}),
                   'no ClusterAddress yet')
    assert_refused(call_module(fast_estate, 'vcs_remote_cluster', dict(PROD, heartbeat='Udp')), 'Icmp or IcmpS')
