"""vxdisksetup, vxdiskunsetup and vxdisk list: outputs, per-node visibility, errors."""
from .conftest import sample_lines

HEADER = "DEVICE          TYPE            DISK         GROUP        STATUS\n"


def test_fresh_disks_are_uninitialised(sim):
    out = sim.ok("vxdisk list")
    assert out == HEADER + "".join(
        "emc0_%d       auto:none       -            -            online invalid\n" % i for i in range(8))
    assert sim.ok("vxdisk list", node="dr-n2").splitlines()[1] == (
        "hds0_0       auto:none       -            -            online invalid")


def test_header_and_row_layout_match_the_real_capture(sim):
    real = sample_lines("vxdisk_list_2.txt")
    assert real[0] + "\n" == HEADER
    ours = sim.ok("vxdisk list").splitlines()[1]
    # "verclus01_disk_2 auto:none       -            -            online invalid": same text after
    # the device column (%-12s plus one space; a longer device name pushes the row right)
    assert real[3].startswith("verclus01_disk_2 ")
    assert ours[len("emc0_0       "):] == real[3][len("verclus01_disk_2 "):]


def test_vxdisksetup_makes_cdsdisk_and_formats(sim):
    assert sim.ok("vxdisksetup -i emc0_0") == ""
    assert sim.ok("vxdisksetup -if emc0_1 format=simple") == ""
    sim.ok("vxdisksetup -i -v emc0_2 format=sliced")
    lines = sim.ok("vxdisk list").splitlines()
    assert lines[1] == "emc0_0       auto:cdsdisk    -            -            online"
    assert lines[2] == "emc0_1       auto:simple     -            -            online"
    assert lines[3] == "emc0_2       auto:sliced     -            -            online"


def test_vxdisksetup_errors(sim_dg):
    sim = sim_dg
    failed = sim.fail("vxdisksetup emc0_5")
    assert failed.rc == 1
    assert "Usage: vxdisksetup" in failed.err
    failed = sim.fail("vxdisksetup -i emc0_5 format=fancy")
    assert failed.err.startswith("vxdisksetup: invalid attribute: format=fancy\n")
    failed = sim.fail("vxdisksetup -z emc0_5")
    assert failed.err.startswith("vxdisksetup: illegal option -- z\n")
    failed = sim.fail("vxdisksetup -i emc0_0")
    assert failed.rc == 1
    assert failed.err.endswith("Disk emc0_0 is in use by disk group dg1. Disk cannot be reinitialized.\n")
    assert sim.fail("vxdisksetup -i nodisk").rc == 1


def test_vxdiskunsetup(sim_dg):
    sim = sim_dg
    failed = sim.fail("vxdiskunsetup -C -f emc0_5")
    assert (failed.rc, failed.err) == (1, "VxVM vxdiskunsetup ERROR V-5-2-3522 emc0_5: Disk is not a volume manager disk\n")
    failed = sim.fail("vxdiskunsetup emc0_0")
    assert failed.err == "VxVM vxdiskunsetup ERROR V-5-2-5052 emc0_0: Disk is in use by disk group dg1\n"
    failed = sim.fail("vxdiskunsetup emc0_0", node="prod-n2")
    assert failed.err == "VxVM vxdiskunsetup ERROR V-5-2-5052 emc0_0: Disk is in use by another host\n"
    sim.ok("vxdisksetup -i emc0_5")
    assert sim.ok("vxdiskunsetup -Cf emc0_5") == ""
    assert sim.ok("vxdisk list").splitlines()[6] == "emc0_5       auto:none       -            -            online invalid"


def test_vxdiskunsetup_of_a_deported_groups_disk_drops_it_from_the_group(sim_dg):
    sim = sim_dg
    sim.ok("vxdg deport dg1")
    sim.ok("vxdiskunsetup -f -C emc0_2")
    assert sorted(next(iter(sim.doc()["dgs"].values()))["dms"]) == ["emc0_0", "emc0_1"]
    sim.ok("vxdg import dg1")
    assert "emc0_2" not in sim.ok("vxprint -g dg1 -d -q -F '%name'")


