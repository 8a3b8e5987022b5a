"""hahb: the WAN heartbeats of the local cluster to its remote clusters (GCO).

    hahb -add hb                                 Icmp or IcmpS (configuration read-write)
    hahb -delete hb
    hahb -local hb attribute                     one value per remote cluster from now on
    hahb -modify hb attribute value ... [-clus cluster]
    hahb -modify hb attribute -add|-delete|-update key [value] ... [-clus cluster]
    hahb -display [hb ...]                       #Heartbeat Attribute Cluster Value
    hahb -list [conditional(s)]
    hahb -state [hb] [-clus cluster]             ALIVE | DOWN | UNKNOWN (see gco.py)
    hahb -value hb attribute [-clus cluster]

Arguments (the addresses pinged) is always per cluster: `hahb -modify Icmp Arguments
10.20.1.100 -clus drclus`. Syntax after the hahb manual page; layouts and messages [recon].
"""
from . import gco, hbattrs, modify, views
from . import messages as msg
from .args import parse, usage
from .attrs import display
from .context import open_cluster, require_rw
from .output import four

CMD = "hahb"
HEADER = ("#Heartbeat", "Attribute", "Cluster", "Value")   # [recon]


def hahb(call, args):
    if not args or not args[0].startswith("-") or args[0][1:] not in ACTIONS:
        raise usage(CMD, "Invalid option %s" % args[0] if args else None)
    return ACTIONS[args[0][1:]](call, args[1:])


def _table(rows):
    return four(rows, HEADER, (12, 21, 10))


def _heartbeats(ctx):
    return gco.conf(ctx.doc)["heartbeats"]


def _heartbeat(ctx, name):
    found = _heartbeats(ctx).get(name)
    if found is None:
        raise msg.heartbeat_missing(name)
    return found


def _remote(ctx, cluster):
    if cluster not in gco.conf(ctx.doc)["remotes"]:
        raise msg.cluster_missing(cluster)
    return cluster


def _value(hb, attr_name, cluster=None):
    return display(gco.heartbeat_value(hb, attr_name, cluster))


def _is_local(hb, attr_name):
    return attr_name in hbattrs.DYNAMIC or attr_name in hb["local"]


# ================================================================ configuration

def _add(call, rest):
    words = parse(CMD, rest)
    if len(words.operands) != 1 or words.values or words.flags:
        raise usage(CMD)
    ctx = open_cluster(call)
    require_rw(ctx)
    name = words.operands[0]
    if name not in gco.HB_TYPES:
        raise msg.heartbeat_type(name)
    if name in _heartbeats(ctx):
        raise msg.heartbeat_exists(name)
    gco.writable_conf(ctx.doc)["heartbeats"][name] = hbattrs.new_heartbeat()
    return 0


def _delete(call, rest):
    words = parse(CMD, rest)
    if len(words.operands) != 1 or words.values or words.flags:
        raise usage(CMD)
    ctx = open_cluster(call)
    require_rw(ctx)
    _heartbeat(ctx, words.operands[0])
    del gco.writable_conf(ctx.doc)["heartbeats"][words.operands[0]]
    return 0


def _local(call, rest):
    words = parse(CMD, rest)
    if len(words.operands) != 2 or words.values or words.flags:
        raise usage(CMD)
    ctx = open_cluster(call)
    require_rw(ctx)
    name, attr_name = words.operands
    hb = _heartbeat(ctx, name)
    if attr_name not in hbattrs.CONFIG:
        raise msg.attribute_missing(attr_name, "heartbeat %s" % name)
    if attr_name == "ClusterList":
        raise msg.not_modifiable(attr_name)
    if attr_name in hb["local"]:
        raise msg.already_local(attr_name)
    current = hb["attrs"].pop(attr_name, None)
    hb["local"][attr_name] = {c: current for c in gco.heartbeat_value(hb, "ClusterList")} if current is not None else {}
    return 0


def _parse_modify(call, rest):
    request = modify.parse(call, CMD, rest, key_option="-clus", what="a heartbeat")
    if not request.op and not request.values:
        raise usage(CMD)
    return request


