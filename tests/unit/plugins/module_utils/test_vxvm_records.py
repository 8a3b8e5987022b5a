"""diskgroup_view / volume views (layout derivation) and space per disk, from vxprint text."""

import time

from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._parse import parse_vxprint
from ansible_collections.continuum.infoscale.plugins.module_utils.vxvm._records import (
    diskgroup_names, diskgroup_view, diskgroup_views, free_sectors_by_disk, used_sectors_by_disk)
from ansible_collections.continuum.infoscale.tests.unit import samples
from ansible_collections.continuum.infoscale.tests.unit.plugins.module_utils.vxprint_text import HEADER


# `vxprint -g dbdg -htr` of a disk group with one volume of every layout.
LAYOUTS_HTR = HEADER + """
dg dbdg         default      default  12000    1741211310.10.prod-n1

dm emc0_0       emc0_0       auto     65536    209649808 -
dm emc0_1       emc0_1       auto     65536    209649808 -
dm emc0_2       emc0_2       auto     65536    209649808 -
dm emc0_3       emc0_3       auto     65536    209649808 -

v  cvol         -            ENABLED  ACTIVE   2097152  SELECT    -        fsgen
pl cvol-01      cvol         ENABLED  ACTIVE   2097152  CONCAT    -        RW
sd emc0_0-01    cvol-01      emc0_0   0        2097152  0         emc0_0   ENA

v  svol         -            ENABLED  ACTIVE   4194304  SELECT    svol-01  fsgen
pl svol-01      svol         ENABLED  ACTIVE   4194304  STRIPE    4/128    RW
sd emc0_0-02    svol-01      emc0_0   2097152  1048576  0/0       emc0_0   ENA
sd emc0_1-01    svol-01      emc0_1   0        1048576  1/0       emc0_1   ENA
sd emc0_2-01    svol-01      emc0_2   0        1048576  2/0       emc0_2   ENA
sd emc0_3-01    svol-01      emc0_3   0        1048576  3/0       emc0_3   ENA

v  mvol         -            ENABLED  ACTIVE   1048576  SELECT    -        fsgen
pl mvol-01      mvol         ENABLED  ACTIVE   1048576  CONCAT    -        RW
sd emc0_1-02    mvol-01      emc0_1   1048576  1048576  0         emc0_1   ENA
pl mvol-02      mvol         ENABLED  ACTIVE   1048576  CONCAT    -        RW
sd emc0_2-02    mvol-02      emc0_2   1048576  1048576  0         emc0_2   ENA
pl mvol-03      mvol         ENABLED  ACTIVE   LOGONLY  CONCAT    -        RW
sd emc0_3-02    mvol-03      emc0_3   1048576  16       LOG       emc0_3   ENA

v  msvol        -            ENABLED  ACTIVE   2097152  SELECT    -        fsgen
pl msvol-01     msvol        ENABLED  ACTIVE   2097152  STRIPE    2/128    RW
sd emc0_0-03    msvol-01     emc0_0   3145728  1048576  0/0       emc0_0   ENA
sd emc0_1-03    msvol-01     emc0_1   2097152  1048576  1/0       emc0_1   ENA
pl msvol-02     msvol        ENABLED  ACTIVE   2097152  STRIPE    2/128    RW
sd emc0_2-03    msvol-02     emc0_2   2097152  1048576  0/0       emc0_2   ENA
sd emc0_3-03    msvol-02     emc0_3   2097152  1048576  1/0       emc0_3   ENA

v  smvol        -            ENABLED  ACTIVE   2097152  SELECT    smvol-03 fsgen
pl smvol-03     smvol        ENABLED  ACTIVE   2097152  STRIPE    2/128    RW
sv smvol-S01    smvol-03     smvol-L01 1       1048576  0/0       2/2      ENA
sv smvol-S02    smvol-03     smvol-L02 1       1048576  1/0       2/2      ENA
v2 smvol-L01    -            ENABLED  ACTIVE   1048576  SELECT    -        fsgen
p2 smvol-P01    smvol-L01    ENABLED  ACTIVE   1048576  CONCAT    -        RW
s2 emc0_0-04    smvol-P01    emc0_0   4194304  1048576  0         emc0_0   ENA
p2 smvol-P02    smvol-L01    ENABLED  ACTIVE   1048576  CONCAT    -        RW
s2 emc0_1-04    smvol-P02    emc0_1   3145728  1048576  0         emc0_1   ENA
v2 smvol-L02    -            ENABLED  ACTIVE   1048576  SELECT    -        fsgen
p2 smvol-P03    smvol-L02    ENABLED  ACTIVE   1048576  CONCAT    -        RW
s2 emc0_2-04    smvol-P03    emc0_2   3145728  1048576  0         emc0_2   ENA
p2 smvol-P04    smvol-L02    ENABLED  ACTIVE   1048576  CONCAT    -        RW
s2 emc0_3-04    smvol-P04    emc0_3   3145728  1048576  0         emc0_3   ENA

v  cmvol        -            ENABLED  ACTIVE   1048576  SELECT    -        fsgen
pl cmvol-03     cmvol        ENABLED  ACTIVE   1048576  CONCAT    -        RW
sv cmvol-S01    cmvol-03     cmvol-L01 1       1048576  0         3/3      ENA
v2 cmvol-L01    -            ENABLED  ACTIVE   1048576  SELECT    -        fsgen
p2 cmvol-P01    cmvol-L01    ENABLED  ACTIVE   1048576  CONCAT    -        RW
s2 emc0_0-05    cmvol-P01    emc0_0   5242880  1048576  0         emc0_0   ENA
p2 cmvol-P02    cmvol-L01    ENABLED  ACTIVE   1048576  CONCAT    -        RW
s2 emc0_1-05    cmvol-P02    emc0_1   4194304  1048576  0         emc0_1   ENA
p2 cmvol-P03    cmvol-L01    ENABLED  ACTIVE   1048576  CONCAT    -        RW
s2 emc0_2-05    cmvol-P03    emc0_2   4194304  1048576  0         emc0_2   ENA

v  dvol         -            ENABLED  ACTIVE   204800   SELECT    -        fsgen
pl dvol-01      dvol         ENABLED  ACTIVE   204800   CONCAT    -        RW
sd emc0_3-05    dvol-01      emc0_3   4194304  204800   0         emc0_3   ENA
dc dvol_dco     dvol         dvol_dcl
v  dvol_dcl     -            ENABLED  ACTIVE   67968    SELECT    -        gen
pl dvol_dcl-01  dvol_dcl     ENABLED  ACTIVE   67968    CONCAT    -        RW
sd emc0_3-06    dvol_dcl-01  emc0_3   4399104  67968    0         emc0_3   ENA

v  oldlog_dcl   -            ENABLED  ACTIVE   544      SELECT    -        gen
pl oldlog_dcl-01 oldlog_dcl  ENABLED  ACTIVE   544      CONCAT    -        RW

v  empty        -            DISABLED EMPTY    2048     SELECT    -        fsgen
"""


