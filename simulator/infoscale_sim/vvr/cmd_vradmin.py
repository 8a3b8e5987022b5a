"""vradmin: replicated data sets (RDS) across the clusters of the estate.

Options (-g dg, -l, -a, -c checkpoint, -f, -s, -wait, -autofb, -N, -nodcm) may come before
or after the keyword; each keyword accepts only its own (else a usage error). Hosts are
node names. A command may run on any host of the RDS (vradmind forwards it to the
Primary); it needs the Primary reachable except repstatus / printrvg (which then print
what the Secondary knows, with an INFO line on stderr) and takeover / makesec.
Successful modifying commands print nothing [recon].
"""
import re
import time

from ..vxvm.model import imported_dg
from . import messages as msg
from . import ops, report
from .model import Ctx
from .replication import rate, settle

CMD = "vradmin"
VALUE_OPTIONS = {"-g", "-c"}
FLAG_OPTIONS = {"-l", "-a", "-f", "-s", "-wait", "-autofb", "-N", "-nodcm"}
ALLOWED = {
    "createpri": {"-nodcm"}, "addsec": {"-nodcm"}, "startrep": {"-a", "-c", "-f"},
    "stoprep": set(), "pauserep": set(), "resumerep": set(), "resync": set(),
    "repstatus": {"-l"}, "printrvg": {"-l"}, "printvol": set(), "set": set(),
    "migrate": {"-s"}, "takeover": {"-autofb", "-N"}, "fbsync": {"-wait"}, "makesec": {"-f"},
    "delsec": set(), "delpri": {"-f"}, "addvol": {"-nodcm"}, "resizevol": {"-f"},
}
READ_ONLY = {"repstatus", "printrvg", "printvol"}
NUMBER = re.compile(r"^[+-][0-9]")
UNREACHABLE_INFO = (1205, "Primary is unreachable or RDS has configuration error. Displayed status "
                          "information is from Secondary and can be out-of-date.")   # [gk]
NAP_REAL = 0.5
_sleep = time.sleep   # tests replace it to move a fake clock


def _usage(problems=()):
    return msg.usage(CMD, problems)


def _parse(args):
    opts, words = {}, []
    i = 0
    while i < len(args):
        arg = args[i]
        if arg.startswith("-") and arg != "-" and not NUMBER.match(arg):
            if arg in VALUE_OPTIONS:
                if i + 1 >= len(args):
                    raise _usage(["option requires an argument -- %s" % arg[1:]])
                opts[arg] = args[i + 1]
                i += 1
            elif arg[:2] == "-g" and len(arg) > 2 and arg not in FLAG_OPTIONS:
                opts["-g"] = arg[2:]
            elif arg in FLAG_OPTIONS:
                opts[arg] = True
            else:
                raise _usage(["invalid option %s" % arg])
        else:
            words.append(arg)
        i += 1
    if not words:
        raise _usage()
    keyword = words[0]
    if keyword not in ALLOWED:
        raise _usage(["unknown keyword %s" % keyword])
    extra = set(opts) - {"-g"} - ALLOWED[keyword]
    if extra:
        raise _usage(["option %s is not valid with %s" % (sorted(extra)[0], keyword)])
    return keyword, opts, words[1:]


def vradmin(call, args):
    keyword, opts, operands = _parse(args)
    if keyword in READ_ONLY:
        call.mark_readonly()
    try:
        if not opts.get("-g"):
            raise msg.needs_dg()
        ctx = Ctx(call.txn, call.now())
        settle(ctx)
        call.txn.flush()   # catching up with time is not this command's change (kept even by reads)
        return HANDLERS[keyword](call, ctx, opts, operands) or 0
    except msg.VvrError as error:
        raise msg.vradmin_failure(error) from None


def _count(operands, low, high=None):
    high = low if high is None else high
    if not low <= len(operands) <= high:
        raise _usage()


def _local(call, ctx, opts, rvg_name):
    return ops.local_side(ctx, call.node, opts["-g"], rvg_name)


def _primary(call, ctx, opts, rvg_name):
    return ops.require_primary(ctx, _local(call, ctx, opts, rvg_name))


