"""The VCS document of a cluster at `infoscale-sim init`/`reset`: systems RUNNING, the
configuration read-only, and the service groups the estate asks for."""
from .attrs import parse_replace
from .model import fresh_domain, new_group, new_resource, set_gattr, set_rattr
from . import types


def vcs_domain(cluster, settings):
    doc = fresh_domain(cluster, settings)
    for spec in settings.get("groups", {}).get(cluster["name"], []):
        _add_group(doc, spec)
    return doc


def _add_group(doc, spec):
    grp = new_group(doc)
    doc["groups"][spec["name"]] = grp
    set_gattr(grp, "SystemList", {s: i for i, s in enumerate(spec["system_list"])})
    set_gattr(grp, "Parallel", 1 if spec["parallel"] else 0)
    if spec["autostart"]:
        set_gattr(grp, "AutoStartList", list(spec["system_list"]))
    for res_spec in spec["resources"]:
        res = new_resource(doc, spec["name"], res_spec["type"])
        res["attrs"].pop("Enabled")
        for attr, value in res_spec["attributes"].items():
            definition = types.definition(res_spec["type"], attr)
            words = value if isinstance(value, list) else (
                [w for kv in value.items() for w in kv] if isinstance(value, dict) else [value])
            set_rattr(res, attr, parse_replace(definition, [str(w) for w in words]))
        if not res_spec["critical"]:
            set_rattr(res, "Critical", 0)
        res["children"] = list(res_spec["requires"])
        doc["resources"][res_spec["name"]] = res
    targets = spec["system_list"] if spec["parallel"] else spec["system_list"][:1]
    for s in spec["system_list"]:
        for name, res in doc["resources"].items():
            if res["group"] == spec["name"]:
                res["rt"][s]["probed"] = True
                if spec["autostart"] and s in targets:
                    res["rt"][s]["state"] = "ONLINE"
                    res["last_online"] = s
    if spec["autostart"]:
        grp["intent"] = 1
