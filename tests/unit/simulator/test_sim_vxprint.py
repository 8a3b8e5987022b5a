"""vxprint: column rules checked against real captures, forms, selectors, -F, errors."""
import pytest

from infoscale_sim.admin import state as admin_state
from infoscale_sim.vxvm import vxprint_format as fmt
from .conftest import Sim, sample_lines


def _rows(name, prefixes):
    return [l for l in sample_lines(name) if l[:3].rstrip() in prefixes]


@pytest.mark.parametrize("name", ["vxprint_g_1.txt", "vxprint_v_1.txt", "vxresize_session_1.txt"])
def test_default_rows_rebuild_real_captures_exactly(name):
    rows = _rows(name, {"TY", "dg", "dm", "v", "pl", "sd"})
    assert rows
    for line in rows:
        assert fmt.tabbed(line.split(), fmt.STOPS_DEFAULT) == line


@pytest.mark.parametrize("name", ["vxprint_htr_1.txt", "vxprint_t_um_1.txt"])
def test_t_rows_rebuild_real_captures_exactly(name):
    rows = _rows(name, {"dg", "dm", "v", "pl", "sd", "dc", "vt"})
    assert rows
    for line in rows:
        assert fmt.tabbed(line.split(), fmt.STOPS_T) == line


def test_header_block_is_the_real_one():
    lines = sample_lines("vxprint_htr_1.txt")
    start = lines.index("DG NAME         NCONFIG      NLOG     MINORS   GROUP-ID")
    assert tuple(lines[start:start + 16]) == fmt.HEADER_BLOCK
    assert sample_lines("vxprint_g_1.txt")[1] == fmt.HEADER_DEFAULT


def _estate(tmp_path, sectors, enclosure):
    path = tmp_path / "estate.yml"
    path.write_text("name: lab\nsites:\n- name: s\n  clusters:\n  - name: c\n    nodes: [h1, h2]\n"
                    "    disks: {count: 2, size: %d, enclosure: %s}\n" % (sectors, enclosure))
    sim = Sim(tmp_path)
    admin_state.init(str(path), sim.state, sim.inventory)
    return sim


def test_default_form_reproduces_sample_vxprint_g_1(tmp_path):
    sim = _estate(tmp_path, 633534160 + 65840, "emc")
    sim.ok("vxdisksetup -i emc_0", "h1")
    sim.ok("vxdg init indus_1c6 emcpower1=emc_0", "h1")
    sim.ok("vxassist -g indus_1c6 make indus_1c6_vol1 633532416", "h1")
    real = sample_lines("vxprint_g_1.txt")
    expected = "\n".join(real[1:9]).replace("emcpower1    emcpower1", "emcpower1    emc_0    ") + "\n"
    assert sim.ok("vxprint -g indus_1c6", "h1") == expected
    assert sim.fail("vxassist -g indus_1c6 maxsize", "h1").err == real[10] + "\n"


def test_vxresize_session_reproduces_sample(tmp_path):
    sim = _estate(tmp_path, 648894160 + 65840, "emc")
    sim.ok("vxdisksetup -i emc_0", "h1")
    sim.ok("vxdg init indus_1c6 emcpower1=emc_0", "h1")
    sim.ok("vxassist -g indus_1c6 make indus_1c6_vol1 648892416", "h1")
    real = sample_lines("vxresize_session_1.txt")
    expected = "\n".join(real[1:9]).replace("emcpower1    emcpower1", "emcpower1    emc_0    ") + "\n"
    assert sim.ok("vxprint -g indus_1c6", "h1") == expected
    assert sim.ok("vxresize -F vxfs -g indus_1c6 indus_1c6_vol1 648894160", "h1") == ""
    assert "sd emcpower1-01 indus_1c6_vol1-01 ENABLED 648894160 0   -        -       -" in sim.ok(
        "vxprint -g indus_1c6", "h1")


