"""vxdg: init, adddisk, rmdisk, import, deport, destroy, list, free, flush."""
import re

from ..errors import CommandFailed, vxvm_error
from ..getopt import parse
from . import messages as msg
from .model import DG_VERSION, disk_group_of, imported_dg, imported_dgs, new_id, open_volumes
from .volumes import Space, iter_plexes, set_state

CMD = "vxdg"
NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,30}$")


def vxdg(call, args):
    opts, operands = parse(args, "CT:fg:kn:qst", msg.usage_for(CMD))
    if not operands:
        raise msg.usage(CMD)
    keyword, rest = operands[0], operands[1:]
    handler = KEYWORDS.get(keyword)
    if handler is None:
        raise msg.usage(CMD, ["%s: keyword not supported" % keyword])
    return handler(call, opts, rest)


# ------------------------------------------------------------------ create / change

def _init(call, opts, rest):
    if len(rest) < 2:
        raise msg.usage(CMD)
    if opts.has("s"):
        # [recon] no cluster volume manager in the simulator (private disk groups only)
        raise vxvm_error(CMD, 585, "Disk group %s: cannot create: cluster functionality not enabled"
                         % rest[0], msg.RC_FAIL)
    name = rest[0]
    _check_name(name)
    doc = call.vxvm()
    if imported_dg(doc, name, call.node):
        raise vxvm_error(CMD, 585, "Disk group %s: cannot create: Disk group exists and is imported"
                         % name, msg.RC_FAIL)  # text: LITP; V-number [recon]
    cds = None
    items = []
    for word in rest[1:]:
        key, eq, value = word.partition("=")
        if key == "cds" and eq:
            if value not in ("on", "off"):
                raise msg.usage(CMD, ["invalid cds value: %s" % value])
            cds = value == "on"
        elif key in ("nconfig", "nlog", "minor") and eq:
            if not (value.isdigit() or value in ("all", "default")):
                raise msg.usage(CMD, ["invalid %s value: %s" % (key, value)])
        else:
            items.append(word)
    if not items:
        raise msg.usage(CMD)
    pairs = _disk_pairs(doc, items, dg=None)
    formats = {doc["disks"][da]["format"] for _, da in pairs}
    if cds is None:
        cds = formats == {"cdsdisk"}
    elif cds and formats != {"cdsdisk"}:
        raise vxvm_error(CMD, 6478, "Disk group %s: cannot create: non-CDS disks cannot be placed "
                         "in a CDS disk group" % name, msg.RC_FAIL)  # [recon]
    dgid = new_id(doc, call.now(), call.node)
    used_minors = {dg["minor"] for dg in doc["dgs"].values()}
    minor = 10000
    while minor in used_minors:
        minor += 1000
    dg = {"name": name, "dgid": dgid, "imported_on": call.node, "cds": cds, "temp": False,
          "minor": minor, "version": DG_VERSION, "import_seq": doc["seq"], "dms": {}, "volumes": {}}
    doc["dgs"][dgid] = dg
    _attach(doc, dg, pairs)
    return 0


def _adddisk(call, opts, rest):
    doc, dg = _dg_option(call, opts)
    if not rest:
        raise msg.usage(CMD)
    pairs = _disk_pairs(doc, rest, dg)
    if dg["cds"]:
        for _, da in pairs:
            if doc["disks"][da]["format"] != "cdsdisk":
                raise vxvm_error(CMD, 6478, "Device %s: non-CDS disk cannot be added to CDS disk "
                                 "group %s" % (da, dg["name"]), msg.RC_FAIL)  # [recon]
    _attach(doc, dg, pairs)
    return 0


def _rmdisk(call, opts, rest):
    doc, dg = _dg_option(call, opts)
    if not rest or opts.has("k"):
        raise msg.usage(CMD, ["-k is not supported"] if opts.has("k") else [])
    for dm in rest:
        if dm not in dg["dms"]:
            raise msg.record_not_in_dg(CMD, dm)  # [recon] for rmdisk
        space_users = [sd for vol in dg["volumes"].values() for sd in _sds(vol) if sd["dm"] == dm]
        if space_users:
            raise CommandFailed(msg.RC_FAIL,  # [recon]
                                "VxVM vxdg ERROR V-5-1-552 Disk %s is used by one or more subdisks." % dm,
                                "Use -k to remove device assignment.")
        if len(dg["dms"]) == 1:
            raise vxvm_error(CMD, 6477, "Cannot remove last disk in disk group %s" % dg["name"],
                             msg.RC_FAIL)  # [recon]
        da = dg["dms"].pop(dm)
        doc["disks"][da]["dgid"] = None
        doc["disks"][da]["dm"] = None
    return 0