def views():
    return diskgroup_view(parse_vxprint(LAYOUTS_HTR), 'dbdg')


def volume(name, length, layout, ncol, nmirror, plexes, kstate='ENABLED', state='ACTIVE', instant_ready=False):
    return dict(name=name, diskgroup='dbdg', length=length, kstate=kstate, state=state,
                utype='fsgen', layout=layout, ncol=ncol, nmirror=nmirror, plexes=plexes,
                device='/dev/vx/dsk/dbdg/' + name, raw_device='/dev/vx/rdsk/dbdg/' + name,
                instant_ready=instant_ready)


def test_disks_of_the_group():
    assert views()['disks'] == [
        {'disk': 'emc0_%d' % i, 'device': 'emc0_%d' % i, 'publen': 209649808} for i in range(4)]
    assert views()['name'] == 'dbdg'


def test_user_volumes_only():
    # sub-volumes (v2, sv targets) and DCO logs (dc logvol, *_dcl gen) are not listed
    assert sorted(views()['volumes']) == ['cmvol', 'cvol', 'dvol', 'empty', 'msvol', 'mvol', 'smvol', 'svol']


def test_layout_concat():
    assert views()['volumes']['cvol'] == volume('cvol', 2097152, 'concat', None, 1, ['cvol-01'])


def test_layout_stripe():
    assert views()['volumes']['svol'] == volume('svol', 4194304, 'stripe', 4, 1, ['svol-01'])


