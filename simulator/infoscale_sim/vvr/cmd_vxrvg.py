"""vxrvg start | stop | resync | getrlinks | getdatavols (what the RVG agent needs).

start enables the RVG on this node (its disk group must be imported here); stop disables
it (replication to and from it pauses: the rlinks disconnect). getrlinks / getdatavols
print the names on one line, or one per line with -1 [recon].
makeprimary / makesecondary / snapshot / stats are not modelled (usage error).
"""
from ..errors import CommandFailed
from ..getopt import parse
from ..vxvm.model import imported_dg
from . import messages as msg
from . import ops
from .model import Ctx, Side
from .replication import settle

CMD = "vxrvg"
KEYWORDS = ("start", "stop", "resync", "getrlinks", "getdatavols")
READ_ONLY = {"getrlinks", "getdatavols"}


def vxrvg(call, args):
    opts, operands = parse(args, "1fg:", msg.usage_for(CMD), permute=True)
    if len(operands) != 2 or operands[0] not in KEYWORDS:
        raise msg.usage(CMD)
    keyword, name = operands
    if opts.get("g") is None:
        raise msg.usage(CMD, ["a disk group is required (-g diskgroup)"])   # [recon]
    if opts.has("1") and keyword not in READ_ONLY:
        raise msg.usage(CMD)
    if keyword in READ_ONLY:
        call.mark_readonly()
    ctx = Ctx(call.txn, call.now())
    settle(ctx)
    call.txn.flush()   # catching up with time is not this command's change
    dg = imported_dg(ctx.vx(call.cluster), opts.get("g"), call.node)
    if dg is None:
        raise CommandFailed(msg.RC_NOT_FOUND, "VxVM VVR vxrvg ERROR V-5-1-607 Diskgroup %s not found" % opts.get("g"))
    rvg = dg.get("rvgs", {}).get(name)
    if rvg is None:
        raise CommandFailed(msg.RC_NOT_FOUND, "VxVM VVR vxrvg ERROR V-5-1-3330 Rvg %s not found in disk group %s"
                            % (name, dg["name"]))   # [recon]
    side = Side(ctx, call.cluster, dg, rvg)
    if keyword in READ_ONLY:
        names = sorted(rvg["rlinks"]) if keyword == "getrlinks" else list(rvg["datavols"])
        for line in (names if opts.has("1") else [" ".join(names)] if names else []):
            call.print(line)
        return 0
    if keyword == "start":
        ops.start_rvg(ctx, side, call.node)
    elif keyword == "stop":
        ops.stop_rvg(ctx, side, call.node)
    else:
        pri = ops.primary_of(ctx, side)
        if pri is None or not side.same(pri):
            raise CommandFailed(msg.RC_FAIL, "VxVM VVR vxrvg ERROR V-5-1-3331 Rvg %s is not a Primary" % name)  # [recon]
        try:
            ops.resync(ctx, pri, ops.secondaries(ctx, pri))
        except msg.VvrError as error:
            raise CommandFailed(msg.RC_FAIL, "VxVM VVR vxrvg ERROR V-5-1-%d %s" % (error.code, error.text)) from None
    return 0
