"""hagrp: service groups (configuration, operations, reads)."""
from ..errors import CommandFailed
from . import grpattrs, modify, views, waits
from . import messages as msg
from .args import check_cluster, parse, usage
from .context import check_name, group, open_cluster, require_rw, system
from .model import enabled, gattr, is_frozen, is_parallel, new_group, set_gattr, system_list
from .output import group_table

CMD = "hagrp"
CATEGORIES = ("online", "offline")
LOCATIONS = ("local", "global", "remote")
RIGIDITIES = ("soft", "firm", "hard")


def hagrp(call, args):
    if not args or not args[0].startswith("-") or args[0][1:] not in ACTIONS:
        raise usage(CMD, "Invalid option %s" % args[0] if args else None)
    return ACTIONS[args[0][1:]](call, args[1:])


def _words(call, rest, count=None, **spec):
    words = parse(CMD, rest, **spec)
    check_cluster(call, words.one("clus"))
    if count is not None and len(words.operands) != count:
        raise usage(CMD)
    return words


# ================================================================ configuration

def _add(call, rest):
    words = _words(call, rest, 1)
    ctx = open_cluster(call)
    require_rw(ctx)
    name = words.operands[0]
    check_name("group", name)
    if name in ctx.doc["groups"]:
        raise msg.group_exists(name)
    ctx.doc["groups"][name] = new_group(ctx.doc)
    call.print(msg.GROUP_ADDED)
    return 0


def _delete(call, rest):
    words = _words(call, rest, 1)
    ctx = open_cluster(call)
    require_rw(ctx)
    name = words.operands[0]
    grp = group(ctx, name)
    if ctx.members(name):
        raise msg.group_has_resources(name)
    if grp["deps"] or ctx.group_parents(name):
        raise msg.group_has_dependencies(name)
    if ctx.active_systems(name):
        raise msg.group_not_offline(name)
    del ctx.doc["groups"][name]
    ctx.forget()
    return 0


def _modify(call, rest):
    request = modify.parse(call, CMD, rest)
    ctx = open_cluster(call)
    require_rw(ctx)
    grp = group(ctx, request.obj)
    name, attr = request.obj, request.attr
    if not views.is_group_attribute(attr):
        raise msg.attribute_missing(attr, "group %s" % name)
    if attr in grpattrs.NOT_MODIFIABLE or attr not in grpattrs.CONFIG:
        raise msg.not_modifiable(attr)
    definition = grpattrs.CONFIG[attr]
    local = attr in grp["local"]
    if request.system is not None:
        system(ctx, request.system)
        if not local:
            raise msg.attribute_is_global(attr)
    elif local:
        raise msg.attribute_is_local(attr)
    current = gattr(grp, attr, request.system) if local else gattr(grp, attr)
    value = modify.new_value(definition, current, request)
    if attr == "SystemList":
        _check_system_list(ctx, name, current, value)
    elif attr == "AutoStartList":
        for s in value:
            system(ctx, s)
    elif attr == "Parallel" and value != current and ctx.active_systems(name):
        raise msg.parallel_has_resources(name)
    if local:
        grp["local"][attr][request.system] = value
    else:
        set_gattr(grp, attr, value)
    if attr == "SystemList":
        for s in value:
            if s not in current:
                for r in ctx.members(name):
                    if enabled(ctx.doc["resources"][r]):
                        ctx.probe(r, s)
    return 0


def _check_system_list(ctx, name, current, value):
    for s in value:
        system(ctx, s)
    for s in current:
        if s not in value and ctx.is_active(name, s):
            raise msg.systemlist_delete_refused(name, s)


def _link(call, rest):
    words = _words(call, rest)
    if len(words.operands) not in (4, 5):
        raise usage(CMD)
    ctx = open_cluster(call)
    require_rw(ctx)
    parent, child, category, location = words.operands[:4]
    rigidity = words.operands[4] if len(words.operands) == 5 else None
    for name in (parent, child):
        group(ctx, name, msg.group_missing_dep)
    if parent == child:
        raise msg.link_invalid("a group cannot depend on itself")
    if category not in CATEGORIES or location not in LOCATIONS or rigidity not in RIGIDITIES + (None,):
        raise msg.link_invalid(" ".join(words.operands[2:]))
    if category == "offline" and location != "local":
        raise msg.link_invalid("offline dependencies must be local")
    if rigidity == "hard" and (category, location) != ("online", "local"):
        raise msg.link_invalid("hard dependencies must be online local")
    if category == "online" and rigidity is None:
        rigidity = "firm"
    deps = ctx.doc["groups"][parent]["deps"]
    if any(d["child"] == child for d in deps) or any(
            d["child"] == parent for d in ctx.doc["groups"][child]["deps"]):
        raise msg.link_exists(parent, child)
    if _reaches(ctx.doc, child, parent):
        raise msg.link_cycle(parent, child)
    deps.append({"child": child, "category": category, "location": location, "rigidity": rigidity})
    ctx.forget()
    return 0


