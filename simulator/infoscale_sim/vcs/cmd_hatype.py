"""hatype -list | -display | -resources | -value (bundled types; no custom types yet)."""
from . import messages as msg
from . import types
from .args import check_cluster, parse, usage
from .attrs import display
from .context import open_cluster
from .output import type_table

CMD = "hatype"


def hatype(call, args):
    if not args or args[0] not in ("-list", "-display", "-resources", "-value"):
        raise usage(CMD, "Invalid option %s" % args[0] if args else None)
    call.mark_readonly()
    action = args[0][1:]
    words = parse(CMD, args[1:], multi=("attribute",) if action == "display" else ())
    check_cluster(call, words.one("clus"))
    ctx = open_cluster(call)
    if action == "list":
        if words.operands:
            raise usage(CMD)
        for name in sorted(types.TYPES):
            call.print(name)
        return 0
    for name in words.operands[:1] if action in ("resources", "value") else words.operands:
        if name not in types.TYPES:
            raise msg.type_missing(name)
    if action == "resources":
        if len(words.operands) != 1:
            raise usage(CMD)
        for r, res in ctx.doc["resources"].items():
            if res["type"] == words.operands[0]:
                call.print(r)
        return 0
    if action == "value":
        if len(words.operands) != 2:
            raise usage(CMD)
        values = dict(static_rows(words.operands[0]))
        if words.operands[1] not in values:
            raise msg.attribute_missing(words.operands[1], "type %s" % words.operands[0])
        call.print(values[words.operands[1]])
        return 0
    wanted = words.many("attribute") or None
    rows = [(name, attr, value) for name in (words.operands or sorted(types.TYPES))
            for attr, value in static_rows(name) if wanted is None or attr in wanted]
    for line in type_table(rows):
        call.print(line)
    return 0


def static_rows(name):
    definition = types.TYPES[name]
    values = dict(types.TYPE_STATIC, **types.TYPE_TIMEOUTS.get(name, {}))
    values["ArgList"] = display(definition["arglist"])
    values["Operations"] = definition["operations"]
    return sorted((k, str(v)) for k, v in values.items())
