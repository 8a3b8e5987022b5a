"""The demo business service (playbooks/vars/demo_business_service.yml) through vbs_start/stop/status
against the simulator: order, parallel waves, resume after a failure, fault-policy reactions, refusals."""

import json
import time

import pytest
import yaml

from harness import REPO_ROOT, mutating_calls, run_playbook

DEPLOY = 'playbooks/deploy.yml'
DEFINITION = 'playbooks/vars/demo_business_service.yml'
TIERS = {'db': ['dbsg'], 'app': ['app01_sg', 'app02_sg'], 'web': ['web01_sg', 'web02_sg']}


@pytest.fixture
def deployed(fast_estate):
    run_playbook(fast_estate, DEPLOY).assert_ok()
    return fast_estate


def vbs(estate, action, check=False, **extra):
    """Run vbs_<action>.yml (status.yml with business_service_action for reconcile/plan); the run and its report."""
    reports = estate.workdir / 'reports'
    before = set(reports.glob('demo-*.json')) if reports.exists() else set()
    playbook = 'playbooks/vbs_%s.yml' % (action if action in ('start', 'stop', 'status') else 'status')
    extra_vars = dict(extra, business_service_report_dir=str(reports))
    if action not in ('start', 'stop', 'status'):
        extra_vars['business_service_action'] = action
    extra_vars.setdefault('business_service_file', str(REPO_ROOT / DEFINITION))
    since = estate.last_id()
    result = run_playbook(estate, playbook, extra_vars=extra_vars, check=check)
    made = sorted(set(reports.glob('demo-*.json')) - before) if reports.exists() else []
    report = json.loads(made[-1].read_text()) if made else None
    return result, report, estate.log(since=since)


def onlines(calls):
    return [c['argv'][2] for c in mutating_calls(calls) if c['argv'][:2] == ['hagrp', '-online']]


def offlines(calls):
    return [c['argv'][2] for c in mutating_calls(calls) if c['argv'][:2] == ['hagrp', '-offline']]


def states(report, key='after'):
    return {tier: data['state'] for tier, data in report[key]['tiers'].items()}


def test_status_stop_start_in_order_twice_and_in_check_mode(deployed):
    result, report, calls = vbs(deployed, 'status')
    result.assert_ok()
    assert report['outcome'] == 'observed' and report['before']['state'] == 'ONLINE'
    assert mutating_calls(calls) == []
    assert {t['name']: t['node'] for t in report['tiers']} == {'db': 'prod-n1', 'app': 'prod-n1', 'web': 'dr-n1'}
    assert report['tiers'][1]['vms'] == {'app01': 'running', 'app02': 'running'}
    assert len(list((deployed.workdir / 'reports').glob('demo-status-*.html'))) == 1

    result, report, calls = vbs(deployed, 'stop', check=True)
    result.assert_ok()
    assert mutating_calls(calls) == [] and report['outcome'] == 'planned'
    assert [[s['group'] for s in report['steps'] if s['wave'] == n] for n in (1, 2, 3)] == [
        TIERS['web'], TIERS['app'], TIERS['db']]

    result, report, calls = vbs(deployed, 'stop')
    result.assert_ok()
    assert report['outcome'] == 'succeeded' and report['after']['state'] == 'OFFLINE'
    order = offlines(calls)
    assert sorted(order[:2]) == TIERS['web'] and sorted(order[2:4]) == TIERS['app'] and order[4:] == ['dbsg']
    nodes = {c['argv'][2]: c['node'] for c in mutating_calls(calls)}
    assert nodes == {'web01_sg': 'dr-n1', 'web02_sg': 'dr-n1', 'app01_sg': 'prod-n1', 'app02_sg': 'prod-n1', 'dbsg': 'prod-n1'}
    steps = {s['group']: s for s in report['steps']}
    assert steps['app01_sg']['started'] >= steps['web02_sg']['ended']
    assert steps['dbsg']['started'] >= max(steps['app01_sg']['ended'], steps['app02_sg']['ended'])

    result, report, calls = vbs(deployed, 'stop')
    result.assert_ok()
    assert report['outcome'] == 'nothing to do' and mutating_calls(calls) == []

    result, report, calls = vbs(deployed, 'start')
    result.assert_ok()
    assert report['outcome'] == 'succeeded' and states(report) == {'db': 'ONLINE', 'app': 'ONLINE', 'web': 'ONLINE'}
    assert report['rto']['target'] == 120 and report['rto']['met'] is True
    assert [t['vms'] for t in report['tiers']] == [{}, {'app01': 'running', 'app02': 'running'},
                                                   {'web01': 'running', 'web02': 'running'}]
    order = onlines(calls)
    assert order[0] == 'dbsg' and sorted(order[1:3]) == TIERS['app'] and sorted(order[3:]) == TIERS['web']
    # the two app groups go online together: both asked before either is waited for to the end
    app = [s for s in report['steps'] if s['tier'] == 'app']
    assert max(s['started'] for s in app) < min(s['ended'] for s in app)
    assert all(s['systems'] == ['prod-n1'] for s in app)

    result, report, calls = vbs(deployed, 'start')
    result.assert_ok()
    assert report['outcome'] == 'nothing to do' and result.changed_total == 0 and mutating_calls(calls) == []
    html = (deployed.workdir / 'reports' / ('demo-start-%s.html' % report_stamp(report))).read_text()
    assert 'dbsg' in html and '<svg' in html


