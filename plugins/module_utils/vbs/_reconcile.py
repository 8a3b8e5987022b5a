# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fault policies of a business service (VBS) applied to observed state.

Per parent -> child link: SOFT ignores the child's faults; FIRM takes the parent offline when the
child faults (the parent then counts as faulted for its own parents) and online again once the child
is back; RESTART does nothing at fault time and restarts the parent (offline, then online) once the
child is back. Only FAULTED counts as a fault: a child that is merely OFFLINE triggers nothing.

Observed state alone cannot tell a parent we took offline from one an operator stopped, nor that a
child faulted and came back between two runs, so reactions that wait for a recovery are kept in
``pending`` ({group: {'online': [children], 'restart': [children]}}): pass the ``pending`` of one
result to the next call.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.continuum.infoscale.plugins.module_utils._plan import start_waves, stop_waves
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._plan import (
    is_online, observed_state, ordering_links, state_flags)
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._schema import group_links, service_groups


def _unique(names):
    result = []
    for name in names:
        if name not in result:
            result.append(name)
    return result


def _action(group, action, policy, causes, reason):
    return {'tier': group['tier'], 'cluster': group['cluster'], 'group': group['group'], 'action': action,
            'policy': policy, 'causes': list(causes), 'reason': reason}


class _Reconciler(object):
    def __init__(self, definition, observed, pending, ordering=None):
        self.groups = service_groups(definition)
        self.order = ordering_links(definition, ordering)
        self.by_name = dict((g['group'], g) for g in self.groups)
        self.links = group_links(definition)
        self.observed = observed or {}
        self.previous = dict((name, value) for name, value in (pending or {}).items() if name in self.by_name)
        self.status = {}
        self.pending = {}
        self.holds = []
        self.recoveries = []

    def children(self, name, policy):
        return [child for parent, child, kind in self.links if parent == name and kind == policy]

    def state(self, name):
        return observed_state(self.observed, name, self.by_name[name]['tier'])

    def run(self):
        names = [g['group'] for g in self.groups]
        for wave in start_waves(names, self.order):
            for name in wave:
                self.visit(name)
        stop_rank = dict((name, rank) for rank, name in enumerate(n for wave in stop_waves(names, self.order) for n in wave))
        self.holds.sort(key=lambda action: stop_rank[action['group']])
        return self.holds + self.recoveries

    def waves(self):
        """The actions in waves that may each run in parallel: holds parents first (one wave per stop
        wave), then recoveries children first, a restart's offline before the onlines of its wave."""
        names = [g['group'] for g in self.groups]
        stop_rank = dict((name, rank) for rank, wave in enumerate(stop_waves(names, self.order)) for name in wave)
        start_rank = dict((name, rank) for rank, wave in enumerate(start_waves(names, self.order)) for name in wave)
        keyed = [((0, stop_rank[a['group']], 0), a) for a in self.holds]
        keyed += [((1, start_rank[a['group']], 1 if a['action'] == 'online' else 0), a) for a in self.recoveries]
        waves, last = [], None
        for key, action in sorted(keyed, key=lambda item: item[0]):
            if key != last:
                waves.append([])
                last = key
            waves[-1].append(action)
        return waves

    def keep(self, name, kind, causes):
        if causes:
            self.pending.setdefault(name, {})[kind] = list(causes)

    def visit(self, name):
        group = self.by_name[name]
        state = self.state(name)
        if 'FAULTED' in state_flags(state):
            self.status[name] = 'down'
            return
        before = self.previous.get(name) or {}
        held_by = list(before.get('online') or [])
        down_firm = [c for c in self.children(name, 'firm') if self.status[c] == 'down']
        running = bool(state_flags(state) & set(['ONLINE', 'PARTIAL']))
        if down_firm:
            causes = _unique(down_firm + [c for c in held_by if self.status[c] != 'up'])
            if running:
                reason = 'FIRM child %s %s, so %s goes offline' % (
                    ', '.join(down_firm), 'is down' if len(down_firm) == 1 else 'are down', name)
                self.holds.append(_action(group, 'offline', 'firm', down_firm, reason))
            if running or held_by:
                self.status[name] = 'down'
                self.keep(name, 'online', causes)
            else:
                self.status[name] = 'other'
        elif held_by and not all(self.status[c] == 'up' for c in held_by):
            self.status[name] = 'down'
            self.keep(name, 'online', held_by)
        elif held_by:
            if not is_online(state):
                reason = 'FIRM child %s back online, so %s comes online again' % (', '.join(held_by), name)
                self.recoveries.append(_action(group, 'online', 'firm', held_by, reason))
            self.status[name] = 'up'
        else:
            self.status[name] = 'up' if is_online(state) else 'other'
        self.visit_restart(name, group, before, bool(held_by) and self.status[name] == 'up')

    def visit_restart(self, name, group, before, started_again):
        waiting = list(before.get('restart') or [])
        down = [c for c in self.children(name, 'restart') if self.status[c] == 'down']
        if self.status[name] == 'down':
            self.keep(name, 'restart', _unique(waiting + down))
            return
        if self.status[name] != 'up':
            return
        if down:
            self.keep(name, 'restart', _unique(waiting + down))
        elif waiting and all(self.status[c] == 'up' for c in waiting):
            if started_again:
                return
            reason = 'RESTART child %s back online, so %s restarts' % (', '.join(waiting), name)
            self.recoveries.append(_action(group, 'offline', 'restart', waiting, reason))
            self.recoveries.append(_action(group, 'online', 'restart', waiting, reason))
        else:
            self.keep(name, 'restart', waiting)


def reconcile(definition, observed, maintenance=False, pending=None, ordering=None):
    """Reactions of a valid definition's fault policies to ``observed`` {tier or group: state}.

    Returns ``{'actions': [...], 'pending': {...}, 'faulted': [groups], 'maintenance': bool, 'suspended': [...]}``;
    each action is ``{'tier', 'cluster', 'group', 'action': 'online'|'offline', 'policy', 'causes', 'reason'}``,
    in the order to run them (offline reactions parents first, then recoveries children first).
    With ``maintenance`` nothing is done: the reactions are listed under ``suspended`` and ``pending`` is kept.
    ``waves`` groups the actions for running: the actions of one wave may run in parallel.
    ``ordering``: more (parent, child) pairs that order the groups, as for the plans.
    """
    reconciler = _Reconciler(definition, observed, pending, ordering)
    actions = reconciler.run()
    faulted = [g['group'] for g in reconciler.groups if 'FAULTED' in state_flags(reconciler.state(g['group']))]
    if maintenance:
        kept = dict((name, dict(value)) for name, value in (pending or {}).items())
        return {'actions': [], 'waves': [], 'pending': kept, 'faulted': faulted, 'maintenance': True,
                'suspended': actions}
    return {'actions': actions, 'waves': reconciler.waves(), 'pending': reconciler.pending, 'faulted': faulted,
            'maintenance': False, 'suspended': []}
