"""VCS configuration: the haconf transaction, hagrp/hares configuration commands, their
messages and exit codes, and the main.cf that haconf -dump writes."""
import os

from infoscale_sim.vcs import maincf

from .conftest import SAMPLES, sample_lines
from .vcs_sim import vsim  # noqa: F401 (fixture)

RO = "VCS WARNING V-16-1-10016 Configuration must be ReadWrite : Use haconf -makerw\n"


def _maincf(sim, node="prod-n1"):
    with open(maincf.config_path(sim.state, node), encoding="utf-8") as handle:
        return handle.read()


# ------------------------------------------------------------------ transaction

def test_fresh_cluster_is_read_only_with_running_systems_and_no_groups(vsim):
    assert vsim.ok("haclus -value ReadOnly") == "1\n"
    assert vsim.ok("hasys -list") == "prod-n1\nprod-n2\nprod-n3\n"
    assert vsim.ok("hasys -state").splitlines() == [
        "#System    Attribute               Value",
        "prod-n1    SysState                RUNNING",
        "prod-n2    SysState                RUNNING",
        "prod-n3    SysState                RUNNING"]
    failed = vsim.fail("hagrp -state")
    assert (failed.rc, failed.err) == (1, "VCS WARNING V-16-1-50031 No Groups are configured\n")
    assert vsim.ok("haclus -value ClusterName", node="dr-n2") == "drclus\n"


def test_modifying_commands_need_a_writable_configuration(vsim):
    for command in ("hagrp -add SG1", "hares -add r1 IP SG1", "hagrp -link a b online local"):
        failed = vsim.fail(command)
        assert (failed.rc, failed.out, failed.err) == (1, "", RO)
    assert vsim.log(changed_only=True) == []


def test_makerw_and_dump_messages(vsim):
    assert vsim.run("haconf -makerw").out == ""
    failed = vsim.fail("haconf -makerw")
    assert (failed.rc, failed.err) == (1, "VCS WARNING V-16-1-10364 Cluster already writable\n")
    assert vsim.ok("haclus -value ReadOnly") == "0\n"
    vsim.ok("haconf -dump")                      # stays writable
    assert vsim.ok("haclus -value ReadOnly") == "0\n"
    vsim.ok("haconf -dump -makero")
    failed = vsim.fail("haconf -dump -makero")
    assert (failed.rc, failed.err) == (1, "VCS WARNING V-16-1-10369 Cluster not writable\n")
    failed = vsim.fail("haconf -makero")
    assert failed.rc == 1 and failed.err.splitlines()[0] == "Usage:"


def test_dump_writes_main_cf_on_every_running_node_and_makerw_marks_it_stale(vsim):
    folder = os.path.dirname(maincf.config_path(vsim.state, "prod-n2"))
    assert os.path.exists(os.path.join(folder, "main.cf")) and os.path.exists(os.path.join(folder, "types.cf"))
    vsim.ok("haconf -makerw")
    assert os.path.exists(os.path.join(folder, ".stale"))
    vsim.ok("hagrp -add SG1")
    assert "group SG1" not in _maincf(vsim, "prod-n2")
    vsim.ok("haconf -dump -makero", node="prod-n3")
    for node in ("prod-n1", "prod-n2", "prod-n3"):
        assert "group SG1 (" in _maincf(vsim, node)
    assert not os.path.exists(os.path.join(folder, ".stale"))
    assert "group SG1" not in open(maincf.config_path(vsim.state, "dr-n1")).read()


def test_infoscale_sim_maincf_prints_the_dumped_file(vsim, capsys):
    vsim.configure("hagrp -add SG1")
    vsim.ok("haconf -makerw")
    vsim.ok("hagrp -add SG2")
    assert vsim.admin("maincf", "--cluster", "prodclus") == 0
    dumped = capsys.readouterr().out
    assert dumped == _maincf(vsim) and "group SG1 (" in dumped and "SG2" not in dumped
    assert vsim.admin("maincf", "--node", "prod-n2", "--running") == 0
    assert "group SG2 (" in capsys.readouterr().out


# ------------------------------------------------------------------ hagrp configuration

