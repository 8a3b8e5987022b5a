"""vxdisk list (summary, -o alldgs, -e, -g dg, detail for named disks) and scandisks.

Visibility per node: a disk group imported on this node shows its dm and group names;
disks of a group imported elsewhere or deported show '-' '-', or '(group)' with -o alldgs.
"""
from ..getopt import parse
from . import messages as msg
from .model import disk_group_of, imported_dg, privlen, publen

HEADER = "DEVICE          TYPE            DISK         GROUP        STATUS"
HEADER_E = ("DEVICE       TYPE           DISK        GROUP        STATUS"
            "               OS_NATIVE_NAME   ATTR")


def vxdisk(call, args):
    cmd = "vxdisk"
    opts, operands = parse(args, "efg:o:", msg.usage_for(cmd), permute=True)
    for value in opts.all("o"):
        if value != "alldgs":
            raise msg.usage(cmd, ["invalid -o option: %s" % value])
    if not operands:
        raise msg.usage(cmd)
    keyword, rest = operands[0], operands[1:]
    call.mark_readonly()
    if keyword == "scandisks" and not rest:
        return 0
    if keyword != "list":
        raise msg.usage(cmd, ["%s: keyword not supported" % keyword])
    doc = call.vxvm()
    if rest:
        return _detail(call, doc, rest)
    disks = sorted(doc["disks"])
    if opts.get("g") is not None:
        dg = imported_dg(doc, opts.get("g"), call.node)
        if dg is None:
            raise msg.dg_not_found(cmd, opts.get("g"))
        disks = sorted(dg["dms"].values())
    alldgs = opts.has("o")
    wide = opts.has("e")
    call.print(HEADER_E if wide else HEADER)
    for da in disks:
        disk = doc["disks"][da]
        dm, group = _owner(doc, da, call.node, alldgs)
        dtype = "auto:" + disk["format"]
        status = "online invalid" if disk["format"] == "none" else "online"
        if wide:
            call.print("%-12s %-14s %-11s %-12s %-20s %-16s %s" % (da, dtype, dm, group, status, disk["os"], "-"))
        else:
            call.print("%-12s %-15s %-12s %-12s %s" % (da, dtype, dm, group, status))
    return 0


def _owner(doc, da, node, alldgs):
    dg = disk_group_of(doc, da)
    if dg is None:
        return "-", "-"
    if dg["imported_on"] == node:
        return doc["disks"][da]["dm"], dg["name"]
    if alldgs:
        return "-", "(%s)" % dg["name"]
    return "-", "-"


def _detail(call, doc, names):
    rc = 0
    first = True
    for da in names:
        disk = doc["disks"].get(da)
        if disk is None:
            call.eprint(msg.disk_not_found("vxdisk", da).lines[0])
            rc = msg.RC_NOT_FOUND
            continue
        if not first:
            call.print()
        first = False
        for line in detail_lines(doc, da, call.node):
            call.print(line)
    return rc


def _guid(diskid):
    import hashlib

    h = hashlib.md5(diskid.encode()).hexdigest()
    return "{%s-%s-%s-%s-%s}" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:32])


def detail_lines(doc, da, node):
    """`vxdisk list <da>` (layout of samples vxdisk_list_disk_1/2; values [recon])."""
    disk = doc["disks"][da]
    lines = ["Device:    %s" % da, "devicetag: %s" % da, "type:      auto"]
    paths = ["Multipathing information:", "numpaths:   1", "%-15s state=enabled" % disk["os"]]
    if disk["format"] == "none":
        return lines + [
            "info:      format=none",
            "flags:     online ready private autoconfig invalid",
            "pubpaths:  block=/dev/vx/dmp/%s char=/dev/vx/rdmp/%s" % (da, da),
            "guid:      -",
            "udid:      %s" % disk["udid"],
            "site:      -",
        ] + paths
    dg = disk_group_of(doc, da)
    here = dg is not None and dg["imported_on"] == node
    if dg is not None and dg["imported_on"]:
        lines.append("hostid:    %s" % dg["imported_on"])
    lines.append("disk:      name=%s id=%s" % (disk["dm"] if here else "", disk["diskid"]))
    lines.append("group:     name=%s id=%s" % ((dg["name"], dg["dgid"]) if dg else ("", "")))
    info = {"cdsdisk": "format=cdsdisk,privoffset=208,pubslice=3,privslice=3",
            "simple": "format=simple,privoffset=1,pubslice=3,privslice=3",
            "sliced": "format=sliced,privoffset=1,pubslice=4,privslice=3"}[disk["format"]]
    flags = "online ready private autoconfig"
    if here:
        flags += " autoimport imported"
    seq = disk["diskid"].split(".")
    return lines + [
        "info:      %s" % info,
        "flags:     %s" % flags,
        "pubpaths:  block=/dev/vx/dmp/%ss3 char=/dev/vx/rdmp/%ss3" % (da, da),
        "guid:      %s" % _guid(disk["diskid"]),
        "udid:      %s" % disk["udid"],
        "site:      -",
        "version:   4.1",
        "iosize:    min=512 (bytes) max=1024 (blocks)",
        "public:    slice=3 offset=%d len=%d disk_offset=48" % (privlen(disk) + 208, publen(disk)),
        "private:   slice=3 offset=208 len=%d disk_offset=48" % privlen(disk),
        "update:    time=%s seqno=0.%s" % (seq[0], seq[1]),
        "ssb:       actual_seqno=0.0",
        "headers:   0 240",
        "configs:   count=1 len=51360",
        "logs:      count=1 len=4096",
        "Defined regions:",
        " config   priv 000048-000239[000192]: copy=01 offset=000000 enabled",
        " config   priv 000256-051423[051168]: copy=01 offset=000192 enabled",
        " log      priv 051424-055519[004096]: copy=01 offset=000000 enabled",
        " lockrgn  priv 055520-055663[000144]: part=00 offset=000000",
    ] + paths
