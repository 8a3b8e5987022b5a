"""libvirt domain XML: parse what the simulator models, normalise it as libvirt does when a
domain is defined, and render it back (virsh dumpxml).

Modelled: <domain type>, name, uuid, memory/currentMemory (with unit, stored in KiB), vcpu,
os/type, devices/disk (type, device, source dev|file, target dev, bus) and
devices/interface (type, source bridge|network, model, mac). Everything else in the XML is
kept as written. Normalisation (as libvirt does): uuid right after name (generated when
missing), memory and currentMemory in KiB (currentMemory added, capped at memory),
vcpu placement='static', a generated MAC on interfaces without one, no id attribute.
dumpxml writes single-quoted attributes and two-space indentation like libvirt.
"""
import hashlib
import re
import uuid as uuidlib
import xml.etree.ElementTree as ET

UNITS = {"b": 1, "bytes": 1, "kb": 1000, "k": 1024, "kib": 1024, "mb": 1000 ** 2, "m": 1024 ** 2,
         "mib": 1024 ** 2, "gb": 1000 ** 3, "g": 1024 ** 3, "gib": 1024 ** 3, "tb": 1000 ** 4,
         "t": 1024 ** 4, "tib": 1024 ** 4}
UUID = re.compile(r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$")


class XmlError(Exception):
    """The XML is not a domain definition libvirt would accept; str() is libvirt's error text."""


def parse(text):
    """Parse and normalise; returns the root element (uuid may still be missing: see
    set_uuid). Raises XmlError."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as exc:
        line = exc.position[0] if exc.position else 1
        raise XmlError("(domain_definition):%d: %s" % (line, str(exc).split(":")[0])) from None  # [recon]
    if root.tag != "domain":
        raise XmlError("XML error: unexpected root element <%s>, expecting <domain>" % root.tag)
    if not root.get("type"):
        raise XmlError("XML error: missing domain type attribute")  # [recon]
    root.attrib.pop("id", None)
    name = root.find("name")
    if name is None or not (name.text or "").strip():
        raise XmlError("missing name information")  # [recon]
    name.text = name.text.strip()
    if "/" in name.text:
        raise XmlError("XML error: name %s cannot contain '/'" % name.text)  # [recon]
    found = root.find("uuid")
    if found is not None:
        value = (found.text or "").strip()
        if not UUID.match(value):
            raise XmlError("XML error: malformed uuid element")  # [recon]
        _set_uuid_element(root, _dashed(value))
    _normalise_memory(root)
    _normalise_vcpu(root)
    for index, disk in enumerate(root.findall("devices/disk")):
        if disk.find("target") is None or not disk.find("target").get("dev"):
            raise XmlError("XML error: missing target information for device %s"
                           % (_disk_source(disk) or "disk %d" % index))  # [recon]
    return root


def name_of(root):
    return root.find("name").text


def uuid_of(root):
    found = root.find("uuid")
    return found.text if found is not None else None


def set_uuid(root, value=None):
    """Give the domain its uuid (a new random one when value is None) and MACs derived from
    it for interfaces without one."""
    value = value or str(uuidlib.uuid4())
    _set_uuid_element(root, value)
    for index, iface in enumerate(root.findall("devices/interface")):
        mac = iface.find("mac")
        if mac is None or not mac.get("address"):
            if mac is None:
                mac = ET.Element("mac")
                iface.insert(0, mac)
            digest = hashlib.sha1(("%s/%d" % (value, index)).encode()).digest()
            mac.set("address", "52:54:00:%02x:%02x:%02x" % (digest[0], digest[1], digest[2]))
    return value


def summary(root):
    """What virsh reports about a definition, as plain data."""
    os_type = root.find("os/type")
    return {
        "name": name_of(root),
        "uuid": uuid_of(root),
        "os_type": (os_type.text or "hvm").strip() if os_type is not None else "hvm",
        "memory": int(root.find("memory").text),
        "current_memory": int(root.find("currentMemory").text),
        "vcpus": int(root.find("vcpu").text),
        "disks": [{"type": d.get("type", "file"), "device": d.get("device", "disk"),
                   "source": _disk_source(d), "target": d.find("target").get("dev"),
                   "bus": d.find("target").get("bus")} for d in root.findall("devices/disk")],
        "interfaces": [{"type": i.get("type", ""), "source": _iface_source(i),
                        "model": _attr(i, "model", "type"), "mac": _attr(i, "mac", "address")}
                       for i in root.findall("devices/interface")],
    }


def render(text, domain_id=None):
    """The stored (normalised) XML, with id='N' on <domain> for a running domain."""
    root = ET.fromstring(text)
    if domain_id is not None:
        attrs = dict(root.attrib)
        root.attrib.clear()
        root.set("type", attrs.pop("type"))
        root.set("id", str(domain_id))
        root.attrib.update(attrs)
    lines = []
    _write(root, 0, lines)
    return "\n".join(lines) + "\n"


def to_text(root):
    lines = []
    _write(root, 0, lines)
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ helpers

def _dashed(value):
    plain = value.replace("-", "").lower()
    return "%s-%s-%s-%s-%s" % (plain[:8], plain[8:12], plain[12:16], plain[16:20], plain[20:])


def _set_uuid_element(root, value):
    found = root.find("uuid")
    if found is None:
        found = ET.Element("uuid")
        children = list(root)
        root.insert(children.index(root.find("name")) + 1, found)
    found.text = value


def _kib(element, what):
    text = (element.text or "").strip()
    unit = element.get("unit", "KiB").lower()
    if unit not in UNITS:
        raise XmlError("invalid argument: unknown suffix '%s'" % element.get("unit"))  # [recon]
    if not text.isdigit():
        raise XmlError("XML error: Invalid value '%s' for element or attribute './%s[1]'" % (text, what))  # [recon]
    return -(-int(text) * UNITS[unit] // 1024)


def _normalise_memory(root):
    memory = root.find("memory")
    if memory is None:
        raise XmlError("XML error: Memory size must be specified via <memory> or in the <numa> configuration")
    kib = _kib(memory, "memory")
    memory.attrib.clear()
    memory.set("unit", "KiB")
    memory.text = str(kib)
    current = root.find("currentMemory")
    if current is None:
        current = ET.Element("currentMemory")
        root.insert(list(root).index(memory) + 1, current)
        current_kib = kib
    else:
        current_kib = min(_kib(current, "currentMemory"), kib)
    current.attrib.clear()
    current.set("unit", "KiB")
    current.text = str(current_kib)


def _normalise_vcpu(root):
    vcpu = root.find("vcpu")
    if vcpu is None:
        vcpu = ET.Element("vcpu")
        vcpu.text = "1"
        root.insert(list(root).index(root.find("currentMemory")) + 1, vcpu)
    text = (vcpu.text or "").strip()
    if not text.isdigit() or int(text) < 1:
        raise XmlError("XML error: maximum vcpus count must be an integer")  # [recon]
    vcpu.text = str(int(text))
    if not vcpu.get("placement"):
        vcpu.set("placement", "static")


def _attr(element, child, name):
    found = element.find(child)
    return found.get(name) if found is not None else None


def _disk_source(disk):
    source = disk.find("source")
    if source is None:
        return None
    return source.get("dev") or source.get("file") or source.get("volume") or source.get("name")


def _iface_source(iface):
    source = iface.find("source")
    if source is None:
        return None
    return source.get("bridge") or source.get("network") or source.get("dev")


def _escape(text, quote=False):
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("'", "&apos;") if quote else text


def _write(element, depth, lines):
    pad = "  " * depth
    attrs = "".join(" %s='%s'" % (k, _escape(v, True)) for k, v in element.attrib.items())
    children = list(element)
    text = (element.text or "").strip()
    if not children and not text:
        lines.append("%s<%s%s/>" % (pad, element.tag, attrs))
    elif not children:
        lines.append("%s<%s%s>%s</%s>" % (pad, element.tag, attrs, _escape(text), element.tag))
    else:
        lines.append("%s<%s%s>" % (pad, element.tag, attrs))
        for child in children:
            _write(child, depth + 1, lines)
        lines.append("%s</%s>" % (pad, element.tag))
