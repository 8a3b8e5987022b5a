"""VVR records and where they live.

An RVG is a record of the VxVM disk group that holds its volumes, so it travels with the
disk group (deport/import, VCS failover) and disappears with it:

  dg["rvgs"][name] = {
    "name", "role": "primary" | "secondary",
    "datavols": [volume names, in createpri/addvol order],
    "srl": volume name, "dcm": bool (data volumes carry a DCM; False after -nodcm),
    "started_on": node | None,     # started (vxrvg start, createpri, addsec) where the
                                   # disk group was imported then; a later import elsewhere
                                   # leaves it stopped until it is started again
    "host": node,                  # last host, shown while the disk group is deported
    "rid": "0.<n>",
    "rlinks": {rlink name: rlink},
  }
  rlink = {
    "name", "remote_cluster", "remote_host", "remote_dg", "remote_rvg", "remote_rlink",
    "synchronous": "off"|"override"|"fail", "latencyprot": "off"|"override"|"fail",
    "srlprot": "autodcm"|"dcm"|"override"|"fail"|"off", "bandwidth_limit": bits/s | None,
    "protocol": "TCP"|"UDP",
    # replication state, meaningful on the Primary's rlinks (see replication.py)
    "state": "detached"|"autosync"|"replicating"|"dcm"|"dcm_resync"|"failback"|"fbsync",
    "paused": bool, "consistent": bool, "stale": bool,
    "queue": [[time, bytes, writes], ...],   # SRL backlog, oldest first
    "dcm": bytes to resend from the DCM, "behind_since": time | None,
    "t": simulated time up to which the backlog was drained,
    "takeover": None | {"time", "mode": "fb"|"autofb"|"nofb", "known": bool, "lost_bytes"},
  }

The estate-wide document "vvr" holds the replication links' fault state:
  {"links": {"<from>-<to>": {"down": bool, "since": time | None}}, "log": [...]}
An inter-site link outage (GCO's "wan" document) cuts the replication links between the
clusters of those sites too.
"""
from ..topology import Topology

DOC = "vvr"
WAN_DOC = "wan"                  # vcs/gco.py: {"down": {"siteA|siteB": since}}
SECTOR = 512
SRL_MIN_SECTORS = 110 * 2048     # [gk] the SRL must be at least 110 MB
MAX_QUEUE = 2000                 # SRL backlog entries kept per rlink (older ones merge)
BLANK_STATE = {"state": "detached", "paused": False, "consistent": False, "stale": False,
               "queue": [], "dcm": 0, "behind_since": None, "takeover": None}


def fresh_domain(estate):
    return {"links": {link_name(link): {"down": False, "since": None}
                      for link in estate.get("replication_links", [])}}


def link_name(link):
    return "%s-%s" % (link["from"], link["to"])


class Ctx:
    """The estate as VVR sees it inside one transaction at simulated time `now`."""

    def __init__(self, txn, now):
        self.txn = txn
        self.now = now
        self.topology = Topology(txn.meta()["estate"])

    def vx(self, cluster):
        return self.txn.doc("vxvm:" + cluster)

    def down(self):
        return self.txn.doc("hosts").get("down", {})

    def node_up(self, node):
        return node is not None and node not in self.down()

    def links(self):
        doc = self.txn.doc(DOC)
        if "links" not in doc:
            doc.update(fresh_domain(self.topology.estate))
        return doc["links"]

    def link_between(self, a, b):
        """The estate's replication link joining clusters a and b (either way), or None."""
        for link in self.topology.estate.get("replication_links", []):
            if {link["from"], link["to"]} == {a, b}:
                return link
        return None

    def link_up(self, a, b, wan=True):
        """The replication link between clusters a and b carries data now: not failed with
        `fault replication-link down`, nor (wan=True) cut by an inter-site link outage."""
        link = self.link_between(a, b)
        if link is None or self.links().get(link_name(link), {}).get("down"):
            return False
        return not wan or self.wan_down_since(a, b) is None

    def wan_down_since(self, a, b):
        """Since when the inter-site link between the sites of clusters a and b is down
        (`infoscale-sim fault intersite-link-down`, the GCO 'wan' document), or None."""
        site_a, site_b = self.topology.cluster_site.get(a), self.topology.cluster_site.get(b)
        if site_a is None or site_b is None or site_a == site_b:
            return None
        return self.txn.doc(WAN_DOC).get("down", {}).get("|".join(sorted((site_a, site_b))))

    def sides(self):
        """Every RVG of the estate."""
        for cluster in self.topology.clusters:
            for dg in self.vx(cluster).get("dgs", {}).values():
                for rvg in dg.get("rvgs", {}).values():
                    yield Side(self, cluster, dg, rvg)

    def partner(self, side, rlink):
        """The RVG at the other end of an rlink, or None (disk group gone, RVG deleted)."""
        best = None
        for dg in self.vx(rlink["remote_cluster"]).get("dgs", {}).values():
            rvg = dg.get("rvgs", {}).get(rlink["remote_rvg"])
            if dg["name"] != rlink["remote_dg"] or rvg is None:
                continue
            candidate = Side(self, rlink["remote_cluster"], dg, rvg)
            rank = (candidate.reachable, dg["imported_on"] is not None)
            if best is None or rank > best[0]:
                best = (rank, candidate)
        return best[1] if best else None

    def back_rlink(self, side, rlink):
        """The partner's rlink that points back at `side` (None when absent)."""
        other = self.partner(side, rlink)
        if other is None:
            return None, None
        back = other.rvg["rlinks"].get(rlink["remote_rlink"])
        return other, back


