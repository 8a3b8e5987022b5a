"""The service group planner on its own: request checks, commands, predicted configuration."""

from pathlib import Path

import pytest

from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._config import CliView, MainCfView, load_catalog
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._group_plan import (
    plan_group_removal, plan_service_group, request_problems)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._maincf import parse_maincf, render_maincf
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._normalize import normalize_group

FIXTURES = Path(__file__).resolve().parents[1] / 'modules' / 'fixtures'


def catalog():
    return load_catalog([], directory=str(FIXTURES / 'no-such-folder'))[0]


def closed_view(text=None):
    return MainCfView(parse_maincf(text or (FIXTURES / 'vcs_main_prod.cf').read_text()), catalog())


class CannedRunner:
    """Answers the reads of CliView from the db_sg fixtures; records what was read."""

    OUTPUTS = {
        ('hagrp', '-list'): 'vcs_hagrp_list.txt',
        ('hagrp', '-display', 'db_sg'): 'vcs_hagrp_display_db_sg.txt',
        ('hares', '-display', '-group', 'db_sg'): 'vcs_hares_display_db_sg.txt',
        ('hagrp', '-dep', 'db_sg'): 'vcs_hagrp_dep_db_sg.txt',
        ('hares', '-dep'): 'vcs_hares_dep_all.txt',
    }

    def __init__(self):
        self.reads = []

    def read(self, argv, ok_rcs=(0,)):
        self.reads.append(list(argv))
        if argv == ['hasys', '-list']:
            return 0, 'prod-n1\nprod-n2\n', ''
        return 0, (FIXTURES / self.OUTPUTS[tuple(argv)]).read_text(), ''


DB_SG = dict(
    name='db_sg', system_list=['prod-n1', 'prod-n2'], autostart_list=['prod-n1'], parallel=False,
    attributes={'OnlineRetryLimit': 2},
    resources=[
        dict(name='db_dg', type='DiskGroup', attributes={'DiskGroup': 'dbdg'}),
        dict(name='db_vol', type='Volume', attributes={'DiskGroup': 'dbdg', 'Volume': 'dbvol'}, requires=['db_dg']),
        dict(name='db_mnt', type='Mount', requires=['db_vol'], attributes={
            'MountPoint': '/db', 'BlockDevice': '/dev/vx/dsk/dbdg/dbvol', 'FSType': 'vxfs', 'FsckOpt': '-y'}),
        dict(name='db_nic', type='NIC', attributes={'Device': 'eth0'}),
        dict(name='db_ip', type='IP', attributes={'Device': 'eth0', 'NetMask': '255.255.255.0'},
             per_system={'Address': {'prod-n1': '10.0.0.11', 'prod-n2': '10.0.0.12'}}, requires=['db_nic']),
        dict(name='db_app', type='Application', requires=['db_ip', 'db_mnt'], attributes={
            'StartProgram': '/opt/db/bin/start', 'StopProgram': '/opt/db/bin/stop',
            'MonitorProcesses': ['/opt/db/bin/dbd'], 'RestartLimit': 2}),
    ],
    dependencies=[], purge=True)


# --------------------------------------------------------------------------- reading

def test_main_cf_and_the_engine_give_the_same_group():
    runner = CannedRunner()
    engine = CliView(runner, catalog())
    from_file = closed_view().group('db_sg')
    assert engine.group('db_sg') == from_file
    assert from_file['resources']['db_ip']['attributes']['Address'] == {'@prod-n1': '10.0.0.11', '@prod-n2': '10.0.0.12'}
    # defaults shown by -display (User root, PrefixLen 1000, NumThreads 1...) are not configuration
    assert from_file['resources']['db_app']['attributes'] == {
        'StartProgram': '/opt/db/bin/start', 'StopProgram': '/opt/db/bin/stop',
        'MonitorProcesses': ['/opt/db/bin/dbd'], 'RestartLimit': '2'}
    assert engine.parent_groups('db_sg') == closed_view().parent_groups('db_sg') == {
        'app_sg': {'child': 'db_sg', 'category': 'online', 'location': 'global', 'rigidity': 'soft'}}
    assert [argv[:2] for argv in runner.reads] == [
        ['hagrp', '-list'], ['hagrp', '-display'], ['hares', '-display'], ['hagrp', '-dep'], ['hares', '-dep']]


def test_a_rendered_group_reads_back_the_same():
    group = closed_view().group('db_sg')
    text = render_maincf({'groups': {'db_sg': group}})
    assert normalize_group(parse_maincf(text)['groups']['db_sg'], catalog()) == group


