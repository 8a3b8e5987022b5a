"""VVR configuration: createpri, addsec, printrvg, printvol, repstatus layouts, vxprint RVG
records, vxrvg, addvol / resizevol / delsec / delpri, usage and input errors."""
import pytest

from .conftest import sample_lines
from .vvr_sim import BACK_RLINK, RLINK, vvr  # noqa: F401 (fixture)

REPSTATUS_STOPPED = """Replicated Data Set: app_rvg
Primary:
  Host name:                  prod-n1
  RVG name:                   app_rvg
  DG name:                    appdg
  RVG state:                  enabled for I/O
  Data volumes:               2
  VSets:                      0
  SRL name:                   app_srl
  SRL size:                   200.00 M
  Total secondaries:          1
Secondary:
  Host name:                  dr-n1
  RVG name:                   app_rvg
  DG name:                    appdg
  Rlink from Primary:         rlk_dr-n1_app_rvg
  Rlink to Primary:           rlk_prod-n1_app_rvg
  Configured mode:            asynchronous
  Latency protection:         off
  SRL protection:             autodcm
  Data status:                inconsistent
  Replication status:         stopped
  Current mode:               N/A
  Logging to:                 N/A
  Timestamp Information:      N/A
  Bandwidth Limit:            N/A
"""


def test_createpri_addsec_printrvg_and_printvol_layouts(vvr):
    vvr.rds()
    assert vvr.ok("vradmin -g appdg printrvg app_rvg") == (
        "Replicated Data Set: app_rvg\n"
        "Primary:\n"
        "        HostName: prod-n1    <localhost>\n"
        "        RvgName: app_rvg\n"
        "        DgName: appdg\n"
        "Secondary:\n"
        "        HostName: dr-n1\n"
        "        RvgName: app_rvg\n"
        "        DgName: appdg\n")
    on_dr = vvr.ok("vradmin -g appdg printrvg app_rvg", "dr-n1")
    assert "        HostName: prod-n1\n" in on_dr and "        HostName: dr-n1    <localhost>\n" in on_dr
    assert vvr.ok("vradmin -g appdg printvol app_rvg") == (
        "Replicated Data Set: app_rvg\n"
        "TY  PRIMARY                               SECONDARY\n"
        "h   prod-n1                            dr-n1\n"
        "dg  appdg                                 appdg\n"
        "rv  app_rvg                               app_rvg\n"
        "v   datavol                               datavol\n"
        "sz  204800                                204800\n"
        "pn  1                                     1\n"
        "fl  DCM                                   DCM\n"
        "v   logvol                                logvol\n"
        "sz  102400                                102400\n"
        "pn  1                                     1\n"
        "fl  DCM                                   DCM\n")


def test_repstatus_layouts_with_and_without_l(vvr):
    vvr.rds()
    assert vvr.ok("vradmin -g appdg repstatus app_rvg") == REPSTATUS_STOPPED
    assert vvr.ok("vradmin -g appdg -l repstatus app_rvg") == REPSTATUS_STOPPED + "  Compression Mode:           Off\n"
    # the same RDS from the Secondary, options after the keyword
    assert vvr.ok("vradmin repstatus app_rvg -g appdg", "dr-n1") == REPSTATUS_STOPPED


def test_repstatus_reproduces_the_real_sample_layout(vvr):
    """Sample vradmin_repstatus_1 (9 volumes, 278.38 G SRL, latencyprot=override, in sync),
    rebuilt with the simulator's renderer: byte for byte."""
    from infoscale_sim.vvr import report
    from infoscale_sim.vvr.model import Ctx
    from infoscale_sim import store

    lines = sample_lines("vradmin_repstatus_1.txt")[1:]
    vvr.replicating()
    conn = store.connect(vvr.state)
    try:
        with store.Transaction(conn) as txn:
            ctx = Ctx(txn, vvr.fake.now)
            pri = next(s for s in ctx.sides() if s.primary)
            rl = pri.rvg["rlinks"][RLINK]
            pri.rvg["datavols"] = ["v%d" % i for i in range(9)]
            pri.dg["volumes"]["app_srl"]["len"] = int(278.38 * 2 * 1024 * 1024)
            rl.update(name="to_node06", remote_rlink="to_node05", latencyprot="override")
            sec = ctx.partner(pri, rl)
            names = {"prod-n1": "node05-rep", "dr-n1": "node06-rep"}
            out = report.repstatus(ctx, _Renamed(pri, names, "apache"), [(rl, _Renamed(sec, names, "apache"))], long=True)
            txn.discard()
    finally:
        conn.close()
    out = [line.replace("app_rvg", "apache_rvg").replace("app_srl", "srl") for line in out]
    assert out == lines


