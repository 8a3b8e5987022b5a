"""vxsnap [-g dg] prepare | unprepare | make | refresh | restore | dis | syncwait | list | print"""
from ..errors import vxvm_error
from ..getopt import parse
from ..sizes import parse_length, round_up
from . import messages as msg
from . import snap_report
from . import snapshots as snaps
from .model import alignment
from .requests import VOLUME_NAME, disk_group
from .volumes import NoSpace, Space, grow, new_volume

CMD = "vxsnap"
TUPLE_KEYS = ("source", "newvol", "snapvol", "cache", "cachesize", "sync", "syncing", "comment")


def vxsnap(call, args):
    opts, operands = parse(args, "bfg:", msg.usage_for(CMD))
    if not operands:
        raise msg.usage(CMD)
    handler = KEYWORDS.get(operands[0])
    if handler is None:
        raise msg.usage(CMD, ["%s: keyword not supported" % operands[0]])
    return handler(call, opts, operands[1:])


def _volume(dg, name):
    vol = dg["volumes"].get(name)
    if vol is None:
        raise msg.snap_volume_not_found(name, dg["name"])
    return vol


def _attributes(words, allowed):
    values = {}
    for word in words:
        key, eq, value = word.partition("=")
        if not eq or key not in allowed or not value:
            raise msg.bad_attribute(CMD, word)
        values[key] = value
    return values


def _regionsize(text):
    value = parse_length(text)
    if not value or value < 32 or value & (value - 1):   # a power of 2, at least 16k
        raise msg.bad_value(CMD, "regionsize", text)
    return value


def _snapshot(dg, name):
    vol = _volume(dg, name)
    if not vol.get("snap") or not vol["snap"]["source"]:
        raise msg.not_a_snapshot(name)
    return vol


# ---------------------------------------------------------------- prepare / unprepare

def _prepare(call, opts, rest):
    if not rest:
        raise msg.usage(CMD)
    doc, dg = disk_group(call, CMD, opts)
    vol = _volume(dg, rest[0])
    attrs = _attributes(rest[1:], ("ndcomirs", "regionsize", "drl"))
    if vol.get("dcl_of"):
        raise msg.dcl_volume(CMD, vol["name"], vol["dcl_of"])
    if vol.get("cache") in snaps.caches(dg):
        raise msg.cachevol_in_use(CMD, vol["name"], vol["cache"])
    if snaps.is_instant_ready(vol):
        raise msg.already_instant_ready(vol["name"])
    ndcomirs = snaps.default_ndcomirs(vol)
    if "ndcomirs" in attrs:
        if not attrs["ndcomirs"].isdigit() or not 1 <= int(attrs["ndcomirs"]) <= 32:
            raise msg.bad_value(CMD, "ndcomirs", attrs["ndcomirs"])
        ndcomirs = int(attrs["ndcomirs"])
    if attrs.get("drl", "off") not in ("on", "off", "sequential"):
        raise msg.bad_value(CMD, "drl", attrs["drl"])
    regionsize = _regionsize(attrs["regionsize"]) if "regionsize" in attrs else snaps.DEFAULT_REGIONSIZE
    try:
        snaps.prepare(doc, dg, vol, regionsize, ndcomirs)
    except NoSpace:
        raise msg.cannot_allocate(CMD, snaps.dcl_length(vol["len"], regionsize)) from None
    return 0


def _unprepare(call, opts, rest):
    if len(rest) != 1:
        raise msg.usage(CMD)
    _, dg = disk_group(call, CMD, opts)
    vol = _volume(dg, rest[0])
    if not snaps.is_instant_ready(vol):
        raise msg.not_instant_ready(CMD, vol["name"])
    kids = snaps.children(dg, vol)
    if kids:
        raise msg.has_snapshots(CMD, vol["name"], [k["name"] for k in kids])
    if vol.get("snap"):
        raise vxvm_error(CMD, 6224, "Volume %s is a snapshot volume and needs its DCO" % vol["name"],
                         msg.RC_FAIL)  # [recon]
    snaps.unprepare(dg, vol)
    return 0


# ---------------------------------------------------------------- make

def _parse_tuple(text):
    values = {}
    for part in text.split("/"):
        key, eq, value = part.partition("=")
        if not eq or key not in TUPLE_KEYS or not value or key in values:
            raise msg.bad_attribute(CMD, part)   # nmirror=, plex=, infrontof= ... not simulated
        values[key] = value
    if "source" not in values or ("newvol" in values) == ("snapvol" in values):
        raise msg.usage(CMD, ["%s: a snapshot tuple needs source= and one of newvol= or snapvol="
                              % text])  # [recon]
    if "cache" in values and "cachesize" in values:
        raise msg.bad_attribute(CMD, "cachesize=" + values["cachesize"])
    for key in ("sync", "syncing"):
        if values.get(key, "yes") not in ("yes", "no", "on", "off"):
            raise msg.bad_value(CMD, key, values[key])
    return values


