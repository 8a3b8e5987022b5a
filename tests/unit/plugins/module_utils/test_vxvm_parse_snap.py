"""vxsnap list / vxsnap print / vxcache stat parsers, snapshot and cache views of vxprint records,
and the infoscale_parse kinds for them."""

import pytest

from ansible_collections.continuum.infoscale.plugins.filter import infoscale_parse as plugin
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._parse import parse_vxprint
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._parse_snap import (
    amount_bytes, parse_vxcache_stat, parse_vxsnap_list, parse_vxsnap_print)
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._records import (
    cache_views, diskgroup_view, snapshot_diskgroup_view, snapshot_direction_unknown, snapshot_views)
from ansible_collections.continuum.infoscale.tests.unit import samples
from ansible_collections.continuum.infoscale.tests.unit.plugins.module_utils.vxprint_text import HEADER

infoscale_parse = plugin.FilterModule().filters()['infoscale_parse']

M = 1024 ** 2
G = 1024 ** 3


def test_vxsnap_list_doc_sample_every_row_and_shape():
    rows = parse_vxsnap_list(samples.output('vxsnap_list_doc_1.txt', 'vxsnap -g dg -vx list'))
    assert [r['name'] for r in rows] == [
        'vol', 'svol1', 'svol2', 'svol3', 'svol21', 'vol-02', 'mvol', 'vset1', 'v1', 'v2', 'svset1',
        'sv1', 'sv2', 'vol-03', 'mvol2']
    assert rows[0] == {
        'name': 'vol', 'dg': 'dg1', 'objtype': 'vol', 'snaptype': None, 'parent': None, 'parentdg': None,
        'snapdate': None, 'change_data': None, 'change_data_bytes': None, 'change_data_percent': None,
        'synced_data': '10G (100%)', 'synced_data_bytes': 10 * G, 'synced_data_percent': 100.0}
    svol21 = rows[4]
    assert (svol21['snaptype'], svol21['parent'], svol21['parentdg'], svol21['snapdate']) == (
        'spaceopt', 'svol2', 'dg1', '2006/2/1 12:29')
    assert (svol21['change_data'], svol21['change_data_bytes'], svol21['change_data_percent']) == (
        '52M (0.5%)', 52 * M, 0.5)
    detached = rows[13]
    assert (detached['objtype'], detached['snapdate'], detached['change_data_bytes'], detached['synced_data']) == (
        'plex', None, 20 * M, None)
    assert rows[5]['change_data'] is None and rows[5]['synced_data_bytes'] == 56 * M


def test_vxsnap_list_issue4_layout_with_aligned_columns():
    text = (
        'NAME       DG       OBJTYPE SNAPTYPE   PARENT     PARENTDG SNAPDATE          CHANGE_DATA  SYNCED_DATA\n'
        'gold       bootdg   vol     -          -          -        -                 -            20G (100%)\n'
        'vm01_boot  bootdg   vol     spaceopt   gold       bootdg   2026/11/24 21:40  52M (0.5%)   52M (0.5%)\n')
    rows = parse_vxsnap_list(text)
    assert [(r['name'], r['parent'], r['snapdate'], r['change_data_bytes'], r['synced_data_percent'])
            for r in rows] == [('gold', None, None, None, 100.0),
                               ('vm01_boot', 'gold', '2026/11/24 21:40', 52 * M, 0.5)]


@pytest.mark.parametrize('text, expected', [('52M', 52 * M), ('10G', 10 * G), ('1.5K', 1536), ('0', 0),
                                            ('2T', 2 * 1024 ** 4), ('-', None), ('lots', None)])
def test_amount_bytes(text, expected):
    assert amount_bytes(text) == expected


def test_vxsnap_print_doc_sample_with_continuation_row():
    rows = parse_vxsnap_print(samples.output('vxsnap_print_doc_1.txt', 'vxsnap -g mydg print'))
    assert rows == [
        {'name': 'vol1', 'snapobject': None, 'type': 'volume', 'parent': None, 'snapshot': None,
         'dirty_percent': None, 'valid_percent': 100.0},
        {'name': 'vol1', 'snapobject': 'snapvol1_snp1', 'type': 'volume', 'parent': None, 'snapshot': 'snapvol1',
         'dirty_percent': 1.3, 'valid_percent': None},
        {'name': 'snapvol1', 'snapobject': 'vol1_snp1', 'type': 'volume', 'parent': 'vol1', 'snapshot': None,
         'dirty_percent': 1.3, 'valid_percent': 1.3},
    ]


