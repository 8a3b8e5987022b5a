"""The replication role against the simulator: a global cluster and a data set replicated from prodclus to
drclus, twice (second run only reads), in check mode (nothing changes), and with bad input."""

from harness import mutating_calls, run_playbook

PLAYBOOK = 'tests/integration/playbooks/replication_role.yml'
DATA_SETS = [{'diskgroup': 'appdg', 'rvg': 'app_rvg', 'volumes': ['datavol', 'logvol'], 'srl_size': '200m'}]


def storage(estate):
    for node, disk, volumes in (('prod-n1', 'emc0_0', [('datavol', '100m'), ('logvol', '40m')]), ('dr-n1', 'hds0_0', [])):
        for argv in [['vxdisksetup', '-i', disk], ['vxdg', 'init', 'appdg', disk]] + [
                ['vxassist', '-g', 'appdg', 'make', name, size] for name, size in volumes]:
            rc, out, err = estate.run(node, argv)
            assert rc == 0, (argv, out, err)


def lengths(estate, node):
    rc, out, err = estate.run(node, ['vxprint', '-g', 'appdg', '-q', '-v', '-F', '%name %len'])
    assert rc == 0, out + err
    return dict(line.split() for line in out.splitlines() if line.strip())


def test_replicate_then_nothing_to_do(fast_estate):
    storage(fast_estate)
    since = fast_estate.last_id()
    preview = run_playbook(fast_estate, PLAYBOOK, extra_vars={'data_sets': DATA_SETS}, check=True).assert_ok()
    assert mutating_calls(fast_estate.log(since=since)) == [], preview.stdout

    since = fast_estate.last_id()
    run_playbook(fast_estate, PLAYBOOK, extra_vars={'data_sets': DATA_SETS}).assert_ok()
    changes = [(e['node'], e['argv']) for e in mutating_calls(fast_estate.log(since=since))]
    assert ('prod-n1', ['haclus', '-add', 'drclus', '10.20.1.100']) in changes
    assert ('dr-n1', ['haclus', '-add', 'prodclus', '10.10.1.100']) in changes
    assert ('prod-n1', ['vradmin', '-g', 'appdg', 'createpri', 'app_rvg', 'datavol,logvol', 'app_rvg_srl']) in changes
    assert fast_estate.run('prod-n1', ['haclus', '-state', 'drclus'])[1].strip() == 'RUNNING'
    primary, secondary = lengths(fast_estate, 'prod-n1'), lengths(fast_estate, 'dr-n1')
    assert primary == secondary and sorted(primary) == ['app_rvg_srl', 'datavol', 'logvol'], (primary, secondary)
    rc, out, err = fast_estate.run('prod-n1', ['vradmin', '-g', 'appdg', '-l', 'repstatus', 'app_rvg'])
    assert 'Data status:                consistent, up-to-date' in out, out + err

    since = fast_estate.last_id()
    again = run_playbook(fast_estate, PLAYBOOK, extra_vars={'data_sets': DATA_SETS}).assert_ok()
    assert again.changed_total == 0 and mutating_calls(fast_estate.log(since=since)) == []


def test_a_volume_missing_on_the_primary_is_refused_and_nothing_is_replicated(fast_estate):
    storage(fast_estate)
    since = fast_estate.last_id()
    bad = [dict(DATA_SETS[0], volumes=['datavol', 'nosuchvol'])]
    result = run_playbook(fast_estate, PLAYBOOK, extra_vars={'data_sets': bad})
    assert result.rc != 0 and 'Nothing was changed. Missing on prod-n1: appdg/nosuchvol.' in result.stdout, result.stdout
    assert mutating_calls(fast_estate.log(since=since)) == []


def test_in_check_mode_volumes_an_earlier_task_would_make_are_not_an_error(fast_estate):
    storage(fast_estate)
    since = fast_estate.last_id()
    later = [dict(DATA_SETS[0], volumes=['datavol', 'tomorrowvol'])]
    preview = run_playbook(fast_estate, PLAYBOOK, extra_vars={'data_sets': later}, check=True).assert_ok()
    assert 'Check mode: the data sets are not previewed, their volumes do not exist yet: appdg/tomorrowvol' in preview.stdout
    assert mutating_calls(fast_estate.log(since=since)) == []