def test_hagrp_add_prints_the_notice_on_stdout(vsim):
    vsim.ok("haconf -makerw")
    result = vsim.run("hagrp -add SG1")
    real = sample_lines("vcs_cli_session_1.txt")[2]
    assert (result.rc, result.out, result.err) == (0, real + "\n", "")
    failed = vsim.fail("hagrp -add SG1")
    assert failed.err == "VCS WARNING V-16-1-10131 Group SG1 already exists\n"
    failed = vsim.fail("hagrp -add 1bad")
    assert failed.err == "VCS WARNING V-16-1-10145 Invalid group name: 1bad\n"


def test_group_attribute_modification_forms(vsim):
    vsim.ok("haconf -makerw")
    vsim.ok("hagrp -add SG1")
    assert vsim.run("hagrp -modify SG1 SystemList prod-n1 0 prod-n2 1").out == ""
    vsim.ok("hagrp -modify SG1 SystemList -add prod-n3 2")
    vsim.ok("hagrp -modify SG1 SystemList -update prod-n3 5")
    assert vsim.ok("hagrp -value SG1 SystemList") == "prod-n1\t0\tprod-n2\t1\tprod-n3\t5\n"
    vsim.ok("hagrp -modify SG1 SystemList -delete prod-n2")
    assert vsim.ok("hagrp -value SG1 SystemList") == "prod-n1\t0\tprod-n3\t5\n"
    vsim.ok("hagrp -modify SG1 AutoStartList prod-n1 prod-n3")
    failed = vsim.fail("hagrp -modify SG1 AutoStartList -add prod-n1")
    assert failed.err == "VCS WARNING V-16-1-10563 Entry prod-n1 already exists in the keylist\n"
    failed = vsim.fail("hagrp -modify SG1 AutoStartList -delete prod-n2")
    assert failed.err == "VCS WARNING V-16-1-10566 Entry prod-n2 does not exist in the keylist\n"
    vsim.ok("hagrp -modify SG1 AutoStartList -delete prod-n3")
    assert vsim.ok("hagrp -value SG1 AutoStartList") == "prod-n1\n"
    vsim.ok("hagrp -modify SG1 AutoStartList -delete -keys")
    assert vsim.ok("hagrp -value SG1 AutoStartList") == "\n"
    vsim.ok("hagrp -modify SG1 Parallel 1")
    vsim.ok("hagrp -modify SG1 OnlineRetryLimit 3")
    assert vsim.ok("hagrp -display SG1 -attribute Parallel OnlineRetryLimit").splitlines() == [
        "#Group       Attribute             System     Value",
        "SG1          OnlineRetryLimit      global     3",
        "SG1          Parallel              global     1"]


def test_group_modify_errors(vsim):
    vsim.ok("haconf -makerw")
    vsim.ok("hagrp -add SG1")
    cases = {
        "hagrp -modify SG1 Bogus 1": "VCS WARNING V-16-1-10325 Attribute Bogus does not exist for group SG1",
        "hagrp -modify SG1 State ONLINE": "VCS WARNING V-16-1-10327 Attribute State cannot be modified",
        "hagrp -modify SG1 Frozen 1": "VCS WARNING V-16-1-10327 Attribute Frozen cannot be modified",
        "hagrp -modify SG1 Parallel yes": "VCS WARNING V-16-1-10328 Invalid value: integer value expected "
                                          "for Parallel: yes",
        "hagrp -modify SG1 SystemList nohost 0": "VCS WARNING V-16-1-51051 System nohost does not exist "
                                                 "in the cluster",
        "hagrp -modify SG1 SystemList prod-n1": "VCS WARNING V-16-1-10328 Invalid value: attribute "
                                                "SystemList takes key value pairs",
        "hagrp -modify SG1 Parallel 1 -sys prod-n1": "VCS WARNING V-16-1-10550 Attribute Parallel is "
                                                     "global; -sys cannot be used",
        "hagrp -modify NoSG Parallel 1": "VCS WARNING V-16-1-12130 Group NoSG does not exist",
    }
    for command, message in cases.items():
        failed = vsim.fail(command)
        assert (failed.rc, failed.err) == (1, message + "\n"), command
    failed = vsim.fail("hagrp -modify SG1 Parallel 1 -bogus")
    assert failed.err.startswith("VCS WARNING V-16-1-10601 Invalid option -bogus\nUsage:\n")


