"""parse_vxprint (default, -ht/-htr, -t, -u m forms) and parse_vxprint_format."""

import pytest

from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm import _parse
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._parse import (
    parse_vxprint, parse_vxprint_format)
from ansible_collections.continuum.infoscale.tests.unit import samples
from ansible_collections.continuum.infoscale.tests.unit.plugins.module_utils.vxprint_text import HEADER

COMMON = ('type', 'name', 'assoc', 'kstate', 'length', 'state', 'dg')
KUBE_DG = 'vrts_kube_dg-59131'


def vxprint_outputs(name):
    return [out for cmd, out in samples.sessions(name) if cmd is None or cmd.startswith('vxprint')]


def by_name(records):
    return dict((r['name'], r) for r in records)


# ----------------------------------------------------------------------------- default form

def test_default_form_before_and_after_lun_growth():
    before, after = samples.outputs('vxprint_g_1.txt', 'vxprint -g indus_1c6')
    records = parse_vxprint(before)
    assert [r['type'] for r in records] == ['dg', 'dm', 'v', 'pl', 'sd']
    dg, dm, vol, plex, sd = records
    assert dg == {'type': 'dg', 'name': 'indus_1c6', 'assoc': 'indus_1c6', 'kstate': None,
                  'length': None, 'ploffs': None, 'state': None, 'tutil0': None, 'putil0': None,
                  'dg': 'indus_1c6'}
    assert dm == {'type': 'dm', 'name': 'emcpower1', 'assoc': 'emcpower1', 'kstate': None,
                  'length': 633534160, 'ploffs': None, 'state': None, 'tutil0': None,
                  'putil0': None, 'device': 'emcpower1', 'publen': 633534160, 'dg': 'indus_1c6'}
    assert vol == {'type': 'v', 'name': 'indus_1c6_vol1', 'assoc': 'fsgen', 'kstate': 'ENABLED',
                   'length': 633532416, 'ploffs': None, 'state': 'ACTIVE', 'tutil0': None,
                   'putil0': None, 'utype': 'fsgen', 'rvg': None, 'dg': 'indus_1c6'}
    assert plex == {'type': 'pl', 'name': 'indus_1c6_vol1-01', 'assoc': 'indus_1c6_vol1',
                    'kstate': 'ENABLED', 'length': 633532416, 'ploffs': None, 'state': 'ACTIVE',
                    'tutil0': None, 'putil0': None, 'volume': 'indus_1c6_vol1', 'log': False,
                    'dg': 'indus_1c6'}
    assert sd == {'type': 'sd', 'name': 'emcpower1-01', 'assoc': 'indus_1c6_vol1-01',
                  'kstate': 'ENABLED', 'length': 633532416, 'ploffs': 0, 'state': None,
                  'tutil0': None, 'putil0': None, 'plex': 'indus_1c6_vol1-01', 'dg': 'indus_1c6'}
    grown = by_name(parse_vxprint(after))
    assert grown['emcpower1']['length'] == 637374160
    assert grown['indus_1c6_vol1']['length'] == 637372416
    assert grown['indus_1c6_vol1-01']['length'] == 637372416
    assert grown['emcpower1-01']['length'] == 637372416


def test_default_form_after_vxresize():
    records = by_name(parse_vxprint(samples.output('vxresize_session_1.txt', 'vxprint -g indus_1c6')))
    assert records['emcpower1']['publen'] == 648894160
    assert records['indus_1c6_vol1']['length'] == 648892416
    assert records['indus_1c6_vol1']['kstate'] == 'ENABLED'
    assert records['emcpower1-01']['plex'] == 'indus_1c6_vol1-01'
    assert set(r['dg'] for r in records.values()) == {'indus_1c6'}


def test_volume_listing_with_disk_group_line():
    volumes = parse_vxprint(samples.output('vxprint_v_1.txt', 'vxprint -v'))
    assert [(v['type'], v['name'], v['utype'], v['length'], v['state'], v['dg']) for v in volumes] == [
        ('v', 'vol_c51h5spa1dkn01c4076c', 'fsgen', 62914560, 'ACTIVE', KUBE_DG),
        ('v', 'vol_c51h5spa1dkn01c4076c_dcl', 'gen', 67968, 'ACTIVE', KUBE_DG),
        ('v', 'vol_fjv8578nvs33n888c9w6', 'fsgen', 62914560, 'ACTIVE', KUBE_DG),
        ('v', 'vol_fjv8578nvs33n888c9w6_dcl', 'gen', 67968, 'ACTIVE', KUBE_DG),
        ('v', 'vol_604zv2ow6f3ci9o29a26', 'fsgen', 62914560, 'ACTIVE', KUBE_DG),
        ('v', 'vol_604zv2ow6f3ci9o29a26_dcl', 'gen', 67968, 'ACTIVE', KUBE_DG),
    ]
    dm, = parse_vxprint(samples.output('vxprint_v_1.txt', 'vxprint -hdr'))
    assert (dm['type'], dm['name'], dm['device'], dm['length'], dm['publen'], dm['dg']) == (
        'dm', 'disk_0', 'disk_0', 2147417808, 2147417808, KUBE_DG)


