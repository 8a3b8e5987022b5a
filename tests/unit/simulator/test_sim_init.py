"""infoscale-sim init / reset / open / close / show / log (admin command, in-process)."""
import json
import os
import stat

import pytest
import yaml

from infoscale_sim.admin import cli
from infoscale_sim.admin import state as admin_state
from infoscale_sim.commands import COMMANDS
from infoscale_sim.errors import SimStateError

SIMULATED = ["vxdisksetup", "vxdiskunsetup", "vxdisk", "vxdg", "vxassist", "vxresize",
             "vxprint", "vxedit", "vxvol", "haconf", "hagrp", "hares", "hasys", "haclus",
             "hastatus", "hatype", "virsh", "vxsnap", "vxmake", "vxcache",
             "vradmin", "vxrlink", "vxrvg", "hahb"]


def test_init_writes_database_shims_and_wrappers(sim):
    state = sim.state
    assert os.path.exists(os.path.join(state, "state.db"))
    assert sorted(os.listdir(os.path.join(state, "bin"))) == sorted(SIMULATED)
    assert set(SIMULATED) <= set(COMMANDS)
    for command in SIMULATED:
        path = os.path.join(state, "bin", command)
        assert os.stat(path).st_mode & stat.S_IXUSR
        text = open(path).read()
        assert text.startswith("#!%s -ES\n" % __import__("sys").executable)
        assert "shim_main(%r)" % command in text
    assert sorted(os.listdir(os.path.join(state, "nodes"))) == ["dr-n1", "dr-n2", "prod-n1", "prod-n2"]
    wrapper = open(os.path.join(state, "nodes", "prod-n2", "python")).read()
    assert "INFOSCALE_SIM_STATE=%s\n" % state in wrapper
    assert "INFOSCALE_SIM_NODE=prod-n2\n" in wrapper
    assert 'PATH=%s/bin:"$PATH"' % state in wrapper
    assert wrapper.rstrip().endswith('exec %s "$@"' % __import__("sys").executable)


def test_inventory_groups_sites_clusters_and_nodes(sim):
    inventory = yaml.safe_load(open(sim.inventory))
    sites = inventory["all"]["children"]
    assert list(sites) == ["primary", "secondary"]
    prod = sites["primary"]["children"]["prodclus"]
    assert prod["vars"] == {
        "infoscale_cluster": "prodclus", "infoscale_site": "primary",
        "infoscale_shared_disks": ["emc0_%d" % i for i in range(8)]}
    assert prod["hosts"]["prod-n1"] == {
        "ansible_connection": "local",
        "ansible_python_interpreter": os.path.join(sim.state, "nodes", "prod-n1", "python")}
    dr = sites["secondary"]["children"]["drclus"]
    assert sorted(dr["hosts"]) == ["dr-n1", "dr-n2"]
    assert dr["vars"]["infoscale_shared_disks"][-1] == "hds0_7"


def test_init_refuses_existing_state_without_force(sim, capsys):
    rc = cli.main(["init", "--state", sim.state, "--inventory", sim.inventory])
    assert rc == 1
    assert "already holds a simulated estate (use --force)" in capsys.readouterr().err
    sim.disk_group()
    assert cli.main(["init", "--state", sim.state, "--inventory", sim.inventory, "--force"]) == 0
    assert "estate two-site with 4 nodes" in capsys.readouterr().out
    assert sim.doc()["dgs"] == {}
    assert sim.log() == []


def test_init_with_a_bad_estate_fails_clearly(tmp_path, capsys):
    bad = tmp_path / "e.yml"
    bad.write_text("name: x\nsites: []\n")
    rc = cli.main(["init", "--estate", str(bad), "--state", str(tmp_path / "s")])
    assert rc == 1
    assert capsys.readouterr().err == "infoscale-sim: %s: sites: must be a non-empty list of sites\n" % bad
    assert not (tmp_path / "s" / "state.db").exists()


