"""parse_vxdisk_list and parse_vxdisk_detail on every vxdisk capture and on made-up cases."""

import pytest

from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._parse import (
    parse_vxdisk_detail, parse_vxdisk_list)
from ansible_collections.continuum.infoscale.tests.unit import samples

LIST_CAPTURES = [n for n in samples.names('vxdisk_list_*') if not n.startswith('vxdisk_list_disk_')]
DETAIL_CAPTURES = samples.names('vxdisk_list_disk_*')


def disk(device, type_, dm, group, status, deported=False, **extra):
    row = dict(device=device, type=type_, disk=dm, group=group, status=status, deported=deported)
    row.update(extra)
    return row


def listings(name):
    """Outputs of the vxdisk listing commands in a capture (the whole text if no prompt)."""
    return [out for cmd, out in samples.sessions(name)
            if cmd is None or (cmd.startswith('vxdisk') and cmd.split()[-1] == 'list')]


# capture -> per listing: (number of rows, {row index: expected row})
EXPECTED_LISTS = {
    'vxdisk_list_1.txt': [(4, {
        0: disk('verclus01_disk_0', 'auto:cdsdisk', 'disk1', 'DG1', 'online'),
        1: disk('verclus01_disk_1', 'auto:LVM', None, None, 'LVM'),
        3: disk('verclus01_disk_3', 'auto:cdsdisk', None, None, 'online'),
    })],
    'vxdisk_list_2.txt': [(4, {
        0: disk('verclus01_disk_0', 'auto:none', None, None, 'online invalid'),
        1: disk('verclus01_disk_1', 'auto:LVM', None, None, 'LVM'),
        2: disk('verclus01_disk_2', 'auto:none', None, None, 'online invalid'),
    })],
    'vxdisk_list_4_error_zfs.txt': [(11, {
        0: disk('disk_0', 'auto:ZFS', None, None, 'ZFS'),
        1: disk('disk_1', 'auto:cdsdisk', 'xiodisk_1', 'xio_dg', 'online'),
        6: disk('emcpower0s2', 'auto:simple', None, None, 'error'),
        7: disk('emcpower1s2', 'auto:cdsdisk', None, None, 'online'),
        10: disk('emcpower4s2', 'auto:none', None, None, 'online invalid'),
    })],
    'vxdisk_list_5_shared_clone.txt': [
        (3, {
            0: disk('disk_0', 'auto:none', None, None, 'online invalid'),
            1: disk('disk_1', 'auto:cdsdisk', 'disk_0', 'vrts_kube_dg-4628', 'online clone_disk shared'),
            2: disk('disk_2', 'auto:none', None, None, 'online invalid'),
        }),
        (3, {
            1: disk('disk_1', 'auto:cdsdisk', 'disk_0', 'vrts_kube_dg-4628', 'online shared'),
        }),
    ],
    'vxdisk_list_7_opensvc.txt': [(3, {
        0: disk('aluadisk_0', 'auto:cdsdisk', 'aluadisk_0', 'osvcdg', 'online'),
        1: disk('aluadisk_1', 'auto:cdsdisk', 'aluadisk_1', 'osvcdg', 'online'),
        2: disk('aluadisk_2', 'auto:none', None, None, 'online invalid'),
    })],
    'vxdisk_list_8_e_linux.txt': [
        (5, {
            0: disk('emc_01', 'auto:cdsdisk', 'disk1', 'testdg', 'online', os_native_name='sdd', attr=None),
            2: disk('emc_03', 'auto:none', None, None, 'online invalid', os_native_name='sdf', attr=None),
            4: disk('sdb', 'auto:LVM', None, None, 'LVM', os_native_name='sdb', attr=None),
        }),
        (5, {
            2: disk('emc_03', 'auto:none', 'disk3', 'testdg', 'online', os_native_name='sdf', attr=None),
            3: disk('sda', 'auto:LVM', None, None, 'LVM', os_native_name='sda', attr=None),
        }),
    ],
}


@pytest.mark.parametrize('name', sorted(EXPECTED_LISTS))
def test_vxdisk_list_capture_rows(name):
    outs = listings(name)
    assert len(outs) == len(EXPECTED_LISTS[name])
    for out, (count, rows) in zip(outs, EXPECTED_LISTS[name]):
        parsed = parse_vxdisk_list(out)
        assert len(parsed) == count
        for index, row in rows.items():
            assert parsed[index] == row


