"""Fire-drill snapshots of a Secondary RVG: `vxrvg snapshot | snapdestroy` (space-optimized
snapshots of every data volume at one point in time on VxVM's instant-snapshot model) and the
RVGSnapshot agent (online snaps the Secondary's data volumes as <Prefix><volume> on CacheObj,
offline destroys them with DestroyOnOffline=1, monitor sees whether they exist)."""
import pytest

from . import vvr_sim
from .test_vcs_gco_vvr import GcoVvrSim, _events
from .vvr_sim import vvr  # noqa: F401  (fixture)

DR = "dr-n1"


def _prepare(sim, node=DR, cache=True):
    """The data volumes instant-ready, a started cache object fd_co on fd_cv (100m)."""
    for vol in ("datavol", "logvol"):
        sim.ok("vxsnap -g appdg prepare %s" % vol, node)
    if cache:
        sim.ok("vxassist -g appdg make fd_cv 100m", node)
        sim.ok("vxmake -g appdg cache fd_co cachevolname=fd_cv", node)
        sim.ok("vxcache -g appdg start fd_co", node)


def _snap(sim, name, cluster="drclus"):
    dg = next(dg for dg in sim.doc(cluster)["dgs"].values() if dg["name"] == "appdg" and dg["imported_on"])
    vol = dg["volumes"].get(name)
    return vol.get("snap") if vol else None


# ------------------------------------------------------------------ vxrvg snapshot / snapdestroy

def test_vxrvg_snapshot_snaps_every_data_volume_on_the_cache_object(vvr):
    vvr.replicating()
    _prepare(vvr)
    vvr.ok("vxrvg -g appdg -P fd snapshot app_rvg cache=fd_co", DR)
    for vol in ("datavol", "logvol"):
        snap = _snap(vvr, "fd-" + vol)
        assert (snap["type"], snap["source"], snap["cache"]) == ("spaceopt", vol, "fd_co")
    assert _snap(vvr, "fd-app_srl") is None and _snap(vvr, "SNAP-datavol") is None
    listed = vvr.ok("vxsnap -g appdg list", DR)
    assert "fd-datavol" in listed and "fd-logvol" in listed
    assert "fd-datavol" in vvr.ok("vxprint -g appdg -ht", DR)
    failed = vvr.fail("vxrvg -g appdg -P fd snapshot app_rvg cache=fd_co", DR)
    assert failed.err == "VxVM VVR vxrvg ERROR V-5-1-3344 Record fd-datavol already exists in disk group appdg\n"
    vvr.ok("vxrvg -g appdg -P fd snapdestroy app_rvg", DR)
    assert _snap(vvr, "fd-datavol") is None and _snap(vvr, "fd-logvol") is None
    failed = vvr.fail("vxrvg -g appdg -P fd snapdestroy app_rvg", DR)
    assert failed.err == "VxVM VVR vxrvg ERROR V-5-1-3348 No snapshots with prefix fd found for rvg app_rvg\n"


def test_vxrvg_snapshot_with_cachesize_gives_each_snapshot_its_own_cache(vvr):
    vvr.replicating()
    _prepare(vvr, cache=False)
    vvr.ok("vxrvg -g appdg -S snapshot app_rvg cachesize=20m", DR)      # default prefix SNAP
    dg = next(dg for dg in vvr.doc("drclus")["dgs"].values() if dg["name"] == "appdg")
    assert sorted(dg["caches"]) == ["SNAP-datavol_co", "SNAP-logvol_co"]
    assert _snap(vvr, "SNAP-logvol")["cache"] == "SNAP-logvol_co"
    vvr.ok("vxrvg -g appdg snapdestroy app_rvg", DR)
    dg = next(dg for dg in vvr.doc("drclus")["dgs"].values() if dg["name"] == "appdg")
    assert dg["caches"] == {} and "SNAP-datavol_cv" not in dg["volumes"]