def _reaches(doc, start, goal):
    """Does `start` (transitively) depend on `goal`?"""
    todo, seen = [start], set()
    while todo:
        name = todo.pop()
        if name == goal:
            return True
        if name not in seen:
            seen.add(name)
            todo.extend(d["child"] for d in doc["groups"][name]["deps"])
    return False


def _unlink(call, rest):
    words = _words(call, rest, 2)
    ctx = open_cluster(call)
    require_rw(ctx)
    parent, child = words.operands
    for name in (parent, child):
        group(ctx, name, msg.group_missing_dep)
    deps = ctx.doc["groups"][parent]["deps"]
    kept = [d for d in deps if d["child"] != child]
    if len(kept) == len(deps):
        raise msg.unlink_failed(parent, child)
    ctx.doc["groups"][parent]["deps"] = kept
    ctx.forget()
    return 0


def _resources_enabled(value):
    def action(call, rest):
        words = _words(call, rest, 1)
        ctx = open_cluster(call)
        require_rw(ctx)
        name = words.operands[0]
        grp = group(ctx, name)
        for r in ctx.members(name):
            res = ctx.doc["resources"][r]
            res["attrs"].pop("Enabled", None)
            if not value:
                res["attrs"]["Enabled"] = 0
            else:
                for s in views.group_systems(ctx, grp):
                    ctx.probe(r, s)
        return 0
    return action


# ================================================================ operations

def _online(call, rest):
    words = _words(call, rest, 1, flags=("force", "propagate", "any", "nopre"),
                   single=("sys", "checkpartial"))
    if ("any" in words.flags) == (words.one("sys") is not None):
        raise usage(CMD, "Specify -sys system or -any")
    ctx = open_cluster(call)
    name = words.operands[0]
    grp = group(ctx, name)
    now = call.now()
    force, propagate = "force" in words.flags, "propagate" in words.flags
    if "any" in words.flags:
        for s in _any_targets(ctx, name, grp, force, propagate):
            call.print(msg.attempting_online(name, s))
            _bring_online(ctx, name, s, now, force, propagate)
    else:
        s = words.one("sys")
        check_online(ctx, name, s, force, propagate)
        _bring_online(ctx, name, s, now, force, propagate)
    ctx.settle(now)
    return 0


def check_online(ctx, name, s, force=False, propagate=False):
    grp = group(ctx, name)
    system(ctx, s)
    if s not in gattr(grp, "SystemList"):
        raise msg.system_not_in_list(name, s)
    if not ctx.running(s):
        raise msg.system_unavailable(s)
    if is_frozen(grp):
        raise msg.frozen(name)
    if grp["rt"][s]["faulted"] and not force:
        raise msg.group_faulted(name, s)
    if ctx.group_state(name, s) == "ONLINE" or grp["rt"][s]["op"] == "online":
        raise msg.already_online(name, s)
    if not is_parallel(grp):
        for other in ctx.doc["systems"]:
            if other != s and ctx.is_active(name, other):
                raise msg.not_offline_elsewhere(name, s, other)
    if not any(enabled(ctx.doc["resources"][r]) for r in ctx.members(name)):
        raise msg.no_enabled_resources(name)
    if not propagate and not _deps_met(ctx, name, s):
        raise msg.deps_not_met(name, s)


def _deps_met(ctx, name, s):
    for dep in ctx.doc["groups"][name]["deps"]:
        child, location = dep["child"], dep["location"]
        if dep["category"] == "offline":
            if ctx.is_active(child, s):
                return False
        elif location == "local" and ctx.group_state(child, s) != "ONLINE":
            return False
        elif location == "global" and not any(ctx.group_state(child, x) == "ONLINE" for x in ctx.doc["systems"]):
            return False
        elif location == "remote" and not any(ctx.group_state(child, x) == "ONLINE"
                                              for x in ctx.doc["systems"] if x != s):
            return False
    for parent, dep in ctx.group_parents(name):   # an offline-local parent keeps us away
        if dep["category"] == "offline" and ctx.is_active(parent, s):
            return False
    return True


