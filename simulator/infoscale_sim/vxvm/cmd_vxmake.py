"""vxmake [-g dg] cache CO cachevolname=CVOL [regionsize=] [autogrow=] [highwatermark=]
[autogrowby=] [maxautogrow=]   (other record types are not simulated: usage error)"""
from ..getopt import parse
from ..sizes import parse_length
from . import messages as msg
from . import snapshots as snaps
from .requests import VOLUME_NAME, disk_group
from .volumes import Space

CMD = "vxmake"
CACHE_ATTRS = ("cachevolname", "regionsize", "autogrow", "highwatermark", "autogrowby", "maxautogrow")


def vxmake(call, args):
    opts, operands = parse(args, "g:", msg.usage_for(CMD))
    if len(operands) < 2 or operands[0] != "cache":
        problem = ["%s: record type not supported" % operands[0]] if operands and operands[0] != "cache" else []
        raise msg.usage(CMD, problem)
    name, words = operands[1], operands[2:]
    attrs = {}
    for word in words:
        key, eq, value = word.partition("=")
        if not eq or key not in CACHE_ATTRS or not value:
            raise msg.bad_attribute(CMD, word)
        attrs[key] = value
    doc, dg = disk_group(call, CMD, opts)
    if name in snaps.caches(dg):
        raise msg.cache_exists(name)
    if not VOLUME_NAME.match(name):
        raise msg.bad_value(CMD, "name", name)
    if name in Space(doc, dg).names:
        raise msg.record_exists(CMD, name)
    if "cachevolname" not in attrs:
        raise msg.usage(CMD, ["cache %s: cachevolname= is required" % name])  # [recon]
    cvol = dg["volumes"].get(attrs["cachevolname"])
    if cvol is None:
        raise msg.volume_not_found(CMD, attrs["cachevolname"])
    if cvol.get("cache") in snaps.caches(dg):
        raise msg.cachevol_in_use(CMD, cvol["name"], cvol["cache"])
    if cvol.get("dcl_of") or cvol.get("snap") or snaps.is_instant_ready(cvol) or cvol.get("open"):
        raise msg.bad_value(CMD, "cachevolname", cvol["name"])   # [recon]
    snaps.new_cache(dg, name, cvol["name"], _regionsize(attrs.get("regionsize")),
                    autogrow=_on_off(attrs.get("autogrow", "off")),
                    hwm=_percent(attrs.get("highwatermark", str(snaps.HWM_DEFAULT))),
                    autogrowby=_size("autogrowby", attrs.get("autogrowby")),
                    maxautogrow=_size("maxautogrow", attrs.get("maxautogrow")))
    return 0


def _regionsize(text):
    if text is None:
        return snaps.DEFAULT_REGIONSIZE
    value = parse_length(text)
    if not value or value < 32 or value & (value - 1):   # a power of 2, at least 16k
        raise msg.bad_value(CMD, "regionsize", text)
    return value


def _on_off(text, cmd=CMD):
    if text not in ("on", "off"):
        raise msg.bad_value(cmd, "autogrow", text)
    return text == "on"


def _percent(text, cmd=CMD):
    if not text.isdigit() or not 1 <= int(text) <= 99:
        raise msg.bad_value(cmd, "highwatermark", text)
    return int(text)


def _size(key, text, cmd=CMD):
    if text is None:
        return None
    value = parse_length(text)
    if not value:
        raise msg.bad_value(cmd, key, text)
    return value
