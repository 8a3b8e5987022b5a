"""vxprint output: column rules, header blocks, -t / default / -l / -m / -F renderings.

Columns sit on fixed tab stops; a value that overflows pushes the rest of the line right
and the next value starts at its own stop again as soon as it fits, at least one space
apart (this reproduces samples vxprint_g_1, vxprint_v_1 and vxprint_htr_1 exactly).
"""
import re

from ..sizes import format_length
from ..vvr import vxprint_rows as vvr_rows
from .records import ncol_of
from .volumes import STRIPED

STOPS_DEFAULT = (0, 3, 16, 29, 38, 47, 56, 65, 73)
STOPS_T = (0, 3, 16, 29, 38, 47, 56, 66, 75)
HEADER_DEFAULT = "TY NAME         ASSOC        KSTATE   LENGTH   PLOFFS   STATE    TUTIL0  PUTIL0"
HEADER_BLOCK = (
    "DG NAME         NCONFIG      NLOG     MINORS   GROUP-ID",
    "ST NAME         STATE        DM_CNT   SPARE_CNT         APPVOL_CNT",
    "DM NAME         DEVICE       TYPE     PRIVLEN  PUBLEN   STATE",
    "RV NAME         RLINK_CNT    KSTATE   STATE    PRIMARY  DATAVOLS  SRL",
    "RL NAME         RVG          KSTATE   STATE    REM_HOST REM_DG    REM_RLNK",
    "CO NAME         CACHEVOL     KSTATE   STATE",
    "VT NAME         RVG          KSTATE   STATE    NVOLUME",
    "V  NAME         RVG/VSET/CO  KSTATE   STATE    LENGTH   READPOL   PREFPLEX UTYPE",
    "PL NAME         VOLUME       KSTATE   STATE    LENGTH   LAYOUT    NCOL/WID MODE",
    "SD NAME         PLEX         DISK     DISKOFFS LENGTH   [COL/]OFF DEVICE   MODE",
    "SV NAME         PLEX         VOLNAME  NVOLLAYR LENGTH   [COL/]OFF AM/NM    MODE",
    "SC NAME         PLEX         CACHE    DISKOFFS LENGTH   [COL/]OFF DEVICE   MODE",
    "DC NAME         PARENTVOL    LOGVOL",
    "SP NAME         SNAPVOL      DCO",
    "EX NAME         ASSOC        VC                       PERMS    MODE     STATE",
    "SR NAME         KSTATE",
)


def tabbed(values, stops):
    line = ""
    for i, value in enumerate(values):
        if i:
            line += " " * max(1, stops[i] - len(line))
        line += value
    return line


def _len(value, unit):
    return format_length(value, unit)


def _coloff(rec, unit):
    data = rec.data
    plex = rec.parent.data
    off = _len(data["coff"], unit)
    if plex["layout"] == "STRIPE":
        return "%d/%s" % (data["col"], off)
    return off


def _prefplex(vol):
    """[recon] with read policy SELECT a volume whose only plex is striped prefers it."""
    plexes = vol["plexes"]
    if len(plexes) == 1 and plexes[0]["layout"] == "STRIPE":
        return plexes[0]["name"]
    return "-"


def row_t(rec, unit=None, flat=False):
    d = rec.data
    kind = rec.kind
    tag = rec.kind if flat else rec.tag
    if kind in ("rv", "rl"):
        return vvr_rows.row_t(rec, tabbed, STOPS_T)
    if kind == "dg":
        return tabbed(["dg", rec.name, "default", "default", str(d["minor"]), d["dgid"]], STOPS_T)
    if kind == "dm":
        return tabbed(["dm", rec.name, d["da"], "auto", _len(d["privlen"], unit),
                       _len(d["publen"], unit), "-"], STOPS_T)
    if kind == "v":
        prefplex = _prefplex(d) if rec.layer == 1 else "-"
        utype = d.get("utype", rec.volume["utype"])
        co = _cache_of_volume(rec) or vvr_rows.rvg_of(rec) or "-"
        return tabbed([tag, rec.name, co, d["kstate"], d["state"], _len(d["len"], unit),
                       "SELECT", prefplex, utype], STOPS_T)
    if kind == "pl":
        ncolwid = "%d/%d" % (d["ncol"], d["su"]) if d["layout"] == "STRIPE" else "-"
        return tabbed([tag, rec.name, rec.parent.name, d["kstate"], d["state"],
                       _len(d["len"], unit), d["layout"], ncolwid, "RW"], STOPS_T)
    if kind == "sd":
        return tabbed([tag, rec.name, rec.parent.name, d["dm"], _len(d["off"], unit),
                       _len(d["len"], unit), _coloff(rec, unit), d["da"], "ENA"], STOPS_T)
    if kind == "sv":
        nm = rec.volume["nmirror"]
        return tabbed(["sv", rec.name, rec.parent.name, d["subvol"], "1", _len(d["len"], unit),
                       _coloff(rec, unit), "%d/%d" % (nm, nm), "ENA"], STOPS_T)
    if kind == "co":
        return tabbed(["co", rec.name, d["cachevol"], d["kstate"], d["state"]], STOPS_T)
    if kind == "sc":   # [recon] DISKOFFS 0, OFF 0, DEVICE -
        return tabbed(["sc", rec.name, rec.parent.name, d["cache"], "0", _len(d["len"], unit),
                       "0", "-", "ENA"], STOPS_T)
    if kind == "dc":
        return tabbed(["dc", rec.name, d["parentvol"], d["logvol"]], STOPS_T)
    if kind == "sp":
        return tabbed(["sp", rec.name, d["snapvol"], d["dco"]], STOPS_T)
    raise ValueError(kind)


