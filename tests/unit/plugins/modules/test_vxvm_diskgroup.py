from pathlib import Path

from ansible_collections.continuum.infoscale.plugins.modules import vxvm_diskgroup

from .module_cases import load_cases, run_case


@load_cases(Path(__file__).with_suffix('.yaml'))
def test_vxvm_diskgroup(case, monkeypatch):
    run_case(vxvm_diskgroup.main, case, monkeypatch)
