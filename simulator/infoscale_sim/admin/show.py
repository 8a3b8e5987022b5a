"""Human summary of a simulated estate (`infoscale-sim show`)."""
from .. import store
from ..sizes import megabytes
from ..vxvm.model import publen


def _size(sectors):
    mib = megabytes(sectors)
    return "%.1fG" % (mib / 1024) if mib >= 1024 else "%dM" % mib


def summary(state_dir):
    conn = store.connect(state_dir)
    try:
        meta = store.read_meta(conn)
        estate = meta["estate"]
        lines = ["Estate %s (speed %g)" % (estate["name"], estate["speed"])]
        for site in estate["sites"]:
            lines.append("site %s" % site["name"])
            for cluster in site["clusters"]:
                doc = store.read_domain(conn, "vxvm:" + cluster["name"])
                disks = doc["disks"]
                free = sum(1 for d in disks.values() if d["dgid"] is None)
                lines.append("  cluster %s: nodes %s; %d disks (%d not in a disk group)"
                             % (cluster["name"], ", ".join(cluster["nodes"]), len(disks), free))
                lines.extend(_vcs_lines(conn, meta, cluster["name"], doc))
                for dg in sorted(doc["dgs"].values(), key=lambda g: g["name"]):
                    where = "imported on %s" % dg["imported_on"] if dg["imported_on"] else "deported"
                    size = sum(publen(disks[da]) for da in dg["dms"].values())
                    lines.append("    disk group %s (%s): %d disks, %s" % (dg["name"], where,
                                                                         len(dg["dms"]), _size(size)))
                    for name in sorted(dg["volumes"]):
                        vol = dg["volumes"][name]
                        extra = ", open on %s" % vol["open"] if vol.get("open") else ""
                        lines.append("      volume %s: %s %s %s%s" % (name, _size(vol["len"]),
                                                                    vol["layout"], vol["kstate"], extra))
        for link in estate["replication_links"]:
            lines.append("replication %s -> %s (%d bit/s, %g ms)" % (
                link["from"], link["to"], link["bandwidth_bps"], link["latency_ms"]))
        calls = conn.execute("SELECT COUNT(*), COALESCE(SUM(changed), 0), "
                             "COALESCE(SUM(rc != 0), 0) FROM audit").fetchone()
        lines.append("audit: %d calls, %d changed state, %d failed" % calls)
        return "\n".join(lines) + "\n"
    finally:
        conn.close()


def _vcs_lines(conn, meta, cluster, vx):
    """VCS of one cluster: systems that are not RUNNING and each group's state, as of now
    (settled in memory only)."""
    from .. import clock
    from ..vcs.engine import Cluster

    doc = store.read_domain(conn, "vcs:" + cluster)
    if not doc:
        return []
    ctx = Cluster(doc, vx, store.read_domain(conn, "hosts").get("down", {}),
                  store.read_domain(conn, "kvm:" + cluster) or None)
    ctx.settle(clock.now(meta["clock_origin"], meta["estate"]["speed"]))
    odd = ["%s %s" % (s, ctx.system_state(s)) for s in doc["systems"] if ctx.system_state(s) != "RUNNING"]
    lines = ["    vcs: configuration %s, %d groups, %d resources%s" % (
        "read-only" if doc["readonly"] else "writable", len(doc["groups"]), len(doc["resources"]),
        "; " + ", ".join(odd) if odd else "")]
    for name in sorted(doc["groups"]):
        states = ["%s %s" % (s, ctx.group_state(name, s)) for s in doc["systems"]
                  if s in doc["groups"][name]["attrs"].get("SystemList", {})]
        lines.append("      group %s: %s" % (name, ", ".join(states) or "no systems"))
    return lines