def test_vxrvg_snapshot_is_all_or_nothing_and_refuses_what_the_product_refuses(vvr):
    vvr.replicating()
    vvr.ok("vxsnap -g appdg prepare datavol", DR)                       # logvol not instant-ready
    vvr.ok("vxassist -g appdg make fd_cv 100m", DR)
    vvr.ok("vxmake -g appdg cache fd_co cachevolname=fd_cv", DR)
    failed = vvr.fail("vxrvg -g appdg snapshot app_rvg cache=fd_co", DR)
    assert failed.err == "VxVM VVR vxrvg ERROR V-5-1-6129 Cache object fd_co is not started\n"
    vvr.ok("vxcache -g appdg start fd_co", DR)
    failed = vvr.fail("vxrvg -g appdg snapshot app_rvg cache=fd_co", DR)
    assert failed.rc == 1
    assert failed.err == ("VxVM VVR vxrvg ERROR V-5-1-6186 Volume logvol is not instant ready: "
                          "run vxsnap prepare first\n")
    assert _snap(vvr, "SNAP-datavol") is None                           # nothing made
    assert vvr.fail("vxrvg -g appdg snapshot app_rvg cache=nosuch", DR).err == \
        "VxVM VVR vxrvg ERROR V-5-1-6128 Cache object nosuch not found\n"
    for bad in ("vxrvg -g appdg snapshot app_rvg", "vxrvg -g appdg snapshot app_rvg cache=fd_co cachesize=1m",
                "vxrvg -g appdg snapshot app_rvg nmirror=1", "vxrvg -g appdg -F snapshot app_rvg cache=fd_co",
                "vxrvg -g appdg -P x start app_rvg", "vxrvg -g appdg snapdestroy app_rvg cache=fd_co",
                "vxrvg -g appdg snaprestore app_rvg"):
        failed = vvr.fail(bad, DR)
        assert failed.rc == 1 and "vxrvg [-g diskgroup] [-S] [-P prefix] snapshot rvg" in failed.err, bad


def test_a_write_to_the_data_volume_copies_into_the_snapshot_cache(vvr):
    vvr.replicating()
    _prepare(vvr, "prod-n1")
    vvr.ok("vxrvg -g appdg -P fd snapshot app_rvg cache=fd_co")           # on the Primary: allowed
    assert vvr.write("appdg/datavol", "1m") == 0
    assert _snap(vvr, "fd-datavol", "prodclus")["diverged"] != []
    assert _snap(vvr, "fd-logvol", "prodclus")["diverged"] == []


# ------------------------------------------------------------------ the RVGSnapshot agent

@pytest.fixture
def gv(tmp_path, monkeypatch):
    monkeypatch.setattr(vvr_sim, "VvrSim", GcoVvrSim)
    return vvr_sim.make(tmp_path, monkeypatch)


def _fire_drill_group(sim, node=DR, prefix="fd_", cache="fd_co", destroy=None):
    """DiskGroup + RVG replication group app_rep and a fire-drill group fd_sg on `node`."""
    sim.replicating()
    sim.configure(
        "hagrp -add app_rep", "hagrp -modify app_rep SystemList %s 0" % node,
        "hares -add appdg_res DiskGroup app_rep", "hares -modify appdg_res DiskGroup appdg",
        "hares -add app_rvg_res RVG app_rep", "hares -modify app_rvg_res RVG app_rvg",
        "hares -modify app_rvg_res DiskGroup appdg", "hares -link app_rvg_res appdg_res",
        "hares -modify appdg_res Enabled 1", "hares -modify app_rvg_res Enabled 1",
        "hagrp -add fd_sg", "hagrp -modify fd_sg SystemList %s 0" % node,
        "hares -add fd_snap RVGSnapshot fd_sg", "hares -modify fd_snap RvgResourceName app_rvg_res",
        "hares -modify fd_snap CacheObj %s" % cache, "hares -modify fd_snap Prefix %s" % prefix,
        *(["hares -modify fd_snap DestroyOnOffline %d" % destroy] if destroy is not None else []),
        "hares -modify fd_snap Enabled 1", "hagrp -link fd_sg app_rep online local firm", node=node)


def test_the_agent_snaps_the_secondary_for_a_fire_drill_and_destroys_on_offline(gv):
    _fire_drill_group(gv)
    _prepare(gv)
    assert gv.res_state("fd_snap", DR, DR) == "OFFLINE"
    gv.ok("hagrp -online fd_sg -sys dr-n1", DR)
    gv.at(2)
    assert gv.res_state("fd_snap", DR, DR) == "OFFLINE"                 # online takes 5 s
    gv.at(4)
    assert gv.state_of("fd_sg", DR, DR) == "ONLINE"
    for vol in ("datavol", "logvol"):
        assert _snap(gv, "fd_" + vol)["source"] == vol
    made = _events(gv, "drclus", "rvg-snapshot")[0]
    assert (made["rvg"], made["system"], made["snapshots"]) == ("app_rvg", DR, ["fd_datavol", "fd_logvol"])
    gv.ok("hares -probe fd_snap -sys dr-n1", DR)
    assert gv.res_state("fd_snap", DR, DR) == "ONLINE"                  # monitor: the snapshots exist
    gv.ok("hagrp -offline fd_sg -sys dr-n1", DR)
    gv.at(4)
    assert gv.state_of("fd_sg", DR, DR) == "OFFLINE"
    assert _snap(gv, "fd_datavol") is None and _snap(gv, "fd_logvol") is None
    assert _events(gv, "drclus", "rvg-snapshot-destroyed")[0]["snapshots"] == ["fd_datavol", "fd_logvol"]
    assert gv.rvg("drclus")["role"] == "secondary"                      # replication untouched


