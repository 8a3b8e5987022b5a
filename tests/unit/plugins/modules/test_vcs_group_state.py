from pathlib import Path

from ansible_collections.continuum.infoscale.plugins.modules import vcs_group_state

from .module_cases import load_cases
from .vcs_cases import run_vcs_case


@load_cases(Path(__file__).with_suffix('.yaml'))
def test_vcs_group_state(case, monkeypatch, tmp_path):
    run_vcs_case(vcs_group_state.main, case, monkeypatch, tmp_path)
