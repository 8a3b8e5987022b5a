import re

import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.continuum.infoscale.plugins.filter.vbs import FilterModule

FILTERS = FilterModule().filters()
T0 = 1764021600.0

# db on prodclus; app (app_sg, mq_sg) and web on drclus.
SERVICE = {
    'name': 'shop',
    'tiers': [{'name': 'db', 'cluster': 'prodclus', 'service_groups': ['db_sg'], 'vms': ['dbvm']},
              {'name': 'app', 'cluster': 'drclus', 'service_groups': ['app_sg', 'mq_sg'], 'timeouts': {'online': 300}},
              {'name': 'web', 'cluster': 'drclus', 'service_groups': ['web_sg']}],
    'links': [{'parent': 'web', 'child': 'app', 'fault_policy': 'restart'},
              {'parent': 'app', 'child': 'db', 'fault_policy': 'firm'}],
    'rto': 120,
}
NODES = {'prodclus': ['prod-n1', 'prod-n2'], 'drclus': ['dr-n1', 'dr-n2']}


def call(name, *args, **kwargs):
    return FILTERS[name](*args, **kwargs)


def test_every_filter_is_exported():
    assert sorted(FILTERS) == ['vbs_members', 'vbs_observed', 'vbs_plan', 'vbs_problems', 'vbs_report', 'vbs_report_html',
                               'vbs_status', 'vbs_step_arguments', 'vbs_wave_records', 'vbs_waves']


VIEW = {'leaders': {'prodclus': 'prod-n1', 'drclus': 'dr-n1'},
        'observed': {'db_sg': 'OFFLINE', 'app_sg': 'OFFLINE', 'mq_sg': 'OFFLINE', 'web_sg': 'OFFLINE'},
        'groups': {}, 'vms': {}, 'ordering': [], 'problems': [], 'missing': []}
BAD = dict(SERVICE, links=[{'parent': 'db', 'child': 'db'}])


@pytest.mark.parametrize('name, args', [
    ('vbs_members', (BAD, ['prodclus'])),
    ('vbs_observed', (BAD, {}, NODES)),
    ('vbs_waves', (BAD, 'start', VIEW)),
    ('vbs_report', (BAD, 'status', VIEW, [], [], T0, T0)),
])
def test_an_invalid_definition_is_refused_naming_the_problem(name, args):
    with pytest.raises(AnsibleFilterError, match=r'^business service shop is not valid: Link db -> db links db to itself\.$'):
        call(name, *args)


def test_a_definition_that_is_no_mapping_is_refused():
    with pytest.raises(AnsibleFilterError, match='expected a business service definition \\(a dict\\), got list'):
        call('vbs_observed', ['shop'], {}, NODES)


@pytest.mark.parametrize('action', ['restart', 'status', 'plan', None])
def test_vbs_waves_refuses_a_bad_action(action):
    with pytest.raises(AnsibleFilterError, match=re.escape("vbs_waves: action must be one of start, stop, reconcile, not %r"
                                                           % (action,))):
        call('vbs_waves', SERVICE, action, VIEW)


# The clusters' own dependency db_sg -> app_sg closes a loop with the link app -> db (app_sg -> db_sg).
LOOP = dict(VIEW, ordering=[['web_sg', 'app_sg'], ['db_sg', 'app_sg']])


@pytest.mark.parametrize('action, message', [
    ('start', "business service shop: its links and the clusters' own group dependencies form a cycle: "
              "db_sg -> app_sg -> db_sg"),
    ('stop', "business service shop: its links and the clusters' own group dependencies form a cycle: "
             "db_sg -> app_sg -> db_sg"),
    ('reconcile', 'business service shop: cycle in the ordering: db_sg -> app_sg -> db_sg'),
])
def test_a_cycle_between_the_links_and_the_ordering_is_named(action, message):
    with pytest.raises(AnsibleFilterError, match='^%s$' % re.escape(message)):
        call('vbs_waves', SERVICE, action, LOOP)


