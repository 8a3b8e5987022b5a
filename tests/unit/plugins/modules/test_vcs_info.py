from pathlib import Path

from ansible_collections.continuum.infoscale.plugins.modules import vcs_info

from .module_cases import load_cases
from .vcs_cases import run_vcs_case

CASES = Path(__file__).with_suffix('.yaml')
READS = [{'argv': ['haclus', '-display'], 'out': {'fixture': 'vcs_haclus_display_ro.txt'}},
         {'argv': ['hastatus', '-sum'], 'out': {'fixture': 'vcs_hastatus_sum_prod.txt'}}]


@load_cases(CASES)
def test_vcs_info(case, monkeypatch, tmp_path):
    run_vcs_case(vcs_info.main, case, monkeypatch, tmp_path)


def test_every_group_with_its_configuration(monkeypatch, tmp_path):
    case = {'id': 'all', 'args': {}, 'main_cf': {'fixture': 'vcs_main_prod.cf'}, 'calls': READS}
    result = run_vcs_case(vcs_info.main, case, monkeypatch, tmp_path)
    groups = dict((g['name'], g) for g in result['groups'])
    assert sorted(groups) == ['app_sg', 'db_sg', 'web_sg']
    assert groups['app_sg']['dependencies'] == [
        {'child': 'db_sg', 'category': 'online', 'location': 'global', 'rigidity': 'soft'}]
    db = groups['db_sg']
    assert db['parallel'] is False and db['system_list'] == {'prod-n1': 0, 'prod-n2': 1}
    assert db['autostart_list'] == ['prod-n1']
    assert db['attributes']['OnlineRetryLimit'] == '2'
    assert sorted(db['resources']) == ['db_app', 'db_dg', 'db_ip', 'db_mnt', 'db_nic', 'db_vol']
    assert db['resources']['db_ip'] == {'type': 'IP', 'attributes': {
        'Device': 'eth0', 'NetMask': '255.255.255.0', 'Address': {'@prod-n1': '10.0.0.11', '@prod-n2': '10.0.0.12'}}}
    assert 'states' not in db['resources']['db_ip']
    assert db['states'] == {'prod-n1': 'ONLINE', 'prod-n2': 'OFFLINE'}
    assert result['cluster']['attributes']['WACPort'] == '14155'


def test_both_read_paths_give_the_same_group(monkeypatch, tmp_path):
    closed = run_vcs_case(vcs_info.main, {'id': 'ro', 'args': {'groups': ['db_sg']}, 'calls': READS,
                                          'main_cf': {'fixture': 'vcs_main_prod.cf'}}, monkeypatch, tmp_path / 'a')
    calls = [{'argv': ['haclus', '-display'], 'out': {'fixture': 'vcs_haclus_display_rw.txt'}}, READS[1]] + [
        {'argv': argv, 'out': {'fixture': name}} for argv, name in (
            (['hagrp', '-display'], 'vcs_hagrp_display_db_sg.txt'),
            (['hares', '-display'], 'vcs_hares_display_db_sg.txt'),
            (['hagrp', '-dep'], 'vcs_hagrp_dep_db_sg.txt'),
            (['hares', '-dep'], 'vcs_hares_dep_all.txt'))]
    opened = run_vcs_case(vcs_info.main, {'id': 'rw', 'args': {'groups': ['db_sg']}, 'calls': calls},
                          monkeypatch, tmp_path / 'b')
    assert closed['source'] == 'main.cf' and opened['source'] == 'cli'
    assert closed['groups'] == opened['groups']
    assert len(closed['groups'][0]['resources']) == 6
