"""-state, -display, haclus -display, -dep, -value and -list parsers on every capture; VCS
messages and other outputs never read as rows."""

import pytest

from ansible_collections.continuum.infoscale.plugins.module_utils import _text
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._parse import (
    attempted_systems, parse_dep, parse_display, parse_haclus_display, parse_hastatus_sum, parse_list, parse_state_table,
    parse_value, split_value)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm import _parse as vxvm_parse
from ansible_collections.continuum.infoscale.tests.unit import samples

CHECKMK = 'checkmk_veritas_vcs_section_1.txt'


def state(key, name, sys_name, value, attribute='State'):
    return {key: name, 'attribute': attribute, 'system': sys_name, 'state': value}


def test_shared_text_helpers_are_still_importable_from_vxvm():
    assert vxvm_parse.output_lines is _text.output_lines
    assert vxvm_parse.vcode is _text.vcode
    assert vxvm_parse.is_prompt is _text.is_prompt


# --------------------------------------------------------------------------- -state

def test_hagrp_state_before_and_after_a_switch():
    before, after = samples.outputs('hagrp_state_1.txt', 'hagrp -state kc_sg')
    assert parse_state_table(before) == [state('group', 'kc_sg', 'xha239194', 'ONLINE'),
                                         state('group', 'kc_sg', 'xha239195', 'OFFLINE')]
    assert parse_state_table(after) == [state('group', 'kc_sg', 'xha239194', 'OFFLINE'),
                                        state('group', 'kc_sg', 'xha239195', 'ONLINE')]


def test_hagrp_state_fixture_with_uneven_spacing():
    assert parse_state_table(samples.text('hagrp_state_3_fixture.txt')) == [
        state('group', 'Grp_CS_c1_cups', 'node1', 'ONLINE'),
        state('group', 'Grp_CS_c1_cups', 'node2', 'OFFLINE')]


def test_resource_states_keep_their_combinations():
    rows = parse_state_table(samples.text('hares_display_2_fixture.txt'))
    assert len(rows) == 5
    assert rows[0] == state('resource', 'Res_App_c1_FO_vcs1_cups', 'node1', 'ONLINE')
    assert rows[3] == state('resource', 'Res_App_c1_PL_vcs1_httpd', 'node2', 'ONLINE')
    assert rows[4] == state('resource', 'Res_App_c1_cs1_sleepy', 'node1', 'ONLINE|RESTARTING')


def test_checkmk_section_has_system_group_and_resource_tables():
    rows = parse_state_table(samples.text(CHECKMK))
    assert rows[:2] == [{'system': 'dave', 'attribute': 'SysState', 'state': 'RUNNING'},
                        {'system': 'stuart', 'attribute': 'SysState', 'state': 'RUNNING'}]
    assert rows[2] == state('group', 'ClusterService', 'stuart', 'OFFLINE')
    assert [row['resource'] for row in rows if 'resource' in row][:3] == [
        'nepharius_mrs', 'nepharius_dr', 'cs_ip']
    assert state('resource', 'cs_ip', 'stuart', 'OFFLINE') in rows
    assert rows[-1] == state('group', 'omd', 'global', '0', attribute='TFrozen')
    assert len(rows) == 2 + 4 + 14 + 8


@pytest.mark.parametrize('name', samples.names('hagrp_state_*'))
def test_every_hagrp_state_capture(name):
    text = samples.text(name)
    rows = parse_state_table(text)
    value_lines = [line for line in text.splitlines() if line.rstrip().endswith('|')]
    assert len(rows) == len(value_lines) > 0
    assert all(row['attribute'] == 'State' and '|' not in (row['state'][0], row['state'][-1])
               for row in rows)


@pytest.mark.parametrize('text, rows', [
    ('ONLINE\n', [{'state': 'ONLINE'}]),
    ('|OFFLINE|FAULTED|\n', [{'state': 'OFFLINE|FAULTED'}]),
    ('OFFLINE|STATE UNKNOWN\n', [{'state': 'OFFLINE|STATE UNKNOWN'}]),
    ('', []),
    ('VCS WARNING V-16-1-40131 Group nosuch does not exist in the local cluster\n', []),
])
def test_bare_values_and_empty_outputs(text, rows):
    assert parse_state_table(text) == rows


def test_state_combinations_and_gco_systems():
    text = ('#Group         Attribute             System     Value\n'
            'appsg          State                 prod-n1    |OFFLINE|FAULTED|\n'
            'appsg          State                 prod-n2    |STARTING|PARTIAL|\n'
            'appsg          State                 drclus:dr-n1 |OFFLINE|\n'
            '#Resource      Attribute             System     Value\n'
            'app_db         State                 prod-n1    OFFLINE|STATE UNKNOWN\n')
    assert parse_state_table(text) == [
        state('group', 'appsg', 'prod-n1', 'OFFLINE|FAULTED'),
        state('group', 'appsg', 'prod-n2', 'STARTING|PARTIAL'),
        {'group': 'appsg', 'attribute': 'State', 'cluster': 'drclus', 'system': 'dr-n1',
         'state': 'OFFLINE'},
        state('resource', 'app_db', 'prod-n1', 'OFFLINE|STATE UNKNOWN'),
    ]


