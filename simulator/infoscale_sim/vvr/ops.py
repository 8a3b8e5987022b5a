"""VVR operations on the model, shared by vradmin, vxrlink, vxrvg and the API.

Each function checks everything first and raises messages.VvrError before changing
anything; the caller has settled the estate to now (replication.settle).
"""
from ..sizes import parse_length, round_up
from ..vxvm.model import alignment, imported_dg
from ..vxvm.volumes import NoSpace, Space, grow, length_step, shrink
from . import messages as msg
from .model import SRL_MIN_SECTORS, Side, new_rlink, new_rvg, next_rid, reset_state, rvg_of_volume, rvgs
from .replication import backlog_bytes, connected, reconcile, status, up_to_date

SYNC_VALUES = ("off", "override", "fail")
PROT_VALUES = {"latencyprot": ("off", "override", "fail"),
               "srlprot": ("autodcm", "dcm", "override", "fail", "off")}


# ------------------------------------------------------------------ lookups

def local_side(ctx, node, dg_name, rvg_name):
    """The RVG `rvg_name` of disk group `dg_name` imported on `node`."""
    cluster = ctx.topology.cluster_of(node)
    dg = imported_dg(ctx.vx(cluster), dg_name, node)
    if dg is None:
        raise msg.no_dg(dg_name)
    rvg = dg.get("rvgs", {}).get(rvg_name)
    if rvg is None:
        raise msg.no_rvg(rvg_name, dg_name)
    return Side(ctx, cluster, dg, rvg)


def cluster_side(ctx, cluster, dg_name, rvg_name):
    """The RVG in a cluster whichever node imports its disk group (imported first), or None."""
    best = None
    for dg in ctx.vx(cluster).get("dgs", {}).values():
        rvg = dg.get("rvgs", {}).get(rvg_name)
        if dg["name"] == dg_name and rvg is not None:
            side = Side(ctx, cluster, dg, rvg)
            rank = (side.reachable, side.imported)
            if best is None or rank > best[0]:
                best = (rank, side)
    return best[1] if best else None


def primary_of(ctx, side):
    """The Primary of the RDS seen from `side` (itself when it is one), or None."""
    if side.primary:
        return side
    for rl in side.rvg["rlinks"].values():
        other = ctx.partner(side, rl)
        if other is not None and other.primary and rl["remote_rlink"] in other.rvg["rlinks"]:
            return other
    return None


def secondaries(ctx, pri):
    """[(rlink, secondary side or None)] of a Primary, in rlink name order."""
    out = []
    for name in sorted(pri.rvg["rlinks"]):
        rl = pri.rvg["rlinks"][name]
        sec = ctx.partner(pri, rl)
        if sec is not None and sec.imported:
            rl["remote_host"] = sec.host
        out.append((rl, sec))
    return out


def host_of(rl, sec):
    return sec.host if sec is not None else rl["remote_host"]


def pick_secondary(ctx, pri, sec_host=None):
    """(rlink, secondary) named by sec_host, or the only one."""
    pairs = secondaries(ctx, pri)
    if sec_host is not None:
        for rl, sec in pairs:
            if sec_host in (host_of(rl, sec), rl["remote_host"]):
                return rl, sec
        raise msg.not_in_rds(sec_host, pri.name)
    if not pairs:
        raise msg.no_secondary(pri.name)
    if len(pairs) > 1:
        raise msg.need_sec_host(pri.name)
    return pairs[0]


def require_primary(ctx, side):
    pri = primary_of(ctx, side)
    if pri is None:
        raise msg.must_run_on_primary(side.name)
    if not pri.reachable:
        raise msg.host_unreachable(pri.host)
    if not side.same(pri) and not ctx.link_up(side.cluster, pri.cluster):
        raise msg.host_unreachable(pri.host)
    return pri


def require_connected(ctx, pri, rl, sec):
    host = host_of(rl, sec)
    if sec is None or not sec.reachable or not ctx.link_up(pri.cluster, sec.cluster):
        raise msg.host_unreachable(host)
    if sec.primary:
        raise msg.not_in_rds(host, pri.name)
    if not pri.started:
        raise msg.rvg_not_started(pri.name, pri.host)
    if not sec.started:
        raise msg.rvg_not_started(sec.name, host)


