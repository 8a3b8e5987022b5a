"""hagrp: service groups (configuration, operations, reads).

Global groups (GCO, see gco.py): -online/-offline/-switch/-clear/-flush/-state/-display/
-value/-wait take `-clus cluster` to act on (or read) the group in a remote cluster of its
ClusterList, which must be RUNNING; -state of a global group adds `cluster:system` rows
for its RUNNING remote clusters; a switch to another cluster takes the group offline here,
then online there.
"""
from ..errors import CommandFailed
from . import gco, grpattrs, modify, views, waits
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


def _words(call, rest, count=None, remote=False, **spec):
    """remote: -clus may name a remote cluster (checked by _cluster_engine)."""
    words = parse(CMD, rest, **spec)
    if not remote:
        check_cluster(call, words.one("clus"))
    if count is not None and len(words.operands) != count:
        raise usage(CMD)
    return words


def _settle(ctx, now):
    if ctx.gco is not None:
        ctx.gco.settle(now)
    else:
        ctx.settle(now)


def _remote_name(ctx, words):
    """The remote cluster -clus names, or None for this cluster."""
    clus = words.one("clus")
    if clus is None or clus == ctx.doc["cluster"] or "localclus" in words.flags:
        return None
    if ctx.gco is None or clus not in gco.conf(ctx.doc)["remotes"]:
        raise msg.cluster_missing(clus)
    return clus


def _cluster_engine(ctx, words, name):
    """The engine of the cluster -clus names for group `name` (this one by default): a
    remote cluster needs a global group with that cluster in its ClusterList, RUNNING."""
    clus = _remote_name(ctx, words)
    if clus is None:
        return ctx
    grp = group(ctx, name)
    if not gco.is_global(grp):
        raise msg.not_global(name)
    if clus not in gattr(grp, "ClusterList"):
        raise msg.not_in_cluster_list(clus, name)
    state = ctx.gco.state(ctx.doc["cluster"], clus)
    if state != "RUNNING":
        raise msg.remote_not_running(clus, state)
    other = ctx.gco.engine(clus)
    if name not in other.doc["groups"]:
        raise msg.group_not_in_remote(name, clus)
    return other


def check_global_online(ctx, name):
    """A failover global group runs in one cluster at a time: not while it is active in a
    RUNNING remote cluster, nor while a remote cluster that is not RUNNING holds its
    Authority (until that cluster's failure is declared)."""
    grp = ctx.doc["groups"][name]
    members = gattr(grp, "ClusterList")
    if not members or is_parallel(grp):
        return
    local = ctx.doc["cluster"]
    if local not in members:
        raise msg.not_in_cluster_list(local, name)
    federation = ctx.gco
    if federation is None:
        return
    for c in gco.cluster_list(grp):
        if c == local or c not in federation.remotes(local) or federation.engine(c) is None:
            continue
        other = federation.engine(c)
        other_grp = other.doc["groups"].get(name)
        if other_grp is None:
            continue
        state = federation.state(local, c)
        if state == "RUNNING":
            if other.active_systems(name):
                raise msg.global_active_elsewhere(name, c)
        elif gattr(other_grp, "Authority") and not gattr(grp, "Authority") and not federation.declared(local, c):
            raise msg.authority_elsewhere(name, c, state)


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
    elif attr == "ClusterList":
        known = [ctx.doc["cluster"]] + list(gco.conf(ctx.doc)["remotes"])
        for c in value:
            if c not in known:
                raise msg.cluster_list_unknown(c)
    elif attr == "ClusterFailOverPolicy" and value not in gco.POLICIES:
        raise msg.bad_value("ClusterFailOverPolicy must be Manual, Auto or Connected: %s" % value)
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
    words = _words(call, rest, 1, remote=True, flags=("force", "propagate", "any", "nopre"),
                   single=("sys", "checkpartial"))
    if ("any" in words.flags) == (words.one("sys") is not None):
        raise usage(CMD, "Specify -sys system or -any")
    ctx = open_cluster(call)
    name = words.operands[0]
    group(ctx, name)
    eng = _cluster_engine(ctx, words, name)
    grp = group(eng, name)
    now = call.now()
    force, propagate = "force" in words.flags, "propagate" in words.flags
    if "any" in words.flags:
        for s in _any_targets(eng, name, grp, force, propagate):
            call.print(msg.attempting_online(name, s))
            _bring_online(eng, name, s, now, force, propagate)
    else:
        s = words.one("sys")
        check_online(eng, name, s, force, propagate)
        _bring_online(eng, name, s, now, force, propagate)
    _settle(ctx, now)
    return 0