def test_htr_without_g_matches_sample_shape(tmp_path):
    sim = _estate(tmp_path, 2147483648, "disk")
    sim.ok("vxdisksetup -i disk_0", "h1")
    sim.ok("vxdg init vrts_kube_dg-59131 disk_0", "h1")
    sim.ok("vxassist -g vrts_kube_dg-59131 make vol_c51h5spa1dkn01c4076c 62914560", "h1")
    out = sim.ok("vxprint -htr", "h1").splitlines()
    real = sample_lines("vxprint_htr_1.txt")[1:]
    assert out[:19] == real[:19]                 # Disk group line, blank, header block, blank
    assert out[19].startswith("dg vrts_kube_dg-59131 default default 10000    ")
    assert out[20:23] == real[20:23]             # blank, dm row, blank
    assert out[23:26] == [
        "v  vol_c51h5spa1dkn01c4076c - ENABLED ACTIVE   62914560 SELECT    -        fsgen",
        "pl vol_c51h5spa1dkn01c4076c-01 vol_c51h5spa1dkn01c4076c ENABLED ACTIVE 62914560 CONCAT - RW",
        # short DISKOFFS: the row falls back onto the tab stops ("0   disk_0   ENA")
        "sd disk_0-01    vol_c51h5spa1dkn01c4076c-01 disk_0 0 62914560 0   disk_0   ENA"]
    assert out[23:25] == real[23:25]
    assert out[26] == ""
    # with -g: the same without the "Disk group:" line and its blank line
    assert sim.ok("vxprint -g vrts_kube_dg-59131 -htr", "h1").splitlines() == out[2:26]


def test_v_without_g_matches_sample_vxprint_v_1_shape(tmp_path):
    sim = _estate(tmp_path, 2147483648, "disk")
    sim.ok("vxdisksetup -i disk_0", "h1")
    sim.ok("vxdg init vrts_kube_dg-59131 disk_0", "h1")
    sim.ok("vxassist -g vrts_kube_dg-59131 make vol_c51h5spa1dkn01c4076c 62914560", "h1")
    real = sample_lines("vxprint_v_1.txt")
    assert sim.ok("vxprint -v", "h1") == "\n".join(real[1:4]) + "\n\n"
    hdr = sim.ok("vxprint -hdr", "h1")
    assert hdr == "\n".join(real[12:16]) + "\n\n"


def test_each_group_gets_a_disk_group_block(sim_dg):
    sim = sim_dg
    sim.ok("vxdisksetup -i emc0_5")
    sim.ok("vxdg init adg emc0_5")
    sim.ok("vxassist -g adg make a 1g")
    sim.ok("vxassist -g dg1 make b 1g")
    out = sim.ok("vxprint -v -q -F '%dgname/%name'")
    assert out == "adg/a\ndg1/b\n"
    out = sim.ok("vxprint -v")
    assert out.splitlines()[0] == "Disk group: adg" and "Disk group: dg1" in out
    assert sim.ok("vxprint", node="prod-n2") == ""


