"""playbooks/deploy.yml against the simulator: check mode, twice, the database replicated to drclus, a failing
resource, a node crash."""

import pytest

from harness import mutating_calls, run_playbook
from modcall import call_module

DEPLOY = 'playbooks/deploy.yml'


@pytest.fixture
def fast(fast_estate):
    return fast_estate


def group_states(estate, target='prod-n1'):
    info = call_module(estate, 'vcs_info', {}, target=target)
    return {group['name']: group['states'] for group in info.result['groups']}


def read_only(estate, node='prod-n1'):
    return estate.run(node, ['haclus', '-value', 'ReadOnly'])[1].strip()


def test_preview_then_deploy_then_nothing_to_do(fast):
    preview = run_playbook(fast, DEPLOY, check=True).assert_ok()
    assert mutating_calls(fast.log()) == []
    assert 'check mode assumes an earlier task creates it' in preview.stdout + preview.stderr

    deployed = run_playbook(fast, DEPLOY).assert_ok()
    changes = [entry['argv'] for entry in mutating_calls(fast.log())]
    assert ['vxassist', '-g', 'dbdg', 'make', 'dbdata', '2g', 'layout=mirror', 'nmirror=2'] in changes
    # the database's volumes replicate to drclus before its groups are made
    assert changes.index(['haclus', '-add', 'drclus', '10.20.1.100']) < changes.index(['hagrp', '-add', 'dbrep_sg'])
    createpri = next(argv for argv in changes if argv[:4] == ['vradmin', '-g', 'dbdg', 'createpri'])
    assert createpri[4:] == ['db_rvg', 'dbdata,dblog', 'db_rvg_srl'] and \
        changes.index(createpri) < changes.index(['hagrp', '-add', 'dbrep_sg'])
    assert changes.index(['hagrp', '-add', 'dbsg']) < changes.index(['hagrp', '-add', 'app01_sg'])
    assert changes.index(['hagrp', '-online', 'dbsg', '-sys', 'prod-n1']) < \
        changes.index(['hagrp', '-online', 'app01_sg', '-sys', 'prod-n1'])
    assert ['hagrp', '-online', 'web01_sg', '-sys', 'dr-n1'] in changes
    # one vxsnap make per cluster, for all its clones; the two clusters work at the same time
    assert sorted(argv for argv in changes if argv[:2] == ['vxsnap', '-g'] and argv[3] == 'make') == [
        ['vxsnap', '-g', 'bootdg', 'make', 'source=gold/newvol=app01_boot/cache=gold_co',
         'source=gold/newvol=app02_boot/cache=gold_co'],
        ['vxsnap', '-g', 'bootdg', 'make', 'source=gold/newvol=web01_boot/cache=gold_co',
         'source=gold/newvol=web02_boot/cache=gold_co']]
    online_on_n1 = {'prod-n1': 'ONLINE', 'prod-n2': 'OFFLINE'}
    assert group_states(fast) == dict((group, online_on_n1)
                                      for group in ('dbrep_sg', 'dbsg', 'bootdg_sg', 'app01_sg', 'app02_sg'))
    online_on_dr1 = {'dr-n1': 'ONLINE', 'dr-n2': 'OFFLINE'}
    assert group_states(fast, target='dr-n1') == dict(
        [(group, online_on_dr1) for group in ('dbrep_sg', 'bootdg_sg', 'web01_sg', 'web02_sg')]
        + [('dbsg', {'dr-n1': 'OFFLINE', 'dr-n2': 'OFFLINE'})])
    for node, vms in (('prod-n1', 'app'), ('dr-n1', 'web')):
        rc, out, err = fast.run(node, ['virsh', 'list', '--all'])
        assert rc == 0 and out.count(' running') == 2 and out.count(' %s0' % vms) == 2, out + err
    replication = call_module(fast, 'vvr_info', {'diskgroup': 'dbdg', 'rvg': 'db_rvg'}).result
    assert replication['primary']['host'] == 'prod-n1'
    assert [(s['host'], s['up_to_date'], s['replicating']) for s in replication['secondaries']] == [('dr-n1', True, True)]
    assert 'db_rvg prod-n1 -> dr-n1: replicating (connected), consistent, up-to-date' in deployed.stdout
    assert read_only(fast) == '1'
    rc, out, err = fast.run('prod-n1', ['vxprint', '-g', 'dbdg', '-q', '-v', '-F', '%name %devopen'])
    assert rc == 0 and 'dbdata on' in out, out + err

    since = fast.last_id()
    again = run_playbook(fast, DEPLOY).assert_ok()
    assert again.changed_total == 0
    assert mutating_calls(fast.log(since=since)) == []


