"""Global Cluster Option: remote clusters (haclus -add/-delete/-modify/-list/-state/-display/
-value), WAN heartbeats (hahb), main.cf persistence (written by haconf -dump, read back by
the collection's parser), hastatus -sum remote sections, haclus -declare refusals."""
from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._maincf import parse_maincf
from infoscale_sim.vcs import maincf

from .vcs_sim import vsim  # noqa: F401 (fixture)

PROD, DR = "prodclus", "drclus"
ADDRESS = {PROD: "10.10.1.100", DR: "10.20.1.100"}
FIRST = {PROD: "prod-n1", DR: "dr-n1"}
SYSTEMS = {PROD: ("prod-n1", "prod-n2", "prod-n3"), DR: ("dr-n1", "dr-n2")}
OTHER = {PROD: DR, DR: PROD}
RO = "VCS WARNING V-16-1-10016 Configuration must be ReadWrite : Use haconf -makerw\n"


def side(sim, me, interval=None, heartbeat=True):
    """`me` knows the other cluster (its ClusterAddress, a remote cluster entry, an Icmp heartbeat)."""
    other = OTHER[me]
    commands = ["haclus -modify ClusterAddress %s" % ADDRESS[me], "haclus -add %s %s" % (other, ADDRESS[other])]
    if heartbeat:
        commands += ["hahb -add Icmp", "hahb -modify Icmp ClusterList %s" % other,
                     "hahb -modify Icmp Arguments %s -clus %s" % (ADDRESS[other], other)]
    if interval:
        commands.append("hahb -modify Icmp AYAInterval %d" % interval)
    sim.configure(*commands, node=FIRST[me])


def connect(sim, interval=None):
    side(sim, PROD, interval)
    side(sim, DR, interval)


def global_group(sim, name="app", policy=None, clusters=(PROD, DR), systems=None):
    """The same failover group (one Process resource) in both clusters, ClusterList prodclus 0 drclus 1."""
    for c in clusters:
        listed = (systems or SYSTEMS)[c]
        commands = ["hagrp -add %s" % name,
                    ["hagrp", "-modify", name, "SystemList"] + [w for i, s in enumerate(listed) for w in (s, str(i))],
                    "hagrp -modify %s ClusterList prodclus 0 drclus 1" % name,
                    "hares -add %s_proc Process %s" % (name, name), "hares -modify %s_proc Enabled 1" % name]
        if policy:
            commands.append("hagrp -modify %s ClusterFailOverPolicy %s" % (name, policy))
        sim.configure(*commands, node=FIRST[c])


def _timeless(display):
    """haclus -display without its ClusterTime row (simulated seconds run fast)."""
    return [line for line in display.splitlines() if not line.startswith("ClusterTime")]


def _maincf(sim, node):
    with open(maincf.config_path(sim.state, node), encoding="utf-8") as handle:
        return handle.read()


# ------------------------------------------------------------------ remote clusters

def test_clusters_see_each_other_once_both_added_each_other(vsim):
    assert vsim.ok("haclus -list") == "prodclus\n"
    assert vsim.ok("haclus -state") == "RUNNING\n"
    failed = vsim.fail("haclus -state drclus")
    assert (failed.rc, failed.err) == (1, "VCS WARNING V-16-1-50030 Cluster drclus does not exist\n")
    failed = vsim.fail("haclus -add drclus 10.20.1.100")
    assert (failed.rc, failed.err) == (1, RO)
    assert vsim.ok("haclus -value VCSFeatures") == "NONE\n"
    side(vsim, PROD)
    assert vsim.ok("haclus -list") == "prodclus\ndrclus\n"
    assert vsim.ok("haclus -state drclus") == "INIT\n"               # drclus does not know prodclus
    assert vsim.ok("haclus -state prodclus") == "RUNNING\n"
    assert vsim.ok("haclus -list", node="dr-n2") == "drclus\n"
    side(vsim, DR)
    assert vsim.ok("haclus -state drclus") == "RUNNING\n"
    assert vsim.ok("haclus -state -clus prodclus", node="dr-n2") == "RUNNING\n"
    assert vsim.ok("haclus -list ClusState=RUNNING", node="dr-n2") == "drclus\nprodclus\n"
    assert vsim.ok("haclus -value ClusterAddress") == "10.10.1.100\n"
    assert vsim.ok("haclus -value ClusterAddress drclus") == "10.20.1.100\n"
    assert vsim.ok("haclus -value VCSFeatures") == "GCO\n"
    remote = vsim.ok("haclus -display drclus").splitlines()
    assert remote[0] == "#Attribute               Value"
    assert "ClusState                RUNNING" in remote and "ClusterName              drclus" in remote
    assert "ClusterAddress           10.20.1.100" in remote
    assert _timeless(vsim.ok("haclus -display -clus drclus")) == _timeless(vsim.ok("haclus -display drclus"))
    assert _timeless(vsim.ok("haclus -display -localclus")) == _timeless(vsim.ok("haclus -display"))
    assert vsim.ok("haclus -wait ClusState RUNNING -clus drclus -time 5") == ""


