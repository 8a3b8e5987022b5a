"""vxsnap: prepare / unprepare / make / refresh / restore / dis / syncwait / list / print."""
import re

import pytest

from infoscale_sim.vxvm import snap_report
from infoscale_sim.vxvm.vxprint_format import tabbed
from infoscale_sim.admin.cli import main as admin_main
from .conftest import sample_lines

G = 2097152  # sectors per GiB


@pytest.fixture
def gold(sim_dg):
    """dg1 with a prepared 1g volume `gold` and a started cache gold_co on a 1g cache volume."""
    sim = sim_dg
    sim.ok("vxassist -g dg1 make gold 1g")
    sim.ok("vxsnap -g dg1 prepare gold")
    sim.ok("vxassist -g dg1 make gold_cv 1g layout=concat init=active")
    sim.ok("vxmake -g dg1 cache gold_co cachevolname=gold_cv")
    sim.ok("vxcache -g dg1 start gold_co")
    return sim


def write(sim, target, size, offset=None, node="prod-n1"):
    argv = ["write", "--state", sim.state, "--node", node, target, size]
    if offset:
        argv += ["--offset", offset]
    assert admin_main(argv) == 0


def test_prepare_adds_dco_and_log_volume(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make vol1 30g")
    assert sim.ok("vxsnap -g dg1 prepare vol1") == ""
    rows = sim.ok("vxprint -g dg1 -htr vol1").splitlines()[17:]
    assert rows == [
        "v  vol1         -            ENABLED  ACTIVE   62914560 SELECT    -        fsgen",
        "pl vol1-01      vol1         ENABLED  ACTIVE   62914560 CONCAT    -        RW",
        "sd emc0_0-01    vol1-01      emc0_0   0        62914560 0         emc0_0   ENA",
        "dc vol1_dco     vol1         vol1_dcl",
        "v  vol1_dcl     -            ENABLED  ACTIVE   67968    SELECT    -        gen",   # as in sample
        "pl vol1_dcl-01  vol1_dcl     ENABLED  ACTIVE   67968    CONCAT    -        RW",
        "sd emc0_0-02    vol1_dcl-01  emc0_0   62914560 67968    0         emc0_0   ENA",
    ]
    again = sim.fail("vxsnap -g dg1 prepare vol1")
    assert (again.rc, again.err) == (1, "VxVM vxsnap ERROR V-5-1-6700 volume vol1 is already instant ready\n")


def test_prepare_options_and_errors(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make m 60g layout=mirror")
    sim.ok("vxsnap -g dg1 -b prepare m ndcomirs=1 regionsize=64k drl=off")
    assert sim.volume_rows("dg1")["m_dcl"] == 70400           # sample vxprint_htr_1: 60g -> 70400
    sim.ok("vxassist -g dg1 make v 1g")
    assert sim.fail("vxsnap -g dg1 prepare v regionsize=24k").err == (
        "VxVM vxsnap ERROR V-5-1-1299 Invalid value for attribute regionsize: 24k\n")
    assert sim.fail("vxsnap -g dg1 prepare v bogus=1").err == (
        "VxVM vxsnap ERROR V-5-1-1300 Unrecognized attribute: bogus=1\n")
    assert sim.fail("vxsnap -g dg1 prepare nov").rc == 2
    assert sim.fail("vxsnap -g nodg prepare v").rc == 9
    assert sim.fail("vxsnap -g dg1 -z prepare v").err.startswith("vxsnap: illegal option -- z\n"
                                                                 "VxVM vxsnap ERROR V-5-1-2 Usage: vxsnap")
    assert sim.fail("vxsnap -g dg1 frobnicate v").rc == 1
    assert sim.fail("vxsnap -g dg1 prepare m_dcl").err == (
        "VxVM vxsnap ERROR V-5-1-6152 Volume m_dcl is the DCO log volume of m\n")


def test_unprepare(gold):
    sim = gold
    sim.ok("vxsnap -g dg1 make source=gold/newvol=s1/cache=gold_co")
    assert sim.fail("vxsnap -g dg1 unprepare gold").err == (
        "VxVM vxsnap ERROR V-5-1-6223 Volume gold has snapshots (s1): remove or dissociate them first\n")
    sim.ok("vxedit -g dg1 -rf rm s1")
    sim.ok("vxsnap -g dg1 unprepare gold")
    assert "gold_dcl" not in sim.volume_rows("dg1")
    assert sim.fail("vxsnap -g dg1 unprepare gold").err == (
        "VxVM vxsnap ERROR V-5-1-6151 Volume gold is not instant ready\n")


def test_make_several_tuples_at_once_and_records(gold):
    sim = gold
    assert sim.ok("vxsnap -g dg1 make source=gold/newvol=vm01/cache=gold_co "
                  "source=gold/newvol=vm02/cache=gold_co") == ""
    out = sim.ok("vxprint -g dg1 -htr").splitlines()
    assert "sp vm01_snp1    vm01         gold_dco" in out
    assert "sp vm02_snp1    vm02         gold_dco" in out
    assert "sc vm01-S01     vm01-P01     gold_co  0        2097152  0         -        ENA" in out
    assert "sp gold_snp2    gold         vm02_dco" in out
    assert "co gold_co      gold_cv      ENABLED  ACTIVE" in out
    assert "v  gold_cv      gold_co      ENABLED  ACTIVE   2097152  SELECT    -        fsgen" in out
    assert out.index("co gold_co      gold_cv      ENABLED  ACTIVE") > out.index(
        "v  vm02         -            ENABLED  ACTIVE   2097152  SELECT    -        fsgen")
    fields = sim.ok(["vxprint", "-g", "dg1", "-q", "-v", "-F", "%name %cache %snap_type"]).splitlines()
    assert "vm01 gold_co spaceopt" in fields and "gold - -" in fields


def test_make_is_atomic_and_checks_every_tuple(gold):
    sim = gold
    sim.ok("vxassist -g dg1 make taken 1g")
    before = sim.doc()
    failed = sim.fail("vxsnap -g dg1 make source=gold/newvol=vm01/cache=gold_co "
                      "source=gold/newvol=taken/cache=gold_co")
    assert (failed.rc, failed.err) == (12, "VxVM vxsnap ERROR V-5-1-10127 creating volume taken:\n"
                                           "\tRecord already exists in disk group\n")
    assert sim.doc() == before
    assert sim.fail("vxsnap -g dg1 make source=gold/newvol=a/cache=gold_co "
                    "source=gold/newvol=a/cache=gold_co").rc == 12


def test_make_errors(gold):
    sim = gold
    sim.ok("vxassist -g dg1 make plain 1g")
    assert sim.fail("vxsnap -g dg1 make source=plain/newvol=s/cache=gold_co").err == (
        "VxVM vxsnap ERROR V-5-1-6151 Volume plain is not instant ready\n")
    assert sim.fail("vxsnap -g dg1 make source=nov/newvol=s/cache=gold_co").rc == 2
    failed = sim.fail("vxsnap -g dg1 make source=gold/newvol=s/cache=noco")
    assert (failed.rc, failed.err) == (11, "VxVM vxsnap ERROR V-5-1-6332 Cache noco not in configuration\n")
    assert sim.fail("vxsnap -g dg1 make source=gold/newvol=s/cache=gold_co/nmirror=2").err == (
        "VxVM vxsnap ERROR V-5-1-1300 Unrecognized attribute: nmirror=2\n")
    assert sim.fail("vxsnap -g dg1 make source=gold/newvol=s").rc == 1          # break-off: no mirrors
    assert sim.fail("vxsnap -g dg1 make source=gold/cache=gold_co").rc == 1
    assert sim.fail("vxsnap -g dg1 make").rc == 1
    sim.ok("vxcache -g dg1 stop gold_co")
    assert sim.fail("vxsnap -g dg1 make source=gold/newvol=s/cache=gold_co").err == (
        "VxVM vxsnap ERROR V-5-1-6329 Cache gold_co is not started\n")
    sim.ok("vxcache -g dg1 start gold_co")
    sim.ok("vxassist -g dg1 make big_cv 1g")
    sim.ok("vxmake -g dg1 cache big_co cachevolname=big_cv regionsize=1m")
    sim.ok("vxcache -g dg1 start big_co")
    assert "is smaller than the region size of cache big_co" in sim.fail(
        "vxsnap -g dg1 make source=gold/newvol=s/cache=big_co").err


def test_cachesize_makes_an_implicit_cache(gold):
    sim = gold
    sim.ok("vxsnap -g dg1 make source=gold/newvol=s1/cachesize=100m")
    assert sim.ok("vxcache -g dg1 stat s1_co").splitlines()[1] == tabbed(
        ["s1_co", "s1_cv", "128", "204800", "0", "0", "off", "90", "ACTIVE"], snap_report.STAT_STOPS)
    sim.ok("vxedit -g dg1 -rf rm s1")
    assert "s1_cv" not in sim.volume_rows("dg1")
    assert sim.fail("vxcache -g dg1 stat s1_co").rc == 11


def test_list_layout(gold):
    sim = gold
    sim.ok("vxsnap -g dg1 make source=gold/newvol=vm01_boot/cache=gold_co")
    write(sim, "dg1/vm01_boot", "52m")
    lines = sim.ok("vxsnap -g dg1 list").splitlines()
    assert lines[0] == ("NAME       DG       OBJTYPE SNAPTYPE   PARENT     PARENTDG SNAPDATE          "
                        "CHANGE_DATA  SYNCED_DATA")
    assert lines[1] == "gold       dg1      vol     -          -          -        -                 -            -"
    assert re.fullmatch(r"vm01_boot  dg1      vol     spaceopt   gold       dg1      "
                        r"\d{4}/\d{1,2}/\d{1,2} \d\d:\d\d +52M \(5.1%\) +52M \(5.1%\)", lines[2])
    assert lines[2][77:] == "52M (5.1%)   52M (5.1%)"
    assert sim.ok("vxsnap -g dg1 list vm01_boot").splitlines()[1:] == lines[2:]
    assert sim.fail("vxsnap -g dg1 list nov").rc == 2


def test_list_row_of_the_brief_rebuilds_exactly():
    row = "vm01_boot  bootdg   vol     spaceopt   gold       bootdg   2026/11/24 21:40  52M (0.5%)   52M (0.5%)"
    values = ["vm01_boot", "bootdg", "vol", "spaceopt", "gold", "bootdg", "2026/11/24 21:40",
              "52M (0.5%)", "52M (0.5%)"]
    assert tabbed(values, snap_report.LIST_STOPS) == row
    assert snap_report.human_size(10 * 1024 * 2048) == "10G"
    assert snap_report.human_size(3 * 1024 * 1024) == "1.5G"
    assert snap_report.human_size(0) == "0"


def test_print_reproduces_the_documented_example(sim_dg):
    """Sample vxsnap_print_doc_1: full-sized snapshot snapvol1 of vol1, not synchronized."""
    sim = sim_dg
    sim.ok("vxassist -g dg1 make vol1 1g")
    sim.ok("vxassist -g dg1 make snapvol1 1g")
    sim.ok("vxsnap -g dg1 prepare vol1")
    sim.ok("vxsnap -g dg1 prepare snapvol1")
    sim.ok("vxsnap -g dg1 make source=vol1/snapvol=snapvol1/sync=no")
    write(sim, "dg1/vol1", str(213 * 128))       # 213 of 16384 regions: 1.30 %
    assert sim.ok("vxsnap -g dg1 print").splitlines() == sample_lines("vxsnap_print_doc_1.txt")[1:]
    assert re.search(r"snapvol1 +dg1 +vol +fullinst +vol1 +dg1 .* 13.3M \(1.3%\) 13.3M \(1.3%\)$",
                     sim.ok("vxsnap -g dg1 list snapvol1"), re.M)
    assert sim.fail("vxsnap -g dg1 dis snapvol1").rc == 1          # not synchronized yet
    sim.ok("vxsnap -g dg1 syncwait snapvol1")
    assert sim.ok("vxsnap -g dg1 print snapvol1").splitlines()[2].split() == [
        "snapvol1", "vol1_snp1", "volume", "vol1", "--", "1.30", "100"]
    sim.ok("vxsnap -g dg1 dis snapvol1")
    assert sim.ok("vxsnap -g dg1 list").splitlines()[1:] == [
        "snapvol1   dg1      vol     -          -          -        -                 -            -",
        "vol1       dg1      vol     -          -          -        -                 -            -"]
    again = sim.fail("vxsnap -g dg1 dis snapvol1")
    assert (again.rc, again.err) == (20, "VxVM vxsnap ERROR V-5-1-6189 Volume snapvol1 is not a snapshot volume\n")
    assert sim.fail("vxsnap -g dg1 dis gone").rc == 2


def test_full_sized_snapshot_checks(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make src 1g")
    sim.ok("vxassist -g dg1 make small 512m")
    sim.ok("vxassist -g dg1 make twin 1g")
    sim.ok("vxsnap -g dg1 prepare src")
    assert sim.fail("vxsnap -g dg1 make source=src/snapvol=twin").err == (
        "VxVM vxsnap ERROR V-5-1-6151 Volume twin is not instant ready\n")
    sim.ok("vxsnap -g dg1 prepare small")
    assert "differ in length" in sim.fail("vxsnap -g dg1 make source=src/snapvol=small").err
    sim.ok("vxsnap -g dg1 prepare twin")
    free_before = sim.ok("vxdg -g dg1 free")
    sim.ok("vxsnap -g dg1 make source=src/snapvol=twin")
    assert sim.ok("vxdg -g dg1 free") == free_before        # its space was allocated by vxassist
    sim.ok("vxsnap -g dg1 syncwait twin")
    assert sim.ok("vxsnap -g dg1 print twin").splitlines()[2].split()[-1] == "100"
    assert "already a snapshot" in sim.fail("vxsnap -g dg1 make source=src/snapvol=twin").err


def test_refresh_restore(gold):
    sim = gold
    sim.ok("vxsnap -g dg1 make source=gold/newvol=s1/cache=gold_co source=gold/newvol=s2/cache=gold_co")
    write(sim, "dg1/s1", "10m")
    assert _dirty(sim, "s1") == "0.98"
    sim.ok("vxsnap -g dg1 refresh s1 source=gold")
    assert _dirty(sim, "s1") == "0.00"
    write(sim, "dg1/s1", "20m")
    sim.ok("vxsnap -g dg1 restore gold source=s1")       # gold changes: s2 copies 20m
    assert _dirty(sim, "s2") == "1.95"
    assert "is not a snapshot of s2" in sim.fail("vxsnap -g dg1 restore s2 source=s1").err
    assert sim.fail("vxsnap -g dg1 refresh s1 source=s2").rc == 1
    assert sim.fail("vxsnap -g dg1 refresh gold").rc == 20
    assert sim.fail("vxsnap -g dg1 refresh s1 bogus=x").rc == 1
    from infoscale_sim.admin import state as admin_state
    admin_state.set_open(sim.state, "prod-n1", "dg1/s1", True)
    assert sim.fail("vxsnap -g dg1 refresh s1").err == "VxVM vxsnap ERROR V-5-1-1242 Volume s1 is open, cannot refresh\n"
    admin_state.set_open(sim.state, "prod-n1", "dg1/s1", False)
    sim.ok("vxsnap -g dg1 restore gold source=s2 destroy=yes")
    assert "s2" not in sim.volume_rows("dg1")


def _dirty(sim, vol):
    for line in sim.ok("vxsnap -g dg1 print").splitlines():
        parts = line.split()
        if parts and parts[0] == vol:
            return parts[5]
    raise AssertionError(vol)


def test_snapshot_of_a_snapshot_and_removal_order(gold):
    sim = gold
    sim.ok("vxsnap -g dg1 make source=gold/newvol=s1/cache=gold_co")
    sim.ok("vxsnap -g dg1 make source=s1/newvol=s1a/cache=gold_co")
    print_rows = [l.split()[:4] for l in sim.ok("vxsnap -g dg1 print").splitlines()[2:]]
    assert print_rows == [["gold", "--", "volume", "--"], ["s1_snp1", "volume", "--", "s1"],
                          ["s1", "gold_snp1", "volume", "gold"], ["s1a_snp1", "volume", "--", "s1a"],
                          ["s1a", "s1_snp2", "volume", "s1"]]
    write(sim, "dg1/s1", "1m")                           # s1 diverges and s1a copies on write
    assert _dirty(sim, "s1") == "0.10" and _dirty(sim, "s1a") == "0.10"
    assert sim.fail("vxedit -g dg1 -rf rm s1").err == (
        "VxVM vxedit ERROR V-5-1-6223 Volume s1 has snapshots (s1a): remove or dissociate them first\n")
    sim.ok("vxedit -g dg1 -rf rm s1a")
    sim.ok("vxedit -g dg1 -rf rm s1")
    assert sorted(sim.volume_rows("dg1")) == ["gold", "gold_cv", "gold_dcl"]
