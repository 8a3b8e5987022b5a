"""vxdisksetup -i <da> [format=...] and vxdiskunsetup [-C] [-f] <da>."""
from ..errors import vxvm_script_error
from ..getopt import parse
from ..sizes import parse_length
from . import messages as msg
from .model import FORMATS, disk_group_of, new_id


def vxdisksetup(call, args):
    cmd = "vxdisksetup"
    opts, operands = parse(args, "fiv", msg.usage_for(cmd))
    if not operands or not opts.has("i"):
        raise msg.usage(cmd)
    da, attrs = operands[0], operands[1:]
    fmt, priv = "cdsdisk", None
    for attr in attrs:
        key, _, value = attr.partition("=")
        if key == "format" and value in FORMATS:
            fmt = value
        elif key == "privlen" and parse_length(value):
            priv = parse_length(value)
        else:
            raise msg.usage(cmd, ["invalid attribute: %s" % attr])
    doc = call.vxvm()
    disk = doc["disks"].get(da)
    if disk is None:
        raise vxvm_script_error(cmd, 1557, "%s: Disk not found in the device configuration" % da)  # [recon]
    dg = disk_group_of(doc, da)
    if dg is not None:
        if dg["imported_on"] or not opts.has("f"):
            # [recon] wording around the known "Disk cannot be reinitialized." (LITP)
            raise vxvm_script_error(cmd, 5080, "Disk %s is in use by disk group %s. "
                                    "Disk cannot be reinitialized." % (da, dg["name"]))
        remove_from_deported(doc, da)
    if priv is not None and not 1024 <= priv < disk["sectors"] // 2:
        raise vxvm_script_error(cmd, 3625, "%s: invalid privlen" % da)  # [recon]
    disk["format"] = fmt
    disk["diskid"] = new_id(doc, call.now(), call.node)
    disk.pop("privlen", None)
    if priv is not None:
        disk["privlen"] = priv
    return 0


def vxdiskunsetup(call, args):
    cmd = "vxdiskunsetup"
    opts, operands = parse(args, "Cfv", msg.usage_for(cmd))
    if not operands:
        raise msg.usage(cmd)
    doc = call.vxvm()
    for da in operands:
        disk = doc["disks"].get(da)
        if disk is None:
            raise msg.disk_not_found(cmd, da)
        if disk["format"] == "none":
            raise msg.not_vm_disk(cmd, da)
        dg = disk_group_of(doc, da)
        if dg is not None and dg["imported_on"]:
            if dg["imported_on"] == call.node:
                text = "%s: Disk is in use by disk group %s" % (da, dg["name"])  # [recon]
            else:
                text = "%s: Disk is in use by another host" % da  # [recon]
            raise vxvm_script_error(cmd, 5052, text)
        if dg is not None:
            remove_from_deported(doc, da)
        disk["format"] = "none"
        disk["diskid"] = None
        disk.pop("privlen", None)
    return 0


def remove_from_deported(doc, da):
    """Forget a disk of a deported disk group (its header is rewritten)."""
    disk = doc["disks"][da]
    dg = doc["dgs"][disk["dgid"]]
    dm = disk["dm"]
    del dg["dms"][dm]
    for vol_name in [n for n, v in dg["volumes"].items() if _uses(v, dm)]:
        del dg["volumes"][vol_name]
    if not dg["dms"]:
        del doc["dgs"][dg["dgid"]]
    disk["dgid"] = None
    disk["dm"] = None


def _uses(vol, dm):
    from .volumes import volume_disks

    return dm in volume_disks(vol)
