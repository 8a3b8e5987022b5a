"""The VCS domain document of one cluster ('vcs:<cluster>') and lookups on it.

doc = {
  "cluster": name, "readonly": bool, "seq": int (event order counter),
  "systems": {node: {"had": bool, "frozen": 0|1, "tfrozen": 0|1}},      # cluster order
  "groups": {name: {"attrs": {attr: value != default}, "local": {attr: {sys: value}},
                    "deps": [{"child", "category", "location", "rigidity"}],
                    "intent": 0|1, "tfrozen": 0|1,
                    "next": None | {"from": sys, "kind": "failover"|"switch", "to": sys|None,
                                    ["clus": cluster (a switch to another cluster, gco.py)]},
                    "follow": None | {"child": g, "location": loc, "sys": sys},
                    "rt": {sys: {"op": None|"online"|"offline", "faulted": bool}}}},
  "resources": {name: {"group", "type", "attrs": {...}, "local": {attr: {sys: value}},
                       "children": [names], "times": {"online"?: s, "offline"?: s},
                       "last_online": sys|"",
                       "rt": {sys: {"state": "OFFLINE"|"ONLINE"|"FAULTED", "probed": bool,
                                    "busy": None | {"op", "start", "end", "seq", "fail"}}}}},
  "busy": {"<res>\\t<sys>": [end, seq]},          # index of resources in transition
  "times": {"online": {type: s}, "offline": {type: s}},   # estate overrides
  "faults": {"pending": [{"resource", "kind": "online"}], "log": [{...}]},
  "gco": {...},        # once remote clusters or ClusterAddress are configured: see gco.py
}
Runtime entries ("rt") exist for every system of the cluster, so reads never add keys.
"""
from . import grpattrs, types


def fresh_domain(cluster, settings=None):
    settings = settings or {}
    return {
        "cluster": cluster["name"],
        "readonly": True,
        "seq": 0,
        "systems": {node: {"had": True, "frozen": 0, "tfrozen": 0} for node in cluster["nodes"]},
        "groups": {},
        "resources": {},
        "busy": {},
        "times": {"online": dict(settings.get("online_times", {})),
                  "offline": dict(settings.get("offline_times", {}))},
        "faults": {"pending": [], "log": []},
    }


def new_group(doc):
    return {"attrs": {}, "local": {}, "deps": [], "intent": 0, "tfrozen": 0, "next": None,
            "follow": None, "rt": {s: {"op": None, "faulted": False} for s in doc["systems"]}}


def new_resource(doc, group, type_name):
    return {"group": group, "type": type_name, "attrs": {"Enabled": 0}, "local": {}, "children": [],
            "times": {}, "last_online": "",
            "rt": {s: {"state": "OFFLINE", "probed": False, "busy": None} for s in doc["systems"]}}


# ------------------------------------------------------------------ group attributes

def gattr(grp, name, system=None):
    if name in grp["local"]:
        values = grp["local"][name]
        return values.get(system, grpattrs.CONFIG[name]["default"]) if system else values
    if name == "TFrozen":
        return grp["tfrozen"]
    return grp["attrs"].get(name, grpattrs.CONFIG[name]["default"])


def set_gattr(grp, name, value):
    if value == grpattrs.CONFIG[name]["default"]:
        grp["attrs"].pop(name, None)
    else:
        grp["attrs"][name] = value


def system_list(grp):
    """SystemList systems by priority (then by their order in the list)."""
    entries = list(gattr(grp, "SystemList").items())
    return [s for s, _ in sorted(entries, key=lambda item: (item[1], entries.index(item)))]


def is_parallel(grp):
    return bool(gattr(grp, "Parallel"))


def is_frozen(grp):
    return bool(gattr(grp, "Frozen") or grp["tfrozen"])


# ------------------------------------------------------------------ resource attributes

def rattr(res, name, system=None):
    if name in res["local"]:
        values = res["local"][name]
        default = types.definition(res["type"], name)["default"]
        return values.get(system, default) if system else values
    return res["attrs"].get(name, types.definition(res["type"], name)["default"])


def set_rattr(res, name, value, system=None):
    definition = types.definition(res["type"], name)
    if system is not None:
        res["local"][name][system] = value
    elif value == definition["default"]:
        res["attrs"].pop(name, None)
    else:
        res["attrs"][name] = value


def enabled(res):
    return bool(rattr(res, "Enabled"))


def critical(res):
    return bool(rattr(res, "Critical"))


# ------------------------------------------------------------------ times

def online_time(doc, res):
    if "online" in res["times"]:
        return res["times"]["online"]
    base = doc["times"]["online"].get(res["type"], types.ONLINE_TIME.get(res["type"], types.DEFAULT_TIME))
    if res["type"] == "KVMGuest":
        base += rattr(res, "DelayAfterGuestOnline")
    return base


def offline_time(doc, res):
    if "offline" in res["times"]:
        return res["times"]["offline"]
    base = doc["times"]["offline"].get(res["type"], types.OFFLINE_TIME.get(res["type"], types.DEFAULT_TIME))
    if res["type"] == "KVMGuest":
        base += rattr(res, "DelayAfterGuestOffline")
    return base
