"""virsh: define undefine start shutdown destroy suspend resume autostart list dominfo
domstate domid domuuid domblklist domiflist dumpxml, against the node's simulated libvirt.

Conventions of the real virsh: errors are 'error: ...' lines on stderr with exit code 1;
informational messages ("Domain 'vm01' started") and the blank line virsh prints after every
command that ran are left out with -q; tables (list, domblklist, domiflist) use vshTable
and lose their header with -q. A domain is named by name, id or uuid.
"""
from ..errors import CommandFailed
from . import domxml, model, vcs_link
from .vsh import data, error, flag, parse, split_global, table

SHUTDOWN_MODES = ("acpi", "agent", "initctl", "signal", "paravirt")
CPU_SHARE = 0.02   # [recon] simulated CPU seconds per vCPU and second of running, for dominfo


class Out:
    def __init__(self, call, quiet):
        self.call, self.quiet = call, quiet

    def line(self, text=""):
        self.call.print(text)

    def extra(self, text):
        if not self.quiet:
            self.call.print(text)


def virsh(call, args):
    quiet, command, rest = split_global(args)
    if command not in COMMANDS:
        raise error("unknown command: '%s'" % command)
    spec, function, reads = COMMANDS[command]
    options = parse(command, spec, rest)
    if reads:
        call.mark_readonly()
    out = Out(call, quiet)
    doc = model.doc_of(call)
    try:
        function(call, doc, options, out)
    except CommandFailed:
        out.extra("")
        raise
    out.extra("")
    return 0


def _lookup(call, doc, ref):
    """virsh looks a domain up by id, then uuid, then name."""
    table_ = model.domains(doc, call.node)
    if ref.isdigit():
        for name, dom in table_.items():
            if dom["id"] == int(ref):
                return name, dom
    for name, dom in table_.items():
        if dom["uuid"] == ref.lower():
            return name, dom
    if ref in table_:
        return ref, table_[ref]
    raise error("failed to get domain '%s'" % ref)


def _not_running(verb, name):
    return error("Failed to %s domain '%s'" % (verb, name), "Requested operation is not valid: domain is not running")


# ------------------------------------------------------------------ changes

def _define(call, doc, opts, out):
    path = opts["file"]
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as exc:
        raise error("Failed to open file '%s': %s" % (path, exc.strerror)) from None
    try:
        root = domxml.parse(text)
        name = model.define(doc, call.node, root)
    except (domxml.XmlError, model.Refused) as exc:
        raise error("Failed to define domain from %s" % path, str(exc)) from None
    out.extra("Domain '%s' defined from %s" % (name, path))


def _undefine(call, doc, opts, out):
    name, dom = _lookup(call, doc, opts["domain"])
    if not dom["persistent"]:
        raise error("Failed to undefine domain '%s'" % name,
                    "Requested operation is not valid: cannot undefine transient domain")
    model.undefine(doc, call.node, name)
    out.extra("Domain '%s' has been undefined" % name)


def _start(call, doc, opts, out):
    name, dom = _lookup(call, doc, opts["domain"])
    if model.is_active(dom):
        raise error("Domain is already active")  # [recon] newer libvirt may name the domain
    try:
        model.start(doc, call.vxvm(), call.node, name, call.now(), paused=bool(opts.get("paused")))
    except model.Refused as exc:
        raise error("Failed to start domain '%s'" % name, str(exc)) from None
    out.extra("Domain '%s' started" % name)


def _shutdown(call, doc, opts, out):
    name, dom = _lookup(call, doc, opts["domain"])
    mode = opts.get("mode")
    if mode is not None and mode not in SHUTDOWN_MODES:
        raise error("Unknown mode %s value, expecting 'acpi', 'agent', 'initctl', 'signal' or 'paravirt'" % mode)
    if not model.is_active(dom):
        raise _not_running("shutdown", name)
    if dom["state"] != "in shutdown":
        model.request_shutdown(dom, call.now())
    out.extra("Domain '%s' is being shutdown" % name)