# ------------------------------------------------------------------ create / add / delete

def createpri(ctx, node, dg_name, rvg_name, vols, srl, dcm=True):
    cluster = ctx.topology.cluster_of(node)
    vx = ctx.vx(cluster)
    dg = imported_dg(vx, dg_name, node)
    if dg is None:
        raise msg.no_dg(dg_name)
    if rvg_name in rvgs(dg) or rvg_name in dg["volumes"] or _rlink_names(dg) & {rvg_name}:
        raise msg.rvg_exists(rvg_name, dg_name)
    for name in list(vols) + [srl]:
        if name not in dg["volumes"]:
            raise msg.no_volume(name, dg_name)
        other, _ = rvg_of_volume(dg, name)
        if other is not None:
            raise msg.volume_in_rvg(name, other["name"])
    if len(set(vols)) != len(vols) or srl in vols:
        raise msg.volume_in_rvg(srl if srl in vols else vols[0], rvg_name)
    if dg["volumes"][srl]["len"] < SRL_MIN_SECTORS:
        raise msg.srl_too_small(srl)
    rvgs(dg)[rvg_name] = new_rvg(rvg_name, vols, srl, node, next_rid(vx), dcm=dcm)
    return Side(ctx, cluster, dg, rvgs(dg)[rvg_name])


def _rlink_names(dg):
    return {name for rvg in dg.get("rvgs", {}).values() for name in rvg["rlinks"]}


def addsec(ctx, pri, pri_host, sec_host, attrs, dcm=True):
    if not pri.primary:
        raise msg.must_run_on_primary(pri.name)
    if pri_host != pri.host:
        raise msg.not_primary_host(pri_host, pri.name)
    sec_cluster = ctx.topology.cluster_of(sec_host)
    if sec_cluster is None:
        raise msg.unknown_host(sec_host)
    if sec_cluster == pri.cluster:
        raise msg.same_cluster(sec_host)
    if ctx.link_between(pri.cluster, sec_cluster) is None:
        raise msg.no_link(pri_host, sec_host)
    for rl, sec in secondaries(ctx, pri):
        if rl["remote_cluster"] == sec_cluster:
            raise msg.rds_has_secondary(host_of(rl, sec), pri.name)
    if not ctx.node_up(sec_host) or not ctx.link_up(pri.cluster, sec_cluster):
        raise msg.host_unreachable(sec_host)
    vx = ctx.vx(sec_cluster)
    sdg = imported_dg(vx, pri.dg["name"], sec_host)
    if sdg is None:
        raise msg.VvrError(456, "Disk group %s does not exist or is not imported on host %s."
                           % (pri.dg["name"], sec_host))   # [recon]
    if pri.name in sdg.get("rvgs", {}):
        raise msg.rvg_exists(pri.name, sdg["name"])
    for name in pri.rvg["datavols"] + [pri.rvg["srl"]]:
        vol = sdg["volumes"].get(name)
        if vol is None:
            raise msg.no_volume(name, sdg["name"], sec_host)
        other, _ = rvg_of_volume(sdg, name)
        if other is not None:
            raise msg.volume_in_rvg(name, other["name"])
        if name != pri.rvg["srl"] and vol["len"] != pri.volume(name)["len"]:
            raise msg.volume_size_mismatch(name, sec_host, vol["len"], pri.volume(name)["len"])
    prlink = attrs.pop("prlink", None) or "rlk_%s_%s" % (sec_host, pri.name)
    srlink = attrs.pop("srlink", None) or "rlk_%s_%s" % (pri_host, pri.name)
    if prlink in _rlink_names(pri.dg) or prlink in pri.dg["volumes"]:
        raise msg.rlink_exists(prlink, pri.dg["name"])
    if srlink in _rlink_names(sdg) or srlink in sdg["volumes"]:
        raise msg.rlink_exists(srlink, sdg["name"])
    rvg = new_rvg(pri.name, pri.rvg["datavols"], pri.rvg["srl"], sec_host, next_rid(vx), role="secondary", dcm=dcm)
    rvgs(sdg)[pri.name] = rvg
    rvg["rlinks"][srlink] = new_rlink(srlink, pri.cluster, pri_host, pri.dg["name"], pri.name, prlink, attrs, ctx.now)
    pri.rvg["rlinks"][prlink] = new_rlink(prlink, sec_cluster, sec_host, sdg["name"], pri.name, srlink, attrs, ctx.now)
    return Side(ctx, sec_cluster, sdg, rvg)


