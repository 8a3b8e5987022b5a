"""vxassist make / growto / growby / shrinkto / shrinkby / remove volume / maxsize / maxgrow."""
import math

from ..errors import vxvm_error
from ..getopt import parse
from ..sizes import megabytes, round_down, round_up
from . import messages as msg
from . import snapshots as snaps
from .model import alignment
from .requests import VOLUME_NAME, Attributes, disk_group, length, user_volume
from .volumes import (MIRRORED, STRIPED, NoSpace, Space, default_ncol, grow, length_step,
                      max_amount, new_volume, shrink, unit_disk_lists)

CMD = "vxassist"
USETYPES = ("fsgen", "gen")
MAXSIZE_UNIT = 2048


def vxassist(call, args):
    opts, operands = parse(args, "U:bfg:", msg.usage_for(CMD))
    if not operands:
        raise msg.usage(CMD)
    keyword, rest = operands[0], operands[1:]
    handler = KEYWORDS.get(keyword)
    if handler is None:
        raise msg.usage(CMD, ["%s: keyword not supported" % keyword])
    if opts.get("U") is not None and opts.get("U") not in USETYPES:
        raise vxvm_error(CMD, 1296, "Unsupported usage type: %s" % opts.get("U"), msg.RC_FAIL)  # [recon]
    return handler(call, opts, rest)


def _shape(dg, attrs):
    """(layout, ncol, nmirror, su) for a new volume."""
    layout = attrs.resolved_layout()
    nmirror = attrs.nmirror or (2 if layout in MIRRORED else 1)
    su = attrs.stripeunit()
    ncol = attrs.ncol or (default_ncol(layout, len(attrs.allowed), nmirror) if layout in STRIPED else 1)
    if layout in STRIPED and ncol < 2:
        raise vxvm_error(CMD, 1299, "Invalid value for attribute ncol: %d" % ncol, msg.RC_FAIL)  # [recon]
    return layout, ncol, nmirror, su


def _make(call, opts, rest):
    if len(rest) < 2:
        raise msg.usage(CMD)
    name, size_text, words = rest[0], rest[1], rest[2:]
    doc, dg = disk_group(call, CMD, opts)
    if not VOLUME_NAME.match(name):
        raise vxvm_error(CMD, 1286, "Invalid volume name: %s" % name, msg.RC_FAIL)  # [recon]
    requested = length(CMD, size_text)
    attrs = Attributes(CMD, dg, words)
    space = Space(doc, dg)
    if name in space.names:
        raise msg.record_exists(CMD, name)
    layout, ncol, nmirror, su = _shape(dg, attrs)
    total = round_up(requested, length_step(alignment(dg), layout, ncol, su))
    kstate, state = ("DISABLED", "EMPTY") if attrs.init == "none" else ("ENABLED", "ACTIVE")
    vol = new_volume(name, layout, ncol, nmirror, su, opts.get("U", "fsgen"), kstate, state)
    try:
        grow(vol, total, space, attrs.allowed)
    except NoSpace:
        raise msg.cannot_allocate(CMD, total) from None
    dg["volumes"][name] = vol
    return 0


def new_length(cmd, vol, text, mode, dg):
    """growto/growby/shrinkto/shrinkby target, aligned like the volume's layout."""
    value = length(cmd, text)
    target = {"to": value, "by+": vol["len"] + value, "by-": vol["len"] - value}[mode]
    if target <= 0:
        raise msg.invalid_length(cmd, text)
    return round_up(target, length_step(alignment(dg), vol["layout"], vol["ncol"], vol["su"]))


def _grow(mode):
    def handler(call, opts, rest):
        if len(rest) < 2:
            raise msg.usage(CMD)
        doc, dg = disk_group(call, CMD, opts)
        vol = user_volume(CMD, dg, rest[0])
        attrs = Attributes(CMD, dg, rest[2:])
        target = new_length(CMD, vol, rest[1], mode, dg)
        if target <= vol["len"]:
            raise vxvm_error(CMD, 5170, "Volume %s: new length %d is not greater than the current "
                             "length %d" % (vol["name"], target, vol["len"]), msg.RC_FAIL)  # [recon]
        try:
            grow(vol, target, Space(doc, dg), attrs.allowed)
        except NoSpace:
            raise msg.cannot_grow(CMD, target) from None
        return 0
    return handler