def _destroy(call, doc, opts, out):
    name, dom = _lookup(call, doc, opts["domain"])
    if not model.is_active(dom):
        raise _not_running("destroy", name)
    model.stop(doc, call.vxvm(), call.node, name, "destroyed")
    ctx = vcs_link.engine(call, doc)
    vcs_link.guest_lost(ctx, call.node, name, call.now(), "guest %s was destroyed outside VCS" % name)
    out.extra("Domain '%s' destroyed" % name)


def _suspend(call, doc, opts, out):
    name, dom = _lookup(call, doc, opts["domain"])
    if dom["state"] != "running":
        raise _not_running("suspend", name)
    dom.update(state="paused", reason="user")
    out.extra("Domain '%s' suspended" % name)


def _resume(call, doc, opts, out):
    name, dom = _lookup(call, doc, opts["domain"])
    if dom["state"] != "paused":
        raise error("Failed to resume domain '%s'" % name,
                    "Requested operation is not valid: domain is not paused")  # [recon]
    dom.update(state="running", reason="unpaused")
    out.extra("Domain '%s' resumed" % name)


def _autostart(call, doc, opts, out):
    name, dom = _lookup(call, doc, opts["domain"])
    disable = bool(opts.get("disable"))
    if not dom["persistent"]:
        raise error("Failed to %smark domain '%s' as autostarted" % ("un" if disable else "", name),
                    "Requested operation is not valid: cannot set autostart for transient domain")
    dom["autostart"] = not disable
    out.extra("Domain '%s' %smarked as autostarted" % (name, "un" if disable else ""))


# ------------------------------------------------------------------ reads

def _sorted(doc, node):
    """Active domains by id, then inactive ones by name (virsh's order)."""
    entries = list(model.domains(doc, node).items())
    active = sorted((e for e in entries if model.is_active(e[1])), key=lambda e: e[1]["id"])
    inactive = sorted((e for e in entries if not model.is_active(e[1])), key=lambda e: e[0].lower())
    return active + inactive


def _list(call, doc, opts, out):
    if opts.get("all"):
        wanted = lambda dom: True  # noqa: E731
    elif opts.get("inactive"):
        wanted = lambda dom: not model.is_active(dom)  # noqa: E731
    else:
        wanted = model.is_active
    rows = []
    for name, dom in _sorted(doc, call.node):
        if not wanted(dom):
            continue
        if opts.get("persistent") and not dom["persistent"] or opts.get("transient") and dom["persistent"]:
            continue
        if opts.get("autostart") and not dom["autostart"] or opts.get("no-autostart") and dom["autostart"]:
            continue
        rows.append((name, dom))
    if opts.get("name") or opts.get("uuid"):
        for name, dom in rows:
            words = ([dom["uuid"]] if opts.get("uuid") else []) + ([name] if opts.get("name") else [])
            out.line(" ".join(words))
        return
    cells = [[str(dom["id"]) if dom["id"] is not None else "-", name, dom["state"]] for name, dom in rows]
    for text in table(["Id", "Name", "State"], cells, show_header=not out.quiet):
        out.line(text)


def _dominfo(call, doc, opts, out):
    name, dom = _lookup(call, doc, opts["domain"])
    info = model.view(dom)
    fields = [("Id:", dom["id"] if dom["id"] is not None else "-"), ("Name:", name), ("UUID:", dom["uuid"]),
              ("OS Type:", info["os_type"]), ("State:", dom["state"]), ("CPU(s):", info["vcpus"])]
    if model.is_active(dom):
        elapsed = max(call.now() - dom["started"], 0) if dom["started"] is not None else 0
        fields.append(("CPU time:", "%.1fs" % (elapsed * CPU_SHARE * info["vcpus"])))
    fields += [("Max memory:", "%d KiB" % info["memory"]), ("Used memory:", "%d KiB" % info["current_memory"]),
               ("Persistent:", "yes" if dom["persistent"] else "no"),
               ("Autostart:", "enable" if dom["autostart"] else "disable"), ("Managed save:", "no")]
    for key, value in fields:
        out.line("%-15s %s" % (key, value))