def parse_attributes(words, allowed=("prlink", "srlink", "synchronous", "latencyprot", "srlprot",
                                     "bandwidth_limit", "protocol")):
    """attr=value words of addsec / set -> dict (bandwidth_limit in bits/s or None)."""
    attrs = {}
    for word in words:
        key, eq, value = word.partition("=")
        if not eq or key not in allowed or not value:
            raise msg.bad_attribute(word)
        if key == "synchronous" and value not in SYNC_VALUES:
            raise msg.bad_attribute(word)
        if key in PROT_VALUES and value not in PROT_VALUES[key]:
            raise msg.bad_attribute(word)
        if key == "protocol":
            value = value.upper()
            if value not in ("TCP", "UDP"):
                raise msg.bad_attribute(word)
        if key == "bandwidth_limit":
            value = _bandwidth(value, word)
        attrs[key] = value
    return attrs


def _bandwidth(text, word):
    low = text.lower()
    if low == "none":
        return None
    for suffix, factor in (("gbps", 10**9), ("mbps", 10**6), ("kbps", 10**3), ("bps", 1)):
        if low.endswith(suffix):
            number = low[:-len(suffix)]
            break
    else:
        number, factor = low, 1
    try:
        value = float(number) * factor
    except ValueError:
        raise msg.bad_attribute(word) from None
    if value <= 0:
        raise msg.bad_attribute(word)
    return int(value)


def set_attributes(ctx, pri, rl, sec, attrs):
    back = sec.rvg["rlinks"].get(rl["remote_rlink"]) if sec is not None else None
    for target in (rl, back):
        if target is not None:
            target.update(attrs)


def delsec(ctx, pri, rl, sec):
    if rl["state"] != "detached":
        raise msg.stop_first(host_of(rl, sec))
    if sec is not None:
        if not sec.reachable:
            raise msg.host_unreachable(sec.host)
        del sec.dg["rvgs"][sec.name]
    del pri.rvg["rlinks"][rl["name"]]


def delpri(ctx, pri, force=False):
    if pri.rvg["rlinks"]:
        raise msg.has_secondaries(pri.name)
    busy = [v for v in pri.rvg["datavols"] if (pri.volume(v) or {}).get("open")]
    if busy and not force:
        raise msg.volumes_open(pri.name, busy)
    del pri.dg["rvgs"][pri.name]


def addvol(ctx, pri, vol_name):
    vol = pri.volume(vol_name)
    if vol is None:
        raise msg.no_volume(vol_name, pri.dg["name"])
    other, _ = rvg_of_volume(pri.dg, vol_name)
    if other is not None:
        raise msg.volume_in_rvg(vol_name, other["name"])
    pairs = secondaries(ctx, pri)
    for rl, sec in pairs:
        if sec is None or not sec.reachable or not ctx.link_up(pri.cluster, sec.cluster):
            raise msg.host_unreachable(host_of(rl, sec))
        svol = sec.volume(vol_name)
        if svol is None:
            raise msg.no_volume(vol_name, sec.dg["name"], sec.host)
        sother, _ = rvg_of_volume(sec.dg, vol_name)
        if sother is not None:
            raise msg.volume_in_rvg(vol_name, sother["name"])
        if svol["len"] != vol["len"]:
            raise msg.volume_size_mismatch(vol_name, sec.host, svol["len"], vol["len"])
    for side in [pri] + [sec for _, sec in pairs]:
        side.rvg["datavols"].append(vol_name)