@pytest.mark.parametrize('name', LIST_CAPTURES)
def test_vxdisk_list_every_capture_parses_into_complete_rows(name):
    outs = listings(name)
    assert outs, 'no vxdisk listing found in %s' % name
    for out in outs:
        rows = parse_vxdisk_list(out)
        assert rows
        devices = [r['device'] for r in rows]
        assert len(set(devices)) == len(devices)
        for row in rows:
            assert set(row) >= {'device', 'type', 'disk', 'group', 'status', 'deported'}
            assert row['status']


def test_every_list_capture_has_exact_expectations():
    assert sorted(EXPECTED_LISTS) == LIST_CAPTURES


def test_commands_pasted_without_prompt_are_not_disks():
    # vxdisk_list_8 has "vxdg -g testdg adddisk disk3=emc_03" (5 words) between listings
    first = listings('vxdisk_list_8_e_linux.txt')[0]
    assert 'vxdg -g testdg adddisk disk3=emc_03' in first
    assert [r['device'] for r in parse_vxdisk_list(first)] == ['emc_01', 'emc_02', 'emc_03', 'sda', 'sdb']


def test_whole_capture_with_two_listings():
    rows = parse_vxdisk_list(samples.text('vxdisk_list_5_shared_clone.txt'))
    assert [r['status'] for r in rows if r['device'] == 'disk_1'] == [
        'online clone_disk shared', 'online shared']


def test_alldgs_deported_groups_and_long_names():
    text = (
        'DEVICE       TYPE            DISK         GROUP        STATUS\n'
        'emc0_0       auto:cdsdisk    emc0_0       dbdg         online\n'
        'emc0_1       auto:cdsdisk    -            (appdg)      online\n'
        'a_very_long_enclosure_name_0_17 auto:cdsdisk a_very_long_dm_name_17 a_really_long_disk_group_name online shared\n'
        'emc0_2       auto:cdsdisk    -            (x)          online udid_mismatch\n'
        '-            -               disk02       dbdg         failed was:c1t1d0s2\n'
        'emc0_3       auto            -            -            nolabel\n'
        'emc0_4       auto:cdsdisk    emc0_4       dbdg         online dgdisabled failing\n'
    )
    assert parse_vxdisk_list(text) == [
        disk('emc0_0', 'auto:cdsdisk', 'emc0_0', 'dbdg', 'online'),
        disk('emc0_1', 'auto:cdsdisk', None, 'appdg', 'online', deported=True),
        disk('a_very_long_enclosure_name_0_17', 'auto:cdsdisk', 'a_very_long_dm_name_17',
             'a_really_long_disk_group_name', 'online shared'),
        disk('emc0_2', 'auto:cdsdisk', None, 'x', 'online udid_mismatch', deported=True),
        disk(None, None, 'disk02', 'dbdg', 'failed was:c1t1d0s2'),
        disk('emc0_3', 'auto', None, None, 'nolabel'),
        disk('emc0_4', 'auto:cdsdisk', 'emc0_4', 'dbdg', 'online dgdisabled failing'),
    ]


def test_wide_form_with_multi_word_status_and_stdout_lines():
    lines = [
        '# vxdisk -o alldgs -e list',
        'DEVICE       TYPE           DISK        GROUP        STATUS               OS_NATIVE_NAME   ATTR',
        'emc_03       auto:none      -           -            online invalid       sdf              -',
        'emc_04       auto:cdsdisk   -           (olddg)      online thinrclm      sdg              tp',
    ]
    assert parse_vxdisk_list('\n'.join(lines)) == [
        disk('emc_03', 'auto:none', None, None, 'online invalid', os_native_name='sdf', attr=None),
        disk('emc_04', 'auto:cdsdisk', None, 'olddg', 'online thinrclm', deported=True,
             os_native_name='sdg', attr='tp'),
    ]
    assert parse_vxdisk_list(lines) == parse_vxdisk_list('\n'.join(lines))


@pytest.mark.parametrize('text', ['', '\n\n', 'DEVICE TYPE DISK GROUP STATUS\n', 'sh-5.1# vxdisk list\n',
                                  'VxVM vxdisk ERROR V-5-1-684 IPC failure: Configuration daemon is not accessible\n'])
def test_vxdisk_list_without_rows(text):
    assert parse_vxdisk_list(text) == []


# ----------------------------------------------------------------------------- detail

