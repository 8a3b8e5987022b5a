"""vxassist: allocation, alignment, layouts, grow/shrink, maxsize, errors."""
import pytest

from infoscale_sim.admin import state as admin_state

ALL8 = tuple("emc0_%d" % i for i in range(8))
PUBLEN = 209715200 - 65840      # 100 GiB cdsdisk


def subdisks(sim, dg):
    """[(name, plex, dm, offset, length, col/off)] from vxprint -s rows."""
    out = sim.ok(["vxprint", "-g", dg, "-s", "-q", "-F", "%name %assoc %dm_name %offset %len"])
    return [tuple(int(x) if x.isdigit() else x for x in line.split()) for line in out.splitlines()]


def test_make_500m_is_1024000_sectors_on_one_subdisk(sim_dg):
    sim = sim_dg
    assert sim.run("vxassist -g dg1 make v1 500m").out == ""
    assert sim.volume_rows("dg1") == {"v1": 1024000}
    assert subdisks(sim, "dg1") == [("emc0_0-01", "v1-01", "emc0_0", 0, 1024000)]


@pytest.mark.parametrize("size, sectors", [
    ("1000", 1008), ("16", 16), ("1k", 16), ("8k", 16), ("1m", 2048), ("1M", 2048),
    ("2g", 4194304), ("3G", 6291456), ("100s", 112),
])
def test_sizes_and_cds_alignment(sim, size, sectors):
    sim.disk_group("dg1", ALL8[:6])
    sim.ok(["vxassist", "-g", "dg1", "make", "v", size])
    assert sim.volume_rows("dg1") == {"v": sectors}


def test_parse_length_units():
    from infoscale_sim.sizes import parse_length

    assert parse_length("1t") == 2147483648
    assert parse_length("2T") == 4294967296
    assert parse_length("7") == 7
    assert parse_length("") is None and parse_length("1.5g") is None and parse_length("-1") is None


def test_non_cds_group_does_not_align(sim):
    sim.ok("vxdisksetup -i emc0_0 format=simple")
    sim.ok("vxdg init plain emc0_0")
    sim.ok("vxassist -g plain make v 1001")
    assert sim.volume_rows("plain") == {"v": 1001}


@pytest.mark.parametrize("size", ["0", "abc", "5q", "-1", "1.5g", "10mb"])
def test_invalid_sizes_are_rejected(sim_dg, size):
    failed = sim_dg.fail(["vxassist", "-g", "dg1", "make", "v", size])
    assert failed.err == "VxVM vxassist ERROR V-5-1-5297 Invalid length: %s\n" % size
    assert sim_dg.fail("vxprint -g dg1 -v").rc == 11


def test_5g_stripe_over_8_columns(sim):
    sim.disk_group("dg8", ALL8)
    sim.ok("vxassist -b -g dg8 make stripe_1 5g layout=stripe ncol=8")
    assert sim.volume_rows("dg8") == {"stripe_1": 10485760}
    sds = subdisks(sim, "dg8")
    assert sorted(sd[2] for sd in sds) == list(ALL8)
    assert {sd[4] for sd in sds} == {1310720}
    pl = sim.ok("vxprint -g dg8 -ht stripe_1").splitlines()[-10:]
    assert pl[0] == "v  stripe_1     -            ENABLED  ACTIVE   10485760 SELECT    stripe_1-01 fsgen"
    assert pl[1] == "pl stripe_1-01  stripe_1     ENABLED  ACTIVE   10485760 STRIPE    8/128    RW"
    assert pl[2] == "sd emc0_0-01    stripe_1-01  emc0_0   0        1310720  0/0       emc0_0   ENA"
    assert pl[9] == "sd emc0_7-01    stripe_1-01  emc0_7   0        1310720  7/0       emc0_7   ENA"


def test_default_ncol_is_number_of_disks_up_to_8_and_lengths_round_to_stripe_width(sim):
    sim.disk_group("dg3", ALL8[:3])
    sim.ok("vxassist -g dg3 make s 5g layout=stripe")
    assert sim.ok("vxprint -g dg3 -q -v -F '%name %len %ncol %layout'") == "s 10485888 3 stripe\n"
    sim.ok("vxassist -g dg3 make s2 1m layout=stripe stripeunit=32k")
    assert sim.ok("vxprint -g dg3 -q -p -F '%name %layout %ncol %stripeunit' s2-01") == "s2-01 STRIPE 3 64\n"
    assert sim.volume_rows("dg3")["s2"] == 2112


