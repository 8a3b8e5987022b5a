"""VVR for the simulator's VCS agents (RVG, RVGPrimary): a small, stable Python API.

Every function works inside the caller's open transaction (`txn`, a store.Transaction;
the caller flushes) and never prints. `cluster` is a cluster name of the estate, `dg` a
disk group name, `rvg` an RVG name; the RVG is looked up in the disk group of that name
in that cluster, preferring the copy imported on a node that is up. `now` is the
simulated time (clock.now). Before acting, every call brings replication up to `now`
(backlogs drained, an old Primary that is reachable again learns it was taken over).
Refusals raise VvrError (messages.VvrError: `.code` is vradmin's V-5-52 number, `.text`
the reason, str() the reason) and change nothing but that catching up with time.

    rvg_role(txn, cluster, dg, rvg) -> 'primary' | 'secondary' | None
        The role of the RVG in that cluster; None when the cluster has no such RVG.

    can_migrate(txn, cluster, dg, rvg) -> (bool, reason)
        Whether `vradmin migrate` would now make the RVG of `cluster` the Primary:
        it is a Secondary, both sides are reachable (nodes up, disk groups imported, RVGs
        started, replication link up), replication is active and the Secondary is
        consistent and up-to-date, and no Primary data volume is open. reason is '' when
        possible, else the vradmin error text.

    migrate(txn, now, cluster_to, dg, rvg) -> None
        Planned role switch: the RVG of cluster_to becomes the Primary, the old Primary its
        Secondary, replication continues the other way (up-to-date). Raises VvrError when
        can_migrate would say no.

    takeover(txn, now, cluster, dg, rvg, fast_failback=True, auto_fbsync=False) -> dict
        Disaster takeover on the Secondary in `cluster` (the Primary may be unreachable).
        With fast_failback the new Primary logs its writes to the DCM and the old Primary,
        once reachable, becomes a Secondary that needs failback synchronization (fbsync,
        started by itself with auto_fbsync); without, the old Primary stays a Primary
        until `vradmin makesec`. Returns what the new Primary did not receive:
        {'lost_bytes': int, 'lost_writes': int, 'lag_seconds': float | None}.
        Raises VvrError when the RVG is already the Primary or its data is inconsistent.

    start_rvg(txn, cluster, dg, rvg, node) / stop_rvg(txn, cluster, dg, rvg, node) -> None
        vxrvg start / stop on `node` (start needs the disk group imported there).

    rvg_started(txn, cluster, dg, rvg, node) -> bool
        The RVG is started on `node` (its disk group imported there): what the RVG agent's
        monitor reports ONLINE.

    primary_reachable(txn, cluster, dg, rvg) -> bool
        From the RVG in `cluster`: the RDS's Primary (another cluster's) is reachable now
        (its node up, disk group imported, replication link up): migrate rather than
        take over (RVGPrimary). False when the RVG is itself the Primary or has none.

    replication_status(txn, cluster, dg, rvg) -> list of dict
        Per Secondary of the RVG's RDS: 'host', 'cluster', 'data_status',
        'replication_status', 'lag_seconds', 'lag_bytes', 'connected' (repstatus terms).

    snapshot_rvg(txn, now, cluster, dg, rvg, node, prefix, cache=None, cachesize=None,
                 secondary_only=False, refresh=False) -> list of snapshot names
        Space-optimized snapshots <prefix><datavol> of every data volume of the RVG whose
        disk group is imported on `node`, at one point in time (vvr/rvg_snapshots.py), on
        the cache object `cache` or each on its own cache of `cachesize`. secondary_only
        refuses a Primary RVG (fire drill); refresh takes a fresh point in time when all
        the snapshots already exist. All or nothing; refusals raise VvrError.

    destroy_rvg_snapshots(txn, cluster, dg, rvg, node, prefix) -> list of names removed

    rvg_snapshots_exist(txn, cluster, dg, rvg, node, prefix) -> bool
        Every data volume has its snapshot <prefix><datavol> (an RVG without data volumes: False).
"""
from .. import clock
from . import messages as msg
from . import ops
from . import rvg_snapshots
from .messages import VvrError
from .model import Ctx
from .replication import settle, status

__all__ = ["VvrError", "rvg_role", "can_migrate", "migrate", "takeover", "start_rvg", "stop_rvg",
           "rvg_started", "primary_reachable", "replication_status", "snapshot_rvg", "destroy_rvg_snapshots",
           "rvg_snapshots_exist"]


def _ctx(txn, now=None):
    if now is None:
        meta = txn.meta()
        now = clock.now(meta["clock_origin"], meta["estate"]["speed"])
    ctx = Ctx(txn, now)
    settle(ctx)
    return ctx


def _side(ctx, cluster, dg, rvg):
    side = ops.cluster_side(ctx, cluster, dg, rvg)
    if side is None:
        raise msg.no_rvg(rvg, dg)
    return side


def _pair_to(ctx, side):
    """(primary, rlink, secondary) for making the Secondary `side` the Primary."""
    if side.primary:
        raise msg.already_primary(side.name, side.host)
    pri = ops.primary_of(ctx, side)
    if pri is None:
        raise msg.takeover_on_secondary(side.name)
    for rl, sec in ops.secondaries(ctx, pri):
        if side.same(sec):
            return pri, rl, sec
    raise msg.not_in_rds(side.host, side.name)


