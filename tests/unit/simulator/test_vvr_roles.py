"""Role changes: migrate (refused while behind, done when up-to-date), takeover with the
Primary host down, failback synchronization (fbsync, -wait, -autofb), takeover without
failback logging then makesec, a split brain over a replication-link outage, and the
Python API the VCS RVG agents use."""
import time

from infoscale_sim import store
from infoscale_sim.admin import cli
from infoscale_sim.vvr import api

from .vcs_sim import shim
from .vvr_sim import BACK_RLINK, RLINK, make, vvr  # noqa: F401 (fixture)


def _brief(status):
    return (status["Data status"], status["Replication status"], status["Logging to"])


def _primary_host(vvr, node="prod-n1"):
    return vvr.ok("vradmin -g appdg printrvg app_rvg", node).splitlines()[2].split()[1]


def test_migrate_is_refused_while_behind_and_swaps_roles_when_up_to_date(vvr):
    vvr.replicating()
    vvr.write("appdg/datavol", "30m")
    vvr.at(10)
    result = vvr.fail("vradmin -g appdg migrate app_rvg")
    assert result.rc == 1
    assert result.err == (
        "VxVM VVR vradmin ERROR V-5-52-801 Cannot migrate: Secondary dr-n1 of RDS app_rvg is not up-to-date "
        "(Data status: consistent, behind; Replication status: replicating (connected)).\n")
    vvr.at(20)
    assert cli.main(["open", "--state", vvr.state, "--node", "prod-n1", "appdg/datavol"]) == 0
    assert vvr.fail("vradmin -g appdg migrate app_rvg dr-n1").err == (
        "VxVM VVR vradmin ERROR V-5-52-272 Data volumes of RVG app_rvg are open (datavol): stop the application first.\n")
    assert cli.main(["close", "--state", vvr.state, "--node", "prod-n1", "appdg/datavol"]) == 0
    assert vvr.fail("vradmin -g appdg migrate app_rvg prod-n1").err == (
        "VxVM VVR vradmin ERROR V-5-52-803 RVG app_rvg on host prod-n1 is already the Primary.\n")
    assert vvr.fail("vradmin -g appdg migrate app_rvg dr-n2").err == (
        "VxVM VVR vradmin ERROR V-5-52-427 Host dr-n2 is not a Secondary of RDS app_rvg.\n")
    assert vvr.ok("vradmin -g appdg migrate app_rvg dr-n1") == ""
    assert _primary_host(vvr) == _primary_host(vvr, "dr-n1") == "dr-n1"
    assert vvr.ok("vxprint -g appdg -V -q -F '%name %primary'", "dr-n1") == "app_rvg true\n"
    status = vvr.status("dr-n1")
    assert (status["Host name"], status["Rlink from Primary"]) == ("prod-n1", BACK_RLINK)
    assert _brief(status) == ("consistent, up-to-date", "replicating (connected)", "SRL")
    assert vvr.write("appdg/datavol", "4m") == 1                 # prod-n1 is a Secondary now
    assert vvr.write("appdg/datavol", "4m", node="dr-n1") == 0
    assert vvr.status("dr-n1")["Logging to"] == "SRL (4096 Kbytes behind, 2 % full)"
    vvr.at(4)
    vvr.ok("vradmin -g appdg migrate app_rvg", "prod-n1")       # back again, run from the Secondary
    assert _primary_host(vvr) == "prod-n1"


def test_migrate_needs_both_sides(vvr):
    vvr.replicating()
    vvr.link("down")
    assert vvr.fail("vradmin -g appdg migrate app_rvg").err == (
        "VxVM VVR vradmin ERROR V-5-52-802 Cannot migrate: host dr-n1 is not reachable.\n")
    vvr.link("up")
    vvr.ok("vradmin -g appdg pauserep app_rvg")
    assert "Replication status: paused by user" in vvr.fail("vradmin -g appdg migrate app_rvg").err
    vvr.ok("vradmin -g appdg resumerep app_rvg")
    assert vvr.fault("crash-node", "dr-n1") == 0
    assert "V-5-52-802 Cannot migrate: host dr-n1 is not reachable." in vvr.fail("vradmin -g appdg migrate app_rvg").err


