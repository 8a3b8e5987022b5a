"""The steps of a business service wave on one cluster (vbs/_steps.py) with a fake runner and a fake clock.

The fake runner records every argv and answers per argv; the fake clock gives each wait thread its
own time, so the start, end and duration of every step are exact even though the waits run in
threads. Commands run by the main thread are asserted in order; those run by the wait threads
(whose interleaving is not fixed) are asserted as a sorted list.
"""

import threading

import pytest

from ansible_collections.continuum.infoscale.plugins.module_utils._runner import CommandError
from ansible_collections.continuum.infoscale.plugins.module_utils.vbs._steps import (
    StepRun, read_dependencies, run_steps, summary_state)
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._read import read_views

DISPLAY = """\
#Group       Attribute             System     Value
app_sg       AutoStartList         global     prod-n2
app_sg       Frozen                global     0
app_sg       Parallel              global     0
app_sg       State                 prod-n1    |OFFLINE|
app_sg       State                 prod-n2    |OFFLINE|
app_sg       SystemList            global     prod-n1\t1\tprod-n2\t0
app_sg       TFrozen               global     0
db_sg        AutoStartList         global     prod-n1
db_sg        Frozen                global     0
db_sg        Parallel              global     0
db_sg        State                 prod-n1    |OFFLINE|
db_sg        State                 prod-n2    |OFFLINE|
db_sg        SystemList            global     prod-n1\t0\tprod-n2\t1
db_sg        TFrozen               global     0
old_sg       AutoStartList         global     prod-n1
old_sg       Frozen                global     0
old_sg       Parallel              global     0
old_sg       State                 prod-n1    |OFFLINE|FAULTED|
old_sg       State                 prod-n2    |OFFLINE|
old_sg       SystemList            global     prod-n1\t0\tprod-n2\t1
old_sg       TFrozen               global     0
rep_sg       AutoStartList         global     prod-n1
rep_sg       Frozen                global     0
rep_sg       Parallel              global     0
rep_sg       State                 prod-n1    |OFFLINE|
rep_sg       State                 prod-n2    |ONLINE|
rep_sg       SystemList            global     prod-n1\t0\tprod-n2\t1
rep_sg       TFrozen               global     1
web_sg       AutoStartList         global     prod-n1\tprod-n2
web_sg       Frozen                global     0
web_sg       Parallel              global     1
web_sg       State                 prod-n1    |ONLINE|
web_sg       State                 prod-n2    |OFFLINE|
web_sg       SystemList            global     prod-n1\t0\tprod-n2\t1
web_sg       TFrozen               global     0
"""

READ_GROUPS = ('hagrp', '-display', '-attribute', 'State', 'Frozen', 'TFrozen', 'SystemList', 'Parallel',
               'AutoStartList')
STATE_ALL = ('hagrp', '-state')
SYS_STATE = ('hasys', '-state')
RUNNING_BOTH = """\
#System    Attribute          Value
prod-n1    SysState           RUNNING
prod-n2    SysState           RUNNING
"""
REFUSED = 'VCS WARNING V-16-1-10165 Group db_sg is not offline elsewhere\n'


def state_table(rows):
    """``hagrp -state`` output for [(group, system, state)]."""
    lines = ['#Group       Attribute             System     Value']
    lines += ['%-12s State                 %-10s |%s|' % row for row in rows]
    return '\n'.join(lines) + '\n'


class FakeClock:
    """The main thread's time moves only when the runner says so; each other thread starts at
    the main thread's time and then moves on its own (a wait thread's time is its own wait)."""

    def __init__(self, start=1000.0):
        self.now = start
        self.local = threading.local()

    def __call__(self):
        return getattr(self.local, 'now', self.now)

    def advance(self, seconds):
        if threading.current_thread() is threading.main_thread():
            self.now += seconds
        else:
            self.local.now = self() + seconds