class _Renamed:
    """A Side shown under the host / disk group names of the sample."""

    def __init__(self, side, hosts, dg):
        self._side = side
        self.host = hosts[side.host]
        self.dg = dict(side.dg, name=dg)

    def __getattr__(self, name):
        return getattr(self._side, name)


class _Stub:
    """A Side as the report renderers see it."""

    def __init__(self, host, dg, rvg, vols):
        self.host, self.dg, self.name = host, {"name": dg}, rvg
        self.rvg = {"datavols": [v for v, _ in vols], "dcm": True}
        self._vols = {v: {"len": length, "plexes": [{}]} for v, length in vols}

    def volume(self, name):
        return self._vols.get(name)


def test_printrvg_and_printvol_reproduce_the_real_samples():
    from infoscale_sim.vvr import report

    printvol = sample_lines("vradmin_printvol_1.txt")[1:]
    names = printvol[5::4]
    vols = [(line.split()[1], int(size.split()[1])) for line, size in zip(names, printvol[6::4])]
    pri = _Stub("node05-rep", "apache", "apache_rvg", vols)
    sec = _Stub("node06-rep", "apache", "apache_rvg", vols)
    assert report.printvol(pri, [(None, sec)]) == printvol
    assert report.printrvg(pri, [(None, sec)], "node05-rep") == sample_lines("vradmin_printrvg_1.txt")[1:]


def test_vxprint_rvg_and_rlink_records(vvr):
    vvr.replicating()
    rows = [line for line in vvr.ok("vxprint -g appdg -ht").splitlines()
            if line[:3] in ("rv ", "rl ", "v  ")]
    assert rows == [
        "rv app_rvg      1            ENABLED  ACTIVE   primary  2         app_srl",
        "rl rlk_dr-n1_app_rvg app_rvg CONNECT  ACTIVE   dr-n1    appdg     rlk_prod-n1_app_rvg",
        "v  datavol      app_rvg      ENABLED  ACTIVE   204800   SELECT    -        fsgen",
        "v  logvol       app_rvg      ENABLED  ACTIVE   102400   SELECT    -        fsgen",
        "v  app_srl      app_rvg      ENABLED  ACTIVE   409600   SELECT    -        fsgen"]
    on_dr = vvr.ok("vxprint -g appdg -ht", "dr-n1").splitlines()
    assert "rv app_rvg      1            ENABLED  ACTIVE   secondary 2        app_srl" in on_dr
    assert "rl rlk_prod-n1_app_rvg app_rvg CONNECT ACTIVE  prod-n1  appdg     rlk_dr-n1_app_rvg" in on_dr
    default = vvr.ok("vxprint -g appdg").splitlines()
    assert "v  datavol      app_rvg      ENABLED  204800   -        ACTIVE   -       -" in default
    assert vvr.ok("vxprint -g appdg -V -q -F '%name %primary %srl %rlink_cnt'") == "app_rvg true app_srl 1\n"
    assert vvr.ok("vxprint -g appdg -P -q -F '%name %rvg %remote_host %synchronous'") == (
        "rlk_dr-n1_app_rvg app_rvg dr-n1 off\n")
    assert vvr.ok("vxprint -g appdg -v -q -F '%name %primary'") == "app_srl -\ndatavol -\nlogvol -\n"
    long_rl = vvr.ok(["vxprint", "-g", "appdg", "-Pl", RLINK]).splitlines()
    assert long_rl[0] == "Rlink:    rlk_dr-n1_app_rvg"
    assert "flags:    write enabled attached consistent connected asynchronous" in long_rl
    assert "          synchronous=off latencyprot=off srlprot=autodcm" in long_rl
    long_rv = vvr.ok("vxprint -g appdg -Vl app_rvg").splitlines()
    assert long_rv[:4] == ["Rvg:      app_rvg", long_rv[1], "state:    state=ACTIVE kernel=ENABLED",
                           "assoc:    datavols=datavol,logvol"]
    assert "flags:    closed primary enabled attached" in long_rv
    assert vvr.ok("vxprint -g appdg -n -V") == "app_rvg\n"


