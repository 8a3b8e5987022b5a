"""virsh on the simulated libvirt of each node: exact outputs and errors, the domain
lifecycle with simulated time, disks on VxVM volumes (availability, open state), node crash."""
import time

import pytest

from .vcs_sim import make

N1, N2 = "prod-n1", "prod-n2"
SPEED = 500.0
SLOW = 40.0     # 3 s guest shutdown = 75 ms
UUID = "4dea22b3-1d52-d8f3-2516-782e98ab3fa0"
VM01 = """<domain type='kvm'>
  <name>vm01</name>
  <uuid>%s</uuid>
  <memory unit='GiB'>2</memory>
  <currentMemory unit='MiB'>1024</currentMemory>
  <vcpu>2</vcpu>
  <os><type arch='x86_64'>hvm</type></os>
  <devices>
    <disk type='block' device='disk'>
      <driver name='qemu' type='raw'/>
      <source dev='/dev/vx/dsk/bootdg/vm01_boot'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='file' device='cdrom'><target dev='sda' bus='sata'/><readonly/></disk>
    <interface type='bridge'>
      <mac address='52:54:00:6b:3c:58'/>
      <source bridge='br0'/>
      <model type='virtio'/>
    </interface>
  </devices>
</domain>
""" % UUID
DUMP = """<domain type='kvm'%s>
  <name>vm01</name>
  <uuid>4dea22b3-1d52-d8f3-2516-782e98ab3fa0</uuid>
  <memory unit='KiB'>2097152</memory>
  <currentMemory unit='KiB'>1048576</currentMemory>
  <vcpu placement='static'>2</vcpu>
  <os>
    <type arch='x86_64'>hvm</type>
  </os>
  <devices>
    <disk type='block' device='disk'>
      <driver name='qemu' type='raw'/>
      <source dev='/dev/vx/dsk/bootdg/vm01_boot'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <disk type='file' device='cdrom'>
      <target dev='sda' bus='sata'/>
      <readonly/>
    </disk>
    <interface type='bridge'>
      <mac address='52:54:00:6b:3c:58'/>
      <source bridge='br0'/>
      <model type='virtio'/>
    </interface>
  </devices>
</domain>

"""


def plain_xml(name, disk="/dev/vx/dsk/bootdg/%s_boot", memory="1048576"):
    return ("<domain type='kvm'><name>%s</name><memory>%s</memory><devices><disk type='block'>"
            "<source dev='%s'/><target dev='vda'/></disk></devices></domain>" % (name, memory, disk % name))


@pytest.fixture
def ksim(tmp_path):
    sim = make(tmp_path, speed=SPEED)
    sim.xml = tmp_path / "vm01.xml"
    sim.xml.write_text(VM01)
    return sim


def boot_storage(sim, node=N1, volumes=("vm01_boot",)):
    sim.disk_group("bootdg", disks=("emc0_0",), node=node)
    for vol in volumes:
        sim.ok(["vxassist", "-g", "bootdg", "make", vol, "1g"], node)


def devopen(sim, node=N1):
    return sim.ok(["vxprint", "-g", "bootdg", "-q", "-v", "-F", "%name %devopen"], node)


def kvm_doc(sim, cluster="prodclus"):
    from infoscale_sim import store

    conn = store.connect(sim.state)
    try:
        return store.read_domain(conn, "kvm:" + cluster)
    finally:
        conn.close()


