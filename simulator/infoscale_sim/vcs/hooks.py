"""Run before every simulated command (entry._dispatch): a crashed node runs nothing, and
the node's cluster catches up with simulated time (VCS transitions and KVM guest shutdowns
that ended are applied and written, so the call's own `changed` flag only reflects what
the call itself did)."""
from . import hosts

DOC_PREFIX = "vcs:"


def before_command(call):
    hosts.refuse_if_down(call)
    settle(call)


def settle(call):
    if call.cluster is None:
        return
    doc = call.doc(DOC_PREFIX + call.cluster)
    from . import gco

    if doc and gco.configured(doc):   # GCO: every cluster on one time line
        gco.load(call).settle(call.now())
        call.txn.flush()
        return
    from ..kvm import model as kvm_model, vcs_link

    guests = kvm_model.doc_of(call)
    if not doc or not (doc.get("busy") or vcs_link.has_pending(guests)):
        return
    from .engine import Cluster

    ctx = Cluster(doc, call.vxvm(), call.doc(hosts.DOC).setdefault("down", {}), guests)
    ctx.txn = call.txn
    vcs_link.settle(ctx, call.now())
    call.txn.flush()
