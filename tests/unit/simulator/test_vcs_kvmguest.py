"""The VCS KVMGuest agent on the simulated libvirt: online defines (GuestConfigFilePath)
and starts the guest, offline shuts it down (or destroys it), the monitor follows the
domain, a guest stopped behind VCS's back or without its disk faults the resource, and a
VM service group (DiskGroup + Volume + KVMGuest) fails over to the other node."""
import time

import pytest

from .test_sim_virsh import SLOW, SPEED, boot_storage, devopen, plain_xml, slow
from .vcs_sim import make

N1, N2 = "prod-n1", "prod-n2"


@pytest.fixture
def ksim(tmp_path):
    sim = make(tmp_path, speed=SPEED)
    sim.disk_group("bootdg", disks=("emc0_0",))
    sim.ok("vxassist -g bootdg make vm01_boot 1g")
    sim.ok("vxdg deport bootdg")
    sim.guest_xml = tmp_path / "vm01.xml"
    sim.guest_xml.write_text(plain_xml("vm01"))
    return sim


def vm_group(sim, storage=True, delay_off=None, systems=(N1, N2)):
    guest = {"GuestName": "vm01", "GuestConfigFilePath": str(sim.guest_xml), "DelayAfterGuestOnline": 2}
    if delay_off is not None:
        guest["DelayAfterGuestOffline"] = delay_off
    resources = [("vm01_kvm", "KVMGuest", guest, ["vm01_vol"] if storage else [])]
    if storage:
        resources = [("vm01_dg", "DiskGroup", {"DiskGroup": "bootdg"}, []),
                     ("vm01_vol", "Volume", {"DiskGroup": "bootdg", "Volume": "vm01_boot"}, ["vm01_dg"])] + resources
    sim.group("vm01_sg", systems=systems, resources=resources)


def online(sim, system):
    sim.ok(["hagrp", "-online", "vm01_sg", "-sys", system])
    assert sim.wait("vm01_sg", "ONLINE", system).rc == 0


def faults(sim):
    return [(e["resource"], e["system"], e["reason"]) for e in sim.fault_log() if e["kind"] == "resource-faulted"]


def test_online_defines_and_starts_the_guest_offline_shuts_it_down(ksim):
    vm_group(ksim)
    online(ksim, N1)
    assert ksim.ok("virsh list --all", node=N1) == " Id   Name   State\n----------------------\n 1    vm01   running\n\n"
    assert ksim.ok("virsh list --all --name", node=N2) == "\n"
    assert devopen(ksim) == "vm01_boot on\n"
    ksim.ok("hagrp -offline vm01_sg -sys prod-n1")
    assert ksim.wait("vm01_sg", "OFFLINE", N1).rc == 0
    assert ksim.ok("virsh domstate vm01 --reason") == "shut off (shutdown)\n\n"
    assert ksim.ok("vxdg list", node=N1).splitlines()[1:] == []          # deported again
    assert faults(ksim) == []


def test_offline_destroys_a_guest_slower_than_delay_after_guest_offline(ksim):
    vm_group(ksim, delay_off=1)
    online(ksim, N1)
    ksim.ok("hagrp -offline vm01_sg -sys prod-n1")
    assert ksim.wait("vm01_sg", "OFFLINE", N1).rc == 0
    assert ksim.ok("virsh domstate vm01 --reason") == "shut off (destroyed)\n\n"


def test_kvmguest_online_faults_when_the_volume_is_not_available(ksim):
    vm_group(ksim, storage=False, systems=(N1,))
    ksim.ok("hagrp -online vm01_sg -sys prod-n1")
    assert ksim.wait("vm01_sg", "OFFLINE|FAULTED", N1).rc == 0
    assert ksim.res_state("vm01_kvm", N1) == "FAULTED"
    assert faults(ksim) == [("vm01_kvm", N1, "cannot start guest vm01 on prod-n1: Cannot access storage file "
                                           "'/dev/vx/dsk/bootdg/vm01_boot': No such file or directory")]
    assert ksim.ok("virsh domstate vm01") == "shut off\n\n"         # defined from the file, not started


def test_missing_config_file_faults_the_resource(ksim):
    ksim.guest_xml.unlink()
    vm_group(ksim, systems=(N1,))
    ksim.ok("hagrp -online vm01_sg -sys prod-n1")
    assert ksim.wait("vm01_sg", "OFFLINE|FAULTED", N1).rc == 0
    assert faults(ksim) == [("vm01_kvm", N1, "cannot read GuestConfigFilePath %s: No such file or directory"
                             % ksim.guest_xml)]


def test_guest_destroyed_behind_vcs_back_faults_and_the_group_fails_over(ksim):
    vm_group(ksim)
    online(ksim, N1)
    ksim.ok("virsh destroy vm01", node=N1)
    assert ksim.res_state("vm01_kvm", N1) == "FAULTED"
    assert ksim.wait("vm01_sg", "ONLINE", N2).rc == 0
    assert faults(ksim) == [("vm01_kvm", N1, "guest vm01 was destroyed outside VCS")]
    assert ksim.ok("virsh list --name", node=N2) == "vm01\n\n"
    assert devopen(ksim, node=N2) == "vm01_boot on\n"
    assert ksim.ok("hagrp -state vm01_sg -sys prod-n1").strip() == "OFFLINE|FAULTED"


def test_guest_shut_down_behind_vcs_back_faults_once_it_is_off(tmp_path):
    ksim = slow(tmp_path)
    ksim.guest_xml = ksim.xml
    ksim.guest_xml.write_text(plain_xml("vm01"))
    boot_storage(ksim)
    ksim.ok("vxdg deport bootdg")
    vm_group(ksim, systems=(N1,))
    online(ksim, N1)
    ksim.ok("virsh shutdown vm01", node=N1)
    assert ksim.res_state("vm01_kvm", N1) == "ONLINE"                  # still shutting down
    time.sleep(3.0 / SLOW + 0.02)
    assert ksim.res_state("vm01_kvm", N1) == "FAULTED"                 # noticed by a VCS command
    assert faults(ksim) == [("vm01_kvm", N1, "guest vm01 was shut down outside VCS")]


def test_monitor_follows_the_domain_on_probe(ksim):
    vm_group(ksim, systems=(N1,))
    online(ksim, N1)
    ksim.ok("hagrp -offline vm01_sg -sys prod-n1")
    assert ksim.wait("vm01_sg", "OFFLINE", N1).rc == 0
    ksim.ok("vxdg import bootdg")
    ksim.ok("virsh start vm01")
    ksim.ok("hares -probe vm01_kvm -sys prod-n1")
    assert ksim.res_state("vm01_kvm", N1) == "ONLINE"


def test_crash_of_the_node_moves_the_vm_group(ksim):
    vm_group(ksim)
    online(ksim, N1)
    assert ksim.admin("fault", "crash-node", N1) == 0
    assert ksim.wait("vm01_sg", "ONLINE", N2, node=N2).rc == 0
    assert ksim.ok("virsh list", node=N2) == " Id   Name   State\n----------------------\n 1    vm01   running\n\n"
    ksim.admin("fault", "restore-node", N1)
    assert ksim.ok("virsh domstate vm01", node=N1) == "shut off\n\n"
    assert ksim.res_state("vm01_kvm", N1) == "OFFLINE"