def _cache_of_volume(rec):
    """The cache object a (top-level) cache volume belongs to, for the RVG/VSET/CO column."""
    co = rec.data.get("cache") if rec.layer == 1 else None
    return co if co and co in rec.dg.get("caches", {}) else None


def row_default(rec, unit=None, flat=False):
    d = rec.data
    kind = rec.kind
    tag = rec.kind if flat else rec.tag
    if kind in ("rv", "rl"):
        return vvr_rows.row_default(rec, tabbed, STOPS_DEFAULT)
    if kind == "dg":
        values = ["dg", rec.name, rec.name, "-", "-", "-", "-", "-", "-"]
    elif kind == "dm":
        values = ["dm", rec.name, d["da"], "-", _len(d["publen"], unit), "-", "-", "-", "-"]
    elif kind == "v":
        values = [tag, rec.name, vvr_rows.rvg_of(rec) or rec.volume["utype"], d["kstate"], _len(d["len"], unit), "-",
                  d["state"], "-", "-"]
    elif kind == "pl":
        values = [tag, rec.name, rec.parent.name, d["kstate"], _len(d["len"], unit), "-",
                  d["state"], "-", "-"]
    elif kind == "sd":
        values = [tag, rec.name, rec.parent.name, "ENABLED", _len(d["len"], unit),
                  _len(d["coff"], unit), "-", "-", "-"]
    elif kind == "sv":  # [recon]
        values = ["sv", rec.name, rec.parent.name, "ENABLED", _len(d["len"], unit),
                  _len(d["coff"], unit), "-", "-", "-"]
    elif kind == "sc":  # [recon]
        values = ["sc", rec.name, rec.parent.name, "ENABLED", _len(d["len"], unit), "0",
                  "-", "-", "-"]
    elif kind == "co":  # [recon]
        values = ["co", rec.name, d["cachevol"], d["kstate"], "-", "-", d["state"], "-", "-"]
    elif kind == "dc":  # [recon]
        values = ["dc", rec.name, d["parentvol"], "-", "-", "-", "-", "-", "-"]
    elif kind == "sp":  # [recon]
        values = ["sp", rec.name, d["snapvol"], "-", "-", "-", "-", "-", "-"]
    else:
        raise ValueError(kind)
    return tabbed(values, STOPS_DEFAULT)


# ------------------------------------------------------------------ -F fields

class UnknownField(Exception):
    pass