# --------------------------------------------------------------------------- -display

def test_hagrp_display_fixture_with_empty_values():
    assert parse_display(samples.text('hagrp_display_1_fixture.txt')) == {
        'Grp_CS_cluster1_cs2': {
            'AdministratorGroups': {'global': ''},
            'Administrators': {'global': ''},
            'Authority': {'global': ''},
            'IntentOnline': {'global': '0'},
        }}


def test_hares_display_header_without_hash():
    out = samples.output('hares_display_1.txt', 'hares -display')
    assert parse_display(out) == {
        'RES_phantom_vxfen': {'Group': {'global': 'vxfen'}, 'Type': {'global': 'Phantom'}}}


def test_hares_display_state_rows_per_system():
    objects = parse_display(samples.text('hares_display_2_fixture.txt'))
    assert objects['Res_App_c1_FO_vcs1_cups'] == {'State': {'node1': 'ONLINE', 'node2': 'OFFLINE'}}
    assert objects['Res_App_c1_cs1_sleepy'] == {'State': {'node1': 'ONLINE|RESTARTING'}}
    assert len(objects) == 3


def test_hasys_display_has_no_system_column_and_keeps_inner_spacing():
    out = samples.output('hasys_display_1.txt', 'hasys -display xha239194')
    assert parse_display(out) == {'xha239194': {
        'AgentsStopped': {'global': '0'},
        'AvailableCapacity': {'global': 'CPU  39.72   Mem     62623.00        Swap    32255.00'},
        'CPUThresholdLevel': {'global': 'Critical     90      Warning 80      Note    70      Info    60'},
    }}
    assert split_value(parse_display(out)['xha239194']['CPUThresholdLevel']['global']) == [
        'Critical', '90', 'Warning', '80', 'Note', '70', 'Info', '60']


def test_checkmk_section_display_tables_merge():
    objects = parse_display(samples.text(CHECKMK))
    assert objects['dave'] == {'SysState': {'global': 'RUNNING'}}
    assert objects['nepharius'] == {'State': {'stuart': '|ONLINE|'}, 'Frozen': {'global': '0'},
                                    'TFrozen': {'global': '1'}}
    assert objects['omd_srdf'] == {'State': {'stuart': 'ONLINE'}}
    assert 'ClusState' not in objects
    assert len(objects) == 2 + 4 + 14


@pytest.mark.parametrize('name', samples.names('h*_display_*'))
def test_every_display_capture_parses_to_attributes(name):
    if name.startswith('haclus'):
        assert parse_display(samples.text(name)) == {}
        return
    objects = parse_display(samples.text(name))
    assert objects
    assert all(values for attributes in objects.values() for values in attributes.values())


def test_association_values_stay_raw_and_split():
    text = ('#Group    Attribute      System     Value\n'
            'appsg     SystemList     global     prod-n1\t0\tprod-n2\t1\n'
            'appsg     AutoStartList  global     prod-n1 prod-n2   \n'
            'appsg     Probed         prod-n1    1\n'
            'appsg     Probed         prod-n2    0\n'
            'VCS WARNING V-16-1-40130 Resource nosuch does not exist in the local cluster\n')
    objects = parse_display(text)
    assert objects == {'appsg': {
        'SystemList': {'global': 'prod-n1\t0\tprod-n2\t1'},
        'AutoStartList': {'global': 'prod-n1 prod-n2'},
        'Probed': {'prod-n1': '1', 'prod-n2': '0'},
    }}
    assert split_value(objects['appsg']['SystemList']['global']) == ['prod-n1', '0', 'prod-n2', '1']
    assert split_value('') == []
    assert split_value(None) == []


def test_hatype_display_three_columns():
    text = ('#Type        Attribute            Value\n'
            'Mount        ArgList              MountPoint BlockDevice FSType\n'
            'Mount        OnlineTimeout        300\n')
    assert parse_display(text) == {'Mount': {
        'ArgList': {'global': 'MountPoint BlockDevice FSType'},
        'OnlineTimeout': {'global': '300'}}}


@pytest.mark.parametrize('text', ['', None, 'VCS WARNING V-16-1-50031 No Groups are configured\n'])
def test_display_of_nothing(text):
    assert parse_display(text) == {}


# --------------------------------------------------------------------------- haclus -display

def test_haclus_display_capture():
    out = samples.output('haclus_display_1.txt', 'haclus -display')
    assert parse_haclus_display(out) == {
        'AdministratorGroups': '', 'Administrators': '', 'AutoAddSystemToCSG': '1',
        'AutoClearQ': '', 'AutoStartTimeout': '150', 'BackupInterval': '0',
        'CID': '{52f7ffbc-bd12-11e6-aaad-2fd1e77070e8}', 'ClusState': 'RUNNING',
        'ClusterAddress': '', 'ClusterLocation': '', 'ClusterName': 'xha239194195',
    }


