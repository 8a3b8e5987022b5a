from ansible_collections.continuum.infoscale.plugins.module_utils.vvr import _read
from ansible_collections.continuum.infoscale.plugins.module_utils.vvr._read import backlog_kbytes, poll_rds

STATUS = '''Replicated Data Set: app_rvg
Primary:
  Host name:                  prod-n1
  RVG name:                   app_rvg
  DG name:                    appdg
Secondary:
  Host name:                  dr-n1
  Data status:                %s
  Replication status:         replicating (connected)
  Logging to:                 %s
'''


def status(kbytes):
    if kbytes:
        return STATUS % ('consistent, behind', 'SRL (%d Kbytes behind, 5 %% full)' % kbytes)
    return STATUS % ('consistent, up-to-date', 'SRL')


class Clock(object):
    def __init__(self):
        self.now = 100.0
        self.sleeps = []

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.sleeps.append(round(seconds, 3))
        self.now += seconds


def test_backlog_is_the_sum_of_the_kbytes_behind():
    assert backlog_kbytes({'secondaries': [{'logging_to': 'SRL (1024 Kbytes behind, 1 % full)'},
                                           {'logging_to': 'SRL (24 Kbytes behind, 0 % full)'}]}) == 1048
    assert backlog_kbytes({'secondaries': [{'logging_to': 'SRL'}]}) is None
    assert backlog_kbytes(None) is None


def test_the_poll_sleeps_until_the_backlog_should_be_gone(monkeypatch):
    clock = Clock()
    drained_at = 100.0 + 30.0            # 3000 Kbytes at 100 Kbytes per second

    def read(runner, dg, rvg):
        return _read.parse_repstatus(status(max(0, int(round(3000 - 100 * (clock.now - 100.0))))))

    monkeypatch.setattr(_read, 'read_rds', read)
    rds, reached = poll_rds(None, 'appdg', 'app_rvg', lambda r: backlog_kbytes(r) is None, 120,
                            sleep=clock.sleep, clock=clock)
    assert reached and rds['secondaries'][0]['data_status'] == 'consistent, up-to-date'
    assert clock.sleeps[:2] == [1, 2]
    assert drained_at <= clock.now <= drained_at + 1.0, (clock.now, clock.sleeps)


def test_without_a_backlog_it_keeps_the_doubling_intervals(monkeypatch):
    clock = Clock()
    reads = iter([status(0).replace('up-to-date', 'behind')] * 5 + [status(0)])
    monkeypatch.setattr(_read, 'read_rds', lambda runner, dg, rvg: _read.parse_repstatus(next(reads)))
    rds, reached = poll_rds(None, 'appdg', 'app_rvg', lambda r: r['secondaries'][0]['data_status'].endswith('up-to-date'),
                            120, sleep=clock.sleep, clock=clock)
    assert reached and clock.sleeps == [1, 2, 4, 8, 10]
