"""main.cf and types.cf text in hacf's layout, and the files `haconf -dump` writes.

Layout (samples maincf_2_linbit_drbd.cf, maincf_fragment_1.cf): include lines, the
cluster block (with ClusterAddress under GCO), the remotecluster and heartbeat blocks
(reference 8.6, [recon]), one block per system, then per group: the group block, its resources
sorted by type then name (each block followed by a blank line), the `requires group`
lines, the `<parent> requires <child>` lines, two blank lines, the generated
`// resource dependency tree` comment and two blank lines. Indentation is one tab per
level; only attributes that differ from their defaults are written; local attributes
are written once per system as `Attr @sys = value`.
"""
import os

from . import attrs, grpattrs, types

ADMIN_PASSWORD = "GPQiPKpMQlQQoYQkPN"   # [recon] an encrypted-looking admin password
CONFIG_DIR = os.path.join("etc", "VRTSvcs", "conf", "config")
T = "\t"


def render(doc, systems):
    from .gco import conf

    gco = conf(doc)
    lines = ['include "types.cf"', "", "cluster %s (" % doc["cluster"], T + "UserNames = { admin = %s }" % ADMIN_PASSWORD]
    if gco["address"]:
        lines.append(T + "ClusterAddress = %s" % attrs.maincf_scalar(gco["address"]))
    lines += [T + "Administrators = { admin }", T + ")", ""]
    for name in sorted(gco["remotes"]):
        lines += ["remotecluster %s (" % name,
                  T + "ClusterAddress = %s" % attrs.maincf_scalar(gco["remotes"][name]["ClusterAddress"]), T + ")", ""]
    for name in sorted(gco["heartbeats"]):
        lines += _heartbeat(name, gco["heartbeats"][name])
    for system in systems:
        lines += ["system %s (" % system, T + ")", ""]
    for name in sorted(doc["groups"]):
        lines += _group(doc, name)
    return "\n".join(lines) + "\n"


def _group(doc, name):
    grp = doc["groups"][name]
    first = [a for a in grpattrs.MAINCF_FIRST]
    rest = sorted(a for a in set(grp["attrs"]) | set(grp["local"]) if a not in first)
    lines = ["group %s (" % name]
    for attr_name in first + rest:
        lines += _attribute_lines(attr_name, grp["attrs"], grp["local"], T)
    lines += [T + ")", ""]
    resources = sorted(((r, res) for r, res in doc["resources"].items() if res["group"] == name),
                       key=lambda item: (item[1]["type"], item[0]))
    for r, res in resources:
        lines.append(T + "%s %s (" % (res["type"], r))
        for attr_name in _resource_order(res):
            default = types.definition(res["type"], attr_name)["default"]
            lines += _attribute_lines(attr_name, res["attrs"], res["local"], T + T, default)
        lines += [T + T + ")", ""]
    for dep in sorted(grp["deps"], key=lambda d: d["child"]):
        words = [dep["category"], dep["location"]] + ([dep["rigidity"]] if dep["rigidity"] else [])
        lines.append(T + "requires group %s %s" % (dep["child"], " ".join(words)))
    for parent, res in sorted(resources):
        for child in sorted(res["children"]):
            lines.append(T + "%s requires %s" % (parent, child))
    lines += ["", ""] + _tree(doc, name, resources) + ["", ""]
    return lines


def _heartbeat(name, hb):
    """`heartbeat Icmp ( ClusterList = {...} ... Arguments @clusB = { "ip" } )` (reference 8.6)."""
    from . import hbattrs

    lines = ["heartbeat %s (" % name]
    present = set(hb["attrs"]) | {a for a, values in hb["local"].items() if values}
    order = [a for a in hbattrs.MAINCF_FIRST if a in present] + sorted(present - set(hbattrs.MAINCF_FIRST))
    for attr_name in order:
        default = hbattrs.CONFIG[attr_name]["default"]
        lines += _attribute_lines(attr_name, hb["attrs"], hb["local"], T, default)
    return lines + [T + ")", ""]


