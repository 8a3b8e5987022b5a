"""The VVR agents (reference 8.5) on the simulated replication (vvr/api.py).

RVG         online: `vxrvg start` of RVG (attribute RVG) of DiskGroup on the system; the
            disk group must be imported there (the DiskGroup resource below it), else the
            resource faults. offline: `vxrvg stop`. monitor: ONLINE while the RVG is
            started on the system.
RVGPrimary  online: the RVG of its RvgResourceName resource becomes the Primary in this
            cluster. Already the Primary: nothing to do. Else `vradmin migrate` when it is
            possible (Primary reachable, Secondary up to date, Primary volumes closed);
            else, while the Primary is still connected, the resource faults (a live
            Primary is never taken over) [recon]; else, with AutoTakeover=1, a takeover:
            with fast-failback logging unless this cluster declared the remote cluster's
            failure a `disaster` (haclus -declare), a declared `disconnect` never takes
            over; AutoResync=1 lets the old Primary start its failback synchronization by
            itself. offline and monitor do nothing (the resource keeps its state), as the
            agent's documentation says.
RVGSnapshot takes its time only (fire-drill snapshots are not modelled).
Engines without a transaction (the copies waits predict on) only take the time. Each
migrate/takeover is logged in the cluster's fault log ("rvg-migrated", "rvg-takeover").
"""
from .model import rattr

TYPES = ("RVG", "RVGPrimary")


def _api():
    from ..vvr import api

    return api


def _names(ctx, res, system):
    """(disk group, RVG, problem) the resource acts on."""
    if res["type"] == "RVG":
        return rattr(res, "DiskGroup", system), rattr(res, "RVG", system), None
    name = rattr(res, "RvgResourceName", system)
    target = ctx.doc["resources"].get(name)
    if target is None or target["type"] != "RVG":
        return None, None, "RvgResourceName %s is not an RVG resource of the cluster" % (name or "(none)")
    return rattr(target, "DiskGroup", system), rattr(target, "RVG", system), None


def online(ctx, res, system):
    if ctx.txn is None:
        return None
    dg, rvg, problem = _names(ctx, res, system)
    if problem:
        return problem
    if not dg or not rvg:
        return "attributes RVG and DiskGroup must be set"
    api = _api()
    try:
        if res["type"] == "RVG":
            api.start_rvg(ctx.txn, ctx.doc["cluster"], dg, rvg, system)
            return None
        return _make_primary(ctx, api, res, dg, rvg, system)
    except api.VvrError as error:
        return str(error)


def _make_primary(ctx, api, res, dg, rvg, system):
    cluster, t = ctx.doc["cluster"], ctx.at
    role = api.rvg_role(ctx.txn, cluster, dg, rvg)
    if role is None:
        return "RVG %s does not exist in disk group %s" % (rvg, dg)
    if role == "primary":
        return None
    possible, reason = api.can_migrate(ctx.txn, cluster, dg, rvg)
    if possible:
        api.migrate(ctx.txn, t, cluster, dg, rvg)
        ctx.log(t, "rvg-migrated", rvg=rvg, dg=dg, system=system)
        return None
    if any(row["connected"] for row in api.replication_status(ctx.txn, cluster, dg, rvg)):
        return "cannot migrate RVG %s: %s" % (rvg, reason)
    if not rattr(res, "AutoTakeover", system):
        return "cannot migrate RVG %s (%s) and AutoTakeover is 0" % (rvg, reason)
    declared = {entry["kind"] for entry in (ctx.doc.get("gco") or {}).get("declared", {}).values()}
    if "disconnect" in declared:
        return "the remote cluster's failure was declared a disconnect: no takeover"
    fast_failback = "disaster" not in declared
    lost = api.takeover(ctx.txn, t, cluster, dg, rvg, fast_failback=fast_failback,
                        auto_fbsync=bool(rattr(res, "AutoResync", system)))
    ctx.log(t, "rvg-takeover", rvg=rvg, dg=dg, system=system, fast_failback=fast_failback, **lost)
    return None


def offline(ctx, res, system):
    if ctx.txn is None or res["type"] != "RVG":
        return None
    dg, rvg, _ = _names(ctx, res, system)
    if not _started_here(ctx, dg, rvg, system):
        return None
    api = _api()
    try:
        api.stop_rvg(ctx.txn, ctx.doc["cluster"], dg, rvg, system)
    except api.VvrError as error:
        return str(error)
    return None


def monitor(ctx, res, system, current):
    if res["type"] != "RVG":
        return current
    dg, rvg, _ = _names(ctx, res, system)
    return "ONLINE" if _started_here(ctx, dg, rvg, system) else "OFFLINE"


def _started_here(ctx, dg_name, rvg, system):
    """The RVG record (vvr/model.py) of the disk group imported on system is started there."""
    for dg in ctx.vx.get("dgs", {}).values():
        if dg["name"] == dg_name and dg["imported_on"] == system:
            record = dg.get("rvgs", {}).get(rvg)
            return bool(record and record.get("started_on") == system)
    return False
