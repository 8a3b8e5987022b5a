import pytest

from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._maincf import parse_maincf
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._remote_plan import plan_remote, view_from_maincf

MAINCF = '''include "types.cf"

cluster prodclus (
        ClusterAddress = "10.10.1.100"
        )

remotecluster drclus (
        ClusterAddress = "10.20.1.100"
        )

remotecluster bkpclus (
        ClusterAddress = "10.30.1.100"
        )

heartbeat Icmp (
        ClusterList = { drclus, bkpclus }
        Arguments @drclus = { "10.20.1.100" }
        Arguments @bkpclus = { "10.30.1.100" }
        )

system prod-n1 (
        )

group db_sg (
        SystemList = { prod-n1 = 0 }
        ClusterList = { prodclus = 0, drclus = 1 }
        )
'''
VIEW = view_from_maincf(parse_maincf(MAINCF))


def params(**given):
    base = {'name': 'drclus', 'address': '10.20.1.100', 'cluster_address': None, 'heartbeat': 'Icmp',
            'state': 'present', 'force': False}
    base.update(given)
    return base


def test_the_view_of_main_cf():
    assert VIEW == {'cluster': 'prodclus', 'cluster_address': '10.10.1.100',
                    'remotes': {'drclus': '10.20.1.100', 'bkpclus': '10.30.1.100'},
                    'heartbeats': {'Icmp': {'clusters': ['drclus', 'bkpclus'],
                                            'arguments': {'drclus': ['10.20.1.100'], 'bkpclus': ['10.30.1.100']}}},
                    'global_groups': {'db_sg': ['prodclus', 'drclus']}}


def test_nothing_to_do_when_all_is_there():
    assert plan_remote(VIEW, params())[0] == []


def test_a_new_remote_joins_the_existing_heartbeat():
    commands, after = plan_remote(VIEW, params(name='thirdclus', address='10.40.1.100', heartbeat='Icmp'))
    assert commands == [['haclus', '-add', 'thirdclus', '10.40.1.100'],
                        ['hahb', '-modify', 'Icmp', 'ClusterList', 'drclus', 'bkpclus', 'thirdclus'],
                        ['hahb', '-modify', 'Icmp', 'Arguments', '10.40.1.100', '-clus', 'thirdclus']]
    assert after['remotes']['thirdclus'] == '10.40.1.100'
    assert VIEW['heartbeats']['Icmp']['clusters'] == ['drclus', 'bkpclus']


def test_removing_one_of_two_keeps_the_heartbeat_and_is_refused_while_a_group_lists_it():
    assert plan_remote(VIEW, params(name='bkpclus', state='absent'))[0] == [
        ['hahb', '-modify', 'Icmp', 'ClusterList', 'drclus'], ['haclus', '-delete', 'bkpclus']]
    with pytest.raises(PlanError, match='in the ClusterList of db_sg'):
        plan_remote(VIEW, params(state='absent'))
    assert plan_remote(VIEW, params(name='nosuch', state='absent'))[0] == []


def test_own_address_and_refusals():
    assert plan_remote(VIEW, params(cluster_address='10.10.1.101'))[0] == [
        ['haclus', '-modify', 'ClusterAddress', '10.10.1.101']]
    with pytest.raises(PlanError, match='is this cluster'):
        plan_remote(VIEW, params(name='prodclus'))
    with pytest.raises(PlanError, match='address'):
        plan_remote(VIEW, params(address=None))
    bare = dict(VIEW, cluster_address='')
    with pytest.raises(PlanError, match='no ClusterAddress yet'):
        plan_remote(bare, params(name='thirdclus', address='10.40.1.100'))
