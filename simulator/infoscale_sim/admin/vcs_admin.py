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
from ..vcs import gco, hooks, hosts, maincf
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
    ctx = Cluster(call.doc(doc_name(call.cluster)), call.vxvm(), call.doc(hosts.DOC).setdefault("down", {}),
                  kvm_doc_of(call))
    ctx.txn = call.txn
    return gco.attach(call, ctx)


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
    if action in ("site-down", "site-up"):
        return _site(args.state, topology, args.target, action == "site-down")
    if action in ("intersite-link-down", "intersite-link-up"):
        return _intersite(args.state, topology, args.sites, action == "intersite-link-down")
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


def _site(state, topology, site, down):
    """site-down: every node of the site crashes at the same instant (no failover inside
    the site; remote clusters see its clusters LOST_CONN, then FAULTED). site-up: they
    are back."""
    sites = {s["name"]: [c["name"] for c in s["clusters"]] for s in topology.estate["sites"]}
    if site not in sites:
        raise SimStateError("unknown site %r" % site)
    clusters = sites[site]
    nodes = [n for c in clusters for n in topology.cluster_nodes(c)]
    with _session(state, nodes[0]) as call:
        federation = gco.load(call)
        now = call.now()
        federation.settle(now)
        if down:
            hit = [n for n in nodes if n not in federation.down]
            if not hit:
                raise SimStateError("site %s is already down" % site)
            for n in hit:
                federation.down[n] = now
        else:
            hit = [n for n in nodes if n in federation.down
                   or not federation.engine(topology.cluster_of(n)).doc["systems"][n]["had"]]
            if not hit:
                raise SimStateError("site %s is up" % site)
        for c in clusters:
            ctx = federation.engine(c)
            ctx.log(now, "site-down" if down else "site-up", site=site)
            for n in topology.cluster_nodes(c):
                if n in hit:
                    if down:
                        ctx.crash(n, now)
                    else:
                        ctx.restore(n, now)
        federation.settle(now)
    return 0


def _intersite(state, topology, sites, down):
    """The inter-site link between two sites (every pair when none is named) goes down or
    comes back: GCO heartbeats and wac connections between their clusters are lost."""
    names = [s["name"] for s in topology.estate["sites"]]
    if sites:
        if len(sites) != 2 or sites[0] == sites[1]:
            raise SimStateError("name two different sites (or none for every pair)")
        for site in sites:
            if site not in names:
                raise SimStateError("unknown site %r" % site)
        pairs = [tuple(sites)]
    else:
        pairs = [(a, b) for i, a in enumerate(names) for b in names[i + 1:]]
    if not pairs:
        raise SimStateError("the estate has a single site")
    with _session(state, topology.nodes()[0]) as call:
        federation = gco.load(call)
        now = call.now()
        federation.settle(now)
        links = call.doc(gco.WAN_DOC).setdefault("down", {})
        changed = [p for p in pairs if (gco.pair(*p) in links) != down]
        if not changed:
            raise SimStateError("inter-site link already %s" % ("down" if down else "up"))
        for a, b in changed:
            if down:
                links[gco.pair(a, b)] = now
            else:
                del links[gco.pair(a, b)]
            for c in [c for c in topology.clusters if topology.cluster_site[c] in (a, b)]:
                federation.engine(c).log(now, "intersite-link-down" if down else "intersite-link-up", sites=[a, b])
        federation.settle(now)
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