def test_state_from_environment(sim, monkeypatch, capsys):
    monkeypatch.setenv("INFOSCALE_SIM_STATE", sim.state)
    sim.ok("vxdisk list")
    assert cli.main(["log", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["argv"] for r in rows] == [["vxdisk", "list"]]


def test_reset_restores_fresh_estate_and_clears_log(sim):
    sim.disk_group()
    sim.ok("vxassist -g dg1 make v1 1g")
    assert cli.main(["reset", "--state", sim.state]) == 0
    doc = sim.doc()
    assert doc["dgs"] == {}
    assert {d["format"] for d in doc["disks"].values()} == {"none"}
    assert sim.log() == []
    assert os.path.exists(os.path.join(sim.state, "bin", "vxdg"))
    sim.ok("vxdisk list")
    assert [row["id"] for row in sim.log()] == [1]


def test_open_and_close_mark_devopen(sim_dg, capsys):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make v1 1g")
    assert cli.main(["open", "--state", sim.state, "--node", "prod-n1", "dg1/v1"]) == 0
    assert sim.ok("vxprint -g dg1 -q -v -F '%name %devopen'") == "v1 on\n"
    assert cli.main(["close", "--state", sim.state, "--node", "prod-n1", "dg1/v1"]) == 0
    assert sim.ok("vxprint -g dg1 -q -v -F '%name %devopen'") == "v1 off\n"
    assert cli.main(["open", "--state", sim.state, "--node", "prod-n2", "dg1/v1"]) == 1
    assert "disk group dg1 is not imported on prod-n2" in capsys.readouterr().err
    with pytest.raises(SimStateError, match="no volume v9 in disk group dg1"):
        admin_state.set_open(sim.state, "prod-n1", "dg1/v9", True)
    with pytest.raises(SimStateError, match="expected DG/VOL"):
        admin_state.set_open(sim.state, "prod-n1", "dg1", True)


def test_show_summarises_estate(sim_dg, capsys):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make v1 1g")
    sim.fail("vxdg destroy nodg")
    assert cli.main(["show", "--state", sim.state]) == 0
    out = capsys.readouterr().out
    assert "  cluster prodclus: nodes prod-n1, prod-n2; 8 disks (5 not in a disk group)\n" in out
    assert "    disk group dg1 (imported on prod-n1): 3 disks, 299.9G\n" in out
    assert "      volume v1: 1.0G concat ENABLED\n" in out
    assert "replication prodclus -> drclus (1000000000 bit/s, 5 ms)\n" in out
    assert out.endswith("audit: 6 calls, 5 changed state, 1 failed\n")


def test_log_filters(sim_dg, capsys):
    sim = sim_dg
    sim.ok("vxdisk list", node="prod-n2")
    sim.fail("vxdg destroy nodg")
    assert cli.main(["log", "--state", sim.state, "--json", "--node", "prod-n2"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["id"], r["node"], r["argv"]) for r in rows] == [(5, "prod-n2", ["vxdisk", "list"])]
    assert cli.main(["log", "--state", sim.state, "--json", "--since", "4"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in rows] == [5, 6]
    assert cli.main(["log", "--state", sim.state, "--json", "--changed"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["argv"][0] for r in rows] == ["vxdisksetup"] * 3 + ["vxdg"]
    assert cli.main(["log", "--state", sim.state]) == 0
    text = capsys.readouterr().out.splitlines()
    assert len(text) == 6 and text[5].split()[2:4] == ["prod-n1", "rc=11"]


def test_missing_state_is_reported(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("INFOSCALE_SIM_STATE", raising=False)
    assert cli.main(["show"]) == 2
    assert "--state or INFOSCALE_SIM_STATE is required" in capsys.readouterr().err
    assert cli.main(["show", "--state", str(tmp_path)]) == 1
    assert "no simulator state in" in capsys.readouterr().err


def test_every_simulated_command_is_a_console_script():
    import tomllib
    from pathlib import Path

    from infoscale_sim.commands import COMMANDS

    project = tomllib.loads((Path(__file__).resolve().parents[3] / 'simulator' / 'pyproject.toml').read_text())
    scripts = project['project']['scripts']
    assert sorted(set(scripts) - {'infoscale-sim'}) == sorted(COMMANDS)