def test_a_wrong_address_keeps_the_remote_cluster_in_init(vsim):
    connect(vsim)
    vsim.configure("haclus -modify ClusterAddress 10.20.1.200 -clus drclus")
    assert vsim.ok("haclus -state drclus") == "INIT\n"
    assert vsim.ok("haclus -state prodclus", node="dr-n1") == "INIT\n"
    vsim.configure("haclus -modify ClusterAddress 10.20.1.100 -clus drclus")
    assert vsim.ok("haclus -state drclus") == "RUNNING\n"


def test_haclus_configuration_refusals(vsim):
    side(vsim, PROD)
    vsim.ok("haconf -makerw")
    for command, err in (
            ("haclus -add drclus 10.20.1.1", "VCS WARNING V-16-1-50101 Remote cluster drclus already exists\n"),
            ("haclus -add prodclus 10.20.1.1", "VCS WARNING V-16-1-50102 Cluster prodclus is the local cluster\n"),
            ("haclus -add other 10.20.1", "VCS WARNING V-16-1-50104 Invalid ClusterAddress 10.20.1\n"),
            ("haclus -delete nosuch", "VCS WARNING V-16-1-50030 Cluster nosuch does not exist\n"),
            ("haclus -delete drclus", "VCS WARNING V-16-1-50103 Cannot delete remote cluster drclus: it is in "
                                      "the ClusterList of heartbeat Icmp\n"),
            ("haclus -modify ClusterName x", "VCS WARNING V-16-1-50105 Attribute ClusterName of the cluster cannot "
                                             "be modified\n"),
            ("haclus -modify Bogus x", "VCS WARNING V-16-1-10325 Attribute Bogus does not exist for cluster prodclus\n"),
            ("hagrp -add g1", None),
            ("hagrp -modify g1 ClusterList prodclus 0 farclus 1",
             "VCS WARNING V-16-1-50817 Cluster farclus is neither the local cluster nor a remote cluster\n"),
            ("hagrp -modify g1 ClusterFailOverPolicy Sometimes",
             "VCS WARNING V-16-1-10328 Invalid value: ClusterFailOverPolicy must be Manual, Auto or Connected: "
             "Sometimes\n"),
            ("hagrp -modify g1 ClusterList prodclus 0 drclus 1", None),
            ("hahb -modify Icmp ClusterList -delete drclus", None),
            ("haclus -delete drclus", "VCS WARNING V-16-1-50103 Cannot delete remote cluster drclus: it is in "
                                      "the ClusterList of group g1\n"),
            ("hagrp -modify g1 ClusterList -delete drclus", None),
            ("haclus -delete drclus", None)):
        result = vsim.run(command)
        if err is None:
            assert (result.rc, result.err) == (0, ""), (command, result)
        else:
            assert (result.rc, result.out, result.err) == (1, "", err), command
    assert vsim.ok("haclus -list") == "prodclus\n"
    for command in ("haclus -add drclus", "haclus -delete", "haclus -list -sys x", "haclus -state a b",
                    "haclus -declare disaster", "haclus -frobnicate"):
        failed = vsim.fail(command)
        assert failed.rc == 1 and "Usage:" in failed.err.splitlines()


