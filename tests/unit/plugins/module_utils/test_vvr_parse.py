"""Volume Replicator parsers (vradmin repstatus/printrvg/printvol, vxrlink status), the
predicates on a parsed Secondary, and the infoscale_parse kinds for them."""

import pytest

from ansible_collections.continuum.infoscale.plugins.filter import infoscale_parse as plugin
from ansible_collections.continuum.infoscale.plugins.module_utils.vvr._parse import (
    PRIMARY_KEYS, SECONDARY_KEYS, data_consistent, data_up_to_date, lag_seconds, parse_printrvg,
    parse_printrvg_all, parse_printvol, parse_repstatus, parse_vxrlink_status, replicating, size_bytes,
    snake_key)
from ansible_collections.continuum.infoscale.tests.unit import samples

infoscale_parse = plugin.FilterModule().filters()['infoscale_parse']

G = 1024 ** 3

REPSTATUS_1 = {
    'rds': 'apache_rvg',
    'primary': {
        'host': 'node05-rep', 'rvg': 'apache_rvg', 'dg': 'apache', 'rvg_state': 'enabled for I/O',
        'data_volumes': 9, 'vsets': 0, 'srl': 'srl', 'srl_size': '278.38 G', 'srl_size_bytes': 298908248965,
        'total_secondaries': 1},
    'secondaries': [{
        'host': 'node06-rep', 'rvg': 'apache_rvg', 'dg': 'apache', 'rlink_from_primary': 'to_node06',
        'rlink_to_primary': 'to_node05', 'configured_mode': 'asynchronous', 'latency_protection': 'override',
        'srl_protection': 'autodcm', 'data_status': 'consistent, up-to-date',
        'replication_status': 'replicating (connected)', 'current_mode': 'asynchronous', 'logging_to': 'SRL',
        'timestamp': 'behind by  0h 0m 0s', 'lag_seconds': 0, 'bandwidth_limit': 'N/A',
        'compression_mode': 'Off'}],
    'messages': [],
}

REPSTATUS_2 = {
    'rds': 'hr_rvg',
    'primary': {
        'host': 'seattle', 'rvg': 'hr_rvg', 'dg': 'hrdg', 'rvg_state': 'enabled for I/O', 'data_volumes': 2,
        'vsets': None, 'srl': 'hr_srl', 'srl_size': '4.00 GB', 'srl_size_bytes': 4 * G, 'total_secondaries': 1},
    'secondaries': [{
        'host': 'london', 'rvg': 'hr_rvg', 'dg': 'hrdg', 'rlink_from_primary': 'rlk_london_hr_rvg',
        'rlink_to_primary': 'rlk_seattle_hr_rvg', 'configured_mode': 'asynchronous', 'latency_protection': 'off',
        'srl_protection': 'autodcm', 'data_status': 'inconsistent',
        'replication_status': 'resync in progress (autosync)', 'current_mode': 'asynchronous',
        'logging_to': 'DCM (contains 169728 Kbytes) (autosync)', 'timestamp': 'N/A', 'lag_seconds': None,
        'bandwidth_limit': '30.00 Mbps', 'compression_mode': None}],
    'messages': [],
}