class FakeRunner:
    """A Runner stand-in: records every argv (with the thread that ran it), answers per argv.

    ``answers``: {argv tuple: (rc, out, err) or a list of them, used in turn}; anything else
    succeeds with no output. ``takes``: {argv tuple: seconds the command takes on the clock}.
    ``hooks``: {argv tuple: function called while the command runs}.
    """

    def __init__(self, clock=None, answers=None, takes=None, hooks=None, check_mode=False):
        self.clock = clock or FakeClock()
        self.answers = dict(answers or {})
        self.takes = dict(takes or {})
        self.hooks = dict(hooks or {})
        self.check_mode = check_mode
        self.calls = []
        self.thread_calls = []
        self.order = []  # True for a command of the main thread, False for one of a wait thread
        self.executed = []
        self.lock = threading.Lock()

    def _run(self, argv):
        argv = [str(arg) for arg in argv]
        key = tuple(argv)
        main = threading.current_thread() is threading.main_thread()
        with self.lock:
            (self.calls if main else self.thread_calls).append(argv)
            self.order.append(main)
            answer = self.answers.get(key, (0, '', ''))
            if isinstance(answer, list):
                answer = answer.pop(0)
        if key in self.hooks:
            self.hooks[key]()
        self.clock.advance(self.takes.get(key, 0))
        rc, out, err = answer
        if rc != 0:
            raise CommandError(argv, rc, out, err)
        return rc, out, err

    def read(self, argv, ok_rcs=(0,)):
        return self._run(argv)

    def change(self, argv, ok_rcs=(0,)):
        if self.check_mode:
            return None
        result = self._run(argv)
        with self.lock:
            self.executed.append([str(arg) for arg in argv])
        return result

    def apply(self, commands):
        for argv in commands:
            self.change(argv)


def views():
    return read_views(FakeRunner(answers={READ_GROUPS: (0, DISPLAY, '')}))


def wait(group, system, state='ONLINE', seconds=10):
    return ('hagrp', '-wait', group, 'State', state, '-sys', system, '-time', str(seconds))


def step(group, action='online', timeout=300):
    return {'group': group, 'action': action, 'timeout': timeout}


def by_group(runs):
    return dict((run.group, run.record()) for run in runs)


# --------------------------------------------------------------------------- summary_state


@pytest.mark.parametrize('states, state', [
    ({'n1': 'ONLINE', 'n2': 'OFFLINE'}, 'ONLINE'),
    ({'n1': 'ONLINE', 'n2': 'OFFLINE|FAULTED'}, 'ONLINE'),
    ({'n1': 'OFFLINE|FAULTED', 'n2': 'OFFLINE'}, 'FAULTED'),
    ({'n1': 'OFFLINE|FAULTED'}, 'FAULTED'),
    ({'n1': 'STARTING|PARTIAL', 'n2': 'OFFLINE'}, 'PARTIAL'),
    ({'n1': 'STARTING'}, 'PARTIAL'),
    ({'n1': 'ONLINE|STOPPING', 'n2': 'OFFLINE'}, 'PARTIAL'),
    ({'n1': 'PARTIAL|FAULTED'}, 'PARTIAL'),
    ({'n1': 'ONLINE', 'n2': 'ONLINE'}, 'ONLINE'),
    ({'n1': 'OFFLINE', 'n2': 'OFFLINE'}, 'OFFLINE'),
    ({'n1': 'OFFLINE', 'n2': None}, 'OFFLINE'),
    ({'n1': None}, None),
    ({}, None),
    (None, None),
])
def test_summary_state(states, state):
    assert summary_state(states) == state


# --------------------------------------------------------------------------- reads


def test_read_views_reads_every_group_with_one_command():
    runner = FakeRunner(answers={READ_GROUPS: (0, DISPLAY, '')})
    found = read_views(runner)
    assert runner.calls == [list(READ_GROUPS)]
    assert sorted(found) == ['app_sg', 'db_sg', 'old_sg', 'rep_sg', 'web_sg']
    assert found['web_sg'] == {'name': 'web_sg', 'states': {'prod-n1': 'ONLINE', 'prod-n2': 'OFFLINE'},
                               'frozen': False, 'tfrozen': False, 'system_list': {'prod-n1': 0, 'prod-n2': 1},
                               'parallel': True, 'autostart_list': ['prod-n1', 'prod-n2']}
    assert found['old_sg']['states'] == {'prod-n1': 'OFFLINE|FAULTED', 'prod-n2': 'OFFLINE'}
    assert found['rep_sg']['tfrozen'] is True