def test_vxcache_stat_rows_and_noise():
    text = (
        'bash-5.1# vxcache -g bootdg stat\n'
        'CACHE-OBJECT     CACHEVOL         REGIONSZ   CACHESZ      USED         %USED  AUTOGROW  HWM  STATE\n'
        'gold_co          gold_cachevol    128        8388608      1048576      12     on        90   ACTIVE\n'
        'small_co         small_cv         32         20480        20480        100    off       80   FULL\n'
        'VxVM vxcache ERROR V-5-1-6332 Cache x not in configuration\n')
    assert parse_vxcache_stat(text) == [
        {'name': 'gold_co', 'cache_volume': 'gold_cachevol', 'region_size': 128, 'size': 8388608,
         'used': 1048576, 'used_percent': 12, 'autogrow': True, 'highwatermark': 90, 'state': 'ACTIVE'},
        {'name': 'small_co', 'cache_volume': 'small_cv', 'region_size': 32, 'size': 20480,
         'used': 20480, 'used_percent': 100, 'autogrow': False, 'highwatermark': 80, 'state': 'FULL'},
    ]
    assert parse_vxcache_stat('') == []


# A clone listed before its source, with snap points on both DCOs (both directions).
REVERSED_HTR = HEADER + """
dg bootdg       default      default  34000    1764012345.20.prod-n1

dm emc0_4       emc0_4       auto     65536    209649360 -

co cache1       cache1vol    ENABLED  ACTIVE
v  cache1vol    cache1       ENABLED  ACTIVE   2097152  SELECT    -        gen
pl cache1vol-01 cache1vol    ENABLED  ACTIVE   2097152  CONCAT    -        RW
sd emc0_4-03    cache1vol-01 emc0_4   50000000 2097152  0         emc0_4   ENA

v  aclone       -            ENABLED  ACTIVE   20971520 SELECT    -        fsgen
pl aclone-01    aclone       ENABLED  ACTIVE   20971520 CONCAT    -        RW
sc aclone-S01   aclone-01    cache1   0        20971520 0         -        ENA
dc aclone_dco   aclone       aclone_dcl
v  aclone_dcl   -            ENABLED  ACTIVE   67968    SELECT    -        gen
pl aclone_dcl-01 aclone_dcl  ENABLED  ACTIVE   67968    CONCAT    -        RW
sd emc0_4-04    aclone_dcl-01 emc0_4  60000000 67968    0         emc0_4   ENA
sp zgold_snp1   zgold        aclone_dco

v  zgold        -            ENABLED  ACTIVE   20971520 SELECT    -        fsgen
pl zgold-01     zgold        ENABLED  ACTIVE   20971520 CONCAT    -        RW
sd emc0_4-01    zgold-01     emc0_4   0        20971520 0         emc0_4   ENA
dc zgold_dco    zgold        zgold_dcl
v  zgold_dcl    -            ENABLED  ACTIVE   67968    SELECT    -        gen
pl zgold_dcl-01 zgold_dcl    ENABLED  ACTIVE   67968    CONCAT    -        RW
sd emc0_4-02    zgold_dcl-01 emc0_4   20971520 67968    0         emc0_4   ENA
sp aclone_snp1  aclone       zgold_dco
"""


def test_snapshot_direction_follows_the_cache_when_both_sides_have_snap_points():
    records = parse_vxprint(REVERSED_HTR)
    assert snapshot_views(records, 'bootdg') == {'aclone': {
        'name': 'aclone', 'diskgroup': 'bootdg', 'source': 'zgold', 'type': 'space_optimized',
        'cache': 'cache1', 'length': 20971520, 'kstate': 'ENABLED', 'state': 'ACTIVE',
        'device': '/dev/vx/dsk/bootdg/aclone', 'raw_device': '/dev/vx/rdsk/bootdg/aclone'}}
    assert cache_views(records, 'bootdg') == {'cache1': {
        'name': 'cache1', 'diskgroup': 'bootdg', 'cache_volume': 'cache1vol', 'length': 2097152,
        'kstate': 'ENABLED', 'state': 'ACTIVE', 'snapshots': ['aclone']}}