def _deport(call, opts, rest):
    if not rest:
        raise msg.usage(CMD)
    doc = call.vxvm()
    newname = opts.get("n")
    if newname is not None:
        _check_name(newname)
    for name in rest:
        dg = imported_dg(doc, name, call.node)
        if dg is None:
            raise msg.no_such_dg(CMD, name)
        if open_volumes(dg):
            raise msg.dg_in_use(CMD, name)
        dg["imported_on"] = None
        if newname is not None:
            dg["name"] = newname
        for vol in dg["volumes"].values():
            set_state(vol, "DISABLED", "CLEAN")
    return 0


def _import(call, opts, rest):
    if len(rest) != 1:
        raise msg.usage(CMD)
    if opts.has("s"):
        raise _import_failed(rest[0], "Cluster functionality not enabled")  # [recon]
    name = rest[0]
    doc = call.vxvm()
    newname = opts.get("n") or name
    _check_name(newname)
    candidates = [dg for dg in doc["dgs"].values() if dg["name"] == name or dg["dgid"] == name]
    if any(dg["imported_on"] == call.node for dg in candidates) or imported_dg(doc, newname, call.node):
        # text: LITP vxvm.rb (idempotent import); V-number [recon]
        raise vxvm_error(CMD, 10978, "Disk group import of %s failed with error 122 - Disk group "
                         "exists and is imported" % name, msg.RC_FAIL)
    if not candidates:
        raise _import_failed(name, "No valid disk found containing disk group")  # [recon]
    free = [dg for dg in candidates if not dg["imported_on"]]
    if not free:
        # -C (clear the host lock) / -f take a group only from a crashed host, never a live one.
        down = call.doc("hosts").get("down", {})
        stale = [dg for dg in candidates if dg["imported_on"] in down]
        if not stale or not (opts.has("C") or opts.has("f")):
            raise _import_failed(name, "Disk is in use by another host")
        free = stale
        for vol in stale[0]["volumes"].values():
            vol["open"] = None
    dg = free[0]
    dg["imported_on"] = call.node
    dg["temp"] = opts.has("t")
    dg["name"] = newname
    doc["seq"] += 1
    dg["import_seq"] = doc["seq"]
    for vol in dg["volumes"].values():  # volumes start on import (autostartvolumes)
        if vol.get("snap", {}).get("valid", True):   # invalid snapshots stay invalid
            set_state(vol, "ENABLED", "ACTIVE")
    return 0


def _destroy(call, opts, rest):
    if not rest:
        raise msg.usage(CMD)
    doc = call.vxvm()
    for name in rest:
        dg = imported_dg(doc, name, call.node)
        if dg is None:
            raise msg.no_such_dg(CMD, name)
        if open_volumes(dg):
            raise msg.dg_in_use(CMD, name)  # [recon] for destroy
        for da in dg["dms"].values():
            doc["disks"][da]["dgid"] = None
            doc["disks"][da]["dm"] = None
        del doc["dgs"][dg["dgid"]]
    return 0


# ------------------------------------------------------------------ reads

def _list(call, opts, rest):
    call.mark_readonly()
    doc = call.vxvm()
    if not rest:
        call.print("NAME         STATE           ID")
        for dg in imported_dgs(doc, call.node):
            state = "enabled" + (",cds" if dg["cds"] else "")
            call.print("%-12s %-20s %s" % (dg["name"], state, dg["dgid"]))
        return 0
    for i, name in enumerate(rest):
        dg = imported_dg(doc, name, call.node)
        if dg is None:
            raise msg.no_such_dg(CMD, name)
        if i:
            call.print()
        for line in _detail(dg):
            call.print(line)
    return 0


