"""vxdg init / adddisk / rmdisk / deport / import / destroy / list / free."""
import re

from infoscale_sim.admin import state as admin_state
from .conftest import sample_lines


def _setup(sim, *disks, node="prod-n1"):
    for da in disks:
        sim.ok(["vxdisksetup", "-i", da], node)


def test_init_is_silent_and_imports_on_this_node(sim):
    _setup(sim, "emc0_0", "emc0_1")
    assert sim.run("vxdg init dg1 disk1=emc0_0 emc0_1").out == ""
    lines = sim.ok("vxdisk list").splitlines()
    assert lines[1] == "emc0_0       auto:cdsdisk    disk1        dg1          online"
    assert lines[2] == "emc0_1       auto:cdsdisk    emc0_1       dg1          online"
    listing = sim.ok("vxdg list").splitlines()
    assert listing[0] == "NAME         STATE           ID"
    assert re.match(r"^dg1          enabled,cds          \d+\.\d+\.prod-n1$", listing[1])
    assert sim.ok("vxdg list", node="prod-n2") == "NAME         STATE           ID\n"


def test_list_layout_matches_real_captures(sim):
    real = sample_lines("vxdg_list_1.txt")[1:]
    _setup(sim, "emc0_0")
    sim.ok("vxdg init nbudg emc0_0")
    ours = sim.ok("vxdg list").splitlines()
    assert ours[0] == real[0]
    # "nbudg        disabled,cds         1573674122.16.media1": name %-12s, state %-20s
    assert ours[1].index(ours[1].split()[2]) == real[1].index("1573674122")


def test_init_reports_every_disk_owned_by_another_group(sim):
    _setup(sim, "emc0_0", "emc0_1", "emc0_2", "emc0_3", "emc0_4")
    sim.ok("vxdg init dg1 emc0_1")
    sim.ok("vxdg init dg2 emc0_4")
    sim.ok("vxdg deport dg2")
    failed = sim.fail("vxdg init indus_200g emc0_0 emc0_1 emc0_2 emc0_3 emc0_4")
    assert failed.err == (
        "VxVM vxdg ERROR V-5-1-2349 Device emc0_1 appears to be owned by disk group dg1.\n"
        "VxVM vxdg ERROR V-5-1-2349 Device emc0_4 appears to be owned by disk group dg2.\n")
    # the other node sees the same ownership
    assert sim.fail("vxdg init x emc0_1", node="prod-n2").err.startswith(
        "VxVM vxdg ERROR V-5-1-2349 Device emc0_1 appears to be owned by disk group dg1.")
    assert "indus_200g" not in sim.ok("vxdg list")


def test_init_errors(sim_dg):
    sim = sim_dg
    _setup(sim, "emc0_3")
    failed = sim.fail("vxdg init dg1 emc0_3")
    assert failed.err == "VxVM vxdg ERROR V-5-1-585 Disk group dg1: cannot create: Disk group exists and is imported\n"
    failed = sim.fail("vxdg init dg9 emc0_5")
    assert failed.err == "VxVM vxdg ERROR V-5-1-6478 Device emc0_5 is not initialized for VxVM use\n"
    assert sim.fail("vxdg init dg9 nodisk").err == "VxVM vxdg ERROR V-5-1-558 Disk nodisk: Disk not in the configuration\n"
    assert sim.fail("vxdg init dg9").rc == 1
    assert sim.fail("vxdg init dg9 emc0_3 cds=maybe").err.startswith("vxdg: invalid cds value: maybe")
    assert sim.fail("vxdg -s init dg9 emc0_3").rc == 1
    assert sim.fail("vxdg init -bad emc0_3").rc == 1


def test_cds_follows_disk_format(sim):
    sim.ok("vxdisksetup -i emc0_0 format=simple")
    sim.ok("vxdg init plain emc0_0")
    assert sim.ok("vxdg list").splitlines()[1].split()[1] == "enabled"
    sim.ok("vxdisksetup -i emc0_1 format=simple")
    assert sim.fail("vxdg init cdsgrp emc0_1 cds=on").rc == 1
    sim.ok("vxdisksetup -i emc0_2")
    sim.ok("vxdg init off emc0_2 cds=off")
    assert [l.split()[:2] for l in sim.ok("vxdg list").splitlines()[1:]] == [
        ["off", "enabled"], ["plain", "enabled"]]


def test_adddisk_and_rmdisk(sim_dg):
    sim = sim_dg
    _setup(sim, "emc0_3")
    assert sim.ok("vxdg -g dg1 adddisk disk3=emc0_3") == ""
    assert sim.ok("vxdisk list").splitlines()[4] == "emc0_3       auto:cdsdisk    disk3        dg1          online"
    assert sim.fail("vxdg -g dg1 adddisk emc0_3").err.startswith("VxVM vxdg ERROR V-5-1-2349 Device emc0_3")
    assert sim.ok("vxdg -g dg1 rmdisk disk3") == ""
    assert sim.ok("vxdisk list").splitlines()[4] == "emc0_3       auto:cdsdisk    -            -            online"
    failed = sim.fail("vxdg -g dg1 rmdisk disk3")
    assert (failed.rc, failed.err) == (11, "VxVM vxdg ERROR V-5-1-926 Record disk3 not in disk group configuration\n")
    failed = sim.fail("vxdg -g nodg adddisk emc0_3")
    assert (failed.rc, failed.err) == (11, "VxVM vxdg ERROR V-5-1-2275 vxdg: Disk group nodg: No such disk group\n")
    assert "a disk group is required" in sim.fail("vxdg adddisk emc0_3").err


