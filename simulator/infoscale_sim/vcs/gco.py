"""Global Cluster Option (GCO): remote clusters, WAN heartbeats and global service groups
across the clusters of an estate, and the inter-site links between its sites.

Configuration, in each cluster's VCS document (written to main.cf by haconf -dump):

    doc["gco"] = {
      "address": "10.10.1.100",                                 # local ClusterAddress
      "remotes": {cluster: {"ClusterAddress": ip}},             # haclus -add / -delete
      "heartbeats": {name: {"attrs": {attr: value}, "local": {attr: {cluster: value}}}},  # hahb
      "declared": {cluster: {"kind": "disaster"|"outage"|"disconnect"|"replica", "time": t}},
      "handled": {cluster: t},       # loss of that cluster (since t) already acted upon
    }

The estate's inter-site links live in the 'wan' document: {"down": {"siteA|siteB": t}}
(`infoscale-sim fault intersite-link-down`). Other domains (VVR) may ask
`link_down_since(txn, site_a, site_b)`.

How cluster A sees a remote cluster B (computed from the stored facts and the time, no
daemon) [recon: the state machine is the documented one, the timings are the simulator's]:
  INIT       B is not configured both ways (each must `haclus -add` the other with the
             other's own ClusterAddress), or B is not a cluster of the estate
  LOST_HB    configured and reachable, but no heartbeat of A to B can reach B's
             ClusterAddress (hahb Arguments); a remote cluster with no heartbeat configured
             at all gets an implicit Icmp heartbeat
  RUNNING    both configured, B's site reachable and at least one system of B RUNNING
  EXITED     every system of B has HAD stopped (graceful)
  LOST_CONN  since t (inter-site link down, or B's last system crashed) the wac
             connection is lost; the heartbeats are declared lost AYARetryLimit x
             AYAInterval seconds later (3 x 60 s by default, the largest over B's heartbeats)
  FAULTED    connection and heartbeats lost (inquiry: no other cluster sees B)
  UNKNOWN    lost, but another remote cluster that A sees RUNNING still sees B RUNNING

Global groups (ClusterList set): one cluster at a time runs a failover global group; the
cluster where it last came online holds its Authority (1 there, 0 in the others). When a
group cannot fail over inside its cluster, ClusterFailOverPolicy Auto or Connected fails
it over to the next RUNNING cluster of its ClusterList (by priority); when A sees the
cluster that held a group become FAULTED, Auto brings it online in A. Manual never moves
a group across clusters: the operator switches it or declares the failure
(haclus -declare ... -failover).
"""
import json

from . import hosts
from .engine import Cluster
from .model import gattr, is_frozen, is_parallel, set_gattr

WAN_DOC = "wan"
POLICIES = ("Manual", "Auto", "Connected")
DECLARE_KINDS = ("disaster", "outage", "disconnect", "replica")
HB_TYPES = ("Icmp", "IcmpS")   # [recon] the bundled WAN heartbeat agents
HB_DEFAULTS = {"AYAInterval": 60, "AYARetryLimit": 3, "AYATimeout": 30}
MAX_ROUNDS = 100000
EMPTY = {"address": "", "remotes": {}, "heartbeats": {}, "declared": {}, "handled": {}}


def fresh_conf():
    return json.loads(json.dumps(EMPTY))


def conf(doc):
    """The GCO configuration of a VCS document (read-only view for documents without one)."""
    return doc.get("gco") or EMPTY


def writable_conf(doc):
    found = doc.setdefault("gco", fresh_conf())
    for key, value in EMPTY.items():
        found.setdefault(key, type(value)())
    return found


def configured(doc):
    """Has this cluster any remote cluster (then every command settles all clusters)?"""
    return bool(conf(doc)["remotes"])


def pair(site_a, site_b):
    return "|".join(sorted((site_a, site_b)))


def link_down_since(txn, site_a, site_b):
    """Simulated time since which the inter-site link between two sites is down, or None."""
    if site_a == site_b:
        return None
    return txn.doc(WAN_DOC).get("down", {}).get(pair(site_a, site_b))


def kvm_doc(call, cluster):
    from ..kvm import model as kvm_model

    doc = call.doc(kvm_model.PREFIX + cluster)
    if "nodes" not in doc:
        doc.update(kvm_model.fresh_domain({"nodes": call.topology.cluster_nodes(cluster)}))
        call.txn.flush()
    return doc


