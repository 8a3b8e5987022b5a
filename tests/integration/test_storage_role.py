"""The storage role against the simulator: bad input, deported groups, groups left to the cluster."""

from harness import mutating_calls, run_playbook

ROLE = 'tests/integration/playbooks/storage_role.yml'
DBDG = {'name': 'dbdg', 'disks': ['emc0_0', 'emc0_1', 'emc0_2', 'emc0_3'],
        'volumes': [{'name': 'dbdata', 'size': '20g', 'layout': 'mirror'},
                    {'name': 'dblog', 'size': '4g', 'layout': 'stripe', 'ncol': 2}]}
MAKES = [['vxassist', '-g', 'dbdg', 'make', 'dbdata', '20g', 'layout=mirror', 'nmirror=2'],
         ['vxassist', '-g', 'dbdg', 'make', 'dblog', '4g', 'layout=stripe', 'ncol=2']]


def changes(estate, since=0):
    return [entry['argv'] for entry in mutating_calls(estate.log(since=since))]


def test_check_mode_then_twice(estate):
    request = {'storage_diskgroups': [DBDG]}
    run_playbook(estate, ROLE, extra_vars=request, check=True).assert_ok()
    assert changes(estate) == []
    assert run_playbook(estate, ROLE, extra_vars=request).assert_ok().changed_total == 2
    assert [argv for argv in changes(estate) if argv[0] == 'vxassist'] == MAKES
    since = estate.last_id()
    assert run_playbook(estate, ROLE, extra_vars=request).assert_ok().changed_total == 0
    assert changes(estate, since) == []


def test_a_group_left_to_the_cluster_is_made_once_then_never_moved(estate):
    request = {'storage_diskgroups': [dict(DBDG, state='cluster')]}
    run_playbook(estate, ROLE, extra_vars=request).assert_ok()
    made = changes(estate)
    assert made[-1] == ['vxdg', 'deport', 'dbdg'] and MAKES[0] in made

    since = estate.last_id()
    run_playbook(estate, ROLE, extra_vars=request).assert_ok()
    assert changes(estate, since) == []

    rc, out, err = estate.run('prod-n2', ['vxdg', 'import', 'dbdg'])
    assert rc == 0, out + err
    since = estate.last_id()
    for node in ('prod-n1', 'prod-n2'):
        result = run_playbook(estate, ROLE, extra_vars=dict(request, target=node)).assert_ok()
        assert result.changed_total == 0
    assert changes(estate, since) == []


def test_a_group_wanted_deported_is_deported_again(estate):
    request = {'storage_diskgroups': [dict(DBDG, state='deported')]}
    run_playbook(estate, ROLE, extra_vars=request).assert_ok()
    assert changes(estate)[-1] == ['vxdg', 'deport', 'dbdg']
    since = estate.last_id()
    run_playbook(estate, ROLE, extra_vars=request).assert_ok()
    assert changes(estate, since) == [['vxdg', 'import', 'dbdg'], ['vxdg', 'deport', 'dbdg']]


def test_bad_request_fails_before_any_command(estate):
    bad = {'storage_diskgroups': [
        {'name': 'dbdg', 'disks': ['emc0_0', 'emc0_1'],
         'volumes': [{'name': 'db data', 'size': '10x', 'layout': 'stripe', 'ncol': 4}]}]}
    result = run_playbook(estate, ROLE, extra_vars=bad)
    assert result.rc != 0 and result.failed_total == 1
    for text in ("volume name 'db data' contains white space", "size '10x' is not a VxVM length",
                 'ncol=4 needs 4 disks'):
        assert text in result.stdout, result.stdout
    assert estate.log() == []
