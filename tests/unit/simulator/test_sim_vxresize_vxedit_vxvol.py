"""vxresize, vxedit rm, vxvol start/stop/startall/stopall."""
from infoscale_sim.admin import state as admin_state


def _state(sim, dg="dg1"):
    return sim.ok(["vxprint", "-g", dg, "-q", "-v", "-F", "%name %len %kstate %state"])


def test_vxresize_grow_and_shrink(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make testvol 1g")
    assert sim.ok("vxresize -b -g dg1 testvol +5g") == ""
    assert sim.volume_rows("dg1") == {"testvol": 12582912}
    sim.ok("vxresize -F vxfs -g dg1 testvol -2g")
    assert sim.volume_rows("dg1") == {"testvol": 8388608}
    sim.ok("vxresize -g dg1 testvol 2g")
    assert sim.volume_rows("dg1") == {"testvol": 4194304}
    sim.ok("vxresize -g dg1 testvol 2g")   # already that long
    assert sim.volume_rows("dg1") == {"testvol": 4194304}


def test_vxresize_only_grow_or_only_shrink(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make v 2g")
    assert sim.fail("vxresize -x -g dg1 v 1g").err == (
        "VxVM vxresize ERROR V-5-1-4707 Volume v: -x specified but the new length is smaller\n")
    assert sim.fail("vxresize -s -g dg1 v 3g").err == (
        "VxVM vxresize ERROR V-5-1-4706 Volume v: -s specified but the new length is larger\n")
    sim.ok("vxresize -x -g dg1 v 3g")
    sim.ok("vxresize -s -g dg1 v 1g")
    assert sim.volume_rows("dg1") == {"v": 2097152}
    assert sim.fail("vxresize -s -x -g dg1 v 1g").rc == 1


def test_vxresize_errors(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make v 1g")
    failed = sim.fail("vxresize -g dg1 v +400g")
    assert failed.err == (
        "VxVM vxassist ERROR V-5-1-436 Cannot allocate space to grow volume to 840957952 blocks\n"
        "VxVM vxresize ERROR V-5-1-4703 Problem running vxassist command for volume v, in diskgroup dg1\n")
    assert sim.volume_rows("dg1") == {"v": 2097152}
    assert sim.fail("vxresize -g dg1 v -1g").rc == 1          # would be zero length
    assert sim.fail("vxresize -g dg1 v +x").err == "VxVM vxresize ERROR V-5-1-5297 Invalid length: x\n"
    assert sim.fail("vxresize -g dg1 nov 2g").rc == 11
    assert sim.fail("vxresize -g nodg v 2g").rc == 9
    assert sim.fail("vxresize -g dg1 v").err.startswith("VxVM vxresize ERROR V-5-1-2 Usage: vxresize")
    assert sim.fail("vxresize -g dg1 v 2g emc0_9").rc == 1


def test_vxedit_rm(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make v1 1g")
    assert sim.fail("vxedit -g dg1 rm v1").err == (
        "VxVM vxedit ERROR V-5-1-1268 Volume v1 is enabled, use -f flag to remove\n")
    assert sim.fail("vxedit -g dg1 -f rm v1").err == (
        "VxVM vxedit ERROR V-5-1-1269 Volume v1 has associated plexes, use -r flag to remove them\n")
    admin_state.set_open(sim.state, "prod-n1", "dg1/v1", True)
    assert sim.fail("vxedit -g dg1 -rf rm v1").err == "VxVM vxedit ERROR V-5-1-1242 Volume v1 is open, cannot remove\n"
    admin_state.set_open(sim.state, "prod-n1", "dg1/v1", False)
    assert sim.ok("vxedit -g dg1 -rf rm v1") == ""
    failed = sim.fail("vxedit -g dg1 -rf rm v1")
    assert (failed.rc, failed.err) == (11, "VxVM vxedit ERROR V-5-1-926 Record v1 not in disk group configuration\n")
    sim.ok("vxassist -g dg1 make v2 1g")
    sim.ok("vxvol -g dg1 stop v2")
    sim.ok("vxedit -g dg1 -r rm v2")
    sim.ok("vxassist -g dg1 make v3 1g")
    assert sim.fail("vxedit -g dg1 -rf rm v3-01").rc == 1
    assert sim.fail("vxedit -g dg1 set comment=x v3").err.startswith("vxedit: set: keyword not supported\n")
    assert sim.fail("vxedit -g nodg -rf rm v3").rc == 9


def test_vxvol_start_stop(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make a 1g")
    sim.ok("vxassist -g dg1 make b 1g layout=mirror")
    assert sim.ok("vxvol -g dg1 stop a") == ""
    assert _state(sim) == "a 2097152 DISABLED CLEAN\nb 2097152 ENABLED ACTIVE\n"
    assert sim.ok("vxprint -g dg1 -q -p -F '%name %kstate %state' a-01") == "a-01 DISABLED CLEAN\n"
    sim.ok("vxvol -g dg1 start a")
    sim.ok("vxvol -g dg1 stopall")
    assert _state(sim) == "a 2097152 DISABLED CLEAN\nb 2097152 DISABLED CLEAN\n"
    sim.ok("vxvol -g dg1 startall")
    assert _state(sim) == "a 2097152 ENABLED ACTIVE\nb 2097152 ENABLED ACTIVE\n"


def test_vxvol_refuses_to_stop_open_volumes(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make a 1g")
    sim.ok("vxassist -g dg1 make b 1g")
    admin_state.set_open(sim.state, "prod-n1", "dg1/a", True)
    failed = sim.fail("vxvol -g dg1 stop a")
    assert failed.err == "VxVM vxvol ERROR V-5-1-1242 Volume a is open, cannot stop\n"
    failed = sim.fail("vxvol -g dg1 stopall")
    assert failed.rc == 1
    assert _state(sim) == "a 2097152 ENABLED ACTIVE\nb 2097152 DISABLED CLEAN\n"
    stopall = [r for r in sim.log() if r["argv"] == ["vxvol", "-g", "dg1", "stopall"]]
    assert [(r["rc"], r["changed"]) for r in stopall] == [(1, True)]
    sim.ok("vxvol -f -g dg1 stop a")


def test_vxvol_errors(sim_dg):
    sim = sim_dg
    failed = sim.fail("vxvol -g DG stopall")
    assert (failed.rc, failed.err) == (9, "VxVM vxvol ERROR V-5-1-607 Diskgroup DG not found\n")
    assert sim.fail("vxvol -g dg1 start nov").rc == 11
    assert sim.fail("vxvol -g dg1 start").rc == 1
    assert sim.fail("vxvol -g dg1 startall a").rc == 1
    assert sim.fail("vxvol -g dg1 resync a").err.startswith("vxvol: resync: keyword not supported\n")