def test_declare_needs_a_remote_cluster_that_is_not_running(vsim):
    connect(vsim)
    for command, err in (
            ("haclus -declare disaster -clus drclus",
             "VCS WARNING V-16-1-50106 Cluster drclus is in RUNNING state; cannot declare its failure\n"),
            ("haclus -declare outage -clus prodclus", "VCS WARNING V-16-1-50107 Cannot declare the state of the "
                                                      "local cluster\n"),
            ("haclus -declare outage -clus farclus", "VCS WARNING V-16-1-50030 Cluster farclus does not exist\n")):
        failed = vsim.fail(command)
        assert (failed.rc, failed.err) == (1, err)
    failed = vsim.fail("haclus -declare flood -clus drclus")
    assert failed.err.startswith("VCS WARNING V-16-1-10601 Invalid failure type flood\nUsage:\n")
    vsim.admin("fault", "intersite-link-down")
    failed = vsim.fail("haclus -declare disconnect -clus drclus -failover")
    assert failed.err == "VCS WARNING V-16-1-50108 Option -failover cannot be used with disconnect\n"
    vsim.ok("haclus -declare disconnect -clus drclus")
    assert vsim.vcs()["gco"]["declared"]["drclus"]["kind"] == "disconnect"
    vsim.admin("fault", "intersite-link-up")
    assert vsim.ok("haclus -state drclus") == "RUNNING\n"
    assert vsim.vcs()["gco"]["declared"] == {}                      # cleared once RUNNING again


# ------------------------------------------------------------------ heartbeats

def test_hahb_configuration_reads_and_refusals(vsim):
    side(vsim, PROD, heartbeat=False)
    vsim.configure("haclus -modify ClusterAddress 10.20.1.100", node="dr-n1")   # the address Icmp pings
    failed = vsim.fail("hahb -display")
    assert failed.err == "VCS WARNING V-16-1-50907 No Heartbeats are configured\n"
    vsim.ok("haconf -makerw")
    for command, err in (
            ("hahb -add Tcp", "VCS WARNING V-16-1-50903 Heartbeat type Tcp is not supported (Icmp, IcmpS)\n"),
            ("hahb -add Icmp", None),
            ("hahb -add Icmp", "VCS WARNING V-16-1-50901 Heartbeat Icmp already exists\n"),
            ("hahb -modify Icmpx AYAInterval 5", "VCS WARNING V-16-1-50902 Heartbeat Icmpx does not exist\n"),
            ("hahb -modify Icmp ClusterList farclus", "VCS WARNING V-16-1-50030 Cluster farclus does not exist\n"),
            ("hahb -modify Icmp Arguments 10.20.1.100 -clus drclus",
             "VCS WARNING V-16-1-50905 Cluster drclus is not in the ClusterList of heartbeat Icmp\n"),
            ("hahb -modify Icmp ClusterList drclus", None),
            ("hahb -modify Icmp Arguments 10.20.1.100",
             "VCS WARNING V-16-1-50904 Attribute Arguments is local to each cluster; specify the cluster with -clus\n"),
            ("hahb -modify Icmp Arguments 10.20.1.100 -clus drclus", None),
            ("hahb -modify Icmp AYAInterval 20 -clus drclus",
             "VCS WARNING V-16-1-50906 Attribute AYAInterval is global; -clus cannot be used (hahb -local first)\n"),
            ("hahb -modify Icmp AYAInterval x", "VCS WARNING V-16-1-10328 Invalid value: integer value expected for "
                                                "AYAInterval: x\n"),
            ("hahb -modify Icmp State ALIVE", "VCS WARNING V-16-1-10327 Attribute State cannot be modified\n"),
            ("hahb -local Icmp AYAInterval", None),
            ("hahb -local Icmp AYAInterval", "VCS WARNING V-16-1-10552 Attribute AYAInterval is already local\n"),
            ("hahb -modify Icmp AYAInterval 20 -clus drclus", None),
            ("hahb -modify Icmp AYARetryLimit 4", None)):
        result = vsim.run(command)
        if err is None:
            assert (result.rc, result.err) == (0, ""), (command, result)
        else:
            assert (result.rc, result.out, result.err) == (1, "", err), command
    vsim.ok("haconf -dump -makero")
    assert vsim.ok("hahb -list") == "Icmp\n"
    assert vsim.ok("hahb -list AYARetryLimit=3") == ""
    assert vsim.ok("hahb -display Icmp").splitlines() == [
        "#Heartbeat   Attribute             Cluster    Value",
        "Icmp         AYAInterval           drclus     20",
        "Icmp         AYARetryLimit         global     4",
        "Icmp         AYATimeout            global     30",
        "Icmp         Arguments             drclus     10.20.1.100",
        "Icmp         CleanTimeOut          global     300",
        "Icmp         ClusterList           global     drclus",
        "Icmp         InitTimeout           global     300",
        "Icmp         LogDbg                global     ",
        "Icmp         StartTimeout          global     300",
        "Icmp         State                 drclus     ALIVE",
        "Icmp         StopTimeout           global     300"]
    assert vsim.ok("hahb -value Icmp AYAInterval -clus drclus") == "20\n"
    assert vsim.ok("hahb -value Icmp ClusterList") == "drclus\n"
    failed = vsim.fail("hahb -value Icmp Arguments")
    assert failed.err.startswith("VCS WARNING V-16-1-50904 Attribute Arguments is local")
    assert vsim.ok("hahb -state Icmp -clus drclus") == "ALIVE\n"
    assert vsim.ok("hahb -state").splitlines() == [
        "#Heartbeat   Attribute             Cluster    Value",
        "Icmp         State                 drclus     ALIVE"]
    assert vsim.ok("haclus -state drclus") == "INIT\n"              # drclus has not added prodclus yet


