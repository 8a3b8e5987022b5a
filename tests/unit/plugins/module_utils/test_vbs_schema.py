import copy

import pytest

from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._schema import (
    group_links, members_by_name, service_groups, validate)

FINANCE = {
    'name': 'finance',
    'tiers': [
        {'name': 'db', 'cluster': 'prodclus', 'service_groups': ['ora_sg']},
        {'name': 'app', 'cluster': 'drclus', 'service_groups': ['was_sg', 'mq_sg'], 'timeouts': {'online': 120}},
        {'name': 'web', 'cluster': 'drclus', 'service_groups': ['web_sg'], 'vms': ['web01', {'name': 'web02'}]},
    ],
    'links': [
        {'parent': 'app', 'child': 'db', 'fault_policy': 'firm'},
        {'parent': 'web_sg', 'child': 'was_sg', 'fault_policy': 'restart'},
    ],
    'timeouts': {'online': 600, 'offline': 300},
    'rto': 900,
}


def changed(**changes):
    definition = copy.deepcopy(FINANCE)
    definition.update(changes)
    return definition


def test_a_valid_definition_has_no_errors():
    assert validate(FINANCE, known_clusters=['prodclus', 'drclus']) == []
    assert validate(FINANCE) == []


def test_unknown_cluster_names_the_known_ones():
    assert validate(FINANCE, known_clusters=['prodclus']) == [
        'Tier app uses unknown cluster drclus (known clusters: prodclus).',
        'Tier web uses unknown cluster drclus (known clusters: prodclus).']


def test_a_cycle_is_named():
    definition = changed(links=FINANCE['links'] + [{'parent': 'ora_sg', 'child': 'web', 'fault_policy': 'soft'}])
    assert validate(definition) == ['The links form a cycle: ora_sg -> web_sg -> was_sg -> ora_sg.']


def test_links_to_itself():
    definition = changed(links=[{'parent': 'db', 'child': 'db'}, {'parent': 'app', 'child': 'mq_sg'}])
    assert validate(definition) == ['Link db -> db links db to itself.',
                                    'Link app -> mq_sg links app to itself: one contains the other.']


def test_duplicate_names():
    tiers = copy.deepcopy(FINANCE['tiers'])
    tiers[2]['service_groups'] = ['ora_sg']
    tiers.append({'name': 'db', 'cluster': 'prodclus', 'service_groups': ['app']})
    assert validate(changed(tiers=tiers, links=[])) == [
        'Duplicate name ora_sg: used by service group ora_sg of tier db and by service group ora_sg of tier web.',
        'Duplicate name db: used by tier db and by tier db.',
        'Duplicate name app: used by tier app and by service group app of tier db.']


def test_unknown_names_policies_and_repeated_links():
    links = [{'parent': 'app', 'child': 'dbx', 'fault_policy': 'hard'}, {'parent': 'web', 'child': 'app'},
             {'parent': 'web', 'child': 'app'}]
    assert validate(changed(links=links)) == [
        "Link app -> dbx has fault_policy 'hard'; use one of soft, firm, restart.",
        'Link app -> dbx names dbx, which is neither a tier nor a service group of this service.',
        'Link web -> app is given more than once.']


def test_two_policies_for_the_same_pair_of_groups():
    links = [{'parent': 'web', 'child': 'app', 'fault_policy': 'soft'}, {'parent': 'web_sg', 'child': 'mq_sg', 'fault_policy': 'firm'}]
    assert validate(changed(links=links)) == [
        'Links web -> app (soft) and web_sg -> mq_sg (firm) give web_sg -> mq_sg two fault policies.']


@pytest.mark.parametrize('definition, errors', [
    ([], ['A business service must be a mapping with name, tiers and links.']),
    ({'name': 'x'}, ['The business service needs tiers: a non-empty list.']),
    ({'tiers': [{'name': 't', 'cluster': 'c', 'service_groups': ['g']}], 'rto': 0, 'timeouts': {'online': -1, 'start': 3}, 'owner': 'me'},
     ['The business service has unknown keys: owner (allowed: name, tiers, links, timeouts, rto).',
      'The business service has no name.',
      'The business service timeouts has unknown keys: start (allowed: online, offline).',
      'The business service timeouts.online must be a positive number of seconds, not -1.',
      'rto must be a positive number of seconds, not 0.']),
    ({'name': 'x', 'tiers': [{'cluster': 'c'}, {'name': 't', 'service_groups': [], 'vms': 'vm1'}]},
     ['Tier 1 has no name.', 'Tier t has no cluster.', 'Tier t needs service_groups: a non-empty list of service group names.',
      'Tier t vms must be a list of VM names (or mappings with a name).']),
    ({'name': 'x', 'tiers': [{'name': 't', 'cluster': 'c', 'service_groups': ['g']}], 'links': [{'parent': 't'}]},
     ['Link 1 must be a mapping with a parent and a child (tier or service group names).']),
])
def test_shape_errors(definition, errors):
    assert validate(definition) == errors


def test_the_graph_of_groups():
    assert members_by_name(FINANCE)['app'] == ['was_sg', 'mq_sg']
    assert group_links(FINANCE) == [('was_sg', 'ora_sg', 'firm'), ('mq_sg', 'ora_sg', 'firm'), ('web_sg', 'was_sg', 'restart')]
    groups = service_groups(FINANCE)
    assert [(g['group'], g['tier'], g['cluster']) for g in groups] == [
        ('ora_sg', 'db', 'prodclus'), ('was_sg', 'app', 'drclus'), ('mq_sg', 'app', 'drclus'), ('web_sg', 'web', 'drclus')]
    assert groups[0]['timeouts'] == {'online': 600, 'offline': 300}
    assert groups[1]['timeouts'] == {'online': 120, 'offline': 300}
