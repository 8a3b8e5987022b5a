"""RVG and RLINK records in vxprint.

`attach` puts an `rv` record before the disk group's volumes, with its `rl` records, data
volumes and SRL under it (their v rows name the RVG in the RVG/VSET/CO column, and in
the ASSOC column of the default form). Row shapes follow the -ht header lines (reference
§4.3): `rv NAME RLINK_CNT KSTATE STATE PRIMARY DATAVOLS SRL` and
`rl NAME RVG KSTATE STATE REM_HOST REM_DG REM_RLNK` [gk shapes]. Values: rv KSTATE
ENABLED | DISABLED (vxrvg stop, or not started since the disk group was imported), STATE
ACTIVE | CLEAN, PRIMARY primary | secondary; rl KSTATE CONNECT (connected), ENABLED
(attached, not connected), DETACHED, STATE ACTIVE | PAUSE | STALE. The -l blocks (Rvg:,
Rlink: with the flags of support article 100016789), -m and the default rows are [recon].
"""
from ..vxvm.records import Rec
from .model import Ctx, Side
from .replication import DCM_STATES, connected, settle


def attach(call, view):
    """Regroup an imported disk group's records under its RVGs (in memory only)."""
    dg = view.dg
    if not dg.get("rvgs"):
        return
    ctx = Ctx(call.txn, call.now())
    settle(ctx)
    call.txn.flush()   # catching up with time is not this command's change
    by_name = {rec.name: rec for rec in view.volumes}
    moved = set()
    rvs = []
    for name in sorted(dg["rvgs"]):
        side = Side(ctx, call.cluster, dg, dg["rvgs"][name])
        rv = Rec("rv", name, _rv_data(ctx, side), dg)
        for rl_name in sorted(side.rvg["rlinks"]):
            rl = side.rvg["rlinks"][rl_name]
            rv.children.append(Rec("rl", rl_name, _rl_data(ctx, side, rl), dg, rv))
        for vol_name in side.rvg["datavols"] + [side.rvg["srl"]]:
            rec = by_name.get(vol_name)
            if rec is not None:
                rec.parent = rv
                rv.children.append(rec)
                moved.add(vol_name)
        rvs.append(rv)
    view.volumes = rvs + [rec for rec in view.volumes if rec.name not in moved]


def tops(records):
    """Top-level records with the members of each RVG, for record-type selections."""
    for rec in records:
        yield rec
        if rec.kind == "rv":
            yield from rec.children


def rvg_of(rec):
    """The RVG a (top-level) volume record belongs to, else None."""
    parent = rec.parent
    return parent.name if parent is not None and parent.kind == "rv" else None


def _rv_data(ctx, side):
    rvg = side.rvg
    started = side.started
    attached = [n for n, rl in sorted(rvg["rlinks"].items()) if _attached(ctx, side, rl)]
    return {"side": side, "kstate": "ENABLED" if started else "DISABLED", "state": "ACTIVE" if started else "CLEAN",
            "role": rvg["role"], "rlinks": sorted(rvg["rlinks"]), "attached": attached,
            "datavols": list(rvg["datavols"]), "srl": rvg["srl"], "rid": rvg["rid"],
            "dcm_logging": side.primary and any(rl["state"] in DCM_STATES for rl in rvg["rlinks"].values())}


def _primary_rlink(ctx, side, rl):
    """The Primary-side rlink record of this rlink's pair (itself on a Primary)."""
    if side.primary:
        return side, rl
    other, back = ctx.back_rlink(side, rl)
    return (other, back) if other is not None and other.primary and back is not None else (None, None)


def _attached(ctx, side, rl):
    _pri, prl = _primary_rlink(ctx, side, rl)
    return prl is not None and prl["state"] != "detached"


def _rl_data(ctx, side, rl):
    pri, prl = _primary_rlink(ctx, side, rl)
    attached = prl is not None and prl["state"] != "detached"
    is_connected = attached and connected(ctx, pri, prl)
    kstate = "CONNECT" if is_connected else "ENABLED" if attached else "DETACHED"
    state = "STALE" if not attached else "PAUSE" if prl["paused"] else "ACTIVE"
    flags = ["write", "enabled" if attached else "disabled", "attached" if attached else "detached"]
    if prl is not None and prl["paused"]:
        flags.append("primary_paused")
    if prl is not None:
        flags.append("consistent" if prl["consistent"] and prl["state"] in ("replicating", "dcm", "detached")
                     else "inconsistent")
        if not prl["consistent"] and prl["state"] != "replicating":
            flags.append("cant_sync")
    flags.append("connected" if is_connected else "disconnected")
    flags.append("synchronous" if rl["synchronous"] != "off" else "asynchronous")
    if prl is not None:
        flags += {"autosync": ["autosync", "dcm_logging"], "dcm": ["dcm_logging"],
                  "dcm_resync": ["dcm_logging", "resync_started"], "failback": ["failback_logging"],
                  "fbsync": ["failback_logging", "resync_started"]}.get(prl["state"], [])
    return {"rl": rl, "side": side, "kstate": kstate, "state": state, "flags": flags,
            "remote_host": _remote_host(ctx, side, rl)}


def _remote_host(ctx, side, rl):
    other = ctx.partner(side, rl)
    return other.host if other is not None and other.imported else rl["remote_host"]


# ------------------------------------------------------------------ rows

