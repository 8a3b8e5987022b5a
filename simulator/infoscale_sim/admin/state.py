"""Create, reset and inspect a simulated estate's state folder."""
import os
import shutil
import time

from .. import estate as estate_mod
from .. import store
from ..domains import fresh_domains
from ..errors import SimStateError
from ..topology import Topology
from ..vxvm.model import imported_dg
from . import files
from .vcs_admin import write_config_files


def init(estate_path, state_dir, inventory_path=None, force=False):
    """Validate the estate, create DIR/state.db, shims, wrappers and the inventory."""
    estate = estate_mod.load(estate_path or estate_mod.DEFAULT_ESTATE)
    state_dir = os.path.abspath(state_dir)
    db = store.db_path(state_dir)
    if os.path.exists(db):
        if not force:
            raise SimStateError(f"{state_dir} already holds a simulated estate (use --force)")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix):
                os.remove(db + suffix)
        for sub in ("bin", "nodes"):
            shutil.rmtree(os.path.join(state_dir, sub), ignore_errors=True)
    os.makedirs(state_dir, exist_ok=True)
    conn = store.connect(state_dir, create=True)
    try:
        conn.execute("BEGIN IMMEDIATE")
        store.write_meta(conn, {"estate": estate, "clock_origin": time.time(),
                                "estate_file": os.path.abspath(estate_path or estate_mod.DEFAULT_ESTATE)})
        store.replace_domains(conn, fresh_domains(estate))
        conn.execute("COMMIT")
    finally:
        conn.close()
    files.write_shims(state_dir)
    files.write_wrappers(state_dir, estate)
    write_config_files(state_dir)
    files.write_inventory(inventory_path or os.path.join(state_dir, "inventory.yml"), state_dir, estate)
    return estate


def reset(state_dir):
    """Back to the fresh estate: initial domains, audit log cleared, same files."""
    conn = store.connect(state_dir)
    try:
        conn.execute("BEGIN IMMEDIATE")
        meta = store.read_meta(conn)
        store.replace_domains(conn, fresh_domains(meta["estate"]))
        store.clear_audit(conn)
        store.write_meta(conn, {"clock_origin": time.time()})
        conn.execute("COMMIT")
    finally:
        conn.close()
    write_config_files(state_dir)


def set_open(state_dir, node, target, is_open):
    """Mark DG/VOL open (as if a mounted file system used it) on node, or closed."""
    dg_name, sep, vol_name = target.partition("/")
    if not sep or not dg_name or not vol_name:
        raise SimStateError(f"expected DG/VOL, got {target!r}")
    conn = store.connect(state_dir)
    try:
        with store.Transaction(conn) as txn:
            topology = Topology(txn.meta()["estate"])
            cluster = topology.cluster_of(node)
            if cluster is None:
                raise SimStateError(f"unknown node {node!r}")
            doc = txn.doc("vxvm:" + cluster)
            dg = imported_dg(doc, dg_name, node)
            if dg is None:
                raise SimStateError(f"disk group {dg_name} is not imported on {node}")
            vol = dg["volumes"].get(vol_name)
            if vol is None:
                raise SimStateError(f"no volume {vol_name} in disk group {dg_name}")
            if is_open and vol["kstate"] != "ENABLED":
                raise SimStateError(f"volume {dg_name}/{vol_name} is not started")
            vol["open"] = node if is_open else None
            txn.flush()
    finally:
        conn.close()
