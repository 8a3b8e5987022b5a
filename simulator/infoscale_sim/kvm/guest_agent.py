"""The VCS KVMGuest agent on the simulated libvirt of a system (ctx.kvm is the cluster's
KVM document; without it KVMGuest resources only take their time).

online:  start the domain GuestName on the system, defining it first from
         GuestConfigFilePath when that system's libvirt does not know it; fails (the
         resource FAULTs) when the file is missing or invalid or a disk volume is not
         available there (disk group not imported, volume not started).
offline: shut the guest down; when it needs longer than DelayAfterGuestOffline
         (SHUTDOWN_SECONDS against the attribute) it is destroyed instead.
monitor: ONLINE while the domain runs, is paused or shutting down there, else OFFLINE.
"""
from ..vcs.model import rattr
from . import domxml, model


def _delay(res, system):
    try:
        return float(rattr(res, "DelayAfterGuestOffline", system))
    except (TypeError, ValueError):
        return 0.0


def online(ctx, res, system):
    name = rattr(res, "GuestName", system)
    if not name:
        return "attribute GuestName is not set"
    if ctx.kvm is None:
        return None
    table = model.domains(ctx.kvm, system)
    if name not in table:
        problem = _define_from_file(ctx, res, system, name)
        if problem:
            return problem
    dom = table[name]
    if dom["state"] in ("running", "paused"):
        return None
    if dom["state"] == "in shutdown":
        return "guest %s is shutting down on %s" % (name, system)
    try:
        model.start(ctx.kvm, ctx.vx, system, name, None)
    except model.Refused as exc:
        return "cannot start guest %s on %s: %s" % (name, system, exc)
    return None


def _define_from_file(ctx, res, system, name):
    path = rattr(res, "GuestConfigFilePath", system)
    if not path:
        return "guest %s is not defined on %s and GuestConfigFilePath is not set" % (name, system)
    try:
        with open(path, encoding="utf-8") as handle:
            root = domxml.parse(handle.read())
        if domxml.name_of(root) != name:
            return "GuestConfigFilePath %s defines domain %s, not %s" % (path, domxml.name_of(root), name)
        model.define(ctx.kvm, system, root)
    except OSError as exc:
        return "cannot read GuestConfigFilePath %s: %s" % (path, exc.strerror)
    except (domxml.XmlError, model.Refused) as exc:
        return "cannot define guest %s from %s: %s" % (name, path, exc)
    return None


def offline(ctx, res, system):
    if ctx.kvm is None:
        return None
    name = rattr(res, "GuestName", system)
    dom = model.domains(ctx.kvm, system).get(name)
    if dom is None or not model.is_active(dom):
        return None
    clean = model.SHUTDOWN_SECONDS <= _delay(res, system)
    model.stop(ctx.kvm, ctx.vx, system, name, "shutdown" if clean else "destroyed")
    return None


def monitor(ctx, res, system, current):
    if ctx.kvm is None:
        return current
    dom = model.domains(ctx.kvm, system).get(rattr(res, "GuestName", system))
    return "ONLINE" if dom is not None and model.is_active(dom) else "OFFLINE"


def node_lost(ctx, node):
    if ctx.kvm is not None:
        model.node_lost(ctx.kvm, ctx.vx, node)