def test_layout_mirror_ignores_the_log_plex_for_nmirror():
    assert views()['volumes']['mvol'] == volume('mvol', 1048576, 'mirror', None, 2,
                                                ['mvol-01', 'mvol-02', 'mvol-03'])


def test_layout_mirror_stripe():
    assert views()['volumes']['msvol'] == volume('msvol', 2097152, 'mirror-stripe', 2, 2,
                                                 ['msvol-01', 'msvol-02'])


def test_layout_stripe_mirror():
    assert views()['volumes']['smvol'] == volume('smvol', 2097152, 'stripe-mirror', 2, 2, ['smvol-03'])


def test_layout_concat_mirror():
    assert views()['volumes']['cmvol'] == volume('cmvol', 1048576, 'concat-mirror', None, 3, ['cmvol-03'])


def test_volume_with_dco_and_a_volume_without_plexes():
    vols = views()['volumes']
    assert vols['dvol'] == volume('dvol', 204800, 'concat', None, 1, ['dvol-01'], instant_ready=True)
    assert vols['empty'] == volume('empty', 2048, None, None, 0, [], kstate='DISABLED', state='EMPTY')


def test_used_and_free_sectors_per_disk():
    records = parse_vxprint(LAYOUTS_HTR)
    used = used_sectors_by_disk(records)
    assert used == {
        'emc0_0': 2097152 + 1048576 * 4,
        'emc0_1': 1048576 * 5,
        'emc0_2': 1048576 * 5,
        'emc0_3': 1048576 * 3 + 16 + 204800 + 67968,
    }
    free = free_sectors_by_disk(records)
    assert free == dict((disk, 209649808 - n) for disk, n in used.items())
    assert used_sectors_by_disk(records, 'nodg') == {}


def test_htr_capture_hides_the_dcl_volumes():
    records = parse_vxprint(samples.output('vxprint_htr_1.txt', 'vxprint -htr'))
    view = diskgroup_view(records, 'vrts_kube_dg-59131')
    assert view['disks'] == [{'disk': 'disk_0', 'device': 'disk_0', 'publen': 2147417808}]
    assert sorted(view['volumes']) == [
        'vol_41t7e8pv9gs3863639o0', 'vol_c51h5spa1dkn01c4076c', 'vol_fjv8578nvs33n888c9w6']
    assert view['volumes']['vol_41t7e8pv9gs3863639o0'] == {
        'name': 'vol_41t7e8pv9gs3863639o0', 'diskgroup': 'vrts_kube_dg-59131', 'length': 125829120,
        'kstate': 'ENABLED', 'state': 'ACTIVE', 'utype': 'fsgen', 'layout': 'concat', 'ncol': None,
        'nmirror': 1, 'plexes': ['vol_41t7e8pv9gs3863639o0-01'],
        'device': '/dev/vx/dsk/vrts_kube_dg-59131/vol_41t7e8pv9gs3863639o0',
        'raw_device': '/dev/vx/rdsk/vrts_kube_dg-59131/vol_41t7e8pv9gs3863639o0', 'instant_ready': True}
    assert used_sectors_by_disk(records) == {
        'disk_0': 62914560 * 2 + 125829120 + 67968 * 2 + 70400}


def test_t_um_capture_volume_set_members_are_volumes():
    view = diskgroup_view(parse_vxprint(samples.text('vxprint_t_um_1.txt')), 'vg_sanperftest')
    assert sorted(view['volumes']) == ['lv_sanperftest_01', 'lvset_sanperftest_01', 'lvset_sanperftest_02']
    assert view['volumes']['lvset_sanperftest_02']['length'] == 20971520
    assert view['volumes']['lvset_sanperftest_02']['layout'] == 'concat'
    assert view['disks'] == [{'disk': '28785_281', 'device': '3pardata0_281', 'publen': 71234929}]


def test_default_form_capture_has_no_layout_but_sizes():
    before = samples.outputs('vxprint_g_1.txt', 'vxprint -g indus_1c6')[0]
    view = diskgroup_view(parse_vxprint(before), 'indus_1c6')
    assert view['disks'] == [{'disk': 'emcpower1', 'device': 'emcpower1', 'publen': 633534160}]
    vol = view['volumes']['indus_1c6_vol1']
    assert (vol['length'], vol['utype'], vol['layout'], vol['ncol'], vol['nmirror'], vol['plexes']) == (
        633532416, 'fsgen', None, None, 1, ['indus_1c6_vol1-01'])