def test_heartbeats_that_miss_the_remote_address_leave_it_lost_hb(vsim):
    connect(vsim)
    vsim.configure("hahb -modify Icmp Arguments 10.20.9.9 -clus drclus")
    assert vsim.ok("hahb -state Icmp -clus drclus") == "DOWN\n"
    assert vsim.ok("haclus -state drclus") == "LOST_HB\n"
    vsim.configure("hahb -modify Icmp Arguments -delete -keys -clus drclus")
    assert vsim.ok("hahb -state Icmp -clus drclus") == "UNKNOWN\n"
    vsim.configure("hahb -delete Icmp")                               # none left: an implicit Icmp heartbeat
    assert vsim.ok("haclus -state drclus") == "RUNNING\n"


# ------------------------------------------------------------------ persistence

def test_main_cf_holds_remote_clusters_heartbeats_and_global_groups_and_parses_back(vsim):
    connect(vsim)
    vsim.configure("hahb -local Icmp AYAInterval", "hahb -modify Icmp AYAInterval 20 -clus drclus")
    global_group(vsim, policy="Auto")
    vsim.ok("hagrp -online app -any")
    assert vsim.wait("app", "ONLINE", "prod-n1").rc == 0
    vsim.ok("haconf -makerw")
    vsim.ok("haconf -dump -makero")
    text = _maincf(vsim, "prod-n3")
    assert text.startswith('''include "types.cf"

cluster prodclus (
\tUserNames = { admin = GPQiPKpMQlQQoYQkPN }
\tClusterAddress = "10.10.1.100"
\tAdministrators = { admin }
\t)

remotecluster drclus (
\tClusterAddress = "10.20.1.100"
\t)

heartbeat Icmp (
\tClusterList = { drclus }
\tAYAInterval @drclus = 20
\tArguments @drclus = { "10.20.1.100" }
\t)

system prod-n1 (
\t)
''')
    assert '''group app (
\tSystemList = { prod-n1 = 0, prod-n2 = 1, prod-n3 = 2 }
\tAuthority = 1
\tClusterFailOverPolicy = Auto
\tClusterList = { prodclus = 0, drclus = 1 }
\t)
''' in text
    config = parse_maincf(text)
    assert config["cluster"]["attributes"]["ClusterAddress"] == "10.10.1.100"
    assert config["remoteclusters"] == {"drclus": {"ClusterAddress": "10.20.1.100"}}
    assert config["heartbeats"] == {"Icmp": {"ClusterList": ["drclus"], "AYAInterval": {"@drclus": "20"},
                                             "Arguments": {"@drclus": ["10.20.1.100"]}}}
    assert config["groups"]["app"]["attributes"] == {
        "SystemList": {"prod-n1": "0", "prod-n2": "1", "prod-n3": "2"}, "Authority": "1",
        "ClusterFailOverPolicy": "Auto", "ClusterList": {"prodclus": "0", "drclus": "1"}}
    dr = parse_maincf(_maincf(vsim, "dr-n2"))
    assert dr["remoteclusters"] == {"prodclus": {"ClusterAddress": "10.10.1.100"}}
    assert "Authority" not in dr["groups"]["app"]["attributes"]
    vsim.configure("haclus -modify ClusterAddress 10.10.1.101", "hahb -delete Icmp")
    config = parse_maincf(_maincf(vsim, "prod-n1"))
    assert config["cluster"]["attributes"]["ClusterAddress"] == "10.10.1.101" and config["heartbeats"] == {}


