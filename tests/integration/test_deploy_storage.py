"""playbooks/deploy.yml (the storage role) against the simulator: check mode, twice, bad input."""

from harness import mutating_calls, run_playbook

DEPLOY = 'playbooks/deploy.yml'
MAKES = [
    ['vxassist', '-g', 'dbdg', 'make', 'dbdata', '20g', 'layout=mirror', 'nmirror=2'],
    ['vxassist', '-g', 'dbdg', 'make', 'dblog', '4g', 'layout=stripe', 'ncol=2'],
    ['vxassist', '-g', 'appdg', 'make', 'appvol', '10g', 'layout=concat'],
    ['vxassist', '-g', 'webdg', 'make', 'webvol', '5g', 'layout=concat'],
]


def test_deploy_previews_then_runs_once(estate):
    preview = run_playbook(estate, DEPLOY, check=True).assert_ok()
    assert mutating_calls(estate.log()) == []
    assert 'check mode assumes an earlier task creates it' in preview.stdout + preview.stderr

    first = run_playbook(estate, DEPLOY).assert_ok()
    assert first.changed_total > 0
    made = [entry['argv'] for entry in mutating_calls(estate.log()) if entry['argv'][0] == 'vxassist']
    assert made == MAKES
    assert all(entry['node'] == 'prod-n1' for entry in estate.log())

    since = estate.last_id()
    second = run_playbook(estate, DEPLOY).assert_ok()
    assert second.changed_total == 0
    assert mutating_calls(estate.log(since=since)) == []


def test_bad_request_fails_before_any_command(estate):
    bad = {'storage_diskgroups': [
        {'name': 'dbdg', 'disks': ['emc0_0', 'emc0_1'],
         'volumes': [{'name': 'db data', 'size': '10x', 'layout': 'stripe', 'ncol': 4}]}]}
    result = run_playbook(estate, DEPLOY, extra_vars=bad)
    assert result.rc != 0 and result.failed_total == 1
    for text in ("volume name 'db data' contains white space", "size '10x' is not a VxVM length",
                 'ncol=4 needs 4 disks'):
        assert text in result.stdout, result.stdout
    assert estate.log() == []
