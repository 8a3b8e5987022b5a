"""Volumes of a disk group: record layout, space allocation, make / grow / shrink.

volume  = {"name", "utype", "len", "kstate", "state", "layout", "ncol", "nmirror", "su",
           "open": node | None, "plexes": [plex], "subvols": [subvol]}
plex    = {"name", "layout": "CONCAT" | "STRIPE", "ncol", "su", "len", "kstate", "state",
           "sds": [subdisk], "svs": [subvolume link]}
subdisk = {"name", "dm", "off", "len", "col", "coff"}     # off = offset in the public region
sv      = {"name", "subvol", "col", "coff", "len"}         # top plex -> sub-volume link
subvol  = {"name", "len", "kstate", "state", "plexes": [plex]}   # layered layouts only

Every layout is a set of *units* (a concat plex, one column of a striped plex, or a plex of
a sub-volume). Make, grow and shrink move every unit by the same amount; a unit may use its
own disks plus disks no other unit of the volume uses (mirrors and columns stay on disjoint
disks). Planning runs on per-disk free totals, so maxsize/maxgrow use exactly the rules
that make/grow apply.
"""
from .model import publen

LAYOUT_ALIASES = {
    "concat": "concat", "nostripe": "concat", "span": "concat",
    "stripe": "stripe",
    "mirror": "mirror", "mirror-concat": "mirror",
    "mirror-stripe": "mirror-stripe",
    "stripe-mirror": "stripe-mirror",
    "concat-mirror": "concat-mirror",
}
STRIPED = {"stripe", "mirror-stripe", "stripe-mirror"}
MIRRORED = {"mirror", "mirror-stripe", "stripe-mirror", "concat-mirror"}
LAYERED = {"stripe-mirror", "concat-mirror"}
LAYERED_TOP_PLEX = "-03"   # [recon] name of the top-level plex of layered volumes


class NoSpace(Exception):
    """The requested space cannot be allocated."""


# ---------------------------------------------------------------- record walking

def iter_plexes(vol):
    """All plexes with subdisks: data plexes, and the plexes of sub-volumes."""
    for plex in vol["plexes"]:
        yield plex
    for sub in vol.get("subvols", ()):
        yield from sub["plexes"]


def iter_subdisks(dg):
    for vol in dg["volumes"].values():
        for plex in iter_plexes(vol):
            yield from plex["sds"]


def record_names(vol):
    names = [vol["name"]]
    for plex in vol["plexes"]:
        names.append(plex["name"])
        names.extend(sv["name"] for sv in plex.get("svs", ()))
    for sub in vol.get("subvols", ()):
        names.append(sub["name"])
        names.extend(p["name"] for p in sub["plexes"])
    for plex in iter_plexes(vol):
        names.extend(sd["name"] for sd in plex["sds"])
        names.extend(sc["name"] for sc in plex.get("scs", ()))
    if "dco" in vol:
        names.append(vol["dco"]["name"])
    snap = vol.get("snap")
    if snap:
        names.extend(n for n in (snap["sp_src"], snap["sp_own"]) if n)
    return names


def units(vol):
    """(plex, column) pairs that receive space."""
    if vol.get("subvols"):
        return [(plex, 0) for sub in vol["subvols"] for plex in sub["plexes"]]
    out = []
    for plex in vol["plexes"]:
        for col in range(plex["ncol"] if plex["layout"] == "STRIPE" else 1):
            out.append((plex, col))
    return out


def unit_subdisks(plex, col):
    return sorted((sd for sd in plex["sds"] if sd["col"] == col), key=lambda sd: sd["coff"])


def unit_length(vol, length):
    return length // vol["ncol"] if vol["layout"] in STRIPED else length


def volume_disks(vol):
    return {sd["dm"] for plex in iter_plexes(vol) for sd in plex["sds"]}


# ---------------------------------------------------------------- free space