def test_visibility_imported_here_elsewhere_and_deported(sim_dg):
    sim = sim_dg
    here = sim.ok("vxdisk -o alldgs list").splitlines()
    assert here[1] == "emc0_0       auto:cdsdisk    emc0_0       dg1          online"
    assert sim.ok("vxdisk list").splitlines()[1] == here[1]
    other = sim.ok("vxdisk -o alldgs list", node="prod-n2").splitlines()
    assert other[1] == "emc0_0       auto:cdsdisk    -            (dg1)        online"
    assert sim.ok("vxdisk list", node="prod-n2").splitlines()[1] == (
        "emc0_0       auto:cdsdisk    -            -            online")
    # the other cluster never sees prodclus disks
    assert "emc0" not in sim.ok("vxdisk -o alldgs list", node="dr-n1")
    sim.ok("vxdg deport dg1")
    for node in ("prod-n1", "prod-n2"):
        assert sim.ok("vxdisk -o alldgs list", node=node).splitlines()[2] == (
            "emc0_1       auto:cdsdisk    -            (dg1)        online")
        assert sim.ok("vxdisk list", node=node).splitlines()[2] == (
            "emc0_1       auto:cdsdisk    -            -            online")


def test_wide_listing_matches_sample_columns(sim_dg):
    sim = sim_dg
    out = sim.ok("vxdisk -e list").splitlines()
    real = sample_lines("vxdisk_list_8_e_linux.txt")
    assert out[0] == real[2]
    assert out[1] == "emc0_0       auto:cdsdisk   emc0_0      dg1          online               sdb              -"
    assert out[4] == "emc0_3       auto:none      -           -            online invalid       sde              -"
    # the real row "emc_01       auto:cdsdisk   disk1       testdg       online               sdd              -"
    assert real[3].index("online") == out[1].index("online")
    assert real[3].index("sdd") == out[1].index("sdb")
    assert sim.ok("vxdisk list -e -o alldgs") == sim.ok("vxdisk -e -o alldgs list")


def test_list_of_one_disk_group(sim_dg):
    sim = sim_dg
    out = sim.ok("vxdisk -g dg1 list")
    assert out.splitlines()[1:] == [
        "emc0_%d       auto:cdsdisk    emc0_%d       dg1          online" % (i, i) for i in range(3)]
    failed = sim.fail("vxdisk -g dg1 list", node="prod-n2")
    assert (failed.rc, failed.err) == (9, "VxVM vxdisk ERROR V-5-1-607 Diskgroup dg1 not found\n")


def test_detail_of_initialised_disk(sim_dg):
    sim = sim_dg
    lines = sim.ok("vxdisk list emc0_1").splitlines()
    assert lines[0] == "Device:    emc0_1"
    assert lines[1] == "devicetag: emc0_1"
    assert lines[2] == "type:      auto"
    assert lines[3] == "hostid:    prod-n1"
    assert lines[4].startswith("disk:      name=emc0_1 id=")
    assert lines[5].startswith("group:     name=dg1 id=")
    assert "info:      format=cdsdisk,privoffset=208,pubslice=3,privslice=3" in lines
    assert "flags:     online ready private autoconfig autoimport imported" in lines
    assert "public:    slice=3 offset=65744 len=209649360 disk_offset=48" in lines
    assert "private:   slice=3 offset=208 len=65536 disk_offset=48" in lines
    assert lines[-3:] == ["Multipathing information:", "numpaths:   1", "sdc             state=enabled"]
    # same key order as the real detail capture
    real_keys = [l.split(":")[0] for l in sample_lines("vxdisk_list_disk_2_shared.txt")[1:21]]
    our_keys = [l.split(":")[0] for l in lines[:20] if not l.startswith("hostid")]
    assert [k for k in real_keys if k != "clusterid"] == our_keys[:len(real_keys) - 1]
    other = sim.ok("vxdisk list emc0_1", node="prod-n2").splitlines()
    assert other[4].startswith("disk:      name= id=")
    assert "flags:     online ready private autoconfig" in other


def test_detail_of_uninitialised_and_missing_disks(sim):
    lines = sim.ok("vxdisk list emc0_7").splitlines()
    assert lines[:5] == ["Device:    emc0_7", "devicetag: emc0_7", "type:      auto",
                         "info:      format=none", "flags:     online ready private autoconfig invalid"]
    failed = sim.run("vxdisk list emc0_7 nodisk")
    assert failed.rc == 11
    assert failed.err == "VxVM vxdisk ERROR V-5-1-558 Disk nodisk: Disk not in the configuration\n"
    assert failed.out.startswith("Device:    emc0_7\n")


def test_vxdisk_usage_errors(sim):
    failed = sim.fail("vxdisk -z list")
    assert failed.rc == 1
    assert failed.err.splitlines()[0] == "vxdisk: illegal option -- z"
    assert failed.err.splitlines()[1].startswith("VxVM vxdisk ERROR V-5-1-2 Usage: vxdisk ")
    assert sim.fail("vxdisk frobnicate").err.startswith("vxdisk: frobnicate: keyword not supported\n")
    assert sim.fail("vxdisk -o nogroups list").rc == 1
    assert sim.fail("vxdisk").rc == 1
    assert sim.ok("vxdisk scandisks") == ""
