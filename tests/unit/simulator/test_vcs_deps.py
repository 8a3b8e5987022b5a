"""Group dependencies: what each category/location/rigidity allows on online, offline and
switch, -propagate, and how faults propagate (firm/hard) or not (soft)."""
import pytest

from .vcs_sim import vsim  # noqa: F401 (fixture)

N1, N2, N3 = "prod-n1", "prod-n2", "prod-n3"
NOT_MET = "VCS WARNING V-16-1-10206 Group dependencies are not met for group %s on system %s\n"
PARENTS = "VCS WARNING V-16-1-10207 Cannot offline group %s on system %s: dependent parent groups are online\n"


def pair(sim, link, parallel_child=False):
    """Failover parent P (resource pr) and child C (resource cr), linked with `link`."""
    sim.group("C", resources=[("cr", "Process", {"PathName": "/bin/c"}, [])], parallel=parallel_child)
    sim.group("P", resources=[("pr", "Process", {"PathName": "/bin/p"}, [])],
              extra=["hagrp -link P C %s" % link])


def online(sim, group, system):
    sim.ok(["hagrp", "-online", group, "-sys", system])
    assert sim.wait(group, "ONLINE", system).rc == 0


@pytest.mark.parametrize("rigidity", ["soft", "firm", "hard"])
def test_online_local_needs_the_child_on_the_same_system(vsim, rigidity):
    pair(vsim, "online local " + rigidity)
    failed = vsim.fail("hagrp -online P -sys prod-n1")
    assert failed.err == NOT_MET % ("P", N1)
    online(vsim, "C", N2)
    assert vsim.fail("hagrp -online P -sys prod-n1").err == NOT_MET % ("P", N1)
    online(vsim, "P", N2)


@pytest.mark.parametrize("rigidity", ["soft", "firm"])
def test_online_global_needs_the_child_anywhere(vsim, rigidity):
    pair(vsim, "online global " + rigidity)
    assert vsim.fail("hagrp -online P -sys prod-n3").err == NOT_MET % ("P", N3)
    online(vsim, "C", N1)
    online(vsim, "P", N3)


@pytest.mark.parametrize("rigidity", ["soft", "firm"])
def test_online_remote_needs_the_child_on_another_system(vsim, rigidity):
    pair(vsim, "online remote " + rigidity)
    online(vsim, "C", N1)
    assert vsim.fail("hagrp -online P -sys prod-n1").err == NOT_MET % ("P", N1)
    online(vsim, "P", N2)


def test_offline_local_keeps_the_groups_apart(vsim):
    pair(vsim, "offline local")
    online(vsim, "C", N1)
    assert vsim.fail("hagrp -online P -sys prod-n1").err == NOT_MET % ("P", N1)
    online(vsim, "P", N2)
    vsim.ok("hagrp -offline C -sys prod-n1")
    vsim.wait("C", "OFFLINE", N1)
    assert vsim.fail("hagrp -online C -sys prod-n2").err == NOT_MET % ("C", N2)
    online(vsim, "C", N3)


@pytest.mark.parametrize("link, refused", [
    ("online local soft", False), ("online local firm", True), ("online local hard", True),
    ("online global soft", False), ("online global firm", True), ("online remote firm", True),
    ("online remote soft", False)])
def test_child_offline_with_online_parents(vsim, link, refused):
    pair(vsim, link)
    online(vsim, "C", N1)
    online(vsim, "P", N2 if "remote" in link else N1)
    result = vsim.run("hagrp -offline C -sys prod-n1")
    if refused:
        assert (result.rc, result.err) == (1, PARENTS % ("C", N1))
        assert vsim.group_state("C", N1) == "ONLINE"
    else:
        assert result.rc == 0
        assert vsim.wait("C", "OFFLINE", N1).rc == 0
        assert vsim.group_state("P", N2 if "remote" in link else N1) == "ONLINE"


def test_offline_propagate_takes_parents_down_first(vsim):
    pair(vsim, "online local firm")
    online(vsim, "C", N1)
    online(vsim, "P", N1)
    vsim.ok("hagrp -offline -propagate C -sys prod-n1")
    assert vsim.res_state("cr", N1) == "ONLINE"          # waits for its parent
    assert vsim.wait("P", "OFFLINE", N1).rc == 0
    assert vsim.wait("C", "OFFLINE", N1).rc == 0
    doc = vsim.vcs()
    assert doc["groups"]["P"]["intent"] == 0 and doc["groups"]["C"]["intent"] == 0


def test_online_propagate_brings_children_first(vsim):
    pair(vsim, "online local firm")
    vsim.ok("hagrp -online -propagate P -sys prod-n2")
    assert vsim.group_state("C", N2) == "STARTING|PARTIAL"
    assert vsim.group_state("P", N2) == "STARTING|PARTIAL"
    assert vsim.res_state("pr", N2) == "OFFLINE"          # waits for C
    assert vsim.wait("P", "ONLINE", N2).rc == 0
    assert vsim.group_state("C", N2) == "ONLINE"


