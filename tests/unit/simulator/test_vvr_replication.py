"""Replication over simulated time: autosync, writes through the SRL, lag and drain at the
link's bandwidth (1 MiB per simulated second here), pause / resume, stop / start, the
replication-link fault (SRL fills, DCM logging, resync), synchronous modes, refused writes."""
from infoscale_sim.admin import cli

from .vvr_sim import BACK_RLINK, RLINK, make, vvr  # noqa: F401 (fixture)

INFO = "VxVM VVR vxrlink INFO V-5-1-%d Rlink rlk_dr-n1_app_rvg "


def _brief(status):
    return (status["Data status"], status["Replication status"], status["Logging to"],
            status["Timestamp Information"])


def test_autosync_takes_the_volumes_over_the_link(vvr):
    vvr.rds()
    assert vvr.fail("vradmin -g appdg startrep app_rvg").err == (
        "VxVM VVR vradmin ERROR V-5-52-264 The Secondary is not synchronized: use -a (automatic synchronization), "
        "-c checkpoint or -f (the Secondary already holds the Primary's data).\n")
    assert vvr.ok("vradmin -g appdg -a startrep app_rvg") == ""
    assert _brief(vvr.status()) == ("inconsistent", "resync in progress (autosync)",
                                    "DCM (contains 153600 Kbytes) (autosync)", "N/A")
    assert vvr.rlink_status() == INFO % 4464 + "is in AUTOSYNC. 153600 Kbytes remaining."
    vvr.at(100)                                      # 150 MiB at 1 MiB/s
    assert vvr.status()["Logging to"] == "DCM (contains 51200 Kbytes) (autosync)"
    assert vvr.rlink_status() == INFO % 4464 + "is in AUTOSYNC. 51200 Kbytes remaining."
    vvr.write("appdg/logvol", "10m")                 # tracked in the DCM meanwhile
    assert vvr.status()["Logging to"] == "DCM (contains 61440 Kbytes) (autosync)"
    vvr.at(59)
    assert vvr.status()["Data status"] == "inconsistent"
    vvr.at(1)
    assert _brief(vvr.status()) == ("consistent, up-to-date", "replicating (connected)", "SRL", "behind by  0h 0m 0s")
    assert vvr.rlink_status() == INFO % 4467 + "is up to date"
    assert vvr.fail("vradmin -g appdg -a startrep app_rvg").err == (
        "VxVM VVR vradmin ERROR V-5-52-263 Replication to Secondary dr-n1 is already started.\n")


def test_writes_go_through_the_srl_and_drain_at_the_bandwidth(vvr):
    vvr.replicating()
    assert vvr.write("appdg/datavol", "10m") == 0
    assert vvr.write("appdg/logvol", "6m") == 0
    status = vvr.status()
    assert _brief(status) == ("consistent, behind", "replicating (connected)", "SRL (16384 Kbytes behind, 8 % full)",
                              "behind by  0h 0m 0s")
    assert status["Current mode"] == "asynchronous"
    assert vvr.rlink_status() == INFO % 4640 + "has 2 outstanding writes, occupying 16384 Kbytes (8%) on the SRL"
    vvr.at(12)
    assert _brief(vvr.status()) == ("consistent, behind", "replicating (connected)", "SRL (4096 Kbytes behind, 2 % full)",
                                    "behind by  0h 0m 12s")
    assert vvr.rlink_status() == INFO % 4640 + "has 1 outstanding writes, occupying 4096 Kbytes (2%) on the SRL"
    vvr.at(4)
    assert _brief(vvr.status()) == ("consistent, up-to-date", "replicating (connected)", "SRL", "behind by  0h 0m 0s")


def test_pause_and_resume(vvr):
    vvr.replicating()
    vvr.ok("vradmin -g appdg pauserep app_rvg")
    assert vvr.fail("vradmin -g appdg pauserep app_rvg dr-n1").err == (
        "VxVM VVR vradmin ERROR V-5-52-267 Replication to Secondary dr-n1 is already paused.\n")
    vvr.write("appdg/datavol", "20m")
    vvr.at(3661)
    assert _brief(vvr.status()) == ("consistent, behind", "paused by user", "SRL (20480 Kbytes behind, 10 % full)",
                                    "behind by  1h 1m 1s")
    vvr.ok("vradmin -g appdg resumerep app_rvg", "dr-n1")     # from the Secondary: forwarded to the Primary
    assert vvr.fail("vradmin -g appdg resumerep app_rvg").err == (
        "VxVM VVR vradmin ERROR V-5-52-268 Replication to Secondary dr-n1 is not paused.\n")
    vvr.at(10)
    assert vvr.status()["Logging to"] == "SRL (10240 Kbytes behind, 5 % full)"
    vvr.ok(["vxrlink", "-g", "appdg", "pause", RLINK])
    vvr.at(100)
    assert vvr.status()["Replication status"] == "paused by user"
    vvr.ok(["vxrlink", "-g", "appdg", "resume", RLINK])
    vvr.at(10)
    assert vvr.status()["Data status"] == "consistent, up-to-date"