def test_default_form_volume_in_an_rvg():
    text = ('TY NAME         ASSOC        KSTATE   LENGTH   PLOFFS   STATE    TUTIL0  PUTIL0\n'
            'rv hr_rvg       -            ENABLED  -        -        ACTIVE   -       -\n'
            'rl rlk_dr_hr    hr_rvg       CONNECT  -        -        ACTIVE   -       -\n'
            'v  hr_dv01      hr_rvg       ENABLED  4194304  -        ACTIVE   -       -\n')
    rv, rl, vol = parse_vxprint(text)
    assert (rv['type'], rv['kstate'], rv['state'], rv['assoc']) == ('rv', 'ENABLED', 'ACTIVE', None)
    assert (rl['rvg'], rl['kstate']) == ('hr_rvg', 'CONNECT')
    assert (vol['rvg'], vol['utype'], vol['length']) == ('hr_rvg', None, 4194304)


def test_default_form_without_header_is_recognised():
    # vxprint -q prints the default form without its TY header
    text = ('dg dbdg         dbdg         -        -        -        -        -       -\n'
            'dm emc0_0       emc0_0       -        209649808 -       -        -       -\n'
            'v  vol1         fsgen        ENABLED  2097152  -        ACTIVE   -       -\n'
            'pl vol1-01      vol1         ENABLED  2097152  -        ACTIVE   -       -\n'
            'sd emc0_0-01    vol1-01      ENABLED  2097152  0        -        -       -\n')
    dg, dm, vol, plex, sd = parse_vxprint(text)
    assert dm['publen'] == 209649808 and dm['device'] == 'emc0_0'
    assert (vol['utype'], vol['length'], vol['state']) == ('fsgen', 2097152, 'ACTIVE')
    assert (plex['volume'], plex['length']) == ('vol1', 2097152)
    assert (sd['plex'], sd['ploffs'], sd['kstate']) == ('vol1-01', 0, 'ENABLED')
    assert set(r['dg'] for r in (dg, dm, vol, plex, sd)) == {'dbdg'}


# ----------------------------------------------------------------------------- -ht / -htr

def test_htr_capture_records():
    records = parse_vxprint(samples.output('vxprint_htr_1.txt', 'vxprint -htr'))
    assert [r['type'] for r in records] == ['dg', 'dm'] + ['v', 'pl', 'sd', 'dc', 'v', 'pl', 'sd'] * 3
    assert set(r['dg'] for r in records) == {KUBE_DG}
    dg, dm, vol, plex, sd, dc, dcl = records[:7]
    assert dg == {'type': 'dg', 'name': KUBE_DG, 'assoc': KUBE_DG, 'nconfig': 'default',
                  'nlog': 'default', 'minors': 55000, 'group_id': '1741211310.10.r730ocp3.localdomain',
                  'kstate': None, 'state': None, 'length': None, 'dg': KUBE_DG}
    assert dm == {'type': 'dm', 'name': 'disk_0', 'assoc': 'disk_0', 'device': 'disk_0',
                  'dm_type': 'auto', 'privlen': 65536, 'publen': 2147417808, 'length': 2147417808,
                  'state': None, 'kstate': None, 'dg': KUBE_DG}
    assert vol == {'type': 'v', 'name': 'vol_c51h5spa1dkn01c4076c', 'assoc': None, 'rvg': None,
                   'kstate': 'ENABLED', 'state': 'ACTIVE', 'length': 62914560, 'readpol': 'SELECT',
                   'prefplex': None, 'utype': 'fsgen', 'dg': KUBE_DG}
    assert plex == {'type': 'pl', 'name': 'vol_c51h5spa1dkn01c4076c-01',
                    'assoc': 'vol_c51h5spa1dkn01c4076c', 'volume': 'vol_c51h5spa1dkn01c4076c',
                    'kstate': 'ENABLED', 'state': 'ACTIVE', 'length': 62914560, 'layout': 'CONCAT',
                    'ncol': None, 'width': None, 'mode': 'RW', 'log': False, 'dg': KUBE_DG}
    assert sd == {'type': 'sd', 'name': 'disk_0-13', 'assoc': 'vol_c51h5spa1dkn01c4076c-01',
                  'plex': 'vol_c51h5spa1dkn01c4076c-01', 'disk': 'disk_0', 'diskoffs': 377895168,
                  'length': 62914560, 'column': None, 'offset': 0, 'device': 'disk_0', 'mode': 'ENA',
                  'kstate': None, 'state': None, 'dg': KUBE_DG}
    assert dc == {'type': 'dc', 'name': 'vol_c51h5spa1dkn01c4076c_dco',
                  'assoc': 'vol_c51h5spa1dkn01c4076c', 'parentvol': 'vol_c51h5spa1dkn01c4076c',
                  'logvol': 'vol_c51h5spa1dkn01c4076c_dcl', 'kstate': None, 'state': None,
                  'length': None, 'dg': KUBE_DG}
    assert (dcl['name'], dcl['utype'], dcl['length']) == ('vol_c51h5spa1dkn01c4076c_dcl', 'gen', 67968)
    last = by_name(records)
    assert last['vol_41t7e8pv9gs3863639o0']['length'] == 125829120
    assert last['vol_41t7e8pv9gs3863639o0_dcl']['length'] == 70400
    assert last['disk_0-24']['diskoffs'] == 43573632
    assert last['disk_0-24']['plex'] == 'vol_41t7e8pv9gs3863639o0_dcl-01'