class Side:
    """One RVG with its disk group and cluster."""

    def __init__(self, ctx, cluster, dg, rvg):
        self.ctx = ctx
        self.cluster = cluster
        self.dg = dg
        self.rvg = rvg

    @property
    def name(self):
        return self.rvg["name"]

    @property
    def host(self):
        return self.dg["imported_on"] or self.rvg.get("host")

    @property
    def imported(self):
        return self.dg["imported_on"] is not None

    @property
    def reachable(self):
        """The disk group is imported on a node that is up."""
        return self.imported and self.ctx.node_up(self.dg["imported_on"])

    @property
    def started(self):
        return self.imported and self.rvg.get("started_on") == self.dg["imported_on"]

    @property
    def primary(self):
        return self.rvg["role"] == "primary"

    def volume(self, name):
        return self.dg["volumes"].get(name)

    def vx_doc(self):
        return self.ctx.vx(self.cluster)

    def data_bytes(self):
        return sum(self.dg["volumes"][v]["len"] for v in self.rvg["datavols"]
                   if v in self.dg["volumes"]) * SECTOR

    def srl_bytes(self):
        vol = self.dg["volumes"].get(self.rvg["srl"])
        return vol["len"] * SECTOR if vol else 0

    def same(self, other):
        return other is not None and self.cluster == other.cluster and self.dg is other.dg and self.name == other.name


def rvgs(dg):
    return dg.setdefault("rvgs", {})


def rvg_of_volume(dg, vol_name):
    """(rvg, 'data'|'srl') for a volume that belongs to an RVG of dg, else (None, None)."""
    for rvg in dg.get("rvgs", {}).values():
        if vol_name in rvg["datavols"]:
            return rvg, "data"
        if vol_name == rvg["srl"]:
            return rvg, "srl"
    return None, None


def new_rvg(name, datavols, srl, node, rid, role="primary", dcm=True):
    return {"name": name, "role": role, "datavols": list(datavols), "srl": srl, "dcm": dcm,
            "started_on": node, "host": node, "rid": rid, "rlinks": {}}


def new_rlink(name, remote_cluster, remote_host, remote_dg, remote_rvg, remote_rlink, attrs, now):
    rl = {"name": name, "remote_cluster": remote_cluster, "remote_host": remote_host,
          "remote_dg": remote_dg, "remote_rvg": remote_rvg, "remote_rlink": remote_rlink,
          "synchronous": attrs.get("synchronous", "off"), "latencyprot": attrs.get("latencyprot", "off"),
          "srlprot": attrs.get("srlprot", "autodcm"), "bandwidth_limit": attrs.get("bandwidth_limit"),
          "protocol": attrs.get("protocol", "TCP"), "t": now}
    reset_state(rl, now)
    return rl


def reset_state(rl, now, **changes):
    """Forget an rlink's replication state (detached, nothing queued)."""
    for key, value in BLANK_STATE.items():
        rl[key] = list(value) if isinstance(value, list) else value
    rl["t"] = now
    rl.update(changes)


def next_rid(vx):
    vx["seq"] = vx.get("seq", 0) + 1
    return "0.%d" % (1000 + vx["seq"])
