"""The replication clock: SRL backlog drained over the link, computed lazily.

Nothing runs in the background. Each Primary rlink stores what is still to send (the SRL
backlog as [time, bytes, writes] entries, or a DCM byte count during autosync, DCM resync
and failback) and the simulated time `t` up to which it has been drained. `advance`
drains it from `t` to now at the link's bandwidth (bytes per simulated second = the
estate's bandwidth / 8, or the rlink's bandwidth_limit when lower) while data can flow:
the rlink attached and not paused, the replication link up, both disk groups imported on
nodes that are up and both RVGs started. A node crashed after `t` (hosts doc) or an
inter-site link cut after `t` (wan doc) stops the flow at that time. Every VVR command first settles the whole estate to now (and
writes that down before acting), so an operation always starts from the current backlog.

Writes (`infoscale-sim write` on a Primary data volume) append to the backlog of every
attached rlink; in synchronous mode (synchronous=override|fail) a connected, caught-up
rlink takes them at once. When an rlink's backlog exceeds the SRL, srlprot=autodcm|dcm
switches it to DCM logging (the backlog becomes DCM contents, `vradmin resync` replays
it), srlprot=off|override detaches it (stale), srlprot=fail fails the write.
"""
from .messages import VvrError
from .model import MAX_QUEUE, SECTOR, reset_state

FLOWING = ("autosync", "replicating", "dcm_resync", "fbsync")
DCM_STATES = ("autosync", "dcm", "dcm_resync", "failback", "fbsync")
RESYNC_LABEL = {"autosync": "resync in progress (autosync)",
                "dcm_resync": "resync in progress (dcm resynchronization)",
                "fbsync": "failback resync in progress"}


# ------------------------------------------------------------------ flow

def rate(ctx, pri, rl):
    """Bytes per simulated second the rlink can send."""
    link = ctx.link_between(pri.cluster, rl["remote_cluster"])
    bps = link["bandwidth_bps"] if link else 0
    if rl.get("bandwidth_limit"):
        bps = min(bps, rl["bandwidth_limit"])
    return bps / 8.0


def connected(ctx, pri, rl, sec=None):
    """Primary and Secondary can talk now (whether or not replication is paused)."""
    sec = sec if sec is not None else ctx.partner(pri, rl)
    return _wired(ctx, pri, sec) and pri.reachable and sec.reachable


def _wired(ctx, pri, sec, wan=True):
    """Everything but the hosts being up: link up, both RVGs started, roles that fit."""
    return (sec is not None and not sec.primary and ctx.link_up(pri.cluster, sec.cluster, wan)
            and pri.started and sec.started)


def _flow_end(ctx, pri, rl, sec, t0):
    """Data flows from t0 until now, or until a host crashed (hosts doc) or the inter-site
    link went down (wan doc), whichever came first."""
    if rl["state"] not in FLOWING or rl["paused"] or not _wired(ctx, pri, sec, wan=False):
        return t0
    end = ctx.now
    since = ctx.wan_down_since(pri.cluster, sec.cluster)
    if since is not None:
        end = min(end, since)
    down = ctx.down()
    for host in (pri.dg["imported_on"], sec.dg["imported_on"]):
        if host in down:
            end = min(end, down[host])
    return max(t0, end)


def advance(ctx, pri, rl):
    """Drain the rlink's backlog from rl['t'] to now."""
    t0 = rl["t"]
    if ctx.now <= t0:
        return
    sec = ctx.partner(pri, rl)
    capacity = int((_flow_end(ctx, pri, rl, sec, t0) - t0) * rate(ctx, pri, rl)) if sec else 0
    _consume(rl, capacity)
    rl["t"] = ctx.now