def test_ordering_outside_the_service_is_ignored():
    waves = call('vbs_waves', SERVICE, 'start', dict(VIEW, ordering=[['db_sg', 'other_sg'], ['other_sg', 'app_sg']]))
    assert [[step['group'] for step in wave] for wave in waves['waves']] == [['db_sg'], ['app_sg', 'mq_sg'], ['web_sg']]


def test_reconcile_waves_are_scheduled_on_the_leaders():
    observed = {'db_sg': 'FAULTED', 'app_sg': 'ONLINE', 'mq_sg': 'ONLINE', 'web_sg': 'ONLINE'}
    run = call('vbs_waves', SERVICE, 'reconcile', dict(VIEW, observed=observed), 90)
    assert [[(s['group'], s['action'], s['node'], s['timeout']) for s in wave] for wave in run['waves']] == [
        [('app_sg', 'offline', 'dr-n1', 90), ('mq_sg', 'offline', 'dr-n1', 90)]]
    assert run['reconcile']['pending'] == {'app_sg': {'online': ['db_sg']}, 'mq_sg': {'online': ['db_sg']},
                                           'web_sg': {'restart': ['app_sg', 'mq_sg']}}
    assert (run['skipped'], run['text']) == ([], '')
    held = call('vbs_waves', SERVICE, 'reconcile', dict(VIEW, observed=observed), 90, True, {'x_sg': {}})
    assert held['waves'] == [] and len(held['reconcile']['suspended']) == 2 and held['reconcile']['pending'] == {'x_sg': {}}


# ---------------------------------------------------------------- one run end to end

def facts(state, system):
    return {'states': {system: state}, 'state': state, 'frozen': False, 'parallel': False}


def observation(host):
    """What vbs_steps answers on ``host`` with the groups and VMs vbs_members gives for its cluster."""
    cluster = 'prodclus' if host.startswith('prod') else 'drclus'
    members = call('vbs_members', SERVICE, [cluster, 'all'])
    states = {'db_sg': 'ONLINE'}
    return {'changed': False, 'commands': [], 'steps': [],
            'groups': dict((group, facts(states.get(group, 'OFFLINE'), host)) for group in members['groups']),
            'vms': dict((vm, 'running') for vm in members['vms']),
            'dependencies': [{'parent': 'mq_sg', 'child': 'app_sg', 'category': 'online', 'location': 'local',
                              'rigidity': 'soft'}] if cluster == 'drclus' else []}


class FakeNode(object):
    """vbs_steps on one node: every step goes where it was asked, taking 2 s more than the one before."""

    def __init__(self, name, clock):
        self.name, self.clock, self.asked = name, clock, []

    def run(self, steps):
        self.asked.append(steps)
        records = []
        for step in steps:
            started = self.clock[0]
            self.clock[0] += 2.0 + len(records)
            state = 'ONLINE' if step['action'] == 'online' else 'OFFLINE'
            records.append({'group': step['group'], 'action': step['action'], 'status': 'done', 'message': '',
                            'systems': [self.name], 'commands': [['hagrp', '-%s' % step['action'], step['group'], '-any']],
                            'started': started, 'ended': self.clock[0], 'duration': self.clock[0] - started,
                            'states': {self.name: state}, 'state': state})
        return {'changed': True, 'commands': [r['commands'][0] for r in records], 'steps': records,
                'groups': {}, 'vms': {}, 'dependencies': []}


