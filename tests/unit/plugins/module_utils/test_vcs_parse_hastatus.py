"""parse_hastatus_sum on every hastatus -sum capture and on made-up GCO/fault cases."""

import pytest

from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._parse import (
    parse_hastatus_sum)
from ansible_collections.continuum.infoscale.tests.unit import samples

SUM_CAPTURES = samples.names('hastatus_sum_*')


def system(name, state='RUNNING', frozen=False):
    return {'system': name, 'state': state, 'frozen': frozen}


def group(name, sys_name, state, probed=True, autodisabled=False):
    return {'group': name, 'system': sys_name, 'probed': probed,
            'autodisabled': autodisabled, 'state': state}


def test_there_are_captures():
    assert len(SUM_CAPTURES) >= 4


@pytest.mark.parametrize('name', SUM_CAPTURES)
def test_every_capture_gives_one_row_per_a_and_b_line(name):
    text = samples.text(name)
    result = parse_hastatus_sum(text)
    a_rows = [line.split() for line in text.splitlines() if line.startswith('A  ')]
    b_rows = [line.split() for line in text.splitlines() if line.startswith('B  ')]
    assert [row['system'] for row in result['systems']] == [words[1] for words in a_rows]
    assert [(row['group'], row['system'], row['state']) for row in result['groups']] == [
        (words[1], words[2], words[5]) for words in b_rows]
    assert result['failed_resources'] == []
    assert all(row['probed'] and not row['autodisabled'] for row in result['groups'])


def test_two_node_cluster_before_resources():
    assert parse_hastatus_sum(samples.text('hastatus_sum_1.txt')) == {
        'systems': [system('verclus01'), system('verclus02')],
        'groups': [group('SG1', 'verclus01', 'OFFLINE'), group('SG1', 'verclus02', 'OFFLINE')],
        'failed_resources': [],
    }


def test_cluster_service_and_a_failover_group():
    result = parse_hastatus_sum(samples.text('hastatus_sum_2.txt'))
    assert result['groups'][:2] == [group('ClusterService', 'verclus01', 'ONLINE'),
                                    group('ClusterService', 'verclus02', 'OFFLINE')]
    assert len(result['groups']) == 4


def test_four_node_parallel_group_after_a_prompt():
    out = samples.output('hastatus_sum_3.txt', 'hastatus -sum')
    result = parse_hastatus_sum(out)
    assert result['systems'] == [system('serverA'), system('serverB'), system('serverC'),
                                 system('serverD')]
    assert result['groups'][3] == group('cvm', 'serverD', 'ONLINE')
    assert sorted(result) == ['failed_resources', 'groups', 'systems']


def test_after_a_switch_with_df_output_appended():
    result = parse_hastatus_sum(samples.text('hastatus_sum_5_after_switch.txt'))
    assert result['systems'] == [system('linbit01'), system('linbit02')]
    assert result['groups'] == [
        group('DRBDGrp', 'linbit01', 'ONLINE'), group('DRBDGrp', 'linbit02', 'ONLINE'),
        group('DRBDPriGrp', 'linbit01', 'OFFLINE'), group('DRBDPriGrp', 'linbit02', 'ONLINE'),
    ]


# [recon] the sections below are not in any public capture: titles and columns as the
# reference (§6.10) describes them from memory of the product.
FAULTS = '''
-- SYSTEM STATE
-- System               State                Frozen

A  sysa                 RUNNING              0
A  sysb                 EXITED               1

-- GROUP STATE
-- Group           System               Probed     AutoDisabled    State

B  appsg           sysa                 Y          N               OFFLINE|FAULTED
B  appsg           sysb                 N          Y               |STARTING|PARTIAL|

-- RESOURCES FAILED
-- Group           Type                 Resource             System

C  appsg           Mount                app_mnt              sysa

-- GROUPS FROZEN
-- Group

D  websg

-- RESOURCES NOT PROBED
-- Group           Type                 Resource             System

E  appsg           IP                   app_ip               sysb
'''