def resizevol(ctx, pri, vol_name, text, force=False):
    if vol_name == pri.rvg["srl"]:
        raise msg.srl_resize(vol_name)
    if vol_name not in pri.rvg["datavols"]:
        raise msg.VvrError(340, "Volume %s is not a data volume of RVG %s." % (vol_name, pri.name))  # [recon]
    sign = text[:1] if text[:1] in "+-" else ""
    value = parse_length(text.lstrip("+-"))
    if not value:
        raise msg.bad_length(text)
    pairs = secondaries(ctx, pri)
    sides = [sec for _, sec in pairs] + [pri]
    for rl, sec in pairs:
        if sec is None or not sec.reachable or not ctx.link_up(pri.cluster, sec.cluster):
            raise msg.host_unreachable(host_of(rl, sec))
    current = pri.volume(vol_name)["len"]
    target = {"+": current + value, "-": current - value, "": value}[sign]
    if target <= 0:
        raise msg.bad_length(text)
    plans = []
    for side in sides:
        vol = side.volume(vol_name)
        if vol is None:
            raise msg.no_volume(vol_name, side.dg["name"], side.host)
        new = round_up(target, length_step(alignment(side.dg), vol["layout"], vol["ncol"], vol["su"]))
        if new < vol["len"] and not force:
            raise msg.VvrError(350, "Volume %s would shrink from %d to %d: use -f." % (vol_name, vol["len"], new))  # [recon]
        plans.append((side, vol, new))
    for side, vol, new in plans:
        if new > vol["len"]:
            try:
                grow(vol, new, Space(side.vx_doc(), side.dg), list(side.dg["dms"]))
            except NoSpace:
                raise msg.no_space(vol_name, side.host) from None
        elif new < vol["len"]:
            shrink(vol, new)


# ------------------------------------------------------------------ replication state

def startrep(ctx, pri, rl, sec, how):
    """how: 'a' autosync, 'f' force (already in sync), 'c' checkpoint, None."""
    if rl["state"] != "detached":
        raise msg.already_started(host_of(rl, sec))
    require_connected(ctx, pri, rl, sec)
    if how == "c":
        raise msg.checkpoint_unsupported()
    if how is None:
        raise msg.needs_sync_option()
    if how == "a":
        reset_state(rl, ctx.now, state="autosync", dcm=pri.data_bytes())
    else:
        reset_state(rl, ctx.now, state="replicating", consistent=True)


def stoprep(ctx, pri, rl, sec):
    if rl["state"] == "detached":
        raise msg.not_started(host_of(rl, sec))
    consistent = rl["consistent"] and rl["state"] not in ("autosync", "dcm_resync", "fbsync", "failback")
    reset_state(rl, ctx.now, consistent=consistent, stale=consistent)


def pauserep(ctx, pri, rl, sec):
    if rl["state"] == "detached":
        raise msg.not_started(host_of(rl, sec))
    if rl["paused"]:
        raise msg.already_paused(host_of(rl, sec))
    rl["paused"] = True


def resumerep(ctx, pri, rl, sec):
    if not rl["paused"]:
        raise msg.not_paused(host_of(rl, sec))
    rl["paused"] = False


def resync(ctx, pri, pairs):
    started = False
    for rl, _sec in pairs:
        if rl["state"] == "dcm":
            rl.update(state="dcm_resync", consistent=False, behind_since=None)
            started = True
    if not started:
        raise msg.no_dcm_logging(pri.name)


def can_migrate(ctx, pri, rl, sec):
    """(ok, VvrError or None) for a migrate of `pri` to `sec`."""
    try:
        _check_migrate(ctx, pri, rl, sec)
    except msg.VvrError as error:
        return False, error
    return True, None


def _check_migrate(ctx, pri, rl, sec):
    if len(pri.rvg["rlinks"]) > 1:
        raise msg.several_secondaries(pri.name)
    for side, host in ((pri, pri.host), (sec, host_of(rl, sec))):
        if side is None or not side.reachable:
            raise msg.migrate_unreachable(host)
    if not ctx.link_up(pri.cluster, sec.cluster):
        raise msg.migrate_unreachable(sec.host)
    st = status(ctx, pri, rl)
    if not up_to_date(st) or st["paused"] or not st["connected"]:
        raise msg.migrate_behind(pri.name, sec.host, st["data_status"], st["replication_status"])
    busy = [v for v in pri.rvg["datavols"] if (pri.volume(v) or {}).get("open")]
    if busy:
        raise msg.volumes_open(pri.name, busy)