def test_a_cluster_without_groups_reads_as_no_view():
    runner = FakeRunner(answers={READ_GROUPS: (1, '', 'VCS WARNING V-16-1-50031 No Groups are configured\n')})
    assert read_views(runner) == {}


def test_read_dependencies_keeps_links_between_the_named_groups():
    dep = """\
#Parent      Child      Relationship
app_sg       db_sg      online local firm
web_sg       app_sg     online global soft
web_sg       nfs_sg     offline local
"""
    runner = FakeRunner(answers={('hagrp', '-dep'): (0, dep, '')})
    assert read_dependencies(runner, ['app_sg', 'db_sg', 'web_sg']) == [
        {'parent': 'app_sg', 'child': 'db_sg', 'category': 'online', 'location': 'local', 'rigidity': 'firm'},
        {'parent': 'web_sg', 'child': 'app_sg', 'category': 'online', 'location': 'global', 'rigidity': 'soft'}]
    assert read_dependencies(runner, ['db_sg', 'web_sg']) == []
    assert runner.calls == [['hagrp', '-dep'], ['hagrp', '-dep']]


def test_no_dependency_configured_is_an_empty_list():
    runner = FakeRunner(answers={('hagrp', '-dep'): (1, '', 'VCS WARNING V-16-1-50035 No Group dependencies are configured\n')})
    assert read_dependencies(runner, ['db_sg']) == []


# --------------------------------------------------------------------------- place


def placed(states, group='db_sg'):
    run = StepRun(step(group))
    run._plan_any(views()[group], True)
    run.place(states)
    return run


@pytest.mark.parametrize('states, waits, after', [
    ({'prod-n1': 'STARTING|PARTIAL', 'prod-n2': 'OFFLINE'}, [('ONLINE', 'prod-n1')],
     {'prod-n1': 'ONLINE', 'prod-n2': 'OFFLINE'}),
    ({'prod-n1': 'OFFLINE', 'prod-n2': 'PARTIAL'}, [('ONLINE', 'prod-n2')],
     {'prod-n1': 'OFFLINE', 'prod-n2': 'ONLINE'}),
    ({'prod-n1': 'OFFLINE|FAULTED', 'prod-n2': 'ONLINE'}, [('ONLINE', 'prod-n2')],
     {'prod-n1': 'OFFLINE|FAULTED', 'prod-n2': 'ONLINE'}),
    ({'prod-n1': 'STARTING', 'prod-n2': 'STARTING|PARTIAL'}, [('ONLINE', 'prod-n1'), ('ONLINE', 'prod-n2')],
     {'prod-n1': 'ONLINE', 'prod-n2': 'ONLINE'}),
])
def test_place_waits_where_vcs_put_the_group(states, waits, after):
    run = placed(states)
    assert run.status == 'planned'
    assert run.message == ''
    assert run.waits == waits
    assert run.after == after
    assert run.record()['systems'] == sorted(system for _state, system in waits)


@pytest.mark.parametrize('states, seen', [
    ({'prod-n1': 'OFFLINE', 'prod-n2': 'OFFLINE|FAULTED'}, 'OFFLINE on prod-n1, OFFLINE|FAULTED on prod-n2'),
    ({'prod-n1': 'ONLINE|STOPPING'}, 'ONLINE|STOPPING on prod-n1'),
    ({}, 'none'),
])
def test_place_nowhere_fails_with_the_states(states, seen):
    run = placed(states)
    assert run.status == 'failed'
    assert run.message == 'service group db_sg went online nowhere after hagrp -online -any (states: %s)' % seen
    assert run.waits == []
    assert run.after == states
    assert run.record()['state'] == summary_state(states)


# --------------------------------------------------------------------------- run_steps