def _consume(rl, capacity):
    if rl["state"] in ("autosync", "dcm_resync", "fbsync"):
        used = min(capacity, rl["dcm"])
        rl["dcm"] -= used
        capacity -= used
        if rl["dcm"] > 0:
            return
        rl.update(state="replicating", dcm=0, consistent=True, stale=False, behind_since=None, takeover=None)
    if rl["state"] != "replicating":
        return
    queue = rl["queue"]
    while capacity > 0 and queue:
        head = queue[0]
        if head[1] <= capacity:
            capacity -= head[1]
            queue.pop(0)
        else:
            part = head[1] - capacity
            head[2] = max(1, round(head[2] * part / head[1]))
            head[1] = part
            capacity = 0


def settle(ctx):
    """Bring every rlink of the estate to now: discover returning old Primaries, drain."""
    reconcile(ctx)
    for side in list(ctx.sides()):
        if side.primary:
            for rl in side.rvg["rlinks"].values():
                advance(ctx, side, rl)


def reconcile(ctx):
    """An old Primary taken over while unreachable learns it on contact: with failback
    logging it becomes an acting Secondary that needs failback synchronization (fbsync
    starts by itself after -autofb); without, the RDS has two Primaries until makesec."""
    for side in list(ctx.sides()):
        if not side.primary:
            continue
        for rl in side.rvg["rlinks"].values():
            info = rl.get("takeover")
            if not info or info["known"]:
                continue
            old, back = ctx.back_rlink(side, rl)
            if old is None or not (side.reachable and old.reachable and ctx.link_up(side.cluster, old.cluster)):
                continue
            info["known"] = True
            if info["mode"] == "nofb" or not old.primary:
                continue
            if back is not None:
                rl["dcm"] = min(side.data_bytes(), rl["dcm"] + backlog_bytes(back))
            old.rvg["role"] = "secondary"
            for other in old.rvg["rlinks"].values():
                reset_state(other, ctx.now)
            rl["state"] = "fbsync" if info["mode"] == "autofb" else "failback"
            rl["t"] = ctx.now


# ------------------------------------------------------------------ writes

def backlog_bytes(rl):
    return sum(e[1] for e in rl["queue"]) + rl["dcm"]


def on_write(ctx, side, nbytes):
    """A write of nbytes to a data volume of the RVG `side`."""
    settle(ctx)
    if not side.primary:
        raise VvrError(0, "volume belongs to the Secondary RVG %s; its data volumes are not writable" % side.name)
    if not side.started:
        raise VvrError(0, "RVG %s is not started; its data volumes are not writable" % side.name)
    total = side.data_bytes()
    srl = side.srl_bytes()
    for rl in side.rvg["rlinks"].values():
        state = rl["state"]
        if state == "detached":
            continue
        if state in DCM_STATES:
            rl["dcm"] = min(total, rl["dcm"] + nbytes)
            continue
        is_connected = connected(ctx, side, rl)
        if rl["synchronous"] != "off" and not rl["paused"] and is_connected and not rl["queue"]:
            continue
        if rl["synchronous"] == "fail" and not is_connected:
            raise VvrError(0, "synchronous rlink %s is disconnected (synchronous=fail): write failed" % rl["name"])
        queue = rl["queue"]
        queue.append([ctx.now, nbytes, 1])
        if len(queue) > MAX_QUEUE:
            queue[-2:] = [[queue[-2][0], queue[-2][1] + queue[-1][1], queue[-2][2] + queue[-1][2]]]
        if sum(e[1] for e in queue) > srl:
            _overflow(ctx, side, rl, total)


def _overflow(ctx, side, rl, total):
    prot = rl["srlprot"]
    if prot == "fail":
        raise VvrError(0, "SRL %s is full and srlprot=fail: write failed" % side.rvg["srl"])
    if prot in ("autodcm", "dcm"):
        rl.update(state="dcm", dcm=min(total, backlog_bytes(rl)), behind_since=rl["queue"][0][0], queue=[])
    else:
        reset_state(rl, ctx.now, consistent=rl["consistent"], stale=rl["consistent"])


# ------------------------------------------------------------------ status

