"""Fixtures for the simulator tests: a fresh simulated estate per test, commands run
in-process (infoscale_sim.entry.run) unless a test needs real processes."""
import shlex
from pathlib import Path

import pytest

from infoscale_sim.admin import state as admin_state
from infoscale_sim.entry import run

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


class Result:
    def __init__(self, rc, out, err):
        self.rc, self.out, self.err = rc, out, err

    def __repr__(self):
        return "Result(rc=%r, out=%r, err=%r)" % (self.rc, self.out, self.err)


class Sim:
    """A simulated estate in a temporary folder."""

    def __init__(self, root):
        self.root = Path(root)
        self.state = str(self.root / "state")
        self.inventory = str(self.root / "inventory.yml")

    def run(self, cmdline, node="prod-n1"):
        argv = shlex.split(cmdline) if isinstance(cmdline, str) else list(cmdline)
        return Result(*run(argv, node=node, state=self.state))

    def ok(self, cmdline, node="prod-n1"):
        result = self.run(cmdline, node)
        assert result.rc == 0 and result.err == "", result
        return result.out

    def fail(self, cmdline, node="prod-n1"):
        result = self.run(cmdline, node)
        assert result.rc != 0, result
        return result

    def disk_group(self, name="dg1", disks=("emc0_0", "emc0_1", "emc0_2"), node="prod-n1"):
        for da in disks:
            self.ok(["vxdisksetup", "-i", da], node)
        self.ok(["vxdg", "init", name] + ["%s=%s" % (da, da) for da in disks], node)

    def volume_rows(self, dg, node="prod-n1"):
        """{name: length} of the user volumes of dg (sub-volumes of layered volumes, which
        `vxprint -v` lists too, have no layout and are left out)."""
        out = self.ok(["vxprint", "-g", dg, "-q", "-v", "-F", "%name %len %layout"], node)
        rows = (line.split() for line in out.splitlines())
        return {n: int(l) for n, l, layout in rows if layout != "-"}

    def doc(self, cluster="prodclus"):
        from infoscale_sim import store

        conn = store.connect(self.state)
        try:
            return store.read_domain(conn, "vxvm:" + cluster)
        finally:
            conn.close()

    def log(self, **filters):
        from infoscale_sim import store

        conn = store.connect(self.state)
        try:
            return list(store.audit_rows(conn, **filters))
        finally:
            conn.close()


@pytest.fixture
def sim(tmp_path):
    simulated = Sim(tmp_path)
    admin_state.init(None, simulated.state, simulated.inventory)
    return simulated


@pytest.fixture
def sim_dg(sim):
    """prod-n1 has disk group dg1 on emc0_0..emc0_2 (cdsdisk)."""
    sim.disk_group()
    return sim


def sample_lines(name):
    """Lines of a shared capture without its '# source:' line."""
    lines = (SAMPLES / name).read_text().splitlines()
    assert lines[0].startswith("# source:")
    return lines[1:]
