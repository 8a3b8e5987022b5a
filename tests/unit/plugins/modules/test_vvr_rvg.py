"""vvr_rvg: exact argv of every command (YAML cases), the repstatus polling schedule, read_rds."""
from pathlib import Path

import pytest

from ansible_collections.continuum.infoscale.plugins.module_utils._runner import CommandError
from ansible_collections.continuum.infoscale.plugins.module_utils.vvr import _read
from ansible_collections.continuum.infoscale.plugins.modules import vvr_rvg
from ansible_collections.continuum.infoscale.tests.unit.sequence_runner import SequenceRunner

from .module_cases import load_cases, run_case


class FakeClock:
    """time.time and time.sleep for the waits: sleeping moves the clock, nothing really sleeps."""

    def __init__(self):
        self.now = 1000.0
        self.sleeps = []

    def time(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def clock(monkeypatch):
    fake = FakeClock()
    monkeypatch.setattr(_read.time, 'time', fake.time)
    monkeypatch.setattr(_read.time, 'sleep', fake.sleep)
    return fake


@load_cases(Path(__file__).with_suffix('.yaml'))
def test_vvr_rvg(case, monkeypatch, clock):
    result = run_case(vvr_rvg.main, case, monkeypatch)
    for key in case.get('absent', []):      # keys the result must not have
        assert key not in result, result[key]


REPSTATUS = 'Replicated Data Set: db_rvg\nPrimary:\n  Host name:    prod-n1\n  SRL name:     db_srl\n'


def test_read_rds_takes_the_unknown_rvg_answer_as_absent():
    runner = SequenceRunner([(1, '', 'VxVM VVR vradmin ERROR V-5-52-152 RVG db_rvg does not exist in disk group dbdg.\n')])
    assert _read.read_rds(runner, 'dbdg', 'db_rvg') is None
    assert runner.calls == [['vradmin', '-g', 'dbdg', '-l', 'repstatus', 'db_rvg']]
    runner = SequenceRunner([(0, REPSTATUS, '')])
    assert _read.read_rds(runner, 'dbdg', 'db_rvg')['primary']['srl'] == 'db_srl'


def test_read_rds_raises_any_other_error():
    runner = SequenceRunner([(1, '', 'VxVM VVR vradmin ERROR V-5-52-456 Disk group dbdg does not exist or is not imported.\n')])
    with pytest.raises(CommandError) as caught:
        _read.read_rds(runner, 'dbdg', 'db_rvg')
    assert caught.value.vcode == 'V-5-52-456'


def test_poll_schedule_is_1_2_4_8_then_10_seconds_up_to_the_deadline(clock):
    runner = SequenceRunner([(0, REPSTATUS, '')] * 20)
    rds, reached = _read.poll_rds(runner, 'dbdg', 'db_rvg', lambda seen: False, 40)
    assert reached is False and rds['rds'] == 'db_rvg'
    assert clock.sleeps == [1, 2, 4, 8, 10, 10, 5]
    assert len(runner.calls) == 8


def test_poll_looks_at_the_first_rds_before_reading(clock):
    runner = SequenceRunner([(0, REPSTATUS, '')])
    seen = []
    rds, reached = _read.poll_rds(runner, 'dbdg', 'db_rvg', lambda rds: seen.append(rds) or len(seen) > 1, 30,
                                  first={'rds': 'old'})
    assert reached is True and rds['rds'] == 'db_rvg' and seen[0] == {'rds': 'old'}
    assert clock.sleeps == [1] and len(runner.calls) == 1
