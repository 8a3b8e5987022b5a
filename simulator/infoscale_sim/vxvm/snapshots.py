"""Instant snapshots, DCOs and cache objects of a disk group (the model behind vxsnap,
vxmake cache, vxcache, and the snapshot rules of vxedit / vxassist remove).

vol["dco"]   = {"name": VOL_dco, "dcl": VOL_dcl, "regionsize": sectors,
                "snaps": [snapshot volume names, oldest first]}
DCO log:       an ordinary volume record with "dcl_of": VOL and utype gen
dg["caches"] = {CO: {"name", "cachevol", "regionsize", "autogrow", "hwm", "autogrowby"
                     (sectors or None = 10% of the cache), "maxautogrow", "started"}}
cache volume:  "cache": CO
vol["snap"]  = {"type": "spaceopt" | "fullinst", "source": VOL or None once dissociated,
                "cache": CO or None, "rs": region size (sectors), "date": epoch seconds,
                "diverged": regions (see regions.py) that differ from the source,
                "valid": bool, "sync": bool, "synced": bool, "sync_start": epoch,
                "sp_src": snap point on the source's DCO, "sp_own": snap point on ours}
A space-optimized (SO) snapshot's plex has no subdisks but one subcache:
    plex["scs"] = [{"name": SNAP-S01, "cache": CO, "len": length}]

Space: an SO snapshot holds in its cache exactly its diverged regions. A write to a
volume copies the touched regions of every valid snapshot of it (copy-on-write) and
dirties the regions of the written volume itself when it is a snapshot.
"""
from . import regions
from .model import alignment
from .volumes import NoSpace, Space, grow, new_volume, set_state, volume_disks

DEFAULT_REGIONSIZE = 128          # 64 KiB
DCL_BASE = 65536                  # [recon] fits samples: 30g -> 67968, 60g -> 70400
FULL_SYNC_RATE = 2 * 1024 * 1024  # [recon] sectors per simulated second (1 GiB/s)
HWM_DEFAULT = 90


def caches(dg):
    return dg.setdefault("caches", {})