def _field(rec, name, unit):
    d = rec.data
    kind = rec.kind
    vol = rec.volume
    if name == "name":
        return rec.name
    if name == "dgname":
        return rec.dg["name"]
    if kind in ("rv", "rl"):
        try:
            return vvr_rows.field(rec, name, KNOWN_FIELDS)
        except KeyError:
            raise UnknownField(name) from None
    if name in ("cache", "snap_type"):   # [gk]
        return _snap_field(rec, name)
    if kind in ("co", "dc", "sp"):
        return _object_field(rec, name)
    if name in ("len", "length"):
        if kind == "dm":
            return _len(d["publen"], unit)
        return _len(d["len"], unit) if kind != "dg" else "-"
    if name == "kstate":
        return d.get("kstate", "ENABLED" if kind in ("sd", "sv") else "-")
    if name == "state":
        return d.get("state", "-")
    if name == "assoc":
        if kind == "v":
            return vol["utype"] if rec.layer == 1 else rec.parent.parent.name
        if kind in ("pl", "sd", "sv", "sc"):
            return rec.parent.name
        if kind == "dm":
            return d["da"]
        return rec.name
    if name in ("use_type", "utype"):
        return vol["utype"] if kind == "v" else "-"
    if name == "devopen":
        if kind != "v":
            return "-"
        return "on" if (rec.layer == 1 and vol.get("open")) else "off"
    if kind == "sc" and name in ("da_name", "dm_name", "dev_offset", "offset"):
        return "-"
    if name == "layout":
        if kind == "pl":
            return d["layout"]
        if kind == "v" and rec.layer == 1:
            return vol["layout"]
        return "-"
    if name == "ncol":
        return str(ncol_of(rec)) if kind in ("v", "pl") else "-"
    if name == "nmirror":
        if kind == "v" and rec.layer == 1:
            return str(vol["nmirror"])
        if kind == "v":
            return str(len(d["plexes"]))
        return "-"
    if name == "stripeunit":
        if kind == "pl":
            return _len(d["su"], unit) if d["layout"] == "STRIPE" else "0"
        if kind == "v" and rec.layer == 1:
            return _len(vol["su"], unit) if vol["layout"] in STRIPED else "0"
        return "-"
    if name == "pl_num":
        return str(len(d["plexes"])) if kind == "v" else "-"
    if name == "sd_num":
        return str(len(d["sds"])) if kind == "pl" else "-"
    if name == "da_name":
        return d["da"] if kind in ("sd", "dm") else "-"
    if name == "dm_name":
        if kind == "sd":
            return d["dm"]
        return rec.name if kind == "dm" else "-"
    if name in ("dev_offset", "offset"):
        return _len(d["off"], unit) if kind == "sd" else "-"
    if name == "publen":
        return _len(d["publen"], unit) if kind == "dm" else "-"
    if name == "privlen":
        return _len(d["privlen"], unit) if kind == "dm" else "-"
    if name == "read_pol":
        return "SELECT" if kind == "v" else "-"
    if name in ("comment", "putil0", "putil1", "putil2", "tutil0", "tutil1", "tutil2"):
        return ""
    if name == "dgid":
        return rec.dg["dgid"]
    if name in vvr_rows.FIELDS:
        return "-"
    raise UnknownField(name)


def _snap_field(rec, name):
    """cache: the cache object of an SO snapshot volume (or of a subcache); snap_type:
    spaceopt / fullinst for snapshot volumes. [gk] "-" elsewhere."""
    if rec.kind == "sc":
        return rec.data["cache"] if name == "cache" else "-"
    snap = rec.data.get("snap") if rec.kind == "v" and rec.layer == 1 else None
    if not snap:
        return "-"
    if name == "cache":
        return snap["cache"] or "-"
    return snap["type"]


def _object_field(rec, name):
    """Fields of co, dc and sp records. [recon]"""
    d = rec.data
    if name == "assoc":
        return d[{"co": "cachevol", "dc": "parentvol", "sp": "snapvol"}[rec.kind]]
    if name in ("kstate", "state"):
        return d.get(name, "-")
    if name in ("comment", "putil0", "putil1", "putil2", "tutil0", "tutil1", "tutil2"):
        return ""
    if name == "dgid":
        return rec.dg["dgid"]
    if name in KNOWN_FIELDS or name in vvr_rows.FIELDS:
        return "-"
    raise UnknownField(name)


_FIELD = re.compile(r"%(?:\{([A-Za-z_0-9]+)(?::(-?[0-9]+))?\}|([A-Za-z_0-9]+)|(%))")


def render_format(rec, spec, unit=None):
    def replace(match):
        if match.group(4):
            return "%"
        name = match.group(1) or match.group(3)
        value = _field(rec, name, unit)
        width = match.group(2)
        if width:
            width = int(width)
            value = value.ljust(-width) if width < 0 else value.rjust(width)
        return value
    return _FIELD.sub(replace, spec)


def check_format(spec):
    """Raise UnknownField for fields the simulator does not know."""
    for match in _FIELD.finditer(spec):
        name = match.group(1) or match.group(3)
        if name and name not in KNOWN_FIELDS and name not in vvr_rows.FIELDS:
            raise UnknownField(name)


KNOWN_FIELDS = {
    "name", "dgname", "len", "length", "kstate", "state", "assoc", "use_type", "utype",
    "devopen", "layout", "ncol", "nmirror", "stripeunit", "pl_num", "sd_num", "da_name",
    "dm_name", "dev_offset", "offset", "publen", "privlen", "read_pol", "comment", "putil0",
    "putil1", "putil2", "tutil0", "tutil1", "tutil2", "dgid", "cache", "snap_type",
}