def _fault(sim, resource, system):
    assert sim.admin("fault", "resource-now", resource, "--system", system) == 0


def test_firm_local_parent_goes_offline_and_follows_its_child(vsim):
    pair(vsim, "online local firm")
    online(vsim, "C", N1)
    online(vsim, "P", N1)
    _fault(vsim, "cr", N1)
    assert vsim.wait("C", "ONLINE", N2).rc == 0
    assert vsim.wait("P", "ONLINE", N2).rc == 0
    assert vsim.group_state("C", N1) == "OFFLINE|FAULTED"
    assert vsim.group_state("P", N1) == "OFFLINE"
    kinds = [e["kind"] for e in vsim.fault_log()]
    assert kinds.index("parent-offline") < kinds.index("failover")


def test_soft_parent_stays_online_when_its_child_faults(vsim):
    pair(vsim, "online global soft")
    online(vsim, "C", N1)
    online(vsim, "P", N3)
    _fault(vsim, "cr", N1)
    assert vsim.wait("C", "ONLINE", N2).rc == 0
    assert vsim.group_state("P", N3) == "ONLINE"
    assert "parent-offline" not in [e["kind"] for e in vsim.fault_log()]


def test_firm_global_parent_comes_back_where_it_ran(vsim):
    pair(vsim, "online global firm")
    online(vsim, "C", N1)
    online(vsim, "P", N3)
    _fault(vsim, "cr", N1)
    assert vsim.wait("C", "ONLINE", N2).rc == 0
    assert vsim.wait("P", "ONLINE", N3).rc == 0
    assert "parent-offline" in [e["kind"] for e in vsim.fault_log()]


def test_hard_child_goes_with_its_faulted_parent(vsim):
    pair(vsim, "online local hard")
    online(vsim, "C", N1)
    online(vsim, "P", N1)
    _fault(vsim, "pr", N1)
    assert vsim.wait("P", "ONLINE", N2).rc == 0
    assert vsim.group_state("C", N2) == "ONLINE"
    assert vsim.group_state("C", N1) == "OFFLINE"
    assert vsim.group_state("P", N1) == "OFFLINE|FAULTED"


def test_hard_child_keeps_running_when_its_faulted_parent_has_nowhere_to_go(vsim):
    vsim.group("C", resources=[("cr", "Process", {"PathName": "/bin/c"}, [])])
    vsim.group("P", systems=(N1, N2), resources=[("pr", "Process", {"PathName": "/bin/p"}, [])],
               extra=["hagrp -link P C online local hard"])
    online(vsim, "C", N2)
    online(vsim, "P", N2)
    assert vsim.admin("fault", "resource", "pr", "--cluster", "prodclus") == 0     # P fails on every system
    _fault(vsim, "pr", N2)
    assert vsim.wait("C", "ONLINE", N1).rc == 0                         # first fault: C follows P to prod-n1
    assert vsim.wait("P", "OFFLINE|FAULTED", N1).rc == 0                # where P fails too: nowhere left for it
    assert vsim.group_state("C", N1) == "ONLINE"
    assert [vsim.group_state("P", s) for s in (N1, N2)] == ["OFFLINE|FAULTED", "OFFLINE|FAULTED"]


def test_switch_with_dependencies(vsim):
    pair(vsim, "online local firm")
    online(vsim, "C", N1)
    online(vsim, "P", N1)
    assert vsim.fail("hagrp -switch C -to prod-n2").err == PARENTS % ("C", N1)
    assert vsim.fail("hagrp -switch P -to prod-n2").err == NOT_MET % ("P", N2)


def test_switch_of_a_hard_child_moves_its_parent_too(vsim):
    pair(vsim, "online local hard")
    online(vsim, "C", N1)
    online(vsim, "P", N1)
    vsim.ok("hagrp -switch C -to prod-n3")
    assert vsim.wait("C", "ONLINE", N3).rc == 0
    assert vsim.wait("P", "ONLINE", N3).rc == 0
    assert [vsim.group_state(g, N1) for g in ("P", "C")] == ["OFFLINE", "OFFLINE"]


def test_parallel_child_with_local_parents(vsim):
    pair(vsim, "online local firm", parallel_child=True)
    vsim.ok("hagrp -online C -any")
    for s in (N1, N2, N3):
        assert vsim.wait("C", "ONLINE", s).rc == 0
    online(vsim, "P", N2)
    assert vsim.fail("hagrp -switch C -to prod-n1").err == (
        "VCS WARNING V-16-1-10193 Cannot switch parallel group C\n")