def rvg_role(txn, cluster, dg, rvg):
    ctx = _ctx(txn)
    side = ops.cluster_side(ctx, cluster, dg, rvg)
    return side.rvg["role"] if side is not None else None


def can_migrate(txn, cluster, dg, rvg):
    ctx = _ctx(txn)
    try:
        pri, rl, sec = _pair_to(ctx, _side(ctx, cluster, dg, rvg))
    except VvrError as error:
        return False, error.text
    ok, error = ops.can_migrate(ctx, pri, rl, sec)
    return ok, "" if ok else error.text


def migrate(txn, now, cluster_to, dg, rvg):
    ctx = _ctx(txn, now)
    pri, rl, sec = _pair_to(ctx, _side(ctx, cluster_to, dg, rvg))
    ops.migrate(ctx, pri, rl, sec)


def takeover(txn, now, cluster, dg, rvg, fast_failback=True, auto_fbsync=False):
    ctx = _ctx(txn, now)
    mode = "nofb" if not fast_failback else "autofb" if auto_fbsync else "fb"
    return ops.takeover(ctx, _side(ctx, cluster, dg, rvg), mode)


def start_rvg(txn, cluster, dg, rvg, node):
    ctx = _ctx(txn)
    side = _side(ctx, cluster, dg, rvg)
    if side.dg["imported_on"] != node:
        side = next((s for s in ctx.sides() if s.cluster == cluster and s.dg["name"] == dg
                     and s.name == rvg and s.dg["imported_on"] == node), side)
    ops.start_rvg(ctx, side, node)


def stop_rvg(txn, cluster, dg, rvg, node):
    ctx = _ctx(txn)
    side = _side(ctx, cluster, dg, rvg)
    if side.dg["imported_on"] not in (node, None):
        raise VvrError(274, "Disk group %s is not imported on %s." % (dg, node))   # [recon]
    ops.stop_rvg(ctx, side, node)


def rvg_started(txn, cluster, dg, rvg, node):
    ctx = _ctx(txn)
    return any(s.cluster == cluster and s.dg["name"] == dg and s.name == rvg and s.dg["imported_on"] == node
               and s.started for s in ctx.sides())


def primary_reachable(txn, cluster, dg, rvg):
    ctx = _ctx(txn)
    side = ops.cluster_side(ctx, cluster, dg, rvg)
    if side is None or side.primary:
        return False
    pri = ops.primary_of(ctx, side)
    return pri is not None and pri.reachable and ctx.link_up(side.cluster, pri.cluster)


def replication_status(txn, cluster, dg, rvg):
    ctx = _ctx(txn)
    pri = ops.primary_of(ctx, _side(ctx, cluster, dg, rvg))
    if pri is None:
        return []
    out = []
    for rl, sec in ops.secondaries(ctx, pri):
        st = status(ctx, pri, rl)
        out.append({"host": ops.host_of(rl, sec), "cluster": rl["remote_cluster"], "data_status": st["data_status"],
                    "replication_status": st["replication_status"], "lag_seconds": st["lag_seconds"],
                    "lag_bytes": st["lag_bytes"], "connected": st["connected"]})
    return out


def _side_on(ctx, cluster, dg, rvg, node):
    """The RVG in the copy of disk group dg imported on node."""
    side = next((s for s in ctx.sides() if s.cluster == cluster and s.dg["name"] == dg and s.name == rvg
                 and s.dg["imported_on"] == node), None)
    if side is None:
        raise VvrError(274, "Disk group %s with RVG %s is not imported on %s." % (dg, rvg, node))   # [recon]
    return side


def _names(side, prefix):
    return {vol: prefix + vol for vol in side.rvg["datavols"]}


def snapshot_rvg(txn, now, cluster, dg, rvg, node, prefix, cache=None, cachesize=None, secondary_only=False,
                 refresh=False):
    ctx = _ctx(txn, now)
    side = _side_on(ctx, cluster, dg, rvg, node)
    if secondary_only and side.primary:
        raise VvrError(3349, "Rvg %s is a Primary: fire-drill snapshots are taken on a Secondary" % rvg)   # [recon]
    names = _names(side, prefix)
    vx = ctx.vx(cluster)
    if refresh and side.rvg["datavols"] and len(rvg_snapshots.existing(side.dg, side.rvg, names)) == len(names):
        return rvg_snapshots.refresh(side.dg, side.rvg, names, now)
    return rvg_snapshots.take(vx, side.dg, side.rvg, names, now, cache, cachesize)


def destroy_rvg_snapshots(txn, cluster, dg, rvg, node, prefix):
    ctx = _ctx(txn)
    side = _side_on(ctx, cluster, dg, rvg, node)
    return rvg_snapshots.destroy(side.dg, side.rvg, _names(side, prefix))


def rvg_snapshots_exist(txn, cluster, dg, rvg, node, prefix):
    ctx = _ctx(txn)
    try:
        side = _side_on(ctx, cluster, dg, rvg, node)
    except VvrError:
        return False
    names = _names(side, prefix)
    return bool(names) and len(rvg_snapshots.existing(side.dg, side.rvg, names)) == len(names)