def test_two_groups_go_online_any_then_each_waits_where_it_went():
    clock = FakeClock(1000.0)
    runner = FakeRunner(clock, answers={
        STATE_ALL: (0, state_table([('app_sg', 'prod-n1', 'OFFLINE'), ('app_sg', 'prod-n2', 'ONLINE'),
                                    ('db_sg', 'prod-n1', 'STARTING|PARTIAL'), ('db_sg', 'prod-n2', 'OFFLINE'),
                                    ('web_sg', 'prod-n1', 'ONLINE'), ('web_sg', 'prod-n2', 'OFFLINE')]), ''),
    }, takes={
        ('hagrp', '-online', 'db_sg', '-any'): 2.0,
        ('hagrp', '-online', 'app_sg', '-any'): 1.0,
        STATE_ALL: 0.5,
        wait('db_sg', 'prod-n1'): 10.25,
        wait('app_sg', 'prod-n2'): 26.5,
    })
    runs = run_steps(runner, [step('db_sg'), step('app_sg', timeout=120)], views(), False, clock=clock)
    assert [run.group for run in runs] == ['db_sg', 'app_sg']
    # every command is issued, then where the groups went is read once, then the waits
    assert runner.calls == [['hagrp', '-online', 'db_sg', '-any'], ['hagrp', '-online', 'app_sg', '-any'],
                            ['hagrp', '-state']]
    assert sorted(runner.thread_calls) == sorted([list(wait('db_sg', 'prod-n1')), list(wait('app_sg', 'prod-n2'))])
    assert runner.order == [True, True, True, False, False]
    records = by_group(runs)
    assert records['db_sg'] == {
        'group': 'db_sg', 'action': 'online', 'status': 'done', 'message': '', 'systems': ['prod-n1'],
        'commands': [['hagrp', '-online', 'db_sg', '-any']],
        'started': 1000.0, 'ended': 1013.75, 'duration': 13.75,
        'states': {'prod-n1': 'ONLINE', 'prod-n2': 'OFFLINE'}, 'state': 'ONLINE'}
    assert records['app_sg'] == {
        'group': 'app_sg', 'action': 'online', 'status': 'done', 'message': '', 'systems': ['prod-n2'],
        'commands': [['hagrp', '-online', 'app_sg', '-any']],
        'started': 1002.0, 'ended': 1030.0, 'duration': 28.0,
        'states': {'prod-n1': 'OFFLINE', 'prod-n2': 'ONLINE'}, 'state': 'ONLINE'}


def test_the_waits_run_at_the_same_time():
    # each wait returns only once the other one has started: waits one after the other never meet
    barrier = threading.Barrier(2, timeout=5)
    runner = FakeRunner(answers={
        STATE_ALL: (0, state_table([('app_sg', 'prod-n2', 'STARTING|PARTIAL'), ('db_sg', 'prod-n1', 'STARTING')]), ''),
    }, hooks={wait('db_sg', 'prod-n1'): barrier.wait, wait('app_sg', 'prod-n2'): barrier.wait})
    runs = run_steps(runner, [step('db_sg'), step('app_sg')], views(), False, clock=runner.clock)
    assert [run.status for run in runs] == ['done', 'done']
    assert not barrier.broken


def test_a_partial_group_is_completed_where_it_is_and_an_offline_step_takes_it_down_where_it_runs():
    found = views()
    found['db_sg']['states'] = {'prod-n1': 'PARTIAL', 'prod-n2': 'OFFLINE'}
    clock = FakeClock(50.0)
    runner = FakeRunner(clock, takes={('hagrp', '-online', 'db_sg', '-sys', 'prod-n1'): 1.5,
                                      ('hagrp', '-offline', 'rep_sg', '-sys', 'prod-n2'): 0.5,
                                      wait('db_sg', 'prod-n1'): 4.0,
                                      wait('rep_sg', 'prod-n2', 'OFFLINE'): 7.0})
    found['rep_sg']['tfrozen'] = False
    runs = run_steps(runner, [step('db_sg'), step('rep_sg', 'offline')], found, False, clock=clock)
    assert runner.calls == [['hagrp', '-online', 'db_sg', '-sys', 'prod-n1'],
                            ['hagrp', '-offline', 'rep_sg', '-sys', 'prod-n2']]
    assert sorted(runner.thread_calls) == sorted([list(wait('db_sg', 'prod-n1')),
                                                  list(wait('rep_sg', 'prod-n2', 'OFFLINE'))])
    records = by_group(runs)
    assert (records['db_sg']['status'], records['db_sg']['started'], records['db_sg']['ended'],
            records['db_sg']['duration']) == ('done', 50.0, 56.0, 6.0)
    assert records['db_sg']['states'] == {'prod-n1': 'ONLINE', 'prod-n2': 'OFFLINE'}
    assert (records['rep_sg']['status'], records['rep_sg']['started'], records['rep_sg']['ended'],
            records['rep_sg']['duration']) == ('done', 51.5, 59.0, 7.5)
    assert records['rep_sg']['states'] == {'prod-n1': 'OFFLINE', 'prod-n2': 'OFFLINE'}
    assert records['rep_sg']['state'] == 'OFFLINE'
    assert records['rep_sg']['systems'] == ['prod-n2']