def _detail(dg):
    """Layout of sample vxdg_list_2_detail; config sizes from vxdisk_list_disk_2_shared."""
    lines = [
        "Group:     %s" % dg["name"],
        "dgid:      %s" % dg["dgid"],
        "import-id: 1024.%d" % dg.get("import_seq", 1),
        "flags:     %s" % " ".join(f for f in ("cds" if dg["cds"] else "", "tempimport" if dg["temp"] else "") if f),
        "version:   %d" % dg["version"],
        "alignment: %d (bytes)" % (8192 if dg["cds"] else 512),
        "local-activation: read-write",
        "ssb:            on",
        "detach-policy: global",
        "dg-fail-policy: dgdisable",
        "copies:    nconfig=default nlog=default",
        "config:    seqno=0.%d permlen=51360 free=%d templen=2 loglen=4096"
        % (1000 + len(dg["volumes"]), max(0, 51328 - 16 * len(dg["volumes"]))),
    ]
    for dm in dg["dms"]:
        lines.append("config disk %s copy 1 len=51360 state=clean online" % dm)
    for dm in dg["dms"]:
        lines.append("log disk %s copy 1 len=4096" % dm)
    return lines


def _free(call, opts, rest):
    """[recon] column layout of vxdg free."""
    call.mark_readonly()
    doc = call.vxvm()
    if opts.get("g") is not None:
        _, dg = _dg_option(call, opts)
        groups = [dg]
        call.print("DISK         DEVICE       TAG          OFFSET    LENGTH    FLAGS")
    else:
        groups = imported_dgs(doc, call.node)
        call.print("GROUP        DISK         DEVICE       TAG          OFFSET    LENGTH    FLAGS")
    for dg in groups:
        space = Space(doc, dg)
        for dm in sorted(dg["dms"]):
            if rest and dm not in rest:
                continue
            da = dg["dms"][dm]
            for off, length in space.free[dm]:
                row = "%-12s %-12s %-12s %-9d %-9d %s" % (dm, da, da, off, length, "-")
                call.print(row if opts.get("g") is not None else "%-12s %s" % (dg["name"], row))
    return 0


def _flush(call, opts, rest):
    call.mark_readonly()
    if opts.get("g") is not None:
        _dg_option(call, opts)
    return 0


# ------------------------------------------------------------------ helpers

def _dg_option(call, opts):
    name = opts.get("g")
    if name is None:
        raise msg.usage(CMD, ["a disk group is required (-g diskgroup)"])
    doc = call.vxvm()
    dg = imported_dg(doc, name, call.node)
    if dg is None:
        raise msg.no_such_dg(CMD, name)
    return doc, dg


def _check_name(name):
    if not NAME.match(name):
        raise vxvm_error(CMD, 2268, "Invalid disk group name: %s" % name, msg.RC_FAIL)  # [recon]


def _disk_pairs(doc, items, dg):
    """[dm=]da words -> [(dm, da)], checking every disk; all V-5-1-2349 lines at once."""
    pairs, owned = [], []
    names = set(dg["dms"]) if dg else set()
    for item in items:
        dm, eq, da = item.partition("=")
        if not eq:
            dm = da = item
        if not dm or not da or not NAME.match(dm):
            raise msg.usage(CMD, ["invalid disk specification: %s" % item])
        disk = doc["disks"].get(da)
        if disk is None:
            raise msg.disk_not_found(CMD, da)
        if disk["format"] == "none":
            raise vxvm_error(CMD, 6478, "Device %s is not initialized for VxVM use" % da,
                             msg.RC_FAIL)  # [recon]
        owner = disk_group_of(doc, da)
        if owner is not None:
            owned.append("VxVM vxdg ERROR V-5-1-2349 Device %s appears to be owned by disk group %s."
                         % (da, owner["name"]))
            continue
        if dm in names or any(da == other for _, other in pairs):
            raise vxvm_error(CMD, 2350, "Disk media name %s is already in use" % dm, msg.RC_FAIL)  # [recon]
        names.add(dm)
        pairs.append((dm, da))
    if owned:
        raise CommandFailed(msg.RC_FAIL, *owned)
    return pairs


def _attach(doc, dg, pairs):
    for dm, da in pairs:
        dg["dms"][dm] = da
        doc["disks"][da]["dgid"] = dg["dgid"]
        doc["disks"][da]["dm"] = dm


def _import_failed(name, reason):
    return CommandFailed(msg.RC_FAIL, "VxVM vxdg ERROR V-5-1-10978 Disk group %s: import failed:" % name,
                         reason)  # [recon] two-line form


def _sds(vol):
    for plex in iter_plexes(vol):
        yield from plex["sds"]


KEYWORDS = {
    "init": _init, "adddisk": _adddisk, "rmdisk": _rmdisk, "deport": _deport,
    "import": _import, "destroy": _destroy, "list": _list, "free": _free, "flush": _flush,
}
