"""vxvm_diskgroup against the simulator: twice, check mode, bad input, node visibility."""

from modcall import assert_refused, call_module

DBDG = {'name': 'dbdg', 'disks': ['emc0_0', 'emc0_1']}
CREATE = [['vxdisksetup', '-i', 'emc0_0'], ['vxdisksetup', '-i', 'emc0_1'],
          ['vxdg', 'init', 'dbdg', 'emc0_0=emc0_0', 'emc0_1=emc0_1']]


def test_check_mode_then_create_then_no_change(estate):
    dry = call_module(estate, 'vxvm_diskgroup', DBDG, check=True, diff=True)
    assert dry.result['changed'] is True
    assert dry.result['commands'] == CREATE
    assert dry.changing_calls == []
    assert dry.result['diff']['before']['state'] == 'absent'

    first = call_module(estate, 'vxvm_diskgroup', DBDG)
    assert first.result['changed'] is True
    assert first.changing_calls == CREATE
    assert first.result['diskgroup'] == {
        'name': 'dbdg', 'state': 'imported',
        'disks': [{'device': 'emc0_0', 'disk': 'emc0_0'}, {'device': 'emc0_1', 'disk': 'emc0_1'}]}

    second = call_module(estate, 'vxvm_diskgroup', DBDG)
    assert second.result['changed'] is False
    assert second.result['commands'] == []
    assert [entry['argv'] for entry in second.calls] == [['vxdisk', '-o', 'alldgs', 'list']]


def test_add_disk_deport_and_import_elsewhere(estate):
    call_module(estate, 'vxvm_diskgroup', DBDG)
    grown = call_module(estate, 'vxvm_diskgroup', {'name': 'dbdg', 'disks': ['emc0_0', 'emc0_1', 'emc0_2']})
    assert grown.changing_calls == [['vxdisksetup', '-i', 'emc0_2'],
                                    ['vxdg', '-g', 'dbdg', 'adddisk', 'emc0_2=emc0_2']]

    busy = call_module(estate, 'vxvm_diskgroup', {'name': 'dbdg'}, target='prod-n2')
    assert busy.result['failed'] and busy.result['cmd'] == ['vxdg', 'import', 'dbdg']
    assert busy.changing_calls == []

    deported = call_module(estate, 'vxvm_diskgroup', {'name': 'dbdg', 'state': 'deported'})
    assert deported.changing_calls == [['vxdg', 'deport', 'dbdg']]
    assert deported.result['diskgroup']['state'] == 'deported'

    moved = call_module(estate, 'vxvm_diskgroup', {'name': 'dbdg'}, target='prod-n2')
    assert moved.changing_calls == [['vxdg', 'import', 'dbdg']]
    seen_from_n1 = call_module(estate, 'vxvm_info', {'diskgroup': 'dbdg'})
    assert seen_from_n1.result['diskgroups'][0]['state'] == 'deported'

    other_cluster = call_module(estate, 'vxvm_info', {}, target='dr-n1')
    assert other_cluster.result['diskgroups'] == []


def test_destroy_needs_force_with_volumes_and_never_while_open(estate):
    call_module(estate, 'vxvm_diskgroup', DBDG)
    call_module(estate, 'vxvm_volume', {'diskgroup': 'dbdg', 'name': 'vol1', 'size': '1g'})

    refused = call_module(estate, 'vxvm_diskgroup', {'name': 'dbdg', 'state': 'absent'})
    assert_refused(refused, 'still has volumes: vol1', 'force')

    estate.sim('open', '--node', 'prod-n1', 'dbdg/vol1')
    in_use = call_module(estate, 'vxvm_diskgroup', {'name': 'dbdg', 'state': 'absent', 'force': True})
    assert_refused(in_use, 'open volumes', 'vol1')

    estate.sim('close', '--node', 'prod-n1', 'dbdg/vol1')
    dry = call_module(estate, 'vxvm_diskgroup', {'name': 'dbdg', 'state': 'absent', 'force': True}, check=True)
    assert dry.result['commands'] == [['vxdg', 'destroy', 'dbdg']] and dry.changing_calls == []
    gone = call_module(estate, 'vxvm_diskgroup', {'name': 'dbdg', 'state': 'absent', 'force': True})
    assert gone.changing_calls == [['vxdg', 'destroy', 'dbdg']]
    again = call_module(estate, 'vxvm_diskgroup', {'name': 'dbdg', 'state': 'absent'})
    assert again.result['changed'] is False


def test_bad_input_is_refused_and_changes_nothing(estate):
    call_module(estate, 'vxvm_diskgroup', DBDG)
    cases = [
        ({'name': 'my dg', 'disks': ['emc0_4']}, ['contains white space']),
        ({'name': '-dg', 'disks': ['emc0_4']}, ['starts with "-"']),
        ({'name': 'appdg', 'disks': ['emc0_1', 'emc0_4']}, ['disk emc0_1 belongs to disk group dbdg']),
        ({'name': 'appdg', 'disks': ['nosuchdisk']}, ['nosuchdisk is not seen by this node']),
        ({'name': 'appdg'}, ['list its disks to create it']),
    ]
    for args, texts in cases:
        assert_refused(call_module(estate, 'vxvm_diskgroup', args), *texts)