def test_detail_of_a_disk_in_error():
    out = samples.output('vxdisk_list_disk_1.txt', 'vxdisk list emcpower0s2')
    assert parse_vxdisk_detail(out) == {
        'device': 'emcpower0s2',
        'devicetag': 'emcpower0',
        'type': 'auto',
        'info': 'format=simple,privoffset=1,pubslice=7,privslice=7',
        'flags': ['error', 'private', 'autoconfig'],
        'pubpaths': 'block=/dev/vx/dmp/emcpower0s2 char=/dev/vx/rdmp/emcpower0s2',
        'guid': '{84b30abe-e378-11e2-baea-cd83a03acadf}',
        'udid': 'EMC%5FSYMMETRIX%5F000194900815%5F1500119000',
        'site': '-',
        'errno': 'Device path not valid',
        'numpaths': 1,
        'paths': [{'path': 'emcpower0c', 'state': 'enabled'}],
    }


def test_detail_of_a_shared_cds_disk():
    detail = parse_vxdisk_detail(samples.output('vxdisk_list_disk_2_shared.txt', 'vxdisk list disk_0'))
    assert detail['device'] == 'disk_0'
    assert detail['clusterid'] == 'infoscale_59131'
    assert detail['disk'] == {'name': 'disk_0', 'id': '1741211309.8.r730ocp3.localdomain'}
    assert detail['group'] == {'name': 'vrts_kube_dg-59131', 'id': '1741211310.10.r730ocp3.localdomain'}
    assert detail['flags'] == ['online', 'ready', 'private', 'autoconfig', 'shared', 'autoimport', 'imported']
    assert detail['info'] == 'format=cdsdisk,privoffset=208,pubslice=3,privslice=3'
    assert detail['public'] == 'slice=3 offset=65744 len=2147417808 disk_offset=48'
    assert detail['private'] == 'slice=3 offset=208 len=65536 disk_offset=48'
    assert detail['version'] == '4.1'
    assert detail['iosize'] == 'min=512 (bytes) max=128 (blocks)'
    assert detail['ssb'] == 'actual_seqno=0.0'
    assert detail['headers'] == '0 240'
    assert detail['defined_regions'] == [
        'config   priv 000048-000239[000192]: copy=01 offset=000000 enabled',
        'config   priv 000256-051423[051168]: copy=01 offset=000192 enabled',
        'log      priv 051424-055519[004096]: copy=01 offset=000000 enabled',
        'lockrgn  priv 055520-055663[000144]: part=00 offset=000000',
    ]
    assert detail['numpaths'] == 4
    assert detail['paths'] == [{'path': p, 'state': 'enabled'} for p in ('sdg', 'sdh', 'sde', 'sdf')]
    assert detail['connectivity'] == 'r730ocp5.localdomain r730ocp4.localdomain r730ocp3.localdomain'
    assert sorted(detail) == sorted([
        'device', 'devicetag', 'type', 'clusterid', 'disk', 'group', 'info', 'flags', 'pubpaths',
        'guid', 'udid', 'site', 'version', 'iosize', 'public', 'private', 'update', 'ssb',
        'headers', 'configs', 'logs', 'defined_regions', 'numpaths', 'paths', 'connectivity'])


@pytest.mark.parametrize('name', DETAIL_CAPTURES)
def test_every_detail_capture_has_device_flags_and_paths(name):
    (cmd, out), = [(c, o) for c, o in samples.sessions(name) if c and c.startswith('vxdisk list ')]
    detail = parse_vxdisk_detail(out)
    assert detail['device'] == cmd.split()[-1]
    assert isinstance(detail['flags'], list) and detail['flags']
    assert len(detail['paths']) == detail['numpaths']


def test_detail_keeps_unknown_keys_and_extra_path_attributes():
    text = ('Device:    sdb\n'
            'thin:      size=1024 unit=sector\n'
            'Multipathing information:\n'
            'numpaths:   2\n'
            'sdb             state=enabled   type=primary\n'
            'sdc             state=disabled  type=secondary\n'
            'connectivity: node1 node2\n'
            'sdz             state=enabled\n')
    detail = parse_vxdisk_detail(text)
    assert detail == {
        'device': 'sdb',
        'thin': 'size=1024 unit=sector',
        'numpaths': 2,
        'paths': [{'path': 'sdb', 'state': 'enabled', 'type': 'primary'},
                  {'path': 'sdc', 'state': 'disabled', 'type': 'secondary'}],
        'connectivity': 'node1 node2',
    }


def test_detail_of_nothing():
    assert parse_vxdisk_detail('') == {}
    assert parse_vxdisk_detail('VxVM vxdisk ERROR V-5-1-558 Disk sdq: Disk not in the configuration\n') == {}
