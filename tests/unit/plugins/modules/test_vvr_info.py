"""vvr_info: exact argv, and the per-secondary view built from real vradmin and vxrlink output."""
from pathlib import Path

from ansible_collections.continuum.infoscale.plugins.modules import vvr_info

from .module_cases import run_case

SAMPLES = Path(__file__).resolve().parents[3] / 'samples'
REPSTATUS = (SAMPLES / 'vradmin_repstatus_1.txt').read_text()
REPSTATUS_CMD = ['vradmin', '-g', 'apache', '-l', 'repstatus', 'apache_rvg']
LINK_CMD = ['vxrlink', '-g', 'apache', 'status', 'to_node06']
BEHIND = ("VxVM VVR vxrlink INFO V-5-1-4640 Rlink to_node06 has 210 outstanding writes, occupying 51200 Kbytes (2%) "
          "on the SRL\n")


def test_reads_repstatus_then_each_link(monkeypatch):
    case = {'args': {'diskgroup': 'apache', 'rvg': 'apache_rvg'},
            'calls': [{'argv': REPSTATUS_CMD, 'out': REPSTATUS}, {'argv': LINK_CMD, 'out': BEHIND}]}
    result = run_case(vvr_info.main, case, monkeypatch)
    assert result['changed'] is False and result['rds'] == 'apache_rvg'
    assert result['primary'] == {'host': 'node05-rep', 'rvg': 'apache_rvg', 'dg': 'apache', 'rvg_state': 'enabled for I/O',
                                 'data_volumes': 9, 'srl': 'srl', 'srl_size_bytes': int(278.38 * 1024 ** 3)}
    assert result['secondaries'] == [{
        'host': 'node06-rep', 'rlink': 'to_node06', 'data_status': 'consistent, up-to-date',
        'replication_status': 'replicating (connected)', 'mode': 'asynchronous', 'configured_mode': 'asynchronous',
        'up_to_date': True, 'consistent': True, 'replicating': True, 'lag_seconds': 0, 'lag_bytes': 51200 * 1024,
        'srl_percent': 2, 'logging_to': 'SRL'}]


def test_an_up_to_date_link_has_no_lag_and_links_can_be_skipped(monkeypatch):
    up = {'argv': LINK_CMD, 'out': 'VxVM VVR vxrlink INFO V-5-1-4467 Rlink to_node06 is up to date\n'}
    result = run_case(vvr_info.main, {'args': {'diskgroup': 'apache', 'rvg': 'apache_rvg'},
                                      'calls': [{'argv': REPSTATUS_CMD, 'out': REPSTATUS}, up]}, monkeypatch)
    assert (result['secondaries'][0]['lag_bytes'], result['secondaries'][0]['srl_percent']) == (0, 0)
    result = run_case(vvr_info.main, {'args': {'diskgroup': 'apache', 'rvg': 'apache_rvg', 'links': False},
                                      'calls': [{'argv': REPSTATUS_CMD, 'out': REPSTATUS}]}, monkeypatch)
    assert (result['secondaries'][0]['lag_bytes'], result['secondaries'][0]['srl_percent']) == (None, None)


def test_a_link_not_readable_here_is_a_warning_not_a_failure(monkeypatch):
    refused = {'argv': LINK_CMD, 'rc': 1, 'err': 'VxVM VVR vxrlink ERROR V-5-1-3236 rlink to_node06 not found\n'}
    result = run_case(vvr_info.main, {'args': {'diskgroup': 'apache', 'rvg': 'apache_rvg'},
                                      'calls': [{'argv': REPSTATUS_CMD, 'out': REPSTATUS}, refused]}, monkeypatch)
    assert result['failed'] is False and result['secondaries'][0]['lag_bytes'] is None
    assert any('run on the Primary' in w for w in result['warnings'])


def test_an_unknown_rvg_fails_with_the_products_message(monkeypatch):
    err = 'VxVM VVR vradmin ERROR V-5-52-502 RVG nosuch not found in disk group apache.\n'
    result = run_case(vvr_info.main, {'args': {'diskgroup': 'apache', 'rvg': 'nosuch'},
                                      'calls': [{'argv': ['vradmin', '-g', 'apache', '-l', 'repstatus', 'nosuch'],
                                                 'rc': 1, 'err': err}],
                                      'expect': {'failed': True}}, monkeypatch)
    assert result['failed'] and result['vcode'] == 'V-5-52-502' and 'nosuch not found' in result['msg']


def test_bad_names_are_refused_before_any_command(monkeypatch):
    result = run_case(vvr_info.main, {'args': {'diskgroup': '-x', 'rvg': 'a b'}, 'calls': [],
                                      'expect': {'failed': True}}, monkeypatch)
    assert result['failed'] and 'disk group' in result['msg'] and 'RVG' in result['msg']