def test_a_parallel_group_reads_the_systems_once_for_every_step():
    found = views()
    found['app_sg'] = dict(found['web_sg'], name='app_sg')
    runner = FakeRunner(answers={SYS_STATE: (0, RUNNING_BOTH, '')})
    runs = run_steps(runner, [step('web_sg'), step('app_sg')], found, False, clock=runner.clock)
    assert runner.calls == [['hasys', '-state'], ['hagrp', '-online', 'web_sg', '-sys', 'prod-n2'],
                            ['hagrp', '-online', 'app_sg', '-sys', 'prod-n2']]
    assert [run.status for run in runs] == ['done', 'done']
    assert runs[0].record()['states'] == {'prod-n1': 'ONLINE', 'prod-n2': 'ONLINE'}


def test_steps_already_there_run_nothing():
    found = views()
    runner = FakeRunner()
    runs = run_steps(runner, [step('web_sg', 'offline'), step('db_sg', 'offline')], found, False, clock=runner.clock)
    found['web_sg']['states'] = {'prod-n1': 'OFFLINE', 'prod-n2': 'OFFLINE'}
    runs += run_steps(runner, [step('web_sg', 'offline'), step('rep_sg', 'online')], found, True, clock=runner.clock)
    assert runner.calls == [['hagrp', '-offline', 'web_sg', '-sys', 'prod-n1']]
    assert [run.status for run in runs] == ['done', 'unchanged', 'unchanged', 'unchanged']
    assert runs[1].record() == {
        'group': 'db_sg', 'action': 'offline', 'status': 'unchanged', 'message': '', 'systems': [], 'commands': [],
        'started': None, 'ended': None, 'duration': None,
        'states': {'prod-n1': 'OFFLINE', 'prod-n2': 'OFFLINE'}, 'state': 'OFFLINE'}
    # a frozen group already where it is asked to be is fine
    assert runs[3].record()['state'] == 'ONLINE'


def test_steps_that_cannot_start_fail_without_a_command():
    runner = FakeRunner()
    found = views()
    found['app_sg']['frozen'] = True
    runs = run_steps(runner, [step('nosuch_sg'), step('app_sg'), step('old_sg'), step('rep_sg', 'offline')],
                     found, False, clear_faults=False, clock=runner.clock)
    assert runner.calls == []
    assert runner.thread_calls == []
    records = by_group(runs)
    assert [r['status'] for r in records.values()] == ['failed'] * 4
    assert records['nosuch_sg']['message'] == 'service group nosuch_sg does not exist in this cluster'
    assert records['app_sg']['message'] == (
        'service group app_sg is frozen: VCS refuses to bring a frozen group online; unfreeze it first '
        '(continuum.infoscale.vcs_group_state state=unfrozen)')
    assert records['old_sg']['message'] == (
        'service group old_sg is not running and has a fault to clear (OFFLINE|FAULTED on prod-n1, OFFLINE on '
        'prod-n2); clear it first, or let the step do it (clear_faults)')
    assert records['rep_sg']['message'] == (
        'service group rep_sg is temporarily frozen: VCS refuses to offline a frozen group; unfreeze it first '
        '(continuum.infoscale.vcs_group_state state=unfrozen)')
    for record in records.values():
        assert (record['commands'], record['started'], record['ended'], record['duration'], record['states'],
                record['state'], record['systems']) == ([], None, None, None, {}, None, [])


