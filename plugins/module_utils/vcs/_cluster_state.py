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

from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._apply import wait_for_state
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._parse import (
    attempted_systems, parse_state_table, parse_value)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._state_plan import is_faulted, is_online, is_up


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
                            wait_for_state(runner, group, 'OFFLINE', name, deadline,
                                           cluster=None if other == local else other)
            named = attempted_systems(output)
            system = named[0] if named else None
            if system is None:
                now = read_states_by_cluster(runner, group, local).get(cluster, {})
                moving = [s for s, st in sorted(now.items()) if is_up(st)]
                if not moving:
                    raise PlanError('service group %s went online nowhere in cluster %s (states there: %s)'
                                    % (group, cluster, ', '.join('%s %s' % item for item in sorted(now.items()))))
                system = moving[0]
        wait_for_state(runner, group, state, system, deadline, cluster=None if cluster == local else cluster)
        done.append({'state': state, 'system': system, 'cluster': cluster})
    return done
