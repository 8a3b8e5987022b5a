# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""The steps of a business service (VBS) wave on one cluster: read once, act, wait in parallel.

A step is ``{'group', 'action': 'online'|'offline', 'timeout'}``. Every group is read with one
``hagrp -display -attribute ...``. A group offline everywhere is brought online with
``hagrp -online <group> -any``, so VCS itself picks the system (its AutoStartList, its SystemList
priorities, where its own dependencies are met); one ``hagrp -state`` afterwards tells where it
went. A group partly online is completed where it is, and offline is taken everywhere it runs, as
``vcs_group_state`` plans them. All the commands are issued, then every step waits for its own
states with the product's wait, each in its own thread, so a step's end time is when its group
got there, not when the slowest one did.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import threading
import time

from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils._runner import CommandError
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._apply import (
    Deadline, WaitFailed, wait_for_state)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._config import read_listing
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._parse import (
    attempted_systems, parse_dep, parse_state_table)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._read import read_system_states
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._state_plan import (
    is_faulted, is_online, is_starting, is_up, plan_group_state)

ACTIONS = ('online', 'offline')
READ_DEPENDENCIES = ['hagrp', '-dep']
READ_STATES = ['hagrp', '-state']


def summary_state(states):
    """One state for a group from its state on each system.

    PARTIAL while anything is partial or moving; ONLINE when it runs somewhere (a fault
    left on another system was handled by VCS failing it over); FAULTED when it runs
    nowhere and faulted somewhere; OFFLINE otherwise; None without any state.
    """
    values = [value for value in (states or {}).values() if value]
    if not values:
        return None
    flags = set()
    for value in values:
        flags.update(value.split('|'))
    if flags & set(['PARTIAL', 'STARTING', 'STOPPING']):
        return 'PARTIAL'
    if 'ONLINE' in flags:
        return 'ONLINE'
    if 'FAULTED' in flags:
        return 'FAULTED'
    return 'OFFLINE'


def read_dependencies(runner, names):
    """The cluster's own group links between the named groups: [{parent, child, category, location, rigidity}]."""
    names = set(names)
    return [link for link in parse_dep(read_listing(runner, READ_DEPENDENCIES))
            if link['parent'] in names and link['child'] in names]


def group_facts(view):
    return {'states': dict(view['states']), 'state': summary_state(view['states']),
            'frozen': view['frozen'] or view['tfrozen'], 'parallel': view['parallel']}


class StepRun(object):
    """One step: its plan, the commands it ran, how long it took, how it ended."""

    def __init__(self, step):
        self.group = step['group']
        self.action = step['action']
        self.timeout = step['timeout']
        self.operations = []
        self.waits = []
        self.before = {}
        self.after = None
        self.status = 'planned'
        self.message = ''
        self.started = None
        self.ended = None
        self.deadline = None
        self.targets = []

    def plan(self, view, running, clear_faults):
        if view is None:
            raise PlanError('service group %s does not exist in this cluster' % self.group)
        self.before = dict(view['states'])
        if self.action == 'online' and not any(is_up(state) for state in view['states'].values()):
            self._plan_any(view, clear_faults)
            return
        plan = plan_group_state(view, {'state': self.action, 'system': None, 'persistent': False}, running)
        self.operations.extend(plan.operations)
        self.waits = list(plan.waits)
        self.after = plan.after['states']
        if not self.operations and not self.waits:
            self.status = 'unchanged'

    def _plan_any(self, view, clear_faults):
        if view['frozen'] or view['tfrozen']:
            raise PlanError('service group %s is frozen: VCS refuses to bring a frozen group online; unfreeze it '
                            'first (continuum.infoscale.vcs_group_state state=unfrozen)' % self.group)
        if any(is_faulted(state) for state in view['states'].values()):
            if not clear_faults:
                raise PlanError('service group %s is not running and has a fault to clear (%s); clear it first, '
                                'or let the step do it (clear_faults)' % (self.group, self._seen(view)))
            self.operations.append(['hagrp', '-clear', self.group])
        self.operations.append(['hagrp', '-online', self.group, '-any'])
        self.waits = None

    def place(self, states):
        """After ``hagrp -online -any``: wait where VCS put the group (``states``: {system: state})."""
        self.waits = [('ONLINE', system) for system, state in sorted(states.items())
                      if is_starting(state) or is_online(state) or 'PARTIAL' in state.split('|')]
        self.after = dict(self.before)
        self.after.update(states)
        self.after.update((system, 'ONLINE') for _state, system in self.waits)
        if not self.waits:
            self.fail('service group %s went online nowhere after hagrp -online -any (states: %s)'
                      % (self.group, ', '.join('%s on %s' % (v, k) for k, v in sorted(states.items())) or 'none'), states)

    @staticmethod
    def _seen(view):
        return ', '.join('%s on %s' % (state, system) for system, state in sorted(view['states'].items()))

    def fail(self, message, states=None):
        self.status = 'failed'
        self.message = message
        self.after = dict(states or {})

    def record(self):
        duration = None
        if self.started is not None and self.ended is not None:
            duration = round(self.ended - self.started, 3)
        return {'group': self.group, 'action': self.action, 'status': self.status, 'message': self.message,
                'systems': sorted(set(system for _state, system in self.waits or [])),
                'commands': [list(argv) for argv in self.operations],
                'started': self.started, 'ended': self.ended, 'duration': duration,
                'states': dict(self.after or {}), 'state': summary_state(self.after)}