def test_unknown_actions_and_options_print_the_usage(vsim):
    for command in ("hagrp", "hagrp -frobnicate SG1", "hares -state -bogus", "hastatus", "hasys -bogus",
                    "haclus -bogus", "hatype -bogus", "haconf"):
        failed = vsim.fail(command)
        assert failed.rc == 1 and "Usage:" in failed.err.splitlines(), command
        assert failed.out == ""


def test_group_links_are_validated(vsim):
    vsim.ok("haconf -makerw")
    for g in ("web", "app", "db"):
        vsim.ok("hagrp -add %s" % g)
    assert vsim.run("hagrp -link web app online global soft").out == ""
    vsim.ok("hagrp -link app db online local")            # rigidity defaults to firm
    cases = {
        "hagrp -link db web online local firm": "VCS WARNING V-16-1-10149 Linking db to web would create "
                                                "a dependency cycle",
        "hagrp -link web app online local firm": "VCS WARNING V-16-1-10148 Group web already depends on "
                                                 "group app",
        "hagrp -link web db online remote hard": "VCS WARNING V-16-1-10144 Invalid group dependency: "
                                                "hard dependencies must be online local",
        "hagrp -link web db offline global": "VCS WARNING V-16-1-10144 Invalid group dependency: offline "
                                             "dependencies must be local",
        "hagrp -link web db sideways local": "VCS WARNING V-16-1-10144 Invalid group dependency: sideways local",
        "hagrp -link web nosuch online local": "VCS WARNING V-16-1-10133 Group does not exist: nosuch",
        "hagrp -unlink web db": "VCS WARNING V-16-1-10146 Could not unlink groups web and db: no such dependency",
    }
    for command, message in cases.items():
        failed = vsim.fail(command)
        assert (failed.rc, failed.err) == (1, message + "\n"), command
    assert vsim.ok("hagrp -dep app").splitlines() == [
        "#Parent        Child           Relationship",
        "app            db              online local firm",
        "web            app             online global soft"]
    vsim.ok("hagrp -unlink web app")
    assert vsim.ok("hagrp -dep").splitlines()[1:] == ["app            db              online local firm"]
    failed = vsim.fail("hagrp -dep web")
    assert failed.err == "VCS WARNING V-16-1-50035 No Group dependencies are configured\n"
    failed = vsim.fail("hagrp -delete db")
    assert failed.err == "VCS WARNING V-16-1-10166 Group db has dependencies; unlink them first\n"


# ------------------------------------------------------------------ hares configuration

def test_hares_add_modify_link_like_the_real_session(vsim):
    real = sample_lines("vcs_cli_session_1.txt")
    vsim.ok("haconf -makerw")
    vsim.ok("hagrp -add SG1")
    result = vsim.run("hares -add SG-ip IP SG1")
    assert (result.rc, result.out) == (0, real[7] + "\n")
    for command in ('hares -modify SG-ip Enabled 1', 'hares -modify SG-ip Device enp0s3',
                    'hares -modify SG-ip Address "192.168.9.150"', 'hares -modify SG-ip NetMask "255.255.255.0"',
                    "hares -add SG-nic NIC SG1", "hares -modify SG-nic Device enp0s3",
                    "hares -modify SG-nic Enabled 1", "hares -link SG-ip SG-nic"):
        assert vsim.run(command).rc == 0
    assert vsim.ok("hagrp -resources SG1") == "SG-ip\nSG-nic\n"
    assert vsim.ok("hares -dep SG-nic").splitlines() == [
        "#Group        Parent                       Child",
        "SG1           SG-ip                        SG-nic"]
    assert vsim.ok("hares -value SG-ip Address") == "192.168.9.150\n"