def test_vxprint_rlink_states(vvr):
    vvr.rds()
    assert "rl rlk_dr-n1_app_rvg app_rvg DETACHED STALE    dr-n1    appdg     rlk_prod-n1_app_rvg" in (
        vvr.ok("vxprint -g appdg -ht").splitlines())
    vvr.ok("vradmin -g appdg -f startrep app_rvg")
    vvr.ok("vradmin -g appdg pauserep app_rvg")
    assert "rl rlk_dr-n1_app_rvg app_rvg CONNECT  PAUSE    dr-n1    appdg     rlk_prod-n1_app_rvg" in (
        vvr.ok("vxprint -g appdg -ht").splitlines())
    vvr.ok("vradmin -g appdg resumerep app_rvg")
    vvr.link("down")
    assert "rl rlk_dr-n1_app_rvg app_rvg ENABLED  ACTIVE   dr-n1    appdg     rlk_prod-n1_app_rvg" in (
        vvr.ok("vxprint -g appdg -ht").splitlines())
    assert "disconnected" in vvr.ok(["vxprint", "-g", "appdg", "-Pl", RLINK])


def test_vxrvg_stop_start_and_lists(vvr):
    vvr.replicating()
    assert vvr.ok("vxrvg -g appdg getdatavols app_rvg") == "datavol logvol\n"
    assert vvr.ok("vxrvg -g appdg -1 getrlinks app_rvg") == "rlk_dr-n1_app_rvg\n"
    vvr.ok("vxrvg -g appdg stop app_rvg", "dr-n1")
    assert vvr.status()["Replication status"] == "paused due to network disconnection"
    assert "rv app_rvg      1            DISABLED CLEAN    secondary 2        app_srl" in (
        vvr.ok("vxprint -g appdg -ht", "dr-n1").splitlines())
    vvr.ok("vxrvg -g appdg start app_rvg", "dr-n1")
    assert vvr.status()["Replication status"] == "replicating (connected)"
    assert vvr.fail("vxrvg -g appdg start nosuch").err == (
        "VxVM VVR vxrvg ERROR V-5-1-3330 Rvg nosuch not found in disk group appdg\n")
    assert vvr.fail("vxrvg -g appdg makeprimary app_rvg").err.startswith(
        "VxVM VVR vxrvg ERROR V-5-1-2 Usage: vxrvg [-g diskgroup] start|stop rvg\n")


def test_rvg_follows_its_disk_group_and_needs_a_start_after_import(vvr):
    vvr.replicating()
    vvr.ok("vxdg deport appdg", "dr-n1")
    assert vvr.status()["Replication status"] == "paused due to network disconnection"
    vvr.ok("vxdg import appdg", "dr-n2")
    assert vvr.status()["Host name"] == "dr-n2"
    assert vvr.status()["Replication status"] == "paused due to network disconnection"
    vvr.ok("vxrvg -g appdg start app_rvg", "dr-n2")
    assert vvr.status()["Replication status"] == "replicating (connected)"


def test_usage_and_disk_group_errors(vvr):
    vvr.rds()
    result = vvr.fail("vradmin -g appdg frobnicate app_rvg")
    assert result.rc == 1
    assert result.err.splitlines()[:2] == [
        "vradmin: unknown keyword frobnicate",
        "VxVM VVR vradmin ERROR V-5-52-2 Usage: vradmin [-g diskgroup] [-nodcm] createpri rvg volume[,volume...] srl"]
    assert vvr.fail("vradmin -g appdg -z repstatus app_rvg").err.startswith("vradmin: invalid option -z\n")
    assert vvr.fail("vradmin -g appdg -a repstatus app_rvg").err.startswith(
        "vradmin: option -a is not valid with repstatus\n")
    assert vvr.fail("vradmin repstatus app_rvg").err == "VxVM VVR vradmin ERROR V-5-52-480 Operation requires a disk group.\n"
    assert vvr.fail("vradmin -g nodg repstatus app_rvg").err == (
        "VxVM VVR vradmin ERROR V-5-52-456 Disk group nodg does not exist or is not imported on this host.\n")
    assert vvr.fail("vradmin -g appdg repstatus nosuch").err == (
        "VxVM VVR vradmin ERROR V-5-52-152 RVG nosuch does not exist in disk group appdg.\n")
    assert vvr.fail("vradmin -g appdg repstatus app_rvg extra").err.startswith("VxVM VVR vradmin ERROR V-5-52-2 Usage:")
    assert vvr.fail("vxrlink -g appdg status nosuch").err == (
        "VxVM VVR vxrlink ERROR V-5-1-3325 Rlink nosuch not found in disk group appdg\n")
    assert vvr.fail("vxrlink -g appdg -i 5 status %s" % RLINK).err.startswith("vxrlink: illegal option -- i\n")