def test_haclus_display_stops_at_other_tables():
    assert parse_haclus_display(samples.text(CHECKMK)) == {
        'ClusState': 'RUNNING', 'ClusterName': 'minions'}


def test_haclus_display_keeps_multi_word_values():
    text = ('#Attribute               Value\n'
            'UserNames                admin Hkj8 ops Qw3e\n'
            'VCSFeatures              GCO\n')
    assert parse_haclus_display(text) == {'UserNames': 'admin Hkj8 ops Qw3e', 'VCSFeatures': 'GCO'}
    assert parse_haclus_display('') == {}


# --------------------------------------------------------------------------- -dep

def test_hagrp_dep_capture():
    assert parse_dep(samples.text('hagrp_dep_1.txt')) == [
        {'parent': 'CS2', 'child': 'CS3', 'category': 'online', 'location': 'global', 'rigidity': 'soft'},
        {'parent': 'CS2', 'child': 'CS4', 'category': 'online', 'location': 'global', 'rigidity': 'soft'},
        {'parent': 'CS1', 'child': 'CS2', 'category': 'online', 'location': 'global', 'rigidity': 'soft'},
    ]


def test_hares_dep_capture():
    assert parse_dep(samples.text('hares_dep_1.txt')) == [
        {'group': 'grp', 'parent': 'app1', 'child': 'res'},
        {'group': 'grp', 'parent': 'app2', 'child': 'res'},
        {'group': 'grp', 'parent': 'app3', 'child': 'res'},
        {'group': 'grp', 'parent': 'res', 'child': 'nic'},
    ]


@pytest.mark.parametrize('text', [
    'VCS WARNING V-16-1-50035 No Group dependencies are configured\n',
    'VCS WARNING V-16-1-50034 No Resource dependencies are configured\n',
    '', None,
])
def test_no_dependencies(text):
    assert parse_dep(text) == []


def test_group_links_without_rigidity_and_without_header():
    text = ('appsg  dbsg  offline local\n'
            'websg  appsg online global\n'
            'vmsg   stsg  online local firm\n')
    assert parse_dep(text) == [
        {'parent': 'appsg', 'child': 'dbsg', 'category': 'offline', 'location': 'local', 'rigidity': None},
        {'parent': 'websg', 'child': 'appsg', 'category': 'online', 'location': 'global', 'rigidity': None},
        {'parent': 'vmsg', 'child': 'stsg', 'category': 'online', 'location': 'local', 'rigidity': 'firm'},
    ]
    assert parse_dep('grp app1 res\n') == [{'group': 'grp', 'parent': 'app1', 'child': 'res'}]


# --------------------------------------------------------------------------- -value, -list

def test_value():
    assert parse_value('prod-n1\t0\tprod-n2\t1\n') == 'prod-n1\t0\tprod-n2\t1'
    assert parse_value('  1  \n') == '1'
    assert parse_value('# haclus -value ReadOnly\n1\n') == '1'
    assert parse_value('') == ''
    assert parse_value('\n') == ''


def test_list_captures():
    assert parse_list(samples.output('hasys_display_1.txt', 'hasys -list')) == [
        ['xha239194'], ['xha239195']]
    assert parse_list(samples.output('vcs_cli_session_1.txt', 'hagrp -resources ClusterService')) == [
        ['webip'], ['csgnic']]
    assert parse_list('app_db  prod-n1\napp_db  prod-n2\n') == [['app_db', 'prod-n1'], ['app_db', 'prod-n2']]
    assert parse_list('VCS WARNING V-16-1-50031 No Groups are configured\n') == []


def test_vcs_messages_never_become_rows():
    text = samples.text('vcs_error_messages_1.txt')
    assert len(text.splitlines()) >= 30
    assert parse_dep(text) == []
    assert parse_display(text) == {}
    assert parse_state_table(text) == []
    assert parse_list(text) == []
    assert parse_value(text) == ''
    assert parse_haclus_display(text) == {}
    assert parse_hastatus_sum(text) == {'systems': [], 'groups': [], 'failed_resources': []}


def test_streaming_hastatus_is_not_a_summary():
    assert parse_hastatus_sum(samples.text('hastatus_plain_1.txt')) == {
        'systems': [], 'groups': [], 'failed_resources': []}


def test_attempted_systems_reads_the_online_any_notices_in_either_wording():
    text = ("VCS NOTICE V-16-1-50735 Attempting to online group par on prod-n1\n"
            "VCS NOTICE V-16-1-50735 Attempting to online group par on system prod-n2\n"
            "VCS NOTICE V-16-1-50735 Attempting to online group par on prod-n1\n"
            "VCS WARNING V-16-1-10165 Group par is not offline on system prod-n3\n")
    assert attempted_systems(text) == ['prod-n1', 'prod-n2']
    assert attempted_systems('') == [] and attempted_systems(None) == []
