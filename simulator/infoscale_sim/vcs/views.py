"""Attribute values of groups, resources, systems and the cluster as the ha* commands
show them (-display, -value, -list, -wait), computed from the settled document."""
import re

from . import grpattrs, types
from .attrs import display
from .model import gattr, rattr

RESOURCE_DYNAMIC_SYS = ("ConfidenceLevel", "Flags", "IState", "Probed", "ResourceInfo", "Start", "State")
RESOURCE_DYNAMIC_GLOBAL = ("LastOnline",)
CONDITION = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(!=|>=|<=|=|>|<)(.*)$")


def unpipe(value):
    return value.strip("|")


# ------------------------------------------------------------------ groups

def group_systems(ctx, grp):
    """Systems of the group's SystemList in cluster order."""
    listed = gattr(grp, "SystemList")
    return [s for s in ctx.doc["systems"] if s in listed]


def group_attribute_names():
    return sorted(set(grpattrs.CONFIG) | set(grpattrs.DYNAMIC_GLOBAL) | set(grpattrs.PER_SYSTEM))


def is_group_attribute(name):
    return name in grpattrs.CONFIG or name in grpattrs.DYNAMIC_GLOBAL or name in grpattrs.PER_SYSTEM


def group_is_local(grp, name):
    return name in grpattrs.PER_SYSTEM or name in grp["local"]


def group_value(ctx, name, attr, system=None):
    """Display text of a group attribute (per-system ones need `system`)."""
    grp = ctx.doc["groups"][name]
    if attr == "State":
        return "|%s|" % ctx.group_state(name, system)
    if attr == "Probed":
        return "1" if ctx.group_probed(name, system) else "0"
    if attr in ("AutoDisabled", "ProbesPending"):
        return "0"
    if attr == "IntentOnline":
        return str(grp["intent"])
    if attr == "CurrentCount":
        return str(sum(1 for s in ctx.doc["systems"] if ctx.group_state(name, s) in ("ONLINE", "PARTIAL")))
    if attr == "TargetCount":
        if not grp["intent"]:
            return "0"
        return str(len(gattr(grp, "SystemList")) if gattr(grp, "Parallel") else 1)
    if attr == "LastSuccess":
        return "0"
    if attr in grp["local"]:
        return display(gattr(grp, attr, system))
    return display(gattr(grp, attr))


def group_rows(ctx, name, attributes=None, systems=None):
    """(group, attribute, system|global, value) rows in hagrp -display order."""
    grp = ctx.doc["groups"][name]
    listed = group_systems(ctx, grp)
    shown = [s for s in listed if systems is None or s in systems]
    rows = []
    for attr in group_attribute_names():
        if attributes is not None and attr not in attributes:
            continue
        if group_is_local(grp, attr):
            rows += [(name, attr, s, group_value(ctx, name, attr, s)) for s in shown]
        else:
            rows.append((name, attr, "global", group_value(ctx, name, attr)))
    return rows


# ------------------------------------------------------------------ resources

def resource_attribute_names(type_name):
    rest = set(types.COMMON) | set(types.TYPES[type_name]["attrs"]) | set(RESOURCE_DYNAMIC_SYS) \
        | set(RESOURCE_DYNAMIC_GLOBAL)
    return ["Group", "Type"] + sorted(rest)


def is_resource_attribute(type_name, name):
    return name in resource_attribute_names(type_name)


def resource_is_local(res, name):
    return name in RESOURCE_DYNAMIC_SYS or name in res["local"]


def resource_value(ctx, name, attr, system=None):
    res = ctx.doc["resources"][name]
    if attr == "Group":
        return res["group"]
    if attr == "Type":
        return res["type"]
    if attr == "LastOnline":
        return res["last_online"]
    if attr in RESOURCE_DYNAMIC_SYS:
        rr = res["rt"][system]
        if attr == "State":
            return ctx.resource_state(name, system)
        if attr == "IState":
            return ctx.istate(name, system)
        if attr == "Probed":
            return "1" if rr["probed"] else "0"
        if attr == "ConfidenceLevel":
            return "100" if rr["state"] == "ONLINE" else "0"
        if attr == "Start":
            busy = rr["busy"]
            return "1" if rr["state"] == "ONLINE" or busy and busy["op"] == "online" else "0"
        if attr == "ResourceInfo":
            return display({"State": "Valid" if rr["probed"] else "Stale", "Msg": "", "TS": ""})
        return ""
    if attr in res["local"]:
        return display(rattr(res, attr, system))
    return display(rattr(res, attr))


