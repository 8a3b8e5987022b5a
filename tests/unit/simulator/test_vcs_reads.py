"""Read commands: exact layouts against the real captures, filters, values, errors."""
from .conftest import sample_lines
from .vcs_sim import vsim  # noqa: F401 (fixture)


def _two_groups(sim):
    sim.group("SG1", systems=("prod-n1", "prod-n2"))
    sim.group("ClusterService", systems=("prod-n1", "prod-n2"),
              resources=[("csgnic", "NIC", {"Device": "eth0"}, []),
                         ("webip", "IP", {"Device": "eth0", "Address": "10.0.0.10"}, ["csgnic"])])


def test_hastatus_sum_layout_matches_the_real_capture(vsim):
    real = sample_lines("hastatus_sum_2.txt")
    _two_groups(vsim)
    vsim.ok("hagrp -online ClusterService -sys prod-n1")
    assert vsim.wait("ClusterService", "ONLINE", "prod-n1").rc == 0
    ours = vsim.ok("hastatus -sum").splitlines()
    rename = {"verclus01": "prod-n1  ", "verclus02": "prod-n2  "}

    def norm(line):
        for old, new in rename.items():
            line = line.replace(old, new)
        return line

    assert ours[0] == ""                          # leading blank line (samples 3 and 5)
    assert ours[1:4] == real[0:3]
    assert ours[4:6] == [norm(line) for line in real[3:5]]
    assert ours[6].startswith("A  prod-n3")
    assert ours[7:11] == real[5:9]
    assert ours[11:] == [norm(line) for line in real[9:13]]


def test_hastatus_sum_extra_sections(vsim):
    vsim.group("SG1", systems=("prod-n1", "prod-n2"),
               resources=[("app", "Application", {}, [])])
    vsim.ok("haconf -makerw")
    vsim.ok("hares -add ip IP SG1")
    vsim.ok("hagrp -freeze SG1")
    lines = vsim.ok("hastatus -sum").splitlines()
    assert lines[-10:] == [
        "", "-- GROUPS FROZEN", "-- Group", "", "C  SG1",
        "", "-- RESOURCES DISABLED", "-- Group           Type            Resource", "",
        "H  SG1             IP              ip"]


def test_hagrp_state_table_and_bare_value(vsim):
    real = sample_lines("hagrp_state_1.txt")
    vsim.group("kc_sg", systems=("prod-n1", "prod-n2"), resources=[("kc_app", "Process", {}, [])])
    vsim.ok("hagrp -online kc_sg -sys prod-n1")
    vsim.wait("kc_sg", "ONLINE", "prod-n1")
    ours = vsim.ok("hagrp -state kc_sg").splitlines()
    assert ours[0] == real[1]
    assert ours[1] == real[2].replace("xha239194", "prod-n1  ")
    assert ours[2] == real[3].replace("xha239195", "prod-n2  ")
    assert vsim.ok("hagrp -state kc_sg -sys prod-n1") == "ONLINE\n"
    assert vsim.ok("hagrp -state -sys prod-n2").splitlines() == [
        real[1], "kc_sg        State                 prod-n2    |OFFLINE|"]
    failed = vsim.fail("hagrp -state nosuch")
    assert (failed.rc, failed.err) == (1, "VCS WARNING V-16-1-40131 Group nosuch does not exist in the local cluster\n")
    failed = vsim.fail("hagrp -state kc_sg -sys prod-n3")
    assert failed.err == "VCS WARNING V-16-1-10135 Group kc_sg is not configured to run on system prod-n3\n"


def test_hares_display_layout_matches_the_real_capture(vsim):
    real = sample_lines("hares_display_1.txt")
    vsim.group("vxfen", systems=("prod-n1", "prod-n2"), parallel=True,
               resources=[("RES_phantom_vxfen", "Phantom", {}, [])])
    ours = vsim.ok("hares -display RES_phantom_vxfen").splitlines()
    assert ours[0] == "#Resource        Attribute                System     Value"
    assert ours[0][len("#Resource"):] == real[1][len("Resource") + 1:]
    assert ours[1:3] == real[2:4]
    assert vsim.ok("hares -state RES_phantom_vxfen -sys prod-n1") == "OFFLINE\n"
    assert vsim.ok("hares -display -type Phantom -attribute State -sys prod-n2").splitlines() == [
        "#Resource        Attribute                System     Value",
        "RES_phantom_vxfen State                    prod-n2    OFFLINE"]
    failed = vsim.fail("hares -display -group nosuch")
    assert failed.err == "VCS WARNING V-16-1-40131 Group nosuch does not exist in the local cluster\n"