def report_stamp(report):
    return time.strftime('%Y%m%dT%H%M%SZ', time.gmtime(report['started']))


def test_a_failing_tier_stops_the_run_and_a_rerun_resumes(deployed):
    vbs(deployed, 'stop')[0].assert_ok()
    deployed.sim('fault', 'resource', 'app01_guest', '--cluster', 'prodclus')
    result, report, calls = vbs(deployed, 'start')
    assert result.rc != 0 and report['outcome'] == 'failed'
    failed = [s for s in report['steps'] if s['status'] == 'failed']
    assert [(s['group'], s['wave']) for s in failed] == [('app01_sg', 2)]
    assert 'app01_guest FAULTED' in failed[0]['message']
    assert report['account'] == {'done': ['dbsg online on prodclus', 'app02_sg online on prodclus'],
                                 'failed': ['app01_sg online on prodclus'],
                                 'left': ['web01_sg online on drclus', 'web02_sg online on drclus']}
    assert 'Run it again to resume' in result.stdout
    assert not any(c['node'].startswith('dr-') for c in mutating_calls(calls))

    deployed.sim('fault', 'clear', '--cluster', 'prodclus')
    result, report, calls = vbs(deployed, 'start')
    result.assert_ok()
    assert [(s['group'], s['wave'], s['commands']) for s in report['steps']] == [
        ('app01_sg', 1, [['hagrp', '-clear', 'app01_sg'], ['hagrp', '-online', 'app01_sg', '-any']]),
        ('web01_sg', 2, [['hagrp', '-online', 'web01_sg', '-any']]),
        ('web02_sg', 2, [['hagrp', '-online', 'web02_sg', '-any']])]
    assert report['after']['state'] == 'ONLINE'


def test_a_db_fault_takes_the_firm_app_tier_down_and_restarts_the_web_tier_once_back(deployed):
    deployed.sim('fault', 'resource', 'db_server', '--cluster', 'prodclus')       # the failover fails too
    deployed.sim('fault', 'resource-now', 'db_server', '--system', 'prod-n1')
    rc, out, err = deployed.run('prod-n1', ['hagrp', '-wait', 'dbsg', 'State', 'OFFLINE|FAULTED', '-sys', 'prod-n2', '-time', '300'])
    assert rc == 0, out + err

    result, report, calls = vbs(deployed, 'reconcile', business_service_maintenance=True)
    result.assert_ok()
    assert mutating_calls(calls) == [] and report['maintenance'] is True
    assert [(r['group'], r['action']) for r in report['suspended']] == [('app01_sg', 'offline'), ('app02_sg', 'offline')]

    result, report, calls = vbs(deployed, 'reconcile')
    result.assert_ok()
    assert [(r['group'], r['action'], r['policy']) for r in report['reactions']] == [
        ('app01_sg', 'offline', 'firm'), ('app02_sg', 'offline', 'firm')]
    assert sorted(offlines(calls)) == TIERS['app'] and onlines(calls) == []
    assert states(report) == {'db': 'FAULTED', 'app': 'OFFLINE', 'web': 'ONLINE'}
    pending = json.loads((deployed.workdir / 'reports' / 'demo.pending.json').read_text())
    assert pending == {'app01_sg': {'online': ['dbsg']}, 'app02_sg': {'online': ['dbsg']},
                       'web01_sg': {'restart': ['app01_sg', 'app02_sg']}, 'web02_sg': {'restart': ['app01_sg', 'app02_sg']}}

    result, report, calls = vbs(deployed, 'reconcile')          # the db is still down: nothing more
    result.assert_ok()
    assert report['outcome'] == 'nothing to do' and mutating_calls(calls) == []

    # dbsg needs its replication group on the same node (online local hard): the failover took it to prod-n2
    rc, out, err = deployed.run('prod-n1', ['hagrp', '-state', 'dbrep_sg'])
    assert rc == 0 and 'prod-n2 |ONLINE|' in ' '.join(out.split()), out + err
    deployed.run('prod-n1', ['hagrp', '-clear', 'dbsg'])
    deployed.run('prod-n1', ['hagrp', '-online', 'dbsg', '-sys', 'prod-n2'])
    rc, out, err = deployed.run('prod-n1', ['hagrp', '-wait', 'dbsg', 'State', 'ONLINE', '-sys', 'prod-n2', '-time', '300'])
    assert rc == 0, out + err
    result, report, calls = vbs(deployed, 'reconcile')
    result.assert_ok()
    assert [[(s['group'], s['action']) for s in report['steps'] if s['wave'] == n] for n in (1, 2, 3)] == [
        [('app01_sg', 'online'), ('app02_sg', 'online')],
        [('web01_sg', 'offline'), ('web02_sg', 'offline')],
        [('web01_sg', 'online'), ('web02_sg', 'online')]]
    assert report['after']['state'] == 'ONLINE'
    assert json.loads((deployed.workdir / 'reports' / 'demo.pending.json').read_text()) == {}

    result, report, calls = vbs(deployed, 'reconcile')
    result.assert_ok()
    assert report['outcome'] == 'nothing to do' and mutating_calls(calls) == []