def _bring_online(ctx, name, s, now, force, propagate):
    grp = ctx.doc["groups"][name]
    if force:
        ctx.clear_group(name, s)
    if propagate:
        for dep in grp["deps"]:
            if dep["category"] != "online":
                continue
            child = dep["child"]
            if dep["location"] == "local":
                where = s
            elif any(ctx.group_state(child, x) == "ONLINE" or ctx.is_active(child, x) for x in ctx.doc["systems"]):
                continue
            else:
                exclude = (s,) if dep["location"] == "remote" else ()
                where = ctx.choose_target(child, exclude=exclude)
                if where is None:
                    raise msg.deps_not_met(name, s)
            if ctx.group_state(child, where) != "ONLINE" and ctx.doc["groups"][child]["rt"][where]["op"] != "online":
                check_online(ctx, child, where, force, propagate)
                _bring_online(ctx, child, where, now, force, propagate)
    ctx.begin_online(name, s, now)


def _any_targets(ctx, name, grp, force, propagate):
    if not gattr(grp, "SystemList"):
        raise msg.systemlist_empty(name)
    if is_frozen(grp):
        raise msg.frozen(name)
    if not is_parallel(grp):
        active = ctx.active_systems(name)
        if active:
            raise msg.failover_any_online(name, active[0])
        for s in system_list(grp):
            try:
                check_online(ctx, name, s, force, propagate)
            except CommandFailed:   # try the next system
                continue
            return [s]
        raise msg.no_target(name)
    targets = []
    for s in system_list(grp):
        if ctx.is_active(name, s) and ctx.group_state(name, s) != "PARTIAL":
            continue
        try:
            check_online(ctx, name, s, force, propagate)
        except CommandFailed:
            continue
        targets.append(s)
    if not targets:
        if all(ctx.group_state(name, s) == "ONLINE" for s in system_list(grp) if ctx.running(s)):
            raise msg.parallel_any_online(name)
        raise msg.no_target(name)
    return targets


def _offline(call, rest):
    words = _words(call, rest, 1, flags=("force", "ifprobed", "propagate", "any"), single=("sys",))
    if ("any" in words.flags) == (words.one("sys") is not None):
        raise usage(CMD, "Specify -sys system or -any")
    ctx = open_cluster(call)
    name = words.operands[0]
    grp = group(ctx, name)
    now = call.now()
    if "any" in words.flags:
        if is_frozen(grp):
            raise msg.frozen(name)
        targets = [s for s in ctx.doc["systems"] if ctx.is_active(name, s)]
        if not targets:
            raise msg.not_online(name, "any system")
    else:
        s = system(ctx, words.one("sys"))
        if s not in gattr(grp, "SystemList"):
            raise msg.system_not_in_list(name, s)
        if not ctx.running(s):
            raise msg.system_unavailable(s)
        if is_frozen(grp):
            raise msg.frozen(name)
        if "ifprobed" in words.flags and not ctx.group_probed(name, s):
            return 0
        if not ctx.is_active(name, s):
            raise msg.not_online(name, s)
        targets = [s]
    for s in targets:
        holders = _holding_parents(ctx, name, s)
        if holders and "propagate" not in words.flags:
            raise msg.parents_online(name, s)
        for parent, ps in holders:
            if ctx.doc["groups"][parent]["rt"][ps]["op"] != "offline":
                ctx.begin_offline(parent, ps, now)
        ctx.begin_offline(name, s, now)
    ctx.settle(now)
    return 0


def _holding_parents(ctx, name, s):
    """(parent, system) instances of firm/hard online parents that need this instance,
    parents of parents included (they must go first)."""
    found = []
    for parent, dep in ctx.group_parents(name):
        if dep["category"] != "online" or dep["rigidity"] == "soft":
            continue
        if dep["location"] == "local":
            systems = [s]
        elif dep["location"] == "global":
            if any(ctx.group_state(name, x) == "ONLINE" for x in ctx.doc["systems"] if x != s):
                continue
            systems = list(ctx.doc["systems"])
        else:
            systems = [x for x in ctx.doc["systems"] if x != s]
        for ps in systems:
            if ctx.is_active(parent, ps):
                found += _holding_parents(ctx, parent, ps) + [(parent, ps)]
    return found