def _check_usable(ctx, name, grp, s):
    """The group may be acted on on system s: s is in its SystemList and running."""
    if s not in gattr(grp, "SystemList"):
        raise msg.system_not_in_list(name, s)
    if not ctx.running(s):
        raise msg.system_unavailable(s)


def check_online(ctx, name, s, force=False, propagate=False):
    grp = group(ctx, name)
    system(ctx, s)
    _check_usable(ctx, name, grp, s)
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
    check_global_online(ctx, name)


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
    check_global_online(ctx, name)
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
    words = _words(call, rest, 1, remote=True, flags=("force", "ifprobed", "propagate", "any"), single=("sys",))
    if ("any" in words.flags) == (words.one("sys") is not None):
        raise usage(CMD, "Specify -sys system or -any")
    local = open_cluster(call)
    name = words.operands[0]
    group(local, name)
    ctx = _cluster_engine(local, words, name)
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
        _check_usable(ctx, name, grp, s)
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
    _settle(local, now)
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
    words = _words(call, rest, 1, remote=True, flags=("any", "nopre"), single=("to",))
    if ("any" in words.flags) == (words.one("to") is not None):
        raise usage(CMD, "Specify -to system or -any")
    local = open_cluster(call)
    name = words.operands[0]
    group(local, name)
    ctx = _cluster_engine(local, words, name)
    source_ctx = _switch_source(local, ctx, name)
    if source_ctx is not ctx:
        return _switch_clusters(call, words, source_ctx, ctx, name)
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
        _check_usable(ctx, name, grp, target)
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
    _settle(local, now)
    return 0


def _active_sources(ctx, name):
    return [s for s in ctx.doc["systems"] if ctx.group_state(name, s) in ("ONLINE", "PARTIAL", "STARTING|PARTIAL")]


def _switch_source(local, target_ctx, name):
    """The engine of the cluster where a global group runs, when it is not the target
    cluster (a switch between clusters); else target_ctx."""
    federation = local.gco
    grp = local.doc["groups"][name]
    if federation is None or not gco.is_global(grp) or _active_sources(target_ctx, name):
        return target_ctx
    here = local.doc["cluster"]
    for c in [here] + [c for c in gco.cluster_list(grp) if c != here]:
        other = federation.engine(c)
        if other is None or other is target_ctx or name not in other.doc["groups"]:
            continue
        if c != here and (c not in federation.remotes(here) or federation.state(here, c) != "RUNNING"):
            continue
        if _active_sources(other, name):
            return other
    return target_ctx


def _switch_clusters(call, words, source_ctx, ctx, name):
    """Switch a global group from source_ctx's cluster to ctx's: offline there, then
    online here on -to system or the first system that can take it."""
    cluster = ctx.doc["cluster"]
    sgrp, grp = source_ctx.doc["groups"][name], ctx.doc["groups"][name]
    if is_frozen(sgrp) or is_frozen(grp):
        raise msg.frozen(name)
    if is_parallel(sgrp):
        raise msg.global_parallel_switch(name)
    if cluster not in gattr(sgrp, "ClusterList"):
        raise msg.not_in_cluster_list(cluster, name)
    source = _active_sources(source_ctx, name)[0]
    hard, firm = _switch_parents(source_ctx, name, source)
    if hard or firm:
        raise msg.parents_online(name, source)
    if "any" in words.flags:
        target = ctx.choose_target(name)
        if target is None:
            raise msg.switch_unable(name)
    else:
        target = system(ctx, words.one("to"))
        _check_usable(ctx, name, grp, target)
        if grp["rt"][target]["faulted"]:
            raise msg.group_faulted(name, target)
        if not ctx.can_start(name, target):
            raise msg.deps_not_met(name, target)
    now = call.now()
    source_ctx.switch(name, source, target, now, cluster=cluster)
    ctx.gco.settle(now)
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
    words = _words(call, rest, 1, remote=True, single=("sys",))
    local = open_cluster(call)
    name = words.operands[0]
    group(local, name)
    ctx = _cluster_engine(local, words, name)
    systems = [system(ctx, words.one("sys"))] if words.one("sys") else list(ctx.doc["systems"])
    for s in systems:
        ctx.clear_group(name, s)
    return 0


