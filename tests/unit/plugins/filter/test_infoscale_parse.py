"""The infoscale_parse filter: kinds, input forms, errors, and loading through Ansible."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.continuum.infoscale.plugins.filter import infoscale_parse as plugin
from ansible_collections.continuum.infoscale.plugins.module_utils.kvm import _parse as kvm_parse
from ansible_collections.continuum.infoscale.plugins.module_utils.vvr import _parse as vvr_parse
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs import _maincf
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs import _parse as vcs_parse
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm import _parse, _parse_snap, _records
from ansible_collections.continuum.infoscale.tests.unit import samples

infoscale_parse = plugin.FilterModule().filters()['infoscale_parse']


def test_filter_is_exported_under_its_name():
    assert plugin.FilterModule().filters() == {'infoscale_parse': plugin.infoscale_parse}


@pytest.mark.parametrize('kind', ['vxdisk list', 'vxdisk -o alldgs list', 'vxdisk -e list',
                                  '  vxdisk   -o alldgs  list '])
def test_vxdisk_list_kinds(kind):
    out = samples.output('vxdisk_list_4_error_zfs.txt', 'vxdisk list')
    rows = infoscale_parse(out, kind)
    assert len(rows) == 11
    assert rows[1] == {'device': 'disk_1', 'type': 'auto:cdsdisk', 'disk': 'xiodisk_1',
                       'group': 'xio_dg', 'status': 'online', 'deported': False}


def test_vxdisk_detail_kind():
    detail = infoscale_parse(samples.output('vxdisk_list_disk_2_shared.txt', 'vxdisk list disk_0'),
                             'vxdisk list disk')
    assert detail['group'] == {'name': 'vrts_kube_dg-59131', 'id': '1741211310.10.r730ocp3.localdomain'}
    assert [p['path'] for p in detail['paths']] == ['sdg', 'sdh', 'sde', 'sdf']


def test_vxdg_kinds():
    assert infoscale_parse(samples.output('vxdg_list_1.txt', 'vxdg list'), 'vxdg list') == [{
        'name': 'nbudg', 'state': ['disabled', 'cds'], 'id': '1573674122.16.media1',
        'enabled': False, 'shared': False, 'cds': True}]
    detail = infoscale_parse(samples.output('vxdg_list_2_detail.txt', 'vxdg list dg_sap'), 'vxdg list dg')
    assert (detail['name'], detail['dgid'], detail['flags']) == ('dg_sap', '1273503890.14.vmnode1', ['cds'])


def test_vxprint_kinds():
    out = samples.output('vxprint_htr_1.txt', 'vxprint -htr')
    records = infoscale_parse(out, 'vxprint')
    assert records == _parse.parse_vxprint(out)
    assert len(records) == 23
    groups = infoscale_parse(out, 'vxprint diskgroups')
    assert sorted(groups) == ['vrts_kube_dg-59131']
    assert sorted(groups['vrts_kube_dg-59131']['volumes']) == [
        'vol_41t7e8pv9gs3863639o0', 'vol_c51h5spa1dkn01c4076c', 'vol_fjv8578nvs33n888c9w6']
    assert groups == _records.diskgroup_views(records)


def test_vxprint_format_kind_with_fields():
    rows = infoscale_parse(['vol1 on', 'vol2 off'], 'vxprint -F', fields=['name', 'devopen'])
    assert rows == [{'name': 'vol1', 'devopen': 'on'}, {'name': 'vol2', 'devopen': 'off'}]
    assert infoscale_parse('vol1 on\n', 'vxprint -F', fields='%name %devopen') == [
        {'name': 'vol1', 'devopen': 'on'}]


def test_maxsize_kind():
    runs = samples.outputs('vxprint_g_1.txt', 'vxassist -g indus_1c6 maxsize')
    assert [infoscale_parse(out, 'vxassist maxsize') for out in runs] == [None, 3840000]


def test_hastatus_sum_kind():
    summary = infoscale_parse(samples.text('hastatus_sum_2.txt'), 'hastatus -sum')
    assert summary == vcs_parse.parse_hastatus_sum(samples.text('hastatus_sum_2.txt'))
    assert summary['groups'][0] == {'group': 'ClusterService', 'system': 'verclus01', 'probed': True,
                                    'autodisabled': False, 'state': 'ONLINE'}


def test_vcs_state_kinds():
    out = samples.outputs('hagrp_state_1.txt', 'hagrp -state kc_sg')[0]
    assert infoscale_parse(out, 'hagrp -state') == [
        {'group': 'kc_sg', 'attribute': 'State', 'system': 'xha239194', 'state': 'ONLINE'},
        {'group': 'kc_sg', 'attribute': 'State', 'system': 'xha239195', 'state': 'OFFLINE'}]
    rows = infoscale_parse(samples.text('hares_display_2_fixture.txt').splitlines(), 'hares -state')
    assert rows[-1] == {'resource': 'Res_App_c1_cs1_sleepy', 'attribute': 'State', 'system': 'node1',
                        'state': 'ONLINE|RESTARTING'}


@pytest.mark.parametrize('kind, name, command', [
    ('hagrp -display', 'hagrp_display_1_fixture.txt', None),
    ('hares -display', 'hares_display_1.txt', 'hares -display'),
    ('hasys -display', 'hasys_display_1.txt', 'hasys -display xha239194'),
    ('hatype -display', 'hasys_display_1.txt', 'hasys -display xha239194'),
])
def test_vcs_display_kinds(kind, name, command):
    out = samples.output(name, command) if command else samples.text(name)
    objects = infoscale_parse(out, kind)
    assert objects == vcs_parse.parse_display(out)
    assert len(objects) == 1
    assert all(values for attributes in objects.values() for values in attributes.values())


def test_haclus_display_kind():
    out = samples.output('haclus_display_1.txt', 'haclus -display')
    attributes = infoscale_parse(out, 'haclus -display')
    assert (attributes['ClusterName'], attributes['ClusState'], attributes['ClusterAddress']) == (
        'xha239194195', 'RUNNING', '')


def test_dep_kinds():
    assert infoscale_parse(samples.text('hagrp_dep_1.txt'), 'hagrp -dep')[2] == {
        'parent': 'CS1', 'child': 'CS2', 'category': 'online', 'location': 'global', 'rigidity': 'soft'}
    assert infoscale_parse(samples.text('hares_dep_1.txt'), 'hares -dep')[3] == {
        'group': 'grp', 'parent': 'res', 'child': 'nic'}
    assert infoscale_parse('VCS WARNING V-16-1-50035 No Group dependencies are configured',
                           'hagrp -dep') == []


def test_configuration_file_kinds():
    config = infoscale_parse(samples.text('maincf_2_linbit_drbd.cf'), 'main.cf')
    assert config == _maincf.parse_maincf(samples.text('maincf_2_linbit_drbd.cf'))
    assert config['groups']['DRBDPriGrp']['resource_links'] == [['r0mount', 'r0primary']]
    assert infoscale_parse(samples.text('maincf_fragment_1.cf').splitlines(), 'main.cf') == \
        _maincf.parse_maincf(samples.text('maincf_fragment_1.cf'))
    types = infoscale_parse(samples.text('typescf_1_drbdprimary.cf'), 'types.cf')
    assert sorted(types['DRBDPrimary']['attributes']) == ['ArgList', 'ResName']


def test_bad_main_cf_names_the_line():
    with pytest.raises(AnsibleFilterError, match=r"cannot parse 'main.cf' output: main.cf line 2: "
                                                 r"attribute A given twice"):
        infoscale_parse('group g (\n A = 1 A = 2 )\n', 'main.cf')


def test_stdout_lines_give_the_same_result_as_stdout():
    out = samples.output('vxdisk_list_7_opensvc.txt', 'vxdisk list')
    assert infoscale_parse(out.splitlines(), 'vxdisk list') == infoscale_parse(out, 'vxdisk list')
    assert len(infoscale_parse(out.splitlines(), 'vxdisk list')) == 3


def test_every_kind_uses_a_module_utils_parser():
    shared = set(id(value) for module in (_parse, _parse_snap, _records, vcs_parse, _maincf, kvm_parse, vvr_parse)
                 for value in vars(module).values() if callable(value))
    for kind, parser in plugin.PARSERS.items():
        if parser.__module__ == plugin.__name__:
            # a thin composition in the plugin: it may only call shared functions
            called = [vars(plugin)[name] for name in parser.__code__.co_names]
            assert called and all(id(f) in shared for f in called), kind
        else:
            assert id(parser) in shared, kind


def test_unknown_kind_names_the_known_kinds():
    with pytest.raises(AnsibleFilterError) as err:
        infoscale_parse('x', 'vxdisk lsit')
    msg = str(err.value)
    assert "unknown kind 'vxdisk lsit'" in msg
    for kind in ('vxdisk list', 'vxdg list dg', 'vxprint', 'vxassist maxsize'):
        assert repr(kind) in msg


@pytest.mark.parametrize('data, words', [
    (None, 'got NoneType'),
    (42, 'got int'),
    ({'stdout': 'x', 'rc': 0}, 'pass its .stdout'),
    (['ok', 3], 'found a int'),
    (b'bytes', 'got bytes'),
])
def test_non_text_input_is_refused_clearly(data, words):
    with pytest.raises(AnsibleFilterError) as err:
        infoscale_parse(data, 'vxdisk list')
    assert words in str(err.value)
    assert 'string' in str(err.value) or 'lines' in str(err.value)


def test_bad_kind_type_and_options():
    with pytest.raises(AnsibleFilterError, match='kind must be a string'):
        infoscale_parse('x', ['vxdisk list'])
    with pytest.raises(AnsibleFilterError, match=r"'vxprint -F' needs fields=\.\.\."):
        infoscale_parse('vol1 on', 'vxprint -F')
    with pytest.raises(AnsibleFilterError, match="'vxdisk list' takes no options, not fields"):
        infoscale_parse('x', 'vxdisk list', fields=['name'])
    with pytest.raises(AnsibleFilterError, match='cannot parse'):
        infoscale_parse('vol1 on', 'vxprint -F', fields=[])


def test_empty_output():
    assert infoscale_parse('', 'vxdisk list') == []
    assert infoscale_parse([], 'vxprint') == []
    assert infoscale_parse('', 'vxdg list dg') == {'config_disks': [], 'log_disks': []}
    assert infoscale_parse('', 'hagrp -state') == []
    assert infoscale_parse('', 'hastatus -sum') == {'systems': [], 'groups': [], 'failed_resources': []}
    assert infoscale_parse('', 'main.cf')['groups'] == {}


def _ansible_env(tmp_path):
    collections = Path(plugin.__file__).parents[5]
    env = dict(os.environ, ANSIBLE_COLLECTIONS_PATH=str(collections),
               ANSIBLE_LOCAL_TEMP=str(tmp_path / 'tmp'), ANSIBLE_HOME=str(tmp_path / 'home'),
               ANSIBLE_NOCOLOR='1', ANSIBLE_INVENTORY_UNPARSED_WARNING='0',
               ANSIBLE_LOCALHOST_WARNING='0')
    return env


def test_ansible_loads_the_filter_by_its_fqcn(tmp_path):
    playbook = tmp_path / 'play.yml'
    playbook.write_text(
        '- hosts: localhost\n'
        '  gather_facts: false\n'
        '  vars:\n'
        '    out: "NAME STATE ID\\ndbdg enabled,cds 1.2.prod-n1\\n"\n'
        '  tasks:\n'
        '    - ansible.builtin.set_fact:\n'
        "        groups_seen: \"{{ out | continuum.infoscale.infoscale_parse('vxdg list') }}\"\n"
        '    - ansible.builtin.assert:\n'
        '        that:\n'
        "          - groups_seen[0].name == 'dbdg'\n"
        '          - groups_seen[0].enabled\n'
        '          - not groups_seen[0].shared\n'
        "          - (out.splitlines() | continuum.infoscale.infoscale_parse('vxdg list'))[0].id == '1.2.prod-n1'\n")
    bindir = Path(sys.executable).parent
    result = subprocess.run([str(bindir / 'ansible-playbook'), '-i', 'localhost,', '-c', 'local', str(playbook)],
                            env=_ansible_env(tmp_path), capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r'localhost\s+: ok=2 .* failed=0 ', result.stdout), result.stdout


def test_ansible_doc_renders(tmp_path):
    bindir = Path(sys.executable).parent
    result = subprocess.run([str(bindir / 'ansible-doc'), '-t', 'filter', '--json',
                             'continuum.infoscale.infoscale_parse'],
                            env=_ansible_env(tmp_path), capture_output=True, text=True, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)['continuum.infoscale.infoscale_parse']['doc']
    assert doc['name'] == 'infoscale_parse'
    assert doc['positional'] == 'kind'
    assert set(doc['options']['kind']['choices']) == set(plugin.PARSERS)
