"""Global groups across clusters over simulated time: one cluster at a time, -clus
operations and reads, switches between clusters, ClusterFailOverPolicy Auto / Connected /
Manual when a site goes down or a group faults everywhere in its cluster, haclus -declare,
and the inter-site link going down."""
from .test_vcs_gco import connect, global_group
from .vcs_sim import vsim  # noqa: F401 (fixture)

STATE_HEADER = "#Group       Attribute             System     Value"


def online(sim, node="prod-n1", system="prod-n1", group="app"):
    sim.ok("hagrp -online %s -sys %s" % (group, system), node)
    assert sim.wait(group, "ONLINE", system, node=node).rc == 0


def kinds(sim, cluster, *wanted):
    return [e for e in sim.fault_log(cluster) if e["kind"] in wanted]


def test_a_global_group_runs_in_one_cluster_at_a_time(vsim):
    connect(vsim)
    global_group(vsim)
    assert vsim.ok("hagrp -state app").splitlines() == [
        STATE_HEADER,
        "app          State                 prod-n1    |OFFLINE|",
        "app          State                 prod-n2    |OFFLINE|",
        "app          State                 prod-n3    |OFFLINE|",
        "app          State                 drclus:dr-n1 |OFFLINE|",
        "app          State                 drclus:dr-n2 |OFFLINE|"]
    online(vsim)
    assert vsim.ok("hagrp -value app Authority") == "1\n"
    assert vsim.ok("hagrp -value app Authority", node="dr-n1") == "0\n"
    for command, node, err in (
            ("hagrp -online app -sys dr-n1", "dr-n1",
             "VCS WARNING V-16-1-50814 Global group app is online or in transition in cluster prodclus\n"),
            ("hagrp -online app -any", "dr-n1",
             "VCS WARNING V-16-1-50814 Global group app is online or in transition in cluster prodclus\n"),
            ("hagrp -online app -any -clus drclus", "prod-n2",
             "VCS WARNING V-16-1-50814 Global group app is online or in transition in cluster prodclus\n"),
            ("hagrp -online app -any -clus farclus", "prod-n2", "VCS WARNING V-16-1-50030 Cluster farclus does not exist\n"),
            ("hagrp -online app -sys prod-n1 -clus drclus", "prod-n2",
             "VCS WARNING V-16-1-51051 System prod-n1 does not exist in the cluster\n")):
        failed = vsim.fail(command, node)
        assert (failed.rc, failed.out, failed.err) == (1, "", err), command
    assert vsim.ok("hagrp -state app -sys dr-n2 -clus drclus") == "OFFLINE\n"
    assert vsim.ok("hagrp -state app -clus drclus").splitlines() == [
        STATE_HEADER,
        "app          State                 drclus:dr-n1 |OFFLINE|",
        "app          State                 drclus:dr-n2 |OFFLINE|"]
    assert vsim.ok("hagrp -state app -clus prodclus", node="dr-n1").splitlines()[1] == (
        "app          State                 prodclus:prod-n1 |ONLINE|")
    assert vsim.ok("hagrp -value app State dr-n1 -clus drclus") == "|OFFLINE|\n"
    assert vsim.ok("hagrp -display app -attribute ClusterList -clus drclus").splitlines()[1] == (
        "app          ClusterList           global     prodclus\t0\tdrclus\t1")


def test_clus_operations_need_a_global_group_listed_and_running_there(vsim):
    connect(vsim)
    global_group(vsim)
    vsim.configure("hagrp -add local_only", "hagrp -modify local_only SystemList prod-n1 0")
    global_group(vsim, name="prod_only", clusters=("prodclus",))
    vsim.configure("hagrp -modify prod_only ClusterList prodclus 0")
    for command, err in (
            ("hagrp -online local_only -any -clus drclus", "VCS WARNING V-16-1-50810 Group local_only is not a "
                                                           "global group\n"),
            ("hagrp -switch prod_only -any -clus drclus", "VCS WARNING V-16-1-50811 Cluster drclus is not in the "
                                                          "ClusterList of group prod_only\n"),
            ("hagrp -state nosuch -clus drclus", "VCS WARNING V-16-1-40131 Group nosuch does not exist in the local "
                                                 "cluster\n")):
        failed = vsim.fail(command)
        assert (failed.rc, failed.err) == (1, err), command
    vsim.configure("hagrp -modify prod_only ClusterList prodclus 0 drclus 1")
    failed = vsim.fail("hagrp -online prod_only -any -clus drclus")
    assert failed.err == "VCS WARNING V-16-1-50813 Group prod_only does not exist in cluster drclus\n"
    failed = vsim.fail("hagrp -online local_only -sys prod-n1 -clus prodclus")   # the local cluster
    assert failed.err == "VCS WARNING V-16-1-10159 Group local_only has no enabled resources; cannot be brought online\n"
    vsim.admin("fault", "intersite-link-down")
    failed = vsim.fail("hagrp -online app -any -clus drclus")
    assert failed.err == "VCS WARNING V-16-1-50812 Remote cluster drclus is not in RUNNING state (LOST_CONN)\n"
    assert vsim.ok("hagrp -state app").splitlines()[-1] == "app          State                 prod-n3    |OFFLINE|"


