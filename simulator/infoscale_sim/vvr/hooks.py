"""Where the rest of the simulator calls into VVR: guest writes (`infoscale-sim write`)."""
from .. import clock
from ..errors import SimStateError
from .messages import VvrError
from .model import SECTOR, Ctx, Side, rvg_of_volume
from .replication import on_write


def on_volume_write(txn, cluster, dg, vol_name, sectors):
    """A write of `sectors` to dg/vol_name: Primary data volumes log it in the SRL (or the
    DCM) of every rlink; Secondary data volumes and SRLs refuse it (SimStateError)."""
    if not dg.get("rvgs"):
        return
    rvg, kind = rvg_of_volume(dg, vol_name)
    if rvg is None:
        return
    if kind == "srl":
        raise SimStateError("volume %s/%s is the SRL of RVG %s; it is not writable" % (dg["name"], vol_name, rvg["name"]))
    meta = txn.meta()
    ctx = Ctx(txn, clock.now(meta["clock_origin"], meta["estate"]["speed"]))
    try:
        on_write(ctx, Side(ctx, cluster, dg, rvg), sectors * SECTOR)
    except VvrError as error:
        raise SimStateError("write to %s/%s refused: %s" % (dg["name"], vol_name, error.text)) from None