def test_snapshot_diskgroup_view_adds_to_diskgroup_view_only():
    records = parse_vxprint(REVERSED_HTR)
    view = snapshot_diskgroup_view(records, 'bootdg')
    plain = diskgroup_view(records, 'bootdg')
    assert dict((k, v) for k, v in view.items() if k not in ('snapshots', 'caches', 'prepared')) == plain
    assert view['prepared'] == ['aclone', 'zgold']
    assert sorted(plain['volumes']) == ['aclone', 'cache1vol', 'zgold']


def test_sample_volumes_with_dcos_are_prepared_and_have_no_snapshots():
    records = parse_vxprint(samples.output('vxprint_htr_1.txt', 'vxprint -htr'))
    view = snapshot_diskgroup_view(records, 'vrts_kube_dg-59131')
    assert view['snapshots'] == {} and view['caches'] == {}
    assert view['prepared'] == sorted(view['volumes'])


def test_filter_kinds():
    stat = ('CACHE-OBJECT CACHEVOL REGIONSZ CACHESZ USED %USED AUTOGROW HWM STATE\n'
            'co1 cv1 128 2048 0 0 on 90 ACTIVE\n')
    assert infoscale_parse(stat, 'vxcache stat')[0]['cache_volume'] == 'cv1'
    listed = samples.output('vxsnap_list_doc_1.txt', 'vxsnap -g dg -vx list')
    assert infoscale_parse(listed.splitlines(), 'vxsnap  list') == parse_vxsnap_list(listed)
    printed = samples.output('vxsnap_print_doc_1.txt', 'vxsnap -g mydg print')
    assert infoscale_parse(printed, 'vxsnap print') == parse_vxsnap_print(printed)


# A full-sized snapshot named before its source, snap points on both DCOs: only vxsnap list can tell.
FULL_HTR = HEADER + """
dg bootdg       default      default  34000    1764012345.20.prod-n1

dm emc0_4       emc0_4       auto     65536    209649360 -

v  backup       -            ENABLED  ACTIVE   2097152  SELECT    -        fsgen
pl backup-01    backup       ENABLED  ACTIVE   2097152  CONCAT    -        RW
sd emc0_4-03    backup-01    emc0_4   4194304  2097152  0         emc0_4   ENA
dc backup_dco   backup       backup_dcl
sp gold_snp1    gold         backup_dco

v  gold         -            ENABLED  ACTIVE   2097152  SELECT    -        fsgen
pl gold-01      gold         ENABLED  ACTIVE   2097152  CONCAT    -        RW
sd emc0_4-01    gold-01      emc0_4   0        2097152  0         emc0_4   ENA
dc gold_dco     gold         gold_dcl
sp backup_snp1  backup       gold_dco
"""


def test_full_sized_pair_needs_vxsnap_list_and_follows_it():
    records = parse_vxprint(FULL_HTR)
    assert snapshot_direction_unknown(records, 'bootdg') is True
    assert snapshot_views(records, 'bootdg', {'backup': 'gold'})['backup']['source'] == 'gold'
    assert sorted(snapshot_views(records, 'bootdg', {'backup': 'gold'})) == ['backup']
    assert snapshot_direction_unknown(parse_vxprint(REVERSED_HTR), 'bootdg') is False


def test_snap_point_on_the_source_only_gives_the_direction():
    text = FULL_HTR.replace('sp gold_snp1    gold         backup_dco\n', '')
    records = parse_vxprint(text)
    assert snapshot_direction_unknown(records, 'bootdg') is False
    views = snapshot_views(records, 'bootdg')
    assert (sorted(views), views['backup']['source'], views['backup']['type']) == (['backup'], 'gold', 'full_sized')