def test_takeover_with_the_primary_down_then_failback_synchronization(vvr):
    vvr.replicating()
    vvr.write("appdg/datavol", "30m")
    vvr.at(10)                                    # 20 MiB still in the SRL
    assert vvr.fault("crash-node", "prod-n1") == 0
    vvr.at(50)
    result = vvr.run("vradmin -g appdg -l repstatus app_rvg", "dr-n1")
    assert result.err == ("VxVM VVR vradmin INFO V-5-52-1205 Primary is unreachable or RDS has configuration error. "
                          "Displayed status information is from Secondary and can be out-of-date.\n")
    assert "  Timestamp Information:      behind by  0h 0m 10s\n" in result.out
    assert vvr.fail("vradmin -g appdg migrate app_rvg", "dr-n1").err.endswith("host prod-n1 is not reachable.\n")
    assert vvr.ok("vradmin -g appdg takeover app_rvg", "dr-n1") == ""
    assert _primary_host(vvr, "dr-n1") == "dr-n1"
    assert _brief(vvr.status("dr-n1")) == ("N/A", "not replicating", "DCM (contains 0 Kbytes) (failback logging)")
    assert vvr.write("appdg/logvol", "8m", node="dr-n1") == 0
    assert vvr.fail("vradmin -g appdg fbsync app_rvg", "dr-n1").err == (
        "VxVM VVR vradmin ERROR V-5-52-808 Cannot start failback synchronization: original Primary prod-n1 "
        "is not reachable.\n")
    assert vvr.fault("restore-node", "prod-n1") == 0
    # the old Primary learns of the takeover: an acting Secondary; its 20 MiB are rolled back
    assert _brief(vvr.status("dr-n1")) == ("inconsistent", "needs failback synchronization",
                                           "DCM (contains 28672 Kbytes) (failback logging)")
    assert _primary_host(vvr, "prod-n1") == "dr-n1"
    assert vvr.ok("vxprint -g appdg -V -q -F '%primary'") == "false\n"
    assert vvr.write("appdg/datavol", "1m") == 1
    assert vvr.rlink_status("dr-n1", BACK_RLINK) == (
        "VxVM VVR vxrlink INFO V-5-1-4348 DCM is in use on Rlink rlk_prod-n1_app_rvg. DCM contains 28672 Kbytes.")
    assert vvr.fail("vradmin -g appdg fbsync app_rvg").err == (
        "VxVM VVR vradmin ERROR V-5-52-260 Operation must be run on the Primary of RDS app_rvg or with the Primary "
        "reachable.\n")
    vvr.ok("vradmin -g appdg fbsync app_rvg", "dr-n1")
    assert _brief(vvr.status("dr-n1")) == ("inconsistent", "failback resync in progress", "DCM (contains 28672 Kbytes)")
    vvr.at(28)
    assert _brief(vvr.status("dr-n1")) == ("consistent, up-to-date", "replicating (connected)", "SRL")
    assert "failback" not in vvr.ok(["vxprint", "-g", "appdg", "-Pl", BACK_RLINK], "dr-n1")


def test_fbsync_wait_blocks_until_the_resync_ends(vvr):
    vvr.replicating()
    assert vvr.fault("crash-node", "prod-n1") == 0
    vvr.ok("vradmin -g appdg takeover app_rvg", "dr-n1")
    vvr.write("appdg/datavol", "12m", node="dr-n1")
    assert vvr.fault("restore-node", "prod-n1") == 0
    started = vvr.fake.now
    vvr.ok("vradmin -g appdg -wait fbsync app_rvg", "dr-n1")
    assert 12 <= vvr.fake.now - started < 12.5
    assert _brief(vvr.status("dr-n1")) == ("consistent, up-to-date", "replicating (connected)", "SRL")
    row = vvr.log(node="dr-n1")[-2]
    assert row["argv"][-2:] == ["fbsync", "app_rvg"] and row["changed"]


def test_fbsync_wait_in_a_real_process_does_not_hold_the_state(tmp_path, monkeypatch):
    fast = make(tmp_path, monkeypatch, speed=200.0, fake_clock=False)
    fast.replicating()
    assert fast.fault("crash-node", "prod-n1") == 0
    fast.ok("vradmin -g appdg takeover app_rvg", "dr-n1")
    fast.write("appdg/datavol", "100m", node="dr-n1")
    fast.write("appdg/logvol", "50m", node="dr-n1")         # 150 simulated seconds = 0.75 s
    assert fast.fault("restore-node", "prod-n1") == 0
    started = time.time()
    waiting = shim(fast, "vradmin", "dr-n1", "-g", "appdg", "-wait", "fbsync", "app_rvg", background=True)
    time.sleep(0.15)
    reader = shim(fast, "vradmin", "dr-n1", "-g", "appdg", "repstatus", "app_rvg")
    assert reader.returncode == 0 and "failback resync in progress" in reader.stdout
    assert waiting.poll() is None
    out, err = waiting.communicate(timeout=10)
    assert (waiting.returncode, out, err) == (0, "", "")
    assert 0.7 <= time.time() - started < 3
    assert fast.status("dr-n1")["Data status"] == "consistent, up-to-date"


