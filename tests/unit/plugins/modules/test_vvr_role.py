"""vvr_role: exact argv of every call (the cases in test_vvr_role.yaml), and its wait after makesec."""
from pathlib import Path

import pytest
import yaml

from ansible_collections.continuum.infoscale.plugins.module_utils.vvr._parse import parse_printrvg, parse_repstatus
from ansible_collections.continuum.infoscale.plugins.modules import vvr_role
from ansible_collections.continuum.infoscale.tests.unit.sequence_runner import SequenceRunner

from .module_cases import load_cases, run_case


@load_cases(Path(__file__).with_suffix('.yaml'))
def test_vvr_role(case, monkeypatch):
    run_case(vvr_role.main, case, monkeypatch)


def test_wait_synced_polls_repstatus_until_up_to_date_or_times_out():
    cases = yaml.safe_load(Path(__file__).with_suffix('.yaml').read_text())
    outputs = cases[0]['outputs']
    resyncing = outputs['repstatus_needs_fbsync'].replace('needs failback synchronization', 'resync in progress (autosync)')
    printed = outputs['printrvg_prod_secondary']
    behind = vvr_role.rds_view(parse_printrvg(printed), parse_repstatus(resyncing))
    now = [0.0]
    naps = []

    def sleep(seconds):
        naps.append(seconds)
        now[0] += seconds

    def clock():
        return now[0]
    runner = SequenceRunner([(0, resyncing, ''), (0, outputs['repstatus_swapped'], ''), (0, printed, ''),
                             (0, outputs['repstatus_swapped'], '')])
    view = vvr_role.wait_synced(runner, 'appdg', 'app_rvg', 'prod-n1', 30, behind, sleep=sleep, clock=clock)
    assert view['secondaries'][0]['up_to_date'] and naps == [1]
    assert runner.calls[-2:] == [['vradmin', '-g', 'appdg', 'printrvg', 'app_rvg'],
                                 ['vradmin', '-g', 'appdg', '-l', 'repstatus', 'app_rvg']]
    never = SequenceRunner([(0, resyncing, '')] * 10)
    with pytest.raises(vvr_role.SyncTimeout) as caught:
        vvr_role.wait_synced(never, 'appdg', 'app_rvg', 'prod-n1', 5, behind, sleep=sleep, clock=clock)
    assert 'Timed out after 5 s waiting for prod-n1' in str(caught.value)