def test_no_op_plans_nothing_from_either_view():
    assert plan_service_group(DB_SG, closed_view()).commands == []
    runner = CannedRunner()
    plan = plan_service_group(DB_SG, CliView(runner, catalog()))
    assert plan.commands == []
    assert plan.before == plan.after
    assert ['hasys', '-list'] in runner.reads


# --------------------------------------------------------------------------- request checks

@pytest.mark.parametrize('params, problem', [
    (dict(name='g', resources=[dict(name='a', type='Process', requires=['a'])]), 'cycle: a -> a'),
    (dict(name='g', resources=[dict(name='a', type='Process', requires=['b']), dict(name='b', type='Process', requires=['a'])]),
     'cycle: a -> b -> a'),
    (dict(name='g', system_list={'n1': 'first'}), 'priority of n1 must be a whole number'),
    (dict(name='g', system_list=['n1', 'n1']), 'system_list names n1 more than once'),
    (dict(name='g', system_list='n1'), 'system_list must be a list'),
    (dict(name='g', dependencies=[dict(child='g')]), 'group g cannot depend on itself'),
    (dict(name='g', dependencies=[dict(child='c', category='offline', location='global')]), 'always local'),
    (dict(name='g', resources=[dict(name='a', type='IP', per_system={'Address': 'x'})]), 'must be a dict of system: value'),
    (dict(name='g', resources=[dict(name='a', type='IP', attributes={'Address': 1}, per_system={'Address': {'n': 1}})]),
     'sets Address both in attributes and in per_system'),
    (dict(name='g', attributes={'bad-name': 1}), "group attribute name 'bad-name'"),
])
def test_request_problems(params, problem):
    problems = request_problems(params)
    assert any(problem in p for p in problems), problems


def test_a_good_request_has_no_problem():
    assert request_problems(DB_SG) == []


# --------------------------------------------------------------------------- commands

def test_an_unchanged_keylist_in_another_order_is_a_change():
    plan = plan_service_group(dict(name='web_sg', autostart_list=['prod-n2', 'prod-n1']), closed_view())
    assert plan.commands == [['hagrp', '-modify', 'web_sg', 'AutoStartList', 'prod-n2', 'prod-n1']]


def test_a_value_equal_to_the_default_is_no_change():
    plan = plan_service_group(dict(name='db_sg', parallel=False, attributes={'AutoFailOver': 1, 'FailOverPolicy': 'Priority'},
                                   resources=[dict(name='db_ip', type='IP', attributes={'PrefixLen': '1000'}, critical=True)]),
                              closed_view())
    assert plan.commands == []


def test_an_online_dependency_without_rigidity_is_firm():
    text = (FIXTURES / 'vcs_main_prod.cf').read_text().replace('online global soft', 'online global')
    same = plan_service_group(dict(name='app_sg', dependencies=[dict(child='db_sg', location='global', rigidity='firm')]),
                              closed_view(text))
    assert same.commands == []
    other = plan_service_group(dict(name='app_sg', dependencies=[dict(child='db_sg', location='global', rigidity='hard')]),
                               closed_view(text))
    assert other.commands == [['hagrp', '-unlink', 'app_sg', 'db_sg'], ['hagrp', '-link', 'app_sg', 'db_sg', 'online', 'global', 'hard']]


def test_values_are_escaped_and_associations_flattened():
    plan = plan_service_group(dict(name='x', attributes={'SystemZones': {'prod-n1': 0, 'prod-n2': 1}},
                                   resources=[dict(name='x_mnt', type='Mount', attributes={'MountOpt': '-o,ro', 'FsckOpt': '-y'})]),
                              closed_view())
    assert ['hagrp', '-modify', 'x', 'SystemZones', 'prod-n1', '0', 'prod-n2', '1'] in plan.commands
    assert ['hares', '-modify', 'x_mnt', 'MountOpt', '%-o,ro'] in plan.commands
    assert ['hares', '-modify', 'x_mnt', 'FsckOpt', '%-y'] in plan.commands
    assert plan.after['resources']['x_mnt']['attributes']['FsckOpt'] == '-y'


