"""Golden image and space-optimized clones against the simulator: ten clones, writes, savings,
a full cache, check mode, a second run, and bad input."""

import pytest

from harness import mutating_calls, run_playbook
from modcall import assert_refused, call_module

CLONES = 'tests/integration/playbooks/clones.yml'
MIB = 1024 * 1024
REQUEST = {
    'golden_image_disks': ['emc0_4', 'emc0_5', 'emc0_6', 'emc0_7'],
    'golden_image_diskgroup_state': 'present',
    'golden_image_size': '2g', 'golden_image_cache_size': '2g', 'golden_image_cache_autogrow': False,
    'vm_clone_count': 10, 'vm_clone_pattern': 'web%02d', 'vm_clone_vcs': False, 'vm_clone_systems': ['prod-n1'],
}


@pytest.fixture
def estate(fast_estate):
    return fast_estate


def info(estate):
    return call_module(estate, 'vxvm_info', {'diskgroup': 'bootdg'}).result


def write(estate, volume, size):
    estate.sim('write', '--node', 'prod-n1', 'bootdg/' + volume, size)


def test_ten_clones_preview_make_and_second_run(estate):
    run_playbook(estate, CLONES, extra_vars=REQUEST, check=True).assert_ok()
    assert mutating_calls(estate.log()) == []

    run_playbook(estate, CLONES, extra_vars=REQUEST).assert_ok()
    makes = [e['argv'] for e in mutating_calls(estate.log()) if e['argv'][:4] == ['vxsnap', '-g', 'bootdg', 'make']]
    assert makes == [['vxsnap', '-g', 'bootdg', 'make'] +
                     ['source=gold/newvol=web%02d_boot/cache=gold_co' % n for n in range(1, 11)]]
    rc, out, err = estate.run('prod-n1', ['virsh', 'list'])
    assert rc == 0 and out.count(' running') == 10, out + err

    since = estate.last_id()
    assert run_playbook(estate, CLONES, extra_vars=REQUEST).assert_ok().changed_total == 0
    assert mutating_calls(estate.log(since=since)) == []


def test_savings_follow_the_writes_and_a_full_cache_is_reported(estate):
    run_playbook(estate, CLONES, extra_vars=REQUEST).assert_ok()
    fresh = info(estate)
    assert fresh['savings']['clones'] == 10 and fresh['savings']['used_bytes'] == 0
    assert fresh['savings']['full_copies_bytes'] == 10 * 2048 * MIB

    for n in range(1, 11):
        write(estate, 'web%02d_boot' % n, '100m')
    written = info(estate)
    assert written['savings']['used_bytes'] == 10 * 100 * MIB
    assert written['savings']['saved_bytes'] == 10 * 2048 * MIB - 10 * 100 * MIB
    assert written['caches'][0]['used_bytes'] == 10 * 100 * MIB
    assert {s['name']: s['change_bytes'] for s in written['snapshots']}['web03_boot'] == 100 * MIB

    write(estate, 'web01_boot', '1200m')
    full = call_module(estate, 'vxvm_info', {'diskgroup': 'bootdg'}).result
    assert full['caches'][0]['state'] == 'FULL'
    assert any('cache gold_co of disk group bootdg is full' in w and 'are invalid' in w for w in full['warnings'])


def test_bad_snapshot_requests_change_nothing(estate):
    run_playbook(estate, CLONES, extra_vars=dict(REQUEST, vm_clone_count=2)).assert_ok()
    call_module(estate, 'vxvm_volume', {'diskgroup': 'bootdg', 'name': 'plain', 'size': '100m'})
    since = estate.last_id()
    clone = {'diskgroup': 'bootdg', 'source': 'gold', 'type': 'space_optimized', 'cache': 'gold_co'}
    assert_refused(call_module(estate, 'vxvm_snapshot', dict(clone, source='nogold', name='c1')), 'nogold')
    assert_refused(call_module(estate, 'vxvm_snapshot', dict(clone, name='plain')), 'plain')
    assert_refused(call_module(estate, 'vxvm_snapshot', dict(clone, name='c1', cache='noco')), 'noco')
    assert_refused(call_module(estate, 'vxvm_snapshot', dict(clone, name='-c1')), 'starts with "-"')
    assert_refused(call_module(estate, 'vxvm_volume', {'diskgroup': 'bootdg', 'name': 'gold', 'state': 'absent'}),
                   'has snapshots', 'web01_boot', 'web02_boot')
    assert mutating_calls(estate.log(since=since)) == []


def test_a_small_cache_is_a_warning_not_an_error(estate):
    request = dict(REQUEST, golden_image_cache_size='64m', vm_clone_count=1)
    result = run_playbook(estate, CLONES, extra_vars=request).assert_ok()
    assert 'cache gold_co' in result.stdout + result.stderr and 'smaller than' in result.stdout + result.stderr


def test_refresh_resets_the_clones(estate):
    request = dict(REQUEST, vm_clone_count=2)
    run_playbook(estate, CLONES, extra_vars=request).assert_ok()
    write(estate, 'web01_boot', '100m')
    assert info(estate)['savings']['used_bytes'] == 100 * MIB
    since = estate.last_id()
    run_playbook(estate, CLONES, extra_vars=dict(request, vm_clone_refresh=True)).assert_ok()
    changes = [e['argv'] for e in mutating_calls(estate.log(since=since))]
    assert [argv for argv in changes if argv[0] == 'vxsnap'] == [
        ['vxsnap', '-g', 'bootdg', 'refresh', 'web01_boot', 'source=gold'],
        ['vxsnap', '-g', 'bootdg', 'refresh', 'web02_boot', 'source=gold']]
    assert ['virsh', 'shutdown', 'web01'] in changes and ['virsh', 'start', 'web01'] in changes
    assert info(estate)['savings']['used_bytes'] == 0
    rc, out, err = estate.run('prod-n1', ['virsh', 'list'])
    assert rc == 0 and out.count(' running') == 2, out + err
