# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Reads of the groups' operational state and of the systems' states (one command each)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils._runner import CommandError
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._config import read_listing
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._parse import (
    parse_display, parse_state_table)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._state_plan import (
    DISPLAY_ATTRIBUTES, group_view)

# "Group does not exist" answers of hagrp (-state, -offline/-delete, -dep/-unlink).
# V-16-1-50031: 'No Groups are configured' (the cluster has no group at all).
UNKNOWN_GROUP_CODES = ('V-16-1-40131', 'V-16-1-12130', 'V-16-1-10133', 'V-16-1-50031')


def _unknown_group(name, detail=''):
    return PlanError('service group %s does not exist in this cluster%s' % (name, detail))


def read_group_view(runner, name):
    """``group_view`` of ``hagrp -display <g> -attribute State Frozen TFrozen SystemList
    Parallel AutoStartList``; PlanError when the group does not exist."""
    try:
        out = runner.read(['hagrp', '-display', name, '-attribute'] + DISPLAY_ATTRIBUTES)[1]
    except CommandError as exc:
        text = ((exc.stderr or '') + (exc.stdout or '')).strip()
        if exc.vcode in UNKNOWN_GROUP_CODES or 'not exist' in text:
            raise _unknown_group(name, ' (VCS: %s)' % text)
        raise
    view = group_view(name, parse_display(out))
    if view is None:
        raise _unknown_group(name)
    return view


def read_group_states(runner, group):
    """{system: state} of ``hagrp -state <group>``, pipes removed."""
    rows = parse_state_table(runner.read(['hagrp', '-state', group])[1])
    return dict((row['system'], row['state']) for row in rows if row.get('system'))


def read_system_states(runner):
    """{system: SysState} of ``hasys -state`` (RUNNING, EXITED, FAULTED...)."""
    rows = parse_state_table(runner.read(['hasys', '-state'])[1])
    return dict((row['system'], row['state']) for row in rows if row.get('system'))


def read_views(runner):
    """{group: group_view} of every group of the cluster, in one command."""
    display = parse_display(read_listing(runner, ['hagrp', '-display', '-attribute'] + DISPLAY_ATTRIBUTES))
    views = {}
    for name in display:
        view = group_view(name, display)
        if view is not None:
            views[name] = view
    return views