def test_t_form_without_headers_in_megabytes():
    records = parse_vxprint(samples.text('vxprint_t_um_1.txt'))
    assert [r['type'] for r in records] == ['dg', 'dm'] + ['sd'] * 3 + ['pl'] * 3 + ['v'] * 3 + ['vt']
    assert set(r['dg'] for r in records) == {'vg_sanperftest'}
    rec = by_name(records)
    assert rec['vg_sanperftest']['nconfig'] == 'all'
    assert rec['vg_sanperftest']['minors'] == 27000
    assert rec['vg_sanperftest']['group_id'] == '1426245297.43.parcl1110221a'
    dm = rec['28785_281']
    assert (dm['device'], dm['dm_type'], dm['privlen'], dm['publen'], dm['length']) == (
        '3pardata0_281', 'auto', 65536, 71234929, 71234929)   # 34782.68m, rounded to a sector
    sd = rec['28785_281-02']
    assert (sd['plex'], sd['disk'], sd['diskoffs'], sd['length'], sd['offset'], sd['device']) == (
        'lvset_sanperftest_02-01', '28785_281', 33554432, 20971520, 0, '3pardata0_281')
    assert rec['28785_281-03']['length'] == 2097152
    pl = rec['lv_sanperftest_01-01']
    assert (pl['volume'], pl['length'], pl['layout'], pl['ncol'], pl['mode']) == (
        'lv_sanperftest_01', 2097152, 'CONCAT', None, 'RW')
    assert rec['lv_sanperftest_01']['length'] == 2097152
    assert rec['lv_sanperftest_01']['rvg'] is None
    member = rec['lvset_sanperftest_01']
    assert (member['rvg'], member['assoc'], member['length'], member['utype']) == (
        'vset_sanperftest', 'vset_sanperftest', 33554432, 'fsgen')
    vt = rec['vset_sanperftest']
    assert (vt['type'], vt['kstate'], vt['state'], vt['nvolume'], vt['rvg']) == (
        'vt', 'ENABLED', 'ACTIVE', 2, None)


VXPRINT_CAPTURES = samples.names('vxprint_*') + ['vxresize_session_1.txt']


@pytest.mark.parametrize('name', VXPRINT_CAPTURES)
def test_every_vxprint_capture_gives_complete_records(name):
    outs = vxprint_outputs(name)
    assert outs
    for out in outs:
        records = parse_vxprint(out)
        assert records
        for record in records:
            assert set(COMMON) <= set(record)
            assert record['length'] is None or isinstance(record['length'], int)
            assert record['dg'] is not None


