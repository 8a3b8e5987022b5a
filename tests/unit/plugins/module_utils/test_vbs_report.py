import copy

import pytest

from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._reconcile import reconcile
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._report import build_report
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._run import schedule

T0 = 1764021600.0

# db on prodclus; app (app_sg, mq_sg) and web on drclus. Start waves: [db_sg], [app_sg, mq_sg], [web_sg].
SERVICE = {
    'name': 'shop',
    'tiers': [{'name': 'db', 'cluster': 'prodclus', 'service_groups': ['db_sg'], 'vms': ['dbvm']},
              {'name': 'app', 'cluster': 'drclus', 'service_groups': ['app_sg', 'mq_sg'], 'vms': [{'name': 'appvm'}],
               'timeouts': {'online': 300}},
              {'name': 'web', 'cluster': 'drclus', 'service_groups': ['web_sg']}],
    'links': [{'parent': 'web', 'child': 'app', 'fault_policy': 'restart'},
              {'parent': 'app_sg', 'child': 'db', 'fault_policy': 'firm'},
              {'parent': 'mq_sg', 'child': 'db_sg'}],
    'rto': 60,
}

LEADERS = {'prodclus': 'prod-n1', 'drclus': 'dr-n1'}
OFFLINE = {'db_sg': 'OFFLINE', 'app_sg': 'OFFLINE', 'mq_sg': 'OFFLINE', 'web_sg': 'OFFLINE'}
ONLINE = dict((group, 'ONLINE') for group in OFFLINE)


def view(observed=None, **changes):
    result = {'leaders': dict(LEADERS), 'observed': dict(OFFLINE if observed is None else observed), 'groups': {},
              'vms': {'dbvm': 'running'}, 'ordering': [], 'problems': [], 'missing': []}
    result.update(changes)
    return result


def scheduled(tier, cluster, group, action='online', timeout=600, observed='OFFLINE'):
    return {'tier': tier, 'cluster': cluster, 'group': group, 'action': action, 'observed': observed, 'timeout': timeout,
            'node': LEADERS[cluster]}


DB = scheduled('db', 'prodclus', 'db_sg')
APP = scheduled('app', 'drclus', 'app_sg', timeout=300)
MQ = scheduled('app', 'drclus', 'mq_sg', timeout=300)
WEB = scheduled('web', 'drclus', 'web_sg')
WAVES = [[DB], [APP, MQ], [WEB]]


def ran(step, wave, status, start, duration, state, message=''):
    """A record as vbs_wave_records makes it from the node's step record."""
    return dict(step, wave=wave, reason=None, status=status, message=message, systems=['n1'],
                commands=[['hagrp', '-%s' % step['action'], step['group'], '-any']], started=T0 + start,
                ended=T0 + start + duration, duration=duration, states={'n1': state}, state=state)


SUCCEEDED = [ran(DB, 1, 'done', 2.0, 10.0, 'ONLINE'), ran(APP, 2, 'done', 13.0, 27.0, 'ONLINE'),
             ran(MQ, 2, 'unchanged', 13.0, 0.0, 'ONLINE'), ran(WEB, 3, 'done', 41.0, 6.5, 'ONLINE')]


def start(records=None, definition=None, **options):
    return build_report(definition or SERVICE, 'start', view(), WAVES, SUCCEEDED if records is None else records, T0,
                        T0 + 50.0, **options)


def test_start_succeeded_and_met_its_rto():
    report = start()
    assert report['outcome'] == 'succeeded'
    assert report['rto'] == {'target': 60, 'measured': 47.5, 'met': True}
    assert report['message'] == ('Business service shop: start done, 4 steps in 3 waves; it is ONLINE. '
                                 'Took 47.5 s against an RTO of 60 s (met).')
    assert report['account'] == {'done': ['db_sg online on prodclus', 'app_sg online on drclus', 'mq_sg online on drclus',
                                          'web_sg online on drclus'], 'failed': [], 'left': []}
    assert report['steps'] == SUCCEEDED and report['steps'][0] is not SUCCEEDED[0]
    assert (report['service'], report['action'], report['planned_action'], report['check_mode']) == ('shop', 'start', 'start', False)
    assert (report['started'], report['ended'], report['duration']) == (T0, T0 + 50.0, 50.0)
    assert report['before']['state'] == 'OFFLINE' and report['after']['state'] == 'ONLINE'
    assert report['definition'] is SERVICE


def test_start_succeeded_but_missed_its_rto():
    report = start(definition=dict(SERVICE, rto=30))
    assert report['rto'] == {'target': 30, 'measured': 47.5, 'met': False}
    assert report['message'].endswith('Took 47.5 s against an RTO of 30 s (NOT met).')


