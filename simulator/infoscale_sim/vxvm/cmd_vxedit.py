"""vxedit [-g dg] [-r] [-f] rm <volume | cache object> ..."""
from ..errors import vxvm_error
from ..getopt import parse
from . import messages as msg
from . import snapshots as snaps
from .requests import disk_group
from .volumes import record_names

CMD = "vxedit"


def vxedit(call, args):
    opts, operands = parse(args, "fg:rv", msg.usage_for(CMD))
    if len(operands) < 2 or operands[0] != "rm":
        problem = ["%s: keyword not supported" % operands[0]] if operands and operands[0] != "rm" else []
        raise msg.usage(CMD, problem)
    _, dg = disk_group(call, CMD, opts)
    for name in operands[1:]:
        if name in snaps.caches(dg):
            _remove_cache(dg, name, opts)
            continue
        vol = dg["volumes"].get(name)
        if vol is None:
            if any(name in record_names(v) for v in dg["volumes"].values()):
                # [recon] removing single plexes / subdisks is not simulated
                raise vxvm_error(CMD, 1270, "Record %s: only volumes can be removed in this "
                                 "configuration" % name, msg.RC_FAIL)
            raise msg.record_not_in_dg(CMD, name)
        _check_volume(dg, vol, opts)
        snaps.remove_volume(dg, vol)
    return 0


def _check_volume(dg, vol, opts):
    name = vol["name"]
    problem = snaps.removal_problem(dg, vol, CMD, msg)
    if problem is not None:
        raise problem
    if vol.get("open"):
        raise msg.volume_open(CMD, name, "remove")
    if vol["kstate"] == "ENABLED" and not opts.has("f"):
        raise vxvm_error(CMD, 1268, "Volume %s is enabled, use -f flag to remove" % name,
                         msg.RC_FAIL)  # [recon]
    if vol["plexes"] and not opts.has("r"):
        raise vxvm_error(CMD, 1269, "Volume %s has associated plexes, use -r flag to remove "
                         "them" % name, msg.RC_FAIL)  # [recon]


def _remove_cache(dg, co, opts):
    """Without -r only an unused cache object goes (its volume stays); with -r its
    snapshots and its cache volume go too. [recon]"""
    users = snaps.cache_snapshots(dg, co)
    if users and not opts.has("r"):
        raise msg.cache_in_use(CMD, co, [v["name"] for v in users])
    names = {v["name"] for v in users}
    for vol in users:
        outside = [k["name"] for k in snaps.children(dg, vol) if k["name"] not in names]
        if outside:
            raise msg.has_snapshots(CMD, vol["name"], outside)
        if vol.get("open"):
            raise msg.volume_open(CMD, vol["name"], "remove")
    cvol = dg["volumes"].get(snaps.caches(dg)[co]["cachevol"])
    if opts.has("r") and cvol is not None and cvol.get("open"):
        raise msg.volume_open(CMD, cvol["name"], "remove")
    while users:   # snapshots of snapshots first
        leaf = next(v for v in users if not snaps.children(dg, v))
        users.remove(leaf)
        snaps.remove_volume(dg, leaf)
    if co in snaps.caches(dg):
        snaps.remove_cache(dg, co, opts.has("r"))