def test_takeover_with_a_healthy_primary_demotes_it_at_once(vvr):
    vvr.replicating()
    vvr.ok("vradmin -g appdg takeover app_rvg", "dr-n1")
    assert _primary_host(vvr) == "dr-n1"
    assert vvr.status("dr-n1")["Replication status"] == "needs failback synchronization"


def test_takeover_autofb_resynchronizes_by_itself(vvr):
    vvr.replicating()
    assert vvr.fault("crash-node", "prod-n1") == 0
    vvr.ok("vradmin -g appdg -autofb takeover app_rvg", "dr-n1")
    vvr.write("appdg/datavol", "6m", node="dr-n1")
    vvr.at(30)
    assert vvr.status("dr-n1")["Replication status"] == "not replicating"
    assert vvr.fault("restore-node", "prod-n1") == 0
    assert vvr.status("dr-n1")["Replication status"] == "failback resync in progress"
    vvr.at(6)
    assert vvr.status("dr-n1")["Data status"] == "consistent, up-to-date"


def test_takeover_without_failback_logging_then_makesec(vvr):
    vvr.replicating()
    vvr.link("down")
    assert vvr.fail("vradmin -g appdg -autofb -N takeover app_rvg", "dr-n1").err.startswith(
        "vradmin: -autofb and -N are mutually exclusive\n")
    vvr.ok("vradmin -g appdg takeover -N app_rvg", "dr-n1")
    assert _brief(vvr.status("dr-n1")) == ("inconsistent", "stopped", "N/A")
    vvr.link("up")
    # two Primaries now: each sees the other as a misconfigured Secondary
    assert _brief(vvr.status("prod-n1")) == ("N/A", "secondary config error", "N/A")
    assert vvr.fail("vradmin -g appdg fbsync app_rvg", "dr-n1").err == (
        "VxVM VVR vradmin ERROR V-5-52-807 No Secondary of RDS app_rvg needs failback synchronization.\n")
    assert vvr.fail("vradmin -g appdg makesec app_rvg prod-n1").err == (
        "VxVM VVR vradmin ERROR V-5-52-809 RVG app_rvg on this host is not an original Primary taken over by prod-n1.\n")
    vvr.ok("vradmin -g appdg makesec app_rvg dr-n1")
    assert _primary_host(vvr) == "dr-n1"
    assert _brief(vvr.status("dr-n1")) == ("inconsistent", "stopped", "N/A")
    vvr.ok("vradmin -g appdg -a startrep app_rvg", "dr-n1")
    vvr.at(150)
    assert _brief(vvr.status("dr-n1")) == ("consistent, up-to-date", "replicating (connected)", "SRL")


def test_split_brain_over_a_link_outage_loses_the_old_primarys_late_writes(vvr):
    vvr.replicating()
    vvr.write("appdg/datavol", "4m")
    vvr.at(4)
    vvr.link("down")
    vvr.ok("vradmin -g appdg takeover app_rvg", "dr-n1")
    vvr.write("appdg/datavol", "10m")                   # the old Primary does not know yet
    assert _brief(vvr.status("prod-n1")) == ("consistent, behind", "paused due to network disconnection",
                                             "SRL (10240 Kbytes behind, 5 % full)")
    vvr.write("appdg/logvol", "3m", node="dr-n1")
    vvr.link("up")
    assert _brief(vvr.status("prod-n1")) == ("inconsistent", "needs failback synchronization",
                                             "DCM (contains 13312 Kbytes) (failback logging)")


def test_takeover_errors(vvr):
    vvr.rds()
    vvr.ok("vradmin -g appdg -a startrep app_rvg")
    assert vvr.fail("vradmin -g appdg takeover app_rvg").err == (
        "VxVM VVR vradmin ERROR V-5-52-803 RVG app_rvg on host prod-n1 is already the Primary.\n")
    assert vvr.fail("vradmin -g appdg takeover app_rvg", "dr-n1").err == (
        "VxVM VVR vradmin ERROR V-5-52-804 Cannot take over: the data of Secondary dr-n1 of RDS app_rvg is "
        "inconsistent.\n")
    assert vvr.fail("vradmin -g appdg takeover nosuch", "dr-n1").err.endswith("RVG nosuch does not exist in disk group appdg.\n")