def test_online_and_offline_in_the_remote_cluster(vsim):
    connect(vsim)
    global_group(vsim)
    out = vsim.ok("hagrp -online app -any -clus drclus")
    assert out == "VCS NOTICE V-16-1-50735 Attempting to online group app on dr-n1\n"
    assert vsim.ok("hagrp -state app -sys dr-n1 -clus drclus") == "STARTING|PARTIAL\n"
    assert vsim.run("hagrp -wait app State ONLINE -sys dr-n1 -clus drclus -time 30").rc == 0
    assert vsim.ok("hagrp -value app Authority", node="dr-n2") == "1\n"
    assert vsim.ok("hagrp -value app Authority") == "0\n"
    failed = vsim.fail("hagrp -online app -sys prod-n2")
    assert failed.err == "VCS WARNING V-16-1-50814 Global group app is online or in transition in cluster drclus\n"
    vsim.ok("hagrp -offline app -any -clus drclus")
    assert vsim.run("hagrp -wait app State OFFLINE -sys dr-n1 -clus drclus -time 30").rc == 0
    online(vsim, system="prod-n2")
    assert vsim.ok("hagrp -value app Authority") == "1\n"


def test_switch_between_clusters_goes_offline_here_then_online_there(vsim):
    connect(vsim)
    global_group(vsim)
    vsim.admin("timing", "--cluster", "prodclus", "app_proc", "--offline", "20")
    online(vsim, system="prod-n2")
    assert vsim.ok("hagrp -switch app -any -clus drclus") == ""
    assert vsim.ok("hagrp -state app -sys prod-n2") == "STOPPING|PARTIAL\n"
    assert vsim.ok("hagrp -state app -sys dr-n1 -clus drclus") == "OFFLINE\n"
    assert vsim.run("hagrp -wait app State ONLINE -sys dr-n1 -clus drclus -time 60").rc == 0
    assert vsim.group_state("app", "prod-n2") == "OFFLINE"
    assert [(e["group"], e["source"], e["target"]) for e in kinds(vsim, "drclus", "switch")] == [
        ("app", "prodclus:prod-n2", "dr-n1")]
    assert vsim.ok("hagrp -value app Authority", node="dr-n1") == "1\n"
    # back from the other side, to a named system
    vsim.ok("hagrp -switch app -to prod-n3 -clus prodclus", node="dr-n2")
    assert vsim.run("hagrp -wait app State ONLINE -sys prod-n3 -clus prodclus -time 60", node="dr-n2").rc == 0
    assert vsim.ok("hagrp -state app", node="dr-n2").splitlines() == [
        STATE_HEADER,
        "app          State                 dr-n1      |OFFLINE|",
        "app          State                 dr-n2      |OFFLINE|",
        "app          State                 prodclus:prod-n1 |OFFLINE|",
        "app          State                 prodclus:prod-n2 |OFFLINE|",
        "app          State                 prodclus:prod-n3 |ONLINE|"]
    for command, err in (
            ("hagrp -switch app -to dr-n9 -clus drclus", "VCS WARNING V-16-1-51051 System dr-n9 does not exist in "
                                                         "the cluster\n"),
            ("hagrp -switch app -to prod-n3", "VCS WARNING V-16-1-10192 Cannot switch group app to system prod-n3: "
                                              "the group is online there\n")):
        failed = vsim.fail(command)
        assert (failed.rc, failed.err) == (1, err), command