# Two Secondaries, one paused and logging to its DCM, pasted after a prompt, with a line
# this parser has no name for and a VxVM message.
TWO_SECONDARIES = """bash-3.2# vradmin -g hrdg -l repstatus hr_rvg
Replicated Data Set: hr_rvg
Primary:
  Host name:                  seattle
  RVG name:                   hr_rvg
  DG name:                    hrdg
  RVG state:                  enabled for I/O
  Data volumes:               4
  VSets:                      1
  SRL name:                   hr_srl
  SRL size:                   1.50 T
  Total secondaries:          2

Secondary:
  Host name:                  london
  RVG name:                   hr_rvg
  DG name:                    hrdg
  Rlink from Primary:         rlk_london_hr_rvg
  Rlink to Primary:           rlk_seattle_hr_rvg
  Configured mode:            synchronous-override
  Latency protection:         off
  SRL protection:             autodcm
  Data status:                consistent, behind
  Replication status:         replicating (connected)
  Current mode:               asynchronous
  Logging to:                 SRL (48 Kbytes behind, 0 % full)
  Timestamp Information:      behind by  0h 5m 12s
  Last Update on Primary:     Oct 10 04:32:21
  Bandwidth Limit:            N/A
  Compression Mode:           On

Secondary:
  Host name:                  newyork
  RVG name:                   hr_rvg
  DG name:                    hrdg2
  Rlink from Primary:         rlk_newyork_hr_rvg
  Rlink to Primary:           rlk_seattle_hr_rvg_ny
  Configured mode:            asynchronous
  Latency protection:         off
  SRL protection:             dcm
  Data status:                consistent, stale
  Replication status:         paused by user
  Current mode:               N/A
  Logging to:                 DCM (contains 2048 Kbytes)
  Timestamp Information:      behind by  1h 2m 3s
  Bandwidth Limit:            100.00 Mbps
  Compression Mode:           Off
VxVM VVR vradmin WARNING V-5-52-1205 Secondary newyork: replication is paused.
"""

# Without -l: no rlink, mode, protection, bandwidth or compression lines.
SHORT_FORM = """Replicated Data Set: hr_rvg
Primary:
  Host name:                  seattle
  RVG name:                   hr_rvg
  DG name:                    hrdg
  RVG state:                  enabled for I/O
  Data volumes:               4
  VSets:                      0
  SRL name:                   hr_srl
  SRL size:                   512.00 M
  Total secondaries:          1

Secondary:
  Host name:                  london
  RVG name:                   hr_rvg
  DG name:                    hrdg
  Data status:                consistent, up-to-date
  Replication status:         replicating (connected)
  Current mode:               synchronous
  Logging to:                 SRL
  Timestamp Information:      N/A
"""


# --------------------------------------------------------------------------- repstatus: samples

def test_repstatus_real_capture_every_field():
    out = samples.output('vradmin_repstatus_1.txt', 'vradmin -g apache -l repstatus apache_rvg')
    assert parse_repstatus(out) == REPSTATUS_1


def test_repstatus_doc_autosync_capture_every_field():
    assert parse_repstatus(samples.text('vradmin_repstatus_2_doc_autosync.txt')) == REPSTATUS_2


def test_repstatus_whole_capture_file_with_source_and_prompt_lines():
    raw = (samples.SAMPLES_DIR / 'vradmin_repstatus_1.txt').read_text()
    assert raw.startswith('# source:')
    assert parse_repstatus(raw) == REPSTATUS_1


def test_repstatus_predicates_on_the_captures():
    live = parse_repstatus(samples.output('vradmin_repstatus_1.txt', 'vradmin -g apache -l repstatus apache_rvg'))
    syncing = parse_repstatus(samples.text('vradmin_repstatus_2_doc_autosync.txt'))
    assert [(data_up_to_date(s), data_consistent(s), replicating(s)) for s in live['secondaries']] == [
        (True, True, True)]
    assert [(data_up_to_date(s), data_consistent(s), replicating(s)) for s in syncing['secondaries']] == [
        (False, False, False)]


# --------------------------------------------------------------------------- repstatus: variants

