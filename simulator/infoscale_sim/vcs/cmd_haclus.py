"""haclus: the local cluster and, with the Global Cluster Option, its remote clusters.

    haclus -state [cluster]                     bare ClusState (a remote cluster as the
                                                local cluster sees it, see gco.py)
    haclus -list [conditional(s)]               the local cluster, then the remote ones
    haclus -display [cluster] [-localclus]      #Attribute Value table
    haclus -value attribute [cluster]
    haclus -wait attribute value [-clus cluster] [-time timeout]
    haclus -add cluster ClusterAddress          a remote cluster (configuration read-write)
    haclus -delete cluster
    haclus -modify ClusterAddress address [-clus cluster]
    haclus -declare disaster|outage|disconnect|replica -clus cluster [-failover]
A cluster may also be named with -clus. Remote-cluster layouts and messages are [recon].
"""
import ipaddress

from . import gco, waits
from . import messages as msg
from .args import parse, usage
from .context import check_name, open_cluster, require_rw
from .model import gattr
from .output import cluster_table
from .views import cluster_rows, matches, parse_conditions

CMD = "haclus"
READS = ("state", "display", "value", "wait", "list")


def haclus(call, args):
    if not args or not args[0].startswith("-") or args[0][1:] not in ACTIONS:
        raise usage(CMD, "Invalid option %s" % args[0] if args else None)
    action = args[0][1:]
    if action in READS:
        call.mark_readonly()
    words = parse(CMD, args[1:], single=("time",) if action == "wait" else (),
                  flags=("failover",) if action == "declare" else ())
    return ACTIONS[action](call, words)


def _cluster(ctx, name):
    """None for the local cluster, else the name of a configured remote cluster."""
    if name is None or name == ctx.doc["cluster"]:
        return None
    if name not in gco.conf(ctx.doc)["remotes"]:
        raise msg.cluster_missing(name)
    return name


def _named(ctx, words, operands):
    """The cluster named by the remaining operand (at most one) or -clus; -localclus: local."""
    if len(operands) > 1:
        raise usage(CMD)
    name = operands[0] if operands else None
    clus = words.one("clus")
    if clus is not None:
        if name is not None and name != clus:
            raise usage(CMD)
        name = clus
    if "localclus" in words.flags:
        if name is not None and name != ctx.doc["cluster"]:
            raise usage(CMD)
        name = None
    return _cluster(ctx, name)


def rows(call, ctx, remote):
    """haclus -display rows of the local cluster (remote None) or of a remote cluster."""
    if remote is None:
        return cluster_rows(ctx, call.now())
    local = ctx.doc["cluster"]
    state = ctx.gco.state(local, remote)
    address = gco.conf(ctx.doc)["remotes"][remote]["ClusterAddress"]
    other = ctx.gco.engine(remote)
    if other is None:   # [recon] a remote cluster that is not part of the estate
        return [("ClusState", state), ("ClusterAddress", address), ("ClusterName", remote)]
    return cluster_rows(other, call.now(), state, address)


def state_of(ctx, remote):
    return "RUNNING" if remote is None else ctx.gco.state(ctx.doc["cluster"], remote)


# ================================================================ reads

def _state(call, words):
    ctx = open_cluster(call)
    call.print(state_of(ctx, _named(ctx, words, words.operands)))   # [recon] the bare state
    return 0


def _list(call, words):
    conditions = parse_conditions(words.operands)
    if conditions is None or words.values or words.flags:
        raise usage(CMD)
    ctx = open_cluster(call)
    for name in [None] + list(gco.conf(ctx.doc)["remotes"]):
        values = dict(rows(call, ctx, name))
        for attr, _op, _value in conditions:
            if attr not in values:
                raise msg.attribute_missing(attr, "clusters")
        if all(matches(values[attr], op, value, attr) for attr, op, value in conditions):
            call.print(name or ctx.doc["cluster"])
    return 0


def _display(call, words):
    ctx = open_cluster(call)
    for line in cluster_table(rows(call, ctx, _named(ctx, words, words.operands))):
        call.print(line)
    return 0


def _value(call, words):
    if not words.operands:
        raise usage(CMD)
    ctx = open_cluster(call)
    attr = words.operands[0]
    remote = _named(ctx, words, words.operands[1:])
    values = dict(rows(call, ctx, remote))
    if attr not in values:
        raise msg.attribute_missing(attr, "cluster %s" % (remote or ctx.doc["cluster"]))
    call.print(values[attr])
    return 0


