"""vxrvg start | stop | resync | getrlinks | getdatavols (what the RVG agent needs), and
[-S] [-P prefix] snapshot rvg cache=co|cachesize=size / [-P prefix] snapdestroy rvg: instant
space-optimized snapshots <prefix>-<datavol> (default prefix SNAP) of every data volume at
one point in time, and their removal (vvr/rvg_snapshots.py) [recon: naming, messages].

start enables the RVG on this node (its disk group must be imported here); stop disables
it (replication to and from it pauses: the rlinks disconnect). getrlinks / getdatavols
print the names on one line, or one per line with -1 [recon].
makeprimary / makesecondary / stats, full-sized (-F) and break-off snapshots, snaprestore /
snapback / snaprefresh / snapprint are not modelled (usage error).
"""
from ..errors import CommandFailed
from ..getopt import parse
from ..vxvm.model import imported_dg
from . import messages as msg
from . import ops
from . import rvg_snapshots
from .model import Ctx, Side
from .replication import settle

CMD = "vxrvg"
KEYWORDS = ("start", "stop", "resync", "getrlinks", "getdatavols", "snapshot", "snapdestroy")
SNAP_KEYWORDS = ("snapshot", "snapdestroy")
READ_ONLY = {"getrlinks", "getdatavols"}


def vxrvg(call, args):
    opts, operands = parse(args, "1fg:P:S", msg.usage_for(CMD), permute=True)
    if len(operands) < 2 or operands[0] not in KEYWORDS:
        raise msg.usage(CMD)
    keyword, name, attrs = operands[0], operands[1], operands[2:]
    if keyword not in SNAP_KEYWORDS and (attrs or opts.has("P") or opts.has("S")):
        raise msg.usage(CMD)
    if keyword == "snapdestroy" and (attrs or opts.has("S")):
        raise msg.usage(CMD)
    snap_attrs = _snap_attributes(attrs) if keyword == "snapshot" else {}
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
    if keyword in SNAP_KEYWORDS:
        return _snapshots(call, keyword, dg, rvg, opts.get("P") or rvg_snapshots.DEFAULT_PREFIX, snap_attrs)
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


def _snap_attributes(words):
    values = {}
    for word in words:
        key, eq, value = word.partition("=")
        if not eq or key not in ("cache", "cachesize") or not value or key in values:
            raise msg.usage(CMD, ["%s: unknown or repeated attribute" % word])   # [recon]
        values[key] = value
    if len(values) != 1:
        raise msg.usage(CMD, ["give cache=cacheobject or cachesize=size (space-optimized snapshots "
                              "only)"])   # [recon] break-off / full-sized snapshots are not simulated
    return values


def _snapshots(call, keyword, dg, rvg, prefix, attrs):
    names = rvg_snapshots.vxrvg_names(rvg, prefix)
    try:
        if keyword == "snapshot":
            rvg_snapshots.take(call.vxvm(), dg, rvg, names, call.now(), attrs.get("cache"), attrs.get("cachesize"))
        elif not rvg_snapshots.destroy(dg, rvg, names):
            raise msg.VvrError(3348, "No snapshots with prefix %s found for rvg %s" % (prefix, rvg["name"]))  # [recon]
    except msg.VvrError as error:
        raise CommandFailed(msg.RC_FAIL, "VxVM VVR vxrvg ERROR V-5-1-%d %s" % (error.code, error.text)) from None
    return 0