def test_new_resources_are_not_probed(vsim):
    vsim.group("SG1", systems=("prod-n1",))
    vsim.ok("haconf -makerw")
    vsim.ok("hares -add ip IP SG1")
    assert vsim.ok("hares -state ip -sys prod-n1") == "OFFLINE|STATE UNKNOWN\n"
    assert vsim.ok("hares -value ip Probed prod-n1") == "0\n"
    vsim.ok("hares -modify ip Enabled 1")
    assert vsim.ok("hares -state ip -sys prod-n1") == "OFFLINE\n"
    lines = vsim.ok("hastatus -sum").splitlines()
    assert "B  SG1             prod-n1              Y          N               OFFLINE" in lines


def timeless(text):
    """The lines of a haclus -display but ClusterTime, which moves on between two calls."""
    return [line for line in text.splitlines() if not line.startswith("ClusterTime ")]


def test_hasys_and_haclus_display_layouts(vsim):
    real_sys = sample_lines("hasys_display_1.txt")
    ours = vsim.ok("hasys -display prod-n1").splitlines()
    assert ours[0] == real_sys[5]
    assert ours[1] == real_sys[6].replace("xha239194", "prod-n1  ")
    assert "prod-n1    SysState                RUNNING" in ours
    real_clus = sample_lines("haclus_display_1.txt")
    ours = vsim.ok("haclus -display").splitlines()
    assert ours[:2] + ours[3:7] + ours[8:10] == real_clus[1:3] + real_clus[4:8] + real_clus[9:11]
    assert ours[7][:25] == real_clus[8][:25] and len(ours[7]) == len(real_clus[8])   # CID {uuid}
    assert ours[2] == "Administrators           admin"   # main.cf: Administrators = { admin }
    assert "ClusterName              prodclus" in ours
    assert timeless(vsim.ok("haclus -display -localclus")) == timeless(vsim.ok("haclus -display"))
    assert vsim.ok("haclus -state") == "RUNNING\n"
    assert vsim.ok("hasys -value prod-n2 SysState") == "RUNNING\n"


def test_group_display_filters_values_and_lists(vsim):
    _two_groups(vsim)
    vsim.ok("hagrp -online ClusterService -sys prod-n2")
    vsim.wait("ClusterService", "ONLINE", "prod-n2")
    rows = vsim.ok("hagrp -display ClusterService -sys prod-n2 -attribute State Parallel IntentOnline").splitlines()
    assert rows == ["#Group       Attribute             System     Value",
                    "ClusterService IntentOnline          global     1",
                    "ClusterService Parallel              global     0",
                    "ClusterService State                 prod-n2    |ONLINE|"]
    assert vsim.ok("hagrp -value ClusterService State prod-n2") == "|ONLINE|\n"
    assert vsim.ok("hagrp -value ClusterService State", node="prod-n1") == "|OFFLINE|\n"
    assert vsim.ok("hagrp -list State=ONLINE") == "ClusterService   prod-n2\n"
    assert vsim.ok("hagrp -list Parallel=0 State!=ONLINE").splitlines() == [
        "ClusterService   prod-n1", "SG1              prod-n1", "SG1              prod-n2"]
    assert vsim.ok("hares -list Group=ClusterService State=ONLINE").splitlines() == [
        "csgnic           prod-n2", "webip            prod-n2"]
    failed = vsim.fail("hagrp -value SG1 NoSuchAttr")
    assert failed.err == "VCS WARNING V-16-1-10325 Attribute NoSuchAttr does not exist for group SG1\n"


def test_reads_do_not_change_state(vsim):
    vsim.group("SG1", systems=("prod-n1",), resources=[("app", "Application", {}, [])])
    vsim.ok("hagrp -online SG1 -sys prod-n1")
    first = len(vsim.log())
    for command in ("hastatus -sum", "hagrp -state", "hagrp -display SG1", "hares -display",
                    "hares -state app -sys prod-n1", "hasys -display", "haclus -display", "hagrp -dep SG1",
                    "hatype -display Mount", "hagrp -list", "hares -list"):
        vsim.run(command)
    vsim.wait("SG1", "ONLINE", "prod-n1")
    assert [r["changed"] for r in vsim.log(since=first)] == [False] * 12
