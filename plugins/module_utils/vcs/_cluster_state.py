# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A global group's state in another cluster of a global cluster (GCO): online there (or switch
there from where it runs) and offline there, with ``-clus``, and the product's waits.

``hagrp -state <group>`` lists the group's systems in every RUNNING cluster: local rows
``prod-n1``, remote rows ``drclus:dr-n1`` (a ``cluster`` key once parsed).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import re

from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils._runner import CommandError
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._apply import WAIT_STEP
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._parse import parse_state_table, parse_value
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._state_plan import is_faulted, is_online, is_up

_ATTEMPTING = re.compile(r'V-16-1-50735\b.*\bon system (\S+)')   # [recon: wording]


def read_local_cluster(runner):
    return parse_value(runner.read(['haclus', '-value', 'ClusterName'])[1])


def read_states_by_cluster(runner, group, local):
    """{cluster: {system: state}} of ``hagrp -state <group>``."""
    result = {}
    for row in parse_state_table(runner.read(['hagrp', '-state', group])[1]):
        if row.get('system'):
            result.setdefault(row.get('cluster') or local, {})[row['system']] = row['state']
    return result


def plan_cluster_state(group, state, cluster, system, by_cluster):
    """(commands, waits [(state, system)]) to bring ``group`` online in, or offline in, remote ``cluster``."""
    if cluster not in by_cluster:
        raise PlanError('service group %s has no systems in cluster %s as seen from here: the group is not global '
                        'there, the cluster is not in its ClusterList, or the cluster is not RUNNING (clusters seen: %s)'
                        % (group, cluster, ', '.join(sorted(by_cluster))))
    there = by_cluster[cluster]
    if system is not None and system not in there:
        raise PlanError('system %s is not a system of group %s in cluster %s (%s)' % (system, group, cluster, ', '.join(sorted(there))))
    where = ['-sys', system] if system else ['-any']
    if state == 'offline':
        up = [s for s, st in sorted(there.items()) if is_up(st) and (system is None or s == system)]
        if not up:
            return [], []
        return [['hagrp', '-offline', group] + where + ['-clus', cluster]], [('OFFLINE', s) for s in up]
    online_there = [s for s, st in there.items() if is_online(st)]
    if online_there and (system is None or system in online_there):
        return [], []
    if system is not None and is_faulted(there[system]):
        raise PlanError('service group %s is FAULTED on %s in cluster %s: clear it there first' % (group, system, cluster))
    elsewhere = sorted(c for c, states in by_cluster.items() if c != cluster and any(is_up(st) for st in states.values()))
    if elsewhere:
        target = ['-to', system] if system else ['-any']
        return [['hagrp', '-switch', group] + target + ['-clus', cluster]], [('ONLINE', system)]
    return [['hagrp', '-online', group] + where + ['-clus', cluster]], [('ONLINE', system)]


def _wait(runner, group, state, system, cluster, deadline):
    """The product's wait in steps, so a fault is seen within a step; CommandError at the end of the budget."""
    while True:
        seconds = min(WAIT_STEP, deadline.remaining())
        argv = ['hagrp', '-wait', group, 'State', state, '-sys', system, '-time', str(seconds)]
        if cluster is not None:
            argv[-2:-2] = ['-clus', cluster]
        try:
            runner.read(argv)
            return
        except CommandError as exc:
            states = read_states_by_cluster(runner, group, None)
            if deadline.clock() >= deadline.end or is_faulted(states.get(cluster, {}).get(system) or ''):
                raise PlanError('service group %s did not become %s on %s in cluster %s: %s; last state there: %s'
                                % (group, state, system, cluster or 'this cluster', str(exc),
                                   states.get(cluster, {}).get(system, 'unknown')))


def run_cluster_state(runner, group, cluster, local, commands, waits, before, deadline):
    """Run the commands, then wait: offline where the group ran (a switch leaves here first), then where
    VCS put it in ``cluster`` (the V-16-1-50735 notice, else the first system there that is starting)."""
    output = ''
    for argv in commands:
        answer = runner.change(argv)
        output += '\n'.join(answer[1:]) if answer else ''
    done = []
    for state, system in waits:
        if state == 'ONLINE' and system is None:
            if commands and commands[0][1] == '-switch':
                for other, states in sorted(before.items()):
                    for name, value in sorted(states.items()):
                        if other != cluster and is_up(value):
                            _wait(runner, group, 'OFFLINE', name, None if other == local else other, deadline)
            match = _ATTEMPTING.search(output)
            system = match.group(1) if match else None
            if system is None:
                now = read_states_by_cluster(runner, group, local).get(cluster, {})
                moving = [s for s, st in sorted(now.items()) if is_up(st)]
                if not moving:
                    raise PlanError('service group %s went online nowhere in cluster %s (states there: %s)'
                                    % (group, cluster, ', '.join('%s %s' % item for item in sorted(now.items()))))
                system = moving[0]
        _wait(runner, group, state, system, None if cluster == local else cluster, deadline)
        done.append({'state': state, 'system': system, 'cluster': cluster})
    return done