# ------------------------------------------------------------------ -l and -m  [recon]

def long_block(rec, unit=None):
    """`vxprint -l` blocks; the dg block follows sample vxdg_list_2_detail, others [recon]."""
    d = rec.data
    dg = rec.dg
    if rec.kind in ("rv", "rl"):
        return vvr_rows.long_block(rec)
    if rec.kind == "dg":
        lines = [
            "Group:    %s" % dg["name"],
            "info:     dgid=%s" % dg["dgid"],
            "version:  %d" % dg["version"],
            "alignment: %d (bytes)" % (8192 if dg["cds"] else 512),
            "activation: read-write",
            "detach-policy: global",
            "dg-fail-policy: dgdisable",
            "copies:   nconfig=default nlog=default",
            "devices:  max=32767 cur=%d" % len(dg["dms"]),
            "minors:   >= %d" % dg["minor"],
        ]
        if dg["cds"]:
            lines.append("cds=on")
        return lines
    if rec.kind == "dm":
        return [
            "Disk:     %s" % rec.name,
            "info:     diskid=%s" % d["disk"]["diskid"],
            "assoc:    device=%s type=auto" % d["da"],
            "flags:    autoconfig",
            "device:   path=/dev/vx/dmp/%ss3" % d["da"],
            "devinfo:  publen=%s privlen=%s" % (_len(d["publen"], unit), _len(d["privlen"], unit)),
        ]
    if rec.kind == "v":
        vol = rec.volume
        is_open = rec.layer == 1 and vol.get("open")
        minor = dg["minor"] + sorted(dg["volumes"]).index(vol["name"]) if rec.layer == 1 else dg["minor"]
        return [
            "Volume:   %s" % rec.name,
            "info:     len=%s" % _len(d["len"], unit),
            "type:     usetype=%s" % vol["utype"],
            "state:    state=%s kernel=%s cdsrecovery=0/0 (clean)" % (d["state"], d["kstate"]),
            "assoc:    plexes=%s" % ",".join(p["name"] for p in d["plexes"]),
            "policies: read=SELECT exceptions=GEN_DET_SPARSE",
            "flags:    %s writecopy writeback" % ("open" if is_open else "closed"),
            "logging:  type=REGION loglen=0 serial=0/0 mapalign=0 maplen=0 (disabled)",
            "apprecov: seqno=0/0",
            "recovery: mode=default",
            "          recov_id=0",
            "device:   minor=%d bdev=199/%d cdev=199/%d path=/dev/vx/dsk/%s/%s"
            % (minor, minor, minor, dg["name"], rec.name),
            "perms:    user=root group=root mode=0600",
        ]
    if rec.kind == "pl":
        children = ",".join(c.name for c in rec.children)
        key = "sv" if d.get("svs") else "sd"
        return [
            "Plex:     %s" % rec.name,
            "info:     len=%s" % _len(d["len"], unit),
            "type:     layout=%s" % (d["layout"] if d["layout"] == "CONCAT"
                                     else "STRIPE columns=%d width=%d" % (d["ncol"], d["su"])),
            "state:    state=%s kernel=%s io=read-write" % (d["state"], d["kstate"]),
            "assoc:    vol=%s %s=%s" % (rec.parent.name, key, children),
            "flags:    complete",
        ]
    if rec.kind == "sd":
        return [
            "Subdisk:  %s" % rec.name,
            "info:     disk=%s offset=%s len=%s" % (d["dm"], _len(d["off"], unit), _len(d["len"], unit)),
            "assoc:    vol=%s plex=%s (column=%d offset=%s)"
            % (rec.parent.parent.name, rec.parent.name, d["col"], _len(d["coff"], unit)),
            "flags:    enabled",
            "device:   device=%s path=/dev/vx/dmp/%ss3" % (d["da"], d["da"]),
        ]
    if rec.kind in ("co", "sc", "dc", "sp"):
        return _object_block(rec, unit)
    return [
        "Subvolume: %s" % rec.name,
        "info:     len=%s" % _len(d["len"], unit),
        "assoc:    plex=%s volume=%s (column=%d offset=%s)"
        % (rec.parent.name, d["subvol"], d["col"], _len(d["coff"], unit)),
    ]