def test_repstatus_two_secondaries_paused_and_logging_to_dcm():
    status = parse_repstatus(TWO_SECONDARIES)
    assert status['rds'] == 'hr_rvg'
    assert status['primary'] == {
        'host': 'seattle', 'rvg': 'hr_rvg', 'dg': 'hrdg', 'rvg_state': 'enabled for I/O', 'data_volumes': 4,
        'vsets': 1, 'srl': 'hr_srl', 'srl_size': '1.50 T', 'srl_size_bytes': 1649267441664, 'total_secondaries': 2}
    assert status['secondaries'] == [
        {'host': 'london', 'rvg': 'hr_rvg', 'dg': 'hrdg', 'rlink_from_primary': 'rlk_london_hr_rvg',
         'rlink_to_primary': 'rlk_seattle_hr_rvg', 'configured_mode': 'synchronous-override',
         'latency_protection': 'off', 'srl_protection': 'autodcm', 'data_status': 'consistent, behind',
         'replication_status': 'replicating (connected)', 'current_mode': 'asynchronous',
         'logging_to': 'SRL (48 Kbytes behind, 0 % full)', 'timestamp': 'behind by  0h 5m 12s',
         'lag_seconds': 312, 'last_update_on_primary': 'Oct 10 04:32:21', 'bandwidth_limit': 'N/A',
         'compression_mode': 'On'},
        {'host': 'newyork', 'rvg': 'hr_rvg', 'dg': 'hrdg2', 'rlink_from_primary': 'rlk_newyork_hr_rvg',
         'rlink_to_primary': 'rlk_seattle_hr_rvg_ny', 'configured_mode': 'asynchronous',
         'latency_protection': 'off', 'srl_protection': 'dcm', 'data_status': 'consistent, stale',
         'replication_status': 'paused by user', 'current_mode': 'N/A',
         'logging_to': 'DCM (contains 2048 Kbytes)', 'timestamp': 'behind by  1h 2m 3s', 'lag_seconds': 3723,
         'bandwidth_limit': '100.00 Mbps', 'compression_mode': 'Off'}]
    assert status['messages'] == [
        'VxVM VVR vradmin WARNING V-5-52-1205 Secondary newyork: replication is paused.']
    assert [(data_up_to_date(s), data_consistent(s), replicating(s)) for s in status['secondaries']] == [
        (False, True, True), (False, True, False)]


def test_repstatus_without_l_has_every_key_with_none_for_absent_lines():
    status = parse_repstatus(SHORT_FORM)
    assert status['primary']['srl_size_bytes'] == 512 * 1024 ** 2
    assert status['secondaries'] == [{
        'host': 'london', 'rvg': 'hr_rvg', 'dg': 'hrdg', 'rlink_from_primary': None, 'rlink_to_primary': None,
        'configured_mode': None, 'latency_protection': None, 'srl_protection': None,
        'data_status': 'consistent, up-to-date', 'replication_status': 'replicating (connected)',
        'current_mode': 'synchronous', 'logging_to': 'SRL', 'timestamp': 'N/A', 'lag_seconds': None,
        'bandwidth_limit': None, 'compression_mode': None}]
    assert sorted(status['secondaries'][0]) == sorted(SECONDARY_KEYS)
    assert sorted(status['primary']) == sorted(PRIMARY_KEYS)


def test_repstatus_lines_keep_working_when_reindented_and_stdout_lines_are_given():
    lines = [line.strip() for line in SHORT_FORM.splitlines()]
    assert parse_repstatus(lines) == parse_repstatus(SHORT_FORM)


def test_repstatus_error_only_output_and_empty_output():
    error = 'VxVM VVR vradmin ERROR V-5-52-418 RDS hr_rvg does not exist.\n'
    assert parse_repstatus(error) == {
        'rds': None, 'primary': None, 'secondaries': [],
        'messages': ['VxVM VVR vradmin ERROR V-5-52-418 RDS hr_rvg does not exist.']}
    assert parse_repstatus('') == {'rds': None, 'primary': None, 'secondaries': [], 'messages': []}
    assert parse_repstatus(None) == {'rds': None, 'primary': None, 'secondaries': [], 'messages': []}


def test_repstatus_secondary_only_output_keeps_primary_none():
    text = ('Replicated Data Set: hr_rvg\nSecondary:\n  Host name: london\n'
            '  Data status: consistent, up-to-date\n  Replication status: stopped\n')
    status = parse_repstatus(text)
    assert status['primary'] is None
    assert [(s['host'], s['data_status'], s['replication_status'], s['rvg']) for s in status['secondaries']] == [
        ('london', 'consistent, up-to-date', 'stopped', None)]
    assert (data_up_to_date(status['secondaries'][0]), replicating(status['secondaries'][0])) == (True, False)


# --------------------------------------------------------------------------- helpers