def cluster_list(grp):
    """ClusterList clusters by priority (then by their order in the list)."""
    entries = list(gattr(grp, "ClusterList").items())
    return [c for c, _ in sorted(entries, key=lambda item: (item[1], entries.index(item)))]


def is_global(grp):
    return bool(gattr(grp, "ClusterList"))


def heartbeat_value(hb, attr_name, cluster=None):
    if attr_name in hb["local"]:
        return hb["local"][attr_name].get(cluster, _hb_default(attr_name))
    return hb["attrs"].get(attr_name, _hb_default(attr_name))


def _hb_default(attr_name):
    from .hbattrs import CONFIG

    return CONFIG[attr_name]["default"]


# ---------------------------------------------------------------------------- federation

def load(call, local=None):
    """Every cluster of the estate as one federation (engines share the call's documents);
    `local` (an engine of the caller's cluster) is reused when given."""
    down = call.doc(hosts.DOC).setdefault("down", {})
    engines = {}
    for name in call.topology.clusters:
        if local is not None and name == local.doc["cluster"]:
            engines[name] = local
        else:
            engines[name] = Cluster(call.doc("vcs:" + name), call.doc("vxvm:" + name), down, kvm_doc(call, name))
            engines[name].txn = call.txn
    return Federation(engines, call.topology.cluster_site, down, call.doc(WAN_DOC), call.now())


def attach(call, ctx):
    """Give the caller's engine its federation when its cluster takes part in GCO."""
    if configured(ctx.doc):
        load(call, ctx)
    return ctx


