"""Space-optimized snapshots of an RVG's data volumes (vxrvg snapshot / snapdestroy and the
RVGSnapshot agent's fire drill), made with VxVM's instant-snapshot model (vxvm/snapshots.py).

All the data volumes are snapped at one point in time or none (every check comes before
the first change, so a refusal changes nothing). Each data volume must be instant-ready
(`vxsnap prepare`); the snapshots go on the started cache object `cache`, or with
`cachesize` each on a cache of its own (<snapshot>_co on <snapshot>_cv, as vxsnap's
cachesize= does). `names` maps each data volume to its snapshot's name. Refusals raise
VvrError whose code is the V-5-1 number vxrvg prints [recon: codes and texts].
"""
from ..sizes import parse_length, round_up
from ..vxvm import snapshots as snaps
from ..vxvm.model import alignment
from ..vxvm.volumes import NoSpace, Space, grow, new_volume
from .messages import VvrError

DEFAULT_PREFIX = "SNAP"   # [recon] vxrvg -P default


def vxrvg_names(rvg, prefix=DEFAULT_PREFIX):
    """[recon] vxrvg names a data volume's snapshot <prefix>-<volume>."""
    return {vol: "%s-%s" % (prefix, vol) for vol in rvg["datavols"]}


def existing(dg, rvg, names):
    """The snapshot volumes of `names` that exist as snapshots of their data volume."""
    found = []
    for vol_name in rvg["datavols"]:
        snap = dg["volumes"].get(names[vol_name])
        if snap is not None and (snap.get("snap") or {}).get("source") == vol_name:
            found.append(snap)
    return found


def take(doc, dg, rvg, names, now, cache=None, cachesize=None):
    """Snap every data volume of rvg; returns the snapshot names in data volume order."""
    if not rvg["datavols"]:
        raise VvrError(3340, "Rvg %s has no data volumes" % rvg["name"])   # [recon]
    if (cache is None) == (cachesize is None):
        raise VvrError(3341, "Specify one of cache= or cachesize= for space-optimized snapshots")   # [recon]
    taken = Space(doc, dg).names
    size = None
    if cache is not None:
        co = snaps.caches(dg).get(cache)
        if co is None:
            raise VvrError(6128, "Cache object %s not found" % cache)   # [recon]
        if not co["started"]:
            raise VvrError(6129, "Cache object %s is not started" % cache)   # [recon]
    else:
        size = parse_length(cachesize)
        if not size:
            raise VvrError(3342, "Invalid cachesize %s" % cachesize)   # [recon]
    sources = []
    for vol_name in rvg["datavols"]:
        src = dg["volumes"].get(vol_name)
        if src is None:
            raise VvrError(3343, "Data volume %s not found" % vol_name)   # [recon]
        if not snaps.is_instant_ready(src):
            raise VvrError(6186, "Volume %s is not instant ready: run vxsnap prepare first" % vol_name)   # [recon]
        if src["kstate"] != "ENABLED":
            raise VvrError(6188, "Volume %s is not enabled" % vol_name)   # [recon]
        name = names[vol_name]
        extra = (name + "_cv", name + "_co") if cache is None else ()
        for record in (name,) + extra:
            if record in taken:
                raise VvrError(3344, "Record %s already exists in disk group %s" % (record, dg["name"]))   # [recon]
        if cache is not None and src["dco"]["regionsize"] < snaps.caches(dg)[cache]["regionsize"]:
            raise VvrError(6187, "Region size of volume %s is smaller than the region size of cache %s"
                           % (vol_name, cache))   # [recon]
        sources.append(src)
    made = []
    for src in sources:
        name, co = names[src["name"]], cache
        try:
            if co is None:
                co = _own_cache(doc, dg, src, name, size, taken)
            snaps.make_spaceopt(doc, dg, src, name, co, now, taken)
        except NoSpace:
            dg["volumes"].pop(name, None)   # none or all: give back what was made
            if cache is None and co in snaps.caches(dg):
                snaps.remove_cache(dg, co, True)
            for done in made:
                destroy_one(dg, dg["volumes"][done])
            raise VvrError(3345, "Cannot allocate space for the snapshots of rvg %s" % rvg["name"]) from None   # [recon]
        made.append(name)
    return made


def _own_cache(doc, dg, src, name, size, taken):
    cvname, co = name + "_cv", name + "_co"
    cvol = new_volume(cvname, "concat", 1, 1, 0, "fsgen")
    grow(cvol, round_up(size, alignment(dg)), Space(doc, dg), list(dg["dms"]))   # NoSpace goes up
    dg["volumes"][cvname] = cvol
    snaps.new_cache(dg, co, cvname, src["dco"]["regionsize"], started=True)
    snaps.caches(dg)[co]["implicit"] = True   # removed with its snapshot (snaps.remove_volume)
    taken.update((cvname, co, cvname + "-01"))
    taken.update(sd["name"] for sd in cvol["plexes"][0]["sds"])
    return co


def destroy_one(dg, snapvol):
    snaps.remove_volume(dg, snapvol)


def destroy(dg, rvg, names):
    """Remove the snapshots of `names` that exist; refused (nothing removed) when one is
    open or has snapshots of its own. Returns the names removed."""
    found = existing(dg, rvg, names)
    for snap in found:
        if snap.get("open"):
            raise VvrError(3346, "Snapshot volume %s is open on %s" % (snap["name"], snap["open"]))   # [recon]
        if snaps.children(dg, snap):
            raise VvrError(3347, "Snapshot volume %s has snapshots of its own" % snap["name"])   # [recon]
    for snap in found:
        destroy_one(dg, snap)
    return [s["name"] for s in found]


def refresh(dg, rvg, names, now):
    """A fresh point in time for existing snapshots (none may be open)."""
    found = existing(dg, rvg, names)
    for snap in found:
        if snap.get("open"):
            raise VvrError(3346, "Snapshot volume %s is open on %s" % (snap["name"], snap["open"]))   # [recon]
    for snap in found:
        snaps.refresh(snap, now)
    return [s["name"] for s in found]