@pytest.mark.parametrize('data_status, up_to_date, consistent', [
    ('consistent, up-to-date', True, True),
    ('consistent,up-to-date', True, True),
    ('Consistent, Up-To-Date', True, True),
    ('consistent, behind', False, True),
    ('consistent, stale', False, True),
    ('inconsistent', False, False),
    ('needs recovery', False, False),
    ('N/A', False, False),
    ('', False, False),
    (None, False, False),
])
def test_data_status_predicates(data_status, up_to_date, consistent):
    secondary = {'data_status': data_status}
    assert (data_up_to_date(secondary), data_consistent(secondary)) == (up_to_date, consistent)


@pytest.mark.parametrize('replication_status, expected', [
    ('replicating (connected)', True),
    ('replicating', True),
    ('not replicating', False),
    ('paused by user', False),
    ('paused due to error', False),
    ('paused due to network disconnection', False),
    ('resync in progress (autosync)', False),
    ('logging to DCM (needs dcm resynchronization)', False),
    ('stopped', False),
    ('needs failback synchronization', False),
    ('primary paused', False),
    (None, False),
])
def test_replicating(replication_status, expected):
    assert replicating({'replication_status': replication_status}) is expected


def test_predicates_tolerate_missing_secondary():
    assert (data_up_to_date(None), data_consistent(None), replicating(None)) == (False, False, False)
    assert (data_up_to_date({}), data_consistent({}), replicating({})) == (False, False, False)


@pytest.mark.parametrize('text, expected', [
    ('behind by  0h 0m 0s', 0),
    ('behind by  0h 5m 12s', 312),
    ('behind by 1h 2m 3s', 3723),
    ('behind by  2d 1h 0m 1s', 176401),
    ('N/A', None),
    ('', None),
    (None, None),
])
def test_lag_seconds(text, expected):
    assert lag_seconds(text) == expected


@pytest.mark.parametrize('text, expected', [
    ('278.38 G', 298908248965),
    ('4.00 GB', 4 * G),
    ('512.00 M', 512 * 1024 ** 2),
    ('1.50 T', 1649267441664),
    ('169728 Kbytes', 169728 * 1024),
    ('10K', 10240),
    ('100 B', 100),
    ('512 bytes', 512),
    ('1024', None),
    ('N/A', None),
    (None, None),
])
def test_size_bytes(text, expected):
    assert size_bytes(text) == expected


@pytest.mark.parametrize('label, key', [
    ('Host name', 'host_name'), ('HostName', 'host_name'), ('VSets', 'vsets'), ('RLinks', 'rlinks'),
    ('Secondary up-to-date as of', 'secondary_up_to_date_as_of'), ('datavol_cnt', 'datavol_cnt'),
    ('SRL size', 'srl_size'), ('Timestamp Information', 'timestamp_information'),
])
def test_snake_key(label, key):
    assert snake_key(label) == key


# --------------------------------------------------------------------------- printrvg

def test_printrvg_real_capture_every_field():
    out = samples.output('vradmin_printrvg_1.txt', 'vradmin -g apache printrvg apache_rvg')
    assert parse_printrvg(out) == {
        'rds': 'apache_rvg',
        'primary': {'host': 'node05-rep', 'rvg': 'apache_rvg', 'dg': 'apache', 'local': True},
        'secondaries': [{'host': 'node06-rep', 'rvg': 'apache_rvg', 'dg': 'apache', 'local': False}],
        'messages': [],
    }


PRINTRVG_LONG_TWO_SETS = """Replicated Data Set: hr_rvg
Primary:
        HostName: seattle       <localhost>
        RvgName: hr_rvg
        DgName: hrdg
        datavol_cnt: 4
        srl: hr_srl
        RLinks:
            name=rlk_london_hr_rvg, detached=on, synchronous=off
            name=rlk_tokyo_hr_rvg, detached=off, synchronous=override
Secondary:
        HostName: london
        RvgName: hr_rvg
        DgName: hrdg
Secondary:
        HostName: tokyo
        RvgName: hr_rvg
        DgName: hrdg
Replicated Data Set: fin_rvg
Primary:
        HostName: paris
        RvgName: fin_rvg
        DgName: findg
Secondary:
        HostName: seattle       <localhost>
        RvgName: fin_rvg
        DgName: findg
"""