def test_rmdisk_refuses_disks_with_subdisks_and_the_last_disk(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make v1 1g emc0_1")
    failed = sim.fail("vxdg -g dg1 rmdisk emc0_1")
    assert failed.err == ("VxVM vxdg ERROR V-5-1-552 Disk emc0_1 is used by one or more subdisks.\n"
                          "Use -k to remove device assignment.\n")
    sim.ok("vxdg -g dg1 rmdisk emc0_0 emc0_2")
    sim.ok("vxassist -g dg1 remove volume v1")
    assert sim.fail("vxdg -g dg1 rmdisk emc0_1").err == (
        "VxVM vxdg ERROR V-5-1-6477 Cannot remove last disk in disk group dg1\n")


def test_deport_import_between_nodes(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make v1 1g")
    failed = sim.fail("vxdg import dg1", node="prod-n2")
    assert failed.err == ("VxVM vxdg ERROR V-5-1-10978 Disk group dg1: import failed:\n"
                          "Disk is in use by another host\n")
    assert sim.fail("vxdg -tC import dg1", node="prod-n2").rc == 1
    failed = sim.fail("vxdg import dg1")
    assert failed.err == ("VxVM vxdg ERROR V-5-1-10978 Disk group import of dg1 failed with error 122 - "
                          "Disk group exists and is imported\n")
    assert sim.ok("vxdg deport dg1") == ""
    assert sim.fail("vxdg deport dg1").rc == 11
    assert sim.fail("vxprint -g dg1").rc == 11
    assert sim.ok("vxdg -t import dg1", node="prod-n2") == ""
    assert sim.ok("vxprint -g dg1 -q -v -F '%name %kstate %state'", node="prod-n2") == "v1 ENABLED ACTIVE\n"
    assert "flags:     cds tempimport" in sim.ok("vxdg list dg1", node="prod-n2")
    assert sim.fail("vxprint -g dg1").err == "VxVM vxprint ERROR V-5-1-582 Disk group dg1: No such disk group\n"


def test_import_missing_and_rename(sim_dg):
    sim = sim_dg
    assert sim.fail("vxdg import nodg").err == ("VxVM vxdg ERROR V-5-1-10978 Disk group nodg: import failed:\n"
                                                "No valid disk found containing disk group\n")
    sim.ok("vxdg deport dg1")
    sim.ok("vxdg -n newdg import dg1", node="prod-n2")
    assert sim.ok("vxdisk list", node="prod-n2").splitlines()[1].split()[3] == "newdg"
    assert sim.ok("vxdisk -o alldgs list").splitlines()[1].split()[3] == "(newdg)"


def test_deport_and_destroy_refuse_open_volumes(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make v1 1g")
    admin_state.set_open(sim.state, "prod-n1", "dg1/v1", True)
    failed = sim.fail("vxdg deport dg1")
    assert failed.err == "VxVM vxdg ERROR V-5-1-584 Disk group dg1: Some volumes in the disk group are in use\n"
    assert sim.fail("vxdg destroy dg1").err == failed.err
    admin_state.set_open(sim.state, "prod-n1", "dg1/v1", False)
    assert sim.ok("vxdg destroy dg1") == ""
    assert sim.ok("vxdisk -o alldgs list").splitlines()[1] == (
        "emc0_0       auto:cdsdisk    -            -            online")
    assert sim.ok("vxdg list") == "NAME         STATE           ID\n"


def test_destroy_missing_group(sim):
    failed = sim.fail("vxdg destroy DG")
    assert (failed.rc, failed.err) == (11, "VxVM vxdg ERROR V-5-1-2275 vxdg: Disk group DG: No such disk group\n")


def test_list_detail(sim_dg):
    sim = sim_dg
    lines = sim.ok("vxdg list dg1").splitlines()
    real_keys = [l.split(":")[0] for l in sample_lines("vxdg_list_2_detail.txt")[1:12]]
    assert [l.split(":")[0] for l in lines[:11]] == real_keys
    assert lines[0] == "Group:     dg1"
    assert lines[4] == "version:   260"
    assert lines[5] == "alignment: 8192 (bytes)"
    assert lines[-6:-3] == ["config disk emc0_%d copy 1 len=51360 state=clean online" % i for i in range(3)]
    assert lines[-3:] == ["log disk emc0_%d copy 1 len=4096" % i for i in range(3)]
    assert sim.fail("vxdg list dg1", node="prod-n2").rc == 11


def test_free_space(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make v1 500m")
    lines = sim.ok("vxdg -g dg1 free").splitlines()
    assert lines[0] == "DISK         DEVICE       TAG          OFFSET    LENGTH    FLAGS"
    assert lines[1] == "emc0_0       emc0_0       emc0_0       1024000   208625360 -"
    assert lines[2] == "emc0_1       emc0_1       emc0_1       0         209649360 -"
    all_groups = sim.ok("vxdg free").splitlines()
    assert all_groups[1].startswith("dg1          emc0_0 ")


def test_unknown_keyword_and_option(sim):
    failed = sim.fail("vxdg split a b")
    assert failed.err.startswith("vxdg: split: keyword not supported\nVxVM vxdg ERROR V-5-1-2 Usage: vxdg ")
    assert sim.fail("vxdg -Z list").err.startswith("vxdg: illegal option -- Z\n")
    assert sim.ok("vxdg flush") == ""
