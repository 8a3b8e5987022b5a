"""hastatus -sum[mary]: the cluster summary (samples hastatus_sum_1..5).

A leading blank line, then `-- SYSTEM STATE` (A rows) and `-- GROUP STATE` (B rows).
Further sections appear only when they have rows [recon: titles, letters and columns]:
C GROUPS FROZEN, D RESOURCES FAILED, E RESOURCES NOT PROBED, F RESOURCES ONLINING,
G RESOURCES OFFLINING, H RESOURCES DISABLED. With remote clusters (GCO) four sections
follow [recon: titles and columns from memory of the product, letters L-O]:
L WAN HEARTBEAT STATE (heartbeat, remote cluster, ALIVE|DOWN|UNKNOWN), M REMOTE CLUSTER
STATE (every remote cluster), N REMOTE SYSTEM STATE (`cluster:system`, state, frozen) and
O REMOTE GROUP STATE (the global groups' rows there), both only for RUNNING remote
clusters. The streaming form (plain `hastatus`) is not simulated.
"""
from . import gco
from .args import usage
from .context import open_cluster
from .model import enabled, gattr, is_frozen
from .views import group_systems

CMD = "hastatus"


def hastatus(call, args):
    if args not in (["-sum"], ["-summary"]):
        raise usage(CMD, "only -sum[mary] is simulated" if not args else "Invalid option %s" % args[0])
    call.mark_readonly()
    ctx = open_cluster(call)
    out = ["", "-- SYSTEM STATE", "-- System               State                Frozen", ""]
    for s, info in ctx.doc["systems"].items():
        frozen = 1 if info["frozen"] or info["tfrozen"] else 0
        out.append("A  %-20s %-20s %d" % (s, ctx.system_state(s), frozen))
    out += ["", "-- GROUP STATE", "-- Group           System               Probed     AutoDisabled    State", ""]
    frozen, failed, unprobed, onlining, offlining, disabled = [], [], [], [], [], []
    for name in sorted(ctx.doc["groups"]):
        grp = ctx.doc["groups"][name]
        if is_frozen(grp):
            frozen.append("C  %s" % name)
        for s in group_systems(ctx, grp):
            probed = "Y" if ctx.group_probed(name, s) else "N"
            out.append("B  %-15s %-20s %-10s %-15s %s" % (name, s, probed, "N", ctx.group_state(name, s)))
        for r in ctx.members(name):
            res = ctx.doc["resources"][r]
            if not enabled(res):
                disabled.append("H  %-15s %-15s %s" % (name, res["type"], r))
                continue
            for s in group_systems(ctx, grp):
                rr = res["rt"][s]
                row = "%-15s %-20s %-20s %s" % (name, res["type"], r, s)
                if rr["state"] == "FAULTED":
                    failed.append("D  " + row)
                if not rr["probed"]:
                    unprobed.append("E  " + row)
                if rr["busy"] and rr["busy"]["op"] == "online":
                    onlining.append("F  %-15s %-15s %-20s %-20s W_ONLINE" % (name, res["type"], r, s))
                if rr["busy"] and rr["busy"]["op"] == "offline":
                    offlining.append("G  %-15s %-15s %-20s %-20s W_OFFLINE" % (name, res["type"], r, s))
    resource_header = "-- Group           Type                 Resource             System"
    transition_header = "-- Group           Type            Resource             System               IState"
    for title, header, rows in (
            ("-- GROUPS FROZEN", "-- Group", frozen),
            ("-- RESOURCES FAILED", resource_header, failed),
            ("-- RESOURCES NOT PROBED", resource_header, unprobed),
            ("-- RESOURCES ONLINING", transition_header, onlining),
            ("-- RESOURCES OFFLINING", transition_header, offlining),
            ("-- RESOURCES DISABLED", "-- Group           Type            Resource", disabled)):
        if rows:
            out += ["", title, header, ""] + rows
    out += _remote_sections(ctx)
    for line in out:
        call.print(line)
    return 0


def _remote_sections(ctx):
    federation, here = ctx.gco, ctx.doc["cluster"]
    conf = gco.conf(ctx.doc)
    if federation is None or not conf["remotes"]:
        return []
    heartbeats, clusters, systems, groups = [], [], [], []
    for name in sorted(conf["heartbeats"]):
        for c in gco.heartbeat_value(conf["heartbeats"][name], "ClusterList"):
            heartbeats.append("L  %-15s %-20s %s" % (name, c, federation.heartbeat_state(here, name, c)))
    for c in conf["remotes"]:
        state = federation.state(here, c)
        clusters.append("M  %-15s %s" % (c, state))
        other = federation.engine(c)
        if state != "RUNNING" or other is None:
            continue
        for s, info in other.doc["systems"].items():
            frozen = 1 if info["frozen"] or info["tfrozen"] else 0
            systems.append("N  %-20s %-20s %d" % ("%s:%s" % (c, s), other.system_state(s), frozen))
        for g in sorted(ctx.doc["groups"]):
            if c not in gattr(ctx.doc["groups"][g], "ClusterList") or g not in other.doc["groups"]:
                continue
            for s in group_systems(other, other.doc["groups"][g]):
                probed = "Y" if other.group_probed(g, s) else "N"
                groups.append("O  %-15s %-20s %-10s %-15s %s" % (g, "%s:%s" % (c, s), probed, "N", other.group_state(g, s)))
    out = []
    for title, header, rows in (
            ("-- WAN HEARTBEAT STATE", "-- Heartbeat       To                   State", heartbeats),
            ("-- REMOTE CLUSTER STATE", "-- Cluster         State", clusters),
            ("-- REMOTE SYSTEM STATE", "-- cluster:system       State                Frozen", systems),
            ("-- REMOTE GROUP STATE", "-- Group           cluster:system       Probed     AutoDisabled    State", groups)):
        if rows:
            out += ["", title, header, ""] + rows
    return out