def test_new_resources_children_first_and_enabled_last():
    params = dict(name='x', resources=[
        dict(name='top', type='Process', requires=['mid']),
        dict(name='mid', type='Process', requires=['low']),
        dict(name='low', type='Process'),
        dict(name='off', type='Phantom', enabled=False),
    ])
    commands = plan_service_group(params, closed_view()).commands
    adds = [argv[2] for argv in commands if argv[:2] == ['hares', '-add']]
    assert adds == ['low', 'mid', 'top', 'off']
    tail = commands[-3:]
    assert tail == [['hares', '-modify', name, 'Enabled', '1'] for name in ('low', 'mid', 'top')]
    assert ['hares', '-modify', 'off', 'Enabled', '1'] not in commands
    assert plan_service_group(params, closed_view()).after['resources']['off']['attributes'] == {'Enabled': '0'}


def test_the_predicted_group_is_what_main_cf_will_hold():
    plan = plan_service_group(dict(name='db_sg', resources=[
        dict(name='db_nic', type='NIC', per_system={'Device': {'prod-n2': 'eth1'}}, critical=False)]), closed_view())
    assert plan.commands == [['hares', '-local', 'db_nic', 'Device'],
                             ['hares', '-modify', 'db_nic', 'Device', 'eth1', '-sys', 'prod-n2'],
                             ['hares', '-modify', 'db_nic', 'Critical', '0']]
    assert plan.after['resources']['db_nic']['attributes'] == {
        'Device': {'@prod-n1': 'eth0', '@prod-n2': 'eth1'}, 'Critical': '0'}
    assert plan.before['resources']['db_nic']['attributes'] == {'Device': 'eth0'}


@pytest.mark.parametrize('params, problem', [
    (dict(name='x', resources=[dict(name='r', type='Nope')]), 'unknown resource type Nope'),
    (dict(name='x', resources=[dict(name='r', type='NIC', attributes={'Device': 'e', 'Mii': 1})]), 'Mii is not an attribute of type NIC'),
    (dict(name='x', resources=[dict(name='r', type='Mount', per_system={'OnlineTimeout': {'prod-n1': 5}})]),
     'OnlineTimeout is a static (type-level) attribute and cannot have per-system values'),
    (dict(name='x', resources=[dict(name='r', type='Process', attributes={'Enabled': 1})]), 'set Enabled with its enabled option'),
    (dict(name='x', system_list=['prod-n1', 'prod-n9']), 'system prod-n9 is not in the cluster'),
    (dict(name='x', dependencies=[dict(child='nope')]), 'depends on group nope, which does not exist'),
    (dict(name='x', resources=[dict(name='app_proc', type='Process')]), 'resource app_proc already belongs to group app_sg'),
])
def test_refused_before_any_command(params, problem):
    with pytest.raises(PlanError) as caught:
        plan_service_group(params, closed_view())
    assert problem in str(caught.value)


# --------------------------------------------------------------------------- removal

def test_removal_of_an_offline_group():
    view = closed_view()
    operations, waits, config, before = plan_group_removal('web_sg', view.group('web_sg'),
                                                           {'prod-n1': 'OFFLINE', 'prod-n2': 'OFFLINE|FAULTED'}, view, False)
    assert (operations, waits) == ([], [])
    assert config == [['hares', '-delete', 'web_phantom'], ['hagrp', '-delete', 'web_sg']]
    assert before == view.group('web_sg')


@pytest.mark.parametrize('state', ['ONLINE', 'PARTIAL', 'STARTING|PARTIAL', 'STOPPING|PARTIAL'])
def test_removal_refused_unless_offline(state):
    view = closed_view()
    with pytest.raises(PlanError) as caught:
        plan_group_removal('web_sg', view.group('web_sg'), {'prod-n1': state, 'prod-n2': 'OFFLINE'}, view, False)
    assert '%s on prod-n1' % state in str(caught.value)
    operations, waits, config, _before = plan_group_removal('web_sg', view.group('web_sg'),
                                                            {'prod-n1': state, 'prod-n2': 'OFFLINE'}, view, True)
    assert operations == [['hagrp', '-offline', 'web_sg', '-any']] and waits == ['prod-n1']


def test_removal_of_a_group_others_need():
    view = closed_view()
    with pytest.raises(PlanError) as caught:
        plan_group_removal('db_sg', view.group('db_sg'), {'prod-n1': 'OFFLINE'}, view, False)
    assert 'group db_sg is required by app_sg' in str(caught.value)
    config = plan_group_removal('db_sg', view.group('db_sg'), {'prod-n1': 'OFFLINE'}, view, True)[2]
    assert config[0] == ['hagrp', '-unlink', 'app_sg', 'db_sg']
    assert config[-1] == ['hagrp', '-delete', 'db_sg']


def test_removal_of_nothing():
    assert plan_group_removal('nope', None, None, closed_view(), False) == ([], [], [], None)
