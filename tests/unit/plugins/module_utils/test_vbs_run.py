import copy

import pytest

from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._run import (
    DEFAULT_TIMEOUT, clusters_of, members_on, observe, schedule, step_arguments, vms_by_tier, wave_records)

T0 = 1764021600.0

# db on prodclus; app (two groups) and web on drclus.
SERVICE = {
    'name': 'shop',
    'tiers': [{'name': 'db', 'cluster': 'prodclus', 'service_groups': ['db_sg'], 'vms': ['dbvm']},
              {'name': 'app', 'cluster': 'drclus', 'service_groups': ['app_sg', 'mq_sg'],
               'vms': [{'name': 'appvm1'}, 'appvm2'], 'timeouts': {'online': 300}},
              {'name': 'web', 'cluster': 'drclus', 'service_groups': ['web_sg']}],
    'links': [{'parent': 'web', 'child': 'app', 'fault_policy': 'restart'},
              {'parent': 'app', 'child': 'db', 'fault_policy': 'firm'}],
}

NODES = {'prodclus': ['prod-n1', 'prod-n2'], 'drclus': ['dr-n1', 'dr-n2']}


def facts(state, system='n1'):
    return {'states': {system: state}, 'state': state, 'frozen': False, 'parallel': False}


def answer(groups, vms=None, dependencies=None):
    """A registered vbs_steps result of an observation (no steps)."""
    return {'changed': False, 'commands': [], 'steps': [], 'groups': groups, 'vms': vms or {},
            'dependencies': dependencies or []}


def dep(parent, child):
    return {'parent': parent, 'child': child, 'category': 'online', 'location': 'local', 'rigidity': 'firm'}


PROD = answer({'db_sg': facts('ONLINE', 'prod-n1')}, {'dbvm': 'running'})
DR = answer({'app_sg': facts('OFFLINE', 'dr-n1'), 'mq_sg': facts('OFFLINE', 'dr-n1'), 'web_sg': facts('OFFLINE', 'dr-n1')},
            {'appvm1': 'running', 'appvm2': 'shut off'}, [dep('mq_sg', 'app_sg')])
FAILED = {'failed': True, 'msg': 'hagrp -display failed: VCS is not running', 'changed': False}
UNREACHABLE = {'unreachable': True, 'msg': 'Failed to connect to the host via ssh: no route to host', 'changed': False}
SKIPPED = {'skipped': True, 'changed': False, 'skip_reason': 'Conditional result was False'}


def seen(**results):
    base = {'prod-n1': PROD, 'prod-n2': PROD, 'dr-n1': DR, 'dr-n2': DR}
    base.update(dict((host.replace('_', '-'), result) for host, result in results.items()))
    return copy.deepcopy(base)


def test_clusters_in_order_of_first_tier():
    assert clusters_of(SERVICE) == ['prodclus', 'drclus']


def test_members_on_clusters():
    assert members_on(SERVICE, ['drclus', 'elsewhere']) == {'groups': ['app_sg', 'mq_sg', 'web_sg'], 'vms': ['appvm1', 'appvm2']}
    assert members_on(SERVICE, ['prodclus']) == {'groups': ['db_sg'], 'vms': ['dbvm']}
    assert members_on(SERVICE, ['prodclus', 'drclus'])['groups'] == ['db_sg', 'app_sg', 'mq_sg', 'web_sg']
    assert members_on(SERVICE, []) == {'groups': [], 'vms': []}


def test_observe_every_cluster_answers():
    view = observe(SERVICE, seen(), NODES)
    assert view == {
        'leaders': {'prodclus': 'prod-n1', 'drclus': 'dr-n1'},
        'observed': {'db_sg': 'ONLINE', 'app_sg': 'OFFLINE', 'mq_sg': 'OFFLINE', 'web_sg': 'OFFLINE'},
        'groups': {'db_sg': facts('ONLINE', 'prod-n1'), 'app_sg': facts('OFFLINE', 'dr-n1'),
                   'mq_sg': facts('OFFLINE', 'dr-n1'), 'web_sg': facts('OFFLINE', 'dr-n1')},
        'vms': {'dbvm': 'running', 'appvm1': 'running', 'appvm2': 'shut off'},
        'ordering': [['mq_sg', 'app_sg']],
        'problems': [],
        'missing': [],
    }


