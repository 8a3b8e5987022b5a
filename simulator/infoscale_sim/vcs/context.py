"""What every ha* command starts with: the node's HAD must run, then the cluster's VCS
document (already settled to now by hooks.before_command) wrapped in an engine (with the
GCO federation of the estate's clusters as ctx.gco when remote clusters are configured)."""
import re

from . import hosts
from . import messages as msg
from ..kvm.model import doc_of as kvm_doc_of
from .engine import Cluster

NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


def doc_name(cluster):
    return "vcs:" + cluster


def open_cluster(call):
    doc = call.doc(doc_name(call.cluster))
    if not doc["systems"][call.node]["had"]:
        raise msg.had_down(call.command)
    ctx = Cluster(doc, call.vxvm(), call.doc(hosts.DOC).setdefault("down", {}), kvm_doc_of(call))
    ctx.txn = call.txn
    from . import gco

    return gco.attach(call, ctx)


def require_rw(ctx):
    if ctx.doc["readonly"]:
        raise msg.must_be_rw()


def group(ctx, name, missing=msg.group_missing):
    if name not in ctx.doc["groups"]:
        raise missing(name)
    return ctx.doc["groups"][name]


def resource(ctx, name, missing=msg.resource_missing):
    if name not in ctx.doc["resources"]:
        raise missing(name)
    return ctx.doc["resources"][name]


def system(ctx, name):
    if name not in ctx.doc["systems"]:
        raise msg.system_missing(name)
    return name


def check_name(kind, name):
    if not NAME.match(name) or len(name) > 128:
        raise msg.invalid_name(kind, name)