def test_records_without_dg_belong_to_the_requested_group():
    records = parse_vxprint('v  vol1 - ENABLED ACTIVE 2048 SELECT - fsgen\n'
                            'pl vol1-01 vol1 ENABLED ACTIVE 2048 CONCAT - RW\n')
    view = diskgroup_view(records, 'dbdg')
    assert view['volumes']['vol1']['device'] == '/dev/vx/dsk/dbdg/vol1'
    assert view['volumes']['vol1']['layout'] == 'concat'


def test_several_disk_groups():
    text = ('Disk group: appdg\n\n' + HEADER + '\ndg appdg default default 1000 1.1.n1\n\n'
            'dm emc0_5 emc0_5 auto 65536 209649808 -\n\n'
            'v  appvol - ENABLED ACTIVE 2048 SELECT - fsgen\n'
            'pl appvol-01 appvol ENABLED ACTIVE 2048 CONCAT - RW\n'
            'sd emc0_5-01 appvol-01 emc0_5 0 2048 0 emc0_5 ENA\n\n'
            'Disk group: dbdg\n\n' + LAYOUTS_HTR)
    records = parse_vxprint(text)
    assert diskgroup_names(records) == ['appdg', 'dbdg']
    both = diskgroup_views(records)
    assert sorted(both) == ['appdg', 'dbdg']
    assert list(both['appdg']['volumes']) == ['appvol']
    assert both['appdg']['disks'] == [{'disk': 'emc0_5', 'device': 'emc0_5', 'publen': 209649808}]
    assert both['dbdg'] == views()
    assert used_sectors_by_disk(records, 'appdg') == {'emc0_5': 2048}
    assert diskgroup_view(records, 'nodg') == {'name': 'nodg', 'disks': [], 'volumes': {}}


def test_empty_input():
    assert diskgroup_view([], 'dbdg') == {'name': 'dbdg', 'disks': [], 'volumes': {}}
    assert diskgroup_views([]) == {}


def generated_htr(dg, count):
    lines = [HEADER, 'dg %s default default 1000 1741211310.10.prod-n1' % dg, '']
    for disk in range(8):
        lines.append('dm emc0_%d emc0_%d auto 65536 2147417808 -' % (disk, disk))
    lines.append('')
    for n in range(count):
        vol = 'vm%05d_boot_volume' % n
        disk = n % 8
        lines.append('v  %s - ENABLED ACTIVE 2097152 SELECT - fsgen' % vol)
        if n % 2:
            lines.append('pl %s-01 %s ENABLED ACTIVE 2097152 CONCAT - RW' % (vol, vol))
            lines.append('sd emc0_%d-%05d %s-01 emc0_%d %d 2097152 0 emc0_%d ENA'
                         % (disk, n, vol, disk, n * 2097152, disk))
        else:
            for plex in (1, 2):
                lines.append('pl %s-%02d %s ENABLED ACTIVE 2097152 STRIPE 2/128 RW' % (vol, plex, vol))
                for col in range(2):
                    d = (disk + plex + col) % 8
                    lines.append('sd emc0_%d-%05d%d%d %s-%02d emc0_%d %d 1048576 %d/0 emc0_%d ENA'
                                 % (d, n, plex, col, vol, plex, d, n * 1048576, col, d))
        lines.append('')
    return '\n'.join(lines) + '\n'


def test_ten_thousand_volumes_parse_quickly():
    text = generated_htr('bigdg', 10000)
    started = time.perf_counter()
    view = diskgroup_view(parse_vxprint(text), 'bigdg')
    elapsed = time.perf_counter() - started
    assert len(view['volumes']) == 10000
    assert view['volumes']['vm00001_boot_volume']['layout'] == 'concat'
    assert view['volumes']['vm09998_boot_volume']['layout'] == 'mirror-stripe'
    assert view['volumes']['vm09998_boot_volume']['ncol'] == 2
    assert view['volumes']['vm09998_boot_volume']['nmirror'] == 2
    assert len(view['disks']) == 8
    assert elapsed < 2.0, 'parsing 10,000 volumes took %.2f s' % elapsed