def test_start_without_an_rto_is_measured_only():
    definition = dict((key, value) for key, value in SERVICE.items() if key != 'rto')
    report = start(definition=definition)
    assert report['rto'] == {'target': None, 'measured': 47.5, 'met': None}
    assert report['message'] == 'Business service shop: start done, 4 steps in 3 waves; it is ONLINE. Took 47.5 s.'


def test_rto_is_measured_to_the_last_end_not_the_last_record():
    records = copy.deepcopy(SUCCEEDED)
    records[1]['ended'] = T0 + 55.25
    records[3]['ended'] = None
    assert start(records)['rto']['measured'] == 55.25


FAILED = [ran(DB, 1, 'done', 2.0, 10.0, 'ONLINE'),
          ran(APP, 2, 'failed', 13.0, 30.0, 'FAULTED', message='app_sg faulted on n1'),
          ran(MQ, 2, 'done', 13.0, 20.0, 'ONLINE')]


def test_start_failed_accounts_for_done_failed_and_left():
    report = start(FAILED)
    assert report['outcome'] == 'failed'
    assert report['account'] == {'done': ['db_sg online on prodclus', 'mq_sg online on drclus'],
                                 'failed': ['app_sg online on drclus'], 'left': ['web_sg online on drclus']}
    assert report['message'] == (
        'Business service shop: start stopped at wave 2: app_sg online on drclus failed: app_sg faulted on n1. '
        'Done: db_sg online on prodclus, mq_sg online on drclus. Left: web_sg online on drclus. '
        'Run it again to resume from the observed state.')
    assert report['rto'] == {'target': 60, 'measured': None, 'met': None}
    assert report['steps'][:3] == FAILED
    assert report['steps'][3] == dict(WEB, wave=3, status='left', message='', systems=[],
                                      commands=[['hagrp', '-online', 'web_sg', '-any']], started=None, ended=None,
                                      duration=None, states={}, state=None, reason=None)
    assert report['after']['state'] == 'FAULTED'
    assert report['after']['tiers']['app'] == {'state': 'FAULTED', 'groups': {'app_sg': 'FAULTED', 'mq_sg': 'ONLINE'}}
    assert report['after']['tiers']['web']['groups'] == {'web_sg': 'OFFLINE'}


def test_a_failure_in_the_first_wave_leaves_everything_after_it():
    failed = ran(DB, 1, 'failed', 0.0, 1.0, None, message='prod-n1: unreachable (no answer)')
    report = start([failed])
    assert report['account'] == {'done': [], 'failed': ['db_sg online on prodclus'],
                                 'left': ['app_sg online on drclus', 'mq_sg online on drclus', 'web_sg online on drclus']}
    assert ('Business service shop: start stopped at wave 1: db_sg online on prodclus failed: prod-n1: unreachable '
            '(no answer). Done: nothing. Left: app_sg online on drclus,') in report['message']
    assert [(s['wave'], s['group'], s['status']) for s in report['steps']] == [
        (1, 'db_sg', 'failed'), (2, 'app_sg', 'left'), (2, 'mq_sg', 'left'), (3, 'web_sg', 'left')]
    assert report['after']['state'] == 'OFFLINE'


def test_nothing_to_do():
    report = build_report(SERVICE, 'start', view(ONLINE), [], [], T0, T0 + 3.0)
    assert report['outcome'] == 'nothing to do'
    assert report['message'] == 'Business service shop: nothing to start, it is ONLINE.'
    assert report['steps'] == [] and report['after'] is None
    assert report['account'] == {'done': [], 'failed': [], 'left': []}
    assert report['rto'] == {'target': 60, 'measured': None, 'met': None}


def test_check_mode_plans_and_leaves_nothing():
    report = start([], check_mode=True)
    assert report['outcome'] == 'planned' and report['check_mode'] is True
    assert report['message'] == 'Business service shop: start would run 4 steps in 3 waves.'
    assert report['account'] == {'done': [], 'failed': [], 'left': []}
    assert [(s['wave'], s['group'], s['status'], s['commands']) for s in report['steps']] == [
        (1, 'db_sg', 'planned', [['hagrp', '-online', 'db_sg', '-any']]),
        (2, 'app_sg', 'planned', [['hagrp', '-online', 'app_sg', '-any']]),
        (2, 'mq_sg', 'planned', [['hagrp', '-online', 'mq_sg', '-any']]),
        (3, 'web_sg', 'planned', [['hagrp', '-online', 'web_sg', '-any']])]
    assert report['after'] is None and report['rto']['measured'] is None


def test_check_mode_keeps_the_records_of_the_steps_the_nodes_planned():
    planned = [dict(ran(DB, 1, 'planned', 1.0, 0.0, 'ONLINE'))]
    report = start(planned, check_mode=True)
    assert report['steps'][0] == planned[0]
    assert [s['status'] for s in report['steps']] == ['planned'] * 4
    assert report['after'] is None and report['account']['left'] == []


