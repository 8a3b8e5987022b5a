from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._reconcile import reconcile


def service(links, tiers=('db', 'app', 'web')):
    return {'name': 'svc', 'tiers': [{'name': t, 'cluster': 'c_' + t, 'service_groups': [t + '_sg']} for t in tiers],
            'links': [{'parent': p, 'child': c, 'fault_policy': policy} for p, c, policy in links]}


def moves(result):
    return [(a['group'], a['action'], a['policy'], a['causes']) for a in result['actions']]


ALL_ONLINE = {'db': 'ONLINE', 'app': 'ONLINE', 'web': 'ONLINE'}


def test_nothing_happens_without_faults():
    definition = service([('app', 'db', 'firm'), ('web', 'app', 'restart')])
    assert reconcile(definition, ALL_ONLINE) == {'actions': [], 'waves': [], 'pending': {}, 'faulted': [], 'maintenance': False,
                                                 'suspended': []}


def test_soft_parents_are_left_alone():
    definition = service([('app', 'db', 'soft'), ('web', 'app', 'firm')])
    result = reconcile(definition, dict(ALL_ONLINE, db='OFFLINE|FAULTED'))
    assert result['actions'] == [] and result['pending'] == {} and result['faulted'] == ['db_sg']


def test_firm_parent_goes_offline_and_comes_back():
    definition = service([('app', 'db', 'firm')])
    fault = reconcile(definition, dict(ALL_ONLINE, db='FAULTED'))
    assert fault['actions'] == [{'tier': 'app', 'cluster': 'c_app', 'group': 'app_sg', 'action': 'offline', 'policy': 'firm',
                                 'causes': ['db_sg'], 'reason': 'FIRM child db_sg is down, so app_sg goes offline'}]
    assert fault['pending'] == {'app_sg': {'online': ['db_sg']}}
    still = reconcile(definition, dict(ALL_ONLINE, db='OFFLINE', app='OFFLINE'), pending=fault['pending'])
    assert still['actions'] == [] and still['pending'] == fault['pending']
    back = reconcile(definition, dict(ALL_ONLINE, app='OFFLINE'), pending=still['pending'])
    assert back['actions'] == [{'tier': 'app', 'cluster': 'c_app', 'group': 'app_sg', 'action': 'online', 'policy': 'firm',
                                'causes': ['db_sg'], 'reason': 'FIRM child db_sg back online, so app_sg comes online again'}]
    assert back['pending'] == {}


def test_a_merely_offline_child_is_no_fault():
    definition = service([('app', 'db', 'firm'), ('web', 'db', 'restart')])
    result = reconcile(definition, dict(ALL_ONLINE, db='OFFLINE'))
    assert result['actions'] == [] and result['pending'] == {}


def test_firm_chain_goes_down_parents_first_and_up_children_first():
    definition = service([('app', 'db', 'firm'), ('web', 'app', 'firm')])
    fault = reconcile(definition, dict(ALL_ONLINE, db='FAULTED'))
    assert moves(fault) == [('web_sg', 'offline', 'firm', ['app_sg']), ('app_sg', 'offline', 'firm', ['db_sg'])]
    assert fault['pending'] == {'app_sg': {'online': ['db_sg']}, 'web_sg': {'online': ['app_sg']}}
    back = reconcile(definition, {'db': 'ONLINE', 'app': 'OFFLINE', 'web': 'OFFLINE'}, pending=fault['pending'])
    assert moves(back) == [('app_sg', 'online', 'firm', ['db_sg']), ('web_sg', 'online', 'firm', ['app_sg'])]
    assert back['pending'] == {}


def test_restart_parent_waits_then_restarts():
    definition = service([('app', 'db', 'restart')])
    fault = reconcile(definition, dict(ALL_ONLINE, db='FAULTED'))
    assert fault['actions'] == [] and fault['pending'] == {'app_sg': {'restart': ['db_sg']}}
    back = reconcile(definition, ALL_ONLINE, pending=fault['pending'])
    reason = 'RESTART child db_sg back online, so app_sg restarts'
    assert back['actions'] == [
        {'tier': 'app', 'cluster': 'c_app', 'group': 'app_sg', 'action': 'offline', 'policy': 'restart', 'causes': ['db_sg'], 'reason': reason},
        {'tier': 'app', 'cluster': 'c_app', 'group': 'app_sg', 'action': 'online', 'policy': 'restart', 'causes': ['db_sg'], 'reason': reason}]
    assert back['pending'] == {}


def test_restart_is_dropped_when_the_parent_is_no_longer_running():
    definition = service([('app', 'db', 'restart')])
    back = reconcile(definition, dict(ALL_ONLINE, app='OFFLINE'), pending={'app_sg': {'restart': ['db_sg']}})
    assert back['actions'] == [] and back['pending'] == {}


def test_firm_app_and_restart_web_on_a_db_fault():
    definition = service([('app', 'db', 'firm'), ('web', 'app', 'restart')])
    fault = reconcile(definition, dict(ALL_ONLINE, db='FAULTED'))
    assert moves(fault) == [('app_sg', 'offline', 'firm', ['db_sg'])]
    assert fault['pending'] == {'app_sg': {'online': ['db_sg']}, 'web_sg': {'restart': ['app_sg']}}
    back = reconcile(definition, dict(ALL_ONLINE, app='OFFLINE'), pending=fault['pending'])
    assert moves(back) == [('app_sg', 'online', 'firm', ['db_sg']), ('web_sg', 'offline', 'restart', ['app_sg']),
                           ('web_sg', 'online', 'restart', ['app_sg'])]
    assert back['pending'] == {}