def test_ht_layered_rows_and_replication_objects():
    text = HEADER + """
dg dbdg         default      default  12000    1741211310.10.prod-n1

dm emc0_0       emc0_0       auto     65536    209649808 -
dm emc0_9       -            -        -        -        NODEVICE

rv hr_rvg       1            ENABLED  ACTIVE   primary  2        hr_srl
rl rlk_dr_hr    hr_rvg       CONNECT  ACTIVE   dr-n1    drdg     rlk_prod_hr
co cobj         cachevol     ENABLED  ACTIVE

v  smvol        -            ENABLED  ACTIVE   4194304  SELECT    smvol-03 fsgen
pl smvol-03     smvol        ENABLED  ACTIVE   4194304  STRIPE    2/128    RW
sv smvol-S01    smvol-03     smvol-L01 1       2097152  0/0       2/2      ENA
v2 smvol-L01    -            ENABLED  ACTIVE   2097152  SELECT    -        fsgen
p2 smvol-P01    smvol-L01    ENABLED  ACTIVE   2097152  CONCAT    -        RW
s2 emc0_0-02    smvol-P01    emc0_0   4096     2097152  0         emc0_0   ENA
sp snap1_sp     snap1        smvol_dco
sr smvol_sr     ENABLED
"""
    rec = by_name(parse_vxprint(text))
    assert set(r['dg'] for r in rec.values()) == {'dbdg'}
    assert rec['emc0_9'] == {'type': 'dm', 'name': 'emc0_9', 'assoc': None, 'device': None,
                             'dm_type': None, 'privlen': None, 'publen': None, 'length': None,
                             'state': 'NODEVICE', 'kstate': None, 'dg': 'dbdg'}
    rv = rec['hr_rvg']
    assert (rv['rlink_cnt'], rv['kstate'], rv['state'], rv['primary'], rv['datavols'], rv['srl']) == (
        1, 'ENABLED', 'ACTIVE', 'primary', 2, 'hr_srl')
    rl = rec['rlk_dr_hr']
    assert (rl['assoc'], rl['rvg'], rl['kstate'], rl['rem_host'], rl['rem_dg'], rl['rem_rlnk']) == (
        'hr_rvg', 'hr_rvg', 'CONNECT', 'dr-n1', 'drdg', 'rlk_prod_hr')
    assert (rec['cobj']['type'], rec['cobj']['cachevol'], rec['cobj']['assoc']) == ('co', 'cachevol', 'cachevol')
    assert rec['smvol']['prefplex'] == 'smvol-03'
    plex = rec['smvol-03']
    assert (plex['layout'], plex['ncol'], plex['width']) == ('STRIPE', 2, 128)
    sv = rec['smvol-S01']
    assert sv == {'type': 'sv', 'name': 'smvol-S01', 'assoc': 'smvol-03', 'plex': 'smvol-03',
                  'volname': 'smvol-L01', 'nvollayr': 1, 'length': 2097152, 'column': 0, 'offset': 0,
                  'am_nm': '2/2', 'mode': 'ENA', 'kstate': None, 'state': None, 'dg': 'dbdg'}
    v2, p2, s2 = rec['smvol-L01'], rec['smvol-P01'], rec['emc0_0-02']
    assert (v2['type'], v2['kstate'], v2['length'], v2['utype']) == ('v2', 'ENABLED', 2097152, 'fsgen')
    assert (p2['type'], p2['volume'], p2['layout'], p2['log']) == ('p2', 'smvol-L01', 'CONCAT', False)
    assert (s2['type'], s2['plex'], s2['disk'], s2['diskoffs'], s2['offset']) == (
        's2', 'smvol-P01', 'emc0_0', 4096, 0)
    assert (rec['snap1_sp']['snapvol'], rec['snap1_sp']['dco']) == ('snap1', 'smvol_dco')
    assert rec['smvol_sr']['kstate'] == 'ENABLED'


def test_htr_of_several_disk_groups_and_long_names():
    long_vol = 'a_volume_name_that_is_much_longer_than_the_column'
    text = ('Disk group: appdg\n\n' + HEADER + '\n'
            'dg appdg        default      default  1000     1.1.n1\n\n'
            'v  %s - ENABLED ACTIVE 2048 SELECT - fsgen\n'
            'pl %s-01 %s ENABLED ACTIVE 2048 CONCAT - RW\n'
            '\nDisk group: dbdg\n\n' + HEADER + '\n'
            'dg dbdg         default      default  2000     2.2.n1\n\n'
            'v  vol1         -            DISABLED EMPTY    1024     SELECT    -        gen\n') % (
        long_vol, long_vol, long_vol)
    records = parse_vxprint(text)
    assert [(r['type'], r['name'], r['dg']) for r in records] == [
        ('dg', 'appdg', 'appdg'), ('v', long_vol, 'appdg'), ('pl', long_vol + '-01', 'appdg'),
        ('dg', 'dbdg', 'dbdg'), ('v', 'vol1', 'dbdg')]
    assert (records[1]['length'], records[1]['utype']) == (2048, 'fsgen')
    assert (records[2]['volume'], records[2]['length']) == (long_vol, 2048)
    assert (records[4]['kstate'], records[4]['state'], records[4]['utype']) == ('DISABLED', 'EMPTY', 'gen')


