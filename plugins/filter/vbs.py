# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Filters over a business service (VBS) definition: its problems, its plans, its state."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible.errors import AnsibleFilterError

from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._plan import (
    plan_document, render_text, start_plan, stop_plan)
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._schema import validate
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._status import service_status

PLANS = {'start': start_plan, 'stop': stop_plan}


def _valid(definition, known_clusters=None):
    if not isinstance(definition, dict):
        raise AnsibleFilterError('expected a business service definition (a dict), got %s' % type(definition).__name__)
    problems = validate(definition, known_clusters)
    if problems:
        raise AnsibleFilterError('business service %s is not valid: %s' % (definition.get('name'), ' '.join(problems)))
    return definition


def vbs_problems(definition, known_clusters=None):
    """Every problem of the definition as a sentence; empty when it is sound."""
    if not isinstance(definition, dict):
        return ['a business service definition must be a mapping, not %s' % type(definition).__name__]
    return validate(definition, known_clusters)


def vbs_plan(definition, action='start', observed=None, text=False):
    """The start or stop plan in waves, skipping groups already in the wanted state."""
    if action not in PLANS:
        raise AnsibleFilterError('vbs_plan: action must be start or stop, not %r' % (action,))
    plan = PLANS[action](_valid(definition), observed or {})
    return render_text(plan) if text else plan_document(plan)


def vbs_status(definition, observed):
    """One state for the service (ONLINE, PARTIAL, OFFLINE, FAULTED) and for each tier."""
    return service_status(_valid(definition), observed or {})


class FilterModule(object):
    def filters(self):
        return {'vbs_problems': vbs_problems, 'vbs_plan': vbs_plan, 'vbs_status': vbs_status}