def test_hares_errors(vsim):
    vsim.ok("haconf -makerw")
    vsim.ok("hagrp -add SG1")
    vsim.ok("hagrp -add SG2")
    vsim.ok("hares -add r1 Application SG1")
    vsim.ok("hares -add r2 Process SG1")
    vsim.ok("hares -add r3 Process SG2")
    cases = {
        "hares -add r9 NoSuchType SG1": "VCS WARNING V-16-1-10212 Resource type NoSuchType does not exist",
        "hares -add r9 IP NoSG": "VCS WARNING V-16-1-12130 Group NoSG does not exist",
        "hares -add r1 IP SG1": "VCS WARNING V-16-1-10257 Resource r1 already exists",
        "hares -modify r1 Address 1.2.3.4": "VCS WARNING V-16-1-10325 Attribute Address does not exist for "
                                            "resource r1",
        "hares -modify r1 Type IP": "VCS WARNING V-16-1-10327 Attribute Type cannot be modified",
        "hares -modify nores Critical 0": "VCS WARNING V-16-1-10260 Resource nores does not exist",
        "hares -modify r1 Critical 2": "VCS WARNING V-16-1-10328 Invalid value: boolean value expected for "
                                       "Critical: 2",
        "hares -link r1 r3": "VCS WARNING V-16-1-10253 Cannot link resources: r1 and r3 are in different groups",
        "hares -unlink r1 r2": "VCS WARNING V-16-1-10254 Resource r1 does not depend on resource r2",
        "hares -dep r1": "VCS WARNING V-16-1-50034 No Resource dependencies are configured",
        "hares -display nores": "VCS WARNING V-16-1-40130 Resource nores does not exist in the local cluster",
    }
    for command, message in cases.items():
        failed = vsim.fail(command)
        assert (failed.rc, failed.err) == (1, message + "\n"), command
    vsim.ok("hares -link r1 r2")
    failed = vsim.fail("hares -link r2 r1")
    assert failed.err == "VCS WARNING V-16-1-10253 Cannot link resources: linking r2 to r1 would create a cycle\n"
    failed = vsim.fail("hares -delete r2")
    assert failed.err == "VCS WARNING V-16-1-10249 Resource r2 has dependencies; unlink them first\n"
    failed = vsim.fail("hagrp -delete SG1")
    assert failed.err == "VCS WARNING V-16-1-10164 Group SG1 has resources; delete them first\n"
    vsim.ok("hares -unlink r1 r2")
    vsim.ok("hares -delete r2")
    vsim.ok("hares -delete r3")
    vsim.ok("hagrp -delete SG2")
    assert sorted(vsim.vcs()["groups"]) == ["SG1"]


def test_local_attributes_and_percent_escape(vsim):
    vsim.ok("haconf -makerw")
    vsim.ok("hagrp -add SG1")
    vsim.ok("hagrp -modify SG1 SystemList prod-n1 0 prod-n2 1")
    vsim.ok("hares -add nic NIC SG1")
    vsim.ok("hares -add mnt Mount SG1")
    failed = vsim.fail("hares -modify nic Device eth0 -sys prod-n1")
    assert failed.err == "VCS WARNING V-16-1-10550 Attribute Device is global; -sys cannot be used\n"
    vsim.ok("hares -local nic Device")
    failed = vsim.fail("hares -modify nic Device eth0")
    assert failed.err == "VCS WARNING V-16-1-10551 Attribute Device is local; specify the system with -sys\n"
    vsim.ok("hares -modify nic Device eth0 -sys prod-n1")
    vsim.ok("hares -modify nic Device bond1 -sys prod-n2")
    vsim.ok("hares -modify mnt FsckOpt %-y")
    vsim.ok("hares -modify nic NetworkHosts 10.0.0.1 10.0.0.2")
    assert vsim.ok("hares -display nic -attribute Device").splitlines() == [
        "#Resource        Attribute                System     Value",
        "nic              Device                   prod-n1    eth0",
        "nic              Device                   prod-n2    bond1"]
    assert vsim.ok("hares -value nic Device prod-n2") == "bond1\n"
    assert vsim.ok("hares -value nic Device", node="prod-n1") == "eth0\n"
    assert vsim.ok("hares -value mnt FsckOpt") == "-y\n"
    vsim.ok("haconf -dump")
    text = _maincf(vsim)
    assert '\t\tDevice @prod-n1 = eth0\n\t\tDevice @prod-n2 = bond1\n' in text
    assert '\t\tNetworkHosts = { "10.0.0.1", "10.0.0.2" }\n' in text
    assert '\t\tFsckOpt = "-y"\n' in text