def test_stripe_needs_two_disks(sim):
    sim.disk_group("one", ("emc0_0",))
    failed = sim.fail("vxassist -g one make s 1g layout=stripe")
    assert failed.err == "VxVM vxassist ERROR V-5-1-435 Cannot allocate space for 2097152 block volume\n"


def test_mirror_plexes_on_disjoint_disks(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make m 1g layout=mirror")
    sds = subdisks(sim, "dg1")
    assert [(sd[1], sd[2]) for sd in sds] == [("m-01", "emc0_0"), ("m-02", "emc0_1")]
    assert sim.ok("vxprint -g dg1 -q -v -F '%layout %nmirror'") == "mirror 2\n"
    sim.ok("vxassist -g dg1 make m3 1g layout=mirror nmirror=3")
    assert sorted(sd[2] for sd in subdisks(sim, "dg1") if sd[1].startswith("m3-")) == ["emc0_0", "emc0_1", "emc0_2"]
    failed = sim.fail("vxassist -g dg1 make m4 1g layout=mirror nmirror=4")
    assert failed.err == "VxVM vxassist ERROR V-5-1-435 Cannot allocate space for 2097152 block volume\n"


def test_mirror_cannot_put_both_copies_on_one_big_disk(sim_dg):
    sim = sim_dg
    # 150 GiB cannot fit two copies on three 100 GiB disks (each copy needs two disks)
    assert sim.fail("vxassist -g dg1 make m 150g layout=mirror").rc == 1
    sim.ok("vxassist -g dg1 make c 150g")
    assert [sd[2] for sd in subdisks(sim, "dg1")] == ["emc0_0", "emc0_1"]


def test_stripe_mirror_is_layered(sim):
    sim.disk_group("dg4", ALL8[:4])
    sim.ok("vxassist -g dg4 make sm 1g layout=stripe-mirror")
    rows = sim.ok("vxprint -g dg4 -htr sm").splitlines()
    body = rows[rows.index("") + 1:]
    assert [r.split()[0] for r in body] == ["v", "pl", "sv", "v2", "p2", "s2", "p2", "s2",
                                            "sv", "v2", "p2", "s2", "p2", "s2"]
    assert body[1] == "pl sm-03        sm           ENABLED  ACTIVE   2097152  STRIPE    2/128    RW"
    assert body[2] == "sv sm-S01       sm-03        sm-L01   1        1048576  0/0       2/2      ENA"
    assert body[3] == "v2 sm-L01       -            ENABLED  ACTIVE   1048576  SELECT    -        fsgen"
    assert body[4] == "p2 sm-P01       sm-L01       ENABLED  ACTIVE   1048576  CONCAT    -        RW"
    assert body[5] == "s2 emc0_0-01    sm-P01       emc0_0   0        1048576  0         emc0_0   ENA"
    assert body[8] == "sv sm-S02       sm-03        sm-L02   1        1048576  1/0       2/2      ENA"
    disks = [r.split()[3] for r in body if r.startswith("s2")]
    assert sorted(disks) == list(ALL8[:4])


def test_concat_mirror_is_layered_with_one_subvolume(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make cm 1g layout=concat-mirror nmirror=3")
    rows = [r for r in sim.ok("vxprint -g dg1 -ht cm").splitlines() if r[:2] in ("pl", "sv", "v2", "p2", "s2")]
    assert rows[0] == "pl cm-03        cm           ENABLED  ACTIVE   2097152  CONCAT    -        RW"
    assert rows[1] == "sv cm-S01       cm-03        cm-L01   1        2097152  0         3/3      ENA"
    assert [r.split()[0] for r in rows] == ["pl", "sv", "v2", "p2", "s2", "p2", "s2", "p2", "s2"]


def test_mirror_stripe(sim):
    sim.disk_group("dg4", ALL8[:4])
    sim.ok("vxassist -g dg4 make ms 1g layout=mirror-stripe")
    plexes = sim.ok("vxprint -g dg4 -q -p -F '%name %layout %ncol'")
    assert plexes == "ms-01 STRIPE 2\nms-02 STRIPE 2\n"
    assert sorted(sd[2] for sd in subdisks(sim, "dg4")) == list(ALL8[:4])


def test_layout_inferred_from_nmirror_and_ncol(sim):
    sim.disk_group("dg4", ALL8[:4])
    sim.ok("vxassist -g dg4 make a 1g nmirror=2")
    sim.ok("vxassist -g dg4 make b 1g ncol=2")
    sim.ok("vxassist -g dg4 make c 1g layout=nostripe")
    assert sim.ok("vxprint -g dg4 -q -v -F '%name %layout'") == "a mirror\nb stripe\nc concat\n"


def test_existing_name_is_rc_12(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make v1 1g")
    for name in ("v1", "v1-01", "emc0_0-01"):
        failed = sim.fail(["vxassist", "-g", "dg1", "make", name, "1g"])
        assert failed.rc == 12
        assert failed.err == ("VxVM vxassist ERROR V-5-1-10127 creating volume %s:\n"
                              "\tRecord already exists in disk group\n" % name)


def test_volume_bigger_than_free_space_fails_and_changes_nothing(sim_dg):
    sim = sim_dg
    before = sim.doc()
    failed = sim.fail("vxassist -g dg1 make big 301g")
    assert (failed.rc, failed.err) == (1, "VxVM vxassist ERROR V-5-1-435 Cannot allocate space for 631242752 block volume\n")
    assert sim.doc() == before
    assert sim.log()[-1]["changed"] is False
    # exactly the free space fits
    sim.ok(["vxassist", "-g", "dg1", "make", "all", str(3 * PUBLEN)])
    assert [sd[4] for sd in subdisks(sim, "dg1")] == [PUBLEN] * 3
    assert sim.fail("vxassist -g dg1 make more 16").rc == 1


def _maxsize(sectors, unit=2048):
    """Whole MiB that are also whole stripe widths (unit = lcm(2048, ncol * stripeunit))."""
    size = sectors // unit * unit
    return "Maximum volume size: %d (%dMb)\n" % (size, size // 2048)


def test_maxsize(sim_dg):
    sim = sim_dg
    assert sim.ok("vxassist -g dg1 maxsize") == _maxsize(3 * PUBLEN)
    assert sim.ok("vxassist -g dg1 maxsize") == "Maximum volume size: 628946944 (307103Mb)\n"
    assert sim.ok("vxassist -g dg1 maxsize layout=stripe") == _maxsize(3 * (PUBLEN // 128 * 128), 6144)
    assert sim.ok("vxassist -g dg1 maxsize layout=stripe ncol=2") == _maxsize(2 * (PUBLEN // 128 * 128))
    assert sim.ok("vxassist -g dg1 maxsize layout=mirror") == _maxsize(PUBLEN)
    assert sim.ok("vxassist -g dg1 maxsize emc0_0") == _maxsize(PUBLEN)
    sim.ok("vxassist -g dg1 make v 100g")
    left = 3 * PUBLEN - 209715200
    assert sim.ok("vxassist -g dg1 maxsize") == _maxsize(left)
    sim.ok(["vxassist", "-g", "dg1", "make", "rest", str(left // 2048 * 2048)])
    # what is left is less than 1 MiB: reported as no space (sample vxprint_g_1)
    failed = sim.fail("vxassist -g dg1 maxsize")
    assert failed.err == "VxVM vxassist ERROR V-5-1-15809 No free space remaining in diskgroup dg1 with given constraints\n"


def test_maxsize_respects_what_make_can_do(sim_dg):
    sim = sim_dg
    for layout in ("concat", "stripe", "mirror", "stripe-mirror", "concat-mirror"):
        out = sim.run(["vxassist", "-g", "dg1", "maxsize", "layout=" + layout])
        if out.rc:
            continue
        size = int(out.out.split()[3])
        sim.ok(["vxassist", "-g", "dg1", "make", "probe", str(size), "layout=" + layout])
        sim.ok("vxassist -g dg1 remove volume probe")


def test_growto_growby_extend_the_same_subdisk(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make v1 1g")
    assert sim.ok("vxassist -g dg1 growto v1 2g") == ""
    sim.ok("vxassist -g dg1 growby v1 3840000")
    assert sim.volume_rows("dg1") == {"v1": 4194304 + 3840000}
    assert subdisks(sim, "dg1") == [("emc0_0-01", "v1-01", "emc0_0", 0, 8034304)]


def test_grow_around_another_volume_adds_a_subdisk(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make a 1g")
    sim.ok("vxassist -g dg1 make b 1g")
    sim.ok("vxassist -g dg1 growby a 1g")
    assert subdisks(sim, "dg1") == [("emc0_0-01", "a-01", "emc0_0", 0, 2097152),
                                    ("emc0_0-02", "b-01", "emc0_0", 2097152, 2097152),
                                    ("emc0_0-03", "a-01", "emc0_0", 4194304, 2097152)]


def test_grow_mirror_and_stripe(sim):
    sim.disk_group("dg4", ALL8[:4])
    sim.ok("vxassist -g dg4 make m 1g layout=mirror")
    sim.ok("vxassist -g dg4 growto m 3g")
    assert sim.ok("vxprint -g dg4 -q -p -F '%name %len'") == "m-01 6291456\nm-02 6291456\n"
    sim.ok("vxassist -g dg4 make s 1g layout=stripe ncol=2")
    sim.ok("vxassist -g dg4 growby s 1000")
    assert sim.volume_rows("dg4")["s"] == 2097152 + 1024
    failed = sim.fail("vxassist -g dg4 growto m 300g")
    assert failed.err == "VxVM vxassist ERROR V-5-1-436 Cannot allocate space to grow volume to 629145600 blocks\n"
    assert sim.fail("vxassist -g dg4 growto m 1g").rc == 1


def test_grow_layered(sim):
    sim.disk_group("dg4", ALL8[:4])
    sim.ok("vxassist -g dg4 make sm 1g layout=stripe-mirror")
    sim.ok("vxassist -g dg4 growto sm 2g")
    out = sim.ok("vxprint -g dg4 -q -F 'v:%name %len' -F 'pl:%name %len' -F 'sv:%name %len' -vp")
    assert "sm 4194304\n" in out and "sm-P01 2097152\n" in out
    assert sim.ok("vxprint -g dg4 -q -F '%name %len' sm-S02") == "sm-S02 2097152\n"


def test_shrink_needs_force_for_fsgen(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make v1 2g")
    failed = sim.fail("vxassist -g dg1 shrinkto v1 1g")
    assert failed.err == ('VxVM vxassist ERROR V-5-1-7236 Shrinking a FSGEN or RAID5 usetype volume can '
                          'result in loss of data. It is recommended to use the "vxresize" command or '
                          'specify "-f" flag to force the operation.\n')
    assert sim.volume_rows("dg1") == {"v1": 4194304}
    sim.ok("vxassist -g dg1 -f shrinkto v1 1g")
    sim.ok("vxassist -f -g dg1 shrinkby v1 512m")
    assert sim.volume_rows("dg1") == {"v1": 1048576}
    assert subdisks(sim, "dg1") == [("emc0_0-01", "v1-01", "emc0_0", 0, 1048576)]
    assert sim.fail("vxassist -g dg1 -f shrinkto v1 2g").rc == 1
    assert sim.fail("vxassist -g dg1 -f shrinkby v1 2g").rc == 1


def test_gen_volumes_shrink_without_force(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -U gen -g dg1 make raw 2g")
    assert sim.ok("vxprint -g dg1 -q -v -F '%use_type'") == "gen\n"
    sim.ok("vxassist -g dg1 shrinkto raw 1g")
    assert sim.volume_rows("dg1") == {"raw": 2097152}
    assert sim.fail("vxassist -U raid5 -g dg1 make r 1g").rc == 1


def test_shrink_stripe_frees_the_end_of_each_column(sim):
    sim.disk_group("dg2", ALL8[:2])
    sim.ok("vxassist -g dg2 make s 2g layout=stripe")
    sim.ok("vxassist -g dg2 -f shrinkto s 1g")
    assert [sd[4] for sd in subdisks(sim, "dg2")] == [1048576, 1048576]
    sim.ok("vxassist -g dg2 make t 1g layout=stripe")
    assert [sd[3] for sd in subdisks(sim, "dg2") if sd[1] == "t-01"] == [1048576, 1048576]


def test_remove_volume(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make v1 1g")
    admin_state.set_open(sim.state, "prod-n1", "dg1/v1", True)
    failed = sim.fail("vxassist -g dg1 remove volume v1")
    assert failed.err == "VxVM vxassist ERROR V-5-1-1242 Volume v1 is open, cannot remove\n"
    admin_state.set_open(sim.state, "prod-n1", "dg1/v1", False)
    assert sim.ok("vxassist -g dg1 remove volume v1") == ""
    assert sim.fail("vxprint -g dg1 -v").rc == 11
    failed = sim.fail("vxassist -g dg1 remove volume v1")
    assert (failed.rc, failed.err) == (11, "VxVM vxassist ERROR V-5-1-3102 Volume v1 not found\n")
    assert sim.fail("vxassist -g dg1 remove mirror v1").err.startswith("vxassist: remove mirror: not supported")


def test_storage_specifications(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make a 1g emc0_2")
    sim.ok("vxassist -g dg1 make b 1g !emc0_0 !emc0_2")
    sim.ok("vxassist -g dg1 make c 1g alloc=emc0_2")
    sim.ok("vxassist -g dg1 make d 1g enclr:emc0 !emc0_0")
    assert [(sd[1], sd[2]) for sd in subdisks(sim, "dg1")] == [
        ("b-01", "emc0_1"), ("d-01", "emc0_1"), ("a-01", "emc0_2"), ("c-01", "emc0_2")]
    failed = sim.fail("vxassist -g dg1 make e 1g emc0_7")
    assert failed.err == "VxVM vxassist ERROR V-5-1-1356 emc0_7: Disk not found in disk group dg1\n"
    assert sim.fail("vxassist -g dg1 make e 101g emc0_0").rc == 1


def test_attribute_and_usage_errors(sim_dg):
    sim = sim_dg
    assert sim.fail("vxassist -g dg1 make v 1g layout=raid5").err == (
        "VxVM vxassist ERROR V-5-1-1299 Invalid value for attribute layout: raid5\n")
    assert sim.fail("vxassist -g dg1 make v 1g colour=blue").err == (
        "VxVM vxassist ERROR V-5-1-1300 Unrecognized attribute: colour=blue\n")
    assert sim.fail("vxassist -g dg1 make v 1g logtype=dco").rc == 1
    assert sim.fail("vxassist -g dg1 make v 1g ncol=x").rc == 1
    assert sim.fail("vxassist -g dg1 make v 1g layout=stripe ncol=1").rc == 1
    assert sim.fail("vxassist -g dg1 make v 1g layout=stripe stripeunit=3").err == (
        "VxVM vxassist ERROR V-5-1-6360 stripeunit 3 is not a multiple of the disk group alignment (8k)\n")
    failed = sim.fail("vxassist -g dg1 relayout v layout=stripe")
    assert failed.err.startswith("vxassist: relayout: keyword not supported\nVxVM vxassist ERROR V-5-1-2 Usage: ")
    assert sim.fail("vxassist -g dg1 -q make v 1g").err.startswith("vxassist: illegal option -- q\n")
    assert sim.fail("vxassist -g dg1 make v").rc == 1
    assert sim.fail("vxassist -g dg1 make -v 1g").rc == 1
    assert "a disk group is required" in sim.fail("vxassist make v 1g").err
    failed = sim.fail("vxassist -g nodg make v 1g")
    assert (failed.rc, failed.err) == (9, "VxVM vxassist ERROR V-5-1-607 Diskgroup nodg not found\n")
    assert sim.fail("vxassist -g dg1 make v 1g", node="prod-n2").rc == 9


def test_init_none_leaves_volume_empty_and_disabled(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make v 1g init=none")
    assert sim.ok("vxprint -g dg1 -q -v -F '%kstate %state'") == "DISABLED EMPTY\n"


def test_maxgrow(sim_dg):
    sim = sim_dg
    sim.ok("vxassist -g dg1 make v 100g")
    grow = 3 * PUBLEN - 209715200
    total = 209715200 + grow
    assert sim.ok("vxassist -g dg1 maxgrow v") == (
        "Volume v can be extended by %d to: %d (%dMb)\n" % (grow, total, total // 2048))
    sim.ok(["vxassist", "-g", "dg1", "growby", "v", str(grow)])
    assert sim.fail("vxassist -g dg1 maxgrow v").err == (
        "VxVM vxassist ERROR V-5-1-1178 Volume v cannot be extended within the given constraints\n")
