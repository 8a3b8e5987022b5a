"""Concurrent ha* commands from several processes (Ansible forks): every call is one
transaction, so parallel modifications all land and conflicting operations serialise."""
import os
import subprocess
import sys

from .vcs_sim import vsim  # noqa: F401 (fixture)

SCRIPT = """
import sys
from infoscale_sim.entry import run
state, node, resource = sys.argv[1:4]
for i in range(5):
    rc, out, err = run(["hares", "-modify", resource, "PathName", "/bin/%s-%d" % (resource, i)],
                       node=node, state=state)
    assert rc == 0, (rc, out, err)
"""


def test_parallel_hares_modify_all_land(vsim):
    names = ["r%d" % i for i in range(6)]
    vsim.group("g", resources=[(n, "Process", {}, []) for n in names])
    vsim.ok("haconf -makerw")
    nodes = ["prod-n1", "prod-n2", "prod-n3"]
    procs = [subprocess.Popen([sys.executable, "-c", SCRIPT, vsim.state, nodes[i % 3], name],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=dict(os.environ))
             for i, name in enumerate(names)]
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    for name in names:
        assert vsim.ok("hares -value %s PathName" % name) == "/bin/%s-4\n" % name
    rows = [r for r in vsim.log() if r["argv"][:2] == ["hares", "-modify"] and r["argv"][3] == "PathName"]
    assert len(rows) == 30 and all(r["rc"] == 0 and r["changed"] for r in rows)


def test_two_nodes_onlining_one_failover_group_at_once(vsim):
    vsim.group("g", resources=[("p", "Process", {}, [])])
    env = dict(os.environ, INFOSCALE_SIM_STATE=vsim.state)
    shim = os.path.join(vsim.state, "bin", "hagrp")
    procs = [subprocess.Popen([shim, "-online", "g", "-sys", node], env=dict(env, INFOSCALE_SIM_NODE=node),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for node in ("prod-n1", "prod-n2")]
    results = [(p.wait(timeout=30), p.stderr.read()) for p in procs]
    assert sorted(rc for rc, _ in results) == [0, 1]
    assert [err for rc, err in results if rc][0].startswith("VCS WARNING V-16-1-10165 ")
    active = [s for s in ("prod-n1", "prod-n2") if vsim.group_state("g", s) != "OFFLINE"]
    assert len(active) == 1