def test_define_list_and_reads_of_an_inactive_domain(ksim):
    assert ksim.ok("virsh list --all") == " Id   Name   State\n--------------------\n\n"
    assert ksim.ok(["virsh", "define", str(ksim.xml)]) == "Domain 'vm01' defined from %s\n\n" % ksim.xml
    assert ksim.ok("virsh list") == " Id   Name   State\n--------------------\n\n"
    assert ksim.ok("virsh list --all") == (" Id   Name   State\n"
                                           "-----------------------\n"
                                           " -    vm01   shut off\n\n")
    assert ksim.ok("virsh list --all --name") == "vm01\n\n"
    assert ksim.ok("virsh domstate vm01") == "shut off\n\n"
    assert ksim.ok("virsh domstate vm01 --reason") == "shut off (unknown)\n\n"
    assert ksim.ok("virsh dominfo vm01") == (
        "Id:             -\n"
        "Name:           vm01\n"
        "UUID:           %s\n"
        "OS Type:        hvm\n"
        "State:          shut off\n"
        "CPU(s):         2\n"
        "Max memory:     2097152 KiB\n"
        "Used memory:    1048576 KiB\n"
        "Persistent:     yes\n"
        "Autostart:      disable\n"
        "Managed save:   no\n\n" % UUID)
    assert ksim.ok("virsh domblklist vm01") == (" Target   Source\n"
                                                "----------------------------------------\n"
                                                " vda      /dev/vx/dsk/bootdg/vm01_boot\n"
                                                " sda      -\n\n")
    assert ksim.ok("virsh domblklist vm01 --details").splitlines()[2] == (
        " block   disk     vda      /dev/vx/dsk/bootdg/vm01_boot")
    assert ksim.ok("virsh domiflist vm01").splitlines()[2] == " -           bridge   br0      virtio   52:54:00:6b:3c:58"
    assert ksim.ok("virsh dumpxml vm01") == DUMP % ""
    assert ksim.ok("virsh domuuid vm01") == UUID + "\n\n"
    assert ksim.ok(["virsh", "dominfo", UUID]).splitlines()[1] == "Name:           vm01"
    assert ksim.ok("virsh -q list --all") == " -    vm01   shut off\n"
    assert ksim.ok(["virsh", "-q", "define", str(ksim.xml)]) == ""


def test_domains_are_per_node_and_redefining_the_same_xml_changes_nothing(ksim):
    ksim.ok(["virsh", "define", str(ksim.xml)])
    assert ksim.ok("virsh list --all --name", node=N2) == "\n"
    ksim.ok(["virsh", "define", str(ksim.xml)])
    assert [row["changed"] for row in ksim.log() if row["argv"][:2] == ["virsh", "define"]] == [True, False]
    generated = ksim.xml.parent / "vm02.xml"
    generated.write_text(plain_xml("vm02"))
    ksim.ok(["virsh", "define", str(generated)])
    first = ksim.ok("virsh domuuid vm02")
    ksim.ok(["virsh", "define", str(generated)])        # no uuid in the XML: the domain keeps its own
    assert ksim.ok("virsh domuuid vm02") == first and len(first.strip()) == 36
    dump = ksim.ok("virsh dumpxml vm02")
    assert "<memory unit='KiB'>1048576</memory>" in dump and "<vcpu placement='static'>1</vcpu>" in dump


@pytest.mark.parametrize("text, lines", [
    ("not xml", ["error: Failed to define domain from {f}", "error: (domain_definition):1: syntax error"]),
    ("<vm/>", ["error: Failed to define domain from {f}",
               "error: XML error: unexpected root element <vm>, expecting <domain>"]),
    ("<domain type='kvm'><name>x</name></domain>", [
        "error: Failed to define domain from {f}",
        "error: XML error: Memory size must be specified via <memory> or in the <numa> configuration"]),
    ("<domain type='kvm'><name>vm01</name><uuid>11111111-2222-3333-4444-555555555555</uuid>"
     "<memory>1024</memory></domain>",
     ["error: Failed to define domain from {f}",
      "error: operation failed: domain 'vm01' already exists with uuid " + UUID]),
])
def test_define_errors(ksim, text, lines):
    ksim.ok(["virsh", "define", str(ksim.xml)])
    bad = ksim.xml.parent / "bad.xml"
    bad.write_text(text)
    failed = ksim.fail(["virsh", "define", str(bad)])
    assert (failed.rc, failed.out, failed.err) == (1, "\n", "".join(l.format(f=bad) + "\n" for l in lines))
    missing = ksim.fail("virsh define /nonexistent/vm.xml")
    assert missing.err == "error: Failed to open file '/nonexistent/vm.xml': No such file or directory\n"
    assert ksim.ok("virsh list --all --name") == "vm01\n\n"


