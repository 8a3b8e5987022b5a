"""The VVR agents under GCO (the layout of reference 8.6): a replication group app_rep
(DiskGroup + RVG) online in both clusters and a global application group app_sg whose
RVGPrimary makes its cluster's RVG the Primary: migrate on a switch between clusters,
takeover (fast-failback logging) when ClusterFailOverPolicy Auto brings it up after a
site loss, takeover without failback logging after `haclus -declare disaster`, no takeover
of a live Primary. Simulated time is moved by hand (the VVR helpers' fake clock)."""
import pytest

from . import vvr_sim
from .test_vcs_gco import connect
from .vcs_sim import VcsSim
from .vvr_sim import BACK_RLINK

NODE = {"prodclus": "prod-n1", "drclus": "dr-n1"}


class GcoVvrSim(vvr_sim.VvrSim):
    configure = VcsSim.configure
    vcs = VcsSim.vcs
    fault_log = VcsSim.fault_log

    def state_of(self, group, system, node):
        return self.ok(["hagrp", "-state", group, "-sys", system], node).strip()

    def res_state(self, resource, system, node):
        return self.ok(["hares", "-state", resource, "-sys", system], node).strip()


def setup(sim, policy="Manual"):
    connect(sim, interval=10)                       # remote clusters FAULTED 30 s after a loss
    sim.replicating()
    for cluster, node in NODE.items():
        sim.configure(
            "hagrp -add app_rep", "hagrp -modify app_rep SystemList %s 0" % node,
            "hares -add appdg_res DiskGroup app_rep", "hares -modify appdg_res DiskGroup appdg",
            "hares -add app_rvg_res RVG app_rep", "hares -modify app_rvg_res RVG app_rvg",
            "hares -modify app_rvg_res DiskGroup appdg", "hares -link app_rvg_res appdg_res",
            "hares -modify appdg_res Enabled 1", "hares -modify app_rvg_res Enabled 1",
            "hagrp -add app_sg", "hagrp -modify app_sg SystemList %s 0" % node,
            "hagrp -modify app_sg ClusterList prodclus 0 drclus 1",
            "hagrp -modify app_sg ClusterFailOverPolicy %s" % policy,
            "hares -add app_rvgprimary RVGPrimary app_sg", "hares -modify app_rvgprimary RvgResourceName app_rvg_res",
            "hares -modify app_rvgprimary Enabled 1", "hagrp -link app_sg app_rep online local hard", node=node)
        # the disk group is imported and the RVG started (createpri/addsec): probed ONLINE
        assert sim.state_of("app_rep", node, node) == "ONLINE"


@pytest.fixture
def gv(tmp_path, monkeypatch):
    monkeypatch.setattr(vvr_sim, "VvrSim", GcoVvrSim)
    return vvr_sim.make(tmp_path, monkeypatch)


def _events(sim, cluster, kind):
    return [e for e in sim.fault_log(cluster) if e["kind"] == kind]


def test_rvg_resource_starts_and_stops_the_rvg_and_faults_without_its_disk_group(gv):
    setup(gv)
    gv.ok("hagrp -offline app_rep -sys dr-n1", "dr-n1")
    gv.at(5)
    assert gv.state_of("app_rep", "dr-n1", "dr-n1") == "OFFLINE"
    assert gv.rvg("drclus")["started_on"] is None
    gv.ok("hagrp -online app_rep -sys dr-n1", "dr-n1")
    gv.at(6)
    assert gv.state_of("app_rep", "dr-n1", "dr-n1") == "ONLINE"
    assert gv.rvg("drclus")["started_on"] == "dr-n1"
    gv.configure("hagrp -add rvg_only", "hagrp -modify rvg_only SystemList prod-n2 0",
                 "hares -add other_rvg RVG rvg_only", "hares -modify other_rvg RVG app_rvg",
                 "hares -modify other_rvg DiskGroup appdg", "hares -modify other_rvg Enabled 1")
    assert gv.res_state("other_rvg", "prod-n2", "prod-n1") == "OFFLINE"
    gv.ok("hagrp -online rvg_only -sys prod-n2")
    gv.at(3)
    assert gv.res_state("other_rvg", "prod-n2", "prod-n1") == "FAULTED"
    fault = _events(gv, "prodclus", "resource-faulted")[-1]
    assert fault["reason"] == "Disk group appdg is not imported on prod-n2."


