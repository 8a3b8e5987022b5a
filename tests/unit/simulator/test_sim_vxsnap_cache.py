"""Cache objects (vxmake cache, vxcache), space accounting of space-optimized snapshots,
cache-full behaviour, removal rules (vxedit, vxassist remove) and parallel vxsnap make."""
import os
import subprocess

import pytest

from infoscale_sim.admin.cli import main as admin_main
from infoscale_sim.admin import state as admin_state

STAT_HEADER = ("CACHE-OBJECT     CACHEVOL         REGIONSZ   CACHESZ      USED         %USED  "
               "AUTOGROW  HWM  STATE")


def write(sim, target, size, offset=None):
    argv = ["write", "--state", sim.state, "--node", "prod-n1", target, size]
    if offset:
        argv += ["--offset", offset]
    return admin_main(argv)


def stat(sim, co):
    lines = sim.ok("vxcache -g dg1 stat %s" % co).splitlines()
    assert lines[0] == STAT_HEADER
    return lines[1]


def used(sim, co):
    return int(stat(sim, co).split()[4])


def make_cache(sim, co, size, *attrs):
    sim.ok("vxassist -g dg1 make %s_cv %s layout=concat init=active" % (co, size))
    sim.ok(["vxmake", "-g", "dg1", "cache", co, "cachevolname=%s_cv" % co] + list(attrs))
    sim.ok("vxcache -g dg1 start %s" % co)