def test_a_dead_first_node_hands_the_cluster_to_the_next(deployed):
    deployed.sim('fault', 'crash-node', 'prod-n1')
    rc, out, err = deployed.run('prod-n2', ['hagrp', '-wait', 'app02_sg', 'State', 'ONLINE', '-sys', 'prod-n2', '-time', '600'])
    assert rc == 0, out + err
    result, report, calls = vbs(deployed, 'stop')
    assert result.rc == 0, result.stdout
    assert {t['name']: t['node'] for t in report['tiers']} == {'db': 'prod-n2', 'app': 'prod-n2', 'web': 'dr-n1'}
    assert {c['node'] for c in mutating_calls(calls)} == {'prod-n2', 'dr-n1'}
    # nothing runs any more; the groups keep the fault VCS marked on the dead node until it is cleared
    assert all(s['status'] == 'done' and 'ONLINE' not in s['states'].values() for s in report['steps'])
    assert states(report) == {'db': 'FAULTED', 'app': 'FAULTED', 'web': 'OFFLINE'}
    assert {s['group']: s['states']['prod-n1'] for s in report['steps'] if s['cluster'] == 'prodclus'} == {
        'dbsg': 'OFFLINE|FAULTED', 'app01_sg': 'OFFLINE|FAULTED', 'app02_sg': 'OFFLINE|FAULTED'}


@pytest.mark.parametrize('change, message', [
    ({'links': [{'parent': 'app', 'child': 'db'}, {'parent': 'db', 'child': 'web'}, {'parent': 'web', 'child': 'app'}]},
     'The links form a cycle: '),
    ({'tiers': [{'name': 'db', 'cluster': 'nocluster', 'service_groups': ['dbsg']}], 'links': []},
     'Tier db uses unknown cluster nocluster'),
    ({'links': [{'parent': 'app', 'child': 'app'}]}, 'links app to itself'),
])
def test_a_bad_definition_is_refused_before_anything_runs(fast_estate, change, message):
    definition = yaml.safe_load((REPO_ROOT / DEFINITION).read_text())['business_service_definition']
    definition.update(change)
    result, report, calls = vbs(fast_estate, 'start', business_service_definition=definition,
                                business_service_file='')
    assert result.rc != 0 and message in result.stdout, result.stdout
    assert calls == [] and report is None


def test_a_group_missing_on_its_cluster_is_refused_before_anything_runs(deployed):
    definition = yaml.safe_load((REPO_ROOT / DEFINITION).read_text())['business_service_definition']
    definition['tiers'][2]['service_groups'].append('web03_sg')
    result, report, calls = vbs(deployed, 'start', business_service_definition=definition, business_service_file='')
    assert result.rc != 0
    assert 'Nothing was run. Service group web03_sg of tier web does not exist on cluster drclus.' in result.stdout
    assert mutating_calls(calls) == []
