"""haconf -makerw | -dump [-makero]: the configuration transaction.

-dump writes main.cf (and types.cf) under ST/nodes/<node>/etc/VRTSvcs/conf/config/ on
every node whose HAD runs; -makerw marks the configuration stale there (.stale file).
"""
import hashlib

from . import maincf
from . import messages as msg
from .args import parse, usage
from .context import open_cluster

CMD = "haconf"


def haconf(call, args):
    words = parse(CMD, args, flags=("makerw", "dump", "makero"))
    flags = words.flags - {"localclus"}
    if words.operands or flags not in ({"makerw"}, {"dump"}, {"dump", "makero"}):
        raise usage(CMD)
    ctx = open_cluster(call)
    doc = ctx.doc
    state = maincf.state_dir(call)
    nodes = [s for s in doc["systems"] if ctx.running(s)]
    if "makerw" in flags:
        if not doc["readonly"]:
            raise msg.already_writable()
        doc["readonly"] = False
        for node in nodes:
            maincf.set_stale(state, node, True)
        return 0
    if doc["readonly"]:
        raise msg.not_writable()
    dump(ctx, state, nodes, stale="makero" not in flags)
    if "makero" in flags:
        doc["readonly"] = True
    return 0


def dump(ctx, state, nodes, stale=False):
    text = maincf.render(ctx.doc, list(ctx.doc["systems"]))
    for node in nodes:
        maincf.write(state, node, text, stale=stale)
    ctx.doc["dumped"] = hashlib.sha1(text.encode()).hexdigest()
    return text
