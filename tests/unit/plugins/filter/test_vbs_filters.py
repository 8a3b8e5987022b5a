import pytest

from ansible.errors import AnsibleFilterError

from ansible_collections.continuum.infoscale.plugins.filter.vbs import vbs_plan, vbs_problems, vbs_status

SERVICE = {
    'name': 'shop',
    'tiers': [{'name': 'db', 'cluster': 'prodclus', 'service_groups': ['dbsg']},
              {'name': 'app', 'cluster': 'prodclus', 'service_groups': ['appsg']},
              {'name': 'web', 'cluster': 'drclus', 'service_groups': ['websg']}],
    'links': [{'parent': 'web', 'child': 'app', 'fault_policy': 'soft'},
              {'parent': 'app', 'child': 'db', 'fault_policy': 'firm'}],
}


def test_problems():
    assert vbs_problems(SERVICE, ['prodclus', 'drclus']) == []
    assert vbs_problems(SERVICE, ['prodclus'])[0].startswith('Tier web uses unknown cluster drclus')
    assert vbs_problems(['x']) == ['a business service definition must be a mapping, not list']


def test_start_plan_skips_what_runs_and_lists_commands_per_cluster():
    plan = vbs_plan(SERVICE, 'start', {'dbsg': 'ONLINE'})
    assert [[step['group'] for step in wave['steps']] for wave in plan['waves']] == [['appsg'], ['websg']]
    assert plan['waves'][1]['commands'] == {'drclus': [['hagrp', '-online', 'websg', '-any']]}
    assert [step['group'] for step in plan['skipped']] == ['dbsg']
    stop = vbs_plan(SERVICE, 'stop')
    assert [[step['group'] for step in wave['steps']] for wave in stop['waves']] == [['websg'], ['appsg'], ['dbsg']]
    assert 'hagrp -online appsg -any' in vbs_plan(SERVICE, 'start', text=True)


def test_status():
    assert vbs_status(SERVICE, {'db': 'ONLINE', 'app': 'ONLINE', 'web': 'OFFLINE'})['state'] == 'PARTIAL'


@pytest.mark.parametrize('call, message', [
    (lambda: vbs_plan(SERVICE, 'restart'), 'action must be start or stop'),
    (lambda: vbs_plan(dict(SERVICE, links=[{'parent': 'db', 'child': 'db'}])), 'is not valid'),
    (lambda: vbs_status('shop', {}), 'expected a business service definition'),
])
def test_errors(call, message):
    with pytest.raises(AnsibleFilterError, match=message):
        call()