def test_printrvg_long_form_and_several_sets():
    sets = parse_printrvg_all(PRINTRVG_LONG_TWO_SETS)
    assert sets == [
        {'rds': 'hr_rvg',
         'primary': {'host': 'seattle', 'rvg': 'hr_rvg', 'dg': 'hrdg', 'local': True, 'datavol_cnt': '4',
                     'srl': 'hr_srl',
                     'rlinks': [{'name': 'rlk_london_hr_rvg', 'detached': 'on', 'synchronous': 'off'},
                                {'name': 'rlk_tokyo_hr_rvg', 'detached': 'off', 'synchronous': 'override'}]},
         'secondaries': [{'host': 'london', 'rvg': 'hr_rvg', 'dg': 'hrdg', 'local': False},
                         {'host': 'tokyo', 'rvg': 'hr_rvg', 'dg': 'hrdg', 'local': False}],
         'messages': []},
        {'rds': 'fin_rvg',
         'primary': {'host': 'paris', 'rvg': 'fin_rvg', 'dg': 'findg', 'local': False},
         'secondaries': [{'host': 'seattle', 'rvg': 'fin_rvg', 'dg': 'findg', 'local': True}],
         'messages': []}]
    assert parse_printrvg(PRINTRVG_LONG_TWO_SETS) == sets[0]


def test_printrvg_empty_and_error():
    assert parse_printrvg('') == {'rds': None, 'primary': None, 'secondaries': [], 'messages': []}
    assert parse_printrvg_all('') == []
    assert parse_printrvg('VxVM VVR vradmin ERROR V-5-52-418 RDS x does not exist.') == {
        'rds': None, 'primary': None, 'secondaries': [],
        'messages': ['VxVM VVR vradmin ERROR V-5-52-418 RDS x does not exist.']}


# --------------------------------------------------------------------------- printvol

PRINTVOL_VOLUMES = [
    ('root', 1024000), ('apache-bin', 204800), ('apache-etc', 2097152), ('apache-include', 204800),
    ('apache-lib', 204800), ('apache-openssl', 204800), ('apache-share', 204800), ('apache-apache', 1024000),
    ('apache-var', 8773220352),
]


def test_printvol_real_capture_every_field():
    out = samples.output('vradmin_printvol_1.txt', 'vradmin -g apache printvol apache_rvg')
    expected_volumes = []
    for name, size in PRINTVOL_VOLUMES:
        side = {'name': name, 'size': size, 'plexes': 1, 'flags': 'DCM', 'dcm': True}
        expected_volumes.append(dict(side, secondary=dict(side), secondaries=[dict(side)]))
    assert parse_printvol(out) == {
        'rds': 'apache_rvg',
        'primary': {'host': 'node05-rep', 'dg': 'apache', 'rvg': 'apache_rvg'},
        'secondary': {'host': 'node06-rep', 'dg': 'apache', 'rvg': 'apache_rvg'},
        'secondaries': [{'host': 'node06-rep', 'dg': 'apache', 'rvg': 'apache_rvg'}],
        'volumes': expected_volumes,
        'messages': [],
    }


def test_printvol_secondary_is_a_copy_not_a_shared_object():
    out = samples.output('vradmin_printvol_1.txt', 'vradmin -g apache printvol apache_rvg')
    table = parse_printvol(out)
    assert table['secondary'] is not table['secondaries'][0]
    assert table['volumes'][0]['secondary'] is not table['volumes'][0]['secondaries'][0]


