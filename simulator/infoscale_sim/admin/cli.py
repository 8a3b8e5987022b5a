"""infoscale-sim init | log | reset | open | close | show | write | fault | maincf | timing"""
import argparse
import json
import os
import sys
import time

from .. import store
from ..errors import EstateError, SimStateError

ENV_STATE = "INFOSCALE_SIM_STATE"


def _parser():
    parser = argparse.ArgumentParser(prog="infoscale-sim", description="Simulated InfoScale estate")
    sub = parser.add_subparsers(dest="action", required=True)

    def with_state(p):
        p.add_argument("--state", default=os.environ.get(ENV_STATE),
                       help="state folder (default: $INFOSCALE_SIM_STATE)")
        return p

    p = with_state(sub.add_parser("init", help="create a simulated estate"))
    p.add_argument("--estate", help="estate YAML (default: simulator/estates/two-site.yml)")
    p.add_argument("--inventory", help="Ansible inventory to write (default: STATE/inventory.yml)")
    p.add_argument("--force", action="store_true", help="replace an existing state")
    p = with_state(sub.add_parser("log", help="audit log of simulated CLI calls"))
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("--node")
    p.add_argument("--since", type=int, help="only calls with id > SINCE")
    p.add_argument("--changed", action="store_true", help="only calls that changed state")
    with_state(sub.add_parser("reset", help="back to the fresh estate, log cleared"))
    for name in ("open", "close"):
        p = with_state(sub.add_parser(name, help="mark a volume %s on a node (mounted file system)" % name))
        p.add_argument("--node", required=True)
        p.add_argument("target", metavar="DG/VOL")
    with_state(sub.add_parser("show", help="human summary"))
    p = with_state(sub.add_parser("write", help="simulate guest writes to a volume (snapshots diverge)"))
    p.add_argument("--node", required=True)
    p.add_argument("target", metavar="DG/VOL")
    p.add_argument("size", metavar="SIZE", help="length written (sectors, or with k/m/g/t)")
    p.add_argument("--offset", default="0", help="where the write starts (default 0)")
    _vcs_parsers(sub, with_state)
    return parser


def _vcs_parsers(sub, with_state):
    p = with_state(sub.add_parser("fault", help="inject VCS faults (resources, nodes, HAD)"))
    faults = p.add_subparsers(dest="fault_action", required=True)
    f = faults.add_parser("resource", help="the resource's next online fails (FAULTED)")
    f.add_argument("target", metavar="RESOURCE")
    f.add_argument("--cluster", required=True)
    f = faults.add_parser("resource-now", help="fault an online resource now")
    f.add_argument("target", metavar="RESOURCE")
    f.add_argument("--system", required=True)
    for name, text in (("crash-node", "the node dies: its groups fail over, its commands fail"),
                       ("stop-had", "HAD stops on the node (SysState EXITED)"),
                       ("restore-node", "the node (or its HAD) is back")):
        faults.add_parser(name, help=text).add_argument("target", metavar="NODE")
    for name, text in (("clear", "remove pending injected resource faults"),
                       ("list", "pending faults and the fault log as JSON")):
        faults.add_parser(name, help=text).add_argument("--cluster")
    for name, text in (("site-down", "every node of the site crashes (GCO: remote clusters lose it)"),
                       ("site-up", "every node of the site is back")):
        faults.add_parser(name, help=text).add_argument("target", metavar="SITE")
    for name, text in (("intersite-link-down", "the sites lose each other (GCO heartbeats, wac connections)"),
                       ("intersite-link-up", "the inter-site link is back")):
        faults.add_parser(name, help=text).add_argument(
            "sites", metavar="SITE", nargs="*", help="two sites (default: every pair of sites)")
    f = faults.add_parser("replication-link", help="a replication link goes down (SRLs fill) or comes back up")
    f.add_argument("link_state", choices=("down", "up"))
    f.add_argument("--link", metavar="FROM-TO", help="clusters of the estate link (optional with a single link)")
    p = with_state(sub.add_parser("maincf", help="print a node's main.cf (as last dumped)"))
    p.add_argument("--cluster")
    p.add_argument("--node")
    p.add_argument("--running", action="store_true", help="the in-memory configuration, dumped or not")
    p = with_state(sub.add_parser("timing", help="simulated agent times of one resource"))
    p.add_argument("resource", metavar="RESOURCE")
    p.add_argument("--cluster", required=True)
    p.add_argument("--online", type=float, help="seconds to come online")
    p.add_argument("--offline", type=float, help="seconds to go offline")
    p.add_argument("--reset", action="store_true", help="back to the type's times")


def main(argv=None):
    args = _parser().parse_args(argv)
    if not args.state:
        print("infoscale-sim: --state or %s is required" % ENV_STATE, file=sys.stderr)
        return 2
    try:
        return ACTIONS[args.action](args)
    except (EstateError, SimStateError) as exc:
        print("infoscale-sim: %s" % exc, file=sys.stderr)
        return 1


def _init(args):
    from .state import init

    estate = init(args.estate, args.state, args.inventory, args.force)
    nodes = sum(len(c["nodes"]) for s in estate["sites"] for c in s["clusters"])
    print("infoscale-sim: estate %s with %d nodes in %s" % (estate["name"], nodes, os.path.abspath(args.state)))
    return 0


def _log(args):
    conn = store.connect(args.state)
    try:
        rows = store.audit_rows(conn, node=args.node, since=args.since, changed_only=args.changed)
        for row in rows:
            if args.json:
                print(json.dumps(row))
            else:
                stamp = time.strftime("%H:%M:%S", time.localtime(row["time"]))
                print("%5d %s %-10s rc=%-3d %-7s %6.1fms %s" % (
                    row["id"], stamp, row["node"], row["rc"], "changed" if row["changed"] else "-",
                    row["duration"] * 1000, " ".join(row["argv"])))
    finally:
        conn.close()
    return 0


def _reset(args):
    from .state import reset

    reset(args.state)
    return 0


def _open_close(is_open):
    def action(args):
        from .state import set_open

        set_open(args.state, args.node, args.target, is_open)
        return 0
    return action


def _show(args):
    from .show import summary

    sys.stdout.write(summary(args.state))
    return 0


def _write(args):
    from ..vxvm.guest_writes import write

    write(args.state, args.node, args.target, args.size, args.offset)
    return 0


def _fault(args):
    from .vcs_admin import fault

    if args.fault_action == "replication-link":
        from ..vvr.admin import link_fault

        return link_fault(args.state, args.link, args.link_state)
    return fault(args)


def _maincf(args):
    from .vcs_admin import show_maincf

    if not args.cluster and not args.node:
        print("infoscale-sim: maincf needs --cluster or --node", file=sys.stderr)
        return 2
    sys.stdout.write(show_maincf(args))
    return 0


def _timing(args):
    from .vcs_admin import timing

    return timing(args)


ACTIONS = {"init": _init, "log": _log, "reset": _reset, "open": _open_close(True),
           "close": _open_close(False), "show": _show, "fault": _fault, "maincf": _maincf,
           "timing": _timing, "write": _write}

if __name__ == "__main__":
    sys.exit(main())