# ------------------------------------------------------------------ hastatus -sum

def test_hastatus_sum_shows_heartbeats_remote_clusters_systems_and_global_groups(vsim):
    connect(vsim)
    global_group(vsim)
    vsim.ok("hagrp -online app -sys dr-n2 -clus drclus")
    assert vsim.wait("app", "ONLINE", "dr-n2", node="dr-n1").rc == 0
    assert vsim.ok("hastatus -sum").splitlines() == [
        "",
        "-- SYSTEM STATE",
        "-- System               State                Frozen",
        "",
        "A  prod-n1              RUNNING              0",
        "A  prod-n2              RUNNING              0",
        "A  prod-n3              RUNNING              0",
        "",
        "-- GROUP STATE",
        "-- Group           System               Probed     AutoDisabled    State",
        "",
        "B  app             prod-n1              Y          N               OFFLINE",
        "B  app             prod-n2              Y          N               OFFLINE",
        "B  app             prod-n3              Y          N               OFFLINE",
        "",
        "-- WAN HEARTBEAT STATE",
        "-- Heartbeat       To                   State",
        "",
        "L  Icmp            drclus               ALIVE",
        "",
        "-- REMOTE CLUSTER STATE",
        "-- Cluster         State",
        "",
        "M  drclus          RUNNING",
        "",
        "-- REMOTE SYSTEM STATE",
        "-- cluster:system       State                Frozen",
        "",
        "N  drclus:dr-n1         RUNNING              0",
        "N  drclus:dr-n2         RUNNING              0",
        "",
        "-- REMOTE GROUP STATE",
        "-- Group           cluster:system       Probed     AutoDisabled    State",
        "",
        "O  app             drclus:dr-n1         Y          N               OFFLINE",
        "O  app             drclus:dr-n2         Y          N               ONLINE"]
    vsim.admin("fault", "crash-node", "dr-n1")
    lines = vsim.ok("hastatus -sum").splitlines()
    assert "N  drclus:dr-n1         FAULTED              0" in lines
    assert "O  app             drclus:dr-n1         Y          N               OFFLINE" in lines


def test_the_collection_parses_the_remote_sections(vsim):
    from ansible_collections.continuum.infoscale.plugins.module_utils.vcs._parse import parse_hastatus_sum

    connect(vsim)
    global_group(vsim)
    parsed = parse_hastatus_sum(vsim.ok("hastatus -sum", node="dr-n1"))
    assert parsed["wan_heartbeats"] == [{"heartbeat": "Icmp", "to": "prodclus", "state": "ALIVE"}]
    assert parsed["remote_clusters"] == [{"cluster": "prodclus", "state": "RUNNING"}]
    assert parsed["remote_systems"][0] == {"cluster": "prodclus", "system": "prod-n1", "state": "RUNNING",
                                           "frozen": False}
    assert len(parsed["groups"]) == 2 and len(parsed["remote_systems"]) == 3