def test_printvol_missing_cells_unknown_codes_and_two_secondaries():
    text = """Replicated Data Set: hr_rvg
zz  before    header
TY  PRIMARY   SECONDARY   SECONDARY
h   seattle   london      tokyo
dg  hrdg      hrdg        hrdg
rv  hr_rvg    hr_rvg      hr_rvg
v   hr_dv01   hr_dv01     hr_dv01
sz  12800     12800       10240
pn  2         1           1
fl  DCM       DCM
xx  a         b           c
v   hr_dv02   hr_dv02     hr_dv02
sz  -         409600      409600
"""
    table = parse_printvol(text)
    assert table['rds'] == 'hr_rvg'
    assert table['primary'] == {'host': 'seattle', 'dg': 'hrdg', 'rvg': 'hr_rvg'}
    assert table['secondaries'] == [{'host': 'london', 'dg': 'hrdg', 'rvg': 'hr_rvg'},
                                    {'host': 'tokyo', 'dg': 'hrdg', 'rvg': 'hr_rvg'}]
    assert table['secondary'] == {'host': 'london', 'dg': 'hrdg', 'rvg': 'hr_rvg'}
    first, second = table['volumes']
    assert {key: first[key] for key in ('name', 'size', 'plexes', 'flags', 'dcm', 'xx')} == {
        'name': 'hr_dv01', 'size': 12800, 'plexes': 2, 'flags': 'DCM', 'dcm': True, 'xx': 'a'}
    assert first['secondaries'] == [
        {'name': 'hr_dv01', 'size': 12800, 'plexes': 1, 'flags': 'DCM', 'dcm': True, 'xx': 'b'},
        {'name': 'hr_dv01', 'size': 10240, 'plexes': 1, 'flags': None, 'dcm': False, 'xx': 'c'}]
    assert second == {
        'name': 'hr_dv02', 'size': None, 'plexes': None, 'flags': None, 'dcm': False,
        'secondary': {'name': 'hr_dv02', 'size': 409600, 'plexes': None, 'flags': None, 'dcm': False},
        'secondaries': [{'name': 'hr_dv02', 'size': 409600, 'plexes': None, 'flags': None, 'dcm': False},
                        {'name': 'hr_dv02', 'size': 409600, 'plexes': None, 'flags': None, 'dcm': False}]}


def test_printvol_extra_words_go_to_the_last_column():
    table = parse_printvol('TY PRIMARY SECONDARY\nv a a\nfl DCM SRL,DCM extra\n')
    assert table['volumes'][0]['flags'] == 'DCM'
    assert table['volumes'][0]['secondary']['flags'] == 'SRL,DCM extra'
    assert table['volumes'][0]['secondary']['dcm'] is True


def test_printvol_empty():
    assert parse_printvol('') == {'rds': None, 'primary': None, 'secondary': None, 'secondaries': [],
                                  'volumes': [], 'messages': []}


# --------------------------------------------------------------------------- vxrlink status

def test_vxrlink_status_doc_capture_every_field():
    text = samples.text('vxrlink_status_doc_1.txt')
    assert parse_vxrlink_status(text) == {
        'rlink': 'rlink_name',
        'up_to_date': False,
        'outstanding_writes': None,
        'srl_kbytes': None,
        'srl_percent': 17,
        'autosync_remaining_kbytes': 100864,
        'dcm_kbytes': 88832,
        'messages': [
            'VxVM VVR vxrlink INFO V-5-1-4640 Rlink rlink_name has <x> outstanding writes, occupying <y> Kbytes '
            '(17%) on the SRL',
            'VxVM VVR vxrlink INFO V-5-1-4464 Rlink rlink_name is in AUTOSYNC. 100864 Kbytes remaining.',
            'VxVM VVR vxrlink INFO V-5-1-4348 DCM is in use on Rlink rlink_name. DCM contains 88832 Kbytes.'],
    }


