"""Configuration transactions and waits (vcs/_apply.py) with a scripted runner."""

import pytest

from ansible_collections.continuum.infoscale.plugins.module_utils._runner import CommandError
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._apply import (
    Deadline, WaitFailed, in_transaction, run_configuration, wait_for_state)


class ScriptedRunner:
    """Every command succeeds except those in ``fail``; reads answer from ``outputs``."""

    def __init__(self, fail=(), outputs=None):
        self.fail = [list(argv) for argv in fail]
        self.outputs = outputs or {}
        self.ran = []

    def _run(self, argv):
        self.ran.append(list(argv))
        if list(argv) in self.fail:
            raise CommandError(argv, 1, '', 'VCS WARNING V-16-1-99999 refused\n')
        return 0, self.outputs.get(tuple(argv), ''), ''

    def read(self, argv, ok_rcs=(0,)):
        return self._run(argv)

    def change(self, argv, ok_rcs=(0,)):
        return self._run(argv)

    def apply(self, commands):
        for argv in commands:
            self.change(argv)


def test_in_transaction():
    assert in_transaction([['a']], True) == [['haconf', '-makerw'], ['a'], ['haconf', '-dump', '-makero']]
    assert in_transaction([['a']], False) == [['a']]
    assert in_transaction([], True) == []


def test_the_configuration_is_closed_after_a_failure():
    runner = ScriptedRunner(fail=[['b']])
    with pytest.raises(CommandError) as caught:
        run_configuration(runner, [['a'], ['b'], ['c']], True)
    assert caught.value.argv == ['b']
    assert runner.ran == [['haconf', '-makerw'], ['a'], ['b'], ['haconf', '-dump', '-makero']]


def test_a_failed_close_after_a_failure_reports_the_first_one():
    runner = ScriptedRunner(fail=[['b'], ['haconf', '-dump', '-makero']])
    with pytest.raises(CommandError) as caught:
        run_configuration(runner, [['b']], True)
    assert caught.value.argv == ['b']
    assert 'haconf -dump -makero failed' in caught.value.close_error


def test_a_failed_close_alone_is_the_failure():
    runner = ScriptedRunner(fail=[['haconf', '-dump', '-makero']])
    with pytest.raises(CommandError) as caught:
        run_configuration(runner, [['a']], True)
    assert caught.value.argv == ['haconf', '-dump', '-makero']


def test_an_open_configuration_is_neither_opened_nor_closed():
    runner = ScriptedRunner(fail=[['b']])
    with pytest.raises(CommandError):
        run_configuration(runner, [['a'], ['b']], False)
    assert runner.ran == [['a'], ['b']]
    run_configuration(runner, [], True)
    assert runner.ran == [['a'], ['b']]


def test_deadline_is_shared():
    now = [1000.0]
    deadline = Deadline(300, clock=lambda: now[0])
    assert deadline.remaining() == 300
    now[0] += 120.5
    assert deadline.remaining() == 180
    now[0] += 500
    assert deadline.remaining() == 1


def test_a_wait_that_succeeds_reads_nothing_else():
    runner = ScriptedRunner()
    wait_for_state(runner, 'sg', 'ONLINE', 'n1', Deadline(60))
    assert runner.ran == [['hagrp', '-wait', 'sg', 'State', 'ONLINE', '-sys', 'n1', '-time', '10']]


def test_a_long_wait_goes_on_while_the_group_is_on_its_way():
    first = ['hagrp', '-wait', 'sg', 'State', 'ONLINE', '-sys', 'n1', '-time', '10']
    runner = ScriptedRunner(fail=[first], outputs={
        ('hagrp', '-state', 'sg'): '#Group Attribute System Value\nsg State n1 |STARTING|PARTIAL|\n'})
    runs = []

    def read(argv, ok_rcs=(0,)):
        runs.append(list(argv))
        if len(runs) == 1:
            raise CommandError(argv, 1, '', 'VCS WARNING V-16-1-10805 Connection timed out\n')
        return 0, runner.outputs.get(tuple(argv), ''), ''
    runner.read = read
    wait_for_state(runner, 'sg', 'ONLINE', 'n1', Deadline(60))
    assert runs == [first, ['hagrp', '-state', 'sg'], first]


def test_a_fault_ends_the_wait_at_once():
    step = ['hagrp', '-wait', 'sg', 'State', 'ONLINE', '-sys', 'n1', '-time', '10']
    runner = ScriptedRunner(fail=[step], outputs={
        ('hagrp', '-state', 'sg'): '#Group Attribute System Value\nsg State n1 |OFFLINE|FAULTED|\nsg State n2 |ONLINE|\n',
        ('hares', '-display', '-group', 'sg', '-attribute', 'State'):
            '#Resource Attribute System Value\nr1 State n1 FAULTED\n'})
    with pytest.raises(WaitFailed) as caught:
        wait_for_state(runner, 'sg', 'ONLINE', 'n1', Deadline(300))
    assert runner.ran == [step, ['hagrp', '-state', 'sg'], ['hares', '-display', '-group', 'sg', '-attribute', 'State']]
    assert str(caught.value).startswith(
        'service group sg did not become ONLINE on n1 before the wait ended: it faulted there; last state seen: '
        'OFFLINE|FAULTED on n1, ONLINE on n2; resources on n1: r1 FAULTED')


def test_a_failed_wait_says_what_it_saw():
    wait = ['hagrp', '-wait', 'sg', 'State', 'ONLINE', '-sys', 'n1', '-time', '10']
    runner = ScriptedRunner(fail=[wait], outputs={
        ('hagrp', '-state', 'sg'): '#Group Attribute System Value\nsg State n1 |PARTIAL|\nsg State n2 |OFFLINE|\n',
        ('hares', '-display', '-group', 'sg', '-attribute', 'State'):
            '#Resource Attribute System Value\nr1 State n1 ONLINE\nr2 State n1 OFFLINE\nr2 State n2 OFFLINE\n'})
    with pytest.raises(WaitFailed) as caught:
        wait_for_state(runner, 'sg', 'ONLINE', 'n1', Deadline(10))
    message = str(caught.value)
    assert message == ('service group sg did not become ONLINE on n1 within 10 seconds; last state seen: '
                       'PARTIAL on n1, OFFLINE on n2; resources on n1: r2 OFFLINE')
    assert caught.value.states == {'n1': 'PARTIAL', 'n2': 'OFFLINE'}
    assert caught.value.result()['cmd'] == wait
