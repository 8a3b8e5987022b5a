"""Time without a daemon: VCS operations as timed resource transitions.

Starting an operation records, per resource and system, a transition {op, start, end}
(end = start + the agent time of the resource's type). `settle(now)` applies every
transition that has ended, in time order, with its side effects (agents acting on VxVM)
and what VCS does next: start the next resources of a group (children first when
onlining, parents first when offlining), fault a group when a critical resource faults,
take it offline and fail it over to the next system by SystemList priority, propagate
faults to firm/hard parents. All times are simulated seconds (clock.now()).
Settling is deterministic: the same stored state and time always give the same result.
"""
from . import agents
from .model import critical, enabled, gattr, is_frozen, is_parallel, offline_time, online_time, set_gattr, system_list

ONLINE, OFFLINE, FAULTED = "ONLINE", "OFFLINE", "FAULTED"
MAX_EVENTS = 200000
LOG_LIMIT = 1000


class Cluster:
    """One cluster's VCS document with its VxVM document, the set of crashed nodes and
    the cluster's KVM document (None: KVMGuest resources only take their time)."""

    def __init__(self, doc, vx, down, kvm=None):
        self.doc = doc
        self.vx = vx
        self.down = down
        self.kvm = kvm
        self.gco = None   # the gco.Federation of the estate's clusters, when GCO is configured
        self.txn = None   # the call's store.Transaction: agents on other domains (VVR) need it
        self.at = None    # simulated time of the transition being completed (for agents)
        self._index = None

    # ================================================================ indexes
    def forget(self):
        """Resources, resource links or group links changed: rebuild the indexes."""
        self._index = None

    def _indexes(self):
        if self._index is None:
            members, res_parents, grp_parents = {}, {}, {}
            for r, res in self.doc["resources"].items():
                members.setdefault(res["group"], []).append(r)
                for child in res["children"]:
                    res_parents.setdefault(child, []).append(r)
            for g, grp in self.doc["groups"].items():
                for dep in grp["deps"]:
                    grp_parents.setdefault(dep["child"], []).append((g, dep))
            self._index = (members, res_parents, grp_parents)
        return self._index

    def members(self, group):
        """Resources of the group, in the order they were added."""
        return self._indexes()[0].get(group, [])

    def res_parents(self, resource):
        return self._indexes()[1].get(resource, [])

    def group_parents(self, child):
        """(parent, dependency) for every group that depends on `child`."""
        return self._indexes()[2].get(child, [])

    # ================================================================ reads
    def system_state(self, system):
        if system in self.down:
            return "FAULTED"
        if not self.doc["systems"][system]["had"]:
            return "EXITED"
        return "RUNNING"

    def running(self, system):
        return self.system_state(system) == "RUNNING"

    def rt(self, resource, system):
        return self.doc["resources"][resource]["rt"][system]

    def resource_state(self, resource, system):
        rr = self.rt(resource, system)
        if not rr["probed"] and rr["state"] == OFFLINE and not rr["busy"]:
            return "OFFLINE|STATE UNKNOWN"
        return rr["state"]

    def istate(self, resource, system):
        busy = self.rt(resource, system)["busy"]
        if busy is None:
            return "not waiting"
        return "W_ONLINE" if busy["op"] == "online" else "W_OFFLINE"

    def _online_or_busy(self, resource, system):
        rr = self.rt(resource, system)
        return rr["state"] == ONLINE or rr["busy"] is not None

    def is_active(self, group, system):
        """The group is (partly) online, or an operation runs, on system."""
        if self.doc["groups"][group]["rt"][system]["op"]:
            return True
        return any(self._online_or_busy(r, system) for r in self.members(group))

    def active_systems(self, group):
        return [s for s in self.doc["systems"] if self.is_active(group, s)]

    def group_state(self, group, system):
        """State without pipes: ONLINE, OFFLINE, PARTIAL, STARTING|PARTIAL, STOPPING|PARTIAL,
        FAULTED (fault being handled), OFFLINE|FAULTED."""
        gr = self.doc["groups"][group]["rt"][system]
        names = self.members(group)
        any_up = any(self._online_or_busy(r, system) for r in names)
        if gr["faulted"]:
            return "FAULTED" if any_up else "OFFLINE|FAULTED"
        if gr["op"] == "online":
            return "STARTING|PARTIAL"
        if gr["op"] == "offline":
            return "STOPPING|PARTIAL"
        wanted = [r for r in names if enabled(self.doc["resources"][r])]
        if wanted and all(self.rt(r, system)["state"] == ONLINE for r in wanted):
            return ONLINE
        return "PARTIAL" if any_up else OFFLINE

    def group_probed(self, group, system):
        return all(self.rt(r, system)["probed"] for r in self.members(group)
                   if enabled(self.doc["resources"][r]))

    # ================================================================ time
    def next_event_time(self):
        found = self._next()
        return found[0] if found else None

    def _next(self):
        best = None
        for key, (end, seq) in self.doc["busy"].items():
            if best is None or (end, seq) < (best[0], best[1]):
                best = (end, seq, key)
        return best

    def settle(self, now):
        """Apply every transition that ended at or before `now`, in time order."""
        for _ in range(MAX_EVENTS):
            found = self._next()
            if found is None or found[0] > now:
                return
            resource, system = found[2].split("\t")
            self._complete(resource, system, found[0])
        raise RuntimeError("VCS engine: too many transitions in one settle")

    def _set_busy(self, resource, system, op, t, duration, fail=False):
        self.doc["seq"] += 1
        busy = {"op": op, "start": t, "end": t + duration, "seq": self.doc["seq"], "fail": fail}
        self.rt(resource, system)["busy"] = busy
        self.doc["busy"]["%s\t%s" % (resource, system)] = [busy["end"], busy["seq"]]

    def _clear_busy(self, resource, system):
        busy = self.rt(resource, system)["busy"]
        self.rt(resource, system)["busy"] = None
        self.doc["busy"].pop("%s\t%s" % (resource, system), None)
        return busy

    def log(self, t, kind, **details):
        entries = self.doc["faults"]["log"]
        entries.append(dict({"time": t, "kind": kind}, **details))
        del entries[:-LOG_LIMIT]

    # ================================================================ resource transitions
    def start_resource_online(self, resource, system, t):
        res = self.doc["resources"][resource]
        fail = self._take_injected(resource, system, t)
        self._set_busy(resource, system, "online", t, online_time(self.doc, res), fail)

    def start_resource_offline(self, resource, system, t):
        self._set_busy(resource, system, "offline", t, offline_time(self.doc, self.doc["resources"][resource]))

    def _take_injected(self, resource, system, t):
        pending = self.doc["faults"]["pending"]
        for i, entry in enumerate(pending):
            if entry["resource"] == resource:
                del pending[i]
                self.log(t, "injected-fault-used", resource=resource, system=system)
                return True
        return False

    def _complete(self, resource, system, t):
        res = self.doc["resources"][resource]
        rr = res["rt"][system]
        busy = self._clear_busy(resource, system)
        rr["probed"] = True
        self.at = t
        if busy["op"] == "online":
            reason = "injected fault" if busy["fail"] else agents.online(self, res, system)
            if reason is None:
                rr["state"] = ONLINE
                res["last_online"] = system
            else:
                rr["state"] = FAULTED
                self.log(t, "resource-faulted", resource=resource, system=system, reason=reason)
                self._resource_faulted(resource, system, t)
        else:
            reason = agents.offline(self, res, system)
            if reason is None:
                rr["state"] = OFFLINE
            else:
                rr["state"] = ONLINE
                self.log(t, "offline-failed", resource=resource, system=system, reason=reason)
                self.doc["groups"][res["group"]]["rt"][system]["op"] = None
        self._advance(res["group"], system, t)

    def fault_now(self, resource, system, t):
        """An online resource faults now (infoscale-sim fault resource-now)."""
        rr = self.rt(resource, system)
        if rr["busy"]:
            self._clear_busy(resource, system)
        rr["state"] = FAULTED
        self.log(t, "resource-faulted", resource=resource, system=system, reason="injected fault")
        self._resource_faulted(resource, system, t)
        self._advance(self.doc["resources"][resource]["group"], system, t)

    def probe(self, resource, system):
        res = self.doc["resources"][resource]
        rr = res["rt"][system]
        if rr["busy"] or rr["state"] == FAULTED:
            rr["probed"] = True
            return
        rr["state"] = agents.probe(self, res, system, rr["state"])
        rr["probed"] = True

    # ================================================================ group operations
    def begin_online(self, group, system, t, moved_from=None):
        grp = self.doc["groups"][group]
        grp["intent"] = 1
        if gattr(grp, "ClusterList"):   # a global group: this cluster takes its Authority
            if self.gco is not None:
                self.gco.claim(self, group)
            else:
                set_gattr(grp, "Authority", 1)
        grp["rt"][system]["op"] = "online"
        self._advance(group, system, t)
        if moved_from is not None:
            self._wake_followers(group, system, t)

    def begin_offline(self, group, system, t, explicit=True):
        grp = self.doc["groups"][group]
        if explicit:
            grp["intent"] = 0
        grp["rt"][system]["op"] = "offline"
        self._advance(group, system, t)

    def switch(self, group, source, target, t, cluster=None):
        """Take the group offline on source, then online on target (in another cluster of
        the federation when `cluster` is given; target None: chosen there then)."""
        grp = self.doc["groups"][group]
        grp["next"] = {"from": source, "kind": "switch", "to": target}
        if cluster is not None:
            grp["next"]["clus"] = cluster
        grp["rt"][source]["op"] = "offline"
        self._advance(group, source, t)

    def flush(self, group, system):
        grp = self.doc["groups"][group]
        grp["rt"][system]["op"] = None
        if grp["next"] and grp["next"]["from"] == system:
            grp["next"] = None
        for r in self.members(group):
            if self.rt(r, system)["busy"]:
                self._clear_busy(r, system)

    def clear_group(self, group, system):
        self.doc["groups"][group]["rt"][system]["faulted"] = False
        for r in self.members(group):
            rr = self.rt(r, system)
            if rr["state"] == FAULTED:
                rr["state"] = OFFLINE

    def clear_resource(self, resource, system):
        self.rt(resource, system)["state"] = OFFLINE
        res = self.doc["resources"][resource]
        names = self.members(res["group"])
        if not any(self.rt(r, system)["state"] == FAULTED and critical(self.doc["resources"][r]) for r in names):
            self.doc["groups"][res["group"]]["rt"][system]["faulted"] = False

    def _advance(self, group, system, t):
        op = self.doc["groups"][group]["rt"][system]["op"]
        if op == "online":
            self._advance_online(group, system, t)
        elif op == "offline":
            self._advance_offline(group, system, t)

    def _advance_online(self, group, system, t):
        gr = self.doc["groups"][group]["rt"][system]
        if not self.deps_ready(group, system):
            if self._deps_hopeless(group, system):
                gr["op"] = None
                self.log(t, "online-abandoned", group=group, system=system, reason="dependencies not met")
            return
        resources = self.doc["resources"]
        wanted = [r for r in self.members(group) if enabled(resources[r])]
        in_flight = False
        for r in wanted:
            rr = resources[r]["rt"][system]
            if rr["busy"]:
                in_flight = True
                continue
            if rr["state"] != OFFLINE:
                continue
            children = [c for c in resources[r]["children"] if enabled(resources[c])]
            if all(resources[c]["rt"][system]["state"] == ONLINE and not resources[c]["rt"][system]["busy"]
                   for c in children):
                self.start_resource_online(r, system, t)
                in_flight = True
        if all(resources[r]["rt"][system]["state"] == ONLINE and not resources[r]["rt"][system]["busy"]
               for r in wanted):
            gr["op"] = None
            self._online_done(group, system, t)
        elif not in_flight:
            gr["op"] = None
            self.log(t, "online-incomplete", group=group, system=system)

    def _advance_offline(self, group, system, t):
        gr = self.doc["groups"][group]["rt"][system]
        if self._parents_hold(group, system):
            return
        resources = self.doc["resources"]
        names = self.members(group)
        in_flight = False
        for r in names:
            rr = resources[r]["rt"][system]
            if rr["busy"]:
                in_flight = True
                continue
            if rr["state"] != ONLINE:
                continue
            if not any(self._online_or_busy(p, system) for p in self.res_parents(r)):
                self.start_resource_offline(r, system, t)
                in_flight = True
        if not any(self._online_or_busy(r, system) for r in names):
            gr["op"] = None
            self._offline_done(group, system, t)
        elif not in_flight:
            gr["op"] = None
            self.log(t, "offline-incomplete", group=group, system=system)

    def _online_done(self, group, system, t):
        for parent, _dep in self.group_parents(group):
            for ps, pr in self.doc["groups"][parent]["rt"].items():
                if pr["op"] == "online":
                    self._advance(parent, ps, t)

    def _offline_done(self, group, system, t):
        grp = self.doc["groups"][group]
        nxt = grp["next"]
        if nxt and nxt["from"] == system and nxt.get("clus"):
            grp["next"] = None
            if self.gco is not None:
                self.gco.handoff(self, group, nxt, t)
            else:
                self.log(t, "switch-abandoned", group=group, cluster=nxt["clus"])
        elif nxt and nxt["from"] == system and nxt["kind"] in ("switch", "failover"):
            grp["next"] = None
            if nxt["kind"] == "switch":
                target = nxt["to"] if nxt["to"] and self.can_start(group, nxt["to"]) else None
            else:
                target = self.choose_target(group, exclude=(system,))
            if target:
                self._send_followers(group, system, target)
                self.log(t, "failover" if nxt["kind"] == "failover" else "switch", group=group,
                         source=system, target=target)
                self.begin_online(group, target, t, moved_from=system)
            elif nxt["kind"] == "failover" and not self._cluster_failover(group, t):
                self.log(t, "no-failover-target", group=group, system=system)
        if grp["follow"]:
            self._resume_follower(group, t)
        for dep in grp["deps"]:
            child = dep["child"]
            for cs, cr in self.doc["groups"][child]["rt"].items():
                if cr["op"] == "offline":
                    self._advance(child, cs, t)

    # ================================================================ dependencies
    def deps_ready(self, group, system):
        for dep in self.doc["groups"][group]["deps"]:
            child, location = dep["child"], dep["location"]
            if dep["category"] == "offline":
                continue
            if location == "local" and self.group_state(child, system) != ONLINE:
                return False
            if location == "global" and not any(self.group_state(child, s) == ONLINE for s in self.doc["systems"]):
                return False
            if location == "remote" and not any(self.group_state(child, s) == ONLINE
                                                for s in self.doc["systems"] if s != system):
                return False
        return True

    def _deps_hopeless(self, group, system):
        for dep in self.doc["groups"][group]["deps"]:
            if dep["category"] != "online":
                continue
            child = self.doc["groups"][dep["child"]]
            coming = child["next"] is not None or any(
                cr["op"] == "online" or self.group_state(dep["child"], s) == ONLINE
                for s, cr in child["rt"].items())
            if not coming:
                return True
        return False

    def _running(self, group, system):
        """Some resource of the group is online or in transition on system."""
        return any(self._online_or_busy(r, system) for r in self.members(group))

    def _parents_hold(self, group, system):
        """Offline waits while firm/hard online parents depending on this instance run
        (a parent that only waits to come online holds nothing)."""
        for parent, dep in self.group_parents(group):
            if dep["category"] != "online" or dep["rigidity"] == "soft":
                continue
            if dep["location"] == "local":
                if self._running(parent, system):
                    return True
            elif dep["location"] == "global":
                others = [s for s in self.doc["systems"] if s != system and self.group_state(group, s) == ONLINE]
                if not others and any(self._running(parent, s) for s in self.doc["systems"]):
                    return True
            else:
                if any(self._running(parent, s) for s in self.doc["systems"] if s != system):
                    return True
        return False

    def can_start(self, group, system, follower_of=None):
        """Could the group be brought online on system now (failover/switch target)?"""
        grp = self.doc["groups"][group]
        if not self.running(system) or system not in gattr(grp, "SystemList"):
            return False
        if self.doc["systems"][system]["frozen"] or self.doc["systems"][system]["tfrozen"]:
            return False
        if grp["rt"][system]["faulted"] or not gattr(grp, "Enabled"):
            return False
        for dep in grp["deps"]:
            child = self.doc["groups"][dep["child"]]
            here = self.is_active(dep["child"], system) or self.group_state(dep["child"], system) == ONLINE
            if dep["category"] == "offline":
                if here:
                    return False
            elif dep["location"] == "local":
                follows = child["next"] and child["next"].get("parent") == group
                if not here and not follows:
                    return False
            elif dep["location"] == "remote":
                if not any(self.is_active(dep["child"], s) for s in self.doc["systems"] if s != system):
                    return False
        return True

    def choose_target(self, group, exclude=()):
        grp = self.doc["groups"][group]
        for system in system_list(grp):
            if system not in exclude and self.can_start(group, system):
                return system
        return None

    # ================================================================ faults
    def _resource_faulted(self, resource, system, t):
        res = self.doc["resources"][resource]
        if critical(res):
            self._group_fault(res["group"], system, t)

    def _group_fault(self, group, system, t):
        grp = self.doc["groups"][group]
        gr = grp["rt"][system]
        if is_frozen(grp) or gr["faulted"] or gattr(grp, "ManageFaults") == "NONE":
            return
        gr["faulted"] = True
        gr["op"] = "offline"
        self.log(t, "group-faulted", group=group, system=system)
        if not is_parallel(grp) and gattr(grp, "AutoFailOver"):
            grp["next"] = {"from": system, "kind": "failover", "to": None}
        for dep in grp["deps"]:   # online local hard: the child goes with its parent, when it can go somewhere
            if dep["category"] == "online" and dep["location"] == "local" and dep["rigidity"] == "hard" \
                    and self._may_fail_over(group, system):
                child = self.doc["groups"][dep["child"]]
                if self.is_active(dep["child"], system) and not is_frozen(child):
                    child["next"] = {"from": system, "kind": "follow", "parent": group, "to": None}
                    child["rt"][system]["op"] = "offline"
                    self._advance(dep["child"], system, t)
        self._propagate(group, system, t)

    def _may_fail_over(self, group, system):
        """Has the faulted failover group another system it could run on (its online local children
        aside, which would follow it)? Without one, VCS leaves those children running where they are."""
        grp = self.doc["groups"][group]
        if is_parallel(grp) or not gattr(grp, "AutoFailOver") or not gattr(grp, "Enabled"):
            return False
        return any(s != system and self.running(s) and not grp["rt"][s]["faulted"]
                   and not (self.doc["systems"][s]["frozen"] or self.doc["systems"][s]["tfrozen"])
                   for s in system_list(grp))

    def _propagate(self, group, system, t):
        """The instance of `group` on `system` is lost: firm/hard parents go offline and
        will follow it (local) or come back once it is online again (global/remote)."""
        for parent, dep in self.group_parents(group):
            if dep["category"] != "online" or dep["rigidity"] == "soft":
                continue
            pgrp = self.doc["groups"][parent]
            if is_frozen(pgrp):
                continue
            if dep["location"] == "local":
                systems = [system]
            elif dep["location"] == "global":
                if any(self.group_state(group, s) == ONLINE for s in self.doc["systems"] if s != system):
                    continue
                systems = self.doc["systems"]
            else:
                systems = [s for s in self.doc["systems"] if s != system]
            for ps in systems:
                if self.is_active(parent, ps) and pgrp["rt"][ps]["op"] != "offline":
                    pgrp["follow"] = {"child": group, "location": dep["location"], "sys": ps, "from": system}
                    pgrp["rt"][ps]["op"] = "offline"
                    self.log(t, "parent-offline", group=parent, system=ps, child=group)
                    self._propagate(parent, ps, t)
                    self._advance(parent, ps, t)

    def _send_followers(self, group, source, target):
        """Children of an online-local-hard dependency that follow `group` go to target."""
        for child in self.doc["groups"].values():
            nxt = child["next"]
            if nxt and nxt.get("parent") == group and nxt["from"] == source:
                nxt["kind"], nxt["to"] = "switch", target

    def _wake_followers(self, child, target, t):
        for name, pgrp in self.doc["groups"].items():
            if pgrp["follow"] and pgrp["follow"]["child"] == child:
                self._resume_follower(name, t)

    def _resume_follower(self, name, t):
        """A parent taken offline because its child was lost comes back where the child is
        (local) or where it ran before (global/remote), once its own offline is done."""
        pgrp = self.doc["groups"][name]
        follow = pgrp["follow"]
        if pgrp["rt"][follow["sys"]]["op"] == "offline":
            return
        child = follow["child"]
        if follow["location"] == "local":
            if is_parallel(self.doc["groups"][child]):
                dest = follow["sys"] if self.is_active(child, follow["sys"]) else None
            else:
                dest = next((s for s in self.doc["systems"]
                             if s != follow["sys"] and self.is_active(child, s)), None)
        else:
            lost = follow.get("from")
            elsewhere = [s for s in self.active_systems(child) if s != lost]
            dest = follow["sys"] if elsewhere else None
        if dest is None:
            return
        pgrp["follow"] = None
        if self.can_start(name, dest) and (is_parallel(pgrp) or not self.active_systems(name)):
            self.begin_online(name, dest, t, moved_from=follow["sys"])

    # ================================================================ nodes
    def crash(self, node, t):
        """The node dies: its resources are gone, its groups fault there and fail over."""
        self.down[node] = t
        lost = []
        for group in self.children_first():
            grp = self.doc["groups"][group]
            active = self.is_active(group, node) or bool(grp["next"] and grp["next"]["from"] == node)
            for r in self.members(group):
                if self.rt(r, node)["busy"]:
                    self._clear_busy(r, node)
                if self.rt(r, node)["state"] == ONLINE:
                    self.rt(r, node)["state"] = OFFLINE
            grp["rt"][node]["op"] = None
            if active:
                grp["rt"][node]["faulted"] = True
                if grp["next"] and grp["next"]["from"] == node:
                    grp["next"] = None
                lost.append(group)
        agents.node_lost(self, node)
        self.log(t, "node-crashed", system=node, groups=lost)
        for group in lost:
            grp = self.doc["groups"][group]
            if is_frozen(grp):
                continue
            self._propagate(group, node, t)
            if not is_parallel(grp) and gattr(grp, "AutoFailOver"):
                target = self.choose_target(group, exclude=(node,))
                if target:
                    self.log(t, "failover", group=group, source=node, target=target)
                    self.begin_online(group, target, t, moved_from=node)
                elif not self._cluster_failover(group, t):
                    self.log(t, "no-failover-target", group=group, system=node)

    def _cluster_failover(self, group, t):
        """No system of this cluster can take the group: a global group may go to another
        cluster (ClusterFailOverPolicy Auto/Connected, see gco.py)."""
        return self.gco is not None and self.gco.cluster_failover(self, group, t)

    def restore(self, node, t):
        """The node is back (after a crash or a HAD stop): fresh probes there."""
        crashed = self.down.pop(node, None) is not None
        self.doc["systems"][node]["had"] = True
        if crashed:
            for group, grp in self.doc["groups"].items():
                grp["rt"][node] = {"op": None, "faulted": False}
            for r, res in self.doc["resources"].items():
                rr = res["rt"][node]
                rr["state"], rr["busy"] = OFFLINE, None
                if enabled(res):
                    self.probe(r, node)
        self.log(t, "node-restored", system=node)

    def children_first(self):
        order, seen = [], set()

        def visit(name):
            if name in seen:
                return
            seen.add(name)
            for dep in self.doc["groups"][name]["deps"]:
                visit(dep["child"])
            order.append(name)

        for name in self.doc["groups"]:
            visit(name)
        return order