class Space:
    """Free extents of the disks of one disk group, and the names already taken in it."""

    def __init__(self, doc, dg):
        self.order = list(dg["dms"])
        self.free = {}
        self.names = set(dg["dms"]) | set(dg.get("caches", ()))
        used = {dm: [] for dm in self.order}
        for vol in dg["volumes"].values():
            self.names.update(record_names(vol))
            for plex in iter_plexes(vol):
                for sd in plex["sds"]:
                    used[sd["dm"]].append((sd["off"], sd["len"]))
        for dm, da in dg["dms"].items():
            size = publen(doc["disks"][da])
            extents, pos = [], 0
            for off, length in sorted(used[dm]):
                if off > pos:
                    extents.append([pos, off - pos])
                pos = max(pos, off + length)
            if pos < size:
                extents.append([pos, size - pos])
            self.free[dm] = extents
        self.totals = {dm: sum(e[1] for e in ext) for dm, ext in self.free.items()}

    def take(self, dm, amount, after=None):
        """Carve `amount` sectors from dm: first the extent starting at `after` (contiguous
        growth), then first fit from the lowest offset. Returns [(offset, length)]."""
        extents = self.free[dm]
        pieces = []
        if after is not None:
            for ext in extents:
                if ext[0] == after:
                    pieces.append(self._carve(ext, min(ext[1], amount)))
                    amount -= pieces[-1][1]
                    break
        for ext in extents:
            if amount == 0:
                break
            if ext[1]:
                pieces.append(self._carve(ext, min(ext[1], amount)))
                amount -= pieces[-1][1]
        if amount:
            raise NoSpace(dm)
        self.free[dm] = [e for e in extents if e[1]]
        self.totals[dm] -= sum(p[1] for p in pieces)
        return pieces

    @staticmethod
    def _carve(ext, amount):
        piece = (ext[0], amount)
        ext[0] += amount
        ext[1] -= amount
        return piece

    def give(self, dm, off, length):
        self.free[dm].append([off, length])
        self.free[dm].sort()
        merged = []
        for ext in self.free[dm]:
            if merged and merged[-1][0] + merged[-1][1] == ext[0]:
                merged[-1][1] += ext[1]
            else:
                merged.append(ext)
        self.free[dm] = merged
        self.totals[dm] += length

    def sd_name(self, dm):
        n = 1
        while "%s-%02d" % (dm, n) in self.names:
            n += 1
        name = "%s-%02d" % (dm, n)
        self.names.add(name)
        return name


# ---------------------------------------------------------------- planning

def plan(unit_disks, amount, allowed, totals):
    """Which disks give how much to each unit; None when impossible.

    unit_disks: per unit, the disks it already uses (in column order).
    Returns per unit a list of (dm, sectors).
    """
    owner = {}
    for i, dms in enumerate(unit_disks):
        for dm in dms:
            owner[dm] = i
    left = dict(totals)
    allowed_set = set(allowed)
    result = []
    for i, own in enumerate(unit_disks):
        need = amount
        takes = []
        seen = []
        for dm in list(reversed(own)) + list(allowed):
            if need == 0:
                break
            if dm in seen or dm not in allowed_set or owner.get(dm, i) != i:
                continue
            seen.append(dm)
            give = min(left.get(dm, 0), need)
            if give <= 0:
                continue
            takes.append((dm, give))
            left[dm] -= give
            owner[dm] = i
            need -= give
        if need:
            return None
        result.append(takes)
    return result


def max_amount(unit_disks, step, allowed, totals, cap):
    """Largest multiple of `step` every unit can grow by (binary search on plan)."""
    lo, hi = 0, cap // step
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if plan(unit_disks, mid * step, allowed, totals) is not None:
            lo = mid
        else:
            hi = mid - 1
    return lo * step


# ---------------------------------------------------------------- building volumes

def new_volume(name, layout, ncol, nmirror, su, utype, kstate="ENABLED", state="ACTIVE"):
    """A volume with all its plexes (and sub-volumes) but no space yet."""
    vol = {"name": name, "utype": utype, "len": 0, "kstate": kstate, "state": state,
           "layout": layout, "ncol": ncol if layout in STRIPED else 1,
           "nmirror": nmirror if layout in MIRRORED else 1,
           "su": su if layout in STRIPED else 0, "open": None, "plexes": [], "subvols": []}

    def plex(pname, striped):
        return {"name": pname, "layout": "STRIPE" if striped else "CONCAT",
                "ncol": ncol if striped else 1, "su": su if striped else 0, "len": 0,
                "kstate": kstate, "state": state, "sds": [], "svs": []}

    if layout in ("concat", "stripe"):
        vol["plexes"].append(plex(name + "-01", layout == "stripe"))
    elif layout in ("mirror", "mirror-stripe"):
        for i in range(nmirror):
            vol["plexes"].append(plex("%s-%02d" % (name, i + 1), layout == "mirror-stripe"))
    else:
        top = plex(name + LAYERED_TOP_PLEX, layout == "stripe-mirror")
        vol["plexes"].append(top)
        columns = ncol if layout == "stripe-mirror" else 1
        pnum = 0
        for col in range(columns):
            sub = {"name": "%s-L%02d" % (name, col + 1), "len": 0, "kstate": kstate,
                   "state": state, "plexes": []}
            for _ in range(nmirror):
                pnum += 1
                sub["plexes"].append(plex("%s-P%02d" % (name, pnum), False))
            vol["subvols"].append(sub)
            top["svs"].append({"name": "%s-S%02d" % (name, col + 1), "subvol": sub["name"],
                               "col": col, "coff": 0, "len": 0})
    return vol


