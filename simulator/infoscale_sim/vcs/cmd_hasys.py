"""hasys -list | -state | -display | -value (systems of the cluster)."""
from . import messages as msg
from .args import check_cluster, parse, usage
from .context import open_cluster, system
from .output import system_table

CMD = "hasys"


def hasys(call, args):
    if not args or args[0] not in ("-list", "-state", "-display", "-value"):
        raise usage(CMD, "Invalid option %s" % args[0] if args else None)
    call.mark_readonly()
    action = args[0][1:]
    words = parse(CMD, args[1:], multi=("attribute",) if action == "display" else ())
    check_cluster(call, words.one("clus"))
    ctx = open_cluster(call)
    if action == "list":
        if words.operands:
            raise usage(CMD)
        for s in ctx.doc["systems"]:
            call.print(s)
        return 0
    if action == "value":
        if len(words.operands) != 2:
            raise usage(CMD)
        s, attr = words.operands
        values = dict(_rows(ctx, system(ctx, s)))
        if attr not in values:
            raise msg.attribute_missing(attr, "system %s" % s)
        call.print(values[attr])
        return 0
    systems = [system(ctx, s) for s in words.operands] or list(ctx.doc["systems"])
    wanted = words.many("attribute") or (["SysState"] if action == "state" else None)
    rows = [(s, attr, value) for s in systems for attr, value in _rows(ctx, s)
            if wanted is None or attr in wanted]
    for line in system_table(rows):   # -state: [recon] same layout as -display
        call.print(line)
    return 0


def _rows(ctx, s):
    from .views import system_rows

    return system_rows(ctx, s)