def _flush(call, rest):
    words = _words(call, rest, 1, remote=True, flags=("force",), single=("sys",))
    if words.one("sys") is None:
        raise usage(CMD, "-flush needs -sys system")
    local = open_cluster(call)
    name = words.operands[0]
    group(local, name)
    ctx = _cluster_engine(local, words, name)
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
    words = _words(call, rest, remote=True, multi=("sys",))
    local = open_cluster(call)
    names = _names(local, words.operands, msg.group_not_in_cluster)
    remote = _remote_name(local, words)
    if remote is not None:
        if not words.operands:
            names = [g for g in names if remote in gattr(local.doc["groups"][g], "ClusterList")
                     and g in local.gco.engine(remote).doc["groups"]]
        engines = [_cluster_engine(local, words, g) for g in names]
        ctx = engines[0] if engines else local.gco.engine(remote)
    else:
        ctx = local
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
    rows = []
    for name in names:
        own = views.group_rows(ctx, name, ("State",), systems)
        if remote is not None:
            rows += [(g, a, "%s:%s" % (remote, s), v) for g, a, s, v in own]
        else:
            rows += own + ([] if systems else _remote_state_rows(ctx, name))
    for line in group_table(rows):
        call.print(line)
    return 0


def _remote_state_rows(ctx, name):
    """`cluster:system` State rows of a global group in its RUNNING remote clusters
    (ClusterList order) [recon: the product shows them; their order is ours]."""
    grp = ctx.doc["groups"][name]
    federation, here = ctx.gco, ctx.doc["cluster"]
    if federation is None or not gco.is_global(grp):
        return []
    rows = []
    for c in gco.cluster_list(grp):
        if c == here or c not in federation.remotes(here) or federation.state(here, c) != "RUNNING":
            continue
        other = federation.engine(c)
        if name in other.doc["groups"]:
            rows += [(g, a, "%s:%s" % (c, s), v) for g, a, s, v in views.group_rows(other, name, ("State",))]
    return rows


def _display(call, rest):
    call.mark_readonly()
    words = _words(call, rest, remote=True, multi=("attribute", "sys"))
    local = open_cluster(call)
    names = _names(local, words.operands, msg.group_not_in_cluster)
    ctx = local
    if _remote_name(local, words) is not None:
        if not words.operands:
            raise usage(CMD, "Specify the global group(s) to display in cluster %s" % words.one("clus"))
        ctx = [_cluster_engine(local, words, g) for g in names][0]
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
    words = _words(call, rest, remote=True)
    if len(words.operands) not in (2, 3):
        raise usage(CMD)
    local = open_cluster(call)
    name, attr = words.operands[:2]
    group(local, name)
    ctx = _cluster_engine(local, words, name)
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
    words = _words(call, rest, 3, remote=True, single=("sys", "time"))
    timeout = waits.parse_timeout(words.one("time"), lambda p: usage(CMD, p)) if words.one("time") else None
    local = open_cluster(call)
    name, attr, wanted = words.operands
    group(local, name)
    ctx = _cluster_engine(local, words, name)
    remote = ctx.doc["cluster"] if ctx is not local else None
    grp = group(ctx, name)
    if not views.is_group_attribute(attr):
        raise msg.attribute_missing(attr, "group %s" % name)
    s = None
    if views.group_is_local(grp, attr):
        s = system(ctx, words.one("sys") or call.node)

    def reached(c):
        if remote is not None:
            c = c.gco.engine(remote) if c.gco is not None else None
        if c is None or name not in c.doc["groups"]:
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
