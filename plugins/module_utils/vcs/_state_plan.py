# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""A service group's operational state vs the state asked -> hagrp commands and waits (pure).

Group states are the values ``hagrp -state``/``-display`` print without the outer pipes:
ONLINE, OFFLINE, PARTIAL, FAULTED and their combinations (``OFFLINE|FAULTED``,
``STARTING|PARTIAL``, ``STOPPING|PARTIAL``...).
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._parse import split_value

DISPLAY_ATTRIBUTES = ['State', 'Frozen', 'TFrozen', 'SystemList', 'Parallel', 'AutoStartList']
STATES = ('online', 'offline', 'frozen', 'unfrozen', 'cleared')


def _flags(state):
    return set((state or '').split('|'))


def is_online(state):
    return _flags(state) == set(['ONLINE'])


def is_starting(state):
    return 'STARTING' in _flags(state)


def is_stopping(state):
    return 'STOPPING' in _flags(state)


def is_faulted(state):
    return 'FAULTED' in _flags(state)


def is_up(state):
    """ONLINE, PARTIAL, STARTING or STOPPING: not offline."""
    return bool(_flags(state) & set(['ONLINE', 'PARTIAL', 'STARTING', 'STOPPING']))


def group_view(name, display):
    """parse_display of ``hagrp -display <g> -attribute State Frozen TFrozen SystemList
    Parallel AutoStartList`` -> {name, states, frozen, tfrozen, system_list, parallel,
    autostart_list}; None when the output has no row for the group."""
    rows = display.get(name)
    if not rows:
        return None

    def global_value(attr, default=''):
        values = rows.get(attr) or {}
        return values.get('global', default)

    words = split_value(global_value('SystemList'))
    system_list = dict((words[i], int(words[i + 1]) if words[i + 1].isdigit() else 0)
                       for i in range(0, len(words) - 1, 2))
    states = dict((system, value.strip().strip('|'))
                  for system, value in (rows.get('State') or {}).items() if system != 'global')
    return {'name': name, 'states': states,
            'frozen': global_value('Frozen', '0') == '1',
            'tfrozen': global_value('TFrozen', '0') == '1',
            'system_list': system_list,
            'parallel': global_value('Parallel', '0') not in ('0', ''),
            'autostart_list': split_value(global_value('AutoStartList'))}


class StatePlan:
    """What to run: ``config`` commands need the configuration open (persistent freeze),
    ``operations`` do not; ``waits`` are (state, system) to wait for after them."""

    def __init__(self, config=None, operations=None, waits=None, before=None, after=None):
        self.config = config or []
        self.operations = operations or []
        self.waits = waits or []
        self.before = before
        self.after = after

    @property
    def changed(self):
        return bool(self.config or self.operations)


def _by_priority(view):
    return [system for system, _priority in sorted(view['system_list'].items(), key=lambda item: (item[1], item[0]))]


def _describe(view):
    return ', '.join('%s on %s' % (state, system) for system, state in sorted(view['states'].items())) or 'no state'


def _refuse_frozen(view, what):
    if view['frozen'] or view['tfrozen']:
        kind = 'persistently' if view['frozen'] else 'temporarily'
        raise PlanError('service group %s is %s frozen: VCS refuses to %s a frozen group; unfreeze it '
                        'first (continuum.infoscale.vcs_group_state state=unfrozen)' % (view['name'], kind, what))


def _candidates(view, running):
    """Systems to online the group on when none is given: AutoStartList order, then the rest
    of the SystemList by priority; only RUNNING systems where it is not faulted."""
    order = [s for s in view['autostart_list'] if s in view['system_list']]
    order += [s for s in _by_priority(view) if s not in order]
    return [s for s in order if running.get(s) == 'RUNNING' and not is_faulted(view['states'].get(s))]


def _online_on(view, system, operations, waits, after):
    state = view['states'].get(system)
    name = view['name']
    if is_online(state):
        return
    if is_starting(state):
        waits.append(('ONLINE', system))
        after[system] = 'ONLINE'
        return
    if is_faulted(state):
        raise PlanError('service group %s is FAULTED on %s (%s): clear the fault before bringing it '
                        'online there (state=cleared)' % (name, system, state))
    if is_stopping(state):
        raise PlanError('service group %s is going offline on %s (%s); try again when it is offline'
                        % (name, system, state))
    _refuse_frozen(view, 'online or switch')
    elsewhere = [s for s, st in sorted(view['states'].items()) if s != system and is_up(st)]
    if elsewhere and not view['parallel'] and not is_up(state):
        moving = [s for s in elsewhere if is_starting(view['states'][s]) or is_stopping(view['states'][s])]
        if moving:
            raise PlanError('service group %s is changing state on %s (%s); try again when it is stable'
                            % (name, moving[0], view['states'][moving[0]]))
        operations.append(['hagrp', '-switch', name, '-to', system])
        for other in elsewhere:
            after[other] = 'OFFLINE'
    else:
        operations.append(['hagrp', '-online', name, '-sys', system])
    waits.append(('ONLINE', system))
    after[system] = 'ONLINE'


