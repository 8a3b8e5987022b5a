"""Python API for tests and benchmarks: build big configurations in one transaction and
render vxprint output from the stored state, without CLI calls or audit rows.

    from infoscale_sim.vxvm import api
    api.create_disk_group(state, "prod-n1", "bigdg")             # all cluster disks
    api.add_volumes(state, "prod-n1", "bigdg", 10000, "100m")    # vol00001 ... vol10000
    text = api.vxprint_text(state, "prod-n1", ["-g", "bigdg", "-htr"])
"""
import contextlib

from .. import store
from ..entry import Call, _connection
from ..errors import CommandFailed
from ..sizes import parse_length, round_up
from .model import DG_VERSION, alignment, imported_dg, new_id
from .volumes import (MIRRORED, STRIPED, NoSpace, Space, default_ncol, grow, length_step, new_volume,
                      record_names)


@contextlib.contextmanager
def session(state, node):
    """A Call bound to one write transaction; changes are committed when the block ends."""
    with store.Transaction(_connection(state)) as txn:
        call = Call(txn, node, ["infoscale_sim.api"])
        yield call
        txn.flush()


def create_disk_group(state, node, dg_name, disks=None, fmt="cdsdisk"):
    """Initialise `disks` (default: every free disk of the node's cluster) and put them
    into a new disk group imported on `node` (dm name = device name)."""
    with session(state, node) as call:
        doc = call.vxvm()
        if imported_dg(doc, dg_name, node):
            raise ValueError("disk group %s already imported on %s" % (dg_name, node))
        chosen = disks or [da for da, d in doc["disks"].items() if d["dgid"] is None]
        dgid = new_id(doc, call.now(), node)
        minors = {g["minor"] for g in doc["dgs"].values()}
        minor = 10000
        while minor in minors:
            minor += 1000
        dg = {"name": dg_name, "dgid": dgid, "imported_on": node, "cds": fmt == "cdsdisk",
              "temp": False, "minor": minor, "version": DG_VERSION, "import_seq": doc["seq"],
              "dms": {}, "volumes": {}}
        for da in chosen:
            disk = doc["disks"][da]
            if disk["dgid"] is not None:
                raise ValueError("disk %s already belongs to a disk group" % da)
            disk["format"] = fmt
            disk["diskid"] = new_id(doc, call.now(), node)
            disk["dgid"] = dgid
            disk["dm"] = da
            dg["dms"][da] = da
        doc["dgs"][dgid] = dg
    return list(chosen)


def add_volumes(state, node, dg_name, count, size, layout="concat", prefix="vol",
                ncol=None, nmirror=None, first=1, width=5):
    """Add `count` volumes named <prefix><number> in one transaction; returns their names."""
    sectors = parse_length(str(size))
    if not sectors:
        raise ValueError("invalid size %r" % (size,))
    names = []
    with session(state, node) as call:
        doc = call.vxvm()
        dg = imported_dg(doc, dg_name, node)
        if dg is None:
            raise ValueError("disk group %s is not imported on %s" % (dg_name, node))
        space = Space(doc, dg)
        allowed = list(dg["dms"])
        mirrors = nmirror or (2 if layout in MIRRORED else 1)
        columns = ncol or (default_ncol(layout, len(allowed), mirrors) if layout in STRIPED else 1)
        su = 128
        total = round_up(sectors, length_step(alignment(dg), layout, columns, su))
        for i in range(first, first + count):
            name = "%s%0*d" % (prefix, width, i)
            if name in space.names:
                raise ValueError("record %s already exists" % name)
            vol = new_volume(name, layout, columns, mirrors, su, "fsgen")
            try:
                grow(vol, total, space, allowed)
            except NoSpace:
                raise ValueError("no space for volume %s (%d sectors)" % (name, total)) from None
            space.names.update(record_names(vol))
            dg["volumes"][name] = vol
            names.append(name)
    return names


def vxprint_text(state, node, args):
    """vxprint output for `args` as seen from `node` (stdout only; errors raise)."""
    from .cmd_vxprint import vxprint

    with store.Transaction(_connection(state)) as txn:
        call = Call(txn, node, ["vxprint"] + list(args))
        try:
            vxprint(call, list(args))
        except CommandFailed as failure:
            raise ValueError("\n".join(failure.lines)) from None
        txn.discard()
    return call.stdout()