def _shrink(mode):
    def handler(call, opts, rest):
        if len(rest) != 2:
            raise msg.usage(CMD)
        doc, dg = disk_group(call, CMD, opts)
        vol = user_volume(CMD, dg, rest[0])
        target = new_length(CMD, vol, rest[1], mode, dg)
        if target >= vol["len"]:
            raise vxvm_error(CMD, 5171, "Volume %s: new length %d is not less than the current "
                             "length %d" % (vol["name"], target, vol["len"]), msg.RC_FAIL)  # [recon]
        if vol["utype"] == "fsgen" and not opts.has("f"):
            raise msg.shrink_refused(CMD)
        shrink(vol, target)
        return 0
    return handler


def _remove(call, opts, rest):
    if len(rest) != 2 or rest[0] != "volume":
        raise msg.usage(CMD, ["remove %s: not supported" % rest[0]] if rest and rest[0] != "volume" else [])
    _, dg = disk_group(call, CMD, opts)
    vol = user_volume(CMD, dg, rest[1])
    problem = snaps.removal_problem(dg, vol, CMD, msg)
    if problem is not None:
        raise problem
    if vol.get("open"):
        raise msg.volume_open(CMD, vol["name"], "remove")
    snaps.remove_volume(dg, vol)
    return 0


def _maxsize(call, opts, rest):
    call.mark_readonly()
    doc, dg = disk_group(call, CMD, opts)
    attrs = Attributes(CMD, dg, rest)
    layout, ncol, nmirror, su = _shape(dg, attrs)
    striped = layout in STRIPED
    columns = ncol if striped else 1
    copies = nmirror if layout in MIRRORED else 1
    units = [[] for _ in range(columns * copies)]
    step = su if striped else alignment(dg)
    space = Space(doc, dg)
    amount = max_amount(units, step, attrs.allowed, space.totals, sum(space.totals.values()))
    # Reported sizes are whole MiB: sample vxprint_g_1 shows 1744 free sectors as "no free
    # space" and 3841744 free sectors as "Maximum volume size: 3840000 (1875Mb)".
    size = round_down(amount * columns, math.lcm(MAXSIZE_UNIT, step * columns))
    if size == 0:
        raise msg.no_free_space(CMD, dg["name"])
    call.print("Maximum volume size: %d (%dMb)" % (size, megabytes(size)))
    return 0


def _maxgrow(call, opts, rest):
    call.mark_readonly()
    if not rest:
        raise msg.usage(CMD)
    doc, dg = disk_group(call, CMD, opts)
    vol = user_volume(CMD, dg, rest[0])
    attrs = Attributes(CMD, dg, rest[1:])
    striped = vol["layout"] in STRIPED
    step = vol["su"] if striped else alignment(dg)
    space = Space(doc, dg)
    amount = max_amount(unit_disk_lists(vol), step, attrs.allowed, space.totals,
                        sum(space.totals.values()))
    delta = amount * (vol["ncol"] if striped else 1)
    if delta == 0:
        raise vxvm_error(CMD, 1178, "Volume %s cannot be extended within the given constraints"
                         % vol["name"], msg.RC_FAIL)  # [recon]
    total = vol["len"] + delta
    call.print("Volume %s can be extended by %d to: %d (%dMb)" % (vol["name"], delta, total,
                                                                 megabytes(total)))  # [gk]
    return 0


KEYWORDS = {
    "make": _make,
    "growto": _grow("to"), "growby": _grow("by+"),
    "shrinkto": _shrink("to"), "shrinkby": _shrink("by-"),
    "remove": _remove, "maxsize": _maxsize, "maxgrow": _maxgrow,
}