def _switch(call, rest):
    words = _words(call, rest, 1, flags=("any", "nopre"), single=("to",))
    if ("any" in words.flags) == (words.one("to") is not None):
        raise usage(CMD, "Specify -to system or -any")
    ctx = open_cluster(call)
    name = words.operands[0]
    grp = group(ctx, name)
    if is_frozen(grp):
        raise msg.frozen(name)
    if is_parallel(grp):
        raise msg.switch_parallel(name)
    sources = [s for s in ctx.doc["systems"]
               if ctx.group_state(name, s) in ("ONLINE", "PARTIAL", "STARTING|PARTIAL")]
    if not sources:
        raise msg.switch_inactive(name)
    source = sources[0]
    hard, firm = _switch_parents(ctx, name, source)
    if firm:
        raise msg.parents_online(name, source)
    if "any" in words.flags:
        target = next((s for s in system_list(grp) if s != source and _switch_ok(ctx, name, s, hard)), None)
        if target is None:
            raise msg.switch_unable(name)
    else:
        target = system(ctx, words.one("to"))
        if target == source:
            raise msg.switch_own(name, target)
        if target not in gattr(grp, "SystemList"):
            raise msg.system_not_in_list(name, target)
        if not ctx.running(target):
            raise msg.system_unavailable(target)
        if grp["rt"][target]["faulted"]:
            raise msg.group_faulted(name, target)
        if not _switch_ok(ctx, name, target, hard):
            raise msg.deps_not_met(name, target)
    now = call.now()
    for parent in hard:   # online local hard parents move with their child
        pgrp = ctx.doc["groups"][parent]
        pgrp["follow"] = {"child": name, "location": "local", "sys": source}
        ctx.begin_offline(parent, source, now, explicit=False)
    ctx.switch(name, source, target, now)
    ctx.settle(now)
    return 0


def _switch_parents(ctx, name, source):
    hard, firm = [], []
    for parent, dep in ctx.group_parents(name):
        if dep["category"] == "online" and dep["location"] == "local" and ctx.is_active(parent, source):
            if dep["rigidity"] == "hard":
                hard.append(parent)
            elif dep["rigidity"] == "firm":
                firm.append(parent)
    return hard, firm


def _switch_ok(ctx, name, target, hard_parents):
    if not ctx.can_start(name, target):
        return False
    return all(target in gattr(ctx.doc["groups"][p], "SystemList") for p in hard_parents)


def _freeze(value):
    def action(call, rest):
        words = _words(call, rest, 1, flags=("persistent",))
        ctx = open_cluster(call)
        name = words.operands[0]
        grp = group(ctx, name)
        persistent = "persistent" in words.flags
        if persistent:
            require_rw(ctx)
            current = gattr(grp, "Frozen")
        else:
            current = grp["tfrozen"]
        if value and current:
            raise msg.already_frozen(persistent)
        if not value and not current:
            raise msg.not_frozen(persistent)
        if persistent:
            set_gattr(grp, "Frozen", value)
        else:
            grp["tfrozen"] = value
        return 0
    return action


def _clear(call, rest):
    words = _words(call, rest, 1, single=("sys",))
    ctx = open_cluster(call)
    name = words.operands[0]
    group(ctx, name)
    systems = [system(ctx, words.one("sys"))] if words.one("sys") else list(ctx.doc["systems"])
    for s in systems:
        ctx.clear_group(name, s)
    return 0


def _flush(call, rest):
    words = _words(call, rest, 1, flags=("force",), single=("sys",))
    if words.one("sys") is None:
        raise usage(CMD, "-flush needs -sys system")
    ctx = open_cluster(call)
    name = words.operands[0]
    group(ctx, name)
    ctx.flush(name, system(ctx, words.one("sys")))
    return 0


# ================================================================ reads

def _names(ctx, operands, missing):
    if not ctx.doc["groups"]:
        raise msg.no_groups()
    for name in operands:
        group(ctx, name, missing)
    return operands or sorted(ctx.doc["groups"])