def test_a_faulted_group_is_cleared_before_it_goes_online():
    runner = FakeRunner(answers={STATE_ALL: (0, state_table([('old_sg', 'prod-n1', 'STARTING|PARTIAL'),
                                                             ('old_sg', 'prod-n2', 'OFFLINE')]), '')})
    runs = run_steps(runner, [step('old_sg')], views(), False, clock=runner.clock)
    assert runner.calls == [['hagrp', '-clear', 'old_sg'], ['hagrp', '-online', 'old_sg', '-any'], ['hagrp', '-state']]
    assert runner.thread_calls == [list(wait('old_sg', 'prod-n1'))]
    record = runs[0].record()
    assert (record['status'], record['commands'], record['states']) == (
        'done', [['hagrp', '-clear', 'old_sg'], ['hagrp', '-online', 'old_sg', '-any']],
        {'prod-n1': 'ONLINE', 'prod-n2': 'OFFLINE'})


def test_check_mode_plans_and_runs_nothing():
    clock = FakeClock(7.0)
    runner = FakeRunner(clock, check_mode=True)
    found = views()
    found['rep_sg']['tfrozen'] = False
    runs = run_steps(runner, [step('db_sg'), step('old_sg'), step('rep_sg', 'offline')], found, True, clock=clock)
    assert runner.calls == []
    assert runner.thread_calls == []
    records = by_group(runs)
    assert records['db_sg'] == {
        'group': 'db_sg', 'action': 'online', 'status': 'planned', 'message': '', 'systems': [],
        'commands': [['hagrp', '-online', 'db_sg', '-any']], 'started': None, 'ended': None, 'duration': None,
        'states': {}, 'state': None}
    assert records['old_sg']['commands'] == [['hagrp', '-clear', 'old_sg'], ['hagrp', '-online', 'old_sg', '-any']]
    assert records['rep_sg'] == {
        'group': 'rep_sg', 'action': 'offline', 'status': 'planned', 'message': '', 'systems': ['prod-n2'],
        'commands': [['hagrp', '-offline', 'rep_sg', '-sys', 'prod-n2']], 'started': None, 'ended': None,
        'duration': None, 'states': {'prod-n1': 'OFFLINE', 'prod-n2': 'OFFLINE'}, 'state': 'OFFLINE'}


def test_a_refused_command_fails_its_step_and_the_others_still_run():
    clock = FakeClock(100.0)
    runner = FakeRunner(clock, answers={
        ('hagrp', '-online', 'db_sg', '-any'): (1, '', REFUSED),
        STATE_ALL: (0, state_table([('app_sg', 'prod-n2', 'STARTING|PARTIAL')]), ''),
    }, takes={('hagrp', '-clear', 'old_sg'): 1.0, ('hagrp', '-online', 'old_sg', '-any'): 2.0,
              ('hagrp', '-online', 'app_sg', '-any'): 3.0, wait('app_sg', 'prod-n2'): 5.0})
    runs = run_steps(runner, [step('old_sg'), step('db_sg'), step('app_sg')], views(), False, clock=clock)
    assert runner.calls == [['hagrp', '-clear', 'old_sg'], ['hagrp', '-online', 'old_sg', '-any'],
                            ['hagrp', '-online', 'db_sg', '-any'], ['hagrp', '-online', 'app_sg', '-any'],
                            ['hagrp', '-state']]
    assert runner.thread_calls == [list(wait('app_sg', 'prod-n2'))]
    records = by_group(runs)
    assert records['db_sg'] == {
        'group': 'db_sg', 'action': 'online', 'status': 'failed',
        'message': 'hagrp -online db_sg -any failed (rc=1): VCS WARNING V-16-1-10165 Group db_sg is not offline elsewhere',
        'systems': [], 'commands': [['hagrp', '-online', 'db_sg', '-any']],
        'started': 103.0, 'ended': 103.0, 'duration': 0.0,
        'states': {'prod-n1': 'OFFLINE', 'prod-n2': 'OFFLINE'}, 'state': 'OFFLINE'}
    # old_sg is nowhere in the table read after the commands
    assert records['old_sg']['status'] == 'failed'
    assert records['old_sg']['message'] == 'service group old_sg went online nowhere after hagrp -online -any (states: none)'
    assert (records['old_sg']['started'], records['old_sg']['ended']) == (100.0, 106.0)
    assert records['old_sg']['commands'] == [['hagrp', '-clear', 'old_sg'], ['hagrp', '-online', 'old_sg', '-any']]
    assert (records['app_sg']['status'], records['app_sg']['started'], records['app_sg']['ended']) == ('done', 103.0, 111.0)


