"""hares: resources (configuration, operations, reads)."""
from . import modify, types, views, waits
from . import messages as msg
from .args import check_cluster, parse, usage
from .context import check_name, group, open_cluster, require_rw, resource, system
from .model import enabled, gattr, is_frozen, is_parallel, new_resource, rattr, set_rattr
from .output import resource_table

CMD = "hares"


def hares(call, args):
    if not args or not args[0].startswith("-") or args[0][1:] not in ACTIONS:
        raise usage(CMD, "Invalid option %s" % args[0] if args else None)
    return ACTIONS[args[0][1:]](call, args[1:])


def _words(call, rest, count=None, **spec):
    words = parse(CMD, rest, **spec)
    check_cluster(call, words.one("clus"))
    if count is not None and len(words.operands) != count:
        raise usage(CMD)
    return words


def _modifiable(res, name, attr):
    if attr in types.READONLY_RES or attr in views.RESOURCE_DYNAMIC_SYS:
        raise msg.not_modifiable(attr)
    definition = types.definition(res["type"], attr)
    if definition is None:
        raise msg.attribute_missing(attr, "resource %s" % name)
    return definition


# ================================================================ configuration

def _add(call, rest):
    words = _words(call, rest, 3)
    ctx = open_cluster(call)
    require_rw(ctx)
    name, type_name, group_name = words.operands
    check_name("resource", name)
    if name in ctx.doc["resources"]:
        raise msg.resource_exists(name)
    if type_name not in types.TYPES:
        raise msg.type_missing(type_name)
    group(ctx, group_name)
    ctx.doc["resources"][name] = new_resource(ctx.doc, group_name, type_name)
    ctx.forget()
    call.print(msg.RESOURCE_ADDED)
    return 0


def _delete(call, rest):
    words = _words(call, rest, 1)
    ctx = open_cluster(call)
    require_rw(ctx)
    name = words.operands[0]
    res = resource(ctx, name)
    if any(rr["state"] == "ONLINE" or rr["busy"] for rr in res["rt"].values()):
        raise msg.resource_online_somewhere(name)
    if res["children"] or ctx.res_parents(name):
        raise msg.resource_has_links(name)
    del ctx.doc["resources"][name]
    ctx.forget()
    return 0


def _modify(call, rest):
    request = modify.parse(call, CMD, rest)
    ctx = open_cluster(call)
    require_rw(ctx)
    name, attr = request.obj, request.attr
    res = resource(ctx, name)
    definition = _modifiable(res, name, attr)
    local = attr in res["local"]
    if request.system is not None:
        system(ctx, request.system)
        if not local:
            raise msg.attribute_is_global(attr)
    elif local:
        raise msg.attribute_is_local(attr)
    current = rattr(res, attr, request.system)
    value = modify.new_value(definition, current, request)
    was_enabled = enabled(res)
    set_rattr(res, attr, value, request.system)
    if attr == "Enabled" and value and not was_enabled:
        for s in views.resource_systems(ctx, res):
            ctx.probe(name, s)
    return 0


def _local(call, rest):
    words = _words(call, rest, 2)
    ctx = open_cluster(call)
    require_rw(ctx)
    name, attr = words.operands
    res = resource(ctx, name)
    _modifiable(res, name, attr)
    if attr in res["local"]:
        raise msg.already_local(attr)
    value = rattr(res, attr)
    res["attrs"].pop(attr, None)
    res["local"][attr] = {s: value for s in views.resource_systems(ctx, res)}
    return 0


def _link(call, rest):
    words = _words(call, rest, 2)
    ctx = open_cluster(call)
    require_rw(ctx)
    parent, child = words.operands
    pres, cres = resource(ctx, parent), resource(ctx, child)
    if parent == child:
        raise msg.resource_link_invalid("a resource cannot depend on itself")
    if pres["group"] != cres["group"]:
        raise msg.resource_link_invalid("%s and %s are in different groups" % (parent, child))
    if child in pres["children"]:
        raise msg.resource_link_invalid("%s already depends on %s" % (parent, child))
    todo, seen = [child], set()
    while todo:
        current = todo.pop()
        if current == parent:
            raise msg.resource_link_invalid("linking %s to %s would create a cycle" % (parent, child))
        if current not in seen:
            seen.add(current)
            todo.extend(ctx.doc["resources"][current]["children"])
    pres["children"].append(child)
    ctx.forget()
    return 0