def _state(call, rest):
    call.mark_readonly()
    words = _words(call, rest, multi=("sys",))
    ctx = open_cluster(call)
    names = _names(ctx, words.operands, msg.group_not_in_cluster)
    systems = words.many("sys") or None
    for s in systems or ():
        system(ctx, s)
    if len(words.operands) == 1 and systems and len(systems) == 1:
        name, s = names[0], systems[0]
        if s not in gattr(ctx.doc["groups"][name], "SystemList"):
            raise msg.system_not_in_list(name, s)
        # one group on one system: the bare value (the product's installer compares
        # `hagrp -state cvm -sys <sys>` with 'ONLINE')
        call.print(ctx.group_state(name, s))
        return 0
    rows = [row for name in names for row in views.group_rows(ctx, name, ("State",), systems)]
    for line in group_table([r[:3] + (r[3],) for r in rows]):
        call.print(line)
    return 0


def _display(call, rest):
    call.mark_readonly()
    words = _words(call, rest, multi=("attribute", "sys"))
    ctx = open_cluster(call)
    names = _names(ctx, words.operands, msg.group_not_in_cluster)
    for s in words.many("sys"):
        system(ctx, s)
    attributes = words.many("attribute") or None
    rows = [row for name in names
            for row in views.group_rows(ctx, name, attributes, words.many("sys") or None)]
    for line in group_table(rows):
        call.print(line)
    return 0


def _list(call, rest):
    call.mark_readonly()
    words = _words(call, rest)
    conditions = views.parse_conditions(words.operands)
    if conditions is None:
        raise usage(CMD, "Invalid conditional")
    ctx = open_cluster(call)
    if not ctx.doc["groups"]:
        raise msg.no_groups()
    for attr, _op, _value in conditions:
        if not views.is_group_attribute(attr):
            raise msg.attribute_missing(attr, "groups")
    for name in sorted(ctx.doc["groups"]):
        grp = ctx.doc["groups"][name]
        for s in views.group_systems(ctx, grp):
            if all(views.matches(views.group_value(ctx, name, attr, s if views.group_is_local(grp, attr) else None),
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
    grp = group(ctx, name)
    if not views.is_group_attribute(attr):
        raise msg.attribute_missing(attr, "group %s" % name)
    s = None
    if views.group_is_local(grp, attr):
        s = system(ctx, words.operands[2] if len(words.operands) == 3 else call.node)
    call.print(views.group_value(ctx, name, attr, s))
    return 0


def _dep(call, rest):
    call.mark_readonly()
    words = _words(call, rest)
    ctx = open_cluster(call)
    for name in words.operands:
        group(ctx, name, msg.group_missing_dep)
    wanted = set(words.operands)
    rows = []
    for parent in sorted(ctx.doc["groups"]):
        for dep in ctx.doc["groups"][parent]["deps"]:
            if not wanted or parent in wanted or dep["child"] in wanted:
                words_ = [dep["category"], dep["location"]] + ([dep["rigidity"]] if dep["rigidity"] else [])
                rows.append((parent, dep["child"], " ".join(words_)))
    if not rows:
        raise msg.no_group_deps()
    call.print("#Parent        Child           Relationship")   # sample hagrp_dep_1
    for row in rows:
        call.print("%-14s %-15s %s" % row)   # [recon] row padding (sample rows are fixture-spaced)
    return 0


def _resources(call, rest):
    call.mark_readonly()
    words = _words(call, rest, 1)
    ctx = open_cluster(call)
    name = words.operands[0]
    group(ctx, name)
    for r in ctx.members(name):
        call.print(r)
    return 0


def _wait(call, rest):
    call.mark_readonly()
    words = _words(call, rest, 3, single=("sys", "time"))
    timeout = waits.parse_timeout(words.one("time"), lambda p: usage(CMD, p)) if words.one("time") else None
    ctx = open_cluster(call)
    name, attr, wanted = words.operands
    grp = group(ctx, name)
    if not views.is_group_attribute(attr):
        raise msg.attribute_missing(attr, "group %s" % name)
    s = None
    if views.group_is_local(grp, attr):
        s = system(ctx, words.one("sys") or call.node)

    def reached(c):
        if name not in c.doc["groups"]:
            return False
        return views.matches(views.group_value(c, name, attr, s), "=", wanted, attr)

    return waits.wait(call, reached, timeout)


ACTIONS = {
    "add": _add, "delete": _delete, "modify": _modify, "link": _link, "unlink": _unlink,
    "enableresources": _resources_enabled(1), "disableresources": _resources_enabled(0),
    "online": _online, "offline": _offline, "switch": _switch,
    "freeze": _freeze(1), "unfreeze": _freeze(0), "clear": _clear, "flush": _flush,
    "state": _state, "display": _display, "list": _list, "value": _value, "dep": _dep,
    "resources": _resources, "wait": _wait,
}