def test_status_observes_only():
    observed = dict(OFFLINE, db_sg='ONLINE')
    report = build_report(SERVICE, 'status', view(observed), [], [], T0, T0 + 2.0)
    assert report['outcome'] == 'observed' and report['planned_action'] == 'status'
    assert report['message'] == 'Business service shop is PARTIAL.'
    assert report['before']['tiers']['db'] == {'state': 'ONLINE', 'groups': {'db_sg': 'ONLINE'}}
    assert report['after'] is None and report['steps'] == []
    assert report['rto'] == {'target': 60, 'measured': None, 'met': None}
    assert report['reactions'] == [] and report['suspended'] == [] and report['maintenance'] is False
    assert report['pending'] is None


def test_status_of_a_cluster_that_did_not_answer():
    problem = 'No node of cluster prodclus answered: prod-n1: unreachable (no answer).'
    report = build_report(SERVICE, 'status', view(dict(ONLINE, db_sg=None), problems=[problem],
                                                  leaders={'drclus': 'dr-n1'}), [], [], T0, T0 + 2.0)
    assert report['problems'] == [problem]
    assert report['tiers'][0]['node'] is None and report['before']['tiers']['db']['state'] == 'PARTIAL'


def test_plan_uses_the_planned_action():
    stop_waves = [[scheduled('web', 'drclus', 'web_sg', 'offline', observed='ONLINE')],
                  [scheduled('app', 'drclus', 'app_sg', 'offline', observed='ONLINE'),
                   scheduled('app', 'drclus', 'mq_sg', 'offline', observed='ONLINE')]]
    report = build_report(SERVICE, 'plan', view(dict(ONLINE, db_sg='OFFLINE')), stop_waves, [], T0, T0 + 1.0,
                          plan_action='stop')
    assert (report['action'], report['planned_action'], report['outcome']) == ('plan', 'stop', 'planned')
    assert report['message'] == 'Business service shop: stop would run 3 steps in 2 waves.'
    assert [(s['group'], s['status'], s['commands']) for s in report['steps']] == [
        ('web_sg', 'planned', [['hagrp', '-offline', 'web_sg', '-any']]),
        ('app_sg', 'planned', [['hagrp', '-offline', 'app_sg', '-any']]),
        ('mq_sg', 'planned', [['hagrp', '-offline', 'mq_sg', '-any']])]
    assert report['account'] == {'done': [], 'failed': [], 'left': []} and report['after'] is None


FAULT = dict(ONLINE, db_sg='OFFLINE|FAULTED')


def test_reconcile_reports_its_reactions_and_what_it_waits_for():
    reconciled = reconcile(SERVICE, FAULT)
    waves = schedule(SERVICE, reconciled['waves'], LEADERS)
    record = ran(waves[0][0], 1, 'done', 1.0, 4.0, 'OFFLINE')
    record['reason'] = waves[0][0]['reason']
    report = build_report(SERVICE, 'reconcile', view(FAULT), waves, [record], T0, T0 + 6.0, reconciled=reconciled)
    assert report['reactions'] == [{'tier': 'app', 'cluster': 'drclus', 'group': 'app_sg', 'action': 'offline',
                                    'policy': 'firm', 'causes': ['db_sg'],
                                    'reason': 'FIRM child db_sg is down, so app_sg goes offline'}]
    assert report['suspended'] == [] and report['maintenance'] is False
    assert report['pending'] == {'app_sg': {'online': ['db_sg']}, 'web_sg': {'restart': ['app_sg']}}
    assert report['outcome'] == 'succeeded'
    assert report['steps'][0]['reason'] == 'FIRM child db_sg is down, so app_sg goes offline'
    assert report['account']['done'] == ['app_sg offline on drclus']
    assert report['message'] == 'Business service shop: reconcile done, 1 steps in 1 waves; it is FAULTED.'
    assert report['rto'] == {'target': 60, 'measured': None, 'met': None}
    assert report['after']['tiers']['app']['groups'] == {'app_sg': 'OFFLINE', 'mq_sg': 'ONLINE'}


def test_a_recovery_that_failed_or_did_not_run_is_still_pending():
    pending = {'app_sg': {'online': ['db_sg']}, 'web_sg': {'restart': ['app_sg']}}
    reconciled = reconcile(SERVICE, dict(FAULT, db_sg='ONLINE', app_sg='OFFLINE'), pending=pending)
    assert reconciled['pending'] == {}
    waves = schedule(SERVICE, reconciled['waves'], LEADERS)
    assert [[(s['group'], s['action']) for s in wave] for wave in waves] == [
        [('app_sg', 'online')], [('web_sg', 'offline')], [('web_sg', 'online')]]
    failed = ran(waves[0][0], 1, 'failed', 1.0, 2.0, 'FAULTED')
    report = build_report(SERVICE, 'reconcile', view(FAULT), waves, [failed], T0, T0 + 3.0, reconciled=reconciled)
    assert report['outcome'] == 'failed'
    assert report['pending'] == pending