def resource_systems(ctx, res):
    return group_systems(ctx, ctx.doc["groups"][res["group"]])


def resource_rows(ctx, name, attributes=None, systems=None):
    res = ctx.doc["resources"][name]
    shown = [s for s in resource_systems(ctx, res) if systems is None or s in systems]
    rows = []
    for attr in resource_attribute_names(res["type"]):
        if attributes is not None and attr not in attributes:
            continue
        if resource_is_local(res, attr):
            rows += [(name, attr, s, resource_value(ctx, name, attr, s)) for s in shown]
        else:
            rows.append((name, attr, "global", resource_value(ctx, name, attr)))
    return rows


# ------------------------------------------------------------------ systems and cluster

def system_rows(ctx, system):
    info = ctx.doc["systems"][system]
    index = list(ctx.doc["systems"]).index(system)
    state = ctx.system_state(system)
    values = [
        ("AgentsStopped", "0"), ("Capacity", "100"), ("ConfigBlockCount", "0"),
        ("ConfigCheckSum", "0"), ("ConfigDiskState", "CURRENT"), ("CurrentLimits", ""),
        ("DiskHbStatus", ""), ("DynamicLoad", "0"), ("EngineRestarted", "0"),
        ("Frozen", str(info["frozen"])), ("GUIIPAddr", ""), ("LLTNodeId", str(index)),
        ("Limits", ""), ("LinkHbStatus", ""), ("Load", "0"), ("NodeId", str(index)),
        ("OnGrpCnt", str(sum(1 for g in ctx.doc["groups"] if ctx.group_state(g, system) == "ONLINE"))),
        ("ShutdownTimeout", "600"), ("SourceFile", "./main.cf"), ("SysInfo", "Linux"),
        ("SysName", system), ("SysState", state), ("SystemLocation", ""), ("SystemOwner", ""),
        ("TFrozen", str(info["tfrozen"])), ("UpDownState", "Down" if state == "FAULTED" else "Up"),
        ("UserInt", "0"), ("UserStr", ""), ("VCSFeatures", "NONE"), ("VCSMode", "VCS"),
    ]
    return values


def cluster_rows(ctx, now, state="RUNNING", address=None):
    """haclus -display rows of ctx's cluster; a remote cluster is shown with the state and
    the ClusterAddress the local cluster knows it by [recon for remote clusters]."""
    import uuid

    from .gco import conf

    gco = conf(ctx.doc)
    cid = uuid.uuid5(uuid.NAMESPACE_DNS, "infoscale-sim." + ctx.doc["cluster"])
    features = "GCO" if gco["address"] or gco["remotes"] else "NONE"   # [recon] GCO once configured
    return [
        ("AdministratorGroups", ""), ("Administrators", "admin"), ("AutoAddSystemToCSG", "1"),
        ("AutoClearQ", ""), ("AutoStartTimeout", "150"), ("BackupInterval", "0"),
        ("CID", "{%s}" % cid), ("ClusState", state),
        ("ClusterAddress", gco["address"] if address is None else address),
        ("ClusterLocation", ""), ("ClusterName", ctx.doc["cluster"]), ("ClusterOwner", ""),
        ("ClusterTime", str(int(now))), ("CounterInterval", "5"), ("DumpingMembership", "0"),
        ("EngineClass", "RT"), ("Guests", ""), ("GroupLimit", "200"), ("HacliUserLevel", "NONE"),
        ("LockMemory", "ALL"), ("LogSize", "33554432"), ("Operators", ""), ("PrintMsg", "0"),
        ("ReadOnly", "1" if ctx.doc["readonly"] else "0"), ("SourceFile", "./main.cf"),
        ("Stewards", ""), ("UseFence", "NONE"), ("UserNames", "admin"), ("VCSFeatures", features),
        ("VCSMode", "VCS"), ("WACPort", "14155"),
    ]


# ------------------------------------------------------------------ conditionals (-list)

def parse_conditions(words):
    conditions = []
    for word in words:
        match = CONDITION.match(word)
        if not match:
            return None
        conditions.append(match.groups())
    return conditions


def matches(value, op, wanted, attr):
    if attr == "State":
        value, wanted = unpipe(value), unpipe(wanted)
    if op in ("=", "!="):
        return (value == wanted) == (op == "=")
    try:
        left, right = int(value), int(wanted)
    except ValueError:
        return False
    return {">": left > right, "<": left < right, ">=": left >= right, "<=": left <= right}[op]
