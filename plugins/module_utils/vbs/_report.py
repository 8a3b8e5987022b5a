# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The report of a business service (VBS) run: one plain document for JSON and for the HTML page."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._plan import hagrp_command
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._run import vms_by_tier
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._schema import group_links, members_by_name
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._status import service_status

ACTIONS = ('start', 'stop', 'reconcile', 'status', 'plan')
RECOVERING = ('start', 'reconcile')
DONE = ('done', 'unchanged')


def _label(step):
    return '%s %s on %s' % (step['group'], step['action'], step['cluster'])


def _tier_links(definition):
    members = members_by_name(definition)
    tier_of = {}
    for tier in definition['tiers']:
        for group in tier['service_groups']:
            tier_of[group] = tier['name']
    result = []
    for link in definition.get('links') or []:
        parents = set(tier_of[g] for g in members[link['parent']])
        children = set(tier_of[g] for g in members[link['child']])
        for parent in sorted(parents):
            for child in sorted(children):
                entry = {'parent': parent, 'child': child, 'fault_policy': link.get('fault_policy', 'soft')}
                if parent != child and entry not in result:
                    result.append(entry)
    return result


def _pending(reconciled, records, left):
    """What reconcile still waits for: its own ``pending``, plus the recoveries that failed or did not
    run (once a child is back, reconcile forgets the reaction it planned; a recovery that did not
    happen must be tried again next time)."""
    if reconciled is None:
        return None
    pending = dict((name, dict(value)) for name, value in (reconciled.get('pending') or {}).items())
    for step in [r for r in records if r['status'] == 'failed'] + list(left):
        kind = 'online' if step.get('policy') == 'firm' else 'restart' if step.get('policy') == 'restart' else None
        if kind is None or (kind == 'online' and step['action'] != 'online'):
            continue
        causes = pending.setdefault(step['group'], {}).setdefault(kind, [])
        causes.extend(cause for cause in step.get('causes') or [] if cause not in causes)
    return pending


def _after(definition, view, records):
    observed = dict(view['observed'])
    for record in records:
        if record.get('state') is not None:
            observed[record['group']] = record['state']
    return service_status(definition, observed)


def _rto(definition, action, outcome, started, records, after):
    target = definition.get('rto')
    measured = None
    ends = [r['ended'] for r in records if r.get('ended') is not None]
    if action in RECOVERING and outcome == 'succeeded' and ends and (after or {}).get('state') == 'ONLINE':
        measured = round(max(ends) - started, 3)
    met = None if target is None or measured is None else measured <= target
    return {'target': target, 'measured': measured, 'met': met}


def _outcome(action, check_mode, records, waves):
    if action == 'status':
        return 'observed'
    if any(r['status'] == 'failed' for r in records):
        return 'failed'
    if action == 'plan' or check_mode:
        return 'planned'
    if not waves:
        return 'nothing to do'
    return 'succeeded'


def _message(report, definition, records, waves):
    name, action = report['service'], report['action']
    state = (report['after'] or report['before'])['state']
    if report['outcome'] == 'observed':
        return 'Business service %s is %s.' % (name, state)
    count = sum(len(wave) for wave in waves)
    if report['outcome'] == 'planned':
        return 'Business service %s: %s would run %d steps in %d waves.' % (name, report['planned_action'], count, len(waves))
    if report['outcome'] == 'nothing to do':
        return 'Business service %s: nothing to %s, it is %s.' % (name, action, state)
    if report['outcome'] == 'failed':
        failed = [r for r in records if r['status'] == 'failed']
        return ('Business service %s: %s stopped at wave %d: %s. Done: %s. Left: %s. Run it again to resume from '
                'the observed state.' % (
                    name, action, failed[0]['wave'],
                    '; '.join('%s failed: %s' % (_label(r), r['message']) for r in failed),
                    ', '.join(report['account']['done']) or 'nothing',
                    ', '.join(report['account']['left']) or 'nothing'))
    text = 'Business service %s: %s done, %d steps in %d waves; it is %s.' % (name, action, count, len(waves), state)
    rto = report['rto']
    if rto['measured'] is not None:
        text += ' Took %.1f s' % rto['measured']
        if rto['target'] is not None:
            text += ' against an RTO of %s s (%s)' % (rto['target'], 'met' if rto['met'] else 'NOT met')
        text += '.'
    return text


def build_report(definition, action, view, waves, records, started, ended, check_mode=False, reconciled=None,
                 plan_action='start'):
    """The report document (see the role's documentation for its keys); ``plan_action`` is what a
    V(plan) run planned (start or stop)."""
    ran = set((r['wave'], r['group'], r['action']) for r in records)
    executing = action not in ('status', 'plan')
    status = 'planned' if check_mode or not executing else 'left'
    left = [dict(step, wave=number, status=status, message='', systems=[], commands=[hagrp_command(step)], started=None,
                 ended=None, duration=None, states={}, state=None, reason=step.get('reason'))
            for number, wave in enumerate(waves, 1) for step in wave if (number, step['group'], step['action']) not in ran]
    steps = [dict(r) for r in records] + left
    report = {
        'service': definition['name'], 'action': action, 'check_mode': bool(check_mode),
        'planned_action': plan_action if action == 'plan' else action,
        'started': started, 'ended': ended, 'duration': round(ended - started, 3),
        'definition': definition,
        'tiers': [{'name': t['name'], 'cluster': t['cluster'], 'node': view['leaders'].get(t['cluster']),
                   'groups': list(t['service_groups']), 'vms': vms_by_tier(definition, view['vms'])[t['name']]}
                  for t in definition['tiers']],
        'links': [{'parent': p, 'child': c, 'fault_policy': f} for p, c, f in group_links(definition)],
        'tier_links': _tier_links(definition),
        'ordering': view['ordering'],
        'problems': list(view['problems']),
        'before': service_status(definition, view['observed']),
        'after': _after(definition, view, records) if executing and records and not check_mode else None,
        'steps': steps,
        'account': {'done': [_label(r) for r in records if r['status'] in DONE],
                    'failed': [_label(r) for r in records if r['status'] == 'failed'],
                    'left': [_label(s) for s in left] if executing and not check_mode else []},
        'reactions': list((reconciled or {}).get('actions') or []),
        'suspended': list((reconciled or {}).get('suspended') or []),
        'maintenance': bool((reconciled or {}).get('maintenance')),
        'pending': _pending(reconciled, records, left),
    }
    report['outcome'] = _outcome(action, check_mode, records, waves)
    report['rto'] = _rto(definition, action, report['outcome'], started, records, report['after'])
    report['message'] = _message(report, definition, records, waves)
    return report
