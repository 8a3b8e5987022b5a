"""infoscale-sim init | log | reset | open | close | show"""
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
    return parser


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


ACTIONS = {"init": _init, "log": _log, "reset": _reset, "open": _open_close(True),
           "close": _open_close(False), "show": _show}

if __name__ == "__main__":
    sys.exit(main())
