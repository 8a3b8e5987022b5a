"""vxprint's view of a disk group: a tree of records (dg, dm, v, pl, sd, sv, the layered
v2/p2/s2, and for instant snapshots co, sc, dc, sp), built from the domain document.

Order (support article 100052444, sample vxprint_htr_1): a volume's plexes and subdisks,
then its `dc` row, the DCO log volume (v/pl/sd) and the `sp` snap points; cache objects
come after the volumes, each followed by its cache volume."""
from .model import privlen, publen
from .volumes import STRIPED


class Rec:
    """One configuration record. kind: dg dm v pl sd sv co sc dc sp; layer 2 = inside a
    sub-volume."""

    __slots__ = ("kind", "name", "data", "children", "layer", "parent", "dg", "volume")

    def __init__(self, kind, name, data, dg, parent=None, layer=1, volume=None):
        self.kind = kind
        self.name = name
        self.data = data
        self.children = []
        self.layer = layer
        self.parent = parent
        self.dg = dg
        self.volume = volume

    @property
    def tag(self):
        """The TY column: v2/p2/s2 for records inside a layered volume."""
        if self.layer == 2:
            return {"v": "v2", "pl": "p2", "sd": "s2"}[self.kind]
        return self.kind

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


class DgView:
    """Records of one imported disk group."""

    def __init__(self, doc, dg):
        self.doc = doc
        self.dg = dg
        self.dg_rec = Rec("dg", dg["name"], dg, dg)
        self.dms = []
        for dm in sorted(dg["dms"]):
            da = dg["dms"][dm]
            disk = doc["disks"][da]
            self.dms.append(Rec("dm", dm, {"da": da, "disk": disk, "publen": publen(disk),
                                           "privlen": privlen(disk)}, dg))
        vols = dg["volumes"]
        self.volumes = [self._volume(vols[name]) for name in sorted(vols)
                        if not vols[name].get("dcl_of") and not self._cache_volume(vols[name])]
        self.caches = []
        for name in sorted(dg.get("caches", {})):
            cache = dg["caches"][name]
            started = cache["started"]
            data = {"cachevol": cache["cachevol"], "kstate": "ENABLED" if started else "DISABLED",
                    "state": "ACTIVE" if started else "CLEAN"}   # [recon] state when not started
            rec = Rec("co", name, data, dg)
            cvol = vols.get(cache["cachevol"])
            if cvol is not None:
                rec.children.append(self._volume(cvol, rec))
            self.caches.append(rec)

    def _cache_volume(self, vol):
        return vol.get("cache") in self.dg.get("caches", {})

    def _volume(self, vol, parent=None):
        rec = Rec("v", vol["name"], vol, self.dg, parent, volume=vol)
        subvols = {sub["name"]: sub for sub in vol.get("subvols", ())}
        for plex in vol["plexes"]:
            prec = Rec("pl", plex["name"], plex, self.dg, rec, volume=vol)
            rec.children.append(prec)
            self._subdisks(prec, plex, vol, 1)
            for sv in plex.get("svs", ()):
                svrec = Rec("sv", sv["name"], sv, self.dg, prec, volume=vol)
                prec.children.append(svrec)
                sub = subvols[sv["subvol"]]
                subrec = Rec("v", sub["name"], sub, self.dg, svrec, layer=2, volume=vol)
                svrec.children.append(subrec)
                for subplex in sub["plexes"]:
                    p2 = Rec("pl", subplex["name"], subplex, self.dg, subrec, layer=2, volume=vol)
                    subrec.children.append(p2)
                    self._subdisks(p2, subplex, vol, 2)
            for sc in plex.get("scs", ()):
                prec.children.append(Rec("sc", sc["name"], sc, self.dg, prec, volume=vol))
        dco = vol.get("dco")
        if dco:
            dc = Rec("dc", dco["name"], {"parentvol": vol["name"], "logvol": dco["dcl"]},
                     self.dg, rec, volume=vol)
            rec.children.append(dc)
            dcl = self.dg["volumes"].get(dco["dcl"])
            if dcl is not None:
                dc.children.append(self._volume(dcl, dc))
            for point, snapvol in self._snap_points(vol):
                dc.children.append(Rec("sp", point, {"snapvol": snapvol, "dco": dco["name"]},
                                       self.dg, dc, volume=vol))
        return rec

    def _snap_points(self, vol):
        """(snap point, volume at its other end): the parent first, then the snapshots."""
        points = []
        snap = vol.get("snap")
        if snap and snap["source"]:
            points.append((snap["sp_own"], snap["source"]))
        for name in vol["dco"]["snaps"]:
            points.append((self.dg["volumes"][name]["snap"]["sp_src"], name))
        return points

    def _subdisks(self, prec, plex, vol, layer):
        for sd in sorted(plex["sds"], key=lambda s: (s["col"], s["coff"])):
            data = dict(sd, da=self.dg["dms"][sd["dm"]])
            prec.children.append(Rec("sd", sd["name"], data, self.dg, prec, layer, vol))

    def hierarchy(self):
        """Top-level records in hierarchical order: dg, dms, volumes, cache objects."""
        return [self.dg_rec] + self.dms + self.volumes + self.caches

    def all_records(self):
        out = [self.dg_rec] + self.dms
        for top in self.volumes + self.caches:
            out.extend(top.walk())
        return out

    def by_name(self, name):
        for rec in self.all_records():
            if rec.name == name:
                return rec
        return None


def ncol_of(rec):
    if rec.kind == "pl":
        return rec.data["ncol"] if rec.data["layout"] == "STRIPE" else 0
    if rec.kind == "v" and rec.layer == 1:
        return rec.data["ncol"] if rec.data["layout"] in STRIPED else 1
    return 0