def _wait(runner, run, clock):
    try:
        for state, system in run.waits:
            wait_for_state(runner, run.group, state, system, run.deadline)
        run.status = 'done'
    except WaitFailed as exc:
        run.fail(str(exc), exc.states)
    except Exception as exc:  # pylint: disable=broad-except
        # a thread must not die silently: the step would look as if it never ended
        run.fail(str(exc))
    run.ended = clock()


def _targets(run, output):
    """Systems named by ``hagrp -online -any`` for this run's group."""
    run.targets.extend(system for system in attempted_systems(output) if system not in run.targets)


def _place(runner, runs, clock):
    named = [run for run in runs if run.targets]
    for run in named:
        run.place(dict((system, 'STARTING') for system in run.targets))
    runs = [run for run in runs if not run.targets]
    if not runs:
        return
    try:
        rows = parse_state_table(runner.read(READ_STATES)[1])
    except CommandError as exc:
        for run in runs:
            run.fail(str(exc))
            run.ended = clock()
        return
    states = {}
    for row in rows:
        if row.get('group') and row.get('system'):
            states.setdefault(row['group'], {})[row['system']] = row['state']
    for run in runs:
        run.place(states.get(run.group, {}))
        if run.status == 'failed':
            run.ended = clock()


def run_steps(runner, steps, views, check_mode, clear_faults=True, clock=time.time):
    """Plan, start and wait for the steps; returns their StepRun objects in step order."""
    runs = [StepRun(step) for step in steps]
    systems = {}

    def running():
        if 'states' not in systems:
            systems['states'] = read_system_states(runner)
        return systems['states']

    for run in runs:
        try:
            run.plan(views.get(run.group), running, clear_faults)
        except (PlanError, CommandError) as exc:
            run.operations = []
            run.fail(str(exc))
    waiting = []
    for run in runs:
        if run.status != 'planned':
            continue
        if check_mode:
            continue
        run.started = clock()
        run.deadline = Deadline(run.timeout, clock=clock)
        ran = len(runner.executed)
        try:
            for argv in run.operations:
                answer = runner.change(argv)
                if argv[-1] == '-any':
                    _targets(run, '\n'.join(answer[1:]))
        except CommandError as exc:
            run.operations = runner.executed[ran:] + [exc.argv]
            run.fail(str(exc), run.before)
            run.ended = clock()
            continue
        waiting.append(run)
    unplaced = [run for run in waiting if run.waits is None]
    if unplaced:
        _place(runner, unplaced, clock)
        waiting = [run for run in waiting if run.status == 'planned']
    threads = [threading.Thread(target=_wait, args=(runner, run, clock)) for run in waiting]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return runs