def _object_block(rec, unit):
    """[recon] -l blocks of cache objects, subcaches, DCOs and snap points."""
    d = rec.data
    if rec.kind == "co":
        cache = rec.dg["caches"][rec.name]
        return ["Cache:    %s" % rec.name,
                "info:     regionsize=%s" % _len(cache["regionsize"], unit),
                "state:    state=%s kernel=%s" % (d["state"], d["kstate"]),
                "assoc:    cachevol=%s" % d["cachevol"],
                "policies: autogrow=%s highwatermark=%d maxautogrow=%s"
                % ("on" if cache["autogrow"] else "off", cache["hwm"],
                   _len(cache["maxautogrow"], unit))]
    if rec.kind == "sc":
        return ["Subcache: %s" % rec.name, "info:     cache=%s len=%s" % (d["cache"], _len(d["len"], unit)),
                "assoc:    vol=%s plex=%s" % (rec.parent.parent.name, rec.parent.name)]
    if rec.kind == "dc":
        return ["Dco:      %s" % rec.name, "assoc:    vol=%s log=%s" % (d["parentvol"], d["logvol"])]
    return ["Snappoint: %s" % rec.name, "assoc:    snapvol=%s dco=%s" % (d["snapvol"], d["dco"])]


def make_block(rec):
    """`vxprint -m` (vxmake description) with a subset of fields. [recon]"""
    d = rec.data
    if rec.kind in ("rv", "rl"):
        return vvr_rows.make_block(rec)
    if rec.kind == "co":
        cache = rec.dg["caches"][rec.name]
        return ["co %s" % rec.name, "\tcachevol=%s" % d["cachevol"],
                "\tregionsize=%d" % cache["regionsize"],
                "\tautogrow=%s" % ("on" if cache["autogrow"] else "off"),
                "\thighwatermark=%d" % cache["hwm"], "\tkstate=%s" % d["kstate"],
                "\tstate=\"%s\"" % d["state"]]
    if rec.kind == "sc":
        return ["sc %s" % rec.name, "\tcache=%s" % d["cache"], "\tlen=%d" % d["len"],
                "\tplex=%s" % rec.parent.name]
    if rec.kind == "dc":
        return ["dco %s" % rec.name, "\tparent_vol=%s" % d["parentvol"], "\tlog_vol=%s" % d["logvol"]]
    if rec.kind == "sp":
        return ["sp %s" % rec.name, "\tsnapvol=%s" % d["snapvol"], "\tdco=%s" % d["dco"]]
    if rec.kind == "dg":
        return ["dg %s" % rec.name, "\tdgid=%s" % rec.dg["dgid"], "\tcds=%s" % ("on" if rec.dg["cds"] else "off")]
    if rec.kind == "dm":
        return ["dm %s" % rec.name, "\tda_name=%s" % d["da"], "\tpublen=%d" % d["publen"],
                "\tprivlen=%d" % d["privlen"]]
    if rec.kind == "v":
        vol = rec.volume
        return ["vol %s" % rec.name, "\tuse_type=%s" % vol["utype"], '\tcomment=""',
                "\tstate=\"%s\"" % d["state"], "\tread_pol=SELECT", "\tlen=%d" % d["len"],
                "\tkstate=%s" % d["kstate"],
                "\tdevopen=%s" % ("on" if rec.layer == 1 and vol.get("open") else "off"),
                "\tlayered=%s" % ("on" if vol.get("subvols") and rec.layer == 1 else "off"),
                "\tpl_num=%d" % len(d["plexes"]),
                "\tplex=%s" % ",".join(p["name"] for p in d["plexes"])]
    if rec.kind == "pl":
        return ["plex %s" % rec.name, "\tlayout=%s" % d["layout"], "\tncolumn=%d" % ncol_of(rec),
                "\tstwidth=%d" % d["su"], "\tlen=%d" % d["len"], "\tkstate=%s" % d["kstate"],
                "\tstate=\"%s\"" % d["state"], "\tvol=%s" % rec.parent.name,
                "\tsd=%s" % ",".join(c.name for c in rec.children)]
    if rec.kind == "sd":
        return ["sd %s" % rec.name, "\tdm_name=%s" % d["dm"], "\tdev_offset=%d" % d["off"],
                "\tlen=%d" % d["len"], "\tpl_offset=%d" % d["coff"], "\tcolumn=%d" % d["col"],
                "\tplex=%s" % rec.parent.name]
    return ["sv %s" % rec.name, "\tsubvol=%s" % d["subvol"], "\tlen=%d" % d["len"],
            "\tplex=%s" % rec.parent.name]