# ------------------------------------------------------------------ configuration

def _createpri(call, ctx, opts, operands):
    _count(operands, 3)
    rvg, vols, srl = operands[0], operands[1].split(","), operands[2]
    if not all(vols):
        raise _usage(["invalid volume list %s" % operands[1]])
    ops.createpri(ctx, call.node, opts["-g"], rvg, vols, srl, dcm="-nodcm" not in opts)


def _addsec(call, ctx, opts, operands):
    if len(operands) < 3:
        raise _usage()
    local = _local(call, ctx, opts, operands[0])
    attrs = ops.parse_attributes(operands[3:])
    ops.addsec(ctx, local, operands[1], operands[2], attrs, dcm="-nodcm" not in opts)


def _set(call, ctx, opts, operands):
    if len(operands) < 2:
        raise _usage()
    pri = _primary(call, ctx, opts, operands[0])
    rest = operands[1:]
    sec_host = None if "=" in rest[0] else rest.pop(0)
    if not rest:
        raise _usage()
    attrs = ops.parse_attributes(rest, allowed=("synchronous", "latencyprot", "srlprot", "bandwidth_limit",
                                                "protocol"))
    rl, sec = ops.pick_secondary(ctx, pri, sec_host)
    ops.set_attributes(ctx, pri, rl, sec, attrs)


def _delsec(call, ctx, opts, operands):
    _count(operands, 1, 2)
    pri = _primary(call, ctx, opts, operands[0])
    rl, sec = ops.pick_secondary(ctx, pri, operands[1] if len(operands) > 1 else None)
    ops.delsec(ctx, pri, rl, sec)


def _delpri(call, ctx, opts, operands):
    _count(operands, 1)
    local = _local(call, ctx, opts, operands[0])
    if not local.primary:
        raise msg.must_run_on_primary(local.name)
    ops.delpri(ctx, local, force="-f" in opts)


def _addvol(call, ctx, opts, operands):
    _count(operands, 2)
    ops.addvol(ctx, _primary(call, ctx, opts, operands[0]), operands[1])


def _resizevol(call, ctx, opts, operands):
    _count(operands, 3)
    ops.resizevol(ctx, _primary(call, ctx, opts, operands[0]), operands[1], operands[2], force="-f" in opts)


# ------------------------------------------------------------------ replication

def _per_secondary(action):
    def handler(call, ctx, opts, operands):
        _count(operands, 1, 2)
        pri = _primary(call, ctx, opts, operands[0])
        rl, sec = ops.pick_secondary(ctx, pri, operands[1] if len(operands) > 1 else None)
        action(ctx, pri, rl, sec, opts)
    return handler


def _startrep(ctx, pri, rl, sec, opts):
    chosen = [o for o in ("-a", "-c", "-f") if o in opts]
    if len(chosen) > 1:
        raise _usage(["-a, -c and -f are mutually exclusive"])
    ops.startrep(ctx, pri, rl, sec, chosen[0][1] if chosen else None)


def _resync(call, ctx, opts, operands):
    _count(operands, 1)
    pri = _primary(call, ctx, opts, operands[0])
    ops.resync(ctx, pri, ops.secondaries(ctx, pri))


def _migrate(call, ctx, opts, operands):
    _count(operands, 1, 2)
    local = _local(call, ctx, opts, operands[0])
    pri = ops.primary_of(ctx, local)
    if pri is None:
        raise msg.must_run_on_primary(local.name)
    target = operands[1] if len(operands) > 1 else None
    if target is not None and target == pri.host:
        raise msg.already_primary(pri.name, target)
    rl, sec = ops.pick_secondary(ctx, pri, target)
    ops.migrate(ctx, pri, rl, sec)


def _takeover(call, ctx, opts, operands):
    _count(operands, 1)
    if "-autofb" in opts and "-N" in opts:
        raise _usage(["-autofb and -N are mutually exclusive"])
    local = _local(call, ctx, opts, operands[0])
    mode = "autofb" if "-autofb" in opts else "nofb" if "-N" in opts else "fb"
    ops.takeover(ctx, local, mode)