def test_a_failure_after_the_first_command_lists_what_ran():
    runner = FakeRunner(answers={('hagrp', '-online', 'old_sg', '-any'): (1, '', REFUSED)})
    runs = run_steps(runner, [step('old_sg')], views(), False, clock=runner.clock)
    assert runner.calls == [['hagrp', '-clear', 'old_sg'], ['hagrp', '-online', 'old_sg', '-any']]
    record = runs[0].record()
    assert record['commands'] == [['hagrp', '-clear', 'old_sg'], ['hagrp', '-online', 'old_sg', '-any']]
    assert record['status'] == 'failed'
    assert record['states'] == {'prod-n1': 'OFFLINE|FAULTED', 'prod-n2': 'OFFLINE'}


def test_a_failed_first_command_stops_the_step_there():
    runner = FakeRunner(answers={('hagrp', '-clear', 'old_sg'): (1, '', 'VCS WARNING V-16-1-12130 Group old_sg does not exist\n')})
    runs = run_steps(runner, [step('old_sg')], views(), False, clock=runner.clock)
    assert runner.calls == [['hagrp', '-clear', 'old_sg']]
    record = runs[0].record()
    assert (record['status'], record['commands'], record['started'], record['ended']) == (
        'failed', [['hagrp', '-clear', 'old_sg']], 1000.0, 1000.0)
    assert record['message'] == 'hagrp -clear old_sg failed (rc=1): VCS WARNING V-16-1-12130 Group old_sg does not exist'


def test_an_unreadable_state_table_fails_every_step_waiting_for_it():
    runner = FakeRunner(answers={STATE_ALL: (1, '', 'VCS ERROR V-16-1-10600 Cannot connect to VCS engine\n')})
    found = views()
    found['rep_sg']['tfrozen'] = False
    runs = run_steps(runner, [step('db_sg'), step('app_sg'), step('rep_sg', 'offline')], found, False,
                     clock=runner.clock)
    assert runner.thread_calls == [list(wait('rep_sg', 'prod-n2', 'OFFLINE'))]
    assert [run.status for run in runs] == ['failed', 'failed', 'done']
    message = 'hagrp -state failed (rc=1): VCS ERROR V-16-1-10600 Cannot connect to VCS engine'
    assert [run.message for run in runs[:2]] == [message, message]
    assert [run.ended for run in runs[:2]] == [1000.0, 1000.0]