def row_t(rec, tabbed, stops):
    d = rec.data
    if rec.kind == "rv":
        return tabbed(["rv", rec.name, str(len(d["rlinks"])), d["kstate"], d["state"], d["role"],
                       str(len(d["datavols"])), d["srl"]], stops)
    rl = d["rl"]
    return tabbed(["rl", rec.name, rec.parent.name, d["kstate"], d["state"], d["remote_host"],
                   rl["remote_dg"], rl["remote_rlink"]], stops)


def row_default(rec, tabbed, stops):   # [recon]
    d = rec.data
    assoc = "-" if rec.kind == "rv" else rec.parent.name
    return tabbed([rec.kind, rec.name, assoc, d["kstate"], "-", "-", d["state"], "-", "-"], stops)


def field(rec, name, known):
    """-F fields of rv / rl records ("-" for fields that do not apply)."""
    d = rec.data
    values = {"name": rec.name, "dgname": rec.dg["name"], "dgid": rec.dg["dgid"], "kstate": d["kstate"],
              "state": d["state"], "assoc": "-" if rec.kind == "rv" else rec.parent.name}
    if rec.kind == "rv":
        values.update(primary="true" if d["role"] == "primary" else "false", srl=d["srl"],
                      rlink_cnt=str(len(d["rlinks"])), datavols=",".join(d["datavols"]))
    else:
        rl = d["rl"]
        values.update(rvg=rec.parent.name, remote_host=d["remote_host"], remote_dg=rl["remote_dg"],
                      remote_rlink=rl["remote_rlink"], synchronous=rl["synchronous"],
                      srlprot=rl["srlprot"], latencyprot=rl["latencyprot"], flags=" ".join(d["flags"]))
    if name in values:
        return values[name]
    if name in ("comment", "putil0", "putil1", "putil2", "tutil0", "tutil1", "tutil2"):
        return ""
    if name in known or name in FIELDS:
        return "-"
    raise KeyError(name)


FIELDS = {"primary", "srl", "rlink_cnt", "datavols", "rvg", "remote_host", "remote_dg", "remote_rlink",
          "synchronous", "srlprot", "latencyprot", "flags"}


def long_block(rec):   # [recon] layout; field names from the VVR guide's vxprint -Pl table
    d = rec.data
    dg = rec.dg
    if rec.kind == "rv":
        flags = ["closed", d["role"], "enabled" if d["kstate"] == "ENABLED" else "disabled"]
        flags.append("attached" if d["attached"] else "detached")
        if d["dcm_logging"]:
            flags.append("dcm_logging")
        minor = dg["minor"] + 900 + sorted(dg["rvgs"]).index(rec.name)
        return ["Rvg:      %s" % rec.name,
                "info:     rid=%s version=13 rvg_version=41 last_tag=1" % d["rid"],
                "state:    state=%s kernel=%s" % (d["state"], d["kstate"]),
                "assoc:    datavols=%s" % (",".join(d["datavols"]) or "(none)"),
                "          srl=%s" % d["srl"],
                "          rlinks=%s" % (",".join(d["rlinks"]) or "(none)"),
                "          exports=(none)",
                "          vsets=(none)",
                "att:      rlinks=%s" % (",".join(d["attached"]) or "(none)"),
                "flags:    %s" % " ".join(flags),
                "device:   minor=%d bdev=199/%d cdev=199/%d path=/dev/vx/dsk/%s/%s"
                % (minor, minor, minor, dg["name"], rec.name),
                "perms:    user=root group=root mode=0600"]
    rl = d["rl"]
    limit = rl.get("bandwidth_limit")
    return ["Rlink:    %s" % rec.name,
            "info:     timeout=500 rid=%s latency_high_mark=10000 latency_low_mark=9950" % d["side"].rvg["rid"],
            "          bandwidth_limit=%s" % ("%dbps" % limit if limit else "none"),
            "state:    state=%s" % d["state"],
            "          synchronous=%s latencyprot=%s srlprot=%s" % (rl["synchronous"], rl["latencyprot"], rl["srlprot"]),
            "assoc:    rvg=%s" % rec.parent.name,
            "          remote_host=%s port=4145" % d["remote_host"],
            "          remote_dg=%s" % rl["remote_dg"],
            "          remote_rlink=%s" % rl["remote_rlink"],
            "          local_host=%s port=4145" % (d["side"].host or "-"),
            "protocol: %s/IP" % rl["protocol"],
            "flags:    %s" % " ".join(d["flags"])]


def make_block(rec):   # [recon]
    d = rec.data
    if rec.kind == "rv":
        return ["rvg %s" % rec.name, "\tprimary=%s" % ("true" if d["role"] == "primary" else "false"),
                "\tsrl=%s" % d["srl"], "\trlink=%s" % ",".join(d["rlinks"]),
                "\tdatavol=%s" % ",".join(d["datavols"]), "\tkstate=%s" % d["kstate"], "\tstate=\"%s\"" % d["state"]]
    rl = d["rl"]
    return ["rlink %s" % rec.name, "\trvg=%s" % rec.parent.name, "\tremote_host=%s" % d["remote_host"],
            "\tremote_dg=%s" % rl["remote_dg"], "\tremote_rlink=%s" % rl["remote_rlink"],
            "\tsynchronous=%s" % rl["synchronous"], "\tsrlprot=%s" % rl["srlprot"],
            "\tkstate=%s" % d["kstate"], "\tstate=\"%s\"" % d["state"]]