def test_log_plex_and_striped_subdisks():
    text = HEADER + """
v  mvol         -            ENABLED  ACTIVE   2048     SELECT    -        fsgen
pl mvol-01      mvol         ENABLED  ACTIVE   2048     STRIPE    2/128    RW
sd emc0_0-01    mvol-01      emc0_0   0        1024     0/0       emc0_0   ENA
sd emc0_1-01    mvol-01      emc0_1   0        1024     1/0       emc0_1   ENA
pl mvol-02      mvol         ENABLED  ACTIVE   LOGONLY  CONCAT    -        RW
sd emc0_2-01    mvol-02      emc0_2   0        16       LOG       emc0_2   ENA
"""
    rec = by_name(parse_vxprint(text))
    assert (rec['emc0_1-01']['column'], rec['emc0_1-01']['offset']) == (1, 0)
    assert rec['mvol-01']['log'] is False
    assert (rec['mvol-02']['log'], rec['mvol-02']['length']) == (True, None)
    assert (rec['emc0_2-01']['column'], rec['emc0_2-01']['offset'], rec['emc0_2-01']['length']) == (
        None, None, 16)


def test_records_before_any_disk_group_have_no_dg():
    rows = parse_vxprint('v  vol1 - ENABLED ACTIVE 2048 SELECT - fsgen\n')
    assert rows[0]['dg'] is None and rows[0]['utype'] == 'fsgen' and rows[0]['length'] == 2048


@pytest.mark.parametrize('text', [
    '',
    '\n\n',
    'VxVM vxprint ERROR V-5-1-582 Disk group nodg: No such disk group\n',
    HEADER,
    'sh-5.1# vxprint -htr\n',
])
def test_nothing_to_parse(text):
    assert parse_vxprint(text) == []


def test_unknown_and_short_lines_are_skipped_or_padded():
    text = ('some banner line\n'
            'v\n'
            'zz name assoc\n'
            'v  short\n'
            'pl p1 vol1\n')
    short, plex = parse_vxprint(text)
    assert (short['name'], short['length'], short['kstate'], short['utype']) == ('short', None, None, None)
    assert (plex['volume'], plex['layout'], plex['ncol'], plex['log']) == ('vol1', None, None, False)


def test_never_crashes_on_any_prefix_of_any_sample_line():
    for name in samples.names('*'):
        for line in samples.text(name).splitlines():
            for cut in range(0, len(line) + 1, 7):
                piece = line[:cut]
                _parse.parse_vxprint(piece)
                _parse.parse_vxdisk_list(piece)
                _parse.parse_vxdisk_detail(piece)
                _parse.parse_vxdg_list(piece)
                _parse.parse_vxdg_detail(piece)
                _parse.parse_maxsize(piece)
                _parse.vcode(piece)


# ----------------------------------------------------------------------------- -F

def test_format_output_name_and_devopen():
    text = 'vol1 on\nvol_2 off\n\nvol3 off\n'
    assert parse_vxprint_format(text, ['name', 'devopen']) == [
        {'name': 'vol1', 'devopen': 'on'},
        {'name': 'vol_2', 'devopen': 'off'},
        {'name': 'vol3', 'devopen': 'off'},
    ]


def test_format_fields_from_the_format_string_and_last_field_takes_the_rest():
    text = ('Disk group: dbdg\n'
            'vol1 2097152 ENABLED ACTIVE with a comment\n'
            'vol2 1024\n')
    assert parse_vxprint_format(text, '%name %{len} %kstate %{state:8}') == [
        {'name': 'vol1', 'len': '2097152', 'kstate': 'ENABLED', 'state': 'ACTIVE with a comment'},
        {'name': 'vol2', 'len': '1024', 'kstate': None, 'state': None},
    ]


def test_format_of_nothing_and_without_fields():
    assert parse_vxprint_format('', ['name']) == []
    with pytest.raises(ValueError):
        parse_vxprint_format('vol1\n', [])