def test_fault_sections_and_state_combinations():
    assert parse_hastatus_sum(FAULTS) == {
        'systems': [system('sysa'), system('sysb', 'EXITED', True)],
        'groups': [group('appsg', 'sysa', 'OFFLINE|FAULTED'),
                   group('appsg', 'sysb', 'STARTING|PARTIAL', probed=False, autodisabled=True)],
        'failed_resources': [{'group': 'appsg', 'type': 'Mount', 'resource': 'app_mnt',
                              'system': 'sysa'}],
        'frozen_groups': [{'group': 'websg'}],
        'not_probed_resources': [{'group': 'appsg', 'type': 'IP', 'resource': 'app_ip',
                                  'system': 'sysb'}],
    }


GCO = '''
-- SYSTEM STATE
-- System               State                Frozen

A  prod-n1              RUNNING              0

-- GROUP STATE
-- Group           System               Probed     AutoDisabled    State

B  app_sg          prod-n1              Y          N               ONLINE
B  app_sg          drclus:dr-n1         Y          N               OFFLINE

-- WAN HEARTBEAT STATE
-- Heartbeat       To                   State

L  Icmp            drclus               ALIVE

-- REMOTE CLUSTER STATE
-- Cluster         State

M  drclus          RUNNING

-- REMOTE SYSTEM STATE
-- cluster:system       State                Frozen

N  drclus:dr-n1         RUNNING              0
N  drclus:dr-n2         FAULTED              1
'''


def test_gco_sections_and_remote_rows():
    result = parse_hastatus_sum(GCO)
    assert result['groups'] == [
        group('app_sg', 'prod-n1', 'ONLINE'),
        {'group': 'app_sg', 'cluster': 'drclus', 'system': 'dr-n1', 'probed': True,
         'autodisabled': False, 'state': 'OFFLINE'},
    ]
    assert result['wan_heartbeats'] == [{'heartbeat': 'Icmp', 'to': 'drclus', 'state': 'ALIVE'}]
    assert result['remote_clusters'] == [{'cluster': 'drclus', 'state': 'RUNNING'}]
    assert result['remote_systems'] == [
        {'cluster': 'drclus', 'system': 'dr-n1', 'state': 'RUNNING', 'frozen': False},
        {'cluster': 'drclus', 'system': 'dr-n2', 'state': 'FAULTED', 'frozen': True},
    ]


def test_section_without_column_line_uses_default_columns():
    text = '-- RESOURCES DISABLED\n\nH  ClusterService  Application  wac\n'
    assert parse_hastatus_sum(text)['disabled_resources'] == [
        {'group': 'ClusterService', 'type': 'Application', 'resource': 'wac'}]


def test_unknown_section_is_kept_under_its_title():
    text = ('-- RESOURCES WAITING\n-- Group  Resource  System\n\n'
            'Q  appsg  app_db  sysa\n')
    assert parse_hastatus_sum(text)['resources_waiting'] == [
        {'group': 'appsg', 'resource': 'app_db', 'system': 'sysa'}]


def test_rows_filtered_by_grep_without_titles():
    text = ('A  sysa            RUNNING              0\n'
            'B  appsg           sysa                 Y          N               PARTIAL\n'
            'Z  something else\n')
    assert parse_hastatus_sum(text) == {
        'systems': [system('sysa')], 'groups': [group('appsg', 'sysa', 'PARTIAL')],
        'failed_resources': []}


@pytest.mark.parametrize('text', [
    '',
    None,
    'VCS WARNING V-16-1-11046 Local system not available\n',
    '-- SYSTEM STATE\n-- System               State                Frozen\n\n',
])
def test_nothing_to_report(text):
    assert parse_hastatus_sum(text) == {'systems': [], 'groups': [], 'failed_resources': []}
