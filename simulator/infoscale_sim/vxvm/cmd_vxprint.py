"""vxprint: default (-fhrA), -ht/-htr, -t, -q, -r, selectors -v -p -s -d -G -V -P, names,
-l, -m, -n, -F [type:]format, -u unit; "Disk group:" lines when -g is not given.
RVG (rv) and RLINK (rl) records come from vvr/vxprint_rows.py."""
from ..errors import vxvm_error
from ..getopt import parse
from ..sizes import UNITS
from ..vvr import vxprint_rows as vvr_rows
from . import messages as msg
from . import vxprint_format as fmt
from .model import imported_dg, imported_dgs
from .records import DgView

CMD = "vxprint"
SELECTORS = {"v": "v", "p": "pl", "s": "sd", "d": "dm", "G": "dg", "V": "rv", "P": "rl"}
FLAT_ORDER = ("dg", "dm", "rv", "rl", "sd", "sv", "sc", "pl", "v", "dc", "sp", "co")
TYPE_PREFIXES = {"v": "v", "vol": "v", "pl": "pl", "plex": "pl", "sd": "sd", "dm": "dm", "dg": "dg",
                 "sv": "sv", "co": "co", "cache": "co", "dc": "dc", "dco": "dc", "sp": "sp",
                 "sc": "sc", "rv": "rv", "rvg": "rv", "rl": "rl", "rlink": "rl"}


def vxprint(call, args):
    opts, names = parse(args, "AF:GPVdfg:hlmnpqrstu:v", msg.usage_for(CMD), permute=True)
    call.mark_readonly()
    unit = opts.get("u")
    if unit is not None and unit not in UNITS:
        raise vxvm_error(CMD, 3001, "Invalid unit: %s" % unit, msg.RC_FAIL)  # [recon]
    formats = []
    for spec in opts.all("F"):
        prefix, sep, body = spec.partition(":")
        kind = TYPE_PREFIXES.get(prefix) if sep else None
        if kind is None:
            body = spec
        try:
            fmt.check_format(body)
        except fmt.UnknownField as exc:
            raise vxvm_error(CMD, 1154, "Unknown field name: %s" % exc, msg.RC_FAIL) from None  # [recon]
        formats.append((kind, body))
    return _print(call, opts, names, unit, formats)


def _print(call, opts, names, unit, formats):
    doc = call.vxvm()
    flags = opts.flags()
    if opts.get("g") is not None:
        dg = imported_dg(doc, opts.get("g"), call.node)
        if dg is None:
            raise msg.vxprint_no_dg(opts.get("g"))
        views = [DgView(doc, dg)]
    else:
        views = [DgView(doc, dg) for dg in imported_dgs(doc, call.node)]
    for view in views:
        vvr_rows.attach(call, view)   # rv / rl records with their volumes
    kinds = {SELECTORS[f] for f in flags if f in SELECTORS}
    chosen_format = flags & set("htlmnFfr")
    default = not kinds and not chosen_format
    hier = "h" in flags or default
    related = hier or "r" in flags
    mode = ("F" if formats else "l" if "l" in flags else "m" if "m" in flags else
            "n" if "n" in flags else "t" if "t" in flags else "f")
    quiet = "q" in flags
    with_dg_line = opts.get("g") is None and not quiet

    missing = [n for n in names if not any(v.by_name(n) for v in views)]
    blocks = []
    total = 0
    for view in views:
        groups = _select(view, names, kinds, hier, related)
        if not groups:
            continue
        total += sum(len(g) for g in groups)
        blocks.append((view, groups))
    for view, groups in blocks:
        if with_dg_line:
            call.print("Disk group: %s" % view.dg["name"])
            if hier or mode == "l":
                call.print()
        _body(call, groups, mode, hier, quiet, unit, formats)
        if with_dg_line:
            call.print()
    for name in missing:
        call.eprint("VxVM vxprint ERROR V-5-1-924 Record %s not found" % name)  # [recon]
    if missing or (views and total == 0):
        return msg.RC_NOT_FOUND
    return 0


def _select(view, names, kinds, hier, related):
    """Groups of records to print (a group = records printed together, blank-line separated
    in the hierarchical form)."""
    if names:
        roots = [r for r in (view.by_name(n) for n in names) if r is not None]
        if kinds:
            roots = [r for r in roots if r.kind in kinds]
    elif kinds and related:
        roots = [r for r in vvr_rows.tops(view.hierarchy()) if r.kind in kinds]
        if "pl" in kinds:
            roots += [p for p in view.all_records() if p.kind == "pl" and p.layer == 1]
        if "sd" in kinds:
            roots += [s for s in view.all_records() if s.kind == "sd"]
        roots = _dedupe(roots)
    elif kinds:
        recs = [r for r in view.all_records() if r.kind in kinds]
        return [_flat_sorted(recs)] if recs else []
    elif related:
        roots = view.hierarchy()
    else:
        return [_flat_sorted(view.all_records())]
    if not roots:
        return []
    if not related:
        return [roots]
    groups = []
    for root in roots:
        records = list(root.walk())
        if hier and root.kind == "dm" and groups and groups[-1][0].kind == "dm":
            groups[-1].extend(records)
        else:
            groups.append(records)
    return groups


def _dedupe(recs):
    seen, out = set(), []
    for rec in recs:
        if id(rec) not in seen:
            seen.add(id(rec))
            out.append(rec)
    return out


def _flat_sorted(recs):
    return sorted(recs, key=lambda r: (FLAT_ORDER.index(r.kind), r.name))


def _body(call, groups, mode, hier, quiet, unit, formats):
    flat = not hier
    if mode == "f" and not quiet:
        call.print(fmt.HEADER_DEFAULT)
    if mode == "t" and hier and not quiet:
        for line in fmt.HEADER_BLOCK:
            call.print(line)
        call.print()
    first_block = True
    for i, group in enumerate(groups):
        if i and hier and mode in ("f", "t"):
            call.print()
        for rec in group:
            if mode == "f":
                call.print(fmt.row_default(rec, unit, flat=flat))
            elif mode == "t":
                call.print(fmt.row_t(rec, unit, flat=flat))
            elif mode == "n":
                call.print(rec.name)
            elif mode == "F":
                call.print(_custom(rec, unit, formats, flat))
            else:
                if not first_block:
                    call.print()
                first_block = False
                block = fmt.long_block(rec, unit) if mode == "l" else fmt.make_block(rec)
                for line in block:
                    call.print(line)


def _custom(rec, unit, formats, flat):
    for kind, body in formats:
        if kind == rec.kind:
            return fmt.render_format(rec, body, unit)
    for kind, body in formats:
        if kind is None:
            return fmt.render_format(rec, body, unit)
    return fmt.row_default(rec, unit, flat=flat)  # [recon] types without a format
