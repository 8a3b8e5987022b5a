"""`infoscale-sim write`: a guest (or file system) writes to a volume, so snapshots
diverge: copy-on-write into the caches of its space-optimized snapshots, dirty regions
of the written snapshot itself, autogrow and cache-full invalidation; a Primary data volume
of an RVG logs the write for replication (vvr/hooks.py)."""
from .. import store
from ..errors import SimStateError
from ..sizes import parse_length
from ..topology import Topology
from ..vvr.hooks import on_volume_write
from . import snapshots as snaps
from .model import imported_dg


def write(state_dir, node, target, size_text, offset_text="0"):
    """Write SIZE at OFFSET (lengths as vxassist reads them) to DG/VOL as seen from node."""
    dg_name, sep, vol_name = target.partition("/")
    if not sep or not dg_name or not vol_name:
        raise SimStateError(f"expected DG/VOL, got {target!r}")
    size = parse_length(size_text)
    offset = parse_length(offset_text)
    if not size or offset is None:
        raise SimStateError(f"invalid size or offset: {size_text!r} {offset_text!r}")
    conn = store.connect(state_dir)
    try:
        with store.Transaction(conn) as txn:
            cluster = Topology(txn.meta()["estate"]).cluster_of(node)
            if cluster is None:
                raise SimStateError(f"unknown node {node!r}")
            doc = txn.doc("vxvm:" + cluster)
            dg = imported_dg(doc, dg_name, node)
            if dg is None:
                raise SimStateError(f"disk group {dg_name} is not imported on {node}")
            vol = dg["volumes"].get(vol_name)
            if vol is None:
                raise SimStateError(f"no volume {vol_name} in disk group {dg_name}")
            if vol["kstate"] != "ENABLED":
                raise SimStateError(f"volume {dg_name}/{vol_name} is not started ({vol['state']})")
            if offset + size > vol["len"]:
                raise SimStateError(f"write beyond the end of {dg_name}/{vol_name} "
                                    f"({offset + size} > {vol['len']} sectors)")
            snap = vol.get("snap")
            if snap and snap["cache"] and not snaps.caches(dg)[snap["cache"]]["started"]:
                raise SimStateError(f"cache {snap['cache']} of {vol_name} is stopped")
            on_volume_write(txn, cluster, dg, vol_name, size)   # VVR: SRL / DCM of the RVG, if any
            snaps.write(doc, dg, vol, offset, size)
            txn.flush()
    finally:
        conn.close()
