"""parse_vxdg_list and parse_vxdg_detail on every vxdg capture and on made-up cases."""

import pytest

from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._parse import (
    parse_vxdg_detail, parse_vxdg_list)
from ansible_collections.continuum.infoscale.tests.unit import samples


def group(name, state, id_):
    words = state.split(',')
    return dict(name=name, state=words, id=id_, enabled='enabled' in words,
                shared='shared' in words, cds='cds' in words)


def test_vxdg_list_disabled_group_with_irregular_spacing():
    out = samples.output('vxdg_list_1.txt', 'vxdg list')
    assert parse_vxdg_list(out) == [{
        'name': 'nbudg', 'state': ['disabled', 'cds'], 'id': '1573674122.16.media1',
        'enabled': False, 'shared': False, 'cds': True}]


def test_vxdg_list_shared_group_printed_without_header():
    out = samples.output('vxdg_cvm_misc_1.txt', 'vxdg list')
    assert parse_vxdg_list(out) == [{
        'name': 'mysharedg', 'state': ['enabled', 'shared', 'cds'], 'id': '1231954112.163.serverA',
        'enabled': True, 'shared': True, 'cds': True}]


def test_vxdg_list_ignores_everything_else_in_a_whole_session():
    # vxdctl, vxclustadm nidmap, main.cf grep, error messages, maxsize: none is a disk group
    assert [g['name'] for g in parse_vxdg_list(samples.text('vxdg_cvm_misc_1.txt'))] == ['mysharedg']


@pytest.mark.parametrize('name', samples.names('vxdg_list_*') + ['vxdg_cvm_misc_1.txt'])
def test_every_vxdg_list_output_in_the_captures(name):
    outs = samples.outputs(name, 'vxdg list')
    for out in outs:
        rows = parse_vxdg_list(out)
        assert len(rows) == len([line for line in out.splitlines()
                                 if line.strip() and not line.startswith('NAME ')])
        for row in rows:
            assert row['id'].split('.')[0].isdigit()


def test_vxdg_list_several_groups():
    text = ('NAME         STATE           ID\n'
            'dbdg         enabled,cds          1741211310.10.prod-n1\n'
            'a_long_disk_group_name_here enabled,shared,cds 1741211311.11.prod-n1\n'
            'olddg        enabled              1010101010.1.prod-n2\n')
    assert parse_vxdg_list(text) == [
        group('dbdg', 'enabled,cds', '1741211310.10.prod-n1'),
        group('a_long_disk_group_name_here', 'enabled,shared,cds', '1741211311.11.prod-n1'),
        group('olddg', 'enabled', '1010101010.1.prod-n2'),
    ]


@pytest.mark.parametrize('text', ['', 'NAME         STATE           ID\n',
                                  'VxVM vxdg ERROR V-5-1-684 IPC failure: Configuration daemon is not accessible\n'])
def test_vxdg_list_without_groups(text):
    assert parse_vxdg_list(text) == []


def test_vxdg_detail_capture():
    out = samples.output('vxdg_list_2_detail.txt', 'vxdg list dg_sap')
    assert parse_vxdg_detail(out) == {
        'name': 'dg_sap',
        'group': 'dg_sap',
        'dgid': '1273503890.14.vmnode1',
        'import_id': '1024.10',
        'flags': ['cds'],
        'version': '140 <--- VERSION!',   # the annotation is the capture author's
        'alignment': '8192 (bytes)',
        'local_activation': 'read-write',
        'ssb': 'on',
        'detach_policy': 'global',
        'dg_fail_policy': 'dgdisable',
        'copies': 'nconfig=default nlog=default',
        'config': 'seqno=0.1076 permlen=24072 free=24068 templen=2 loglen=3648',
        'config_disks': [
            {'disk': 'disk27', 'copy': 1, 'len': 24072, 'state': 'clean online'},
            {'disk': 'disk28', 'copy': 1, 'len': 24072, 'state': 'clean online'},
        ],
        'log_disks': [
            {'disk': 'disk27', 'copy': 1, 'len': 3648},
            {'disk': 'disk28', 'copy': 1, 'len': 3648},
        ],
    }


def test_vxdg_detail_of_a_shared_group():
    text = ('Group:     mysharedg\n'
            'dgid:      1231954112.163.serverA\n'
            'import-id: 33792.21\n'
            'flags:     shared cds\n'
            'version:   220\n'
            'cluster-actv-modes: serverA=sw serverB=sw\n'
            'config disk EMC0_1 copy 1 len=51360 state=clean online\n'
            'config disk EMC0_2 copy 1 len=51360 disabled\n')
    detail = parse_vxdg_detail(text)
    assert detail['flags'] == ['shared', 'cds']
    assert detail['version'] == '220'
    assert detail['cluster_actv_modes'] == 'serverA=sw serverB=sw'
    assert detail['config_disks'] == [
        {'disk': 'EMC0_1', 'copy': 1, 'len': 51360, 'state': 'clean online'},
        {'disk': 'EMC0_2', 'copy': 1, 'len': 51360, 'state': None},
    ]


def test_vxdg_detail_of_nothing():
    assert parse_vxdg_detail('') == {'config_disks': [], 'log_disks': []}
    err = 'VxVM vxdg ERROR V-5-1-2275 vxdg: Disk group nodg: No such disk group\n'
    assert parse_vxdg_detail(err) == {'config_disks': [], 'log_disks': []}
