"""Simulated time: real time since the estate's clock origin, scaled by the estate speed.

Later domains (VCS resources coming online over time, replication lag) compute their
states on read from start times stored in the state and this clock.
"""
import time


def now(origin, speed):
    """Simulated epoch seconds: origin + elapsed real time * speed."""
    return origin + (time.time() - origin) * speed


def real_seconds(sim_seconds, speed):
    """How long to really wait for `sim_seconds` of simulated time."""
    return sim_seconds / speed
