# -*- coding: utf-8 -*-
# Copyright: continuum.infoscale contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Carry out VCS plans: configuration transactions and waits on group states."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import math
import time

from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils._runner import CommandError, fail_command
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._parse import parse_display
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._read import read_group_states

MAKERW = ['haconf', '-makerw']
DUMP_MAKERO = ['haconf', '-dump', '-makero']


def in_transaction(commands, opens):
    """The commands as they run: inside makerw ... dump -makero when this run opens the
    configuration (it was read-only); as they are when someone already has it open."""
    commands = [list(argv) for argv in commands]
    if commands and opens:
        return [list(MAKERW)] + commands + [list(DUMP_MAKERO)]
    return commands


def run_configuration(runner, commands, opens):
    """Run configuration commands in one transaction. When this run opened the
    configuration it is dumped and closed again whatever happens; if closing fails after
    another failure, the first failure is the one raised (with ``close_error`` set)."""
    if not commands:
        return
    if opens:
        runner.change(MAKERW)
    failure = None
    try:
        runner.apply(commands)
    except CommandError as exc:
        failure = exc
        raise
    finally:
        if opens:
            try:
                runner.change(DUMP_MAKERO)
            except CommandError as close_exc:
                if failure is None:
                    raise
                failure.close_error = str(close_exc)


class WaitFailed(Exception):
    """A group did not reach a state in time; the message says what was seen last."""

    def __init__(self, message, argv, rc, stdout, stderr, states):
        super(WaitFailed, self).__init__(message)
        self.argv, self.rc, self.stdout, self.stderr, self.states = argv, rc, stdout, stderr, states

    def result(self):
        return dict(cmd=self.argv, rc=self.rc, stdout=self.stdout, stderr=self.stderr,
                    states=self.states)


# Seconds of one product wait; a fault is noticed within one step.
WAIT_STEP = 10


class Deadline:
    """One time budget shared by every wait of a run."""

    def __init__(self, seconds, clock=time.time):
        self.clock = clock
        self.end = clock() + seconds

    def remaining(self):
        return max(1, int(math.ceil(self.end - self.clock())))


def _resource_states(runner, group, system):
    """{resource: state} on ``system`` for the group's resources; {} when it cannot be read."""
    try:
        out = runner.read(['hares', '-display', '-group', group, '-attribute', 'State'])[1]
    except CommandError:
        return {}
    states = {}
    for resource, attributes in parse_display(out).items():
        value = (attributes.get('State') or {}).get(system)
        if value is not None:
            states[resource] = value
    return states


def wait_for_state(runner, group, state, system, deadline, step=None, cluster=None):
    """``hagrp -wait <group> State <state> -sys <system> [-clus <cluster>] -time <seconds>``, in steps.

    ``cluster``: a remote cluster of a global cluster, where ``system`` is (None: this cluster).

    Never polls: each step is the product's own wait, which returns as soon as the state is
    reached. Between steps the group's state is read (``hagrp -state``), so a group that
    FAULTED on the system is reported at once instead of at the end of the budget. On a
    failure, raise WaitFailed naming the group, system, expected and last seen states and,
    for resources on that system not in the expected state, theirs.
    """
    step = step or WAIT_STEP
    seconds = deadline.remaining()
    steps = max(1, int(math.ceil(float(seconds) / step)))
    for number in range(steps):
        argv = ['hagrp', '-wait', group, 'State', state, '-sys', system] + (['-clus', cluster] if cluster else []) + [
            '-time', str(min(step, deadline.remaining()))]
        try:
            runner.read(argv)
            return
        except CommandError as exc:
            error = exc
        try:
            states = read_group_states(runner, group)
        except CommandError:
            states = {}
        if number == steps - 1 or 'FAULTED' in states.get(system, ''):
            break
    seen = ', '.join('%s on %s' % (value, name) for name, value in sorted(states.items())) or 'unknown'
    why = 'within %s seconds' % seconds if number == steps - 1 else 'before the wait ended: it faulted there'
    where = system if cluster is None else '%s in cluster %s' % (system, cluster)
    message = ('service group %s did not become %s on %s %s; last state seen: %s'
               % (group, state, where, why, seen))
    resources = _resource_states(runner, group, system) if cluster is None else {}
    wrong = sorted((name, value) for name, value in resources.items() if value.split('|')[0] != state)
    faulted = [(name, value) for name, value in wrong if 'FAULTED' in value]
    shown = faulted or wrong
    if shown:
        message += '; resources on %s: %s' % (system, ', '.join('%s %s' % item for item in shown))
    if any('FAULTED' in value for value in states.values()) or faulted:
        message += ' (fix the cause, then clear the fault: continuum.infoscale.vcs_group_state state=cleared)'
    raise WaitFailed(message, error.argv, error.rc, error.stdout, error.stderr, states)


def fail_run(module, error, commands, runner):
    """fail_json for what stopped a VCS module: the reason, the commands planned and those run."""
    if isinstance(error, PlanError):
        module.fail_json(msg=str(error), commands=[])
    if isinstance(error, WaitFailed):
        module.fail_json(msg=str(error), commands=commands, executed=runner.executed, **error.result())
    extra = dict(executed=runner.executed)
    if getattr(error, 'close_error', None):
        extra['close_error'] = error.close_error
    fail_command(module, error, commands, **extra)