def test_firm_then_soft_stops_the_propagation():
    definition = service([('app', 'db', 'firm'), ('web', 'app', 'soft')])
    fault = reconcile(definition, dict(ALL_ONLINE, db='FAULTED'))
    assert moves(fault) == [('app_sg', 'offline', 'firm', ['db_sg'])]
    assert fault['pending'] == {'app_sg': {'online': ['db_sg']}}


def test_restart_does_not_propagate_a_fault():
    definition = service([('app', 'db', 'restart'), ('web', 'app', 'firm')])
    fault = reconcile(definition, dict(ALL_ONLINE, db='FAULTED'))
    assert fault['actions'] == [] and fault['pending'] == {'app_sg': {'restart': ['db_sg']}}


def test_a_parent_held_by_firm_and_waiting_for_restart_starts_only_once():
    definition = service([('app', 'db', 'firm'), ('web', 'app', 'firm'), ('web', 'db', 'restart')])
    fault = reconcile(definition, dict(ALL_ONLINE, db='FAULTED'))
    assert fault['pending'] == {'app_sg': {'online': ['db_sg']}, 'web_sg': {'online': ['app_sg'], 'restart': ['db_sg']}}
    back = reconcile(definition, {'db': 'ONLINE', 'app': 'OFFLINE', 'web': 'OFFLINE'}, pending=fault['pending'])
    assert moves(back) == [('app_sg', 'online', 'firm', ['db_sg']), ('web_sg', 'online', 'firm', ['app_sg'])]
    assert back['pending'] == {}


def test_a_parent_stopped_by_an_operator_is_not_started():
    definition = service([('app', 'db', 'firm')])
    result = reconcile(definition, {'db': 'FAULTED', 'app': 'OFFLINE'})
    assert result['actions'] == [] and result['pending'] == {}
    assert reconcile(definition, {'db': 'ONLINE', 'app': 'OFFLINE'})['actions'] == []


def test_a_parent_with_two_faulted_firm_children_waits_for_both():
    definition = service([('app', 'db', 'firm'), ('app', 'cache', 'firm')], tiers=('db', 'cache', 'app'))
    fault = reconcile(definition, {'db': 'FAULTED', 'cache': 'FAULTED', 'app': 'ONLINE'})
    assert moves(fault) == [('app_sg', 'offline', 'firm', ['db_sg', 'cache_sg'])]
    half = reconcile(definition, {'db': 'ONLINE', 'cache': 'FAULTED', 'app': 'OFFLINE'}, pending=fault['pending'])
    assert half['actions'] == [] and half['pending'] == {'app_sg': {'online': ['cache_sg']}}
    back = reconcile(definition, {'db': 'ONLINE', 'cache': 'ONLINE', 'app': 'OFFLINE'}, pending=half['pending'])
    assert moves(back) == [('app_sg', 'online', 'firm', ['cache_sg'])]


def test_maintenance_suspends_reactions_and_keeps_pending():
    definition = service([('app', 'db', 'firm'), ('web', 'app', 'restart')])
    pending = {'web_sg': {'restart': ['app_sg']}}
    result = reconcile(definition, dict(ALL_ONLINE, db='FAULTED'), maintenance=True, pending=pending)
    assert result['actions'] == [] and result['maintenance'] is True
    assert result['pending'] == pending and result['pending'] is not pending
    assert [(a['group'], a['action']) for a in result['suspended']] == [('app_sg', 'offline')]


def test_unknown_groups_in_pending_are_dropped():
    definition = service([('app', 'db', 'firm')])
    assert reconcile(definition, ALL_ONLINE, pending={'gone_sg': {'online': ['db_sg']}})['pending'] == {}


def wave_moves(result):
    return [[(a['group'], a['action']) for a in wave] for wave in result['waves']]


def test_waves_hold_parents_first_and_recover_children_first_with_restart_offline_before_online():
    definition = service([('app', 'db', 'firm'), ('web', 'app', 'restart'), ('api', 'db', 'firm')],
                         tiers=('db', 'app', 'web', 'api'))
    observed = dict(ALL_ONLINE, api='ONLINE', db='FAULTED')
    fault = reconcile(definition, observed)
    assert wave_moves(fault) == [[('app_sg', 'offline'), ('api_sg', 'offline')]]
    back = reconcile(definition, {'db': 'ONLINE', 'app': 'OFFLINE', 'api': 'OFFLINE', 'web': 'ONLINE'},
                     pending=fault['pending'])
    assert wave_moves(back) == [[('app_sg', 'online'), ('api_sg', 'online')],
                                [('web_sg', 'offline')], [('web_sg', 'online')]]


def test_ordering_links_order_the_waves_of_one_tier():
    definition = service([('app', 'db', 'firm')])
    definition['tiers'][1]['service_groups'] = ['app_sg', 'app2_sg']
    fault = reconcile(definition, {'db': 'FAULTED', 'app_sg': 'ONLINE', 'app2_sg': 'ONLINE'},
                      ordering=[('app2_sg', 'app_sg'), ('other', 'app_sg')])
    assert wave_moves(fault) == [[('app2_sg', 'offline')], [('app_sg', 'offline')]]
    plain = reconcile(definition, {'db': 'FAULTED', 'app_sg': 'ONLINE', 'app2_sg': 'ONLINE'})
    assert wave_moves(plain) == [[('app_sg', 'offline'), ('app2_sg', 'offline')]]