def test_stoprep_leaves_a_stale_secondary_that_needs_a_full_sync(vvr):
    vvr.replicating()
    vvr.ok("vradmin -g appdg stoprep app_rvg")
    assert vvr.fail("vradmin -g appdg stoprep app_rvg").err == (
        "VxVM VVR vradmin ERROR V-5-52-266 Replication to Secondary dr-n1 is not started.\n")
    vvr.write("appdg/datavol", "5m")
    assert _brief(vvr.status()) == ("consistent, stale", "stopped", "N/A", "N/A")
    assert vvr.rlink_status() == INFO % 4468 + "is STALE and not replicating"
    assert vvr.fail("vradmin -g appdg startrep app_rvg").err.startswith("VxVM VVR vradmin ERROR V-5-52-264 ")
    assert vvr.fail("vradmin -g appdg -c ckpt startrep app_rvg").err == (
        "VxVM VVR vradmin ERROR V-5-52-265 Checkpoint attach (-c) is not supported by this simulator.\n")
    vvr.ok(["vxrlink", "-g", "appdg", "-a", "att", RLINK])
    assert vvr.status()["Replication status"] == "resync in progress (autosync)"


def test_link_down_fills_the_srl_then_logs_to_the_dcm_until_resync(vvr):
    vvr.replicating()
    vvr.link("down")
    assert vvr.vvr_doc()["links"]["prodclus-drclus"]["down"] is True
    assert vvr.fault("replication-link", "down") == 1
    vvr.write("appdg/datavol", "100m")
    vvr.at(30)
    vvr.write("appdg/logvol", "40m")
    vvr.at(30)
    status = vvr.status()
    assert _brief(status) == ("consistent, behind", "paused due to network disconnection",
                              "SRL (143360 Kbytes behind, 70 % full)", "behind by  0h 1m 0s")
    rl_row = [line.split() for line in vvr.ok("vxprint -g appdg -ht", "dr-n1").splitlines() if line.startswith("rl ")]
    assert rl_row == [["rl", "rlk_prod-n1_app_rvg", "app_rvg", "ENABLED", "ACTIVE", "prod-n1", "appdg", RLINK]]
    vvr.write("appdg/logvol", "50m")                 # 190m > 200m? not yet
    vvr.write("appdg/datavol", "20m")                # 210m > 200m: the SRL overflows
    assert _brief(vvr.status()) == ("consistent, behind", "logging to DCM (needs dcm resynchronization)",
                                    "DCM (contains 153600 Kbytes)", "behind by  0h 1m 0s")
    assert vvr.rlink_status() == (
        "VxVM VVR vxrlink INFO V-5-1-4348 DCM is in use on Rlink rlk_dr-n1_app_rvg. DCM contains 153600 Kbytes.")
    assert "dcm_logging" in vvr.ok(["vxprint", "-g", "appdg", "-Pl", RLINK])
    vvr.link("up")
    vvr.at(60)
    assert vvr.status()["Replication status"] == "logging to DCM (needs dcm resynchronization)"
    vvr.ok("vradmin -g appdg resync app_rvg")
    assert _brief(vvr.status()) == ("inconsistent", "resync in progress (dcm resynchronization)",
                                    "DCM (contains 153600 Kbytes)", "N/A")
    vvr.at(150)
    assert _brief(vvr.status()) == ("consistent, up-to-date", "replicating (connected)", "SRL", "behind by  0h 0m 0s")
    assert vvr.fail("vradmin -g appdg resync app_rvg").err == (
        "VxVM VVR vradmin ERROR V-5-52-269 No rlink of RVG app_rvg is logging to the DCM: nothing to resynchronize.\n")
    log = vvr.vvr_doc()["log"]
    assert [e["event"] for e in log] == ["replication-link-down", "replication-link-up"]


def test_srlprot_off_detaches_on_overflow_and_fail_refuses_the_write(vvr):
    vvr.replicating()
    vvr.ok("vradmin -g appdg set app_rvg srlprot=off")
    vvr.link("down")
    vvr.write("appdg/datavol", "100m")
    vvr.write("appdg/datavol", "100m")
    vvr.write("appdg/logvol", "10m")
    assert _brief(vvr.status()) == ("consistent, stale", "stopped", "N/A", "N/A")
    vvr.link("up")
    vvr.ok("vradmin -g appdg -a startrep app_rvg")
    vvr.at(150)
    vvr.ok("vradmin -g appdg set app_rvg srlprot=fail")
    vvr.link("down")
    vvr.write("appdg/datavol", "100m")
    vvr.write("appdg/datavol", "90m")
    before = vvr.rvg()["rlinks"][RLINK]["queue"]
    assert cli.main(["write", "--state", vvr.state, "--node", "prod-n1", "appdg/logvol", "20m"]) == 1
    assert vvr.rvg()["rlinks"][RLINK]["queue"] == before