def test_a_resource_that_fails_to_come_online(fast):
    run_playbook(fast, DEPLOY, extra_vars={'service_groups_online': False, 'vm_clone_online': False}).assert_ok()
    fast.sim('fault', 'resource', 'db_server', '--cluster', 'prodclus')
    result = run_playbook(fast, DEPLOY)
    assert result.rc != 0 and result.failed_total == 1
    assert 'db_server' in result.stdout, result.stdout
    assert 'dbsg' in result.stdout
    assert read_only(fast) == '1'
    states = group_states(fast)
    assert 'FAULTED' in states['dbsg']['prod-n1'], states


def test_a_node_crash_fails_the_service_over(fast):
    run_playbook(fast, DEPLOY).assert_ok()
    fast.sim('fault', 'crash-node', 'prod-n1')
    rc, out, err = fast.run('prod-n2', ['hagrp', '-wait', 'app02_sg', 'State', 'ONLINE', '-sys', 'prod-n2', '-time', '600'])
    assert rc == 0, out + err
    states = group_states(fast, target='prod-n2')
    for group in ('dbsg', 'bootdg_sg', 'app01_sg', 'app02_sg'):
        assert states[group]['prod-n2'] == 'ONLINE', (group, states)
    rc, out, err = fast.run('prod-n2', ['vxdisk', '-o', 'alldgs', 'list'])
    assert rc == 0 and ' dbdg ' in out and ' bootdg ' in out, out + err
    rc, out, err = fast.run('prod-n2', ['virsh', 'list'])
    assert rc == 0 and out.count(' running') == 2, out + err


def test_the_database_moves_to_drclus_with_its_data_then_deploys_there_unchanged(fast):
    run_playbook(fast, DEPLOY).assert_ok()
    fast.sim('write', '--node', 'prod-n1', 'dbdg/dbdata', '50m')         # writes in flight as it moves

    moved = call_module(fast, 'vcs_group_state', {'name': 'dbsg', 'state': 'online', 'cluster': 'drclus'})
    assert moved.result['commands'] == [['hagrp', '-switch', 'dbsg', '-any', '-clus', 'drclus']], moved.result
    assert group_states(fast, target='dr-n1')['dbsg'] == {'dr-n1': 'ONLINE', 'dr-n2': 'OFFLINE'}
    assert group_states(fast)['dbsg'] == {'prod-n1': 'OFFLINE', 'prod-n2': 'OFFLINE'}
    replication = call_module(fast, 'vvr_info', {'diskgroup': 'dbdg', 'rvg': 'db_rvg'}, target='dr-n1').result
    assert replication['primary']['host'] == 'dr-n1'
    (old_primary,) = replication['secondaries']
    assert (old_primary['host'], old_primary['up_to_date'], old_primary['replicating']) == ('prod-n1', True, True)
    log = fast.sim('fault', 'list', '--cluster', 'drclus').stdout
    assert 'rvg-migrated' in log and 'rvg-takeover' not in log, log

    # the same deployment, described from where the database now runs, has nothing to do
    since = fast.last_id()
    again = run_playbook(fast, DEPLOY, extra_vars={'demo_db_cluster': 'drclus'}).assert_ok()
    assert again.changed_total == 0 and mutating_calls(fast.log(since=since)) == []
    assert 'db_rvg dr-n1 -> prod-n1: replicating (connected), consistent, up-to-date' in again.stdout