def _fbsync(call, ctx, opts, operands):
    if not 1 <= len(operands) <= 2:
        raise _usage()
    if len(operands) == 2 and operands[1].partition("=")[0] not in ("cache", "cachesize"):
        raise msg.bad_attribute(operands[1])
    local = _local(call, ctx, opts, operands[0])
    if not local.primary:
        raise msg.must_run_on_primary(local.name)
    ops.fbsync(ctx, local)
    if "-wait" in opts:
        _wait_fbsync(call, opts["-g"], operands[0])


def _wait_fbsync(call, dg_name, rvg_name):
    """Block until no rlink of the RVG is in failback resync, without holding the lock."""
    speed = call.meta["estate"]["speed"]
    while True:
        ctx = Ctx(call.txn, call.now())
        settle(ctx)
        local = ops.local_side(ctx, call.node, dg_name, rvg_name)
        pending = [rl for rl in local.rvg["rlinks"].values() if rl["state"] == "fbsync"]
        if not pending:
            return
        seconds = NAP_REAL
        for rl in pending:
            bps = rate(ctx, local, rl)
            if bps and ops.connected_now(ctx, local, rl) and not rl["paused"]:
                seconds = min(seconds, rl["dcm"] / bps / speed)
        txn = call.txn
        txn.flush()
        txn.conn.execute("COMMIT")
        try:
            _sleep(seconds + 0.002)
        finally:
            txn.conn.execute("BEGIN IMMEDIATE")
            txn.discard()


def _makesec(call, ctx, opts, operands):
    _count(operands, 2)
    ops.makesec(ctx, _local(call, ctx, opts, operands[0]), operands[1])


# ------------------------------------------------------------------ reports

def _view(call, ctx, opts, rvg_name):
    """(primary, pairs) of the RDS of a local RVG; INFO on stderr when the Primary is
    out of reach from a Secondary."""
    local = _local(call, ctx, opts, rvg_name)
    pri = ops.primary_of(ctx, local)
    if pri is None:
        pri = local
    if not local.same(pri) and not (pri.reachable and ctx.link_up(local.cluster, pri.cluster)):
        call.eprint(msg.vradmin_info(*UNREACHABLE_INFO))
    return pri, ops.secondaries(ctx, pri)


def _repstatus(call, ctx, opts, operands):
    _count(operands, 1)
    pri, pairs = _view(call, ctx, opts, operands[0])
    for line in report.repstatus(ctx, pri, pairs, long="-l" in opts):
        call.print(line)


def _names(call, ctx, opts, operands):
    if operands:
        return operands
    dg = imported_dg(ctx.vx(call.cluster), opts["-g"], call.node)
    if dg is None:
        raise msg.no_dg(opts["-g"])
    return sorted(dg.get("rvgs", {}))


def _printrvg(call, ctx, opts, operands):
    for i, name in enumerate(_names(call, ctx, opts, operands)):
        pri, pairs = _view(call, ctx, opts, name)
        if i:
            call.print()
        for line in report.printrvg(pri, pairs, call.node):
            call.print(line)


def _printvol(call, ctx, opts, operands):
    for i, name in enumerate(_names(call, ctx, opts, operands)):
        pri, pairs = _view(call, ctx, opts, name)
        if i:
            call.print()
        for line in report.printvol(pri, pairs):
            call.print(line)


HANDLERS = {
    "createpri": _createpri, "addsec": _addsec, "set": _set, "delsec": _delsec, "delpri": _delpri,
    "addvol": _addvol, "resizevol": _resizevol,
    "startrep": _per_secondary(_startrep),
    "stoprep": _per_secondary(lambda ctx, pri, rl, sec, opts: ops.stoprep(ctx, pri, rl, sec)),
    "pauserep": _per_secondary(lambda ctx, pri, rl, sec, opts: ops.pauserep(ctx, pri, rl, sec)),
    "resumerep": _per_secondary(lambda ctx, pri, rl, sec, opts: ops.resumerep(ctx, pri, rl, sec)),
    "resync": _resync, "migrate": _migrate, "takeover": _takeover, "fbsync": _fbsync, "makesec": _makesec,
    "repstatus": _repstatus, "printrvg": _printrvg, "printvol": _printvol,
}