def test_createpri_errors(vvr):
    def err(cmd, node="prod-n1"):
        return vvr.fail(cmd, node).err

    assert err("vradmin -g appdg createpri r1 datavol,nosuch app_srl") == (
        "VxVM VVR vradmin ERROR V-5-52-338 Volume nosuch does not exist in disk group appdg.\n")
    vvr.ok("vxassist -g appdg make small_srl 100m")
    assert err("vradmin -g appdg createpri r1 datavol small_srl") == (
        "VxVM VVR vradmin ERROR V-5-52-341 SRL small_srl is too small: the SRL must be at least 110 MB.\n")
    vvr.ok("vradmin -g appdg createpri app_rvg datavol,logvol app_srl")
    assert err("vradmin -g appdg createpri app_rvg datavol app_srl") == (
        "VxVM VVR vradmin ERROR V-5-52-153 RVG app_rvg already exists in disk group appdg.\n")
    vvr.ok("vxassist -g appdg make srl2 200m")
    assert err("vradmin -g appdg createpri r2 logvol srl2") == (
        "VxVM VVR vradmin ERROR V-5-52-339 Volume logvol is already associated with RVG app_rvg.\n")
    assert vvr.doc()["dgs"] and "r2" not in vvr.rvg() and len(vvr.log(changed_only=True)) > 0


def test_addsec_errors(vvr):
    vvr.ok("vradmin -g appdg createpri app_rvg datavol,logvol app_srl")

    def err(*words):
        return vvr.fail(["vradmin", "-g", "appdg", "addsec", "app_rvg"] + list(words)).err

    assert err("prod-n2", "dr-n1") == "VxVM VVR vradmin ERROR V-5-52-423 Host prod-n2 is not the Primary host of RVG app_rvg.\n"
    assert err("prod-n1", "nowhere") == "VxVM VVR vradmin ERROR V-5-52-422 Host nowhere is not known in this estate.\n"
    assert err("prod-n1", "prod-n2") == "VxVM VVR vradmin ERROR V-5-52-425 Secondary host prod-n2 is in the cluster of the Primary.\n"
    assert err("prod-n1", "dr-n2") == (
        "VxVM VVR vradmin ERROR V-5-52-456 Disk group appdg does not exist or is not imported on host dr-n2.\n")
    assert err("prod-n1", "dr-n1", "synchronous=maybe") == "VxVM VVR vradmin ERROR V-5-52-190 Invalid attribute synchronous=maybe.\n"
    assert err("prod-n1", "dr-n1", "colour=blue") == "VxVM VVR vradmin ERROR V-5-52-190 Invalid attribute colour=blue.\n"
    vvr.ok("vxassist -g appdg remove volume logvol", "dr-n1")
    assert err("prod-n1", "dr-n1") == (
        "VxVM VVR vradmin ERROR V-5-52-338 Volume logvol does not exist in disk group appdg on host dr-n1.\n")
    vvr.ok("vxassist -g appdg make logvol 60m", "dr-n1")
    assert err("prod-n1", "dr-n1") == (
        "VxVM VVR vradmin ERROR V-5-52-346 Size of volume logvol on host dr-n1 (122880) does not match its size "
        "on the Primary (102400).\n")
    vvr.ok("vxassist -g appdg -f shrinkto logvol 50m", "dr-n1")
    assert vvr.fault("crash-node", "dr-n1") == 0
    assert err("prod-n1", "dr-n1") == (
        "VxVM VVR vradmin ERROR V-5-52-421 vradmind server on host dr-n1 not responding or hostname cannot be resolved.\n")
    assert vvr.fault("restore-node", "dr-n1") == 0
    vvr.link("down")
    assert "V-5-52-421" in err("prod-n1", "dr-n1")
    vvr.link("up")
    assert not any(dg.get("rvgs") for dg in vvr.doc("drclus")["dgs"].values())
    vvr.ok("vradmin -g appdg addsec app_rvg prod-n1 dr-n1 prlink=to_dr srlink=to_prod synchronous=override "
           "bandwidth_limit=30mbps")
    status = vvr.status()
    assert (status["Rlink from Primary"], status["Rlink to Primary"], status["Configured mode"],
            status["Bandwidth Limit"]) == ("to_dr", "to_prod", "synchronous", "30.00 Mbps")
    assert err("prod-n1", "dr-n1") == "VxVM VVR vradmin ERROR V-5-52-428 Host dr-n1 is already part of RDS app_rvg.\n"


