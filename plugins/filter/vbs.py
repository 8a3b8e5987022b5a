# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Filters over a business service (VBS) definition: its problems, its plans, its state, and the
pieces the business_service role runs with (observation, waves, records, report)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.errors import AnsibleFilterError

from ansible_collections.continuum.infoscale.plugins.module_utils._plan import CycleError
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._html import render_html
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._plan import (
    plan_document, render_text, start_plan, stop_plan)
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._reconcile import reconcile
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._report import build_report
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._run import (
    DEFAULT_TIMEOUT, members_on, observe, schedule, step_arguments, wave_records)
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._schema import validate
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._status import service_status

PLANS = {'start': start_plan, 'stop': stop_plan}
WAVE_ACTIONS = ('start', 'stop', 'reconcile')


def _valid(definition, known_clusters=None):
    if not isinstance(definition, dict):
        raise AnsibleFilterError('expected a business service definition (a dict), got %s' % type(definition).__name__)
    problems = validate(definition, known_clusters)
    if problems:
        raise AnsibleFilterError('business service %s is not valid: %s' % (definition.get('name'), ' '.join(problems)))
    return definition


def _pairs(ordering):
    return [tuple(pair) for pair in ordering or []]


def vbs_problems(definition, known_clusters=None):
    """Every problem of the definition as a sentence; empty when it is sound."""
    if not isinstance(definition, dict):
        return ['a business service definition must be a mapping, not %s' % type(definition).__name__]
    return validate(definition, known_clusters)


def vbs_plan(definition, action='start', observed=None, text=False, ordering=None):
    """The start or stop plan in waves, skipping groups already in the wanted state."""
    if action not in PLANS:
        raise AnsibleFilterError('vbs_plan: action must be start or stop, not %r' % (action,))
    try:
        plan = PLANS[action](_valid(definition), observed or {}, _pairs(ordering))
    except CycleError as exc:
        raise AnsibleFilterError('business service %s: its links and the clusters\' own group dependencies '
                                 'form a cycle: %s' % (definition['name'], ' -> '.join(exc.cycle)))
    return render_text(plan) if text else plan_document(plan)


def vbs_status(definition, observed):
    """One state for the service (ONLINE, PARTIAL, OFFLINE, FAULTED) and for each tier."""
    return service_status(_valid(definition), observed or {})


def vbs_members(definition, clusters):
    """The groups and VMs of the tiers that run on ``clusters`` (such as a host's group_names)."""
    return members_on(_valid(definition), list(clusters or []))


def vbs_observed(definition, seen, nodes):
    """What the clusters answered: leaders, observed states, VMs, the clusters' own ordering, problems."""
    return observe(_valid(definition), seen or {}, nodes or {})


def vbs_waves(definition, action, view, timeout=DEFAULT_TIMEOUT, maintenance=False, pending=None):
    """The waves to run for start, stop or reconcile, each step given its node and timeout."""
    if action not in WAVE_ACTIONS:
        raise AnsibleFilterError('vbs_waves: action must be one of %s, not %r' % (', '.join(WAVE_ACTIONS), action))
    definition = _valid(definition)
    ordering = _pairs(view.get('ordering'))
    if action == 'reconcile':
        try:
            result = reconcile(definition, view['observed'], bool(maintenance), pending or {}, ordering)
        except CycleError as exc:
            raise AnsibleFilterError('business service %s: cycle in the ordering: %s' % (definition['name'], ' -> '.join(exc.cycle)))
        return {'waves': schedule(definition, result['waves'], view['leaders'], timeout), 'skipped': [], 'reconcile': result,
                'text': ''}
    document = vbs_plan(definition, action, view['observed'], ordering=ordering)
    return {'waves': schedule(definition, [wave['steps'] for wave in document['waves']], view['leaders'], timeout),
            'skipped': document['skipped'], 'reconcile': None,
            'text': vbs_plan(definition, action, view['observed'], text=True, ordering=ordering)}


def vbs_step_arguments(wave, node):
    """The steps of a scheduled wave that ``node`` runs, as the vbs_steps module takes them."""
    return step_arguments(wave or [], node)


def vbs_wave_records(wave, number, results):
    """The record of a wave from the nodes' registered vbs_steps results ({host: result})."""
    return wave_records(wave or [], int(number), results or {})


def vbs_report(definition, action, view, waves, records, started, ended, check_mode=False, reconciled=None,
               plan_action='start'):
    """The run's report document (JSON-ready)."""
    return build_report(_valid(definition), action, view, waves or [], records or [], float(started), float(ended),
                        bool(check_mode), reconciled, plan_action)


def vbs_report_html(report):
    """The report as one self-contained HTML page."""
    return render_html(report)


class FilterModule(object):
    def filters(self):
        return {'vbs_problems': vbs_problems, 'vbs_plan': vbs_plan, 'vbs_status': vbs_status,
                'vbs_members': vbs_members, 'vbs_observed': vbs_observed, 'vbs_waves': vbs_waves, 'vbs_step_arguments': vbs_step_arguments,
                'vbs_wave_records': vbs_wave_records, 'vbs_report': vbs_report, 'vbs_report_html': vbs_report_html}
