"""What the simulated agents do to the rest of the estate when a resource comes online,
goes offline or is probed. Each online/offline returns None on success or a reason.

DiskGroup: online imports the VxVM disk group on the system (VCS imports with -t, and
  takes over with -C -f when the owning node is down); offline deports it.
Volume:    online starts the volume; offline stops it.
Mount:     a BlockDevice /dev/vx/dsk/<dg>/<vol> is marked open on the system while the
  resource is online (a mounted file system); other devices are not checked.
KVMGuest:  starts / shuts down the guest GuestName in the system's simulated libvirt
  (kvm/guest_agent.py); a guest whose disk volume is not available there faults it.
RVG, RVGPrimary: start/stop the RVG, make it the Primary (migrate or takeover) on the
  simulated VVR (vcs/vvr_agents.py).
RVGSnapshot: fire-drill snapshots of the Secondary RVG's data volumes (vcs/vvr_agents.py).
Other types only take their time.
"""
from ..kvm import guest_agent
from . import vvr_agents
from ..vxvm.volumes import set_state
from .model import rattr

VX_DEVICE = ("/dev/vx/dsk/", "/dev/vx/rdsk/")


def _dgs(ctx, name):
    return [dg for dg in ctx.vx.get("dgs", {}).values() if dg["name"] == name]


def _imported(ctx, name, system):
    return next((dg for dg in _dgs(ctx, name) if dg["imported_on"] == system), None)


def _vx_volume(ctx, res, system):
    """(dg, volume) named by a Volume resource or a Mount BlockDevice; None parts if absent."""
    if res["type"] == "Volume":
        dg_name, vol_name = rattr(res, "DiskGroup", system), rattr(res, "Volume", system)
    else:
        device = rattr(res, "BlockDevice", system).strip()
        prefix = next((p for p in VX_DEVICE if device.startswith(p)), None)
        dg_name, _, vol_name = device[len(prefix):].partition("/") if prefix else ("", "", "")
    dg = _imported(ctx, dg_name, system) if dg_name else None
    vol = dg["volumes"].get(vol_name) if dg else None
    return dg_name, vol_name, dg, vol


def _is_vx_mount(res, system):
    return rattr(res, "BlockDevice", system).strip().startswith(VX_DEVICE)


# ------------------------------------------------------------------ online

def online(ctx, res, system):
    kind = res["type"]
    if kind == "DiskGroup":
        return _import(ctx, res, system)
    if kind == "KVMGuest":
        return guest_agent.online(ctx, res, system)
    if kind in vvr_agents.TYPES:
        return vvr_agents.online(ctx, res, system)
    if kind == "Volume" or kind == "Mount" and _is_vx_mount(res, system):
        dg_name, vol_name, dg, vol = _vx_volume(ctx, res, system)
        if dg is None:
            return "disk group %s is not imported on %s" % (dg_name or "(none)", system)
        if vol is None:
            return "volume %s not found in disk group %s" % (vol_name, dg_name)
        if kind == "Volume":
            set_state(vol, "ENABLED", "ACTIVE")
            return None
        if vol["kstate"] != "ENABLED":
            return "volume %s/%s is not started" % (dg_name, vol_name)
        if vol.get("open") not in (None, system):
            return "volume %s/%s is in use on %s" % (dg_name, vol_name, vol["open"])
        vol["open"] = system
    return None


def _import(ctx, res, system):
    name = rattr(res, "DiskGroup", system)
    if not name:
        return "attribute DiskGroup is not set"
    groups = _dgs(ctx, name)
    if not groups:
        return "disk group %s not found" % name
    if any(dg["imported_on"] == system for dg in groups):
        return None
    free = [dg for dg in groups if not dg["imported_on"]]
    taken = [dg for dg in groups if dg["imported_on"] in ctx.down]
    if not free and not taken:
        return "disk group %s is imported on %s" % (name, groups[0]["imported_on"])
    dg = (free or taken)[0]
    if not free:
        for vol in dg["volumes"].values():   # -C -f: the dead host's claims are gone
            vol["open"] = None
    dg["imported_on"] = system
    dg["temp"] = True
    ctx.vx["seq"] = ctx.vx.get("seq", 0) + 1
    dg["import_seq"] = ctx.vx["seq"]
    started = ("ENABLED", "ACTIVE") if rattr(res, "StartVolumes", system) else ("DISABLED", "CLEAN")
    for vol in dg["volumes"].values():
        set_state(vol, *started)
    return None


# ------------------------------------------------------------------ offline

def offline(ctx, res, system):
    kind = res["type"]
    if kind == "KVMGuest":
        return guest_agent.offline(ctx, res, system)
    if kind in vvr_agents.TYPES:
        return vvr_agents.offline(ctx, res, system)
    if kind == "DiskGroup":
        dg = _imported(ctx, rattr(res, "DiskGroup", system), system)
        if dg is None:
            return None
        busy = sorted(n for n, v in dg["volumes"].items() if v.get("open"))
        if busy:
            return "volumes in use: %s" % ", ".join(busy)
        dg["imported_on"] = None
        dg["temp"] = False
        for vol in dg["volumes"].values():
            set_state(vol, "DISABLED", "CLEAN")
        return None
    if kind == "Volume" or kind == "Mount" and _is_vx_mount(res, system):
        _, vol_name, _, vol = _vx_volume(ctx, res, system)
        if vol is None:
            return None
        if kind == "Mount":
            if vol.get("open") == system:
                vol["open"] = None
            return None
        if vol.get("open"):
            return "volume %s is open" % vol_name
        set_state(vol, "DISABLED", "CLEAN")
    return None


# ------------------------------------------------------------------ monitor

def probe(ctx, res, system, current):
    """The state a monitor reports: VxVM-backed types look at VxVM, others keep theirs."""
    kind = res["type"]
    if kind == "KVMGuest":
        return guest_agent.monitor(ctx, res, system, current)
    if kind in vvr_agents.TYPES:
        return vvr_agents.monitor(ctx, res, system, current)
    if kind == "DiskGroup":
        name = rattr(res, "DiskGroup", system)
        return "ONLINE" if name and _imported(ctx, name, system) else "OFFLINE"
    if kind == "Volume" or kind == "Mount" and _is_vx_mount(res, system):
        _, _, _, vol = _vx_volume(ctx, res, system)
        if kind == "Volume":
            return "ONLINE" if vol is not None and vol["kstate"] == "ENABLED" else "OFFLINE"
        return "ONLINE" if vol is not None and vol.get("open") == system else "OFFLINE"
    return current


def node_lost(ctx, node):
    """A crashed node holds nothing open any more (its disk groups stay imported there
    until another node imports them with -C); its guests are gone."""
    guest_agent.node_lost(ctx, node)
    for dg in ctx.vx.get("dgs", {}).values():
        for vol in dg["volumes"].values():
            if vol.get("open") == node:
                vol["open"] = None