def test_module_read_forms(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make v1 1g")
    sim.ok("vxassist -g dg1 make v2 2g layout=mirror")
    assert sim.ok("vxprint -g dg1 -q -v -F '%name %devopen'") == "v1 off\nv2 off\n"
    admin_state.set_open(sim.state, "prod-n1", "dg1/v2", True)
    assert sim.ok("vxprint -g dg1 -q -v -F '%name %devopen'") == "v1 off\nv2 on\n"
    out = sim.ok("vxprint -g dg1 -v -q -F '%name %len %kstate %state %assoc %use_type %layout %ncol %nmirror'")
    assert out == "v1 2097152 ENABLED ACTIVE fsgen fsgen concat 1 1\nv2 4194304 ENABLED ACTIVE fsgen fsgen mirror 1 2\n"
    out = sim.ok("vxprint -g dg1 -s -q -F '%name %da_name %dm_name %dgname %{len:10}|'")
    assert out.splitlines()[0] == "emc0_0-01 emc0_0 emc0_0 dg1    2097152|"
    assert sim.ok("vxprint -g dg1 -F '%{name} - %{len}' -u m v1") == "v1 - 1024.00m\n"
    assert sim.ok("vxprint -g dg1 -m -F %devopen v2") == "on\n"


def test_forms_t_q_r_l_n_m(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make v1 1g")
    t = sim.ok("vxprint -g dg1 -t").splitlines()
    assert [l[:3] for l in t] == ["dg ", "dm ", "dm ", "dm ", "sd ", "pl ", "v  "]
    assert t[6] == "v  v1           -            ENABLED  ACTIVE   2097152  SELECT    -        fsgen"
    assert sim.ok("vxprint -g dg1 -htq").splitlines()[0].startswith("dg dg1 ")
    assert sim.ok("vxprint -g dg1 -q").splitlines()[0].startswith("dg dg1 ")
    assert sim.ok("vxprint -g dg1 -vr").splitlines() == [
        "TY NAME         ASSOC        KSTATE   LENGTH   PLOFFS   STATE    TUTIL0  PUTIL0",
        "v  v1           fsgen        ENABLED  2097152  -        ACTIVE   -       -",
        "pl v1-01        v1           ENABLED  2097152  -        ACTIVE   -       -",
        "sd emc0_0-01    v1-01        ENABLED  2097152  0        -        -       -"]
    assert sim.ok("vxprint -g dg1 -n") == "dg1\nemc0_0\nemc0_1\nemc0_2\nemc0_0-01\nv1-01\nv1\n"
    assert sim.ok("vxprint -g dg1 -G -n") == "dg1\n"
    assert sim.ok("vxprint -g dg1 -d -n") == "emc0_0\nemc0_1\nemc0_2\n"
    assert sim.ok("vxprint -g dg1 -p -n") == "v1-01\n"
    long = sim.ok("vxprint -g dg1 -l v1").splitlines()
    assert long[0] == "Volume:   v1" and "info:     len=2097152" in long
    assert "device:   minor=10000 bdev=199/10000 cdev=199/10000 path=/dev/vx/dsk/dg1/v1" in long
    dg_long = sim.ok("vxprint -l dg1").splitlines()
    real = sample_lines("vxdg_list_2_detail.txt")
    start = real.index("root@vmnode1:~# vxprint -l dg_sap") + 1
    assert [l.split(":")[0] for l in dg_long] == [l.split(":")[0] for l in real[start:start + 14]]
    assert dg_long[-2:] == ["cds=on", ""]
    m = sim.ok("vxprint -g dg1 -m v1").splitlines()
    assert m[0] == "vol v1" and "\tlen=2097152" in m and "\tdevopen=off" in m


def test_units(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make v1 1g")
    rows = sim.ok("vxprint -g dg1 -t -u m").splitlines()
    assert rows[1] == "dm emc0_0       emc0_0       auto     32.00m   102367.85m -"
    assert rows[4] == "sd emc0_0-01    v1-01        emc0_0   0.00m    1024.00m 0.00m     emc0_0   ENA"
    assert sim.ok("vxprint -g dg1 -v -q -F '%len' -u g") == "1.00g\n"
    assert sim.fail("vxprint -g dg1 -u z").err == "VxVM vxprint ERROR V-5-1-3001 Invalid unit: z\n"


def test_names_and_missing_records(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make v1 1g")
    assert sim.ok("vxprint -g dg1 -q v1-01").splitlines() == [
        "pl v1-01        v1           ENABLED  2097152  -        ACTIVE   -       -",
        "sd emc0_0-01    v1-01        ENABLED  2097152  0        -        -       -"]
    failed = sim.fail("vxprint -g dg1 v1 nothere")
    assert failed.rc == 11
    assert failed.err == "VxVM vxprint ERROR V-5-1-924 Record nothere not found\n"
    assert failed.out.splitlines()[1].startswith("v  v1 ")


def test_errors(sim_dg):
    sim = sim_dg
    failed = sim.fail("vxprint -g dg1 -v")
    assert (failed.rc, failed.out, failed.err) == (11, "", "")
    failed = sim.fail("vxprint -g nodg")
    assert (failed.rc, failed.err) == (11, "VxVM vxprint ERROR V-5-1-582 Disk group nodg: No such disk group\n")
    failed = sim.fail("vxprint -g dg1 -F '%name %bogus'")
    assert failed.err == "VxVM vxprint ERROR V-5-1-1154 Unknown field name: bogus\n"
    failed = sim.fail("vxprint -g dg1 -Z")
    assert failed.err.startswith("vxprint: illegal option -- Z\nVxVM vxprint ERROR V-5-1-2 Usage: vxprint ")
    assert sim.fail("vxprint -g").err.startswith("vxprint: option requires an argument -- g\n")
