"""Helpers for the VVR simulator tests: a two-cluster estate whose replication link carries
1 MiB per simulated second, a fake clock moved by the tests (simulated seconds, exact; the
fake real time moves by simulated seconds / speed, and vradmin -wait sleeps on it), and
the usual storage on both sides: disk group appdg with data volumes datavol (100m) and
logvol (50m) and the SRL app_srl (200m) on prod-n1 and dr-n1."""
import pytest

from infoscale_sim import clock, store
from infoscale_sim.admin import cli
from infoscale_sim.admin import state as admin_state
from infoscale_sim.vvr import cmd_vradmin

from .conftest import Sim

MIB = 1024 * 1024
ESTATE = """name: vvr-test
speed: {speed}
sites:
  - name: primary
    clusters:
      - name: prodclus
        nodes: [prod-n1, prod-n2]
        disks: {{count: 4, size: 10g, enclosure: emc0}}
  - name: secondary
    clusters:
      - name: drclus
        nodes: [dr-n1, dr-n2]
        disks: {{count: 4, size: 10g, enclosure: hds0}}
replication_links:
  - {{from: prodclus, to: drclus, bandwidth: 8388608, latency_ms: 5}}
"""
RLINK = "rlk_dr-n1_app_rvg"          # on the Primary prod-n1
BACK_RLINK = "rlk_prod-n1_app_rvg"   # on the Secondary dr-n1


class FakeTime:
    """Stands for the time module inside infoscale_sim.clock."""

    def __init__(self, start):
        self.now = start

    def time(self):
        return self.now


class VvrSim(Sim):
    def __init__(self, root, fake):
        super().__init__(root)
        self.fake = fake

    speed = 1.0

    def at(self, seconds):
        """Move simulated time forward by `seconds` simulated seconds."""
        self.fake.now += seconds / self.speed

    def storage(self, node, enclosure, sizes=(("datavol", "100m"), ("logvol", "50m"), ("app_srl", "200m"))):
        for i in (0, 1):
            self.ok(["vxdisksetup", "-i", "%s_%d" % (enclosure, i)], node)
        self.ok(["vxdg", "init", "appdg", "%s_0" % enclosure, "%s_1" % enclosure], node)
        for name, size in sizes:
            self.ok(["vxassist", "-g", "appdg", "make", name, size], node)

    def rds(self, sync=None):
        """createpri + addsec (no replication yet)."""
        self.ok("vradmin -g appdg createpri app_rvg datavol,logvol app_srl")
        self.ok("vradmin -g appdg addsec app_rvg prod-n1 dr-n1" + (" synchronous=%s" % sync if sync else ""))

    def replicating(self, sync=None):
        """An RDS in sync (startrep -f)."""
        self.rds(sync)
        self.ok("vradmin -g appdg -f startrep app_rvg")

    def write(self, target, size, node="prod-n1"):
        return cli.main(["write", "--state", self.state, "--node", node, target, size])

    def link(self, state):
        assert cli.main(["fault", "--state", self.state, "replication-link", state]) == 0

    def fault(self, *words):
        return cli.main(["fault", "--state", self.state] + list(words))

    def status(self, node="prod-n1", secondary=0):
        """The Secondary block of repstatus -l as {label: value}."""
        out = self.run("vradmin -g appdg -l repstatus app_rvg", node).out
        blocks = out.split("Secondary:\n")[1:]
        fields = {}
        for line in blocks[secondary].splitlines():
            label, _, value = line.strip().partition(":")
            fields[label] = value.strip()
        return fields

    def rlink_status(self, node="prod-n1", rlink=RLINK):
        return self.ok(["vxrlink", "-g", "appdg", "status", rlink], node).strip()

    def vvr_doc(self):
        conn = store.connect(self.state)
        try:
            return store.read_domain(conn, "vvr")
        finally:
            conn.close()

    def rvg(self, cluster="prodclus"):
        dgs = self.doc(cluster)["dgs"].values()
        return next(dg for dg in dgs if dg["name"] == "appdg")["rvgs"]["app_rvg"]


def make(tmp_path, monkeypatch, storage=True, speed=1.0, fake_clock=True):
    estate = tmp_path / "estate.yml"
    estate.write_text(ESTATE.format(speed=speed))
    fake = FakeTime(0.0)
    simulated = VvrSim(tmp_path, fake)
    simulated.speed = speed
    admin_state.init(str(estate), simulated.state, simulated.inventory)
    conn = store.connect(simulated.state)
    try:
        fake.now = store.read_meta(conn)["clock_origin"]
    finally:
        conn.close()
    if fake_clock:
        monkeypatch.setattr(clock, "time", fake)
        monkeypatch.setattr(cmd_vradmin, "_sleep", lambda seconds: setattr(fake, "now", fake.now + seconds))
    if storage:
        simulated.storage("prod-n1", "emc0")
        simulated.storage("dr-n1", "hds0")
    return simulated


@pytest.fixture
def vvr(tmp_path, monkeypatch):
    return make(tmp_path, monkeypatch)