def test_site_down_with_auto_fails_over_once_heartbeats_are_lost(vsim):
    connect(vsim, interval=20)                                       # heartbeats lost after 3 x 20 s
    global_group(vsim, policy="Auto")
    online(vsim)
    assert vsim.admin("fault", "site-down", "primary") == 0
    assert vsim.fail("hagrp -state app").rc == 255                   # prod-n1 is down
    assert vsim.ok("haclus -state prodclus", node="dr-n1") == "LOST_CONN\n"
    assert vsim.ok("hagrp -state app -sys dr-n1", node="dr-n1") == "OFFLINE\n"
    assert vsim.run("haclus -wait ClusState FAULTED -clus prodclus -time 120", node="dr-n1").rc == 0
    assert vsim.wait("app", "ONLINE", "dr-n1", node="dr-n1").rc == 0
    event = kinds(vsim, "drclus", "cluster-failover")[0]
    down = kinds(vsim, "prodclus", "site-down")[0]
    assert (event["group"], event["source"], event["target"]) == ("app", "prodclus", "dr-n1")
    assert abs(event["time"] - down["time"] - 60) < 1e-3                  # 3 x AYAInterval
    lines = vsim.ok("hastatus -sum", node="dr-n2").splitlines()
    assert lines[-10:] == ["", "-- WAN HEARTBEAT STATE", "-- Heartbeat       To                   State", "",
                           "L  Icmp            prodclus             DOWN",
                           "", "-- REMOTE CLUSTER STATE", "-- Cluster         State", "",
                           "M  prodclus        FAULTED"]              # no remote systems or groups
    vsim.admin("fault", "site-up", "primary")
    assert vsim.ok("haclus -state prodclus", node="dr-n1") == "RUNNING\n"
    assert vsim.ok("hagrp -state app -sys prod-n1") == "OFFLINE\n"
    assert vsim.ok("hagrp -value app Authority") == "0\n"


def test_site_down_with_manual_or_connected_waits_for_a_declaration(vsim):
    connect(vsim, interval=10)
    global_group(vsim, name="manual")
    global_group(vsim, name="connected", policy="Connected")
    online(vsim, group="manual")
    online(vsim, group="connected", system="prod-n2")
    vsim.admin("fault", "site-down", "primary")
    assert vsim.run("haclus -wait ClusState FAULTED -clus prodclus -time 60", node="dr-n1").rc == 0
    assert vsim.ok("hagrp -state manual -sys dr-n1", node="dr-n1") == "OFFLINE\n"
    assert kinds(vsim, "drclus", "cluster-failover") == []
    failed = vsim.fail("hagrp -online manual -any", node="dr-n1")
    assert failed.err == ("VCS WARNING V-16-1-50815 Global group manual is owned by cluster prodclus, which is in "
                          "FAULTED state; declare the cluster's failure with haclus -declare first\n")
    vsim.ok("haclus -declare outage -clus prodclus -failover", node="dr-n1")
    assert vsim.wait("manual", "ONLINE", "dr-n1", node="dr-n1").rc == 0
    assert vsim.wait("connected", "ONLINE", "dr-n1", node="dr-n1").rc == 0
    declared = kinds(vsim, "drclus", "declared")[0]
    assert (declared["cluster"], declared["declared"], declared["state"]) == ("prodclus", "outage", "FAULTED")
    assert vsim.vcs("drclus")["gco"]["declared"]["prodclus"]["kind"] == "outage"
    vsim.admin("fault", "site-up", "primary")
    assert vsim.ok("haclus -state prodclus", node="dr-n1") == "RUNNING\n"
    assert vsim.vcs("drclus")["gco"]["declared"] == {}


def test_declare_without_failover_then_online_by_hand(vsim):
    connect(vsim, interval=10)
    global_group(vsim)
    online(vsim)
    vsim.admin("fault", "site-down", "primary")
    assert vsim.run("haclus -wait ClusState FAULTED -clus prodclus -time 60", node="dr-n1").rc == 0
    vsim.ok("haclus -declare disaster -clus prodclus", node="dr-n1")
    assert vsim.ok("hagrp -state app -sys dr-n1", node="dr-n1") == "OFFLINE\n"
    assert vsim.ok("hagrp -online app -any", node="dr-n1").startswith("VCS NOTICE V-16-1-50735")
    assert vsim.wait("app", "ONLINE", "dr-n1", node="dr-n1").rc == 0


def test_a_group_faulted_everywhere_in_its_cluster_moves_only_with_auto_or_connected(vsim):
    connect(vsim)
    one = {"prodclus": ("prod-n1",), "drclus": ("dr-n1", "dr-n2")}
    for name, policy in (("conn", "Connected"), ("auto", "Auto"), ("man", "Manual")):
        global_group(vsim, name=name, policy=policy, systems=one)
        online(vsim, group=name)
        vsim.admin("fault", "resource-now", "%s_proc" % name, "--system", "prod-n1")
    assert vsim.wait("conn", "ONLINE", "dr-n1", node="dr-n1").rc == 0
    assert vsim.wait("auto", "ONLINE", "dr-n1", node="dr-n1").rc == 0
    assert vsim.wait("man", "OFFLINE|FAULTED", "prod-n1").rc == 0
    assert vsim.ok("hagrp -state man -sys dr-n1", node="dr-n1") == "OFFLINE\n"
    moved = [(e["group"], e["cluster"]) for e in kinds(vsim, "prodclus", "cluster-failover")]
    assert moved == [("conn", "drclus"), ("auto", "drclus")]
    assert [e["group"] for e in kinds(vsim, "prodclus", "no-failover-target")] == ["man"]


