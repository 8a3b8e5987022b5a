import json

import pytest

from ansible_collections.continuum.infoscale.plugins.module_utils._plan import CycleError
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._plan import (
    is_offline, is_online, plan_document, render_json, render_text, start_plan, stop_plan, state_flags)

# db <- app (two groups) <- web ; report <- db (sibling of app)
SHOP = {
    'name': 'shop',
    'tiers': [
        {'name': 'web', 'cluster': 'drclus', 'service_groups': ['web_sg']},
        {'name': 'app', 'cluster': 'drclus', 'service_groups': ['app_sg', 'mq_sg'], 'timeouts': {'offline': 60}},
        {'name': 'report', 'cluster': 'prodclus', 'service_groups': ['rep_sg']},
        {'name': 'db', 'cluster': 'prodclus', 'service_groups': ['db_sg']},
    ],
    'links': [
        {'parent': 'web', 'child': 'app', 'fault_policy': 'restart'},
        {'parent': 'app', 'child': 'db', 'fault_policy': 'firm'},
        {'parent': 'rep_sg', 'child': 'db_sg'},
    ],
    'timeouts': {'online': 300},
}


def names(plan):
    return [[step['group'] for step in wave] for wave in plan['waves']]


def test_start_waves_children_first_siblings_together():
    plan = start_plan(SHOP)
    assert names(plan) == [['db_sg'], ['app_sg', 'mq_sg', 'rep_sg'], ['web_sg']]
    assert plan['skipped'] == []
    assert plan['waves'][0] == [{'tier': 'db', 'cluster': 'prodclus', 'group': 'db_sg', 'action': 'online',
                                 'observed': None, 'timeout': 300}]


def test_stop_waves_parents_first():
    plan = stop_plan(SHOP)
    assert names(plan) == [['web_sg'], ['app_sg', 'mq_sg', 'rep_sg'], ['db_sg']]
    assert set(step['action'] for wave in plan['waves'] for step in wave) == {'offline'}
    assert [step['timeout'] for step in plan['waves'][1]] == [60, 60, None]


def test_start_skips_what_runs_and_tier_states_apply_to_all_their_groups():
    observed = {'db': 'ONLINE', 'app': '|ONLINE|', 'mq_sg': 'PARTIAL', 'report': 'OFFLINE|FAULTED', 'web': 'OFFLINE'}
    plan = start_plan(SHOP, observed)
    assert names(plan) == [['mq_sg', 'rep_sg'], ['web_sg']]
    assert [(s['group'], s['observed']) for s in plan['skipped']] == [('db_sg', 'ONLINE'), ('app_sg', '|ONLINE|')]


def test_stop_skips_what_is_offline_or_faulted_and_stops_partial_or_unknown():
    observed = {'web_sg': 'OFFLINE', 'app_sg': 'PARTIAL', 'mq_sg': 'FAULTED', 'db': 'ONLINE'}
    plan = stop_plan(SHOP, observed)
    assert names(plan) == [['app_sg', 'rep_sg'], ['db_sg']]
    assert [s['group'] for s in plan['skipped']] == ['web_sg', 'mq_sg']


def test_nothing_to_do():
    plan = stop_plan(SHOP, {'web': 'offline', 'app': 'offline', 'report': 'offline', 'db': 'offline'})
    assert plan['waves'] == []
    assert render_text(plan).endswith('Nothing to do.\n')


def test_a_cycle_refuses_to_plan():
    definition = dict(SHOP, links=SHOP['links'] + [{'parent': 'db', 'child': 'web'}])
    with pytest.raises(CycleError) as caught:
        start_plan(definition)
    assert caught.value.cycle == ['web_sg', 'app_sg', 'db_sg', 'web_sg']


@pytest.mark.parametrize('state, online, offline', [
    ('ONLINE', True, False), ('|ONLINE|', True, False), ('online', True, False), ('PARTIAL', False, False),
    ('OFFLINE', False, True), ('OFFLINE|FAULTED', False, True), ('FAULTED', False, True), ('PARTIAL|FAULTED', False, False),
    (None, False, False), ('', False, False), ('UNKNOWN', False, False),
])
def test_state_checks(state, online, offline):
    assert (is_online(state), is_offline(state)) == (online, offline)


def test_state_flags():
    assert state_flags(' |offline|FAULTED| ') == {'OFFLINE', 'FAULTED'}


def test_document_lists_commands_per_cluster():
    plan = start_plan(SHOP, {'db': 'ONLINE'})
    document = plan_document(plan)
    assert document['steps'] == 4
    assert [w['wave'] for w in document['waves']] == [1, 2]
    assert document['waves'][0]['commands'] == {
        'drclus': [['hagrp', '-online', 'app_sg', '-any'], ['hagrp', '-online', 'mq_sg', '-any']],
        'prodclus': [['hagrp', '-online', 'rep_sg', '-any']]}
    assert json.loads(render_json(plan)) == document


def test_text_rendering():
    plan = stop_plan(SHOP, {'db': 'ONLINE', 'report': 'OFFLINE'})
    assert render_text(plan) == (
        'Plan to stop business service shop: 4 steps in 3 waves, 1 skipped (already offline).\n'
        'Wave 1 (1 in parallel):\n'
        '  drclus: hagrp -offline web_sg -any\n'
        'Wave 2 (2 in parallel):\n'
        '  drclus: hagrp -offline app_sg -any\n'
        '  drclus: hagrp -offline mq_sg -any\n'
        'Wave 3 (1 in parallel):\n'
        '  prodclus: hagrp -offline db_sg -any\n'
        'Skipped:\n'
        '  prodclus: rep_sg (tier report) is OFFLINE\n')


def test_cluster_ordering_splits_a_tier_into_waves_and_ignores_outside_groups():
    definition = {'name': 's', 'tiers': [{'name': 'app', 'cluster': 'c', 'service_groups': ['a1', 'boot']}]}
    plain = start_plan(definition, {})
    assert [[s['group'] for s in wave] for wave in plain['waves']] == [['a1', 'boot']]
    ordered = start_plan(definition, {}, ordering=[('a1', 'boot'), ('a1', 'elsewhere')])
    assert [[s['group'] for s in wave] for wave in ordered['waves']] == [['boot'], ['a1']]
    stopping = stop_plan(definition, {}, ordering=[('a1', 'boot')])
    assert [[s['group'] for s in wave] for wave in stopping['waves']] == [['a1'], ['boot']]