def _unlink(call, rest):
    words = _words(call, rest, 2)
    ctx = open_cluster(call)
    require_rw(ctx)
    parent, child = words.operands
    pres = resource(ctx, parent)
    resource(ctx, child)
    if child not in pres["children"]:
        raise msg.resource_unlink_failed(parent, child)
    pres["children"].remove(child)
    ctx.forget()
    return 0


# ================================================================ operations

def _target(call, ctx, words, name):
    res = resource(ctx, name)
    if words.one("sys") is None:
        raise usage(CMD, "Specify -sys system")
    s = system(ctx, words.one("sys"))
    grp = ctx.doc["groups"][res["group"]]
    if s not in gattr(grp, "SystemList"):
        raise msg.system_not_in_list(res["group"], s)
    if not ctx.running(s):
        raise msg.system_unavailable(s)
    return res, grp, s


def _online(call, rest):
    words = _words(call, rest, 1, flags=("force",), single=("sys",))
    ctx = open_cluster(call)
    name = words.operands[0]
    res, grp, s = _target(call, ctx, words, name)
    if is_frozen(grp):
        raise msg.frozen(res["group"])
    if not enabled(res):
        raise msg.resource_disabled(name)
    if not is_parallel(grp) and any(ctx.is_active(res["group"], x) for x in ctx.doc["systems"] if x != s):
        raise msg.resource_group_elsewhere()
    rr = res["rt"][s]
    if rr["busy"] or rr["state"] != "OFFLINE":
        raise msg.resource_already(name, s, "ONLINE" if rr["state"] == "OFFLINE" else rr["state"])
    for child in res["children"]:
        if enabled(ctx.doc["resources"][child]) and ctx.rt(child, s)["state"] != "ONLINE":
            raise msg.resource_children_offline(name, s)
    now = call.now()
    grp["intent"] = 1
    ctx.start_resource_online(name, s, now)
    ctx.settle(now)
    return 0


def _offline(call, rest):
    words = _words(call, rest, 1, flags=("ignoreparent",), single=("sys",))
    ctx = open_cluster(call)
    name = words.operands[0]
    res, grp, s = _target(call, ctx, words, name)
    if is_frozen(grp):
        raise msg.frozen(res["group"])
    rr = res["rt"][s]
    if rr["busy"] or rr["state"] != "ONLINE":
        raise msg.resource_already(name, s, "OFFLINE")
    if "ignoreparent" not in words.flags:
        for parent in ctx.res_parents(name):
            if ctx.rt(parent, s)["state"] == "ONLINE" or ctx.rt(parent, s)["busy"]:
                raise msg.resource_parents_online(name, s)
    now = call.now()
    ctx.start_resource_offline(name, s, now)
    ctx.settle(now)
    return 0


def _probe(call, rest):
    words = _words(call, rest, 1, single=("sys",))
    ctx = open_cluster(call)
    name = words.operands[0]
    _, _, s = _target(call, ctx, words, name)
    ctx.probe(name, s)
    return 0


def _clear(call, rest):
    words = _words(call, rest, 1, single=("sys",))
    ctx = open_cluster(call)
    name = words.operands[0]
    res = resource(ctx, name)
    systems = [system(ctx, words.one("sys"))] if words.one("sys") else list(ctx.doc["systems"])
    faulted = [s for s in systems if res["rt"][s]["state"] == "FAULTED"]
    if not faulted:
        raise msg.resource_not_faulted()
    for s in faulted:
        ctx.clear_resource(name, s)
    return 0


# ================================================================ reads

def _names(ctx, operands, missing=msg.resource_not_in_cluster):
    if not ctx.doc["resources"]:
        raise msg.no_resources()
    for name in operands:
        resource(ctx, name, missing)
    return operands or sorted(ctx.doc["resources"])


def _state(call, rest):
    call.mark_readonly()
    words = _words(call, rest, multi=("sys",))
    ctx = open_cluster(call)
    names = _names(ctx, words.operands)
    systems = words.many("sys") or None
    for s in systems or ():
        system(ctx, s)
    if len(words.operands) == 1 and systems and len(systems) == 1:
        res = ctx.doc["resources"][names[0]]
        if systems[0] not in views.resource_systems(ctx, res):
            raise msg.system_not_in_list(res["group"], systems[0])
        call.print(ctx.resource_state(names[0], systems[0]))   # [recon] bare, as hagrp -state
        return 0
    rows = [row for name in names for row in views.resource_rows(ctx, name, ("State",), systems)]
    for line in resource_table(rows):
        call.print(line)
    return 0