@pytest.mark.parametrize('first', [FAILED, UNREACHABLE, SKIPPED, None, {}])
def test_a_first_node_that_did_not_answer_falls_to_the_next(first):
    results = seen(dr_n1=first)
    if first is None:
        del results['dr-n1']
    view = observe(SERVICE, results, NODES)
    assert view['leaders'] == {'prodclus': 'prod-n1', 'drclus': 'dr-n2'}
    assert view['problems'] == [] and view['observed']['web_sg'] == 'OFFLINE'


def test_the_leader_follows_inventory_order_not_the_results():
    other = answer({'db_sg': facts('OFFLINE', 'prod-n2')})
    view = observe(SERVICE, seen(prod_n2=other), {'prodclus': ['prod-n2', 'prod-n1'], 'drclus': ['dr-n1']})
    assert view['leaders']['prodclus'] == 'prod-n2' and view['observed']['db_sg'] == 'OFFLINE'
    view = observe(SERVICE, seen(prod_n2=other), NODES)
    assert view['leaders']['prodclus'] == 'prod-n1' and view['observed']['db_sg'] == 'ONLINE'


def test_no_node_of_a_cluster_answered():
    view = observe(SERVICE, seen(dr_n1=UNREACHABLE, dr_n2=FAILED), dict(NODES, drclus=['dr-n1', 'dr-n2', 'dr-n3']))
    assert view['problems'] == [
        'No node of cluster drclus answered: dr-n1: unreachable (Failed to connect to the host via ssh: no route to host); '
        'dr-n2: hagrp -display failed: VCS is not running; dr-n3: not asked.']
    assert view['leaders'] == {'prodclus': 'prod-n1'}
    assert view['observed'] == {'db_sg': 'ONLINE', 'app_sg': None, 'mq_sg': None, 'web_sg': None}
    assert view['missing'] == [] and view['ordering'] == [] and view['vms'] == {'dbvm': 'running'}


@pytest.mark.parametrize('result, reason', [
    ({'unreachable': True, 'msg': '  '}, 'dr-n1: unreachable (no answer)'),
    ({'unreachable': True}, 'dr-n1: unreachable (no answer)'),
    ({'failed': True}, 'dr-n1: failed'),
    ({'failed': True, 'msg': 'MODULE FAILURE\n'}, 'dr-n1: MODULE FAILURE'),
    (SKIPPED, 'dr-n1: not asked'),
])
def test_the_reason_of_each_host(result, reason):
    view = observe(SERVICE, seen(dr_n1=result), dict(NODES, drclus=['dr-n1']))
    assert view['problems'] == ['No node of cluster drclus answered: %s.' % reason]


@pytest.mark.parametrize('nodes', [dict(NODES, prodclus=[]), {'drclus': ['dr-n1']}, dict(NODES, prodclus=None)])
def test_no_hosts_in_the_inventory_group(nodes):
    view = observe(SERVICE, seen(), nodes)
    assert view['problems'] == ['No node of cluster prodclus answered: the inventory has no hosts in group prodclus.']
    assert view['observed']['db_sg'] is None and view['leaders'] == {'drclus': 'dr-n1'}


def test_groups_missing_on_the_cluster():
    dr = copy.deepcopy(DR)
    del dr['groups']['mq_sg']
    dr['groups']['web_sg'] = {'states': {}, 'state': None}
    view = observe(SERVICE, seen(dr_n1=dr), NODES)
    assert view['missing'] == ['mq_sg', 'web_sg']
    assert view['problems'] == ['Service group mq_sg of tier app does not exist on cluster drclus.',
                                'Service group web_sg of tier web does not exist on cluster drclus.']
    assert view['observed'] == {'db_sg': 'ONLINE', 'app_sg': 'OFFLINE', 'mq_sg': None, 'web_sg': None}


def test_a_result_without_groups_makes_every_group_of_the_cluster_missing():
    view = observe(SERVICE, seen(prod_n1={'changed': False}), NODES)
    assert view['leaders']['prodclus'] == 'prod-n1'
    assert view['missing'] == ['db_sg']
    assert view['problems'] == ['Service group db_sg of tier db does not exist on cluster prodclus.']


def test_ordering_pairs_are_deduplicated_in_first_seen_order():
    dr = copy.deepcopy(DR)
    dr['dependencies'] = [dep('web_sg', 'mq_sg'), dep('mq_sg', 'app_sg'), dict(dep('web_sg', 'mq_sg'), category='offline')]
    prod = answer({'db_sg': facts('ONLINE')}, dependencies=[dep('db_sg', 'dbdg_sg')])
    view = observe(SERVICE, seen(dr_n1=dr, prod_n1=prod), NODES)
    assert view['ordering'] == [['db_sg', 'dbdg_sg'], ['web_sg', 'mq_sg'], ['mq_sg', 'app_sg']]