# ------------------------------------------------------------------ main.cf

def _sample_group_block(name):
    """Lines of a sample main.cf from `group <name> (` to the end (comments kept)."""
    lines = (SAMPLES / name).read_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("group "))
    return lines[start:]


def test_main_cf_reproduces_the_real_fragment(vsim):
    """samples/maincf_fragment_1.cf (tabs expanded to 8 columns in that capture)."""
    vsim.configure(
        "hagrp -add SG1", "hagrp -modify SG1 SystemList prod-n1 0 prod-n2 1",
        "hagrp -modify SG1 AutoStartList prod-n1 prod-n2",
        "hares -add SG-ip IP SG1", "hares -modify SG-ip Enabled 1", "hares -modify SG-ip Device enp0s3",
        'hares -modify SG-ip Address "192.168.9.150"', 'hares -modify SG-ip NetMask "255.255.255.0"',
        "hares -add SG-nic NIC SG1", "hares -modify SG-nic Device enp0s3", "hares -modify SG-nic Enabled 1",
        "hares -link SG-ip SG-nic")
    ours = _maincf(vsim).expandtabs(8).replace("prod-n1", "verclus01").replace("prod-n2", "verclus02")
    expected = _sample_group_block("maincf_fragment_1.cf")
    start = ours.splitlines().index("group SG1 (")
    assert ours.splitlines()[start:start + len(expected)] == expected
    assert ours.splitlines()[start + len(expected):] == ["", ""]


def test_main_cf_layout_matches_the_hacf_file(vsim):
    """samples/maincf_2_linbit_drbd.cf (tabs): header, system blocks, a group without
    dependencies (three blank lines before the tree), group dependencies, Mount layout."""
    vsim.configure(
        "hagrp -add DRBDGrp", "hagrp -modify DRBDGrp SystemList prod-n1 0 prod-n2 1",
        "hagrp -modify DRBDGrp Parallel 1", "hagrp -modify DRBDGrp AutoStartList prod-n1 prod-n2",
        "hares -add r0conf Application DRBDGrp", "hares -modify r0conf User r0", "hares -modify r0conf Enabled 1",
        "hagrp -add DRBDPriGrp", "hagrp -modify DRBDPriGrp SystemList prod-n1 0 prod-n2 1",
        "hagrp -modify DRBDPriGrp AutoStartList prod-n1 prod-n2",
        "hares -add r0primary Application DRBDPriGrp", "hares -modify r0primary User r0",
        "hares -modify r0primary Enabled 1",
        "hares -add r0mount Mount DRBDPriGrp", "hares -modify r0mount FSType ext4",
        "hares -modify r0mount FsckOpt %-y", "hares -modify r0mount MountPoint /mnt/r0",
        "hares -modify r0mount BlockDevice /dev/drbd0", "hares -link r0mount r0primary",
        "hares -modify r0mount Enabled 1", "hagrp -link DRBDPriGrp DRBDGrp online local hard")
    real = (SAMPLES / "maincf_2_linbit_drbd.cf").read_text().splitlines()[1:]
    ours = _maincf(vsim).splitlines()
    names = {"linbit01": "prod-n1", "linbit02": "prod-n2", "linbittestcluster": "prodclus",
             "DRBDConfigure": "Application", "DRBDPrimary": "Application", "ResName": "User"}

    def norm(line):
        for old, new in names.items():
            line = line.replace(old, new)
        return line

    real = [norm(line) for line in real if not line.startswith("include") or line == 'include "types.cf"']
    real = [line for line in real if "UserNames" not in line]
    ours = [line for line in ours if "UserNames" not in line]
    third = ours.index("system prod-n3 (")
    assert ours[third:third + 3] == ["system prod-n3 (", "\t)", ""]
    assert ours[:third] + ours[third + 3:] == real