def test_set_changes_both_rlinks(vvr):
    vvr.replicating()
    vvr.ok("vradmin -g appdg set app_rvg dr-n1 synchronous=fail srlprot=dcm latencyprot=override")
    status = vvr.status()
    assert (status["Configured mode"], status["SRL protection"], status["Latency protection"]) == (
        "synchronous", "dcm", "override")
    assert vvr.rvg("drclus")["rlinks"][BACK_RLINK]["synchronous"] == "fail"
    assert vvr.fail("vradmin -g appdg set app_rvg srlprot=sometimes").err == (
        "VxVM VVR vradmin ERROR V-5-52-190 Invalid attribute srlprot=sometimes.\n")


def test_addvol_resizevol_delsec_delpri(vvr):
    vvr.replicating()
    vvr.ok("vxassist -g appdg make extra 20m")
    assert vvr.fail("vradmin -g appdg addvol app_rvg extra").err == (
        "VxVM VVR vradmin ERROR V-5-52-338 Volume extra does not exist in disk group appdg on host dr-n1.\n")
    vvr.ok("vxassist -g appdg make extra 20m", "dr-n1")
    vvr.ok("vradmin -g appdg addvol app_rvg extra")
    assert vvr.ok("vxrvg -g appdg getdatavols app_rvg", "dr-n1") == "datavol logvol extra\n"
    vvr.ok("vradmin -g appdg resizevol app_rvg extra 40m")
    assert vvr.volume_rows("appdg")["extra"] == vvr.volume_rows("appdg", "dr-n1")["extra"] == 81920
    assert vvr.fail("vradmin -g appdg resizevol app_rvg extra 10m").err == (
        "VxVM VVR vradmin ERROR V-5-52-350 Volume extra would shrink from 81920 to 20480: use -f.\n")
    vvr.ok("vradmin -g appdg -f resizevol app_rvg extra 10m")
    assert vvr.volume_rows("appdg", "dr-n1")["extra"] == 20480
    assert vvr.fail("vradmin -g appdg resizevol app_rvg app_srl 300m").err == (
        "VxVM VVR vradmin ERROR V-5-52-349 Volume app_srl is the SRL; use vradmin resizesrl.\n")
    assert vvr.fail("vradmin -g appdg delsec app_rvg").err == (
        "VxVM VVR vradmin ERROR V-5-52-270 Replication to Secondary dr-n1 is active: stop it first (vradmin stoprep).\n")
    assert vvr.fail("vradmin -g appdg delpri app_rvg").err == (
        "VxVM VVR vradmin ERROR V-5-52-271 RVG app_rvg still has Secondaries: delete them first (vradmin delsec).\n")
    vvr.ok("vradmin -g appdg stoprep app_rvg")
    vvr.ok("vradmin -g appdg delsec app_rvg")
    assert vvr.fail("vradmin -g appdg repstatus app_rvg", "dr-n1").err.endswith("RVG app_rvg does not exist in disk group appdg.\n")
    assert vvr.ok("vradmin -g appdg printrvg app_rvg").endswith("Primary:\n        HostName: prod-n1    <localhost>\n"
                                                             "        RvgName: app_rvg\n        DgName: appdg\n")
    from infoscale_sim.admin import cli
    assert cli.main(["open", "--state", vvr.state, "--node", "prod-n1", "appdg/datavol"]) == 0
    assert vvr.fail("vradmin -g appdg delpri app_rvg").err == (
        "VxVM VVR vradmin ERROR V-5-52-272 Data volumes of RVG app_rvg are open (datavol): stop the application first.\n")
    vvr.ok("vradmin -g appdg -f delpri app_rvg")
    assert "rv " not in vvr.ok("vxprint -g appdg -ht")
    assert vvr.ok("vradmin -g appdg createpri app_rvg datavol,logvol app_srl") == ""


@pytest.mark.parametrize("cmd", ["vradmin -g appdg repstatus app_rvg", "vradmin -g appdg printrvg",
                                 "vradmin -g appdg printvol app_rvg", "vxrlink -g appdg status " + RLINK,
                                 "vxprint -g appdg -ht", "vxrvg -g appdg getrlinks app_rvg"])
def test_reads_change_nothing(vvr, cmd):
    vvr.replicating()
    vvr.write("appdg/datavol", "10m")
    vvr.at(3)
    before = vvr.log(changed_only=True)
    vvr.ok(cmd)
    assert vvr.log(changed_only=True) == before
