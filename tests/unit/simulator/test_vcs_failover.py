"""Faults and failover: critical/non-critical resources, priorities, AutoFailOver, frozen
groups, injected faults, node crashes, HAD stops, and the agents acting on VxVM."""
from .test_vcs_time import CHAIN, storage
from .vcs_sim import vsim  # noqa: F401 (fixture)

N1, N2, N3 = "prod-n1", "prod-n2", "prod-n3"
FROZEN = "VCS WARNING V-16-1-10158 Group %s is frozen\n"


def online(sim, group, system):
    sim.ok(["hagrp", "-online", group, "-sys", system])
    assert sim.wait(group, "ONLINE", system).rc == 0


def app_group(sim, name="g", systems=(N3, N1, N2), critical=True, extra=()):
    sim.group(name, systems=systems, resources=[("%s_proc" % name, "Process", {}, []),
                                                ("%s_app" % name, "Application", {}, ["%s_proc" % name])],
              extra=list(extra) + ([] if critical else ["hares -modify %s_app Critical 0" % name]))


def test_critical_fault_fails_over_by_priority_until_nowhere_is_left(vsim):
    app_group(vsim)                                     # SystemList prod-n3 0, prod-n1 1, prod-n2 2
    online(vsim, "g", N3)
    assert vsim.admin("fault", "resource-now", "g_app", "--system", N3) == 0
    assert vsim.group_state("g", N3) == "FAULTED"       # the rest is being taken offline
    assert vsim.wait("g", "ONLINE", N1).rc == 0
    assert vsim.group_state("g", N3) == "OFFLINE|FAULTED"
    assert vsim.res_state("g_app", N3) == "FAULTED"
    vsim.admin("fault", "resource-now", "g_proc", "--system", N1)
    assert vsim.wait("g", "ONLINE", N2).rc == 0
    vsim.admin("fault", "resource-now", "g_app", "--system", N2)
    assert vsim.wait("g", "OFFLINE|FAULTED", N2).rc == 0
    assert [vsim.group_state("g", s) for s in (N1, N2, N3)] == ["OFFLINE|FAULTED"] * 3
    kinds = [(e["kind"], e.get("target")) for e in vsim.fault_log() if e["kind"] in ("failover", "no-failover-target")]
    assert kinds == [("failover", N1), ("failover", N2), ("no-failover-target", None)]
    lines = vsim.ok("hastatus -sum").splitlines()
    assert lines[-6:-3] == ["-- RESOURCES FAILED", "-- Group           Type                 Resource             System", ""]
    assert "D  g               Process              g_proc               prod-n1" in lines
    failed = vsim.fail("hagrp -online g -sys prod-n1")
    assert failed.err == "VCS WARNING V-16-1-10167 Group g is faulted on system prod-n1; clear the fault first\n"
    vsim.ok("hagrp -clear g -sys prod-n1")
    assert vsim.group_state("g", N1) == "OFFLINE" and vsim.res_state("g_proc", N1) == "OFFLINE"
    online(vsim, "g", N1)
    failed = vsim.fail("hares -clear g_app -sys prod-n1")
    assert failed.err == "VCS WARNING V-16-1-10267 Resource not faulted or group in the process of failing over\n"
    vsim.ok("hares -clear g_app")
    assert vsim.res_state("g_app", N3) == "OFFLINE" and vsim.group_state("g", N3) == "OFFLINE"


def test_non_critical_fault_does_not_fault_the_group(vsim):
    app_group(vsim, critical=False)
    online(vsim, "g", N3)
    vsim.admin("fault", "resource-now", "g_app", "--system", N3)
    assert vsim.group_state("g", N3) == "PARTIAL"
    assert vsim.res_state("g_app", N3) == "FAULTED"
    assert vsim.group_state("g", N1) == "OFFLINE"


def test_autofailover_off_keeps_the_group_faulted_in_place(vsim):
    app_group(vsim, extra=["hagrp -modify g AutoFailOver 0"])
    online(vsim, "g", N3)
    vsim.admin("fault", "resource-now", "g_app", "--system", N3)
    assert vsim.wait("g", "OFFLINE|FAULTED", N3).rc == 0
    assert [vsim.group_state("g", s) for s in (N1, N2)] == ["OFFLINE", "OFFLINE"]


