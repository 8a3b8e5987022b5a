"""vcs_service_group, vcs_group_state and vcs_info against the simulated cluster."""

import pytest

from harness import mutating_calls
from modcall import assert_refused, call_module

APP = {
    'name': 'appsg',
    'system_list': ['prod-n1', 'prod-n2'],
    'autostart_list': ['prod-n1'],
    'resources': [
        {'name': 'app_nic', 'type': 'NIC', 'attributes': {'Device': 'eth0'}},
        {'name': 'app_ip', 'type': 'IP', 'requires': ['app_nic'],
         'attributes': {'Device': 'eth0', 'Address': '10.10.1.60', 'NetMask': '255.255.255.0'}},
        {'name': 'app_proc', 'type': 'Process', 'requires': ['app_ip'],
         'attributes': {'PathName': '/opt/demo/app/bin/appserver'}},
    ],
}


@pytest.fixture
def estate(fast_estate):
    """These tests wait for onlines: simulated time runs 20 times faster."""
    return fast_estate


def read_only(estate):
    rc, out, err = estate.run('prod-n1', ['haclus', '-value', 'ReadOnly'])
    assert rc == 0, err
    return out.strip()


def changing(call):
    return call.changing_calls


def test_configure_twice_in_check_mode_and_with_diff(estate):
    dry = call_module(estate, 'vcs_service_group', APP, check=True, diff=True)
    assert dry.result['changed'] and changing(dry) == []
    commands = dry.result['commands']
    assert commands[0] == ['haconf', '-makerw'] and commands[-1] == ['haconf', '-dump', '-makero']
    assert ['hagrp', '-add', 'appsg'] in commands
    assert ['hares', '-link', 'app_ip', 'app_nic'] in commands

    first = call_module(estate, 'vcs_service_group', APP)
    assert first.result['changed'] and not first.result.get('failed'), first.result
    assert changing(first) == commands
    assert read_only(estate) == '1'

    second = call_module(estate, 'vcs_service_group', APP)
    assert second.result['changed'] is False and second.result['commands'] == []
    assert changing(second) == [] and len(second.calls) <= 3

    modified = dict(APP, resources=[dict(r) for r in APP['resources']])
    modified['resources'][2]['attributes'] = {'PathName': '/opt/demo/app/bin/appserver2'}
    changed = call_module(estate, 'vcs_service_group', modified)
    assert changing(changed) == [['haconf', '-makerw'],
                                 ['hares', '-modify', 'app_proc', 'PathName', '/opt/demo/app/bin/appserver2'],
                                 ['haconf', '-dump', '-makero']]


def test_online_switch_freeze_and_info(estate):
    call_module(estate, 'vcs_service_group', APP)
    online = call_module(estate, 'vcs_group_state', {'name': 'appsg', 'state': 'online'})
    assert online.result['changed'], online.result
    assert ['hagrp', '-online', 'appsg', '-sys', 'prod-n1'] in changing(online)
    again = call_module(estate, 'vcs_group_state', {'name': 'appsg', 'state': 'online'})
    assert again.result['changed'] is False and changing(again) == []

    switched = call_module(estate, 'vcs_group_state', {'name': 'appsg', 'state': 'online', 'system': 'prod-n2'})
    assert ['hagrp', '-switch', 'appsg', '-to', 'prod-n2'] in changing(switched)
    info = call_module(estate, 'vcs_info', {})
    groups = {g['name']: g for g in info.result['groups']}
    assert groups['appsg']['states'] == {'prod-n1': 'OFFLINE', 'prod-n2': 'ONLINE'}
    assert changing(info) == []

    frozen = call_module(estate, 'vcs_group_state', {'name': 'appsg', 'state': 'frozen'})
    assert changing(frozen) == [['hagrp', '-freeze', 'appsg']]
    refused = call_module(estate, 'vcs_group_state', {'name': 'appsg', 'state': 'online', 'system': 'prod-n1'})
    assert_refused(refused, 'frozen')


def test_a_resource_that_fails_to_online(estate):
    call_module(estate, 'vcs_service_group', APP)
    estate.sim('fault', 'resource', 'app_proc', '--cluster', 'prodclus')
    failed = call_module(estate, 'vcs_group_state', {'name': 'appsg', 'state': 'online'})
    assert failed.result['failed']
    assert 'app_proc' in failed.result['msg']
    assert read_only(estate) == '1'


def test_a_node_crash_moves_the_group(estate):
    call_module(estate, 'vcs_service_group', APP)
    call_module(estate, 'vcs_group_state', {'name': 'appsg', 'state': 'online', 'system': 'prod-n1'})
    estate.sim('fault', 'crash-node', 'prod-n1')
    rc, out, err = estate.run('prod-n2', ['hagrp', '-wait', 'appsg', 'State', 'ONLINE', '-sys', 'prod-n2', '-time', '60'])
    assert rc == 0, out + err
    info = call_module(estate, 'vcs_info', {}, target='prod-n2')
    groups = {g['name']: g for g in info.result['groups']}
    assert groups['appsg']['states']['prod-n2'] == 'ONLINE'