def test_intersite_link_down_manual_groups_stay_where_they_are(vsim):
    connect(vsim, interval=10)
    global_group(vsim)
    online(vsim)
    assert vsim.admin("fault", "intersite-link-down") == 0
    assert vsim.admin("fault", "intersite-link-down", "primary", "secondary") == 1    # already down
    assert vsim.ok("haclus -state drclus") == "LOST_CONN\n"
    assert vsim.ok("haclus -state prodclus", node="dr-n1") == "LOST_CONN\n"
    assert vsim.ok("hagrp -state app").splitlines()[1:] == [
        "app          State                 prod-n1    |ONLINE|",
        "app          State                 prod-n2    |OFFLINE|",
        "app          State                 prod-n3    |OFFLINE|"]
    assert vsim.run("haclus -wait ClusState FAULTED -clus drclus -time 60").rc == 0
    assert vsim.ok("haclus -state prodclus", node="dr-n1") == "FAULTED\n"
    assert vsim.ok("hahb -state Icmp -clus drclus") == "DOWN\n"
    failed = vsim.fail("hagrp -online app -any", node="dr-n1")
    assert failed.err.startswith("VCS WARNING V-16-1-50815 Global group app is owned by cluster prodclus")
    failed = vsim.fail("hagrp -switch app -any -clus drclus")
    assert failed.err == "VCS WARNING V-16-1-50812 Remote cluster drclus is not in RUNNING state (FAULTED)\n"
    assert vsim.group_state("app", "prod-n1") == "ONLINE"
    assert vsim.admin("fault", "intersite-link-up") == 0
    assert vsim.ok("haclus -state drclus") == "RUNNING\n"
    assert vsim.ok("hahb -state Icmp -clus drclus") == "ALIVE\n"
    kinds_seen = [e["kind"] for e in vsim.fault_log("prodclus")
                  if e["kind"].startswith(("intersite", "remote-cluster"))]
    assert kinds_seen == ["intersite-link-down", "remote-cluster-faulted", "intersite-link-up"]


def test_intersite_link_down_with_auto_splits_the_brain_as_the_product_does(vsim):
    connect(vsim, interval=10)
    global_group(vsim, policy="Auto")
    online(vsim)
    vsim.admin("fault", "intersite-link-down")
    assert vsim.wait("app", "ONLINE", "dr-n1", node="dr-n1").rc == 0   # drclus saw prodclus FAULTED
    assert vsim.group_state("app", "prod-n1") == "ONLINE"


THIRD_SITE = """  - name: tertiary
    clusters:
      - name: thirdclus
        nodes: [third-n1]
        disks: {count: 1, size: 10g, enclosure: ibm0}
"""


def test_a_cluster_another_remote_still_sees_is_unknown_not_faulted(tmp_path):
    from .vcs_sim import make

    sim = make(tmp_path, extra=THIRD_SITE)
    address = {"prodclus": "10.10.1.100", "drclus": "10.20.1.100", "thirdclus": "10.30.1.100"}
    first = {"prodclus": "prod-n1", "drclus": "dr-n1", "thirdclus": "third-n1"}
    for me in address:
        others = [c for c in address if c != me]
        sim.configure("haclus -modify ClusterAddress %s" % address[me],
                      *["haclus -add %s %s" % (c, address[c]) for c in others], node=first[me])
    assert sim.ok("haclus -list") == "prodclus\ndrclus\nthirdclus\n"
    sim.admin("fault", "intersite-link-down", "primary", "secondary")
    assert sim.ok("haclus -state drclus") == "LOST_CONN\n"
    assert sim.ok("haclus -state thirdclus") == "RUNNING\n"
    assert sim.run("haclus -wait ClusState UNKNOWN -clus drclus -time 400").rc == 0   # implicit Icmp: 180 s
    assert sim.ok("haclus -state prodclus", node="third-n1") == "RUNNING\n"
    assert [e["kind"] for e in sim.fault_log() if e["kind"].startswith("remote-")] == ["remote-cluster-unknown"]