def unit_disk_lists(vol):
    return [[sd["dm"] for sd in unit_subdisks(plex, col)] for plex, col in units(vol)]


def grow(vol, new_length, space, allowed):
    """Give every unit its share of new_length - len; raises NoSpace."""
    amount = unit_length(vol, new_length) - unit_length(vol, vol["len"])
    unit_list = units(vol)
    takes = plan(unit_disk_lists(vol), amount, allowed, space.totals)
    if takes is None:
        raise NoSpace(new_length)
    for (plex, col), unit_takes in zip(unit_list, takes):
        sds = unit_subdisks(plex, col)
        ulen = sum(sd["len"] for sd in sds)
        last = sds[-1] if sds else None
        for dm, sectors in unit_takes:
            after = last["off"] + last["len"] if last and last["dm"] == dm else None
            for off, length in space.take(dm, sectors, after):
                if last and last["dm"] == dm and last["off"] + last["len"] == off:
                    last["len"] += length
                else:
                    last = {"name": space.sd_name(dm), "dm": dm, "off": off, "len": length,
                            "col": col, "coff": ulen}
                    plex["sds"].append(last)
                ulen += length
    _set_length(vol, new_length)


def shrink(vol, new_length, space=None):
    """Trim every unit from its end; freed extents go back to `space` when given."""
    amount = unit_length(vol, vol["len"]) - unit_length(vol, new_length)
    for plex, col in units(vol):
        left = amount
        for sd in reversed(unit_subdisks(plex, col)):
            if left == 0:
                break
            cut = min(sd["len"], left)
            sd["len"] -= cut
            left -= cut
            if space is not None:
                space.give(sd["dm"], sd["off"] + sd["len"], cut)
        plex["sds"] = [sd for sd in plex["sds"] if sd["len"]]
    _set_length(vol, new_length)


def _set_length(vol, length):
    vol["len"] = length
    per_unit = unit_length(vol, length)
    if vol.get("subvols"):
        for sub, sv in zip(vol["subvols"], vol["plexes"][0]["svs"]):
            sub["len"] = per_unit
            sv["len"] = per_unit
            for plex in sub["plexes"]:
                plex["len"] = per_unit
        vol["plexes"][0]["len"] = length
    else:
        for plex in vol["plexes"]:
            plex["len"] = length


def default_ncol(layout, ndisks, nmirror):
    """min(ndisks, 8), at least 2; layered/mirrored stripes share the disks among mirrors. [recon]"""
    usable = ndisks // nmirror if layout in ("stripe-mirror", "mirror-stripe") else ndisks
    return max(2, min(8, usable))


def length_step(dg_align, layout, ncol, su):
    """Lengths are multiples of this: the CDS alignment, or a full stripe width."""
    if layout in STRIPED:
        return ncol * su
    return dg_align


def release(vol, space):
    for plex in iter_plexes(vol):
        for sd in plex["sds"]:
            space.give(sd["dm"], sd["off"], sd["len"])
    space.names.difference_update(record_names(vol))


def set_state(vol, kstate, state):
    """Kernel state and state of a volume and everything below it."""
    vol["kstate"] = kstate
    vol["state"] = state
    for plex in vol["plexes"]:
        plex["kstate"], plex["state"] = kstate, state
    for sub in vol.get("subvols", ()):
        sub["kstate"], sub["state"] = kstate, state
        for plex in sub["plexes"]:
            plex["kstate"], plex["state"] = kstate, state