def test_only_the_leaders_answers_count():
    other = answer({'app_sg': facts('ONLINE')}, {'appvm1': 'paused'}, [dep('web_sg', 'app_sg')])
    view = observe(SERVICE, seen(dr_n2=other), NODES)
    assert view['observed']['app_sg'] == 'OFFLINE' and view['vms']['appvm1'] == 'running'
    assert view['ordering'] == [['mq_sg', 'app_sg']]


def test_vms_by_tier():
    assert vms_by_tier(SERVICE, {'dbvm': 'running', 'appvm1': 'shut off', 'stray': 'running'}) == {
        'db': {'dbvm': 'running'}, 'app': {'appvm1': 'shut off', 'appvm2': None}, 'web': {}}
    assert vms_by_tier(SERVICE, None) == {'db': {'dbvm': None}, 'app': {'appvm1': None, 'appvm2': None}, 'web': {}}


def plan_step(cluster, group, action='online', timeout=None, tier='app'):
    return {'tier': tier, 'cluster': cluster, 'group': group, 'action': action, 'observed': 'OFFLINE', 'timeout': timeout}


LEADERS = {'prodclus': 'prod-n1', 'drclus': 'dr-n2'}


def test_schedule_gives_each_step_its_node_and_timeout():
    waves = [[plan_step('prodclus', 'db_sg', tier='db')], [plan_step('drclus', 'app_sg', timeout=300),
                                                           plan_step('drclus', 'mq_sg', timeout=45.9)]]
    before = copy.deepcopy(waves)
    result = schedule(SERVICE, waves, LEADERS, 120)
    assert result == [[dict(plan_step('prodclus', 'db_sg', tier='db'), node='prod-n1', timeout=120)],
                      [dict(plan_step('drclus', 'app_sg'), node='dr-n2', timeout=300),
                       dict(plan_step('drclus', 'mq_sg'), node='dr-n2', timeout=46)]]
    assert waves == before
    assert schedule(SERVICE, waves, LEADERS)[0][0]['timeout'] == DEFAULT_TIMEOUT == 600


def test_schedule_reconcile_actions_and_a_cluster_without_leader():
    action = {'tier': 'app', 'cluster': 'drclus', 'group': 'app_sg', 'action': 'offline', 'policy': 'firm',
              'causes': ['db_sg'], 'reason': 'FIRM child db_sg is down, so app_sg goes offline'}
    assert schedule(SERVICE, [[action]], LEADERS, 90) == [[dict(action, node='dr-n2', timeout=90)]]
    assert schedule(SERVICE, [[action]], {}, 90)[0][0]['node'] is None
    assert schedule(SERVICE, [], LEADERS) == []


def test_step_arguments_are_the_nodes_own_steps():
    steps = [plan_step('prodclus', 'db_sg', timeout=60, tier='db'), plan_step('drclus', 'app_sg', timeout=300),
             plan_step('drclus', 'mq_sg', 'offline')]
    wave = schedule(SERVICE, [steps], LEADERS)[0]
    assert step_arguments(wave, 'dr-n2') == [{'group': 'app_sg', 'action': 'online', 'timeout': 300},
                                             {'group': 'mq_sg', 'action': 'offline', 'timeout': 600}]
    assert step_arguments(wave, 'prod-n1') == [{'group': 'db_sg', 'action': 'online', 'timeout': 60}]
    assert step_arguments(wave, 'dr-n1') == []


WAVE = schedule(SERVICE, [[plan_step('prodclus', 'db_sg', tier='db'), plan_step('drclus', 'app_sg', timeout=300)]], LEADERS)[0]


def module_record(group, action='online', status='done', message='', state='ONLINE', start=1.0, duration=10.0):
    return {'group': group, 'action': action, 'status': status, 'message': message, 'systems': ['n1'],
            'commands': [['hagrp', '-online', group, '-any']], 'started': T0 + start, 'ended': T0 + start + duration,
            'duration': duration, 'states': {'n1': state, 'n2': 'OFFLINE'}, 'state': state}


