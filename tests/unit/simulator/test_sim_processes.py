"""Real processes: shims, node wrappers, console scripts, parallel writers."""
import json
import os
import subprocess
import sys
import time

import pytest

from infoscale_sim.admin import files
from infoscale_sim.vxvm.volumes import iter_subdisks

VENV_BIN = os.path.dirname(sys.executable)


def _env(sim, node):
    env = dict(os.environ, INFOSCALE_SIM_STATE=sim.state, INFOSCALE_SIM_NODE=node)
    env["PATH"] = os.path.join(sim.state, "bin") + os.pathsep + env.get("PATH", "")
    return env


def _shim(sim, name):
    return os.path.join(sim.state, "bin", name)


def test_shim_runs_the_command_as_the_node(sim_dg):
    sim = sim_dg
    proc = subprocess.run([_shim(sim, "vxdisk"), "-o", "alldgs", "list"], env=_env(sim, "prod-n2"),
                          capture_output=True, text=True)
    assert proc.returncode == 0
    assert proc.stdout.splitlines()[1] == "emc0_0       auto:cdsdisk    -            (dg1)        online"
    proc = subprocess.run([_shim(sim, "vxdg"), "destroy", "nodg"], env=_env(sim, "prod-n1"),
                          capture_output=True, text=True)
    assert (proc.returncode, proc.stdout, proc.stderr) == (
        11, "", "VxVM vxdg ERROR V-5-1-2275 vxdg: Disk group nodg: No such disk group\n")


def test_node_wrapper_sets_identity_and_path(sim_dg):
    sim = sim_dg
    code = ("import os, subprocess; print(os.environ['INFOSCALE_SIM_NODE']); "
            "print(subprocess.run(['vxdg', 'list'], capture_output=True, text=True).stdout, end='')")
    for node, groups in (("prod-n1", ["dg1"]), ("prod-n2", [])):
        proc = subprocess.run([files.wrapper_path(sim.state, node), "-c", code],
                              capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
        assert proc.returncode == 0, proc.stderr
        lines = proc.stdout.splitlines()
        assert lines[0] == node
        assert lines[1] == "NAME         STATE           ID"
        assert [l.split()[0] for l in lines[2:]] == groups
    assert [r["node"] for r in sim.log()[-2:]] == ["prod-n1", "prod-n2"]


def test_console_scripts_and_admin_cli(sim_dg):
    sim = sim_dg
    vxprint = os.path.join(VENV_BIN, "vxprint")
    if not os.path.exists(vxprint):
        pytest.skip("simulator not installed in this interpreter's venv")
    proc = subprocess.run([vxprint, "-g", "dg1", "-G", "-n"], env=_env(sim, "prod-n1"),
                          capture_output=True, text=True)
    assert (proc.returncode, proc.stdout) == (0, "dg1\n")
    proc = subprocess.run([os.path.join(VENV_BIN, "infoscale-sim"), "log", "--json", "--since", "4"],
                          env=_env(sim, "prod-n1"), capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["argv"] for r in rows] == [["vxprint", "-g", "dg1", "-G", "-n"]]
    assert set(rows[0]) == {"id", "time", "node", "argv", "rc", "changed", "duration", "stdout", "stderr"}


def test_missing_environment(sim):
    env = dict(os.environ)
    env.pop("INFOSCALE_SIM_STATE", None)
    env.pop("INFOSCALE_SIM_NODE", None)
    proc = subprocess.run([_shim(sim, "vxdisk"), "list"], env=env, capture_output=True, text=True)
    assert (proc.returncode, proc.stderr) == (2, "vxdisk: INFOSCALE_SIM_STATE is not set (simulator state folder)\n")
    env["INFOSCALE_SIM_STATE"] = sim.state
    proc = subprocess.run([_shim(sim, "vxdisk"), "list"], env=env, capture_output=True, text=True)
    assert proc.returncode == 2 and "names no node of the estate: None" in proc.stderr


def test_shim_latency(sim_dg):
    sim = sim_dg
    env = _env(sim, "prod-n1")
    calls = 20
    start = time.perf_counter()
    for _ in range(calls):
        subprocess.run([_shim(sim, "vxprint"), "-g", "dg1", "-q", "-v", "-F", "%name"], env=env,
                       capture_output=True)
    per_call = (time.perf_counter() - start) / calls
    print("shim latency: %.1f ms per call" % (per_call * 1000))
    assert per_call < 0.5


def _spawn(sim, node, script):
    return subprocess.Popen(["sh", "-c", script], env=_env(sim, node), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _assert_no_overlap(dg, doc):
    extents = {}
    for sd in iter_subdisks(dg):
        extents.setdefault(sd["dm"], []).append((sd["off"], sd["len"]))
    for dm, items in extents.items():
        items.sort()
        for (off, length), (next_off, _) in zip(items, items[1:]):
            assert off + length <= next_off, (dm, items)
        da = dg["dms"][dm]
        assert items[-1][0] + items[-1][1] <= doc["disks"][da]["sectors"] - 65840


def test_parallel_writers_in_one_disk_group(sim):
    sim.disk_group("dg1", tuple("emc0_%d" % i for i in range(8)))
    sim.disk_group("drdg", ("hds0_0", "hds0_1"), node="dr-n1")
    workers = []
    for w in range(8):
        layout = ["concat", "stripe", "mirror", "stripe-mirror"][w % 4]
        script = ("for i in 1 2 3; do vxassist -g dg1 make w%d_$i 1g layout=%s || exit 1; "
                  "vxprint -g dg1 -q -v -F %%name >/dev/null || exit 2; done" % (w, layout))
        workers.append(_spawn(sim, "prod-n1", script))
    readers = [_spawn(sim, "prod-n2", "for i in 1 2 3 4 5; do vxdisk -o alldgs list >/dev/null || exit 3; done"),
               _spawn(sim, "dr-n1", "for i in 1 2 3; do vxassist -g drdg make d$i 1g || exit 4; done")]
    for proc in workers + readers:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    names = sim.volume_rows("dg1")
    assert sorted(names) == sorted("w%d_%d" % (w, i) for w in range(8) for i in (1, 2, 3))
    assert set(names.values()) == {2097152}
    doc = sim.doc()
    dg = next(g for g in doc["dgs"].values() if g["name"] == "dg1")
    _assert_no_overlap(dg, doc)
    assert sorted(sim.volume_rows("drdg", node="dr-n1")) == ["d1", "d2", "d3"]
    rows = sim.log()
    # setup (8 + 1 + 2 + 1), writers (8 x 3 x 2), readers, dr makes, the two reads above
    assert len(rows) == 12 + 48 + 5 + 3 + 2
    assert all(r["rc"] == 0 for r in rows)
    assert sum(r["changed"] for r in rows if r["argv"][:2] == ["vxassist", "-g"]) == 24 + 3


def test_parallel_writers_competing_for_space(sim_dg):
    sim = sim_dg
    procs = [_spawn(sim, "prod-n1", "vxassist -g dg1 make big%d 120g" % w) for w in range(8)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    ok = [r for r in results if r[0] == 0]
    failed = [r for r in results if r[0] != 0]
    assert len(ok) == 2   # 3 x 100 GiB disks: two 120 GiB concat volumes fit, a third does not
    assert {err for _, err in failed} == {
        "VxVM vxassist ERROR V-5-1-435 Cannot allocate space for 251658240 block volume\n"}
    doc = sim.doc()
    dg = next(iter(doc["dgs"].values()))
    assert len(dg["volumes"]) == 2
    _assert_no_overlap(dg, doc)
