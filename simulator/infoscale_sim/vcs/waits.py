"""`hagrp -wait`, `hares -wait`, `haclus -wait`: block until a condition holds or the
timeout passes, without a daemon and without holding the state lock while asleep.

The engine predicts when the condition will hold (it replays the pending transitions on
a copy of the state); the command sleeps until then (real time = simulated time / speed),
re-reads the state and checks again, so changes made meanwhile by other commands count.
When nothing pending would make the condition true it re-checks at least every
NAP_REAL seconds. -time is in simulated seconds, like every VCS duration here.
"""
import json
import time

from . import hooks
from . import messages as msg
from .context import open_cluster
from .engine import Cluster

NAP_REAL = 0.5
EPSILON_REAL = 0.002


def wait(call, condition, timeout):
    """condition(ctx) -> bool. rc 0 when it holds; V-16-1-10805 when timeout passes."""
    speed = call.meta["estate"]["speed"]
    deadline = call.now() + timeout if timeout is not None else None
    while True:
        ctx = open_cluster(call)
        if condition(ctx):
            return 0
        now = call.now()
        if deadline is not None and now >= deadline:
            raise msg.timed_out()
        when = predict(ctx, condition, deadline)
        target = when if when is not None else (deadline if deadline is not None else now + NAP_REAL * speed)
        seconds = min(max(target - now, 0) / speed, NAP_REAL)
        _sleep_unlocked(call, seconds + EPSILON_REAL)
        hooks.settle(call)


def predict(ctx, condition, deadline):
    """Simulated time at which the pending transitions make condition true, or None."""
    if ctx.gco is not None:   # GCO: replay every cluster of the federation
        replay = ctx.gco.copy()
        local = replay.engine(ctx.doc["cluster"])
    else:
        replay = local = Cluster(json.loads(json.dumps(ctx.doc)), json.loads(json.dumps(ctx.vx)), dict(ctx.down),
                                 json.loads(json.dumps(ctx.kvm)) if ctx.kvm is not None else None)
    while True:
        when = replay.next_event_time()
        if when is None or deadline is not None and when > deadline:
            return None
        replay.settle(when)
        if condition(local):
            return when


def _sleep_unlocked(call, seconds):
    """Commit what the call has settled so far, sleep without the write lock, start over."""
    txn = call.txn
    txn.flush()
    txn.conn.execute("COMMIT")
    try:
        time.sleep(seconds)
    finally:
        txn.conn.execute("BEGIN IMMEDIATE")
        txn.discard()


def parse_timeout(text, usage):
    try:
        value = float(text)
    except (TypeError, ValueError):
        raise usage("Invalid timeout %s" % text) from None
    if value < 0:
        raise usage("Invalid timeout %s" % text)
    return value
