from pathlib import Path

from ansible_collections.continuum.infoscale.plugins.modules import vcs_service_group

from .module_cases import load_cases
from .vcs_cases import run_vcs_case


@load_cases(Path(__file__).with_suffix('.yaml'))
def test_vcs_service_group(case, monkeypatch, tmp_path):
    run_vcs_case(vcs_service_group.main, case, monkeypatch, tmp_path)


def test_diff_has_the_group_and_its_main_cf_text(monkeypatch, tmp_path):
    case = {'id': 'diff', 'diff': True, 'check_mode': True, 'main_cf': {'fixture': 'vcs_main_prod.cf'},
            'args': {'name': 'db_sg', 'resources': [{'name': 'db_ip', 'type': 'IP', 'attributes': {'NetMask': '255.255.0.0'}}]},
            'calls': [{'argv': ['haclus', '-value', 'ReadOnly'], 'out': '1\n'}]}
    result = run_vcs_case(vcs_service_group.main, case, monkeypatch, tmp_path)
    data, text = result['diff']
    assert data['before']['name'] == data['after']['name'] == 'db_sg'
    assert data['before']['resources']['db_ip']['attributes']['NetMask'] == '255.255.255.0'
    assert data['after']['resources']['db_ip']['attributes']['NetMask'] == '255.255.0.0'
    assert data['after'] == result['group']
    assert text['before_header'] == 'main.cf group db_sg (before)'
    assert text['before'].startswith('group db_sg (\n        SystemList = { prod-n1 = 0, prod-n2 = 1 }\n')
    before_lines = set(text['before'].splitlines())
    after_lines = set(text['after'].splitlines())
    assert before_lines - after_lines == {'                NetMask = "255.255.255.0"'}
    assert after_lines - before_lines == {'                NetMask = "255.255.0.0"'}
    assert '        db_mnt requires db_vol' in after_lines


def test_diff_of_a_new_group_starts_empty(monkeypatch, tmp_path):
    case = {'id': 'diff-new', 'diff': True, 'check_mode': True, 'main_cf': {'fixture': 'vcs_main_prod.cf'},
            'args': {'name': 'x_sg', 'system_list': ['prod-n1']},
            'calls': [{'argv': ['haclus', '-value', 'ReadOnly'], 'out': '1\n'}]}
    result = run_vcs_case(vcs_service_group.main, case, monkeypatch, tmp_path)
    data, text = result['diff']
    assert data['before'] == {} and text['before'] == ''
    assert data['after'] == {'name': 'x_sg', 'attributes': {'SystemList': {'prod-n1': '0'}}, 'resources': {},
                             'resource_links': [], 'dependencies': []}
    assert 'group x_sg (\n        SystemList = { prod-n1 = 0 }\n        )' in text['after']