def test_next_online_fails_then_the_group_fails_over(vsim):
    app_group(vsim)
    assert vsim.admin("fault", "resource", "g_app", "--cluster", "prodclus") == 0
    assert vsim.vcs()["faults"]["pending"] == [{"resource": "g_app", "kind": "online"}]
    vsim.ok("hagrp -online g -sys prod-n3")
    assert vsim.wait("g", "ONLINE", N1).rc == 0
    assert vsim.res_state("g_app", N3) == "FAULTED"
    assert vsim.vcs()["faults"]["pending"] == []
    vsim.admin("fault", "resource", "g_proc", "--cluster", "prodclus")
    vsim.admin("fault", "clear")
    assert vsim.vcs()["faults"]["pending"] == []
    assert "faults-cleared" in [e["kind"] for e in vsim.fault_log()]


def test_failover_group_runs_on_one_system_at_a_time(vsim):
    app_group(vsim)
    vsim.ok("hagrp -online g -sys prod-n3")
    failed = vsim.fail("hagrp -online g -sys prod-n1")
    assert failed.err == ("VCS WARNING V-16-1-10165 Cannot online failover group g on system prod-n1: the "
                          "group is not offline on system prod-n3\n")
    failed = vsim.fail("hares -online g_proc -sys prod-n2")
    assert failed.err == "VCS WARNING V-16-1-10286 Cannot online: resource's group is not offline elsewhere\n"
    assert vsim.wait("g", "ONLINE", N3).rc == 0
    failed = vsim.fail("hagrp -online g -sys prod-n3")
    assert failed.err == "VCS WARNING V-16-1-40229 Group g is already online on system prod-n3\n"
    failed = vsim.fail("hagrp -online g -any")
    assert failed.err == "VCS WARNING V-16-1-50997 Failover group g is already online on system prod-n3\n"
    failed = vsim.fail("hagrp -switch g -to prod-n3")
    assert failed.err == "VCS WARNING V-16-1-10192 Cannot switch group g to system prod-n3: the group is online there\n"


def test_online_any_and_parallel_groups(vsim):
    app_group(vsim)
    assert vsim.ok("hagrp -online g -any") == "VCS NOTICE V-16-1-50735 Attempting to online group g on prod-n3\n"
    vsim.group("par", resources=[("par_p", "Process", {}, [])], parallel=True)
    out = vsim.ok("hagrp -online par -any").splitlines()
    assert out == ["VCS NOTICE V-16-1-50735 Attempting to online group par on %s" % s for s in (N1, N2, N3)]
    for s in (N1, N2, N3):
        assert vsim.wait("par", "ONLINE", s).rc == 0
    failed = vsim.fail("hagrp -online par -any")
    assert failed.err == "VCS WARNING V-16-1-50996 Parallel group par is already online on every possible system\n"


def test_frozen_groups_refuse_operations_and_do_not_move(vsim):
    app_group(vsim)
    online(vsim, "g", N3)
    vsim.ok("hagrp -freeze g")
    assert vsim.fail("hagrp -freeze g").err == "VCS WARNING V-16-1-40208 Group is already temporarily frozen\n"
    for command in ("hagrp -offline g -sys prod-n3", "hagrp -switch g -to prod-n1", "hagrp -online g -any",
                    "hares -offline g_app -sys prod-n3"):
        assert vsim.fail(command).err == FROZEN % "g", command
    vsim.admin("fault", "resource-now", "g_app", "--system", N3)
    assert vsim.res_state("g_app", N3) == "FAULTED"
    assert vsim.group_state("g", N3) == "PARTIAL"
    assert vsim.group_state("g", N1) == "OFFLINE"
    vsim.ok("hagrp -unfreeze g")
    assert vsim.fail("hagrp -unfreeze g").err == "VCS WARNING V-16-1-40201 Group is not temporarily frozen\n"
    assert vsim.ok("hagrp -value g TFrozen") == "0\n"
    assert vsim.fail("hagrp -freeze g -persistent").err.startswith("VCS WARNING V-16-1-10016 ")
    vsim.configure("hagrp -freeze g -persistent")
    assert vsim.ok("hagrp -value g Frozen") == "1\n"
    vsim.ok("haconf -makerw")
    assert vsim.fail("hagrp -freeze g -persistent").err == "VCS WARNING V-16-1-40209 Group is already persistently frozen\n"
    vsim.ok("hagrp -unfreeze g -persistent")
    assert vsim.fail("hagrp -unfreeze g -persistent").err == "VCS WARNING V-16-1-40202 Group is not persistently frozen\n"