def _modify(call, rest):
    request = _parse_modify(call, rest)
    ctx = open_cluster(call)
    require_rw(ctx)
    hb = _heartbeat(ctx, request.obj)
    attr_name, cluster = request.attr, request.system
    if attr_name in hbattrs.DYNAMIC:
        raise msg.not_modifiable(attr_name)
    if attr_name not in hbattrs.CONFIG:
        raise msg.attribute_missing(attr_name, "heartbeat %s" % request.obj)
    definition = hbattrs.CONFIG[attr_name]
    local = attr_name in hb["local"]
    if cluster is not None:
        _remote(ctx, cluster)
        if not local:
            raise msg.heartbeat_attr_global(attr_name)
        if cluster not in gco.heartbeat_value(hb, "ClusterList"):
            raise msg.heartbeat_cluster_not_listed(request.obj, cluster)
    elif local:
        raise msg.heartbeat_needs_cluster(attr_name)
    current = gco.heartbeat_value(hb, attr_name, cluster)
    value = modify.new_value(definition, current, request)
    if attr_name == "ClusterList":
        for c in value:
            _remote(ctx, c)
        for values in hb["local"].values():   # per-cluster values of clusters left out go
            for c in [c for c in values if c not in value]:
                del values[c]
    if local:
        if value == definition["default"]:
            hb["local"][attr_name].pop(cluster, None)
        else:
            hb["local"][attr_name][cluster] = value
    elif value == definition["default"]:
        hb["attrs"].pop(attr_name, None)
    else:
        hb["attrs"][attr_name] = value
    return 0


# ================================================================ reads

def _rows(ctx, name, attributes=None):
    hb = _heartbeats(ctx)[name]
    rows = []
    for attr_name in sorted(set(hbattrs.CONFIG) | set(hbattrs.DYNAMIC)):
        if attributes is not None and attr_name not in attributes:
            continue
        if _is_local(hb, attr_name):
            for c in gco.heartbeat_value(hb, "ClusterList"):
                rows.append((name, attr_name, c, _shown(ctx, name, attr_name, c)))
        else:
            rows.append((name, attr_name, "global", _value(hb, attr_name)))
    return rows


def _shown(ctx, name, attr_name, cluster):
    if attr_name == "State":
        return ctx.gco.heartbeat_state(ctx.doc["cluster"], name, cluster) if ctx.gco else "UNKNOWN"
    return _value(_heartbeats(ctx)[name], attr_name, cluster)


def _display(call, rest):
    call.mark_readonly()
    words = parse(CMD, rest)
    if words.values or words.flags:
        raise usage(CMD)
    ctx = open_cluster(call)
    if not _heartbeats(ctx):
        raise msg.no_heartbeats()
    for name in words.operands:
        _heartbeat(ctx, name)
    rows = [row for name in (words.operands or sorted(_heartbeats(ctx))) for row in _rows(ctx, name)]
    for line in _table(rows):
        call.print(line)
    return 0


def _list(call, rest):
    call.mark_readonly()
    words = parse(CMD, rest)
    conditions = views.parse_conditions(words.operands)
    if conditions is None or words.values or words.flags:
        raise usage(CMD, "Invalid conditional")
    ctx = open_cluster(call)
    for attr_name, _op, _wanted in conditions:
        if attr_name not in hbattrs.CONFIG:
            raise msg.attribute_missing(attr_name, "heartbeats")
    for name in sorted(_heartbeats(ctx)):
        hb = _heartbeats(ctx)[name]
        if all(views.matches(_value(hb, a), op, v, a) for a, op, v in conditions):
            call.print(name)
    return 0


def _state(call, rest):
    call.mark_readonly()
    words = parse(CMD, rest)
    if len(words.operands) > 1 or words.flags - {"localclus"}:
        raise usage(CMD)
    ctx = open_cluster(call)
    cluster = words.one("clus")
    if cluster is not None:
        _remote(ctx, cluster)
    names = words.operands or sorted(_heartbeats(ctx))
    for name in words.operands:
        _heartbeat(ctx, name)
    if words.operands and cluster is not None:
        if cluster not in gco.heartbeat_value(_heartbeat(ctx, names[0]), "ClusterList"):
            raise msg.heartbeat_cluster_not_listed(names[0], cluster)
        call.print(_shown(ctx, names[0], "State", cluster))
        return 0
    rows = [row for name in names for row in _rows(ctx, name, ("State",)) if cluster is None or row[2] == cluster]
    for line in _table(rows):
        call.print(line)
    return 0


def _value_action(call, rest):
    call.mark_readonly()
    words = parse(CMD, rest)
    if len(words.operands) != 2 or words.flags - {"localclus"}:
        raise usage(CMD)
    ctx = open_cluster(call)
    name, attr_name = words.operands
    hb = _heartbeat(ctx, name)
    if attr_name not in hbattrs.CONFIG and attr_name not in hbattrs.DYNAMIC:
        raise msg.attribute_missing(attr_name, "heartbeat %s" % name)
    cluster = words.one("clus")
    if _is_local(hb, attr_name):
        if cluster is None:
            raise msg.heartbeat_needs_cluster(attr_name)
        _remote(ctx, cluster)
        if cluster not in gco.heartbeat_value(hb, "ClusterList"):
            raise msg.heartbeat_cluster_not_listed(name, cluster)
        call.print(_shown(ctx, name, attr_name, cluster))
    else:
        call.print(_value(hb, attr_name))
    return 0


ACTIONS = {"add": _add, "delete": _delete, "local": _local, "modify": _modify, "display": _display,
           "list": _list, "state": _state, "value": _value_action}
