"""vxresize [-b] [-F fstype] [-s] [-x] -g <dg> <vol> [+|-]<length> [disk ...]

Resizes the volume (and, on a real system, its file system) in one step, so shrinking
needs no -f here.
"""
from ..errors import CommandFailed, vxvm_error
from ..getopt import parse
from . import messages as msg
from .cmd_vxassist import new_length
from .requests import Attributes, disk_group, user_volume
from .volumes import NoSpace, Space, grow, shrink

CMD = "vxresize"


def vxresize(call, args):
    opts, operands = parse(args, "F:bfg:st:x", msg.usage_for(CMD))
    if len(operands) < 2:
        raise msg.usage(CMD)
    if opts.has("s") and opts.has("x"):
        raise msg.usage(CMD, ["-s and -x are mutually exclusive"])
    name, text, disks = operands[0], operands[1], operands[2:]
    doc, dg = disk_group(call, CMD, opts)
    vol = user_volume(CMD, dg, name)
    attrs = Attributes(CMD, dg, disks)
    mode = {"+": "by+", "-": "by-"}.get(text[:1], "to")
    target = new_length(CMD, vol, text.lstrip("+-") if mode != "to" else text, mode, dg)
    if target == vol["len"]:
        return 0  # [recon] nothing to do
    if target > vol["len"]:
        if opts.has("s"):
            raise vxvm_error(CMD, 4706, "Volume %s: -s specified but the new length is larger"
                             % name, msg.RC_FAIL)  # [recon]
        try:
            grow(vol, target, Space(doc, dg), attrs.allowed)
        except NoSpace:
            raise CommandFailed(
                msg.RC_FAIL,
                msg.cannot_grow("vxassist", target).lines[0],
                "VxVM vxresize ERROR V-5-1-4703 Problem running vxassist command for volume %s, "
                "in diskgroup %s" % (name, dg["name"]))  # [recon]
        return 0
    if opts.has("x"):
        raise vxvm_error(CMD, 4707, "Volume %s: -x specified but the new length is smaller"
                         % name, msg.RC_FAIL)  # [recon]
    shrink(vol, target)
    return 0