def test_types_cf_declares_the_bundled_types(vsim):
    folder = os.path.dirname(maincf.config_path(vsim.state, "prod-n1"))
    text = open(os.path.join(folder, "types.cf")).read()
    assert "type KVMGuest (\n\tstatic str ArgList[] = { GuestName, DelayAfterGuestOnline," in text
    assert "\tint DelayAfterGuestOnline = 5\n" in text
    assert "\tstr RHEVMInfo{} = { Enabled = 0, URL = NONE," in text
    for name in ("Application", "DiskGroup", "IP", "Mount", "NIC", "Phantom", "Process", "Proxy", "RVG",
                 "RVGPrimary", "RVGSnapshot", "Volume"):
        assert "type %s (\n" % name in text
    assert vsim.ok("hatype -list").split() == sorted(
        ["Application", "DiskGroup", "IP", "KVMGuest", "Mount", "NIC", "Phantom", "Process", "Proxy",
         "RVG", "RVGPrimary", "RVGSnapshot", "Volume"])
    assert vsim.ok("hatype -value RVGPrimary ArgList") == (
        "RvgResourceName AutoTakeover AutoResync BunkerSyncTimeOut BunkerSyncElapsedTime\n")


# ------------------------------------------------------------------ estate settings

ESTATE_GROUPS = """vcs:
  online_times: {Application: 8}
  groups:
    prodclus:
      - name: ClusterService
        system_list: [prod-n2, prod-n1]
        autostart: true
        resources:
          - {name: csgnic, type: NIC, attributes: {Device: eth0}}
          - {name: webip, type: IP, attributes: {Device: eth0, Address: 10.0.0.10}, requires: [csgnic]}
"""


def test_estate_groups_exist_from_the_start(tmp_path):
    from .vcs_sim import make

    sim = make(tmp_path, extra=ESTATE_GROUPS)
    assert sim.group_state("ClusterService", "prod-n2") == "ONLINE"
    assert sim.group_state("ClusterService", "prod-n1") == "OFFLINE"
    assert sim.ok("hares -dep webip").splitlines()[1].split() == ["ClusterService", "webip", "csgnic"]
    assert sim.vcs()["times"]["online"] == {"Application": 8.0}
    text = _maincf(sim, "prod-n3")
    assert "\tSystemList = { prod-n2 = 0, prod-n1 = 1 }\n\tAutoStartList = { prod-n2, prod-n1 }\n" in text
    assert '\t\tAddress = "10.0.0.10"\n' in text


def test_invalid_vcs_settings_are_refused(tmp_path):
    import pytest

    from infoscale_sim import estate
    from infoscale_sim.errors import EstateError

    base = {"name": "e", "sites": [{"name": "s", "clusters": [
        {"name": "c1", "nodes": ["n1", "n2"], "disks": {"count": 1, "size": "1g", "enclosure": "x"}}]}]}
    cases = {
        "online_times": ({"online_times": {"Bogus": 1}}, "vcs.online_times: unknown resource type 'Bogus'"),
        "negative": ({"offline_times": {"IP": -1}}, "vcs.offline_times.IP: must be a number of seconds >= 0"),
        "cluster": ({"groups": {"c9": []}}, "vcs.groups: unknown cluster 'c9'"),
        "attr": ({"groups": {"c1": [{"name": "g", "resources": [{"name": "r", "type": "IP",
                                                                   "attributes": {"Bogus": 1}}]}]}},
                 "resources[0].attributes: IP has no attribute 'Bogus'"),
        "system": ({"groups": {"c1": [{"name": "g", "system_list": ["n7"]}]}}, "systems must be nodes of the cluster"),
    }
    for name, (vcs, message) in cases.items():
        with pytest.raises(EstateError) as info:
            estate.validate(dict(base, vcs=vcs), source="f.yml")
        assert message in str(info.value), name


def test_admin_errors_name_the_problem(vsim, capsys):
    assert vsim.admin("fault", "resource", "nores", "--cluster", "prodclus") == 1
    assert "no resource 'nores' in cluster prodclus" in capsys.readouterr().err
    assert vsim.admin("fault", "restore-node", "prod-n1") == 1
    assert "node prod-n1 is up" in capsys.readouterr().err
    assert vsim.admin("timing", "nores", "--cluster", "prodclus", "--online", "3") == 1
    assert vsim.admin("fault", "crash-node", "nonode") == 1
    assert "unknown node 'nonode'" in capsys.readouterr().err