def test_disabled_resources_are_not_brought_online(vsim):
    app_group(vsim, extra=["hares -modify g_app Enabled 0"])
    online(vsim, "g", N3)
    assert vsim.res_state("g_proc", N3) == "ONLINE"
    assert vsim.res_state("g_app", N3) == "OFFLINE"
    vsim.configure("hagrp -add empty", "hagrp -modify empty SystemList prod-n1 0",
                   "hares -add e1 Process empty")
    failed = vsim.fail("hagrp -online empty -sys prod-n1")
    assert failed.err == "VCS WARNING V-16-1-10159 Group empty has no enabled resources; cannot be brought online\n"
    vsim.configure("hagrp -enableresources empty")
    online(vsim, "empty", N1)


def test_flush_cancels_a_running_online(vsim):
    app_group(vsim)
    vsim.ok("hagrp -online g -sys prod-n3")
    vsim.ok("hagrp -flush g -sys prod-n3")
    assert vsim.group_state("g", N3) == "OFFLINE"
    assert vsim.vcs()["busy"] == {}


def test_diskgroup_volume_mount_act_on_vxvm(vsim):
    storage(vsim)
    vsim.group("db", systems=(N1, N2), resources=CHAIN)
    online(vsim, "db", N2)
    assert vsim.ok("vxdg list", node=N2).splitlines()[1].startswith("dbdg ")
    assert vsim.ok("vxprint -g dbdg -q -v -F '%name %devopen'", node=N2) == "dbvol on\n"
    failed = vsim.fail("vxdg deport dbdg", node=N2)
    assert "V-5-1-584" in failed.err
    vsim.ok("hagrp -switch db -to prod-n1")
    assert vsim.wait("db", "ONLINE", N1).rc == 0
    assert vsim.ok("vxdg list", node=N2) == "NAME         STATE           ID\n"
    assert vsim.ok("vxprint -g dbdg -q -v -F '%name %devopen'", node=N1) == "dbvol on\n"
    vsim.ok("hagrp -offline db -sys prod-n1")
    assert vsim.wait("db", "OFFLINE", N1).rc == 0
    lines = vsim.ok("vxdisk -o alldgs list", node=N1).splitlines()
    assert [line.split()[3] for line in lines[1:3]] == ["(dbdg)", "(dbdg)"]


def test_a_missing_or_busy_disk_group_faults_the_resource(vsim):
    storage(vsim)
    vsim.ok("vxdg import dbdg", node=N3)                 # imported outside VCS on a live node
    vsim.group("db", systems=(N1, N2), resources=CHAIN[:1],
               extra=["hares -add nodg DiskGroup db", "hares -modify nodg DiskGroup nosuchdg",
                      "hares -modify nodg Critical 0", "hares -modify nodg Enabled 1"])
    vsim.ok("hagrp -online db -sys prod-n1")
    assert vsim.run("hares -wait nodg State FAULTED -sys prod-n1 -time 30").rc == 0
    assert vsim.wait("db", "OFFLINE|FAULTED", N2).rc == 0
    reasons = {(e["resource"], e["system"]): e["reason"] for e in vsim.fault_log() if e["kind"] == "resource-faulted"}
    assert reasons[("nodg", N1)] == "disk group nosuchdg not found"
    assert reasons[("dg", N1)] == "disk group dbdg is imported on prod-n3"
    assert reasons[("dg", N2)] == "disk group dbdg is imported on prod-n3"


