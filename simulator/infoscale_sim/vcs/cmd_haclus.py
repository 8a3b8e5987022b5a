"""haclus -state | -display | -value | -wait | -list (the local cluster; no GCO yet)."""
from . import messages as msg
from . import waits
from .args import check_cluster, parse, usage
from .context import open_cluster
from .output import cluster_table
from .views import cluster_rows

CMD = "haclus"


def haclus(call, args):
    if not args or args[0] not in ("-state", "-display", "-value", "-wait", "-list"):
        raise usage(CMD, "Invalid option %s" % args[0] if args else None)
    call.mark_readonly()
    action = args[0][1:]
    words = parse(CMD, args[1:], single=("time",) if action == "wait" else ())
    check_cluster(call, words.one("clus"))
    ctx = open_cluster(call)
    if action == "list":
        call.print(ctx.doc["cluster"])
        return 0
    if action == "state":
        if words.operands and words.operands != [ctx.doc["cluster"]]:
            raise msg.warning(50030, "Cluster %s does not exist" % words.operands[0])  # [recon]
        call.print("RUNNING")   # [recon] bare ClusState of the local cluster
        return 0
    if action == "display":
        if words.operands:
            raise usage(CMD)
        for line in cluster_table(cluster_rows(ctx, call.now())):
            call.print(line)
        return 0
    if action == "value":
        if len(words.operands) != 1:
            raise usage(CMD)
        values = dict(cluster_rows(ctx, call.now()))
        if words.operands[0] not in values:
            raise msg.attribute_missing(words.operands[0], "cluster %s" % ctx.doc["cluster"])
        call.print(values[words.operands[0]])
        return 0
    if len(words.operands) != 2:
        raise usage(CMD)
    attr, wanted = words.operands
    if attr not in dict(cluster_rows(ctx, call.now())):
        raise msg.attribute_missing(attr, "cluster %s" % ctx.doc["cluster"])
    timeout = waits.parse_timeout(words.one("time"), lambda p: usage(CMD, p)) if words.one("time") else None
    return waits.wait(call, lambda c: dict(cluster_rows(c, call.now()))[attr] == wanted, timeout)
