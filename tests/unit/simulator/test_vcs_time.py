"""Time without a daemon: asynchronous online/offline, ordering, waits, per-type and
per-resource times, speed scaling, and waits that do not hold the state lock."""
import time

from .vcs_sim import make, shim, vsim  # noqa: F401 (fixture)

# DiskGroup 3 s -> Volume 1 s -> Mount 2 s -> Application 5 s: 11 simulated seconds
CHAIN = [("dg", "DiskGroup", {"DiskGroup": "dbdg"}, []),
         ("vol", "Volume", {"DiskGroup": "dbdg", "Volume": "dbvol"}, ["dg"]),
         ("mnt", "Mount", {"MountPoint": "/db", "BlockDevice": "/dev/vx/dsk/dbdg/dbvol", "FSType": "vxfs"}, ["vol"]),
         ("app", "Application", {"StartProgram": "/opt/db/start"}, ["mnt"])]


def storage(sim, node="prod-n1"):
    for da in ("emc0_0", "emc0_1"):
        sim.ok(["vxdisksetup", "-i", da], node)
    sim.ok("vxdg init dbdg emc0_0 emc0_1", node)
    sim.ok("vxassist -g dbdg make dbvol 1g", node)
    sim.ok("vxdg deport dbdg", node)


def test_online_returns_at_once_and_resources_come_up_children_first(tmp_path):
    vsim = make(tmp_path, speed=20.0)    # 11 simulated seconds = 550 ms
    storage(vsim)
    vsim.group("db", resources=CHAIN)
    started = time.time()
    assert vsim.run("hagrp -online db -sys prod-n1").rc == 0
    assert time.time() - started < 11 / vsim.speed
    assert vsim.group_state("db", "prod-n1") == "STARTING|PARTIAL"
    chain = ["dg", "vol", "mnt", "app"]
    seen = []
    while not seen or seen[-1] != chain:
        online = [r for r in chain if vsim.res_state(r, "prod-n1") == "ONLINE"]
        assert online == chain[:len(online)], "a parent came online before its child: %s" % online
        if not seen or online != seen[-1]:
            seen.append(online)
    assert [len(s) for s in seen] == sorted(len(s) for s in seen)
    elapsed = time.time() - started
    assert 11 / vsim.speed <= elapsed < 11 / vsim.speed + 1.0
    assert vsim.group_state("db", "prod-n1") == "ONLINE"


def test_wait_blocks_until_the_simulated_time_and_speed_scales_it(tmp_path):
    sim = make(tmp_path, speed=20.0)
    sim.group("app", resources=[("p", "Process", {"PathName": "/bin/app"}, []),
                                ("a", "Application", {}, ["p"])])   # 2 s + 5 s
    sim.ok("hagrp -online app -sys prod-n2")
    started = time.time()
    assert sim.wait("app", "ONLINE", "prod-n2").rc == 0
    elapsed = time.time() - started
    assert 7 / 20.0 - 0.02 <= elapsed < 7 / 20.0 + 0.25
    sim.ok("hagrp -offline app -sys prod-n2")       # offline: 3 s + 1 s, parents first
    assert sim.group_state("app", "prod-n2") == "STOPPING|PARTIAL"
    assert sim.res_state("a", "prod-n2") == "ONLINE"
    assert sim.ok("hares -value a IState prod-n2") == "W_OFFLINE\n"
    started = time.time()
    assert sim.wait("app", "OFFLINE", "prod-n2").rc == 0
    assert 4 / 20.0 - 0.02 <= time.time() - started < 4 / 20.0 + 0.25


def test_offline_goes_parents_first(tmp_path):
    sim = make(tmp_path, speed=20.0)     # offline: app 150 ms, mnt 50 ms, vol 50 ms, dg 100 ms
    storage(sim)
    sim.group("db", resources=CHAIN)
    sim.ok("hagrp -online db -sys prod-n1")
    assert sim.wait("db", "ONLINE", "prod-n1").rc == 0
    sim.ok("hagrp -offline db -sys prod-n1")
    chain = ["dg", "vol", "mnt", "app"]
    seen = []
    while not seen or seen[-1]:
        online = [r for r in chain if sim.res_state(r, "prod-n1") == "ONLINE"]
        assert online == chain[:len(online)], "a child went offline before its parent: %s" % online
        if not seen or online != seen[-1]:
            seen.append(online)
    assert [len(s) for s in seen] == sorted((len(s) for s in seen), reverse=True)
    assert seen[0] == chain and seen[-1] == []
    assert sim.group_state("db", "prod-n1") == "OFFLINE"
    assert sim.ok("hagrp -value db IntentOnline") == "0\n"


