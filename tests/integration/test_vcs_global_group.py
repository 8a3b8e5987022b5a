"""A global group across prodclus and drclus (GCO): vcs_remote_cluster both ways, vcs_service_group with
cluster_list on each cluster, vcs_group_state with cluster - online there, switch back, offline there."""

from modcall import assert_refused, call_module

GROUP = {'name': 'gsg', 'cluster_list': ['prodclus', 'drclus'],
         'resources': [{'name': 'gsg_app', 'type': 'Application', 'attributes': {'StartProgram': '/opt/g/start'}}]}


def global_cluster(estate):
    call_module(estate, 'vcs_remote_cluster', {'name': 'drclus', 'address': '10.20.1.100', 'cluster_address': '10.10.1.100'})
    linked = call_module(estate, 'vcs_remote_cluster', {'name': 'prodclus', 'address': '10.10.1.100',
                                                        'cluster_address': '10.20.1.100', 'wait': True}, target='dr-n1')
    assert linked.result['remote_state'] == 'RUNNING', linked.result
    for node, systems in (('prod-n1', ['prod-n1', 'prod-n2']), ('dr-n1', ['dr-n1', 'dr-n2'])):
        made = call_module(estate, 'vcs_service_group', dict(GROUP, system_list=systems), target=node)
        assert made.result['changed'] and not made.result.get('failed'), made.result


def states(estate):
    return estate.run('prod-n1', ['hagrp', '-state', 'gsg'])[1]


def test_online_in_the_remote_cluster_switch_back_and_offline_there(fast_estate):
    global_cluster(fast_estate)
    preview = call_module(fast_estate, 'vcs_group_state', {'name': 'gsg', 'state': 'online', 'cluster': 'drclus'}, check=True)
    assert preview.result['commands'] == [['hagrp', '-online', 'gsg', '-any', '-clus', 'drclus']]
    assert preview.changing_calls == []

    there = call_module(fast_estate, 'vcs_group_state', {'name': 'gsg', 'state': 'online', 'cluster': 'drclus'})
    assert there.result['commands'] == [['hagrp', '-online', 'gsg', '-any', '-clus', 'drclus']], there.result
    assert there.result['waited'] == [{'state': 'ONLINE', 'system': 'dr-n1', 'cluster': 'drclus'}]
    assert 'drclus:dr-n1 |ONLINE|' in states(fast_estate)
    again = call_module(fast_estate, 'vcs_group_state', {'name': 'gsg', 'state': 'online', 'cluster': 'drclus'})
    assert again.result['changed'] is False and again.changing_calls == []

    back = call_module(fast_estate, 'vcs_group_state', {'name': 'gsg', 'state': 'online', 'cluster': 'prodclus',
                                                        'system': 'prod-n2'})
    assert back.result['commands'] == [['hagrp', '-switch', 'gsg', '-to', 'prod-n2', '-clus', 'prodclus']], back.result
    assert back.result['waited'] == [{'state': 'ONLINE', 'system': 'prod-n2', 'cluster': 'prodclus'}]
    rows = [line.split() for line in states(fast_estate).splitlines()[1:]]
    assert [(row[2], row[3]) for row in rows] == [('prod-n1', '|OFFLINE|'), ('prod-n2', '|ONLINE|'),
                                                  ('drclus:dr-n1', '|OFFLINE|'), ('drclus:dr-n2', '|OFFLINE|')]

    to_dr = call_module(fast_estate, 'vcs_group_state', {'name': 'gsg', 'state': 'online', 'cluster': 'drclus',
                                                         'system': 'dr-n2'})
    assert to_dr.result['commands'] == [['hagrp', '-switch', 'gsg', '-to', 'dr-n2', '-clus', 'drclus']], to_dr.result
    assert to_dr.result['waited'] == [{'state': 'ONLINE', 'system': 'dr-n2', 'cluster': 'drclus'}]

    down = call_module(fast_estate, 'vcs_group_state', {'name': 'gsg', 'state': 'offline', 'cluster': 'drclus'})
    assert down.result['commands'] == [['hagrp', '-offline', 'gsg', '-any', '-clus', 'drclus']]
    assert down.result['waited'] == [{'state': 'OFFLINE', 'system': 'dr-n2', 'cluster': 'drclus'}]
    assert '|ONLINE|' not in states(fast_estate)


def test_refusals(fast_estate):
    global_cluster(fast_estate)
    assert_refused(call_module(fast_estate, 'vcs_group_state', {'name': 'gsg', 'state': 'online', 'cluster': 'nosuch'}),
                   'no systems in cluster nosuch')
    assert_refused(call_module(fast_estate, 'vcs_group_state', {'name': 'gsg', 'state': 'frozen', 'cluster': 'drclus'}),
                   'cluster applies to state=online or state=offline')
    assert_refused(call_module(fast_estate, 'vcs_group_state', {'name': 'gsg', 'state': 'online', 'cluster': 'drclus',
                                                                'system': 'prod-n1'}),
                   'prod-n1 is not a system of group gsg in cluster drclus')
