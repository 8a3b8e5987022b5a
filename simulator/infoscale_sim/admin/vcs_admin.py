"""`infoscale-sim fault ...`, `infoscale-sim maincf ...`, `infoscale-sim timing ...`:
VCS fault injection, the dumped main.cf, and per-resource agent times.

These act on the state directly (not as simulated CLI calls, so they leave no audit row).
Every injected fault is recorded in the cluster's VCS document ("faults" -> "log") and
`infoscale-sim fault list` prints the pending faults and that log as JSON.
"""
import contextlib
import json
import os

from .. import store
from ..entry import Call, _connection
from ..errors import SimStateError
from ..kvm.model import doc_of as kvm_doc_of
from ..topology import Topology
from ..vcs import hooks, hosts, maincf
from ..vcs.context import doc_name
from ..vcs.engine import Cluster


@contextlib.contextmanager
def _session(state, node):
    with store.Transaction(_connection(state)) as txn:
        call = Call(txn, node, ["infoscale-sim"])
        hooks.settle(call)
        yield call
        txn.flush()


def _topology(state):
    conn = store.connect(state)
    try:
        return Topology(store.read_meta(conn)["estate"])
    finally:
        conn.close()


def _cluster_node(topology, cluster):
    if cluster not in topology.clusters:
        raise SimStateError("unknown cluster %r" % cluster)
    return topology.cluster_nodes(cluster)[0]


def _node(topology, node):
    if topology.cluster_of(node) is None:
        raise SimStateError("unknown node %r" % node)
    return node


def _engine(call):
    return Cluster(call.doc(doc_name(call.cluster)), call.vxvm(), call.doc(hosts.DOC).setdefault("down", {}),
                   kvm_doc_of(call))


# ------------------------------------------------------------------ faults

def fault(args):
    topology = _topology(args.state)
    action = args.fault_action
    if action in ("resource", "clear", "list"):
        clusters = [args.cluster] if args.cluster else list(topology.clusters)
        if action == "resource" and not args.cluster:
            raise SimStateError("fault resource needs --cluster")
        result = {}
        for cluster in clusters:
            with _session(args.state, _cluster_node(topology, cluster)) as call:
                ctx = _engine(call)
                faults = ctx.doc["faults"]
                if action == "resource":
                    if args.target not in ctx.doc["resources"]:
                        raise SimStateError("no resource %r in cluster %s" % (args.target, cluster))
                    faults["pending"].append({"resource": args.target, "kind": "online"})
                    ctx.log(call.now(), "fault-injected", resource=args.target, fault="next online fails")
                elif action == "clear":
                    if faults["pending"]:
                        ctx.log(call.now(), "faults-cleared", resources=[f["resource"] for f in faults["pending"]])
                    faults["pending"] = []
                else:
                    result[cluster] = {"pending": faults["pending"], "log": faults["log"]}
        if action == "list":
            print(json.dumps(result, indent=2, sort_keys=True))
        return 0
    if action == "resource-now":
        node = _node(topology, args.system)
        with _session(args.state, node) as call:
            ctx = _engine(call)
            res = ctx.doc["resources"].get(args.target)
            if res is None:
                raise SimStateError("no resource %r in cluster %s" % (args.target, call.cluster))
            if res["rt"][node]["state"] != "ONLINE":
                raise SimStateError("resource %s is not online on %s" % (args.target, node))
            ctx.fault_now(args.target, node, call.now())
            ctx.settle(call.now())
        return 0
    node = _node(topology, args.target)
    with _session(args.state, node) as call:
        ctx = _engine(call)
        now = call.now()
        if action == "crash-node":
            if node in ctx.down:
                raise SimStateError("node %s is already down" % node)
            ctx.crash(node, now)
        elif action == "stop-had":
            if node in ctx.down or not ctx.doc["systems"][node]["had"]:
                raise SimStateError("HAD is not running on %s" % node)
            ctx.doc["systems"][node]["had"] = False
            ctx.log(now, "had-stopped", system=node)
        else:
            if node not in ctx.down and ctx.doc["systems"][node]["had"]:
                raise SimStateError("node %s is up" % node)
            ctx.restore(node, now)
        ctx.settle(now)
    return 0


# ------------------------------------------------------------------ main.cf

def show_maincf(args):
    topology = _topology(args.state)
    node = _node(topology, args.node) if args.node else _cluster_node(topology, args.cluster)
    if args.cluster and topology.cluster_of(node) != args.cluster:
        raise SimStateError("node %s is not in cluster %s" % (node, args.cluster))
    if args.running:
        conn = store.connect(args.state)
        try:
            doc = store.read_domain(conn, doc_name(topology.cluster_of(node)))
        finally:
            conn.close()
        return maincf.render(doc, list(doc["systems"]))
    path = maincf.config_path(args.state, node)
    if not os.path.exists(path):
        raise SimStateError("no main.cf on %s (%s)" % (node, path))
    with open(path, encoding="utf-8") as handle:
        return handle.read()


def write_config_files(state):
    """main.cf/types.cf of every node, from the stored configuration (init and reset)."""
    conn = store.connect(state)
    try:
        topology = Topology(store.read_meta(conn)["estate"])
        for cluster in topology.clusters:
            doc = store.read_domain(conn, doc_name(cluster))
            text = maincf.render(doc, list(doc["systems"]))
            for node in topology.cluster_nodes(cluster):
                maincf.write(state, node, text, stale=False)
    finally:
        conn.close()


# ------------------------------------------------------------------ per-resource times

def timing(args):
    topology = _topology(args.state)
    with _session(args.state, _cluster_node(topology, args.cluster)) as call:
        doc = call.doc(doc_name(call.cluster))
        res = doc["resources"].get(args.resource)
        if res is None:
            raise SimStateError("no resource %r in cluster %s" % (args.resource, args.cluster))
        for key in ("online", "offline"):
            value = getattr(args, key)
            if value is not None:
                if value < 0:
                    raise SimStateError("--%s must be >= 0 seconds" % key)
                res["times"][key] = value
        if args.reset:
            res["times"] = {}
    return 0
