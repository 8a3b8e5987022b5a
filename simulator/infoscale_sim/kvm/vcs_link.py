"""KVM and VCS on the same simulated time line.

Guest shutdowns end SHUTDOWN_SECONDS after `virsh shutdown`; `settle(ctx, now)` applies
them in time order with the VCS transitions (ctx is a vcs.engine.Cluster carrying the KVM
document as ctx.kvm). A guest that stops while VCS has its KVMGuest resource ONLINE there
(shut down or destroyed with virsh, behind VCS's back) faults that resource: the simulated
monitor notices at once [recon: the real agent notices at its next monitor, within
MonitorInterval].
"""
from ..vcs.model import enabled, rattr
from . import model


def has_pending(kvm_doc):
    return bool(model.pending_stops(kvm_doc))


def settle(ctx, now):
    for stop_at, node, name in model.pending_stops(ctx.kvm):
        if stop_at > now:
            break
        ctx.settle(stop_at)
        dom = model.domains(ctx.kvm, node).get(name)
        if dom is None or dom["state"] != "in shutdown":   # VCS took it down meanwhile
            continue
        model.stop(ctx.kvm, ctx.vx, node, name, "shutdown")
        guest_lost(ctx, node, name, stop_at, "guest %s was shut down outside VCS" % name)
    ctx.settle(now)


def guest_lost(ctx, node, name, t, reason):
    """KVMGuest resources ONLINE on node for guest `name` fault (monitor: OFFLINE)."""
    if not ctx.doc or node in ctx.down or not ctx.running(node):
        return
    for resource, res in ctx.doc["resources"].items():
        if res["type"] != "KVMGuest" or not enabled(res) or rattr(res, "GuestName", node) != name:
            continue
        rr = res["rt"][node]
        if rr["state"] != "ONLINE" or rr["busy"]:
            continue
        ctx.fault_now(resource, node, t)
        for entry in reversed(ctx.doc["faults"]["log"]):
            if entry["kind"] == "resource-faulted" and entry.get("resource") == resource:
                entry["reason"] = reason
                break


def engine(call, kvm_doc):
    """The VCS engine of the caller's cluster with the KVM document attached."""
    from ..vcs import hosts
    from ..vcs.engine import Cluster

    return Cluster(call.doc("vcs:" + call.cluster), call.vxvm(),
                   call.doc(hosts.DOC).setdefault("down", {}), kvm_doc)