def _domstate(call, doc, opts, out):
    _name, dom = _lookup(call, doc, opts["domain"])
    out.line("%s (%s)" % (dom["state"], dom["reason"]) if opts.get("reason") else dom["state"])


def _domid(call, doc, opts, out):
    _name, dom = _lookup(call, doc, opts["domain"])
    out.line(str(dom["id"]) if dom["id"] is not None else "-")


def _domuuid(call, doc, opts, out):
    _name, dom = _lookup(call, doc, opts["domain"])
    out.line(dom["uuid"])


def _domblklist(call, doc, opts, out):
    _name, dom = _lookup(call, doc, opts["domain"])
    disks = model.view(dom, inactive=bool(opts.get("inactive")))["disks"]
    if opts.get("details"):
        header = ["Type", "Device", "Target", "Source"]
        cells = [[d["type"], d["device"], d["target"], d["source"] or "-"] for d in disks]
    else:
        header = ["Target", "Source"]
        cells = [[d["target"], d["source"] or "-"] for d in disks]
    for text in table(header, cells, show_header=not out.quiet):
        out.line(text)


def _domiflist(call, doc, opts, out):
    _name, dom = _lookup(call, doc, opts["domain"])
    inactive = bool(opts.get("inactive")) or not model.is_active(dom)
    ifaces = model.view(dom, inactive=bool(opts.get("inactive")))["interfaces"]
    first = 0   # [recon] tap devices vnet0, vnet1, ... in the order the running guests started
    for _other, running in _sorted(doc, call.node):
        if running is dom or not model.is_active(running):
            break
        first += len(model.view(running)["interfaces"])
    cells = [["-" if inactive else "vnet%d" % (first + i), iface["type"], iface["source"] or "-",
              iface["model"] or "-", iface["mac"] or "-"] for i, iface in enumerate(ifaces)]
    for text in table(["Interface", "Type", "Source", "Model", "MAC"], cells, show_header=not out.quiet):
        out.line(text)


def _dumpxml(call, doc, opts, out):
    _name, dom = _lookup(call, doc, opts["domain"])
    if opts.get("inactive") or not model.is_active(dom):
        text = domxml.render(dom["xml"])
    else:
        text = domxml.render(dom["live"], domain_id=dom["id"])
    for line in text.splitlines():
        out.line(line)


DOMAIN = data("domain", required=True)
COMMANDS = {
    "define": ([data("file", required=True), flag("validate")], _define, False),
    "undefine": ([DOMAIN, flag("managed-save"), flag("snapshots-metadata"), flag("checkpoints-metadata"),
                  flag("nvram"), flag("keep-nvram")], _undefine, False),
    "start": ([DOMAIN, flag("paused"), flag("force-boot"), flag("autodestroy"), flag("bypass-cache")],
              _start, False),
    "shutdown": ([DOMAIN, data("mode", positional=False)], _shutdown, False),
    "destroy": ([DOMAIN, flag("graceful")], _destroy, False),
    "suspend": ([DOMAIN], _suspend, False),
    "resume": ([DOMAIN], _resume, False),
    "autostart": ([DOMAIN, flag("disable")], _autostart, False),
    "list": ([flag("all"), flag("inactive"), flag("name"), flag("uuid"), flag("persistent"), flag("transient"),
              flag("autostart"), flag("no-autostart")], _list, True),
    "dominfo": ([DOMAIN], _dominfo, True),
    "domstate": ([DOMAIN, flag("reason")], _domstate, True),
    "domid": ([DOMAIN], _domid, True),
    "domuuid": ([DOMAIN], _domuuid, True),
    "domblklist": ([DOMAIN, flag("inactive"), flag("details")], _domblklist, True),
    "domiflist": ([DOMAIN, flag("inactive")], _domiflist, True),
    "dumpxml": ([DOMAIN, flag("inactive"), flag("security-info"), flag("update-cpu"), flag("migratable")],
                _dumpxml, True),
}
