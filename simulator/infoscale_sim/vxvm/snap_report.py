"""Text of `vxsnap list`, `vxsnap print` and `vxcache stat`.

vxsnap print follows sample vxsnap_print_doc_1 (columns, blank line after the header,
`--`, continuation rows with an empty NAME). vxsnap list uses the 7.0 layout fixed in the
issue-4 brief; its size and percentage formats follow the tokens of sample
vxsnap_list_doc_1 ("52M (0.5%)", "10G (100%)"). vxcache stat is [recon] entirely.
"""
import time

from . import regions
from . import snapshots as snaps
from .vxprint_format import tabbed

LIST_HEADER = ("NAME       DG       OBJTYPE SNAPTYPE   PARENT     PARENTDG SNAPDATE          "
               "CHANGE_DATA  SYNCED_DATA")
LIST_STOPS = (0, 11, 20, 28, 39, 50, 59, 77, 90)
PRINT_HEADER = "NAME     SNAPOBJECT     TYPE    PARENT   SNAPSHOT   %DIRTY   %VALID"
PRINT_STOPS = (0, 9, 24, 32, 41, 52, 61)
STAT_HEADER = ("CACHE-OBJECT     CACHEVOL         REGIONSZ   CACHESZ      USED         %USED  "
               "AUTOGROW  HWM  STATE")   # [recon]
STAT_STOPS = (0, 17, 34, 45, 58, 71, 78, 88, 93)


def _tree(dg, names):
    """Volumes in snapshot hierarchies, each parent followed by its snapshots (depth first)."""
    vols = dg["volumes"]
    if names:
        roots = [vols[n] for n in names]
    else:
        roots = [vols[n] for n in sorted(vols)
                 if (snaps.is_instant_ready(vols[n]) or vols[n].get("snap"))
                 and not vols[n].get("dcl_of") and snaps.parent(dg, vols[n]) is None]
    out, seen = [], set()

    def visit(vol):
        if vol["name"] in seen:
            return
        seen.add(vol["name"])
        out.append(vol)
        for kid in snaps.children(dg, vol):
            visit(kid)

    for root in roots:
        visit(root)
    return out


def _regions_total(vol):
    return -(-vol["len"] // vol["snap"]["rs"])


def _pct(part, whole):
    return 100.0 * part / whole if whole else 0.0


def human_size(sectors):
    """[recon] 52M, 10G, 1.5G, 64K, 0."""
    value = sectors * 512.0
    unit = ""
    for suffix in ("K", "M", "G", "T"):
        if value < 1024:
            break
        value /= 1024
        unit = suffix
    if not unit:
        return "%d" % value
    text = ("%.1f" % value).rstrip("0").rstrip(".")
    return text + unit


def _list_pct(value):
    """0.5%, 100%, 50% (one decimal, trailing .0 dropped)."""
    return ("%.1f" % value).rstrip("0").rstrip(".") + "%"


def _data(sectors, total):
    return "%s (%s)" % (human_size(sectors), _list_pct(_pct(sectors, total)))


def _date(epoch):
    """[recon] 2006/2/1 12:29 as in sample vxsnap_list_doc_1 (month and day unpadded)."""
    t = time.localtime(epoch)
    return "%d/%d/%d %02d:%02d" % (t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min)


def list_lines(dg, names, now):
    lines = [LIST_HEADER]
    dgname = dg["name"]
    for vol in _tree(dg, names):
        snap = vol.get("snap")
        if not snap or not snap["source"]:
            row = [vol["name"], dgname, "vol", "-", "-", "-", "-", "-", "-"]
        else:
            rs = snap["rs"]
            changed = regions.count(snap["diverged"]) * rs
            synced = changed if snap["type"] == "spaceopt" else snaps.synced_regions(vol, now) * rs
            row = [vol["name"], dgname, "vol", snap["type"], snap["source"], dgname,
                   _date(snap["date"]), _data(min(changed, vol["len"]), vol["len"]),
                   _data(min(synced, vol["len"]), vol["len"])]
        lines.append(tabbed(row, LIST_STOPS))
    return lines


def _print_pct(value):
    return "100" if value >= 100 else "%.2f" % value


def print_lines(dg, names, now):
    lines = [PRINT_HEADER, ""]
    for vol in _tree(dg, names):
        snap = vol.get("snap")
        if snap and snap["source"]:
            total = _regions_total(vol)
            dirty = _print_pct(_pct(regions.count(snap["diverged"]), total))
            valid = _print_pct(_pct(snaps.synced_regions(vol, now), total)) if snap["valid"] else "0"
            lines.append(tabbed([vol["name"], snap["sp_own"], "volume", snap["source"], "--", dirty,
                                 valid], PRINT_STOPS))
        else:
            valid = "100"
            if snap:   # a dissociated space-optimized snapshot keeps only what its cache holds
                valid = (_print_pct(_pct(snaps.synced_regions(vol, now), _regions_total(vol)))
                         if snap["valid"] else "0")
            lines.append(tabbed([vol["name"], "--", "volume", "--", "--", "--", valid], PRINT_STOPS))
        for kid in snaps.children(dg, vol):
            ksnap = kid["snap"]
            dirty = _print_pct(_pct(regions.count(ksnap["diverged"]), _regions_total(kid)))
            lines.append(tabbed(["", ksnap["sp_src"], "volume", "--", kid["name"], dirty, "--"],
                                PRINT_STOPS))
    return lines


def stat_lines(dg, names):
    lines = [STAT_HEADER]
    for co in names:
        cache = snaps.caches(dg)[co]
        size = snaps.cache_size(dg, co)
        used = min(snaps.cache_used(dg, co), size)
        lines.append(tabbed([co, cache["cachevol"], str(cache["regionsize"]), str(size), str(used),
                             str(used * 100 // size if size else 0),
                             "on" if cache["autogrow"] else "off", str(cache["hwm"]),
                             snaps.cache_state(dg, co)], STAT_STOPS))
    return lines
