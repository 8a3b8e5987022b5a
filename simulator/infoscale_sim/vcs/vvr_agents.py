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
RVGSnapshot online: space-optimized snapshots <Prefix><datavol> of every data volume of the
            Secondary RVG of its RvgResourceName resource (disk group imported on the
            system), at one point in time, on the cache object CacheObj (vxrvg snapshot;
            snapshots left by an offline with DestroyOnOffline=0 are refreshed instead).
            A Primary RVG, an unset CacheObj or Prefix, a volume that is not instant-ready
            or a missing / stopped cache object fault the resource [recon]. offline: with
            DestroyOnOffline=1 (default) the snapshots are removed (refused while one is
            open, e.g. mounted); with 0 they stay. monitor: ONLINE while every snapshot
            exists (the product's monitor does nothing; leftovers of DestroyOnOffline=0
            count as OFFLINE unless the resource is online). Logged "rvg-snapshot",
            "rvg-snapshot-destroyed".
Engines without a transaction (the copies waits predict on) only take the time. Each
migrate/takeover is logged in the cluster's fault log ("rvg-migrated", "rvg-takeover").
"""
from .model import rattr

TYPES = ("RVG", "RVGPrimary", "RVGSnapshot")


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
        if res["type"] == "RVGSnapshot":
            return _fire_drill(ctx, api, res, dg, rvg, system)
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


def _fire_drill(ctx, api, res, dg, rvg, system):
    cache, prefix = rattr(res, "CacheObj", system), rattr(res, "Prefix", system)
    if not cache or not prefix:
        return "attributes CacheObj and Prefix must be set"   # [recon]
    made = api.snapshot_rvg(ctx.txn, ctx.at, ctx.doc["cluster"], dg, rvg, system, prefix, cache=cache,
                            secondary_only=True, refresh=True)
    ctx.log(ctx.at, "rvg-snapshot", rvg=rvg, dg=dg, system=system, snapshots=made)
    return None


def _destroy_snapshots(ctx, res, dg, rvg, system):
    prefix = rattr(res, "Prefix", system)
    if not rattr(res, "DestroyOnOffline", system) or not prefix or not dg or not rvg:
        return None
    api = _api()
    try:
        gone = api.destroy_rvg_snapshots(ctx.txn, ctx.doc["cluster"], dg, rvg, system, prefix)
    except api.VvrError as error:
        return str(error)
    if gone:
        ctx.log(ctx.at, "rvg-snapshot-destroyed", rvg=rvg, dg=dg, system=system, snapshots=gone)
    return None


def offline(ctx, res, system):
    if ctx.txn is None or res["type"] == "RVGPrimary":
        return None
    dg, rvg, _ = _names(ctx, res, system)
    if res["type"] == "RVGSnapshot":
        return _destroy_snapshots(ctx, res, dg, rvg, system)
    if not _started_here(ctx, dg, rvg, system):
        return None
    api = _api()
    try:
        api.stop_rvg(ctx.txn, ctx.doc["cluster"], dg, rvg, system)
    except api.VvrError as error:
        return str(error)
    return None


def monitor(ctx, res, system, current):
    if res["type"] == "RVGPrimary":
        return current
    dg, rvg, _ = _names(ctx, res, system)
    if res["type"] == "RVGSnapshot":
        if not rattr(res, "DestroyOnOffline", system) and current != "ONLINE":
            return "OFFLINE"
        return "ONLINE" if _snapshots_here(ctx, dg, rvg, system, rattr(res, "Prefix", system)) else "OFFLINE"
    return "ONLINE" if _started_here(ctx, dg, rvg, system) else "OFFLINE"


def _started_here(ctx, dg_name, rvg, system):
    """The RVG record (vvr/model.py) of the disk group imported on system is started there."""
    for dg in ctx.vx.get("dgs", {}).values():
        if dg["name"] == dg_name and dg["imported_on"] == system:
            record = dg.get("rvgs", {}).get(rvg)
            return bool(record and record.get("started_on") == system)
    return False


def _snapshots_here(ctx, dg_name, rvg, system, prefix):
    """Every data volume of the RVG (disk group imported on system) has its snapshot <prefix><vol>."""
    for dg in ctx.vx.get("dgs", {}).values():
        if dg["name"] == dg_name and dg["imported_on"] == system:
            record = dg.get("rvgs", {}).get(rvg)
            if not record or not record["datavols"] or not prefix:
                return False
            return all(((dg["volumes"].get(prefix + vol) or {}).get("snap") or {}).get("source") == vol
                       for vol in record["datavols"])
    return False