def _online(view, system, running):
    operations, waits = [], []
    after = dict(view['states'])
    name = view['name']
    if system is not None:
        _online_on(view, system, operations, waits, after)
        return operations, waits, after
    if not view['parallel']:
        up = [s for s, st in sorted(view['states'].items()) if is_up(st)]
        if up:
            # already online (or partly) somewhere: complete it there, nothing to choose
            for current in up:
                if not is_stopping(view['states'][current]):
                    _online_on(view, current, operations, waits, after)
            return operations, waits, after
        candidates = _candidates(view, running())
        if not candidates:
            raise PlanError('service group %s cannot be brought online: none of its systems (%s) is '
                            'RUNNING without a fault for it' % (name, ', '.join(_by_priority(view)) or 'none'))
        _online_on(view, candidates[0], operations, waits, after)
        return operations, waits, after
    wanted = [s for s in view['autostart_list'] if s in view['system_list']] or _by_priority(view)
    states = running() if any(not is_online(view['states'].get(s)) for s in wanted) else {}
    for target in wanted:
        if is_online(view['states'].get(target)):
            continue
        if states.get(target) == 'RUNNING':
            _online_on(view, target, operations, waits, after)
    return operations, waits, after


def _offline(view, system):
    operations, waits = [], []
    after = dict(view['states'])
    targets = [system] if system is not None else [s for s, st in sorted(view['states'].items()) if is_up(st)]
    for target in targets:
        state = view['states'].get(target)
        if not is_up(state):
            continue
        if is_stopping(state) and not is_starting(state):
            waits.append(('OFFLINE', target))
        else:
            _refuse_frozen(view, 'offline')
            operations.append(['hagrp', '-offline', view['name'], '-sys', target])
            waits.append(('OFFLINE', target))
        after[target] = 'OFFLINE'
    return operations, waits, after


def plan_group_state(view, params, running):
    """Plan for one group. view: ``group_view``; params: state, system, persistent;
    running() -> {system: SysState} (``hasys -state``), called only when a system must be
    chosen."""
    name = view['name']
    state = params['state']
    system = params.get('system')
    if system is not None and system not in view['system_list']:
        raise PlanError('system %s is not in the SystemList of service group %s (%s)'
                        % (system, name, ', '.join(_by_priority(view)) or 'empty'))
    before = facts(view)
    plan = StatePlan(before=before)
    after_states = dict(view['states'])
    frozen, tfrozen = view['frozen'], view['tfrozen']
    if state == 'online':
        plan.operations, plan.waits, after_states = _online(view, system, running)
    elif state == 'offline':
        plan.operations, plan.waits, after_states = _offline(view, system)
    elif state == 'frozen':
        if params.get('persistent'):
            if not view['frozen']:
                plan.config.append(['hagrp', '-freeze', name, '-persistent'])
                frozen = True
        elif not (view['frozen'] or view['tfrozen']):
            plan.operations.append(['hagrp', '-freeze', name])
            tfrozen = True
    elif state == 'unfrozen':
        if view['frozen']:
            plan.config.append(['hagrp', '-unfreeze', name, '-persistent'])
            frozen = False
        if view['tfrozen']:
            plan.operations.append(['hagrp', '-unfreeze', name])
            tfrozen = False
    elif state == 'cleared':
        faulted = [s for s, st in sorted(view['states'].items()) if is_faulted(st)]
        if system is not None:
            if system in faulted:
                plan.operations.append(['hagrp', '-clear', name, '-sys', system])
                after_states[system] = 'OFFLINE'
        elif faulted:
            plan.operations.append(['hagrp', '-clear', name])
            for target in faulted:
                after_states[target] = 'OFFLINE'
    else:
        raise PlanError('state must be one of %s' % ', '.join(STATES))
    plan.after = dict(before, states=after_states, frozen=frozen, tfrozen=tfrozen)
    return plan


def facts(view):
    """The documented ``group`` return value."""
    return {'name': view['name'], 'states': dict(view['states']), 'frozen': view['frozen'],
            'tfrozen': view['tfrozen'], 'parallel': view['parallel'],
            'system_list': dict(view['system_list']), 'autostart_list': list(view['autostart_list'])}