def test_a_probe_sees_a_disk_group_imported_outside_vcs(vsim):
    storage(vsim)
    vsim.ok("vxdg import dbdg", node=N2)
    vsim.group("db", systems=(N1, N2), resources=CHAIN[:1])
    assert vsim.res_state("dg", N2) == "ONLINE"
    assert vsim.group_state("db", N2) == "ONLINE"
    failed = vsim.fail("hagrp -online db -sys prod-n1")
    assert "V-16-1-10165" in failed.err


def test_node_crash_fails_groups_over_and_the_node_runs_nothing(vsim):
    storage(vsim)
    vsim.group("db", systems=(N1, N3, N2), resources=CHAIN)
    vsim.group("par", resources=[("par_p", "Process", {}, [])], parallel=True)
    online(vsim, "db", N1)
    vsim.ok("hagrp -online par -any")
    vsim.wait("par", "ONLINE", N3)
    assert vsim.admin("fault", "crash-node", N1) == 0
    for command in ("hastatus -sum", "vxdisk list", "hagrp -state"):
        failed = vsim.run(command, node=N1)
        assert failed.rc == 255
        assert failed.err.endswith("host prod-n1 is down (crashed by 'infoscale-sim fault crash-node'); "
                                   "no command runs there\n")
    lines = vsim.ok("hastatus -sum", node=N2).splitlines()
    assert "A  prod-n1              FAULTED              0" in lines
    assert vsim.ok("hagrp -state db -sys prod-n1", node=N2) == "OFFLINE|FAULTED\n"
    assert vsim.wait("db", "ONLINE", N3, node=N2).rc == 0          # priority 1
    assert vsim.ok("vxprint -g dbdg -q -v -F '%name %devopen'", node=N3) == "dbvol on\n"
    assert [vsim.ok("hagrp -state par -sys %s" % s, node=N2).strip() for s in (N1, N2, N3)] == [
        "OFFLINE|FAULTED", "ONLINE", "ONLINE"]
    assert vsim.admin("fault", "restore-node", N1) == 0
    assert vsim.ok("hasys -value prod-n1 SysState") == "RUNNING\n"
    assert vsim.group_state("db", N1) == "OFFLINE"
    crash = [e for e in vsim.fault_log() if e["kind"] == "node-crashed"][0]
    assert crash["system"] == N1 and sorted(crash["groups"]) == ["db", "par"]


def test_vxdg_import_takes_a_group_from_a_crashed_host_only_with_clear(vsim):
    storage(vsim)
    vsim.ok("vxdg import dbdg", node=N1)
    failed = vsim.fail("vxdg -C import dbdg", node=N2)
    assert failed.err.splitlines()[1] == "Disk is in use by another host"
    vsim.admin("fault", "crash-node", N1)
    failed = vsim.fail("vxdg import dbdg", node=N2)
    assert failed.err.splitlines()[1] == "Disk is in use by another host"
    vsim.ok("vxdg -C import dbdg", node=N2)
    assert vsim.ok("vxdg list", node=N2).splitlines()[1].startswith("dbdg ")


def test_stopped_had_answers_like_the_product(vsim):
    app_group(vsim)
    online(vsim, "g", N3)
    assert vsim.admin("fault", "stop-had", N2) == 0
    failed = vsim.run("hastatus -sum", node=N2)
    assert (failed.rc, failed.out, failed.err) == (33, "", "VCS WARNING V-16-1-11046 Local system not available\n")
    failed = vsim.run("hagrp -state", node=N2)
    assert (failed.rc, failed.err) == (33, "VCS ERROR V-16-1-10600 Cannot connect to VCS engine\n")
    assert vsim.run("vxdisk list", node=N2).rc == 0
    assert "A  prod-n2              EXITED               0" in vsim.ok("hastatus -sum").splitlines()
    failed = vsim.fail("hagrp -switch g -to prod-n2")
    assert failed.err == "VCS WARNING V-16-1-10200 System prod-n2 is not available\n"
    vsim.admin("fault", "resource-now", "g_app", "--system", N3)
    assert vsim.wait("g", "ONLINE", N1).rc == 0                # EXITED systems are no target
    vsim.admin("fault", "restore-node", N2)
    assert vsim.ok("hasys -value prod-n2 SysState", node=N2) == "RUNNING\n"