@pytest.mark.parametrize('change, texts', [
    ({'resources': [{'name': 'r1', 'type': 'NoSuchType'}]}, ['NoSuchType']),
    ({'resources': [{'name': 'r1', 'type': 'Process', 'attributes': {'NoSuchAttr': '1'}}]}, ['NoSuchAttr']),
    ({'resources': [{'name': 'r1', 'type': 'Phantom', 'requires': ['r2']},
                    {'name': 'r2', 'type': 'Phantom', 'requires': ['r1']}]}, ['r1', 'r2', 'cycle']),
    ({'dependencies': [{'child': 'nosuchsg'}]}, ['nosuchsg']),
    ({'system_list': ['prod-n1', 'dr-n1']}, ['dr-n1']),
    ({'name': 'bad name'}, ['white space']),
])
def test_bad_group_requests_change_nothing(estate, change, texts):
    request = dict({'name': 'badsg', 'system_list': ['prod-n1', 'prod-n2']}, **change)
    assert_refused(call_module(estate, 'vcs_service_group', request), *texts)
    assert read_only(estate) == '1'
    assert mutating_calls(estate.log()) == []


def test_the_main_cf_the_cluster_writes_parses_back_to_the_configuration(estate):
    from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._maincf import (
        parse_maincf, render_maincf)

    call_module(estate, 'vcs_service_group', APP)
    text = estate.sim('maincf', '--cluster', 'prodclus').stdout
    config = parse_maincf(text)
    assert config['cluster']['name'] == 'prodclus'
    assert sorted(config['systems']) == ['prod-n1', 'prod-n2']
    group = config['groups']['appsg']
    assert group['attributes']['SystemList'] == {'prod-n1': '0', 'prod-n2': '1'}
    assert group['attributes']['AutoStartList'] == ['prod-n1']
    assert {name: r['type'] for name, r in group['resources'].items()} == {
        'app_nic': 'NIC', 'app_ip': 'IP', 'app_proc': 'Process'}
    assert group['resources']['app_ip']['attributes']['Address'] == '10.10.1.60'
    assert sorted(group['resource_links']) == [['app_ip', 'app_nic'], ['app_proc', 'app_ip']]
    assert render_maincf(config) == text.expandtabs(8)  # hacf indents with tabs


def test_several_groups_in_one_task_twice_in_check_mode_and_with_bad_input(estate):
    vms = {'system_list': ['prod-n1', 'prod-n2'], 'autostart_list': ['prod-n1'], 'groups': [
        {'name': 'vm%d_sg' % n, 'resources': [{'name': 'vm%d_proc' % n, 'type': 'Process',
                                              'attributes': {'PathName': '/opt/vm%d' % n}}],
         'dependencies': [{'child': 'base_sg'}]} for n in (1, 2)] + [
        {'name': 'base_sg', 'resources': [{'name': 'base_nic', 'type': 'NIC', 'attributes': {'Device': 'eth0'}}]}]}
    dry = call_module(estate, 'vcs_service_group', vms, check=True)
    assert dry.result['changed'] and changing(dry) == []
    made = call_module(estate, 'vcs_service_group', vms)
    assert changing(made) == dry.result['commands'] and made.result['commands'].count(['haconf', '-makerw']) == 1
    assert [group['name'] for group in made.result['groups']] == ['vm1_sg', 'vm2_sg', 'base_sg']
    again = call_module(estate, 'vcs_service_group', vms)
    assert again.result['changed'] is False and changing(again) == []

    names = {'names': ['base_sg', 'vm1_sg', 'vm2_sg'], 'state': 'online'}
    preview = call_module(estate, 'vcs_group_state', names, check=True)
    assert preview.result['changed'] and changing(preview) == []
    up = call_module(estate, 'vcs_group_state', names)
    assert not up.result.get('failed'), up.result
    assert [g['states']['prod-n1'] for g in up.result['groups']] == ['ONLINE'] * 3
    assert changing(up) == [['hagrp', '-online', group, '-sys', 'prod-n1'] for group in names['names']]
    still = call_module(estate, 'vcs_group_state', names)
    assert still.result['changed'] is False and changing(still) == [] and len(still.calls) == 1

    assert_refused(call_module(estate, 'vcs_service_group', dict(vms, groups=vms['groups'] + [
        {'name': 'bad_sg', 'system_list': ['dr-n9']}])), 'group bad_sg: system dr-n9 is not in the cluster')
    assert_refused(call_module(estate, 'vcs_group_state', {'names': ['vm1_sg', 'nosuch_sg'], 'state': 'offline'}),
                   'service group nosuch_sg does not exist in this cluster')