@pytest.mark.parametrize('line, expected', [
    ('VxVM VVR vxrlink INFO V-5-1-4640 Rlink rlk_london has 1320 outstanding writes, occupying 5288 Kbytes (3%) '
     'on the SRL',
     {'rlink': 'rlk_london', 'up_to_date': False, 'outstanding_writes': 1320, 'srl_kbytes': 5288, 'srl_percent': 3,
      'autosync_remaining_kbytes': None, 'dcm_kbytes': None}),
    ('VxVM VVR vxrlink INFO V-5-1-4467 Rlink rlk_london is up to date',
     {'rlink': 'rlk_london', 'up_to_date': True, 'outstanding_writes': None, 'srl_kbytes': None,
      'srl_percent': None, 'autosync_remaining_kbytes': None, 'dcm_kbytes': None}),
    ('VxVM VVR vxrlink INFO V-5-1-4467 Rlink rlk.v2 is up-to-date.',
     {'rlink': 'rlk.v2', 'up_to_date': True, 'outstanding_writes': None, 'srl_kbytes': None,
      'srl_percent': None, 'autosync_remaining_kbytes': None, 'dcm_kbytes': None}),
    ('VxVM VVR vxrlink INFO V-5-1-4464 Rlink rlk_tokyo is in AUTOSYNC. 0 Kbytes remaining.',
     {'rlink': 'rlk_tokyo', 'up_to_date': False, 'outstanding_writes': None, 'srl_kbytes': None,
      'srl_percent': None, 'autosync_remaining_kbytes': 0, 'dcm_kbytes': None}),
    ('VxVM VVR vxrlink INFO V-5-1-4348 DCM is in use on Rlink rlk_tokyo. DCM contains 2048 Kbytes.',
     {'rlink': 'rlk_tokyo', 'up_to_date': False, 'outstanding_writes': None, 'srl_kbytes': None,
      'srl_percent': None, 'autosync_remaining_kbytes': None, 'dcm_kbytes': 2048}),
])
def test_vxrlink_status_each_message(line, expected):
    status = parse_vxrlink_status('# vxrlink -g hrdg status x\n' + line + '\n')
    assert status == dict(expected, messages=[line])


def test_vxrlink_status_interval_output_keeps_the_last_values():
    text = ('VxVM VVR vxrlink INFO V-5-1-4640 Rlink r1 has 10 outstanding writes, occupying 40 Kbytes (1%) on the SRL\n'
            'VxVM VVR vxrlink INFO V-5-1-4467 Rlink r1 is up to date\n')
    status = parse_vxrlink_status(text)
    assert (status['up_to_date'], status['outstanding_writes'], len(status['messages'])) == (True, 10, 2)
    status = parse_vxrlink_status(text.splitlines()[::-1])
    assert (status['up_to_date'], status['outstanding_writes']) == (False, 10)


def test_vxrlink_status_error_and_empty():
    error = 'VxVM VVR vxrlink ERROR V-5-1-3265 Rlink rlk_x not found'
    assert parse_vxrlink_status(error) == {
        'rlink': None, 'up_to_date': False, 'outstanding_writes': None, 'srl_kbytes': None, 'srl_percent': None,
        'autosync_remaining_kbytes': None, 'dcm_kbytes': None, 'messages': [error]}
    assert parse_vxrlink_status('')['messages'] == []


# --------------------------------------------------------------------------- through the filter

def test_filter_kinds_give_the_parsers_results():
    repstatus = samples.output('vradmin_repstatus_1.txt', 'vradmin -g apache -l repstatus apache_rvg')
    assert infoscale_parse(repstatus, 'vradmin repstatus') == REPSTATUS_1
    assert infoscale_parse(repstatus.splitlines(), ' vradmin  repstatus ') == REPSTATUS_1
    assert infoscale_parse(TWO_SECONDARIES, 'vradmin repstatus')['secondaries'][0]['lag_seconds'] == 312
    printrvg = samples.output('vradmin_printrvg_1.txt', 'vradmin -g apache printrvg apache_rvg')
    assert infoscale_parse(printrvg, 'vradmin printrvg')['primary'] == {
        'host': 'node05-rep', 'rvg': 'apache_rvg', 'dg': 'apache', 'local': True}
    printvol = samples.output('vradmin_printvol_1.txt', 'vradmin -g apache printvol apache_rvg')
    assert [(v['name'], v['size']) for v in infoscale_parse(printvol, 'vradmin printvol')['volumes']] == PRINTVOL_VOLUMES
    rlink = infoscale_parse(samples.text('vxrlink_status_doc_1.txt'), 'vxrlink status')
    assert (rlink['rlink'], rlink['srl_percent'], rlink['dcm_kbytes']) == ('rlink_name', 17, 88832)


def test_filter_registers_the_vvr_parsers():
    assert (plugin.PARSERS['vradmin repstatus'], plugin.PARSERS['vradmin printrvg'],
            plugin.PARSERS['vradmin printvol'], plugin.PARSERS['vxrlink status']) == (
        parse_repstatus, parse_printrvg, parse_printvol, parse_vxrlink_status)
