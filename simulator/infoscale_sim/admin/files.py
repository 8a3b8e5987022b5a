"""Files written by `infoscale-sim init`: command shims, node interpreter wrappers, inventory."""
import os
import shlex
import stat
import sys

from ..commands import COMMANDS
from ..topology import disk_names

SHIM = """#!{python} -ES
# infoscale-sim shim: the simulated `{command}` command
import sys
sys.path.insert(0, {package_root!r})
from infoscale_sim.entry import shim_main
shim_main({command!r})
"""

WRAPPER = """#!/bin/sh
# infoscale-sim: Python interpreter of simulated node {node}
INFOSCALE_SIM_STATE={state}
INFOSCALE_SIM_NODE={node_q}
# VCS_CONF is the product's own variable for its configuration root (default /etc/VRTSvcs).
VCS_CONF={vcs_conf}
PATH={bin}:"$PATH"
export INFOSCALE_SIM_STATE INFOSCALE_SIM_NODE VCS_CONF PATH
exec {python} "$@"
"""


def package_root():
    """The folder holding the infoscale_sim package (added to sys.path by the shims)."""
    return os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _write_executable(path, text):
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
    mode = os.stat(path).st_mode
    os.chmod(path, mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def write_shims(state_dir, python=None):
    bin_dir = os.path.join(state_dir, "bin")
    os.makedirs(bin_dir, exist_ok=True)
    for command in COMMANDS:
        _write_executable(os.path.join(bin_dir, command), SHIM.format(
            python=python or sys.executable, command=command, package_root=package_root()))
    return bin_dir


def wrapper_path(state_dir, node):
    return os.path.join(state_dir, "nodes", node, "python")


def write_wrappers(state_dir, estate, python=None):
    bin_dir = os.path.join(state_dir, "bin")
    for site in estate["sites"]:
        for cluster in site["clusters"]:
            for node in cluster["nodes"]:
                path = wrapper_path(state_dir, node)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                _write_executable(path, WRAPPER.format(
                    node=node, node_q=shlex.quote(node), state=shlex.quote(state_dir),
                    vcs_conf=shlex.quote(os.path.join(state_dir, "nodes", node, "etc", "VRTSvcs")),
                    bin=shlex.quote(bin_dir), python=shlex.quote(python or sys.executable)))


def inventory(state_dir, estate):
    """Ansible YAML inventory: site group > cluster group > node hosts."""
    sites = {}
    for site in estate["sites"]:
        clusters = {}
        for cluster in site["clusters"]:
            clusters[cluster["name"]] = {
                "hosts": {node: {"ansible_connection": "local",
                                 "ansible_python_interpreter": wrapper_path(state_dir, node)}
                          for node in cluster["nodes"]},
                "vars": {"infoscale_cluster": cluster["name"],
                         "infoscale_site": site["name"],
                         "infoscale_shared_disks": disk_names(cluster)},
            }
        sites[site["name"]] = {"children": clusters}
    return {"all": {"children": sites}}


def write_inventory(path, state_dir, estate):
    import yaml

    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("# Written by infoscale-sim init: simulated estate %s\n" % estate["name"])
        yaml.safe_dump(inventory(state_dir, estate), handle, sort_keys=False, default_flow_style=False)