def test_a_switch_between_clusters_migrates_the_primary(gv):
    setup(gv)
    gv.ok("hagrp -online app_sg -sys prod-n1")
    gv.at(3)
    assert gv.state_of("app_sg", "prod-n1", "prod-n1") == "ONLINE"
    assert _events(gv, "prodclus", "rvg-migrated") == []             # already the Primary
    gv.ok("hagrp -switch app_sg -any -clus drclus")
    gv.at(3)
    assert gv.state_of("app_sg", "dr-n1", "dr-n1") == "ONLINE"
    assert (gv.rvg("prodclus")["role"], gv.rvg("drclus")["role"]) == ("secondary", "primary")
    assert [(e["rvg"], e["system"]) for e in _events(gv, "drclus", "rvg-migrated")] == [("app_rvg", "dr-n1")]
    assert gv.status("dr-n1")["Data status"] == "consistent, up-to-date"
    gv.ok("hagrp -switch app_sg -any -clus prodclus", "dr-n1")          # and back
    gv.at(3)
    assert gv.state_of("app_sg", "prod-n1", "prod-n1") == "ONLINE"
    assert gv.rvg("prodclus")["role"] == "primary"


def test_auto_failover_after_a_site_loss_takes_over_with_failback_logging(gv):
    setup(gv, policy="Auto")
    gv.ok("hagrp -online app_sg -sys prod-n1")
    gv.at(3)
    assert gv.write("appdg/datavol", "30m") == 0
    gv.at(10)                                         # 20 MiB still in the SRL
    assert gv.fault("site-down", "primary") == 0
    gv.at(20)
    assert gv.ok("haclus -state prodclus", "dr-n1") == "LOST_CONN\n"
    assert gv.state_of("app_sg", "dr-n1", "dr-n1") == "OFFLINE"
    gv.at(15)                                         # FAULTED at 30 s, RVGPrimary takes 2 s
    assert gv.state_of("app_sg", "dr-n1", "dr-n1") == "ONLINE"
    assert gv.rvg("drclus")["role"] == "primary"
    takeover = _events(gv, "drclus", "rvg-takeover")[0]
    assert (takeover["fast_failback"], takeover["lost_bytes"]) == (True, 20 * 1024 * 1024)
    assert gv.rvg("drclus")["rlinks"][BACK_RLINK]["takeover"]["mode"] == "fb"
    failover = _events(gv, "drclus", "cluster-failover")[0]
    assert abs(takeover["time"] - failover["time"] - 2) < 1e-6            # RVGPrimary online time


def test_a_declared_disaster_takes_over_without_failback_logging(gv):
    setup(gv)
    gv.ok("hagrp -online app_sg -sys prod-n1")
    gv.at(3)
    gv.fault("site-down", "primary")
    gv.at(40)
    assert gv.ok("haclus -state prodclus", "dr-n1") == "FAULTED\n"
    assert gv.state_of("app_sg", "dr-n1", "dr-n1") == "OFFLINE"     # Manual: nothing moved
    gv.ok("haclus -declare disaster -clus prodclus -failover", "dr-n1")
    gv.at(3)
    assert gv.state_of("app_sg", "dr-n1", "dr-n1") == "ONLINE"
    assert _events(gv, "drclus", "rvg-takeover")[0]["fast_failback"] is False
    assert gv.rvg("drclus")["rlinks"][BACK_RLINK]["takeover"]["mode"] == "nofb"


def test_a_live_primary_is_never_taken_over(gv):
    setup(gv)
    assert gv.write("appdg/datavol", "30m") == 0
    gv.at(1)
    gv.ok("hagrp -online app_sg -sys dr-n1", "dr-n1")
    gv.at(3)
    assert gv.res_state("app_rvgprimary", "dr-n1", "dr-n1") == "FAULTED"
    assert gv.state_of("app_sg", "dr-n1", "dr-n1") == "OFFLINE|FAULTED"
    reason = _events(gv, "drclus", "resource-faulted")[-1]["reason"]
    assert reason.startswith("cannot migrate RVG app_rvg: Cannot migrate: Secondary dr-n1 of RDS app_rvg is not up-to-date")
    assert (gv.rvg("prodclus")["role"], gv.rvg("drclus")["role"]) == ("primary", "secondary")
