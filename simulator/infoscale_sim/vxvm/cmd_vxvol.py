"""vxvol [-f] -g <dg> start|stop <vol> ... and startall|stopall."""
from ..getopt import parse
from . import messages as msg
from .requests import disk_group, user_volume
from .volumes import set_state

CMD = "vxvol"


def vxvol(call, args):
    opts, operands = parse(args, "fg:", msg.usage_for(CMD))
    if not operands:
        raise msg.usage(CMD)
    keyword, names = operands[0], operands[1:]
    if keyword not in ("start", "stop", "startall", "stopall"):
        raise msg.usage(CMD, ["%s: keyword not supported" % keyword])
    if keyword in ("start", "stop") and not names or keyword.endswith("all") and names:
        raise msg.usage(CMD)
    _, dg = disk_group(call, CMD, opts)
    if keyword.endswith("all"):
        vols = [dg["volumes"][n] for n in sorted(dg["volumes"])]
    else:
        vols = [user_volume(CMD, dg, n) for n in names]
    rc = 0
    for vol in vols:
        if keyword.startswith("start"):
            if not vol.get("snap", {}).get("valid", True):   # [recon] an invalid snapshot stays so
                call.eprint("VxVM vxvol ERROR V-5-1-6187 Volume %s is invalid" % vol["name"])
                rc = msg.RC_FAIL
                continue
            set_state(vol, "ENABLED", "ACTIVE")
        elif vol.get("open") and not opts.has("f"):
            call.eprint(msg.volume_open(CMD, vol["name"], "stop").lines[0])
            rc = msg.RC_FAIL
        else:
            set_state(vol, "DISABLED", "CLEAN")
    return rc
