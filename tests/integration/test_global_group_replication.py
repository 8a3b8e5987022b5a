"""A global group on replicated data across both clusters: the replication role, a replication group (DiskGroup,
RVG) in each cluster, a global application group with RVGPrimary; switching it to the DR cluster with
vcs_group_state migrates the data (writes in flight, nothing lost) and brings it online there."""

from harness import run_playbook
from modcall import call_module
from test_replication_role import PLAYBOOK, storage

DATA_SETS = [{'diskgroup': 'appdg', 'rvg': 'app_rvg', 'volumes': ['datavol', 'logvol'], 'srl_size': '200m'}]


def groups(estate, node, systems):
    rep = call_module(estate, 'vcs_service_group', {
        'name': 'app_rep_sg', 'system_list': systems, 'autostart_list': systems[:1],
        'resources': [{'name': 'app_dg_%s' % node[:2], 'type': 'DiskGroup', 'attributes': {'DiskGroup': 'appdg'}},
                      {'name': 'app_rvg_%s' % node[:2], 'type': 'RVG', 'attributes': {'RVG': 'app_rvg', 'DiskGroup': 'appdg'},
                       'requires': ['app_dg_%s' % node[:2]]}]}, target=node)
    assert rep.result['changed'] and not rep.result.get('failed'), rep.result
    online = call_module(estate, 'vcs_group_state', {'name': 'app_rep_sg', 'state': 'online'}, target=node)
    assert not online.result.get('failed'), online.result
    app = call_module(estate, 'vcs_service_group', {
        'name': 'app_sg', 'system_list': systems, 'cluster_list': ['prodclus', 'drclus'],
        'resources': [{'name': 'app_rvgpri_%s' % node[:2], 'type': 'RVGPrimary',
                       'attributes': {'RvgResourceName': 'app_rvg_%s' % node[:2]}}],
        'dependencies': [{'child': 'app_rep_sg', 'category': 'online', 'location': 'local', 'rigidity': 'hard'}]},
        target=node)
    assert app.result['changed'] and not app.result.get('failed'), app.result


def primary_of(estate):
    rc, out, err = estate.run('prod-n1', ['vradmin', '-g', 'appdg', 'printrvg', 'app_rvg'])
    assert rc == 0, out + err
    return out.split('Primary:')[1].split('HostName:')[1].split()[0]


def test_switching_the_global_group_migrates_the_data_to_the_dr_cluster(fast_estate):
    storage(fast_estate)
    run_playbook(fast_estate, PLAYBOOK, extra_vars={'data_sets': DATA_SETS}).assert_ok()
    groups(fast_estate, 'prod-n1', ['prod-n1', 'prod-n2'])
    groups(fast_estate, 'dr-n1', ['dr-n1', 'dr-n2'])
    up = call_module(fast_estate, 'vcs_group_state', {'name': 'app_sg', 'state': 'online', 'cluster': 'prodclus'})
    assert not up.result.get('failed'), up.result
    fast_estate.sim('write', '--node', 'prod-n1', 'appdg/datavol', '30m')
    assert primary_of(fast_estate) == 'prod-n1'

    moved = call_module(fast_estate, 'vcs_group_state', {'name': 'app_sg', 'state': 'online', 'cluster': 'drclus'})
    assert moved.result['commands'] == [['hagrp', '-switch', 'app_sg', '-any', '-clus', 'drclus']], moved.result
    assert moved.result['waited'] == [{'state': 'ONLINE', 'system': 'dr-n1', 'cluster': 'drclus'}]
    assert primary_of(fast_estate) == 'dr-n1'
    info = call_module(fast_estate, 'vvr_info', {'diskgroup': 'appdg', 'rvg': 'app_rvg'}, target='dr-n1')
    (secondary,) = info.result['secondaries']
    assert secondary['host'] == 'prod-n1' and secondary['consistent'] is True, info.result
    log = fast_estate.sim('fault', 'list', '--cluster', 'drclus').stdout
    assert 'rvg-migrated' in log and 'rvg-takeover' not in log, log
