"""The KVM domain document of one cluster ('kvm:<cluster>'): each node's libvirt, and the
operations virsh and the VCS KVMGuest agent share.

doc = {"nodes": {node: {"next_id": int,                # libvirt's next domain id there
                        "domains": {name: domain}}}}
domain = {"uuid", "xml" (normalised persistent definition), "persistent": bool,
          "autostart": bool, "state": "shut off"|"running"|"paused"|"in shutdown",
          "reason": str (domstate --reason), "id": int|None, "started": sim time|None,
          "stop_at": sim time|None (end of a guest shutdown),
          "live": None | normalised XML the running domain was started with}

Disks on VxVM volumes (/dev/vx/dsk/DG/VOL or /dev/vx/rdsk/DG/VOL) need DG imported and
VOL started (kstate ENABLED) on the node to start; a running domain holds them open there
(vol["open"] = node) and closes them when it stops. Other disk paths are not checked.
"""
from ..vxvm.model import imported_dg
from . import domxml

PREFIX = "kvm:"
SHUTDOWN_SECONDS = 3.0   # [recon] simulated seconds a guest takes to power off after `virsh shutdown`
VX_DEVICE = ("/dev/vx/dsk/", "/dev/vx/rdsk/")
ACTIVE = ("running", "paused", "in shutdown")


class Refused(Exception):
    """libvirt refuses the operation; str() is libvirt's error text (without 'error: ')."""


def fresh_domain(cluster):
    return {"nodes": {node: {"next_id": 1, "domains": {}} for node in cluster["nodes"]}}


def doc_of(call):
    """The cluster's KVM document; states made before KVM existed get one now (flushed at
    once, so it does not count as a change of the calling command)."""
    doc = call.doc(PREFIX + call.cluster)
    if "nodes" not in doc:
        doc.update(fresh_domain({"nodes": call.topology.cluster_nodes(call.cluster)}))
        call.txn.flush()
    return doc


def domains(doc, node):
    return doc["nodes"][node]["domains"] if doc and node in doc.get("nodes", {}) else {}


def is_active(dom):
    return dom["state"] in ACTIVE


def view(dom, inactive=False):
    """The summary of the running configuration (or the persistent one)."""
    text = dom["live"] if dom["live"] and not inactive else dom["xml"]
    return domxml.summary(domxml.ET.fromstring(text))


# ------------------------------------------------------------------ define / undefine

def define(doc, node, root):
    """Define (or redefine) the domain of a parsed, normalised XML root on node; returns
    its name. Raises Refused."""
    table = doc["nodes"][node]["domains"]
    name, wanted = domxml.name_of(root), domxml.uuid_of(root)
    existing = table.get(name)
    if existing and wanted and wanted != existing["uuid"]:
        raise Refused("operation failed: domain '%s' already exists with uuid %s" % (name, existing["uuid"]))
    other = next((n for n, d in table.items() if wanted and d["uuid"] == wanted and n != name), None)
    if other:
        raise Refused("operation failed: domain '%s' already exists with uuid %s" % (other, wanted))  # [recon]
    domxml.set_uuid(root, existing["uuid"] if existing else wanted)
    xml = domxml.to_text(root)
    if existing:
        existing["xml"] = xml
        existing["persistent"] = True
    else:
        table[name] = {"uuid": domxml.uuid_of(root), "xml": xml, "persistent": True, "autostart": False,
                       "state": "shut off", "reason": "unknown", "id": None, "started": None,
                       "stop_at": None, "live": None}
    return name


def undefine(doc, node, name):
    """A running domain stays (transient) until it stops."""
    dom = doc["nodes"][node]["domains"][name]
    if is_active(dom):
        dom["persistent"] = False
        dom["autostart"] = False
    else:
        del doc["nodes"][node]["domains"][name]


# ------------------------------------------------------------------ start / stop

def vx_path(path):
    """(dg, vol) of a /dev/vx/[r]dsk/DG/VOL path, else None."""
    prefix = next((p for p in VX_DEVICE if (path or "").startswith(p)), None)
    if not prefix:
        return None
    dg, _, vol = path[len(prefix):].partition("/")
    return (dg, vol) if dg and vol and "/" not in vol else None


def disk_problem(vx, node, path):
    """Why the disk at path cannot be opened on node (libvirt's text), or None."""
    names = vx_path(path)
    if names is None:
        return None
    dg = imported_dg(vx, names[0], node)
    vol = dg["volumes"].get(names[1]) if dg else None
    if vol is None:
        return "Cannot access storage file '%s': No such file or directory" % path
    if vol["kstate"] != "ENABLED":
        return "Cannot access storage file '%s': No such device or address" % path  # [recon]
    return None


def _volumes(vx, node, summary):
    for disk in summary["disks"]:
        names = vx_path(disk["source"])
        dg = imported_dg(vx, names[0], node) if names else None
        vol = dg["volumes"].get(names[1]) if dg else None
        if vol is not None:
            yield vol


def start(doc, vx, node, name, now, paused=False):
    """Start a defined, inactive domain on node. Raises Refused (disk not available)."""
    host = doc["nodes"][node]
    dom = host["domains"][name]
    summary = domxml.summary(domxml.ET.fromstring(dom["xml"]))
    for disk in summary["disks"]:
        if disk["device"] in ("disk", "lun"):
            problem = disk_problem(vx, node, disk["source"])
            if problem:
                raise Refused(problem)
    dom.update(state="paused" if paused else "running", reason="user" if paused else "booted",
               id=host["next_id"], started=now, stop_at=None, live=dom["xml"])
    host["next_id"] += 1
    for vol in _volumes(vx, node, summary):
        vol["open"] = node


def request_shutdown(dom, now):
    dom.update(state="in shutdown", reason="user", stop_at=now + SHUTDOWN_SECONDS)


def stop(doc, vx, node, name, reason):
    """The domain is no longer running (shutdown, destroyed, crashed host): close its
    volumes; a transient domain disappears."""
    dom = doc["nodes"][node]["domains"][name]
    summary = view(dom)
    dom.update(state="shut off", reason=reason, id=None, started=None, stop_at=None, live=None)
    still_used = set()
    for other_name, other in doc["nodes"][node]["domains"].items():
        if other_name != name and is_active(other):
            still_used.update(id(v) for v in _volumes(vx, node, view(other)))
    for vol in _volumes(vx, node, summary):
        if vol.get("open") == node and id(vol) not in still_used:
            vol["open"] = None
    if not dom["persistent"]:
        del doc["nodes"][node]["domains"][name]


def pending_stops(doc):
    """(stop_at, node, name) of domains in shutdown, earliest first."""
    found = []
    for node, host in (doc or {}).get("nodes", {}).items():
        for name, dom in host["domains"].items():
            if dom["state"] == "in shutdown":
                found.append((dom["stop_at"], node, name))
    return sorted(found)


def node_lost(doc, vx, node):
    """The host crashed: every domain running there is gone."""
    for name in [n for n, d in domains(doc, node).items() if is_active(d)]:
        stop(doc, vx, node, name, "unknown")  # [recon] reason after a host crash