def _check_source(dg, name):
    src = _volume(dg, name)
    if not snaps.is_instant_ready(src):
        raise msg.not_instant_ready(CMD, name)
    if src.get("snap") and not src["snap"]["valid"]:
        raise vxvm_error(CMD, 6187, "Volume %s is invalid" % name, msg.RC_FAIL)  # [recon]
    if src["kstate"] != "ENABLED":
        raise vxvm_error(CMD, 6188, "Volume %s is not enabled" % name, msg.RC_FAIL)  # [recon]
    return src


def _make(call, opts, rest):
    if not rest:
        raise msg.usage(CMD)
    tuples = [_parse_tuple(text) for text in rest]
    doc, dg = disk_group(call, CMD, opts)
    names = Space(doc, dg).names
    now = call.now()
    for values in tuples:
        src = _check_source(dg, values["source"])
        if "snapvol" in values:
            _make_full(dg, src, values, names, now)
        else:
            _make_spaceopt(doc, dg, src, values, names, now)
    return 0


def _make_spaceopt(doc, dg, src, values, names, now):
    name = values["newvol"]
    if not VOLUME_NAME.match(name):
        raise vxvm_error(CMD, 1286, "Invalid volume name: %s" % name, msg.RC_FAIL)  # [recon]
    if name in names:
        raise msg.record_exists(CMD, name)
    if "cache" in values:
        co = values["cache"]
        cache = snaps.caches(dg).get(co)
        if cache is None:
            raise msg.cache_not_found(CMD, co)
        if not cache["started"]:
            raise msg.cache_not_started(CMD, co)
    elif "cachesize" in values:
        co = _implicit_cache(doc, dg, src, name, values["cachesize"], names)
    else:
        raise vxvm_error(CMD, 6209, "Volume %s has no snapshot plexes to break off; give cache= or "
                         "cachesize= for a space-optimized snapshot" % src["name"],
                         msg.RC_FAIL)  # [recon] break-off snapshots are not simulated
    cache = snaps.caches(dg)[co]
    if src["dco"]["regionsize"] < cache["regionsize"]:
        raise vxvm_error(CMD, 6186, "Region size of volume %s (%d) is smaller than the region size "
                         "of cache %s (%d)" % (src["name"], src["dco"]["regionsize"], co,
                                               cache["regionsize"]), msg.RC_FAIL)  # [recon]
    try:
        snaps.make_spaceopt(doc, dg, src, name, co, now, names)
    except NoSpace:
        raise msg.cannot_allocate(CMD, snaps.dcl_length(src["len"], src["dco"]["regionsize"])) from None


def _implicit_cache(doc, dg, src, snapname, size_text, names):
    """cachesize=: a cache volume <snap>_cv and cache object <snap>_co for this snapshot. [recon]"""
    size = parse_length(size_text)
    if not size:
        raise msg.invalid_length(CMD, size_text)
    cvname, co = snapname + "_cv", snapname + "_co"
    for taken in (cvname, co):
        if taken in names:
            raise msg.record_exists(CMD, taken)
    cvol = new_volume(cvname, "concat", 1, 1, 0, "fsgen")
    length = round_up(size, alignment(dg))
    try:
        grow(cvol, length, Space(doc, dg), list(dg["dms"]))
    except NoSpace:
        raise msg.cannot_allocate(CMD, length) from None
    dg["volumes"][cvname] = cvol
    snaps.new_cache(dg, co, cvname, src["dco"]["regionsize"], started=True)
    snaps.caches(dg)[co]["implicit"] = True
    names.update((cvname, co, cvname + "-01"))
    names.update(sd["name"] for sd in cvol["plexes"][0]["sds"])
    return co


def _make_full(dg, src, values, names, now):
    for key in ("cache", "cachesize"):
        if key in values:
            raise msg.bad_attribute(CMD, "%s=%s" % (key, values[key]))
    snapvol = _volume(dg, values["snapvol"])
    name = snapvol["name"]
    if snapvol is src:
        raise msg.bad_value(CMD, "snapvol", name)
    if snapvol.get("snap"):
        raise vxvm_error(CMD, 6190, "Volume %s is already a snapshot volume" % name,
                         msg.RC_FAIL)  # [recon]
    if snaps.children(dg, snapvol):
        raise msg.has_snapshots(CMD, name, [k["name"] for k in snaps.children(dg, snapvol)])
    if snapvol["len"] != src["len"]:
        raise vxvm_error(CMD, 6191, "Snapshot volume %s (%d) and volume %s (%d) differ in length"
                         % (name, snapvol["len"], src["name"], src["len"]), msg.RC_FAIL)  # [recon]
    if not snaps.is_instant_ready(snapvol):
        raise msg.not_instant_ready(CMD, name)
    if snapvol.get("open"):
        raise msg.volume_open(CMD, name, "make it a snapshot")
    sync = values.get("sync", values.get("syncing", "yes")) in ("yes", "on")
    snaps.attach_full(dg, src, snapvol, now, names, sync)


