"""vxcache [-g dg] start | stop | stat | growcacheto | growcacheby | set"""
from ..errors import vxvm_error
from ..getopt import parse
from ..sizes import round_up
from . import messages as msg
from . import snap_report
from . import snapshots as snaps
from .cmd_vxmake import _on_off, _percent, _size
from .model import alignment
from .requests import disk_group, length

CMD = "vxcache"


def vxcache(call, args):
    opts, operands = parse(args, "fg:", msg.usage_for(CMD))
    if not operands:
        raise msg.usage(CMD)
    handler = KEYWORDS.get(operands[0])
    if handler is None:
        raise msg.usage(CMD, ["%s: keyword not supported" % operands[0]])
    return handler(call, opts, operands[1:])


def _cache(dg, name):
    if name not in snaps.caches(dg):
        raise msg.cache_not_found(CMD, name)
    return snaps.caches(dg)[name]


def _start(call, opts, rest):
    if not rest:
        raise msg.usage(CMD)
    _, dg = disk_group(call, CMD, opts)
    for name in rest:
        cache = _cache(dg, name)
        if cache["started"]:
            raise msg.cache_already_started(name)
        cache["started"] = True
    return 0


def _stop(call, opts, rest):
    if not rest:
        raise msg.usage(CMD)
    _, dg = disk_group(call, CMD, opts)
    for name in rest:
        cache = _cache(dg, name)
        if not cache["started"]:
            raise msg.cache_already_stopped()
        busy = [v["name"] for v in snaps.cache_snapshots(dg, name) if v.get("open")]
        if busy and not opts.has("f"):
            raise msg.volume_open(CMD, busy[0], "stop its cache")   # [recon]
        cache["started"] = False
    return 0


def _stat(call, opts, rest):
    call.mark_readonly()
    _, dg = disk_group(call, CMD, opts)
    names = rest or sorted(snaps.caches(dg))
    for name in names:
        _cache(dg, name)
    for line in snap_report.stat_lines(dg, names):
        call.print(line)
    return 0


def _grow(by):
    def handler(call, opts, rest):
        if len(rest) != 2:
            raise msg.usage(CMD)
        doc, dg = disk_group(call, CMD, opts)
        _cache(dg, rest[0])
        current = snaps.cache_size(dg, rest[0])
        value = length(CMD, rest[1])
        target = round_up(current + value if by else value, alignment(dg))
        if target <= current:
            raise vxvm_error(CMD, 5170, "Cache %s: new length %d is not greater than the current "
                             "length %d" % (rest[0], target, current), msg.RC_FAIL)  # [recon]
        if not snaps.grow_cache(doc, dg, rest[0], target):
            raise msg.cannot_grow(CMD, target)
        return 0
    return handler


def _set(call, opts, rest):
    settings = [w for w in rest if "=" in w]
    names = [w for w in rest if "=" not in w]
    if not settings or not names:
        raise msg.usage(CMD)
    doc, dg = disk_group(call, CMD, opts)
    changes = {}
    for word in settings:
        key, _, value = word.partition("=")
        if key == "autogrow":
            changes["autogrow"] = _on_off(value, CMD)
        elif key == "highwatermark":
            changes["hwm"] = _percent(value, CMD)
        elif key in ("autogrowby", "maxautogrow"):
            changes[key] = _size(key, value, CMD)
        else:
            raise msg.bad_attribute(CMD, word)
    for name in names:
        _cache(dg, name)
    for name in names:
        snaps.caches(dg)[name].update(changes)
        snaps.settle_cache(doc, dg, name)
    return 0


KEYWORDS = {"start": _start, "stop": _stop, "stat": _stat, "growcacheto": _grow(False),
            "growcacheby": _grow(True), "set": _set}