def test_wave_record_from_the_node_result():
    results = {'prod-n1': {'changed': True, 'steps': [module_record('db_sg')]},
               'dr-n2': {'changed': True, 'steps': [module_record('web_sg'), module_record('app_sg', start=2.0, duration=5.5)]}}
    records = wave_records(WAVE, 3, results)
    assert records == [
        dict(WAVE[0], wave=3, reason=None, status='done', message='', systems=['n1'], commands=[['hagrp', '-online', 'db_sg', '-any']],
             started=T0 + 1.0, ended=T0 + 11.0, duration=10.0, states={'n1': 'ONLINE', 'n2': 'OFFLINE'}, state='ONLINE'),
        dict(WAVE[1], wave=3, reason=None, status='done', message='', systems=['n1'], commands=[['hagrp', '-online', 'app_sg', '-any']],
             started=T0 + 2.0, ended=T0 + 7.5, duration=5.5, states={'n1': 'ONLINE', 'n2': 'OFFLINE'}, state='ONLINE')]
    assert records[0]['node'] == 'prod-n1' and records[1]['timeout'] == 300 and 'reason' not in WAVE[0]


def test_a_failed_module_result_keeps_its_step_records():
    failed = module_record('app_sg', status='failed', message='app_sg did not get ONLINE on n1 within 300 s', state='PARTIAL')
    results = {'prod-n1': {'steps': [module_record('db_sg')]},
               'dr-n2': {'failed': True, 'msg': 'app_sg online failed: ...', 'steps': [failed]}}
    records = wave_records(WAVE, 1, results)
    assert [(r['status'], r['message'], r['state']) for r in records] == [
        ('done', '', 'ONLINE'), ('failed', 'app_sg did not get ONLINE on n1 within 300 s', 'PARTIAL')]


def test_a_node_result_without_the_step_fails_it_with_the_nodes_message():
    results = {'prod-n1': {'failed': True, 'msg': 'step db_sg online: timeout must be at least 1 second, not 0', 'commands': []},
               'dr-n2': {'changed': True, 'steps': [module_record('app_sg', action='offline')]}}
    records = wave_records(WAVE, 2, results)
    assert records[0] == dict(WAVE[0], wave=2, reason=None, status='failed',
                              message='prod-n1: step db_sg online: timeout must be at least 1 second, not 0', systems=[],
                              commands=[], started=None, ended=None, duration=None, states={}, state=None)
    assert records[1]['status'] == 'failed' and records[1]['message'] == 'dr-n2: failed'


@pytest.mark.parametrize('result, message', [
    (UNREACHABLE, 'dr-n2: unreachable (Failed to connect to the host via ssh: no route to host)'),
    ({'unreachable': True, 'changed': False}, 'dr-n2: unreachable (no answer)'),
    (SKIPPED, 'the step did not run on dr-n2'),
    (None, 'the step did not run on dr-n2'),
    ({}, 'the step did not run on dr-n2'),
])
def test_a_step_that_did_not_run(result, message):
    results = {'prod-n1': {'steps': [module_record('db_sg')]}}
    if result is not None:
        results['dr-n2'] = result
    record = wave_records(WAVE, 1, results)[1]
    assert (record['status'], record['message'], record['started'], record['state']) == ('failed', message, None, None)


def test_wave_records_keep_the_reconcile_reason_and_accept_no_results():
    action = {'tier': 'app', 'cluster': 'drclus', 'group': 'app_sg', 'action': 'offline', 'policy': 'firm',
              'causes': ['db_sg'], 'reason': 'FIRM child db_sg is down, so app_sg goes offline'}
    wave = schedule(SERVICE, [[action]], LEADERS)[0]
    record = wave_records(wave, 1, None)[0]
    assert record['reason'] == action['reason'] and record['policy'] == 'firm' and record['causes'] == ['db_sg']
    assert record['message'] == 'the step did not run on dr-n2'
    assert wave_records([], 1, {'dr-n2': {}}) == []


def test_schedule_takes_the_tiers_timeout_for_steps_without_one():
    recovery = {'tier': 'app', 'cluster': 'drclus', 'group': 'mq_sg', 'action': 'online', 'policy': 'firm',
                'causes': ['db_sg'], 'reason': 'FIRM child db_sg back online, so mq_sg comes online again'}
    hold = dict(recovery, action='offline')
    assert [s['timeout'] for s in schedule(SERVICE, [[recovery, hold]], LEADERS, 90)[0]] == [300, 90]