def test_wait_timeout_error_and_bound(vsim):
    vsim.group("slow", resources=[("a", "Application", {}, [])])
    vsim.ok("hagrp -online slow -sys prod-n1")
    started = time.time()
    failed = vsim.fail("hagrp -wait slow State ONLINE -sys prod-n1 -time 2")
    elapsed = time.time() - started
    assert (failed.rc, failed.out, failed.err) == (1, "", "VCS WARNING V-16-1-10805 Connection timed out\n")
    assert 2 / vsim.speed <= elapsed < 2 / vsim.speed + 0.25
    failed = vsim.fail("hagrp -wait slow State ONLINE -sys prod-n2 -time 1")   # never there
    assert failed.err == "VCS WARNING V-16-1-10805 Connection timed out\n"
    assert vsim.wait("slow", "ONLINE", "prod-n1").rc == 0
    assert vsim.ok("hagrp -wait slow State ONLINE -sys prod-n1 -time 0") == ""
    failed = vsim.fail("hagrp -wait slow State ONLINE -sys prod-n1 -time soon")
    assert failed.err.startswith("VCS WARNING V-16-1-10601 Invalid timeout soon\n")
    assert vsim.ok("haclus -wait DumpingMembership 0 -time 60") == ""


def test_per_type_times_from_the_estate_and_per_resource_override(tmp_path):
    sim = make(tmp_path, speed=50.0, extra="vcs:\n  online_times: {Application: 20}\n")
    sim.group("app", resources=[("a", "Application", {}, []), ("b", "Process", {}, [])])
    assert sim.admin("timing", "b", "--cluster", "prodclus", "--online", "10") == 0
    assert sim.vcs()["resources"]["b"]["times"] == {"online": 10.0}
    sim.ok("hagrp -online app -sys prod-n1")
    started = time.time()
    assert sim.run("hares -wait b State ONLINE -sys prod-n1 -time 100").rc == 0
    assert 10 / 50.0 - 0.02 <= time.time() - started < 10 / 50.0 + 0.2
    assert sim.res_state("a", "prod-n1") == "OFFLINE"
    assert sim.run("hares -wait a State ONLINE -sys prod-n1 -time 100").rc == 0
    assert 20 / 50.0 - 0.02 <= time.time() - started < 20 / 50.0 + 0.25


def test_kvm_guest_takes_its_delay_after_online(tmp_path):
    sim = make(tmp_path, speed=100.0)
    sim.group("vm", resources=[("vm01", "KVMGuest", {"GuestName": "vm01", "DelayAfterGuestOnline": 10}, [])])
    definition = tmp_path / "vm01.xml"
    definition.write_text("<domain type='kvm'><name>vm01</name><memory>1024</memory></domain>")
    sim.ok("virsh define %s" % definition, node="prod-n3")
    sim.ok("hagrp -online vm -sys prod-n3")
    doc = sim.vcs()
    busy = doc["resources"]["vm01"]["rt"]["prod-n3"]["busy"]
    assert busy["op"] == "online" and busy["end"] - busy["start"] == 20   # 10 s + DelayAfterGuestOnline
    assert sim.wait("vm", "ONLINE", "prod-n3").rc == 0


def test_hastatus_shows_resources_onlining(vsim):
    vsim.group("g", resources=[("a", "Application", {}, [])])
    vsim.ok("hagrp -online g -sys prod-n2")
    lines = vsim.ok("hastatus -sum").splitlines()
    assert lines[-4:] == ["-- RESOURCES ONLINING",
                          "-- Group           Type            Resource             System               IState",
                          "",
                          "F  g               Application     a                    prod-n2              W_ONLINE"]


def test_wait_releases_the_state_lock(vsim):
    """A waiting hagrp -wait (another process) does not block other commands."""
    vsim.group("g", resources=[("a", "Application", {}, [])])
    vsim.ok("hagrp -online g -sys prod-n1")
    waiter = shim(vsim, "hagrp", "prod-n2", "-wait", "g", "State", "ONLINE", "-sys", "prod-n3", "-time", "400",
                  background=True)
    time.sleep(0.3)
    started = time.time()
    assert vsim.ok("hagrp -state g -sys prod-n1") == "ONLINE\n"
    vsim.ok("hagrp -switch g -to prod-n3")
    assert time.time() - started < 0.5
    out, err = waiter.communicate(timeout=10)
    assert (waiter.returncode, out, err) == (0, "", "")
    assert vsim.group_state("g", "prod-n3") == "ONLINE"


def test_settling_is_not_reported_as_a_change(vsim):
    vsim.group("g", resources=[("a", "Process", {}, [])])
    vsim.ok("hagrp -online g -sys prod-n1")
    time.sleep(3 / vsim.speed)
    first = len(vsim.log())
    vsim.ok("hagrp -state g")
    vsim.ok("vxdisk list")
    vsim.run("haconf -makerw")
    assert [r["changed"] for r in vsim.log(since=first)] == [False, False, True]
    assert vsim.vcs()["busy"] == {}
