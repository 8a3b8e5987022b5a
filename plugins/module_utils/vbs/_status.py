# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""One state for a business service (VBS) and for each of its tiers, from observed group states."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._plan import (
    is_offline, is_online, observed_state, state_flags)
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._schema import service_groups


def combined_state(states):
    """FAULTED if any part faulted; ONLINE or OFFLINE when every part is; else PARTIAL."""
    states = list(states)
    if any('FAULTED' in state_flags(state) for state in states):
        return 'FAULTED'
    if states and all(is_online(state) for state in states):
        return 'ONLINE'
    if states and all(is_offline(state) for state in states):
        return 'OFFLINE'
    return 'PARTIAL'


def service_status(definition, observed):
    """``{'service', 'state', 'tiers': {tier: {'state', 'groups': {group: observed state}}}}``.

    ``observed`` is ``{tier or group: state}`` as for the plans; a group with no observed state
    makes its tier (and the service) PARTIAL, as nothing can be said of it.
    """
    tiers = {}
    for group in service_groups(definition):
        tier = tiers.setdefault(group['tier'], {'groups': {}})
        tier['groups'][group['group']] = observed_state(observed, group['group'], group['tier'])
    for tier in tiers.values():
        tier['state'] = combined_state(tier['groups'].values())
    return {'service': definition.get('name'), 'tiers': tiers,
            'state': combined_state(t['state'] for t in tiers.values())}
