"""vxrlink status | pause | resume | det | att on the rlinks of a disk group.

`status` prints one of the documented messages (reference §8.4, sample
vxrlink_status_doc_1) on stdout: V-5-1-4640 (outstanding writes in the SRL), V-5-1-4464
(AUTOSYNC, Kbytes remaining), V-5-1-4348 (DCM in use); "is up to date" and the detached /
Secondary-rlink lines are [recon]. -i (repeat every interval) is not modelled: usage error.
"""
from ..errors import CommandFailed
from ..getopt import parse
from ..vxvm.model import imported_dg
from . import messages as msg
from . import ops
from .model import Ctx, Side
from .replication import settle, status

CMD = "vxrlink"
READ_ONLY = {"status"}
INFO = "VxVM VVR vxrlink INFO V-5-1-%d %s"


def _failure(error, rc=msg.RC_FAIL):
    return CommandFailed(rc, "VxVM VVR vxrlink ERROR V-5-1-%d %s" % (error.code, error.text))   # [recon] codes


def find_rlink(call, ctx, dg_name, rlink_name, rvg_name=None):
    cluster = call.cluster
    dg = imported_dg(ctx.vx(cluster), dg_name, call.node)
    if dg is None:
        raise CommandFailed(msg.RC_NOT_FOUND, "VxVM VVR vxrlink ERROR V-5-1-607 Diskgroup %s not found" % dg_name)
    for rvg in dg.get("rvgs", {}).values():
        if rlink_name in rvg["rlinks"] and rvg_name in (None, rvg["name"]):
            return Side(ctx, cluster, dg, rvg), rvg["rlinks"][rlink_name]
    raise CommandFailed(msg.RC_NOT_FOUND, "VxVM VVR vxrlink ERROR V-5-1-3325 Rlink %s not found in disk group %s"
                        % (rlink_name, dg_name))   # [recon]


def vxrlink(call, args):
    opts, operands = parse(args, "ac:fg:r:", msg.usage_for(CMD), permute=True)
    if len(operands) != 2 or operands[0] not in ("status", "pause", "resume", "det", "att"):
        raise msg.usage(CMD)
    keyword, name = operands
    if opts.get("g") is None:
        raise msg.usage(CMD, ["a disk group is required (-g diskgroup)"])   # [recon]
    if keyword != "att" and (opts.has("a") or opts.has("f") or opts.has("c")):
        raise msg.usage(CMD)
    if keyword in READ_ONLY:
        call.mark_readonly()
    ctx = Ctx(call.txn, call.now())
    settle(ctx)
    call.txn.flush()   # catching up with time is not this command's change
    side, rl = find_rlink(call, ctx, opts.get("g"), name, opts.get("r"))
    if keyword == "status":
        call.print(status_line(ctx, side, rl))
        return 0
    if not side.primary:
        raise _failure(msg.VvrError(3326, "Rlink %s is a Secondary rlink: run this on the Primary" % name))   # [recon]
    sec = ctx.partner(side, rl)
    try:
        if keyword == "pause":
            ops.pauserep(ctx, side, rl, sec)
        elif keyword == "resume":
            ops.resumerep(ctx, side, rl, sec)
        elif keyword == "det":
            ops.stoprep(ctx, side, rl, sec)
        else:
            how = "a" if opts.has("a") else "f" if opts.has("f") else "c" if opts.has("c") else None
            ops.startrep(ctx, side, rl, sec, how)
    except msg.VvrError as error:
        raise _failure(error) from None
    return 0


def status_line(ctx, side, rl):
    name = rl["name"]
    if not side.primary:
        return INFO % (4466, "Rlink %s is a Secondary rlink; its status is reported on the Primary" % name)  # [recon]
    st = status(ctx, side, rl)
    state = st["state"]
    if state == "detached":
        return INFO % (4468, "Rlink %s is STALE and not replicating" % name)   # [recon]
    if state == "autosync":
        return INFO % (4464, "Rlink %s is in AUTOSYNC. %d Kbytes remaining." % (name, st["dcm_bytes"] // 1024))
    if state in ("dcm", "dcm_resync", "failback", "fbsync"):
        return INFO % (4348, "DCM is in use on Rlink %s. DCM contains %d Kbytes." % (name, st["dcm_bytes"] // 1024))
    if st["queued_bytes"]:
        return INFO % (4640, "Rlink %s has %d outstanding writes, occupying %d Kbytes (%d%%) on the SRL"
                       % (name, st["outstanding_writes"], st["queued_bytes"] // 1024, st["srl_used_percent"]))
    return INFO % (4467, "Rlink %s is up to date" % name)   # [gk] text, [recon] code
