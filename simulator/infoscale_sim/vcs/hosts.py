"""Which nodes are down (crashed by `infoscale-sim fault crash-node`): the 'hosts' domain.

doc = {"down": {node: simulated time of the crash}}. Every simulated command run on a
down node fails like a dead host (simulator exit code 255).
"""
from ..errors import CommandFailed

DOC = "hosts"
RC_NODE_DOWN = 255


def down_nodes(call):
    return call.doc(DOC).get("down", {})


def refuse_if_down(call):
    if call.node in down_nodes(call):
        raise CommandFailed(RC_NODE_DOWN, "%s: host %s is down (crashed by 'infoscale-sim fault "
                                          "crash-node'); no command runs there" % (call.command, call.node))