def test_a_failure_found_in_check_mode_fails_the_run():
    report = start()
    failed = dict(report['steps'][0], status='failed', message='service group db_sg is frozen')
    checked = build_report(SERVICE, 'start', view(ONLINE), [], [failed], T0, T0 + 1.0, check_mode=True)
    assert checked['outcome'] == 'failed'


def test_reconcile_in_maintenance_suspends_and_keeps_pending():
    pending = {'web_sg': {'restart': ['app_sg']}}
    reconciled = reconcile(SERVICE, FAULT, maintenance=True, pending=pending)
    report = build_report(SERVICE, 'reconcile', view(FAULT), schedule(SERVICE, reconciled['waves'], LEADERS), [], T0, T0 + 2.0,
                          reconciled=reconciled)
    assert report['maintenance'] is True and report['reactions'] == []
    assert [(a['group'], a['action']) for a in report['suspended']] == [('app_sg', 'offline')]
    assert report['pending'] == pending
    assert report['outcome'] == 'nothing to do'
    assert report['message'] == 'Business service shop: nothing to reconcile, it is FAULTED.'


def test_links_and_tier_links():
    report = start()
    assert report['links'] == [{'parent': 'web_sg', 'child': 'app_sg', 'fault_policy': 'restart'},
                               {'parent': 'web_sg', 'child': 'mq_sg', 'fault_policy': 'restart'},
                               {'parent': 'app_sg', 'child': 'db_sg', 'fault_policy': 'firm'},
                               {'parent': 'mq_sg', 'child': 'db_sg', 'fault_policy': 'soft'}]
    assert report['tier_links'] == [{'parent': 'web', 'child': 'app', 'fault_policy': 'restart'},
                                    {'parent': 'app', 'child': 'db', 'fault_policy': 'firm'},
                                    {'parent': 'app', 'child': 'db', 'fault_policy': 'soft'}]


def test_a_link_inside_a_tier_gives_no_tier_link():
    definition = dict(SERVICE, links=[{'parent': 'mq_sg', 'child': 'app_sg', 'fault_policy': 'firm'},
                                      {'parent': 'web_sg', 'child': 'mq_sg'}])
    report = build_report(definition, 'status', view(), [], [], T0, T0)
    assert report['tier_links'] == [{'parent': 'web', 'child': 'app', 'fault_policy': 'soft'}]
    assert report['links'] == [{'parent': 'mq_sg', 'child': 'app_sg', 'fault_policy': 'firm'},
                               {'parent': 'web_sg', 'child': 'mq_sg', 'fault_policy': 'soft'}]
    assert build_report(dict(SERVICE, links=[]), 'status', view(), [], [], T0, T0)['tier_links'] == []


def test_tiers_name_their_node_groups_and_vms():
    report = start()
    assert report['tiers'] == [
        {'name': 'db', 'cluster': 'prodclus', 'node': 'prod-n1', 'groups': ['db_sg'], 'vms': {'dbvm': 'running'}},
        {'name': 'app', 'cluster': 'drclus', 'node': 'dr-n1', 'groups': ['app_sg', 'mq_sg'], 'vms': {'appvm': None}},
        {'name': 'web', 'cluster': 'drclus', 'node': 'dr-n1', 'groups': ['web_sg'], 'vms': {}}]


def test_ordering_and_problems_come_from_the_view():
    seen = view(ordering=[['mq_sg', 'app_sg']], problems=['Service group x of tier y does not exist on cluster z.'])
    report = build_report(SERVICE, 'status', seen, [], [], T0, T0)
    assert report['ordering'] == [['mq_sg', 'app_sg']]
    assert report['problems'] == ['Service group x of tier y does not exist on cluster z.']
    assert report['problems'] is not seen['problems']


@pytest.mark.parametrize('state, expected', [(None, 'OFFLINE'), ('ONLINE', 'ONLINE'), ('PARTIAL', 'PARTIAL')])
def test_after_state_takes_the_records_states_over_the_observed(state, expected):
    record = ran(DB, 1, 'failed' if state is None else 'done', 1.0, 1.0, state)
    report = build_report(SERVICE, 'start', view(), WAVES[:1], [record], T0, T0 + 3.0)
    assert report['after']['tiers']['db'] == {'state': expected, 'groups': {'db_sg': expected}}
    assert report['before']['tiers']['db']['groups'] == {'db_sg': 'OFFLINE'}
