"""Python API for big configurations (benchmarks) and the vxprint formatter on that state."""
import time

import pytest

from infoscale_sim.vxvm import api


def test_bulk_volumes_in_one_transaction(sim):
    disks = api.create_disk_group(sim.state, "prod-n1", "bigdg")
    assert disks == ["emc0_%d" % i for i in range(8)]
    start = time.perf_counter()
    names = api.add_volumes(sim.state, "prod-n1", "bigdg", 2000, "10m")
    elapsed = time.perf_counter() - start
    assert names[0] == "vol00001" and names[-1] == "vol02000"
    assert elapsed < 10
    rows = sim.volume_rows("bigdg")
    assert len(rows) == 2000 and set(rows.values()) == {20480}
    text = api.vxprint_text(sim.state, "prod-n1", ["-g", "bigdg", "-htr"])
    assert sum(1 for line in text.splitlines() if line.startswith("v  ")) == 2000
    assert text.splitlines()[0] == "DG NAME         NCONFIG      NLOG     MINORS   GROUP-ID"
    # the CLI keeps working on the bulk-built group, and bulk building wrote no audit rows
    sim.ok("vxassist -g bigdg make extra 1g")
    assert sim.ok("vxprint -g bigdg -q -v -F '%name' extra") == "extra\n"
    assert [r["argv"][0] for r in sim.log()] == ["vxprint", "vxassist", "vxprint"]


def test_bulk_layouts_and_errors(sim):
    api.create_disk_group(sim.state, "prod-n1", "dg", ["emc0_0", "emc0_1", "emc0_2", "emc0_3"])
    api.add_volumes(sim.state, "prod-n1", "dg", 3, "1g", layout="stripe-mirror", prefix="sm", width=2)
    out = sim.ok("vxprint -g dg -q -v -F '%name %layout %ncol %nmirror'")
    assert out.splitlines()[0] == "sm01 stripe-mirror 2 2"
    with pytest.raises(ValueError, match="record sm01 already exists"):
        api.add_volumes(sim.state, "prod-n1", "dg", 1, "1g", prefix="sm", width=2)
    with pytest.raises(ValueError, match="no space for volume big1"):
        api.add_volumes(sim.state, "prod-n1", "dg", 1, "500g", prefix="big", width=1)
    with pytest.raises(ValueError, match="not imported on prod-n2"):
        api.add_volumes(sim.state, "prod-n2", "dg", 1, "1g")
    with pytest.raises(ValueError, match="already belongs to a disk group"):
        api.create_disk_group(sim.state, "prod-n1", "dg2", ["emc0_0"])
    with pytest.raises(ValueError, match="VxVM vxprint ERROR V-5-1-582"):
        api.vxprint_text(sim.state, "prod-n2", ["-g", "dg"])
    # failed bulk calls changed nothing
    assert len(sim.volume_rows("dg")) == 3