def test_a_start_from_observation_to_html():
    seen = dict((host, observation(host)) for host in ['prod-n2', 'dr-n1', 'dr-n2'])
    seen['prod-n1'] = {'unreachable': True, 'msg': 'no route to host', 'changed': False}
    assert call('vbs_members', SERVICE, ['prodclus']) == {'groups': ['db_sg'], 'vms': ['dbvm']}

    view = call('vbs_observed', SERVICE, seen, NODES)
    assert view['leaders'] == {'prodclus': 'prod-n2', 'drclus': 'dr-n1'}
    assert view['observed'] == {'db_sg': 'ONLINE', 'app_sg': 'OFFLINE', 'mq_sg': 'OFFLINE', 'web_sg': 'OFFLINE'}
    assert view['ordering'] == [['mq_sg', 'app_sg']] and view['problems'] == []

    run = call('vbs_waves', SERVICE, 'start', view, 120)
    # db_sg already runs; the cluster's own mq_sg -> app_sg puts mq_sg after app_sg.
    assert [[(s['group'], s['node'], s['timeout']) for s in wave] for wave in run['waves']] == [
        [('app_sg', 'dr-n1', 300)], [('mq_sg', 'dr-n1', 300)], [('web_sg', 'dr-n1', 120)]]
    assert [s['group'] for s in run['skipped']] == ['db_sg'] and run['reconcile'] is None
    assert run['text'].startswith('Plan to start business service shop: 3 steps in 3 waves, 1 skipped')

    clock = [T0 + 1.0]
    nodes = dict((host, FakeNode(host, clock)) for host in ['prod-n1', 'prod-n2', 'dr-n1', 'dr-n2'])
    records = []
    for number, wave in enumerate(run['waves'], 1):
        results = {}
        for host, node in sorted(nodes.items()):
            steps = call('vbs_step_arguments', wave, host)
            results[host] = node.run(steps) if steps else {'skipped': True, 'changed': False}
        records += call('vbs_wave_records', wave, number, results)
    assert nodes['dr-n1'].asked == [[{'group': 'app_sg', 'action': 'online', 'timeout': 300}],
                                    [{'group': 'mq_sg', 'action': 'online', 'timeout': 300}],
                                    [{'group': 'web_sg', 'action': 'online', 'timeout': 120}]]
    assert nodes['prod-n2'].asked == [] and nodes['dr-n2'].asked == []
    assert [(r['wave'], r['group'], r['status'], r['started'], r['ended']) for r in records] == [
        (1, 'app_sg', 'done', T0 + 1.0, T0 + 3.0), (2, 'mq_sg', 'done', T0 + 3.0, T0 + 5.0),
        (3, 'web_sg', 'done', T0 + 5.0, T0 + 7.0)]

    report = call('vbs_report', SERVICE, 'start', view, run['waves'], records, '%s' % T0, T0 + 8, False, run['reconcile'], 'start')
    assert report['outcome'] == 'succeeded' and report['started'] == T0
    assert report['message'] == ('Business service shop: start done, 3 steps in 3 waves; it is ONLINE. '
                                 'Took 7.0 s against an RTO of 120 s (met).')
    assert report['tiers'][0] == {'name': 'db', 'cluster': 'prodclus', 'node': 'prod-n2', 'groups': ['db_sg'],
                                  'vms': {'dbvm': 'running'}}

    page = call('vbs_report_html', report)
    assert page.startswith('<!DOCTYPE html>')
    assert '<h1>Business service shop: start</h1>' in page
    for group in ('db_sg', 'app_sg', 'mq_sg', 'web_sg'):
        assert 'data-group="%s"' % group in page
    assert '<section id="problems">' not in page


def test_a_failed_wave_and_a_missing_group_reach_the_report():
    seen = dict((host, observation(host)) for host in ['prod-n1', 'dr-n1'])
    del seen['dr-n1']['groups']['web_sg']
    view = call('vbs_observed', SERVICE, seen, {'prodclus': ['prod-n1'], 'drclus': ['dr-n1']})
    assert view['missing'] == ['web_sg']
    run = call('vbs_waves', SERVICE, 'start', view)
    wave = run['waves'][0]
    records = call('vbs_wave_records', wave, 1, {'dr-n1': {'failed': True, 'msg': 'VCS is not running'}})
    assert [(r['group'], r['status'], r['message']) for r in records] == [('app_sg', 'failed', 'dr-n1: VCS is not running')]
    report = call('vbs_report', SERVICE, 'start', view, run['waves'], records, T0, T0 + 2)
    assert report['outcome'] == 'failed'
    assert report['account']['left'] == ['mq_sg online on drclus', 'web_sg online on drclus']
    assert report['problems'] == ['Service group web_sg of tier web does not exist on cluster drclus.']
    page = call('vbs_report_html', report)
    assert '<li>Service group web_sg of tier web does not exist on cluster drclus.</li>' in page
