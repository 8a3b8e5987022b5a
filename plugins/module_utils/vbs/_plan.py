# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Start and stop plans of a business service (VBS) from its definition and observed state.

A plan is ``{'service', 'action': 'start'|'stop', 'waves': [[step, ...], ...], 'skipped': [step, ...]}``;
a step is ``{'tier', 'cluster', 'group', 'action': 'online'|'offline', 'observed', 'timeout'}``.
Start waves bring children online first, stop waves take parents offline first; the steps of one
wave may run in parallel. Groups already in the wanted state are skipped (and listed).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import json

from ansible_collections.continuum.infoscale.plugins.module_utils._plan import start_waves, stop_waves
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._schema import group_links, service_groups


def state_flags(state):
    """VCS group state text ('ONLINE', '|OFFLINE|FAULTED|', 'partial') as a set of upper-case flags."""
    if not state:
        return set()
    return set(flag.strip().upper() for flag in str(state).split('|') if flag.strip())


def observed_state(observed, group, tier):
    """The observed state of a group: its own entry, else its tier's entry, else None."""
    observed = observed or {}
    if group in observed:
        return observed[group]
    return observed.get(tier)


def is_online(state):
    flags = state_flags(state)
    return 'ONLINE' in flags and not flags & set(['PARTIAL', 'FAULTED'])


def is_offline(state):
    """Nothing of the group runs: OFFLINE, FAULTED or OFFLINE|FAULTED (not PARTIAL, not unknown)."""
    flags = state_flags(state)
    return bool(flags & set(['OFFLINE', 'FAULTED'])) and not flags & set(['ONLINE', 'PARTIAL'])


def hagrp_command(step):
    """The argv that carries out a step on a node of the step's cluster."""
    return ['hagrp', '-%s' % step['action'], step['group'], '-any']


def ordering_links(definition, ordering=None):
    """(parent, child) pairs that order the groups: the definition's links, then ``ordering`` (such as
    the clusters' own group dependencies) between groups of the service, each pair once."""
    names = set(g['group'] for g in service_groups(definition))
    links = [link[:2] for link in group_links(definition)]
    for parent, child in ordering or []:
        if parent in names and child in names and (parent, child) not in links:
            links.append((parent, child))
    return links


def _plan(definition, observed, action, ordering):
    groups = service_groups(definition)
    names = [g['group'] for g in groups]
    links = ordering_links(definition, ordering)
    waves = start_waves(names, links) if action == 'start' else stop_waves(names, links)
    by_name = dict((g['group'], g) for g in groups)
    step_action = 'online' if action == 'start' else 'offline'
    done = is_online if action == 'start' else is_offline
    plan = {'service': definition['name'], 'action': action, 'waves': [], 'skipped': []}
    for wave in waves:
        steps = []
        for name in wave:
            group = by_name[name]
            state = observed_state(observed, name, group['tier'])
            step = {'tier': group['tier'], 'cluster': group['cluster'], 'group': name, 'action': step_action,
                    'observed': state, 'timeout': group['timeouts'].get(step_action)}
            if done(state):
                plan['skipped'].append(step)
            else:
                steps.append(step)
        if steps:
            plan['waves'].append(steps)
    return plan


def start_plan(definition, observed=None, ordering=None):
    """Waves to bring a valid definition online, children first, from ``observed`` {tier or group: state}.

    ``ordering``: more (parent, child) pairs to respect, e.g. the clusters' own group dependencies;
    a CycleError is raised when they loop with the definition's links.
    """
    return _plan(definition, observed, 'start', ordering)


def stop_plan(definition, observed=None, ordering=None):
    """Waves to take a valid definition offline, parents first, from ``observed`` {tier or group: state}."""
    return _plan(definition, observed, 'stop', ordering)


def commands_by_cluster(steps):
    """{cluster: [argv, ...]} for the steps of one wave, clusters in order of first appearance."""
    commands = {}
    for step in steps:
        commands.setdefault(step['cluster'], []).append(hagrp_command(step))
    return commands


def plan_document(plan):
    """The plan as plain data for JSON: numbered waves with their steps and commands per cluster."""
    return {
        'service': plan['service'],
        'action': plan['action'],
        'steps': sum(len(wave) for wave in plan['waves']),
        'waves': [{'wave': number, 'steps': wave, 'commands': commands_by_cluster(wave)}
                  for number, wave in enumerate(plan['waves'], 1)],
        'skipped': plan['skipped'],
    }


def render_json(plan):
    return json.dumps(plan_document(plan), indent=2)


def render_text(plan):
    """A readable account of the plan, one block per wave, commands grouped by cluster."""
    document = plan_document(plan)
    wanted = 'online' if plan['action'] == 'start' else 'offline'
    lines = ['Plan to %s business service %s: %d steps in %d waves, %d skipped (already %s).'
             % (plan['action'], plan['service'], document['steps'], len(plan['waves']), len(plan['skipped']), wanted)]
    for wave in document['waves']:
        lines.append('Wave %d (%d in parallel):' % (wave['wave'], len(wave['steps'])))
        for cluster, commands in wave['commands'].items():
            for argv in commands:
                lines.append('  %s: %s' % (cluster, ' '.join(argv)))
    if plan['skipped']:
        lines.append('Skipped:')
        for step in plan['skipped']:
            lines.append('  %s: %s (tier %s) is %s' % (step['cluster'], step['group'], step['tier'], step['observed']))
    if not plan['waves']:
        lines.append('Nothing to do.')
    return '\n'.join(lines) + '\n'
