"""`infoscale-sim fault replication-link down|up [--link FROM-TO]`: a replication link of
the estate goes down (rlinks disconnect, SRLs fill, lag grows, DCM logging when an SRL
overflows) or comes back (backlogs drain; DCM logging waits for `vradmin resync`).

Acts on the state directly (no audit row). Every change is recorded in the "vvr"
document's "log" list; --link may be left out when the estate has a single link.
"""
from .. import clock, store
from ..errors import SimStateError
from .model import Ctx, link_name
from .replication import settle

LOG_LIMIT = 1000


def resolve_link(ctx, text):
    links = ctx.topology.estate.get("replication_links", [])
    if not links:
        raise SimStateError("the estate has no replication links")
    if text is None:
        if len(links) > 1:
            raise SimStateError("the estate has several replication links: name one with --link (%s)"
                                % ", ".join(link_name(link) for link in links))
        return links[0]
    for link in links:
        if text in (link_name(link), "%s-%s" % (link["to"], link["from"])):
            return link
    raise SimStateError("unknown replication link %r (links: %s)" % (text, ", ".join(link_name(link) for link in links)))


def link_fault(state_dir, link_text, state):
    """state: 'down' or 'up'."""
    conn = store.connect(state_dir)
    try:
        with store.Transaction(conn) as txn:
            meta = txn.meta()
            ctx = Ctx(txn, clock.now(meta["clock_origin"], meta["estate"]["speed"]))
            link = resolve_link(ctx, link_text)
            settle(ctx)   # drain up to now with the link as it was
            name = link_name(link)
            entry = ctx.links().setdefault(name, {"down": False, "since": None})
            down = state == "down"
            if entry["down"] == down:
                raise SimStateError("replication link %s is already %s" % (name, state))
            entry.update(down=down, since=ctx.now)
            log = txn.doc("vvr").setdefault("log", [])
            log.append({"time": ctx.now, "event": "replication-link-%s" % state, "link": name})
            del log[:-LOG_LIMIT]
            txn.flush()
    finally:
        conn.close()
    return 0