def test_a_group_that_faults_fails_its_step_with_what_the_wait_saw():
    clock = FakeClock(0.0)
    runner = FakeRunner(clock, answers={
        STATE_ALL: (0, state_table([('db_sg', 'prod-n1', 'STARTING|PARTIAL'), ('app_sg', 'prod-n2', 'STARTING')]), ''),
        wait('db_sg', 'prod-n1'): (1, '', 'VCS WARNING V-16-1-10805 Connection timed out\n'),
        ('hagrp', '-state', 'db_sg'): (0, state_table([('db_sg', 'prod-n1', 'OFFLINE|FAULTED'),
                                                      ('db_sg', 'prod-n2', 'OFFLINE')]), ''),
        ('hares', '-display', '-group', 'db_sg', '-attribute', 'State'): (0, """\
#Resource    Attribute             System     Value
db_dg        State                 prod-n1    ONLINE
db_dg        State                 prod-n2    OFFLINE
db_mnt       State                 prod-n1    FAULTED
db_mnt       State                 prod-n2    OFFLINE
""", ''),
    }, takes={wait('db_sg', 'prod-n1'): 10.0, wait('app_sg', 'prod-n2'): 3.0})
    runs = run_steps(runner, [step('db_sg'), step('app_sg')], views(), False, clock=clock)
    assert sorted(runner.thread_calls) == sorted([
        list(wait('db_sg', 'prod-n1')), ['hagrp', '-state', 'db_sg'],
        ['hares', '-display', '-group', 'db_sg', '-attribute', 'State'], list(wait('app_sg', 'prod-n2'))])
    records = by_group(runs)
    assert records['db_sg']['status'] == 'failed'
    assert records['db_sg']['message'] == (
        'service group db_sg did not become ONLINE on prod-n1 before the wait ended: it faulted there; last state '
        'seen: OFFLINE|FAULTED on prod-n1, OFFLINE on prod-n2; resources on prod-n1: db_mnt FAULTED (fix the cause, '
        'then clear the fault: continuum.infoscale.vcs_group_state state=cleared)')
    assert records['db_sg']['states'] == {'prod-n1': 'OFFLINE|FAULTED', 'prod-n2': 'OFFLINE'}
    assert records['db_sg']['state'] == 'FAULTED'
    assert (records['db_sg']['started'], records['db_sg']['ended'], records['db_sg']['duration']) == (0.0, 10.0, 10.0)
    assert records['app_sg']['status'] == 'done'
    assert (records['app_sg']['ended'], records['app_sg']['duration']) == (3.0, 3.0)


def test_a_wait_that_times_out_fails_with_its_budget():
    clock = FakeClock(0.0)
    runner = FakeRunner(clock, answers={
        STATE_ALL: (0, state_table([('db_sg', 'prod-n1', 'STARTING|PARTIAL')]), ''),
        wait('db_sg', 'prod-n1', seconds=5): (1, '', 'VCS WARNING V-16-1-10805 Connection timed out\n'),
        ('hagrp', '-state', 'db_sg'): (0, state_table([('db_sg', 'prod-n1', 'STARTING|PARTIAL'),
                                                      ('db_sg', 'prod-n2', 'OFFLINE')]), ''),
    }, takes={wait('db_sg', 'prod-n1', seconds=5): 5.0})
    runs = run_steps(runner, [step('db_sg', timeout=5)], views(), False, clock=clock)
    assert runner.thread_calls == [list(wait('db_sg', 'prod-n1', seconds=5)), ['hagrp', '-state', 'db_sg'],
                                   ['hares', '-display', '-group', 'db_sg', '-attribute', 'State']]
    record = runs[0].record()
    assert record['status'] == 'failed'
    assert record['message'] == ('service group db_sg did not become ONLINE on prod-n1 within 5 seconds; last state '
                                 'seen: STARTING|PARTIAL on prod-n1, OFFLINE on prod-n2')
    assert (record['states'], record['state'], record['ended']) == (
        {'prod-n1': 'STARTING|PARTIAL', 'prod-n2': 'OFFLINE'}, 'PARTIAL', 5.0)


def test_the_wait_budget_is_the_steps_timeout():
    clock = FakeClock(0.0)
    runner = FakeRunner(clock, answers={STATE_ALL: (0, state_table([('db_sg', 'prod-n1', 'STARTING')]), '')},
                        takes={wait('db_sg', 'prod-n1', seconds=7): 7.0})
    runs = run_steps(runner, [step('db_sg', timeout=7)], views(), False, clock=clock)
    assert runner.thread_calls == [list(wait('db_sg', 'prod-n1', seconds=7))]
    assert runs[0].status == 'done'


def test_the_timeout_counts_from_the_steps_first_command():
    clock = FakeClock(0.0)
    runner = FakeRunner(clock, answers={STATE_ALL: (0, state_table([('db_sg', 'prod-n1', 'STARTING')]), '')},
                        takes={('hagrp', '-online', 'db_sg', '-any'): 4.0})
    run_steps(runner, [step('db_sg', timeout=10)], views(), False, clock=clock)
    assert runner.thread_calls == [list(wait('db_sg', 'prod-n1', seconds=6))]