def _wait(call, words):
    if len(words.operands) != 2:
        raise usage(CMD)
    ctx = open_cluster(call)
    attr, wanted = words.operands
    remote = _named(ctx, words, [])
    if attr not in dict(rows(call, ctx, remote)):
        raise msg.attribute_missing(attr, "cluster %s" % (remote or ctx.doc["cluster"]))
    timeout = waits.parse_timeout(words.one("time"), lambda p: usage(CMD, p)) if words.one("time") else None

    def reached(c):
        if remote is not None and (c.gco is None or remote not in gco.conf(c.doc)["remotes"]):
            return False
        return dict(rows(call, c, remote))[attr] == wanted

    return waits.wait(call, reached, timeout)


# ================================================================ configuration

def _address(text):
    try:
        ipaddress.ip_address(text)
    except ValueError:
        raise msg.bad_address(text) from None
    return text


def _add(call, words):
    if len(words.operands) != 2 or words.values or words.flags:
        raise usage(CMD)
    ctx = open_cluster(call)
    require_rw(ctx)
    name, address = words.operands
    check_name("cluster", name)
    if name == ctx.doc["cluster"]:
        raise msg.remote_is_local(name)
    if name in gco.conf(ctx.doc)["remotes"]:
        raise msg.remote_exists(name)
    gco.writable_conf(ctx.doc)["remotes"][name] = {"ClusterAddress": _address(address)}
    return 0


def _delete(call, words):
    if len(words.operands) != 1 or words.values or words.flags:
        raise usage(CMD)
    ctx = open_cluster(call)
    require_rw(ctx)
    name = words.operands[0]
    conf = gco.conf(ctx.doc)
    if name not in conf["remotes"]:
        raise msg.cluster_missing(name)
    for g in sorted(ctx.doc["groups"]):
        if name in gattr(ctx.doc["groups"][g], "ClusterList"):
            raise msg.remote_in_use(name, "group %s" % g)
    for hb in sorted(conf["heartbeats"]):
        if name in gco.heartbeat_value(conf["heartbeats"][hb], "ClusterList"):
            raise msg.remote_in_use(name, "heartbeat %s" % hb)
    conf = gco.writable_conf(ctx.doc)
    del conf["remotes"][name]
    conf["declared"].pop(name, None)
    conf["handled"].pop(name, None)
    return 0


def _modify(call, words):
    if len(words.operands) != 2 or words.flags - {"localclus"}:
        raise usage(CMD)
    ctx = open_cluster(call)
    require_rw(ctx)
    attr, value = words.operands
    remote = _named(ctx, words, [])
    if attr not in dict(rows(call, ctx, remote)):
        raise msg.attribute_missing(attr, "cluster %s" % (remote or ctx.doc["cluster"]))
    if attr != "ClusterAddress":
        raise msg.cluster_attr_not_modifiable(attr)
    value = _address(value[1:] if value.startswith("%") else value)
    conf = gco.writable_conf(ctx.doc)
    if remote is None:
        conf["address"] = value
    else:
        conf["remotes"][remote]["ClusterAddress"] = value
    return 0


def _declare(call, words):
    if len(words.operands) != 1 or words.one("clus") is None or words.flags - {"failover"}:
        raise usage(CMD)
    kind = words.operands[0]
    if kind not in gco.DECLARE_KINDS:
        raise usage(CMD, "Invalid failure type %s" % kind)
    ctx = open_cluster(call)
    local, name = ctx.doc["cluster"], words.one("clus")
    if name == local:
        raise msg.declare_local()
    remote = _cluster(ctx, name)
    state = ctx.gco.state(local, remote)
    if state == "RUNNING":
        raise msg.declare_running(remote)
    failover = "failover" in words.flags
    if failover and kind == "disconnect":
        raise msg.declare_disconnect_failover()
    now = call.now()
    gco.writable_conf(ctx.doc)["declared"][remote] = {"kind": kind, "time": now}
    ctx.log(now, "declared", cluster=remote, declared=kind, state=state, failover=failover)
    if failover:
        for g in sorted(ctx.doc["groups"]):
            if ctx.gco.held_by(local, g, remote):
                ctx.gco.online_here(local, g, now, source=remote, reason="declared %s of cluster %s" % (kind, remote))
        ctx.gco.settle(now)
    return 0


ACTIONS = {"state": _state, "list": _list, "display": _display, "value": _value, "wait": _wait,
           "add": _add, "delete": _delete, "modify": _modify, "declare": _declare}