class Federation:
    def __init__(self, engines, sites, down, wan, now):
        self.engines = engines
        self.sites = sites
        self.down = down
        self.wan = wan
        self.now = now
        for engine in engines.values():
            engine.gco = self

    def copy(self):
        """A deep copy (waits predict on it); returns the copy."""
        engines = {}
        down = dict(self.down)
        for name, e in self.engines.items():
            engines[name] = Cluster(json.loads(json.dumps(e.doc)), json.loads(json.dumps(e.vx)), down,
                                    json.loads(json.dumps(e.kvm)) if e.kvm is not None else None)
        return Federation(engines, self.sites, down, json.loads(json.dumps(self.wan)), self.now)

    def engine(self, name):
        return self.engines.get(name)

    # ------------------------------------------------------------------ configuration
    def conf(self, name):
        e = self.engines.get(name)
        return conf(e.doc) if e is not None else EMPTY

    def remotes(self, name):
        return self.conf(name)["remotes"]

    def declared(self, a, b):
        return self.conf(a)["declared"].get(b)

    def configured_pair(self, a, b):
        """Each cluster knows the other, at the other's own ClusterAddress."""
        if b not in self.engines or a == b:
            return False
        ra, rb = self.remotes(a), self.remotes(b)
        if b not in ra or a not in rb:
            return False
        addr_a, addr_b = self.conf(a)["address"], self.conf(b)["address"]
        return bool(addr_a and addr_b and ra[b]["ClusterAddress"] == addr_b and rb[a]["ClusterAddress"] == addr_a)

    def heartbeats(self, a, b):
        """[(name, reaches b, seconds to declare it lost)] of a's heartbeats to b; an implicit
        Icmp one when none lists b [recon]."""
        found = []
        address = self.conf(b)["address"]
        for name, hb in sorted(self.conf(a)["heartbeats"].items()):
            if b not in heartbeat_value(hb, "ClusterList"):
                continue
            reaches = bool(address) and address in heartbeat_value(hb, "Arguments", b)
            delay = int(heartbeat_value(hb, "AYARetryLimit", b)) * int(heartbeat_value(hb, "AYAInterval", b))
            found.append((name, reaches, delay))
        if not found:
            found.append((None, True, HB_DEFAULTS["AYARetryLimit"] * HB_DEFAULTS["AYAInterval"]))
        return found

    def fault_delay(self, a, b):
        delays = [delay for _, reaches, delay in self.heartbeats(a, b) if reaches]
        return max(delays) if delays else 0

    # ------------------------------------------------------------------ reachability
    def site(self, name):
        return self.sites.get(name)

    def link_down(self, a, b):
        sa, sb = self.site(a), self.site(b)
        if sa is None or sb is None or sa == sb:
            return None
        return self.wan.get("down", {}).get(pair(sa, sb))

    def alive(self, name, t=None):
        """Some system of the cluster runs HAD (at time t: crashes after t do not count)."""
        e = self.engines[name]
        for s, info in e.doc["systems"].items():
            if info["had"] and (s not in self.down or t is not None and self.down[s] > t):
                return True
        return False

    def lost(self, a, b):
        """("up", None) | ("exited", None) | ("lost", since) for a's connection to b."""
        times = []
        link = self.link_down(a, b)
        if link is not None:
            times.append(link)
        if not self.alive(b):
            crashed = [self.down[s] for s in self.engines[b].doc["systems"] if s in self.down]
            if crashed:
                times.append(max(crashed))
            elif not times:
                return "exited", None
        return ("lost", min(times)) if times else ("up", None)

    def connected(self, a, b):
        """a and b see each other RUNNING (no time dependence)."""
        return (self.configured_pair(a, b) and self.lost(a, b)[0] == "up"
                and any(reaches for _, reaches, _ in self.heartbeats(a, b)))

    def state(self, a, b, now=None):
        """How cluster a sees remote cluster b (None: b is not a remote cluster of a)."""
        if b not in self.remotes(a):
            return None
        if not self.configured_pair(a, b):
            return "INIT"
        kind, since = self.lost(a, b)
        if kind == "exited":
            return "EXITED"
        reaching = any(reaches for _, reaches, _ in self.heartbeats(a, b))
        if kind == "up":
            return "RUNNING" if reaching else "LOST_HB"
        now = self.now if now is None else now
        if now < since + self.fault_delay(a, b):
            return "LOST_CONN"
        for c in self.remotes(a):
            if c != b and self.connected(a, c) and self.connected(c, b):
                return "UNKNOWN"
        return "FAULTED"

    def heartbeat_state(self, a, name, b, now=None):
        """ALIVE | DOWN | UNKNOWN of a's heartbeat `name` to cluster b [recon]."""
        hb = self.conf(a)["heartbeats"][name]
        arguments = heartbeat_value(hb, "Arguments", b)
        if not arguments:
            return "UNKNOWN"
        address = self.conf(b)["address"] if b in self.engines else ""
        if not address or address not in arguments:
            return "DOWN"
        kind, since = self.lost(a, b) if b in self.engines else ("lost", None)
        if kind != "lost":
            return "ALIVE"
        delay = int(heartbeat_value(hb, "AYARetryLimit", b)) * int(heartbeat_value(hb, "AYAInterval", b))
        now = self.now if now is None else now
        return "ALIVE" if since is not None and now < since + delay else "DOWN"

    # ------------------------------------------------------------------ time
    def _pending_losses(self):
        """(time, a, b, since): a will see b FAULTED (or UNKNOWN) at `time`, not yet acted upon."""
        found = []
        for a in self.engines:
            handled = self.conf(a)["handled"]
            for b in self.remotes(a):
                if not self.configured_pair(a, b):
                    continue
                kind, since = self.lost(a, b)
                if kind != "lost" or handled.get(b) == since:
                    continue
                when = since + self.fault_delay(a, b)
                if self.alive(a, when):
                    found.append((when, a, b, since))
        return sorted(found)

    def next_event_time(self):
        from ..kvm import model as kvm_model

        times = [when for when, _, _, _ in self._pending_losses()]
        for e in self.engines.values():
            t = e.next_event_time()
            if t is not None:
                times.append(t)
            stops = kvm_model.pending_stops(e.kvm) if e.kvm is not None else []
            if stops:
                times.append(stops[0][0])
        return min(times) if times else None

    def settle(self, now):
        """Apply, in time order over every cluster, what ended at or before `now`."""
        for _ in range(MAX_ROUNDS):
            t = self.next_event_time()
            if t is None or t > now:
                break
            self._advance(t)
        else:
            raise RuntimeError("GCO: too many rounds in one settle")
        self._advance(now)
        self._forget_declarations()

    def _advance(self, t):
        from ..kvm import vcs_link

        self.now = t
        for e in self.engines.values():
            if e.kvm is not None:
                vcs_link.settle(e, t)
            else:
                e.settle(t)
        for when, a, b, since in self._pending_losses():
            if when <= t:
                self._remote_lost(a, b, when, since)

    def _forget_declarations(self):
        """A declared failure ends when the cluster is RUNNING again."""
        for a in self.engines:
            declared = self.conf(a)["declared"]
            for b in [b for b in declared if self.state(a, b) == "RUNNING"]:
                del writable_conf(self.engines[a].doc)["declared"][b]
                self.engines[a].log(self.now, "declaration-cleared", cluster=b)

    def _remote_lost(self, a, b, when, since):
        writable_conf(self.engines[a].doc)["handled"][b] = since
        state = self.state(a, b, when)
        e = self.engines[a]
        e.log(when, "remote-cluster-" + state.lower(), cluster=b)
        if state != "FAULTED":
            return
        for g in sorted(e.doc["groups"]):
            if gattr(e.doc["groups"][g], "ClusterFailOverPolicy") == "Auto" and self.held_by(a, g, b):
                self.online_here(a, g, when, source=b, reason="cluster %s faulted" % b)

    # ------------------------------------------------------------------ global groups
    def held_by(self, a, g, b):
        """Global group g of cluster a last came online in cluster b (its Authority) and was
        meant to run there; a could take it over."""
        grp = self.engines[a].doc["groups"][g]
        members = gattr(grp, "ClusterList")
        eb = self.engines.get(b)
        if not members or a not in members or b not in members or is_parallel(grp) or eb is None:
            return False
        other = eb.doc["groups"].get(g)
        return bool(other and gattr(other, "Authority") and other["intent"])

    def online_here(self, a, g, t, source, reason):
        e = self.engines[a]
        grp = e.doc["groups"][g]
        if is_frozen(grp) or e.active_systems(g):
            return False
        target = e.choose_target(g)
        if target is None:
            e.log(t, "no-failover-target", group=g, reason=reason)
            return False
        e.log(t, "cluster-failover", group=g, source=source, target=target, reason=reason)
        e.begin_online(g, target, t)
        return True

    def claim(self, engine, g):
        """g comes online in engine's cluster: Authority there, not in the others."""
        for e in self.engines.values():
            grp = e.doc["groups"].get(g)
            if grp is not None and is_global(grp):
                set_gattr(grp, "Authority", 1 if e is engine else 0)

    def cluster_failover(self, engine, g, t):
        """g cannot fail over inside engine's cluster: Auto/Connected move it to the next
        RUNNING cluster of its ClusterList. True when it was handed over."""
        grp = engine.doc["groups"][g]
        a = engine.doc["cluster"]
        if gattr(grp, "ClusterFailOverPolicy") not in ("Auto", "Connected") or not is_global(grp) \
                or is_parallel(grp) or not self.alive(a, t):
            return False
        for c in cluster_list(grp):
            if c == a or c not in self.engines or self.state(a, c, t) != "RUNNING":
                continue
            other = self.engines[c]
            if g not in other.doc["groups"]:
                continue
            if self.online_here(c, g, t, source=a, reason="group %s faulted in cluster %s" % (g, a)):
                engine.log(t, "cluster-failover", group=g, cluster=c)
                return True
        return False

    def handoff(self, engine, g, nxt, t):
        """A cross-cluster switch: g is offline in engine's cluster, now online in nxt["clus"]."""
        a, c = engine.doc["cluster"], nxt["clus"]
        other = self.engines.get(c)
        if other is None or g not in other.doc["groups"] or self.state(a, c, t) != "RUNNING":
            engine.log(t, "switch-abandoned", group=g, cluster=c)
            return
        target = nxt["to"] if nxt["to"] and other.can_start(g, nxt["to"]) else other.choose_target(g)
        if target is None:
            other.log(t, "no-failover-target", group=g, reason="switch from cluster %s" % a)
            return
        engine.log(t, "switch", group=g, source=nxt["from"], cluster=c, target=target)
        other.log(t, "switch", group=g, source="%s:%s" % (a, nxt["from"]), target=target)
        other.begin_online(g, target, t)

    def active_clusters(self, a, g):
        """Clusters (a first, then a's RUNNING remotes) where g is online or in transition."""
        found = []
        for name in [a] + [c for c in self.remotes(a) if self.state(a, c) == "RUNNING"]:
            e = self.engines.get(name)
            if e is not None and g in e.doc["groups"] and e.active_systems(g):
                found.append(name)
        return found
