"""Audit log: one row per invocation with node, argv, rc, changed, duration, output."""
import time

from infoscale_sim.entry import run


def test_every_call_is_logged_with_changed_only_for_real_changes(sim):
    t0 = time.time()
    sim.ok("vxdisk -o alldgs list")                 # read
    sim.ok("vxdisksetup -i emc0_0")                 # change
    sim.fail("vxdg destroy nodg")                   # failure
    sim.fail("vxdisk --bogus")                      # usage error
    sim.ok("vxdg init dg1 emc0_0")                  # change
    sim.ok("vxvol -g dg1 startall")                 # nothing to start: no change
    sim.fail("vxprint -g dg1 -htr", node="prod-n2")         # not imported there
    rows = sim.log()
    assert [r["id"] for r in rows] == [1, 2, 3, 4, 5, 6, 7]
    assert [(r["argv"][0], r["rc"], r["changed"]) for r in rows] == [
        ("vxdisk", 0, False), ("vxdisksetup", 0, True), ("vxdg", 11, False), ("vxdisk", 1, False),
        ("vxdg", 0, True), ("vxvol", 0, False), ("vxprint", 11, False)]
    assert rows[0]["argv"] == ["vxdisk", "-o", "alldgs", "list"]
    assert rows[0]["stdout"].startswith("DEVICE          TYPE")
    assert rows[2]["stderr"] == "VxVM vxdg ERROR V-5-1-2275 vxdg: Disk group nodg: No such disk group\n"
    assert rows[3]["stderr"].startswith("vxdisk: illegal option -- -\n")
    assert [r["node"] for r in rows] == ["prod-n1"] * 6 + ["prod-n2"]
    for row in rows:
        assert t0 - 1 < row["time"] < time.time() + 1
        assert 0 <= row["duration"] < 5


def test_reinitialising_an_initialised_disk_is_a_change_but_rereading_is_not(sim):
    sim.ok("vxdisksetup -i emc0_0")
    sim.ok("vxdisksetup -i emc0_0")   # new disk id: the header is rewritten
    sim.ok("vxdisk list emc0_0")
    assert [r["changed"] for r in sim.log()] == [True, True, False]


def test_argv0_is_the_basename_and_unknown_commands_and_nodes_are_logged(sim):
    assert run(["/opt/VRTS/bin/vxdisk", "list"], node="prod-n1", state=sim.state)[0] == 0
    assert sim.log()[-1]["argv"] == ["vxdisk", "list"]
    rc, out, err = run(["vxfenadm", "-d"], node="prod-n1", state=sim.state)
    assert (rc, err) == (127, "vxfenadm: command not found\n")
    rc, out, err = run(["vxdisk", "list"], node="nobody", state=sim.state)
    assert rc == 2 and "names no node of the estate: 'nobody'" in err
    assert [(r["argv"][0], r["node"], r["rc"], r["changed"]) for r in sim.log()[-2:]] == [
        ("vxfenadm", "prod-n1", 127, False), ("vxdisk", "nobody", 2, False)]


def test_failed_mutations_leave_state_untouched(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make v1 1g")
    before = sim.doc()
    for cmd in ("vxassist -g dg1 make v1 1g", "vxassist -g dg1 make v2 900g",
                "vxassist -g dg1 growto v1 900g", "vxassist -g dg1 shrinkto v1 16",
                "vxdg -g dg1 rmdisk emc0_0", "vxdg init dg1 emc0_5"):
        sim.fail(cmd)
    assert sim.doc() == before
    assert all(not r["changed"] for r in sim.log()[-6:])


def test_internal_errors_are_reported_and_roll_back(sim_dg, monkeypatch):
    from infoscale_sim.vxvm import cmd_vxassist

    def broken(call, opts, rest):
        call.vxvm()["dgs"].clear()
        raise RuntimeError("boom")

    monkeypatch.setitem(cmd_vxassist.KEYWORDS, "make", broken)
    result = sim_dg.run("vxassist -g dg1 make v 1g")
    assert result.rc == 70
    assert result.err.startswith("infoscale-sim internal error in vxassist:\n")
    assert "RuntimeError: boom" in result.err
    assert sim_dg.doc()["dgs"] != {}
    assert sim_dg.log()[-1]["changed"] is False