# ------------------------------------------------------------------ API

def _txn(vvr):
    conn = store.connect(vvr.state)
    return conn, store.Transaction(conn)


def _api(vvr, function, *args):
    conn, txn = _txn(vvr)
    try:
        with txn:
            result = function(txn, *args)
            txn.flush()
        return result
    finally:
        conn.close()


def test_api_roles_migrate_takeover_and_rvg_start(vvr):
    vvr.replicating()
    assert _api(vvr, api.rvg_role, "prodclus", "appdg", "app_rvg") == "primary"
    assert _api(vvr, api.rvg_role, "drclus", "appdg", "app_rvg") == "secondary"
    assert _api(vvr, api.rvg_role, "drclus", "appdg", "other") is None
    vvr.write("appdg/datavol", "8m")
    ok, reason = _api(vvr, api.can_migrate, "drclus", "appdg", "app_rvg")
    assert not ok and reason.startswith("Cannot migrate: Secondary dr-n1 of RDS app_rvg is not up-to-date")
    assert _api(vvr, api.can_migrate, "prodclus", "appdg", "app_rvg") == (
        False, "RVG app_rvg on host prod-n1 is already the Primary.")
    assert _api(vvr, api.replication_status, "drclus", "appdg", "app_rvg") == [
        {"host": "dr-n1", "cluster": "drclus", "data_status": "consistent, behind",
         "replication_status": "replicating (connected)", "lag_seconds": 0.0, "lag_bytes": 8 * 1024 * 1024,
         "connected": True}]
    assert _api(vvr, api.primary_reachable, "drclus", "appdg", "app_rvg") is True
    assert _api(vvr, api.primary_reachable, "prodclus", "appdg", "app_rvg") is False
    vvr.at(8)
    assert _api(vvr, api.can_migrate, "drclus", "appdg", "app_rvg") == (True, "")
    _api(vvr, api.migrate, vvr.fake.now, "drclus", "appdg", "app_rvg")
    assert _primary_host(vvr) == "dr-n1"
    vvr.write("appdg/datavol", "3m", node="dr-n1")
    vvr.at(1)
    assert vvr.fault("crash-node", "dr-n1") == 0
    assert _api(vvr, api.primary_reachable, "prodclus", "appdg", "app_rvg") is False
    lost = _api(vvr, api.takeover, vvr.fake.now, "prodclus", "appdg", "app_rvg")
    assert lost == {"lost_bytes": 2 * 1024 * 1024, "lost_writes": 1, "lag_seconds": 1.0}
    assert _api(vvr, api.rvg_role, "prodclus", "appdg", "app_rvg") == "primary"
    try:
        _api(vvr, api.takeover, vvr.fake.now, "prodclus", "appdg", "app_rvg")
        raise AssertionError("second takeover accepted")
    except api.VvrError as error:
        assert error.code == 803
    assert _api(vvr, api.rvg_started, "prodclus", "appdg", "app_rvg", "prod-n1") is True
    _api(vvr, api.stop_rvg, "prodclus", "appdg", "app_rvg", "prod-n1")
    assert "DISABLED CLEAN    primary" in vvr.ok("vxprint -g appdg -ht")
    assert _api(vvr, api.rvg_started, "prodclus", "appdg", "app_rvg", "prod-n1") is False
    _api(vvr, api.start_rvg, "prodclus", "appdg", "app_rvg", "prod-n1")
    assert "ENABLED  ACTIVE   primary" in vvr.ok("vxprint -g appdg -ht")
    try:
        _api(vvr, api.start_rvg, "prodclus", "appdg", "app_rvg", "prod-n2")
        raise AssertionError("start on a node without the disk group accepted")
    except api.VvrError as error:
        assert str(error) == "Disk group appdg is not imported on prod-n2."


def test_api_takeover_options(vvr):
    vvr.replicating()
    vvr.link("down")
    _api(vvr, api.takeover, vvr.fake.now, "drclus", "appdg", "app_rvg", False)
    vvr.link("up")
    assert _api(vvr, api.rvg_role, "prodclus", "appdg", "app_rvg") == "primary"   # two Primaries
    assert vvr.rvg("drclus")["rlinks"][BACK_RLINK]["takeover"]["mode"] == "nofb"
    assert RLINK in vvr.rvg("prodclus")["rlinks"]
