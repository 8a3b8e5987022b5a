from pathlib import Path

from ansible_collections.continuum.infoscale.plugins.modules import vxvm_info

from .module_cases import load_cases, run_case

CASES = Path(__file__).with_suffix('.yaml')


@load_cases(CASES)
def test_vxvm_info(case, monkeypatch):
    run_case(vxvm_info.main, case, monkeypatch)


def test_vxvm_info_content(monkeypatch):
    case = {'id': 'content', 'args': {},
            'calls': [{'argv': ['vxdisk', '-o', 'alldgs', 'list'], 'out': {'fixture': 'vxdisk_alldgs.txt'}},
                      {'argv': ['vxprint', '-htr'], 'out': {'fixture': 'all_dbdg.txt'}}]}
    result = run_case(vxvm_info.main, case, monkeypatch)
    groups = {g['name']: g for g in result['diskgroups']}
    assert sorted(groups) == ['appdg', 'dbdg']
    assert groups['appdg']['state'] == 'deported'
    assert groups['appdg']['volumes'] == [] and groups['appdg']['size_bytes'] is None
    dbdg = groups['dbdg']
    assert dbdg['state'] == 'imported'
    assert dbdg['volumes'] == ['datavol', 'mirvol', 'stripevol']
    assert dbdg['size_bytes'] == 4 * 209649360 * 512
    used = 2097152 * 5
    assert dbdg['free_bytes'] == (4 * 209649360 - used) * 512
    volumes = {v['name']: v for v in result['volumes']}
    assert volumes['stripevol']['layout'] == 'stripe' and volumes['stripevol']['ncol'] == 2
    assert volumes['mirvol']['layout'] == 'mirror' and volumes['mirvol']['nmirror'] == 2
    assert len(result['disks']) == 8