def test_snapshots_removed_behind_the_agent_show_offline_at_the_next_probe(gv):
    _fire_drill_group(gv)
    _prepare(gv)
    gv.ok("hagrp -online fd_sg -sys dr-n1", DR)
    gv.at(6)
    gv.ok("vxedit -g appdg -rf rm fd_logvol", DR)
    gv.ok("hares -probe fd_snap -sys dr-n1", DR)
    assert gv.res_state("fd_snap", DR, DR) == "OFFLINE"


def test_destroy_on_offline_0_keeps_the_snapshots_and_the_next_online_refreshes_them(gv):
    _fire_drill_group(gv, destroy=0)
    _prepare(gv)
    gv.ok("hagrp -online fd_sg -sys dr-n1", DR)
    gv.at(6)
    assert gv.state_of("fd_sg", DR, DR) == "ONLINE"                     # (VCS settles lazily: ask first)
    first = _snap(gv, "fd_datavol")["date"]
    gv.ok("hagrp -offline fd_sg -sys dr-n1", DR)
    gv.at(4)
    assert gv.state_of("fd_sg", DR, DR) == "OFFLINE"
    assert _snap(gv, "fd_datavol") is not None
    gv.ok("hares -probe fd_snap -sys dr-n1", DR)
    assert gv.res_state("fd_snap", DR, DR) == "OFFLINE"
    gv.at(100)
    gv.ok("hagrp -online fd_sg -sys dr-n1", DR)
    gv.at(6)
    assert gv.state_of("fd_sg", DR, DR) == "ONLINE"
    assert _snap(gv, "fd_datavol")["date"] > first


def test_the_agent_faults_on_a_primary_and_without_prepared_volumes(gv):
    _fire_drill_group(gv, node="prod-n1")
    _prepare(gv, "prod-n1")
    gv.ok("hagrp -online fd_sg -sys prod-n1")
    gv.at(6)
    assert gv.res_state("fd_snap", "prod-n1", "prod-n1") == "FAULTED"
    fault = _events(gv, "prodclus", "resource-faulted")[-1]
    assert fault["reason"] == "Rvg app_rvg is a Primary: fire-drill snapshots are taken on a Secondary"
    _fire_drill_group_dr_without_prepare(gv)


def _fire_drill_group_dr_without_prepare(gv):
    gv.configure(
        "hagrp -add app_rep", "hagrp -modify app_rep SystemList dr-n1 0",
        "hares -add appdg_res DiskGroup app_rep", "hares -modify appdg_res DiskGroup appdg",
        "hares -add app_rvg_res RVG app_rep", "hares -modify app_rvg_res RVG app_rvg",
        "hares -modify app_rvg_res DiskGroup appdg", "hares -link app_rvg_res appdg_res",
        "hares -modify appdg_res Enabled 1", "hares -modify app_rvg_res Enabled 1",
        "hagrp -add fd_sg", "hagrp -modify fd_sg SystemList dr-n1 0",
        "hares -add fd_snap RVGSnapshot fd_sg", "hares -modify fd_snap RvgResourceName app_rvg_res",
        "hares -modify fd_snap CacheObj fd_co", "hares -modify fd_snap Prefix fd_",
        "hares -modify fd_snap Enabled 1", node=DR)
    gv.ok("hagrp -online fd_sg -sys dr-n1", DR)
    gv.at(6)
    assert gv.res_state("fd_snap", DR, DR) == "FAULTED"
    assert _events(gv, "drclus", "resource-faulted")[-1]["reason"] == "Cache object fd_co not found"
    gv.ok("vxassist -g appdg make fd_cv 100m", DR)
    gv.ok("vxmake -g appdg cache fd_co cachevolname=fd_cv", DR)
    gv.ok("vxcache -g appdg start fd_co", DR)
    gv.ok("hagrp -clear fd_sg -sys dr-n1", DR)
    gv.ok("hagrp -online fd_sg -sys dr-n1", DR)
    gv.at(6)
    assert gv.res_state("fd_snap", DR, DR) == "FAULTED"
    fault = _events(gv, "drclus", "resource-faulted")[-1]
    assert fault["reason"] == "Volume datavol is not instant ready: run vxsnap prepare first"
    assert _snap(gv, "fd_datavol") is None