@pytest.mark.parametrize("argv, err", [
    ("virsh frobnicate vm01", "error: unknown command: 'frobnicate'\n"),
    ("virsh list --bogus", "error: command 'list' doesn't support option --bogus\n"),
    ("virsh start", "error: command 'start' requires <domain> option\n"),
    ("virsh define", "error: command 'define' requires <file> option\n"),
    ("virsh start vm01 vm02", "error: unexpected data 'vm02'\n"),
    ("virsh shutdown vm01 --mode", "error: expected syntax: --mode <string>\n"),
])
def test_parse_errors_are_virsh_own(ksim, argv, err):
    failed = ksim.fail(argv)
    assert (failed.rc, failed.out, failed.err) == (1, "", err)


@pytest.mark.parametrize("verb", ["start", "shutdown", "destroy", "undefine", "dominfo", "domstate",
                                  "domblklist", "dumpxml", "autostart"])
def test_unknown_domain(ksim, verb):
    failed = ksim.fail(["virsh", verb, "vm09"])
    assert (failed.rc, failed.out, failed.err) == (1, "\n", "error: failed to get domain 'vm09'\n")


def test_start_needs_the_disk_group_imported_and_the_volume_started_here(ksim):
    ksim.ok(["virsh", "define", str(ksim.xml)])
    failed = ksim.fail("virsh start vm01")
    assert (failed.rc, failed.out, failed.err) == (1, "\n", (
        "error: Failed to start domain 'vm01'\n"
        "error: Cannot access storage file '/dev/vx/dsk/bootdg/vm01_boot': No such file or directory\n"))
    boot_storage(ksim, node=N2)                          # imported on the other node only
    assert ksim.fail("virsh start vm01").err.endswith("No such file or directory\n")
    ksim.ok("vxdg deport bootdg", node=N2)
    ksim.ok("vxdg import bootdg")
    ksim.ok("vxvol -g bootdg stop vm01_boot")
    assert ksim.fail("virsh start vm01").err.splitlines()[1] == (
        "error: Cannot access storage file '/dev/vx/dsk/bootdg/vm01_boot': No such device or address")
    assert ksim.ok("virsh domstate vm01") == "shut off\n\n"
    ksim.ok("vxvol -g bootdg start vm01_boot")
    assert ksim.ok("virsh start vm01") == "Domain 'vm01' started\n\n"
    assert ksim.ok("virsh list") == " Id   Name   State\n----------------------\n 1    vm01   running\n\n"
    assert ksim.ok("virsh dumpxml vm01") == DUMP % " id='1'"
    assert ksim.ok("virsh domiflist vm01").splitlines()[2] == " vnet0       bridge   br0      virtio   52:54:00:6b:3c:58"
    failed = ksim.fail("virsh start vm01")
    assert (failed.rc, failed.err) == (1, "error: Domain is already active\n")


def test_a_running_domain_holds_its_volume_open(ksim):
    boot_storage(ksim)
    ksim.ok(["virsh", "define", str(ksim.xml)])
    ksim.ok("virsh start vm01")
    assert devopen(ksim) == "vm01_boot on\n"
    assert ksim.fail("vxassist -g bootdg remove volume vm01_boot").err == (
        "VxVM vxassist ERROR V-5-1-1242 Volume vm01_boot is open, cannot remove\n")
    assert ksim.fail("vxdg deport bootdg").rc != 0
    assert ksim.ok("virsh destroy vm01") == "Domain 'vm01' destroyed\n\n"
    assert ksim.ok("virsh domstate vm01 --reason") == "shut off (destroyed)\n\n"
    assert devopen(ksim) == "vm01_boot off\n"
    ksim.ok("vxassist -g bootdg remove volume vm01_boot")
    assert ksim.fail("virsh start vm01").err.endswith("No such file or directory\n")


def slow(tmp_path, speed=SLOW):
    """An estate slow enough that a few calls fit in the 3 s guest shutdown."""
    (tmp_path / "slow").mkdir()
    sim = make(tmp_path / "slow", speed=speed)
    sim.xml = tmp_path / "vm01.xml"
    return sim