def dcl_length(length, regionsize):
    """DCO log length: 65536 sectors plus 128 per 491520/19 regions (samples vxprint_htr_1)."""
    nregions = -(-length // regionsize)
    return DCL_BASE + 128 * -(-nregions * 19 // 491520)


def is_instant_ready(vol):
    return "dco" in vol


def children(dg, vol):
    """Snapshot volumes taken of vol (oldest first)."""
    dco = vol.get("dco")
    return [dg["volumes"][n] for n in dco["snaps"]] if dco else []


def parent(dg, vol):
    snap = vol.get("snap")
    if snap and snap["source"]:
        return dg["volumes"][snap["source"]]
    return None


def cache_snapshots(dg, co):
    """SO snapshot volumes on cache object `co`, oldest first."""
    vols = [v for v in dg["volumes"].values()
            if v.get("snap") and v["snap"]["type"] == "spaceopt" and v["snap"]["cache"] == co]
    return sorted(vols, key=lambda v: (v["snap"]["date"], v["name"]))


def cache_used(dg, co):
    """Sectors of the cache held by the snapshots on it."""
    rs = caches(dg)[co]["regionsize"]
    return sum(regions.count(v["snap"]["diverged"]) for v in cache_snapshots(dg, co)) * rs


def cache_size(dg, co):
    return dg["volumes"][caches(dg)[co]["cachevol"]]["len"]


# ---------------------------------------------------------------- DCO

def prepare(doc, dg, vol, regionsize, ndcomirs):
    """Add a DCO and its log volume; raises NoSpace."""
    name = vol["name"]
    dcl = new_volume(name + "_dcl", "mirror" if ndcomirs > 1 else "concat", 1, ndcomirs, 0, "gen")
    dcl["dcl_of"] = name
    space = Space(doc, dg)
    own = volume_disks(vol)
    allowed = [dm for dm in dg["dms"] if dm in own] + [dm for dm in dg["dms"] if dm not in own]
    grow(dcl, dcl_length(vol["len"], regionsize), space, allowed)
    dg["volumes"][dcl["name"]] = dcl
    vol["dco"] = {"name": name + "_dco", "dcl": dcl["name"], "regionsize": regionsize, "snaps": []}


def unprepare(dg, vol):
    dg["volumes"].pop(vol["dco"]["dcl"], None)
    del vol["dco"]


def default_ndcomirs(vol):
    """[gk] as many DCO plexes as data plexes, at most 2."""
    return max(1, min(2, vol["nmirror"]))


# ---------------------------------------------------------------- making snapshots

def snap_point_name(names, target):
    n = 1
    while "%s_snp%d" % (target, n) in names:
        n += 1
    name = "%s_snp%d" % (target, n)
    names.add(name)
    return name


def _link(dg, src, snapvol, kind, cache, rs, now, names, sync=True):
    snapvol["snap"] = {
        "type": kind, "source": src["name"], "cache": cache, "rs": rs, "date": int(now),
        "diverged": [], "valid": True, "sync": sync, "synced": kind == "spaceopt",
        "sync_start": now,
        "sp_src": snap_point_name(names, snapvol["name"]),
        "sp_own": snap_point_name(names, src["name"]),
    }
    src["dco"]["snaps"].append(snapvol["name"])


def make_spaceopt(doc, dg, src, name, co, now, names):
    """A space-optimized snapshot of src on cache object co; raises NoSpace (its DCO log)."""
    length = src["len"]
    vol = {"name": name, "utype": src["utype"], "len": length, "kstate": "ENABLED",
           "state": "ACTIVE", "layout": "concat", "ncol": 1, "nmirror": 1, "su": 0, "open": None,
           "plexes": [{"name": name + "-P01", "layout": "CONCAT", "ncol": 1, "su": 0,
                       "len": length, "kstate": "ENABLED", "state": "ACTIVE", "sds": [], "svs": [],
                       "scs": [{"name": name + "-S01", "cache": co, "len": length}]}],
           "subvols": []}   # [recon] plex and subcache names
    dg["volumes"][name] = vol
    prepare(doc, dg, vol, src["dco"]["regionsize"], 1)
    names.update((name, name + "-P01", name + "-S01", name + "_dco", name + "_dcl"))
    _link(dg, src, vol, "spaceopt", co, caches(dg)[co]["regionsize"], now, names)
    return vol


def attach_full(dg, src, snapvol, now, names, sync):
    """snapvol (prepared, same length) becomes a full-sized instant snapshot of src."""
    _link(dg, src, snapvol, "fullinst", None, src["dco"]["regionsize"], now, names, sync)
    set_state(snapvol, "ENABLED", "ACTIVE")


def new_cache(dg, name, cachevol, regionsize, autogrow=False, hwm=HWM_DEFAULT, autogrowby=None,
              maxautogrow=None, started=False):
    cvol = dg["volumes"][cachevol]
    caches(dg)[name] = {"name": name, "cachevol": cachevol, "regionsize": regionsize,
                        "autogrow": autogrow, "hwm": hwm, "autogrowby": autogrowby,
                        "maxautogrow": maxautogrow or 2 * cvol["len"], "started": started}
    cvol["cache"] = name


# ---------------------------------------------------------------- synchronisation

def synced_regions(vol, now):
    """Regions of a snapshot that hold valid data of their own."""
    snap = vol["snap"]
    total = -(-vol["len"] // snap["rs"])
    if snap["type"] == "spaceopt" or not snap["valid"]:
        return regions.count(snap["diverged"]) if snap["valid"] else 0
    if snap["synced"]:
        return total
    done = 0
    if snap["sync"]:
        done = min(total, int(max(0.0, now - snap["sync_start"]) * FULL_SYNC_RATE) // snap["rs"])
    if done >= total:
        return total
    extra = regions.add(snap["diverged"], 0, done)[1] if done else 0
    return regions.count(snap["diverged"]) + extra


def finish_sync(vol):
    if vol["snap"]["type"] == "fullinst":
        vol["snap"]["synced"] = True


# ---------------------------------------------------------------- writes and caches

def write(doc, dg, vol, offset, length):
    """A write of `length` sectors at `offset` to vol: copy-on-write for its snapshots,
    divergence of vol itself when it is a snapshot; then the caches react."""
    touched = set()
    targets = [v for v in children(dg, vol) if v["snap"]["valid"]]
    if vol.get("snap") and vol["snap"]["valid"]:
        targets.append(vol)
    for target in targets:
        snap = target["snap"]
        first, end = regions.covering(offset, length, snap["rs"])
        snap["diverged"], added = regions.add(snap["diverged"], first, end)
        if added and snap["type"] == "spaceopt":
            touched.add(snap["cache"])
    for co in sorted(touched):
        settle_cache(doc, dg, co)


def settle_cache(doc, dg, co):
    """Autogrow above the high watermark; invalidate the cache's snapshots when it overflows."""
    cache = caches(dg)[co]
    cvol = dg["volumes"][cache["cachevol"]]
    used = cache_used(dg, co)
    if cache["autogrow"]:
        step_align = alignment(dg)
        while used * 100 > cvol["len"] * cache["hwm"]:
            by = cache["autogrowby"] or max(step_align, cvol["len"] // 10)
            target = min(cvol["len"] + by, cache["maxautogrow"])
            target -= target % step_align
            if target <= cvol["len"] or not grow_cache(doc, dg, co, target):
                break
    if used > cvol["len"]:
        for vol in cache_snapshots(dg, co):
            if vol["snap"]["valid"]:
                vol["snap"]["valid"] = False
                set_state(vol, "DISABLED", "INVALID")


def grow_cache(doc, dg, co, target):
    """Grow the cache volume to `target` sectors; False when the disk group has no room."""
    cvol = dg["volumes"][caches(dg)[co]["cachevol"]]
    try:
        grow(cvol, target, Space(doc, dg), list(dg["dms"]))
    except NoSpace:
        return False
    return True


def cache_state(dg, co):
    cache = caches(dg)[co]
    if not cache["started"]:
        return "STOPPED"   # [recon]
    return "FULL" if cache_used(dg, co) >= cache_size(dg, co) else "ACTIVE"


# ---------------------------------------------------------------- refresh, restore, dis

def refresh(vol, now):
    snap = vol["snap"]
    snap["diverged"] = []
    snap["valid"] = True
    snap["date"] = int(now)
    set_state(vol, "ENABLED", "ACTIVE")


def restore(doc, dg, vol, snapvol):
    """vol takes the content of snapvol: its other snapshots copy the changed regions."""
    snap = snapvol["snap"]
    touched = set()
    for offset, length in regions.to_sectors(snap["diverged"], snap["rs"]):
        for other in children(dg, vol):
            if other is snapvol or not other["snap"]["valid"]:
                continue
            first, end = regions.covering(offset, min(length, vol["len"] - offset), other["snap"]["rs"])
            other["snap"]["diverged"], added = regions.add(other["snap"]["diverged"], first, end)
            if added and other["snap"]["type"] == "spaceopt":
                touched.add(other["snap"]["cache"])
    for co in sorted(touched):
        settle_cache(doc, dg, co)


def dissociate(dg, vol):
    """The snapshot stops being one: a full-sized one becomes an independent volume; a
    space-optimized one stays on its cache without a parent. [recon]"""
    src = parent(dg, vol)
    src["dco"]["snaps"].remove(vol["name"])
    if vol["snap"]["type"] == "fullinst":
        del vol["snap"]
    else:
        vol["snap"].update(source=None, sp_src=None, sp_own=None)


# ---------------------------------------------------------------- removal

def removal_problem(dg, vol, cmd, msg):
    """The CommandFailed that forbids removing vol for snapshot reasons, or None."""
    if vol.get("dcl_of"):
        return msg.dcl_volume(cmd, vol["name"], vol["dcl_of"])
    if vol.get("cache") and vol["cache"] in caches(dg):
        return msg.cachevol_in_use(cmd, vol["name"], vol["cache"])
    kids = children(dg, vol)
    if kids:
        return msg.has_snapshots(cmd, vol["name"], [k["name"] for k in kids])
    return None


def remove_volume(dg, vol):
    """Delete vol with its DCO log; unlink it from its parent."""
    src = parent(dg, vol)
    if src is not None:
        src["dco"]["snaps"].remove(vol["name"])
    if "dco" in vol:
        dg["volumes"].pop(vol["dco"]["dcl"], None)
    del dg["volumes"][vol["name"]]
    co = vol.get("snap", {}).get("cache")
    if co and caches(dg).get(co, {}).get("implicit") and not cache_snapshots(dg, co):
        remove_cache(dg, co, True)   # [recon] a cachesize= cache goes with its snapshot


def remove_cache(dg, co, with_volume):
    cache = caches(dg).pop(co)
    cvol = dg["volumes"].get(cache["cachevol"])
    if cvol is not None:
        cvol.pop("cache", None)
        if with_volume:
            del dg["volumes"][cvol["name"]]
