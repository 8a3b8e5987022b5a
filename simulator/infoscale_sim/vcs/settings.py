"""The optional `vcs:` section of an estate file: agent times and service groups that
exist (and may run) from the start.

    vcs:
      online_times: {Application: 8, KVMGuest: 20}     # simulated seconds per type
      offline_times: {Application: 4}
      groups:
        prodclus:                                      # cluster name
          - name: ClusterService
            system_list: [prod-n1, prod-n2]            # default: every node, in order
            parallel: false
            autostart: true                            # online on the first system at init
            resources:
              - {name: csgnic, type: NIC, attributes: {Device: eth0}}
              - {name: webip, type: IP, attributes: {Device: eth0, Address: 10.0.0.10},
                 requires: [csgnic]}
"""
from ..errors import EstateError
from . import types

KEYS = {"online_times", "offline_times", "groups"}
GROUP_KEYS = {"name", "system_list", "parallel", "autostart", "resources"}
RESOURCE_KEYS = {"name", "type", "attributes", "requires", "critical"}


def validate(data, clusters, source):
    """Normalised settings (plain data) or EstateError naming the bad field."""
    where = "%s: vcs" % source
    if data is None:
        return {}
    if not isinstance(data, dict) or set(data) - KEYS:
        raise EstateError("%s: must be a mapping with keys %s" % (where, ", ".join(sorted(KEYS))))
    result = {}
    for key in ("online_times", "offline_times"):
        times = data.get(key) or {}
        if not isinstance(times, dict):
            raise EstateError("%s.%s: must map type names to seconds" % (where, key))
        for type_name, seconds in times.items():
            if type_name not in types.TYPES:
                raise EstateError("%s.%s: unknown resource type %r" % (where, key, type_name))
            if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or seconds < 0:
                raise EstateError("%s.%s.%s: must be a number of seconds >= 0" % (where, key, type_name))
        result[key] = {k: float(v) for k, v in times.items()}
    groups = data.get("groups") or {}
    if not isinstance(groups, dict):
        raise EstateError("%s.groups: must map cluster names to lists of groups" % where)
    result["groups"] = {}
    for cluster, entries in groups.items():
        if cluster not in clusters:
            raise EstateError("%s.groups: unknown cluster %r" % (where, cluster))
        if not isinstance(entries, list):
            raise EstateError("%s.groups.%s: must be a list" % (where, cluster))
        result["groups"][cluster] = [_group(g, clusters[cluster], "%s.groups.%s[%d]" % (where, cluster, i))
                                     for i, g in enumerate(entries)]
    return result


def _group(data, nodes, where):
    if not isinstance(data, dict) or "name" not in data or set(data) - GROUP_KEYS:
        raise EstateError("%s: a group needs 'name' and may have %s" % (where, ", ".join(sorted(GROUP_KEYS - {"name"}))))
    system_list = data.get("system_list") or list(nodes)
    if any(s not in nodes for s in system_list):
        raise EstateError("%s.system_list: systems must be nodes of the cluster" % where)
    resources = []
    names = set()
    for i, res in enumerate(data.get("resources") or []):
        w = "%s.resources[%d]" % (where, i)
        if not isinstance(res, dict) or not {"name", "type"} <= set(res) or set(res) - RESOURCE_KEYS:
            raise EstateError("%s: a resource needs 'name' and 'type'" % w)
        if res["type"] not in types.TYPES:
            raise EstateError("%s.type: unknown resource type %r" % (w, res["type"]))
        for attr in (res.get("attributes") or {}):
            if types.definition(res["type"], attr) is None:
                raise EstateError("%s.attributes: %s has no attribute %r" % (w, res["type"], attr))
        names.add(res["name"])
        resources.append({"name": str(res["name"]), "type": res["type"],
                          "attributes": dict(res.get("attributes") or {}),
                          "requires": list(res.get("requires") or []),
                          "critical": bool(res.get("critical", True))})
    for res in resources:
        for child in res["requires"]:
            if child not in names:
                raise EstateError("%s: resource %s requires unknown resource %r" % (where, res["name"], child))
    return {"name": str(data["name"]), "system_list": list(system_list), "parallel": bool(data.get("parallel")),
            "autostart": bool(data.get("autostart")), "resources": resources}