def migrate(ctx, pri, rl, sec):
    _check_migrate(ctx, pri, rl, sec)
    back = sec.rvg["rlinks"][rl["remote_rlink"]]
    pri.rvg["role"] = "secondary"
    sec.rvg["role"] = "primary"
    reset_state(rl, ctx.now)
    reset_state(back, ctx.now, state="replicating", consistent=True)
    back["remote_host"] = pri.host
    return sec


def takeover(ctx, sec, mode="fb"):
    """mode: 'fb' (failback logging, default), 'autofb', 'nofb' (-N). Returns what the
    new Primary lacks of the old one: {'lost_bytes', 'lag_seconds', 'lost_writes'}."""
    if sec.primary:
        raise msg.already_primary(sec.name, sec.host)
    if len(sec.rvg["rlinks"]) != 1:
        raise msg.takeover_on_secondary(sec.name)
    back = next(iter(sec.rvg["rlinks"].values()))
    pri = ctx.partner(sec, back)
    pri_rl = pri.rvg["rlinks"].get(back["remote_rlink"]) if pri is not None else None
    if pri is None or not pri.primary or pri_rl is None:
        raise msg.takeover_on_secondary(sec.name)
    if len(pri.rvg["rlinks"]) > 1:
        raise msg.several_secondaries(sec.name)
    if not pri_rl["consistent"] or pri_rl["state"] in ("autosync", "dcm_resync", "fbsync", "failback"):
        raise msg.takeover_inconsistent(sec.name, sec.host)
    st = status(ctx, pri, pri_rl)
    lost = {"lost_bytes": backlog_bytes(pri_rl), "lost_writes": st["outstanding_writes"],
            "lag_seconds": st["lag_seconds"]}
    sec.rvg["role"] = "primary"
    info = {"time": ctx.now, "mode": mode, "known": False, "lost_bytes": lost["lost_bytes"]}
    reset_state(back, ctx.now, state="detached" if mode == "nofb" else "failback", takeover=info)
    back["remote_host"] = pri.host
    reconcile(ctx)
    return lost


def fbsync(ctx, pri):
    pending = [(rl, sec) for rl, sec in secondaries(ctx, pri) if rl["state"] == "failback"]
    if not pending:
        raise msg.no_failback(pri.name)
    for rl, sec in pending:
        if not (rl.get("takeover") or {}).get("known"):
            raise msg.failback_unreachable(host_of(rl, sec))
        require_connected(ctx, pri, rl, sec)
    for rl, _sec in pending:
        rl["state"] = "fbsync"
        rl["t"] = ctx.now
    return pending


def makesec(ctx, side, new_pri_host):
    """Turn an original Primary (taken over) into a Secondary of new_pri_host; a full
    synchronisation (startrep -a) follows."""
    for rl in side.rvg["rlinks"].values():
        other = ctx.partner(side, rl)
        if other is not None and other.host == new_pri_host:
            break
    else:
        raise msg.makesec_not_primary(side.name, new_pri_host)
    if not other.primary:
        raise msg.new_primary_not_primary(new_pri_host, side.name)
    back = other.rvg["rlinks"].get(rl["remote_rlink"])
    if back is None or (side.primary and not back.get("takeover")):
        raise msg.makesec_not_primary(side.name, new_pri_host)
    side.rvg["role"] = "secondary"
    for each in side.rvg["rlinks"].values():
        reset_state(each, ctx.now)
    reset_state(back, ctx.now)
    return other


# ------------------------------------------------------------------ RVG start / stop

def start_rvg(ctx, side, node):
    if side.dg["imported_on"] != node:
        raise msg.VvrError(274, "Disk group %s is not imported on %s." % (side.dg["name"], node))  # [recon]
    side.rvg["started_on"] = node
    side.rvg["host"] = node


def stop_rvg(ctx, side, node=None):
    side.rvg["started_on"] = None


def connected_now(ctx, pri, rl):
    return connected(ctx, pri, rl)