def duration(seconds):
    seconds = int(max(0, seconds))
    return "%2dh %dm %ds" % (seconds // 3600, seconds // 60 % 60, seconds % 60)


def status(ctx, pri, rl):
    """What repstatus, vxrlink status and the API report for a Primary rlink."""
    sec = ctx.partner(pri, rl)
    state = rl["state"]
    is_connected = connected(ctx, pri, rl, sec)
    queued = sum(e[1] for e in rl["queue"])
    srl = pri.srl_bytes()
    ref = ctx.now
    crash = ctx.down().get(pri.dg["imported_on"])
    if crash is not None:
        ref = min(ref, crash)
    lag_seconds = None
    if state == "replicating":
        lag_seconds = max(0.0, ref - rl["queue"][0][0]) if rl["queue"] else 0.0
    elif state == "dcm" and rl.get("behind_since") is not None:
        lag_seconds = max(0.0, ref - rl["behind_since"])
    info = rl.get("takeover")
    result = {
        "rlink": rl["name"], "state": state, "paused": rl["paused"], "connected": is_connected,
        "consistent": rl["consistent"], "queued_bytes": queued, "dcm_bytes": rl["dcm"],
        "lag_bytes": queued + rl["dcm"], "lag_seconds": lag_seconds, "srl_bytes": srl,
        "srl_used_percent": int(queued * 100 / srl) if srl else 0,
        "outstanding_writes": sum(e[2] for e in rl["queue"]), "secondary": sec,
    }
    dcm_kb = rl["dcm"] // 1024
    unknown_takeover = bool(info and not info["known"])
    in_touch = sec is not None and pri.reachable and sec.reachable and ctx.link_up(pri.cluster, sec.cluster)
    if in_touch and sec.primary and state != "failback" and not unknown_takeover:
        data, repl, mode, logging, stamp = "N/A", "secondary config error", "N/A", "N/A", "N/A"  # [recon] two Primaries
    elif state == "detached":
        data = "consistent, stale" if rl["consistent"] else "inconsistent"
        repl, mode, logging, stamp = "stopped", "N/A", "N/A", "N/A"   # [recon]
    elif state == "failback":
        known = bool(info and info["known"])
        data = "inconsistent" if known else "N/A"                    # [recon]
        repl = "needs failback synchronization" if known else "not replicating"
        mode, stamp = "N/A", "N/A"
        logging = "DCM (contains %d Kbytes) (failback logging)" % dcm_kb   # [recon]
    else:
        mode = _mode(rl, is_connected, queued)
        if state == "replicating":
            data = "consistent, behind" if queued else "consistent, up-to-date"
            repl = "replicating (connected)"
            logging = "SRL (%d Kbytes behind, %d %% full)" % (queued // 1024, result["srl_used_percent"]) if queued else "SRL"
            stamp = "behind by %s" % duration(lag_seconds)
        elif state == "dcm":
            data = "consistent, behind"
            repl = "logging to DCM (needs dcm resynchronization)"
            logging = "DCM (contains %d Kbytes)" % dcm_kb
            stamp = "behind by %s" % duration(lag_seconds) if lag_seconds is not None else "N/A"
        else:
            data = "inconsistent"
            repl = RESYNC_LABEL[state]
            logging = "DCM (contains %d Kbytes)%s" % (dcm_kb, " (autosync)" if state == "autosync" else "")
            stamp = "N/A"
        if state != "dcm":
            if rl["paused"]:
                repl = "paused by user"
            elif not is_connected:
                repl = "paused due to network disconnection"
    result.update(data_status=data, replication_status=repl, current_mode=mode, logging_to=logging,
                  timestamp=stamp)
    return result


def _mode(rl, is_connected, queued):
    if rl["synchronous"] != "off" and is_connected and not rl["paused"] and not queued and rl["state"] == "replicating":
        return "synchronous"
    return "asynchronous"


def up_to_date(st):
    return st["state"] == "replicating" and st["consistent"] and st["lag_bytes"] == 0


def sectors_to_bytes(sectors):
    return sectors * SECTOR