def test_synchronous_modes(vvr, capsys):
    vvr.replicating(sync="override")
    vvr.write("appdg/datavol", "30m")
    status = vvr.status()
    assert _brief(status) == ("consistent, up-to-date", "replicating (connected)", "SRL", "behind by  0h 0m 0s")
    assert (status["Configured mode"], status["Current mode"]) == ("synchronous", "synchronous")
    vvr.link("down")
    vvr.write("appdg/datavol", "30m")
    status = vvr.status()
    assert (status["Data status"], status["Current mode"]) == ("consistent, behind", "asynchronous")
    vvr.link("up")
    vvr.at(30)
    assert vvr.status()["Current mode"] == "synchronous"
    vvr.ok("vradmin -g appdg set app_rvg synchronous=fail")
    vvr.link("down")
    capsys.readouterr()
    assert vvr.write("appdg/datavol", "1m") == 1
    assert capsys.readouterr().err == (
        "infoscale-sim: write to appdg/datavol refused: synchronous rlink rlk_dr-n1_app_rvg is disconnected "
        "(synchronous=fail): write failed\n")


def test_secondary_volumes_and_the_srl_refuse_writes(vvr, capsys):
    vvr.replicating()
    capsys.readouterr()
    assert vvr.write("appdg/datavol", "1m", node="dr-n1") == 1
    assert capsys.readouterr().err == (
        "infoscale-sim: write to appdg/datavol refused: volume belongs to the Secondary RVG app_rvg; "
        "its data volumes are not writable\n")
    assert vvr.write("appdg/app_srl", "1m") == 1
    assert "is the SRL of RVG app_rvg" in capsys.readouterr().err
    vvr.ok("vxrvg -g appdg stop app_rvg")
    assert vvr.write("appdg/datavol", "1m") == 1
    assert "RVG app_rvg is not started" in capsys.readouterr().err
    assert vvr.ok("vradmin -g appdg repstatus app_rvg").splitlines()[5] == "  RVG state:                  disabled for I/O"


def test_a_crashed_secondary_stops_the_drain_at_its_crash_time(vvr):
    vvr.replicating()
    vvr.write("appdg/datavol", "20m")
    vvr.at(5)
    assert vvr.fault("crash-node", "dr-n1") == 0
    vvr.at(100)
    assert _brief(vvr.status()) == ("consistent, behind", "paused due to network disconnection",
                                    "SRL (15360 Kbytes behind, 7 % full)", "behind by  0h 1m 45s")
    assert vvr.fault("restore-node", "dr-n1") == 0
    vvr.at(15)
    assert vvr.status()["Data status"] == "consistent, up-to-date"


def test_link_fault_errors(vvr, capsys):
    assert cli.main(["fault", "--state", vvr.state, "replication-link", "down", "--link", "a-b"]) == 1
    assert capsys.readouterr().err == "infoscale-sim: unknown replication link 'a-b' (links: prodclus-drclus)\n"
    assert cli.main(["fault", "--state", vvr.state, "replication-link", "down", "--link", "drclus-prodclus"]) == 0
    assert cli.main(["fault", "--state", vvr.state, "replication-link", "up", "--link", "prodclus-drclus"]) == 0
    assert cli.main(["fault", "--state", vvr.state, "replication-link", "up"]) == 1
    assert capsys.readouterr().err.endswith("replication link prodclus-drclus is already up\n")


def test_back_rlink_status_on_the_secondary(vvr):
    vvr.replicating()
    assert vvr.rlink_status(node="dr-n1", rlink=BACK_RLINK) == (
        "VxVM VVR vxrlink INFO V-5-1-4466 Rlink rlk_prod-n1_app_rvg is a Secondary rlink; "
        "its status is reported on the Primary")
    assert vvr.fail(["vxrlink", "-g", "appdg", "pause", BACK_RLINK], "dr-n1").err == (
        "VxVM VVR vxrlink ERROR V-5-1-3326 Rlink rlk_prod-n1_app_rvg is a Secondary rlink: run this on the Primary\n")


def test_speed_scales_replication_time(tmp_path, monkeypatch):
    fast = make(tmp_path, monkeypatch, speed=50.0)
    fast.rds()
    fast.ok("vradmin -g appdg -a startrep app_rvg")
    fast.fake.now += 2.0                              # 2 real seconds = 100 simulated seconds
    assert fast.status()["Logging to"] == "DCM (contains 51200 Kbytes) (autosync)"
    fast.fake.now += 1.0
    assert fast.status()["Data status"] == "consistent, up-to-date"


def test_an_intersite_link_outage_cuts_replication_too(vvr):
    vvr.replicating()
    vvr.write("appdg/datavol", "20m")
    vvr.at(5)
    assert vvr.fault("intersite-link-down") == 0
    vvr.at(30)
    assert _brief(vvr.status()) == ("consistent, behind", "paused due to network disconnection",
                                    "SRL (15360 Kbytes behind, 7 % full)", "behind by  0h 0m 35s")
    assert vvr.fault("intersite-link-up") == 0
    vvr.ok("vxrlink -g appdg pause " + RLINK)      # settles: the outage ended now
    vvr.ok("vxrlink -g appdg resume " + RLINK)
    vvr.at(15)
    assert vvr.status()["Data status"] == "consistent, up-to-date"