def _display(call, rest):
    call.mark_readonly()
    words = _words(call, rest, multi=("attribute", "sys", "group", "type"))
    ctx = open_cluster(call)
    names = _names(ctx, words.operands)
    for s in words.many("sys"):
        system(ctx, s)
    for g in words.many("group"):
        group(ctx, g, msg.group_not_in_cluster)
    for t in words.many("type"):
        if t not in types.TYPES:
            raise msg.type_missing(t)
    groups, kinds = set(words.many("group")), set(words.many("type"))
    chosen = [n for n in names if (not groups or ctx.doc["resources"][n]["group"] in groups)
              and (not kinds or ctx.doc["resources"][n]["type"] in kinds)]
    attributes = words.many("attribute") or None
    rows = [row for name in chosen
            for row in views.resource_rows(ctx, name, attributes, words.many("sys") or None)]
    for line in resource_table(rows):
        call.print(line)
    return 0


def _list(call, rest):
    call.mark_readonly()
    words = _words(call, rest)
    conditions = views.parse_conditions(words.operands)
    if conditions is None:
        raise usage(CMD, "Invalid conditional")
    ctx = open_cluster(call)
    if not ctx.doc["resources"]:
        raise msg.no_resources()
    for name in sorted(ctx.doc["resources"]):
        res = ctx.doc["resources"][name]
        if any(not views.is_resource_attribute(res["type"], attr) for attr, _, _ in conditions):
            continue
        for s in views.resource_systems(ctx, res):
            if all(views.matches(views.resource_value(ctx, name, attr,
                                                      s if views.resource_is_local(res, attr) else None),
                                 op, value, attr) for attr, op, value in conditions):
                call.print("%-16s %s" % (name, s))   # [recon] column width
    return 0


def _value(call, rest):
    call.mark_readonly()
    words = _words(call, rest)
    if len(words.operands) not in (2, 3):
        raise usage(CMD)
    ctx = open_cluster(call)
    name, attr = words.operands[:2]
    res = resource(ctx, name)
    if not views.is_resource_attribute(res["type"], attr):
        raise msg.attribute_missing(attr, "resource %s" % name)
    s = None
    if views.resource_is_local(res, attr):
        s = system(ctx, words.operands[2] if len(words.operands) == 3 else call.node)
    call.print(views.resource_value(ctx, name, attr, s))
    return 0


def _dep(call, rest):
    call.mark_readonly()
    words = _words(call, rest)
    ctx = open_cluster(call)
    for name in words.operands:
        resource(ctx, name)
    wanted = set(words.operands)
    rows = []
    for parent in sorted(ctx.doc["resources"]):
        res = ctx.doc["resources"][parent]
        for child in res["children"]:
            if not wanted or parent in wanted or child in wanted:
                rows.append((res["group"], parent, child))
    if not rows:
        raise msg.no_resource_deps()
    call.print("#Group        Parent                       Child")   # sample hares_dep_1
    for row in rows:
        call.print("%-13s %-28s %s" % row)   # [recon] row padding (sample rows are fixture-spaced)
    return 0


def _wait(call, rest):
    call.mark_readonly()
    words = _words(call, rest, 3, single=("sys", "time"))
    timeout = waits.parse_timeout(words.one("time"), lambda p: usage(CMD, p)) if words.one("time") else None
    ctx = open_cluster(call)
    name, attr, wanted = words.operands
    res = resource(ctx, name)
    if not views.is_resource_attribute(res["type"], attr):
        raise msg.attribute_missing(attr, "resource %s" % name)
    s = None
    if views.resource_is_local(res, attr):
        s = system(ctx, words.one("sys") or call.node)

    def reached(c):
        if name not in c.doc["resources"]:
            return False
        return views.matches(views.resource_value(c, name, attr, s), "=", wanted, attr)

    return waits.wait(call, reached, timeout)


ACTIONS = {
    "add": _add, "delete": _delete, "modify": _modify, "local": _local, "link": _link,
    "unlink": _unlink, "online": _online, "offline": _offline, "probe": _probe, "clear": _clear,
    "state": _state, "display": _display, "list": _list, "value": _value, "dep": _dep, "wait": _wait,
}
