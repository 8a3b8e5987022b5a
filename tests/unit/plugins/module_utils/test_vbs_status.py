import pytest

from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._status import (
    combined_state, service_status)

SERVICE = {
    'name': 'shop',
    'tiers': [{'name': 'db', 'cluster': 'prodclus', 'service_groups': ['dbsg']},
              {'name': 'web', 'cluster': 'prodclus', 'service_groups': ['web01_sg', 'web02_sg']}],
    'links': [{'parent': 'web', 'child': 'db', 'fault_policy': 'firm'}],
}


@pytest.mark.parametrize('states, state', [
    (['ONLINE', '|ONLINE|'], 'ONLINE'),
    (['OFFLINE', '|OFFLINE|'], 'OFFLINE'),
    (['ONLINE', 'OFFLINE'], 'PARTIAL'),
    (['PARTIAL'], 'PARTIAL'),
    (['ONLINE', '|OFFLINE|FAULTED|'], 'FAULTED'),
    (['ONLINE', None], 'PARTIAL'),
    ([], 'PARTIAL'),
])
def test_combined_state(states, state):
    assert combined_state(states) == state


def test_the_service_state_and_the_tiers_behind_it():
    status = service_status(SERVICE, {'dbsg': 'ONLINE', 'web01_sg': 'ONLINE', 'web02_sg': 'OFFLINE'})
    assert status == {'service': 'shop', 'state': 'PARTIAL', 'tiers': {
        'db': {'state': 'ONLINE', 'groups': {'dbsg': 'ONLINE'}},
        'web': {'state': 'PARTIAL', 'groups': {'web01_sg': 'ONLINE', 'web02_sg': 'OFFLINE'}}}}
    assert service_status(SERVICE, {'db': 'ONLINE', 'web': 'ONLINE'})['state'] == 'ONLINE'
    assert service_status(SERVICE, {'db': '|OFFLINE|FAULTED|', 'web': 'OFFLINE'})['state'] == 'FAULTED'
    assert service_status(SERVICE, {'db': 'OFFLINE', 'web': 'OFFLINE'})['state'] == 'OFFLINE'