def test_shutdown_takes_simulated_time(tmp_path):
    ksim = slow(tmp_path)
    ksim.xml.write_text(VM01)
    boot_storage(ksim)
    ksim.ok(["virsh", "define", str(ksim.xml)])
    ksim.ok("virsh start vm01")
    assert ksim.ok("virsh shutdown vm01") == "Domain 'vm01' is being shutdown\n\n"
    assert ksim.ok("virsh domstate vm01") == "in shutdown\n\n"
    assert ksim.ok("virsh list") == " Id   Name   State\n--------------------------\n 1    vm01   in shutdown\n\n"
    assert devopen(ksim) == "vm01_boot on\n"
    time.sleep(3.0 / SLOW + 0.02)
    assert ksim.ok("virsh domstate vm01 --reason") == "shut off (shutdown)\n\n"
    assert devopen(ksim) == "vm01_boot off\n"
    for verb, word in (("shutdown", "shutdown"), ("destroy", "destroy")):
        failed = ksim.fail(["virsh", verb, "vm01"])
        assert (failed.out, failed.err) == ("\n", "error: Failed to %s domain 'vm01'\n"
                                                  "error: Requested operation is not valid: domain is not running\n" % word)
    ksim.ok("virsh start vm01")
    assert ksim.ok("virsh domid vm01") == "2\n\n"         # libvirt ids keep counting


def test_undefine_running_domain_leaves_it_transient_until_it_stops(ksim):
    boot_storage(ksim)
    ksim.ok(["virsh", "define", str(ksim.xml)])
    ksim.ok("virsh start vm01")
    assert ksim.ok("virsh undefine vm01") == "Domain 'vm01' has been undefined\n\n"
    assert ksim.ok("virsh dominfo vm01").splitlines()[9] == "Persistent:     no"
    failed = ksim.fail("virsh autostart vm01")
    assert failed.err == ("error: Failed to mark domain 'vm01' as autostarted\n"
                          "error: Requested operation is not valid: cannot set autostart for transient domain\n")
    ksim.ok("virsh destroy vm01")
    assert ksim.ok("virsh list --all --name") == "\n"
    assert devopen(ksim) == "vm01_boot off\n"


def test_list_order_filters_autostart_suspend_resume(ksim):
    boot_storage(ksim, volumes=("a_boot", "b_boot", "c_boot"))
    for name in ("c", "b", "a"):
        path = ksim.xml.parent / ("%s.xml" % name)
        path.write_text(plain_xml(name))
        ksim.ok(["virsh", "define", str(path)])
    ksim.ok("virsh start c")
    ksim.ok("virsh start a")
    assert ksim.ok("virsh autostart b") == "Domain 'b' marked as autostarted\n\n"
    assert ksim.ok("virsh list --all") == (" Id   Name   State\n"
                                           "-----------------------\n"
                                           " 1    c      running\n"
                                           " 2    a      running\n"
                                           " -    b      shut off\n\n")
    assert ksim.ok("virsh list --inactive --name") == "b\n\n"
    assert ksim.ok("virsh list --all --autostart --name") == "b\n\n"
    assert ksim.ok("virsh autostart --disable b") == "Domain 'b' unmarked as autostarted\n\n"
    assert ksim.ok("virsh suspend a") == "Domain 'a' suspended\n\n"
    assert ksim.ok("virsh domstate 2") == "paused\n\n"
    assert ksim.ok("virsh resume a") == "Domain 'a' resumed\n\n"
    assert ksim.ok("virsh domstate a --reason") == "running (unpaused)\n\n"


def test_crashed_node_loses_its_running_domains(ksim):
    boot_storage(ksim)
    ksim.ok(["virsh", "define", str(ksim.xml)])
    ksim.ok("virsh start vm01")
    assert ksim.admin("fault", "crash-node", N1) == 0
    assert ksim.run("virsh list --all").rc == 255
    dom = kvm_doc(ksim)["nodes"][N1]["domains"]["vm01"]
    assert (dom["state"], dom["id"], dom["persistent"]) == ("shut off", None, True)
    ksim.ok("vxdg -C import bootdg", node=N2)
    assert devopen(ksim, node=N2) == "vm01_boot off\n"
    assert ksim.admin("fault", "restore-node", N1) == 0
    assert ksim.ok("virsh list --all --name") == "vm01\n\n"