def _resource_order(res):
    """Critical and Enabled first (sample maincf_5), then the type's ArgList order, then
    the other attributes alphabetically [recon]."""
    present = set(res["attrs"]) | set(res["local"])
    order = [a for a in ("Critical", "Enabled") if a in present]
    order += [a for a in types.TYPES[res["type"]]["arglist"] if a in present and a not in order]
    order += sorted(a for a in present if a not in order)
    return order


def _attribute_lines(attr_name, values, local, indent, default=None):
    if attr_name in local:
        return ["%s%s @%s = %s" % (indent, attr_name, system, attrs.maincf(value))
                for system, value in local[attr_name].items() if value != default]
    if attr_name in values:
        return ["%s%s = %s" % (indent, attr_name, attrs.maincf(values[attr_name]))]
    return []


def _tree(doc, name, resources):
    prefix = T + "//" + T
    lines = [T + "// resource dependency tree", T + "//", prefix + "group %s" % name, prefix + "{"]
    members = {r: res for r, res in resources}
    has_parent = {c for _, res in resources for c in res["children"]}
    rank = {r: i for i, (r, _) in enumerate(resources)}

    def walk(r, depth, path):
        lines.append(prefix + "    " * depth + "%s %s" % (members[r]["type"], r))
        below = sorted((c for c in members[r]["children"] if c not in path), key=lambda c: rank[c])
        if below:
            lines.append(prefix + "    " * (depth + 1) + "{")
            for child in below:
                walk(child, depth + 1, path | {child})
            lines.append(prefix + "    " * (depth + 1) + "}")

    for r, _ in resources:
        if r not in has_parent:
            walk(r, 0, {r})
    lines.append(prefix + "}")
    return lines


def render_types():
    """types.cf of the bundled types [recon: attribute order and static values]."""
    lines = []
    for name in sorted(types.TYPES):
        definition = types.TYPES[name]
        lines.append("type %s (" % name)
        arglist = ", ".join(definition["arglist"])
        lines.append(T + "static str ArgList[] = { %s }" % arglist if arglist else T + "static str ArgList[] = {}")
        if definition["operations"] != "OnOff":
            lines.append(T + "static str Operations = %s" % definition["operations"])
        for a in definition["attrs"].values():
            word = {"str": "str", "int": "int", "boolean": "boolean"}[a["kind"]]
            if a["dim"] == "keylist":
                decl = "keylist %s" % a["name"]
            else:
                decl = "%s %s%s" % (word, a["name"], {"vector": "[]", "assoc": "{}"}.get(a["dim"], ""))
            if a["default"] not in ("", [], {}):
                decl += " = %s" % attrs.maincf(a["default"])
            lines.append(T + decl)
        lines += [")", ""]
    return "\n".join(lines)


def state_dir(call):
    """The simulator state folder of this call (from the database file in use)."""
    row = call.txn.conn.execute("PRAGMA database_list").fetchone()
    return os.path.dirname(row[2])


def config_path(state, node, file_name="main.cf"):
    return os.path.join(state, "nodes", node, CONFIG_DIR, file_name)


def write(state, node, text, stale=None):
    folder = os.path.dirname(config_path(state, node))
    os.makedirs(folder, exist_ok=True)
    for file_name, content in (("main.cf", text), ("types.cf", render_types())):
        path = os.path.join(folder, file_name)
        with open(path + ".tmp", "w", encoding="utf-8") as handle:
            handle.write(content)
        os.replace(path + ".tmp", path)
    if stale is not None:
        set_stale(state, node, stale)


def set_stale(state, node, stale):
    """haconf -makerw creates .stale next to main.cf; a dump removes it."""
    path = os.path.join(os.path.dirname(config_path(state, node)), ".stale")
    if stale:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        open(path, "w").close()
    elif os.path.exists(path):
        os.remove(path)