@pytest.fixture
def gold20(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make gold 20g")
    sim.ok("vxsnap -g dg1 prepare gold")
    make_cache(sim, "gold_co", "4g", "autogrow=on")
    return sim


def test_vxcache_stat_layout_exact(sim_dg):
    sim = sim_dg
    make_cache(sim, "gold_co", "4g", "regionsize=64k", "autogrow=on", "highwatermark=90")
    assert sim.ok("vxcache -g dg1 stat gold_co") == (
        STAT_HEADER + "\n"
        "gold_co          gold_co_cv       128        8388608      0            0      on        90   ACTIVE\n")
    make_cache(sim, "b", "1g", "regionsize=256k", "highwatermark=60")
    assert sim.ok("vxcache -g dg1 stat").splitlines()[1:] == [
        "b                b_cv             512        2097152      0            0      off       60   ACTIVE",
        "gold_co          gold_co_cv       128        8388608      0            0      on        90   ACTIVE"]


def test_ten_clones_use_cache_only_as_they_diverge(gold20):
    sim = gold20
    tuples = ["source=gold/newvol=vm%02d/cache=gold_co" % i for i in range(1, 11)]
    sim.ok(["vxsnap", "-g", "dg1", "make"] + tuples)
    assert used(sim, "gold_co") == 0
    for i in range(1, 11):
        assert write(sim, "dg1/vm%02d" % i, "100m") == 0
    assert used(sim, "gold_co") == 10 * 204800                     # 10 x 100m
    assert write(sim, "dg1/vm01", "100m") == 0                      # same regions again: no more
    assert used(sim, "gold_co") == 10 * 204800
    assert write(sim, "dg1/vm02", "100m", offset="1k") == 0         # 1600 regions, 1 of them new
    assert used(sim, "gold_co") == 10 * 204800 + 128
    assert write(sim, "dg1/gold", "10m", offset="1g") == 0          # copy-on-write for every clone
    assert used(sim, "gold_co") == 10 * 204800 + 128 + 10 * 20480
    assert stat(sim, "gold_co") == (
        "gold_co          gold_co_cv       128        8388608      2252928      26     on        90   ACTIVE")
    lines = sim.ok("vxsnap -g dg1 list").splitlines()
    assert [l.split()[-4:] for l in lines[2:4]] == [["110M", "(0.5%)", "110M", "(0.5%)"],
                                                    ["110.1M", "(0.5%)", "110.1M", "(0.5%)"]]


def test_cache_too_small_is_no_error_and_fills_without_autogrow(gold20):
    sim = gold20
    make_cache(sim, "tiny", "64m")
    sim.ok("vxsnap -g dg1 make source=gold/newvol=c1/cache=tiny source=gold/newvol=c2/cache=tiny")
    assert write(sim, "dg1/c1", "40m") == 0
    assert stat(sim, "tiny").split()[-1] == "ACTIVE"
    assert write(sim, "dg1/c2", "40m") == 0                 # 80m > 64m: both snapshots invalid
    assert stat(sim, "tiny") == (
        "tiny             tiny_cv          128        131072       131072       100    off       90   FULL")
    rows = sim.ok(["vxprint", "-g", "dg1", "-q", "-v", "-F", "%name %kstate %state", "c1", "c2"])
    assert rows == "c1 DISABLED INVALID\nc2 DISABLED INVALID\n"
    valid = {l.split()[0]: l.split()[-1] for l in sim.ok("vxsnap -g dg1 print").splitlines()[2:] if l[0] != " "}
    assert (valid["c1"], valid["c2"], valid["gold"]) == ("0", "0", "100")
    assert write(sim, "dg1/c1", "1m") == 1                  # an invalid snapshot takes no writes
    assert write(sim, "dg1/gold", "1m") == 0
    assert sim.fail("vxvol -g dg1 start c2").err == "VxVM vxvol ERROR V-5-1-6187 Volume c2 is invalid\n"
    sim.ok("vxsnap -g dg1 refresh c1")                      # refresh makes it valid and empty again
    sim.ok("vxedit -g dg1 -rf rm c2")
    assert stat(sim, "tiny").split()[4:] == ["0", "0", "off", "90", "ACTIVE"]


def test_autogrow_grows_the_cache_volume(gold20):
    sim = gold20
    make_cache(sim, "ag", "64m", "autogrow=on")
    sim.ok("vxsnap -g dg1 make source=gold/newvol=c1/cache=ag source=gold/newvol=c2/cache=ag")
    assert write(sim, "dg1/c1", "40m") == 0
    assert write(sim, "dg1/c2", "40m") == 0
    size = int(stat(sim, "ag").split()[3])
    assert 163840 * 100 <= size * 90 and size <= 2 * 131072      # above the watermark, below max
    assert size == 191888                                        # 64m grown 10% at a time, 8k aligned
    assert sim.volume_rows("dg1")["ag_cv"] == size
    assert stat(sim, "ag").split()[-1] == "ACTIVE"
    assert write(sim, "dg1/c1", "100m", offset="1g") == 0         # beyond maxautogrow (128m)
    assert stat(sim, "ag").split()[3:] == ["262144", "262144", "100", "on", "90", "FULL"]


def test_vxmake_cache_errors(sim_dg):
    sim = sim_dg
    make_cache(sim, "co1", "1g")
    failed = sim.fail("vxmake -g dg1 cache co1 cachevolname=co1_cv")
    assert (failed.rc, failed.err) == (12, "VxVM vxmake ERROR V-5-1-6317 Cache co1 already exists\n")
    sim.ok("vxassist -g dg1 make cv2 1g")
    assert sim.fail("vxmake -g dg1 cache co2 cachevolname=co1_cv").err == (
        "VxVM vxmake ERROR V-5-1-6331 Volume co1_cv is the cache volume of cache object co1\n")
    assert sim.fail("vxmake -g dg1 cache co2 cachevolname=nov").rc == 11
    assert sim.fail("vxmake -g dg1 cache co2").rc == 1
    assert sim.fail("vxmake -g dg1 cache co2 cachevolname=cv2 regionsize=100k").err == (
        "VxVM vxmake ERROR V-5-1-1299 Invalid value for attribute regionsize: 100k\n")
    assert sim.fail("vxmake -g dg1 cache co2 cachevolname=cv2 autogrow=maybe").rc == 1
    assert sim.fail("vxmake -g dg1 cache co2 cachevolname=cv2 colour=red").err == (
        "VxVM vxmake ERROR V-5-1-1300 Unrecognized attribute: colour=red\n")
    assert sim.fail("vxmake -g dg1 cache cv2 cachevolname=co1_cv").rc == 12   # a volume's name
    assert sim.fail("vxmake -g dg1 vol v1 len=1000").err.startswith(
        "vxmake: vol: record type not supported\nVxVM vxmake ERROR V-5-1-2 Usage: vxmake")
    assert sim.fail("vxmake -g nodg cache co2 cachevolname=cv2").rc == 9
    assert [l for l in sim.ok("vxprint -g dg1 -htr").splitlines() if l.startswith("co ")] == [
        "co co1          co1_cv       ENABLED  ACTIVE"]


def test_vxcache_start_stop_grow_set(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make cv 1g layout=mirror init=active")
    sim.ok("vxmake -g dg1 cache co cachevolname=cv")
    assert "co co           cv           DISABLED CLEAN" in sim.ok("vxprint -g dg1 -htr").splitlines()
    assert sim.ok("vxcache -g dg1 start co") == ""
    failed = sim.fail("vxcache -g dg1 start co")
    assert (failed.rc, failed.err) == (25, "VxVM vxcache INFO V-5-1-6325 Cache co is already started\n")
    sim.ok("vxcache -g dg1 stop co")
    failed = sim.fail("vxcache -g dg1 stop co")
    assert (failed.rc, failed.err) == (26, "VxVM vxcache ERROR V-5-1-6326 Cache is already stopped\n")
    failed = sim.fail("vxcache -g dg1 stop test")
    assert (failed.rc, failed.err) == (11, "VxVM vxcache ERROR V-5-1-6332 Cache test not in configuration\n")
    assert stat(sim, "co").split()[-1] == "STOPPED"
    sim.ok("vxcache -g dg1 start co")
    sim.ok("vxcache -g dg1 growcacheto co 2g")
    sim.ok("vxcache -g dg1 growcacheby co 1g")
    assert sim.volume_rows("dg1")["cv"] == 3 * 2097152
    assert sim.fail("vxcache -g dg1 growcacheto co 1g").rc == 1
    assert sim.fail("vxcache -g dg1 growcacheto co 900g").rc == 1
    sim.ok("vxcache -g dg1 set highwatermark=60 autogrow=on co")
    assert stat(sim, "co").split()[6:8] == ["on", "60"]
    assert sim.fail("vxcache -g dg1 set colour=red co").rc == 1
    assert sim.fail("vxcache -g dg1 set highwatermark=60").rc == 1
    assert sim.fail("vxcache -g dg1 flush co").err.startswith("vxcache: flush: keyword not supported")
    assert sim.fail("vxcache -g dg1 stat nope").rc == 11


def test_removal_rules(gold20):
    sim = gold20
    sim.ok("vxsnap -g dg1 make source=gold/newvol=vm01/cache=gold_co source=gold/newvol=vm02/cache=gold_co")
    admin_state.set_open(sim.state, "prod-n1", "dg1/vm02", True)
    before = sim.doc()
    err = "VxVM vxedit ERROR V-5-1-6223 Volume gold has snapshots (vm01, vm02): remove or dissociate them first\n"
    assert sim.fail("vxedit -g dg1 -rf rm gold").err == err
    assert sim.fail("vxassist -g dg1 remove volume gold").err == err.replace("vxedit", "vxassist")
    assert sim.fail("vxedit -g dg1 -rf rm gold_co_cv").err == (
        "VxVM vxedit ERROR V-5-1-6331 Volume gold_co_cv is the cache volume of cache object gold_co\n")
    assert sim.fail("vxedit -g dg1 -rf rm gold_dcl").err == (
        "VxVM vxedit ERROR V-5-1-6152 Volume gold_dcl is the DCO log volume of gold\n")
    assert sim.fail("vxedit -g dg1 -f rm gold_co").err == (
        "VxVM vxedit ERROR V-5-1-6330 Cache gold_co is in use by snapshots (vm01, vm02): use -r to "
        "remove them with the cache\n")
    assert sim.fail("vxedit -g dg1 -rf rm vm02").err == "VxVM vxedit ERROR V-5-1-1242 Volume vm02 is open, cannot remove\n"
    assert sim.fail("vxedit -g dg1 -rf rm gold_co").rc == 1
    assert sim.doc() == before
    admin_state.set_open(sim.state, "prod-n1", "dg1/vm02", False)
    sim.ok("vxedit -g dg1 -rf rm vm01")
    assert sim.fail("vxedit -g dg1 -rf rm vm01").rc == 11
    sim.ok("vxedit -g dg1 -rf rm gold_co")                        # takes vm02 and the cache volume
    assert sorted(sim.volume_rows("dg1")) == ["gold", "gold_dcl"]
    sim.ok("vxedit -g dg1 -rf rm gold")
    assert sim.run("vxprint -g dg1 -q -v").rc == 11                # no volume left
    assert [l.split()[3:5] for l in sim.ok("vxdg -g dg1 free").splitlines()[1:]] == [["0", "209649360"]] * 3


def test_removing_an_unused_cache_without_r_keeps_its_volume(sim_dg):
    sim = sim_dg
    make_cache(sim, "co", "1g")
    sim.ok("vxedit -g dg1 -f rm co")
    line = [l for l in sim.ok("vxprint -g dg1 -htr").splitlines() if l.startswith("v  co_cv")][0]
    assert line.split()[2] == "-"
    sim.ok("vxedit -g dg1 -rf rm co_cv")


def test_write_helper_errors(gold20):
    sim = gold20
    assert write(sim, "dg1/gold", "21g") == 1
    assert write(sim, "dg1/nov", "1m") == 1
    assert write(sim, "nodg/gold", "1m") == 1
    assert write(sim, "dg1gold", "1m") == 1
    assert write(sim, "dg1/gold", "1x") == 1


def test_parallel_vxsnap_make(gold20, tmp_path):
    sim = gold20
    env = dict(os.environ, INFOSCALE_SIM_STATE=sim.state, INFOSCALE_SIM_NODE="prod-n1")
    shim = os.path.join(sim.state, "bin", "vxsnap")
    procs = [subprocess.Popen([shim, "-g", "dg1", "make", "source=gold/newvol=p%d/cache=gold_co" % i],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i in range(6)]
    results = [p.communicate() + (p.returncode,) for p in procs]
    assert results == [("", "", 0)] * 6
    htr = sim.ok("vxprint -g dg1 -htr").splitlines()
    points = sorted(l.split()[1] for l in htr if l.startswith("sp ") and l.split()[2] == "gold")
    assert points == ["gold_snp%d" % i for i in range(1, 7)]       # each clone its own snap point
    assert len(sim.ok("vxsnap -g dg1 list").splitlines()) == 8
