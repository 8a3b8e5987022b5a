"""Run one simulated CLI invocation: resolve node, open the state, dispatch, audit.

In-process use (tests, benchmarks):
    rc, out, err = run(["vxdisk", "-o", "alldgs", "list"], node="prod-n1", state=DIR)
Shims call shim_main(<command>), which reads INFOSCALE_SIM_STATE and INFOSCALE_SIM_NODE.
"""
import os
import sys
import time

from . import clock, store
from .commands import COMMANDS, handler
from .errors import CommandFailed, SimStateError
from .topology import Topology
from .vcs.hooks import before_command

ENV_STATE = "INFOSCALE_SIM_STATE"
ENV_NODE = "INFOSCALE_SIM_NODE"
RC_INTERNAL = 70

_connections = {}   # (pid, state) -> sqlite3 connection, the few most recently used
MAX_CONNECTIONS = 4


class Call:
    """What a command handler sees: who runs it, the state, and its output streams."""

    def __init__(self, txn, node, argv):
        self.txn = txn
        self.node = node
        self.argv = argv
        self.command = argv[0]
        meta = txn.meta()
        self.meta = meta
        self.topology = Topology(meta["estate"])
        self.cluster = self.topology.cluster_of(node)
        self.site = self.topology.site_of(node)
        self.readonly = False
        self._out = []
        self._err = []

    def print(self, line=""):
        self._out.append(line)

    def eprint(self, line):
        self._err.append(line)

    def doc(self, name):
        return self.txn.doc(name)

    def vxvm(self):
        """The VxVM domain document of this node's cluster."""
        return self.txn.doc("vxvm:" + self.cluster)

    def now(self):
        return clock.now(self.meta["clock_origin"], self.meta["estate"]["speed"])

    def mark_readonly(self):
        """The handler only reads: skip comparing documents at the end."""
        self.readonly = True

    def stdout(self):
        return "".join(line + "\n" for line in self._out)

    def stderr(self):
        return "".join(line + "\n" for line in self._err)


def _connection(state):
    key = (os.getpid(), os.path.abspath(state))
    conn = _connections.pop(key, None)
    if conn is None:
        conn = store.connect(state)
        while len(_connections) >= MAX_CONNECTIONS:
            old_key = next(iter(_connections))
            old = _connections.pop(old_key)
            if old_key[0] == key[0]:
                old.close()
    _connections[key] = conn
    return conn


def run(argv, node=None, state=None):
    """Run argv (argv[0] = command name) as `node`; returns (rc, stdout, stderr)."""
    started = time.time()
    argv = [os.path.basename(argv[0])] + list(argv[1:])
    state = state or os.environ.get(ENV_STATE)
    node = node or os.environ.get(ENV_NODE)
    if not state:
        return 2, "", f"{argv[0]}: {ENV_STATE} is not set (simulator state folder)\n"
    try:
        conn = _connection(state)
    except SimStateError as exc:
        return 2, "", f"{argv[0]}: {exc}\n"
    with store.Transaction(conn) as txn:
        estate_nodes = Topology(txn.meta()["estate"]).node_cluster
        if not node or node not in estate_nodes:
            rc, out, err, changed = 2, "", f"{argv[0]}: {ENV_NODE} names no node of the estate: {node!r}\n", False
        elif argv[0] not in COMMANDS:
            rc, out, err, changed = 127, "", f"{argv[0]}: command not found\n", False
        else:
            rc, out, err, changed = _dispatch(txn, node, argv)
        txn.audit(started, node or "", argv, rc, changed, time.time() - started, out, err)
    return rc, out, err


def _dispatch(txn, node, argv):
    call = Call(txn, node, argv)
    try:
        before_command(call)   # a crashed node runs nothing; VCS time catches up
        rc = handler(argv[0])(call, argv[1:])
    except CommandFailed as failure:
        for line in failure.lines:
            call.eprint(line)
        txn.discard()
        return failure.rc, call.stdout(), call.stderr(), False
    except Exception:  # a simulator bug: say so, keep the state untouched
        import traceback

        txn.discard()
        call.eprint(f"infoscale-sim internal error in {argv[0]}:")
        for line in traceback.format_exc().splitlines():
            call.eprint(line)
        return RC_INTERNAL, call.stdout(), call.stderr(), False
    changed = txn.flush(skip_compare=call.readonly)
    return rc, call.stdout(), call.stderr(), changed


def shim_main(command):
    """Entry point of DIR/bin/<command> shims and console scripts."""
    rc, out, err = run([command] + sys.argv[1:])
    if out:
        sys.stdout.write(out)
        sys.stdout.flush()
    if err:
        sys.stderr.write(err)
        sys.stderr.flush()
    sys.exit(rc)
