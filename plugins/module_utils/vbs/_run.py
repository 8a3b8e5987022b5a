# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A business service (VBS) run on the controller: what the clusters answered, which node acts for
each cluster, which node runs each step, and the record of each wave as it ran.

The inputs are the results ``continuum.infoscale.vbs_steps`` registered on the nodes (a mapping of
host to registered result); nothing here runs a command.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import math

from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._schema import service_groups

DEFAULT_TIMEOUT = 600


def clusters_of(definition):
    """The definition's clusters, in the order of their first tier."""
    result = []
    for tier in definition['tiers']:
        if tier['cluster'] not in result:
            result.append(tier['cluster'])
    return result


def _why(host, result):
    if not result or result.get('skipped'):
        return '%s: not asked' % host
    if result.get('unreachable'):
        return '%s: unreachable (%s)' % (host, (result.get('msg') or '').strip() or 'no answer')
    return '%s: %s' % (host, (result.get('msg') or 'failed').strip())


def _usable(result):
    return bool(result) and not (result.get('skipped') or result.get('unreachable') or result.get('failed'))


def _vm_names(tier):
    return [vm if isinstance(vm, str) else vm['name'] for vm in tier.get('vms') or []]


def members_on(definition, clusters):
    """{'groups': [...], 'vms': [...]} of the tiers on the given clusters (a node's inventory groups)."""
    tiers = [tier for tier in definition['tiers'] if tier['cluster'] in clusters]
    return {'groups': [group for tier in tiers for group in tier['service_groups']],
            'vms': [name for tier in tiers for name in _vm_names(tier)]}


def observe(definition, seen, nodes):
    """What the clusters of a valid definition answered.

    ``seen``: {host: registered vbs_steps result}; ``nodes``: {cluster: [hosts, inventory order]}.
    The first node of each cluster whose read worked acts for the cluster (its leader). Returns
    ``{'leaders': {cluster: host}, 'observed': {group: state}, 'groups': {group: facts},
    'vms': {vm: state}, 'ordering': [[parent, child]], 'problems': [sentences], 'missing': [groups]}``.
    """
    view = {'leaders': {}, 'observed': {}, 'groups': {}, 'vms': {}, 'ordering': [], 'problems': [], 'missing': []}
    for cluster in clusters_of(definition):
        hosts = list(nodes.get(cluster) or [])
        tried = []
        for host in hosts:
            result = (seen or {}).get(host)
            if _usable(result):
                view['leaders'][cluster] = host
                break
            tried.append(_why(host, result))
        if cluster not in view['leaders']:
            view['problems'].append('No node of cluster %s answered: %s.' % (
                cluster, '; '.join(tried) if hosts else 'the inventory has no hosts in group %s' % cluster))
            continue
        result = seen[view['leaders'][cluster]]
        view['groups'].update(result.get('groups') or {})
        view['vms'].update(result.get('vms') or {})
        for link in result.get('dependencies') or []:
            pair = [link['parent'], link['child']]
            if pair not in view['ordering']:
                view['ordering'].append(pair)
    for group in service_groups(definition):
        if group['cluster'] not in view['leaders']:
            view['observed'][group['group']] = None
            continue
        facts = view['groups'].get(group['group']) or {}
        view['observed'][group['group']] = facts.get('state')
        if facts.get('state') is None:
            view['missing'].append(group['group'])
            view['problems'].append('Service group %s of tier %s does not exist on cluster %s.'
                                    % (group['group'], group['tier'], group['cluster']))
    return view


def vms_by_tier(definition, vms):
    """{tier: {vm: state}} for the tiers that list VMs."""
    return dict((tier['name'], dict((name, (vms or {}).get(name)) for name in _vm_names(tier)))
                for tier in definition['tiers'])


def schedule(definition, waves, leaders, default_timeout=DEFAULT_TIMEOUT):
    """Steps (plan or reconcile) in waves, each given the node that runs it and its timeout in whole
    seconds: its own, else its group's (tier, then service ``timeouts``), else ``default_timeout``."""
    timeouts = dict((g['group'], g['timeouts']) for g in service_groups(definition))
    result = []
    for wave in waves:
        steps = []
        for step in wave:
            step = dict(step, node=leaders.get(step['cluster']))
            seconds = step.get('timeout') or timeouts.get(step['group'], {}).get(step['action']) or default_timeout
            step['timeout'] = max(1, int(math.ceil(float(seconds))))
            steps.append(step)
        result.append(steps)
    return result


def step_arguments(steps, node):
    """The ``steps`` option of vbs_steps for one node: its own steps of the wave."""
    return [{'group': s['group'], 'action': s['action'], 'timeout': s['timeout']} for s in steps if s['node'] == node]


def _record(step, number, result):
    record = dict(step, wave=number, status='failed', message='', systems=[], commands=[], started=None,
                  ended=None, duration=None, states={}, state=None)
    record.setdefault('reason', None)
    for entry in (result or {}).get('steps') or []:
        if entry.get('group') == step['group'] and entry.get('action') == step['action']:
            record.update(dict((key, entry.get(key)) for key in (
                'status', 'message', 'systems', 'commands', 'started', 'ended', 'duration', 'states', 'state')))
            return record
    if not result or result.get('skipped'):
        record['message'] = 'the step did not run on %s' % step['node']
    else:
        record['message'] = _why(step['node'], result)
    return record


def wave_records(steps, number, results):
    """Records of one wave's steps from the nodes' registered results ({host: result})."""
    return [_record(step, number, (results or {}).get(step['node'])) for step in steps]
