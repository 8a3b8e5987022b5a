"""The operational-state planner on its own."""

import pytest

from ansible_collections.continuum.infoscale.plugins.module_utils._result import PlanError
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._parse import parse_display
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._state_plan import (
    group_view, is_up, plan_group_state)

DISPLAY = """#Group       Attribute             System     Value
sg           AutoStartList         global     n2\tn1
sg           Frozen                global     0
sg           Parallel              global     0
sg           State                 n1         |OFFLINE|
sg           State                 n2         |OFFLINE|
sg           State                 n3         |OFFLINE|
sg           SystemList            global     n1\t0\tn2\t1\tn3\t2
sg           TFrozen               global     0
"""


def view(states=None, **changes):
    result = group_view('sg', parse_display(DISPLAY))
    if states:
        result['states'].update(states)
    result.update(changes)
    return result


def never():
    raise AssertionError('system states must not be read')


def running(**states):
    return lambda: dict(dict(n1='RUNNING', n2='RUNNING', n3='RUNNING'), **states)


def plan(group, state, system=None, states=never, persistent=False):
    return plan_group_state(group, dict(state=state, system=system, persistent=persistent), states)


def test_group_view_from_display():
    assert view() == {'name': 'sg', 'states': {'n1': 'OFFLINE', 'n2': 'OFFLINE', 'n3': 'OFFLINE'},
                      'frozen': False, 'tfrozen': False, 'system_list': {'n1': 0, 'n2': 1, 'n3': 2},
                      'parallel': False, 'autostart_list': ['n2', 'n1']}
    assert group_view('other', parse_display(DISPLAY)) is None


@pytest.mark.parametrize('state, up', [('ONLINE', True), ('PARTIAL', True), ('STARTING|PARTIAL', True),
                                       ('STOPPING|PARTIAL', True), ('OFFLINE', False), ('OFFLINE|FAULTED', False),
                                       ('FAULTED', False), ('', False), (None, False)])
def test_is_up(state, up):
    assert is_up(state) is up


def test_online_on_a_system():
    result = plan(view(), 'online', 'n3')
    assert result.operations == [['hagrp', '-online', 'sg', '-sys', 'n3']]
    assert result.waits == [('ONLINE', 'n3')]
    assert result.after['states'] == {'n1': 'OFFLINE', 'n2': 'OFFLINE', 'n3': 'ONLINE'}
    assert result.before['states']['n3'] == 'OFFLINE'


def test_online_elsewhere_is_a_switch():
    result = plan(view({'n1': 'ONLINE'}), 'online', 'n2')
    assert result.operations == [['hagrp', '-switch', 'sg', '-to', 'n2']]
    assert result.after['states'] == {'n1': 'OFFLINE', 'n2': 'ONLINE', 'n3': 'OFFLINE'}


def test_a_parallel_group_is_not_switched():
    result = plan(view({'n1': 'ONLINE'}, parallel=True), 'online', 'n2')
    assert result.operations == [['hagrp', '-online', 'sg', '-sys', 'n2']]
    assert result.after['states']['n1'] == 'ONLINE'


def test_online_without_system_follows_autostart_then_priority():
    assert plan(view(), 'online', states=running()).operations == [['hagrp', '-online', 'sg', '-sys', 'n2']]
    assert plan(view(), 'online', states=running(n2='EXITED')).operations == [['hagrp', '-online', 'sg', '-sys', 'n1']]
    assert plan(view({'n1': 'OFFLINE|FAULTED'}), 'online', states=running(n2='FAULTED')).operations == [
        ['hagrp', '-online', 'sg', '-sys', 'n3']]
    assert plan(view(autostart_list=[]), 'online', states=running()).operations == [['hagrp', '-online', 'sg', '-sys', 'n1']]


def test_online_without_system_keeps_it_where_it_is():
    assert not plan(view({'n3': 'ONLINE'}), 'online').changed
    partial = plan(view({'n3': 'PARTIAL'}), 'online')
    assert partial.operations == [['hagrp', '-online', 'sg', '-sys', 'n3']]


def test_a_group_moving_elsewhere_is_not_switched():
    with pytest.raises(PlanError) as caught:
        plan(view({'n1': 'STOPPING|PARTIAL'}), 'online', 'n2')
    assert 'changing state on n1 (STOPPING|PARTIAL)' in str(caught.value)


def test_going_offline_there_is_refused_for_online():
    with pytest.raises(PlanError) as caught:
        plan(view({'n1': 'STOPPING|PARTIAL'}), 'online', 'n1')
    assert 'going offline on n1' in str(caught.value)


@pytest.mark.parametrize('flags', [dict(frozen=True), dict(tfrozen=True)])
def test_frozen_groups_do_not_move(flags):
    for state, system in (('online', 'n2'), ('offline', None)):
        with pytest.raises(PlanError) as caught:
            plan(view({'n1': 'ONLINE'}, **flags), state, system)
        assert 'frozen' in str(caught.value) and 'unfreeze it first' in str(caught.value)


def test_offline():
    result = plan(view({'n1': 'ONLINE', 'n2': 'PARTIAL', 'n3': 'STOPPING|PARTIAL'}), 'offline')
    assert result.operations == [['hagrp', '-offline', 'sg', '-sys', 'n1'], ['hagrp', '-offline', 'sg', '-sys', 'n2']]
    assert result.waits == [('OFFLINE', 'n1'), ('OFFLINE', 'n2'), ('OFFLINE', 'n3')]
    assert set(result.after['states'].values()) == set(['OFFLINE'])
    only = plan(view({'n1': 'ONLINE', 'n2': 'ONLINE'}, parallel=True), 'offline', 'n2')
    assert only.operations == [['hagrp', '-offline', 'sg', '-sys', 'n2']]


def test_freeze_and_unfreeze():
    assert plan(view(), 'frozen', persistent=True).config == [['hagrp', '-freeze', 'sg', '-persistent']]
    assert plan(view(), 'frozen').operations == [['hagrp', '-freeze', 'sg']]
    assert not plan(view(tfrozen=True), 'frozen').changed
    assert not plan(view(frozen=True), 'frozen', persistent=True).changed
    upgrade = plan(view(tfrozen=True), 'frozen', persistent=True)
    assert upgrade.config == [['hagrp', '-freeze', 'sg', '-persistent']] and upgrade.after['frozen'] is True
    both = plan(view(frozen=True, tfrozen=True), 'unfrozen')
    assert both.config == [['hagrp', '-unfreeze', 'sg', '-persistent']]
    assert both.operations == [['hagrp', '-unfreeze', 'sg']]
    assert (both.after['frozen'], both.after['tfrozen']) == (False, False)
    assert not plan(view(), 'unfrozen').changed


def test_clear():
    faulted = view({'n1': 'OFFLINE|FAULTED', 'n2': 'OFFLINE|FAULTED'})
    assert plan(faulted, 'cleared').operations == [['hagrp', '-clear', 'sg']]
    assert plan(faulted, 'cleared', 'n2').operations == [['hagrp', '-clear', 'sg', '-sys', 'n2']]
    assert not plan(faulted, 'cleared', 'n3').changed
    assert not plan(view(), 'cleared').changed


def test_a_system_outside_the_system_list():
    with pytest.raises(PlanError) as caught:
        plan(view(), 'offline', 'n9')
    assert 'system n9 is not in the SystemList of service group sg (n1, n2, n3)' in str(caught.value)
