from pathlib import Path

from ansible_collections.continuum.infoscale.plugins.modules import vxvm_cache

from .module_cases import load_cases, run_case


@load_cases(Path(__file__).with_suffix('.yaml'))
def test_vxvm_cache(case, monkeypatch):
    run_case(vxvm_cache.main, case, monkeypatch)