# ---------------------------------------------------------------- refresh / restore / dis / syncwait

def _refresh(call, opts, rest):
    if not rest:
        raise msg.usage(CMD)
    _, dg = disk_group(call, CMD, opts)
    vol = _snapshot(dg, rest[0])
    attrs = _attributes(rest[1:], ("source",))
    if attrs.get("source", vol["snap"]["source"]) != vol["snap"]["source"]:
        _volume(dg, attrs["source"])
        raise vxvm_error(CMD, 6192, "Volume %s is not a snapshot of %s" % (vol["name"], attrs["source"]),
                         msg.RC_FAIL)  # [recon]
    if vol.get("open"):
        raise msg.volume_open(CMD, vol["name"], "refresh")
    snaps.refresh(vol, call.now())
    return 0


def _restore(call, opts, rest):
    if not rest:
        raise msg.usage(CMD)
    doc, dg = disk_group(call, CMD, opts)
    vol = _volume(dg, rest[0])
    attrs = _attributes(rest[1:], ("source", "destroy"))
    if "source" not in attrs:
        raise msg.usage(CMD)
    snapvol = _volume(dg, attrs["source"])
    if not snapvol.get("snap") or snapvol["snap"]["source"] != vol["name"]:
        raise vxvm_error(CMD, 6192, "Volume %s is not a snapshot of %s" % (snapvol["name"], vol["name"]),
                         msg.RC_FAIL)  # [recon]
    if attrs.get("destroy", "no") not in ("yes", "no"):
        raise msg.bad_value(CMD, "destroy", attrs["destroy"])
    if not snapvol["snap"]["valid"]:
        raise vxvm_error(CMD, 6187, "Volume %s is invalid" % snapvol["name"], msg.RC_FAIL)  # [recon]
    if vol.get("open"):
        raise msg.volume_open(CMD, vol["name"], "restore")
    destroy = attrs.get("destroy") == "yes"
    if destroy and snapvol.get("open"):
        raise msg.volume_open(CMD, snapvol["name"], "remove")
    snaps.restore(doc, dg, vol, snapvol)
    if destroy:
        if snaps.children(dg, snapvol):
            raise msg.has_snapshots(CMD, snapvol["name"], [k["name"] for k in snaps.children(dg, snapvol)])
        snaps.remove_volume(dg, snapvol)
    return 0


def _dis(call, opts, rest):
    if len(rest) != 1:
        raise msg.usage(CMD)
    _, dg = disk_group(call, CMD, opts)
    vol = _snapshot(dg, rest[0])
    snap = vol["snap"]
    if snap["type"] == "fullinst" and snaps.synced_regions(vol, call.now()) < -(-vol["len"] // snap["rs"]):
        raise vxvm_error(CMD, 6193, "Volume %s is not fully synchronized: use vxsnap syncwait"
                         % vol["name"], msg.RC_FAIL)  # [recon]
    snaps.dissociate(dg, vol)
    return 0


def _syncwait(call, opts, rest):
    if len(rest) != 1:
        raise msg.usage(CMD)
    _, dg = disk_group(call, CMD, opts)
    vol = _volume(dg, rest[0])
    related = ([vol] if vol.get("snap") and vol["snap"]["source"] else []) + snaps.children(dg, vol)
    if not related:
        raise msg.not_a_snapshot(vol["name"])
    for each in related:
        snaps.finish_sync(each)
    return 0


# ---------------------------------------------------------------- list / print

def _report(render):
    def handler(call, opts, rest):
        call.mark_readonly()
        _, dg = disk_group(call, CMD, opts)
        for name in rest:
            _volume(dg, name)
        for line in render(dg, rest, call.now()):
            call.print(line)
        return 0
    return handler


KEYWORDS = {
    "prepare": _prepare, "unprepare": _unprepare, "make": _make, "refresh": _refresh,
    "restore": _restore, "dis": _dis, "syncwait": _syncwait,
    "list": _report(snap_report.list_lines), "print": _report(snap_report.print_lines),
}
