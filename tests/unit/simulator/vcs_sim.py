"""Helpers for the VCS simulator tests: a fast estate (speed 200, three nodes in prodclus)
and shortcuts to configure groups and read states."""
import os
import subprocess

import pytest

from infoscale_sim import store
from infoscale_sim.admin import cli
from infoscale_sim.admin import state as admin_state

from .conftest import Sim

SPEED = 200.0
ESTATE = """name: vcs-test
speed: {speed}
sites:
  - name: primary
    clusters:
      - name: prodclus
        nodes: [prod-n1, prod-n2, prod-n3]
        disks: {{count: 6, size: 10g, enclosure: emc0}}
  - name: secondary
    clusters:
      - name: drclus
        nodes: [dr-n1, dr-n2]
        disks: {{count: 2, size: 10g, enclosure: hds0}}
{extra}
"""


class VcsSim(Sim):
    speed = SPEED

    def configure(self, *commands, node="prod-n1"):
        """Run commands inside haconf -makerw ... haconf -dump -makero (each must succeed)."""
        self.ok("haconf -makerw", node)
        outputs = [self.run(c, node) for c in commands]
        for c, result in zip(commands, outputs):
            assert result.rc == 0, (c, result)
        self.ok("haconf -dump -makero", node)
        return outputs

    def group(self, name, systems=("prod-n1", "prod-n2", "prod-n3"), resources=(), parallel=False,
              extra=()):
        """resources: (name, type, {attr: value}, [children]) tuples, all enabled."""
        commands = ["hagrp -add %s" % name,
                    ["hagrp", "-modify", name, "SystemList"] + [w for i, s in enumerate(systems)
                                                                for w in (s, str(i))]]
        if parallel:
            commands.append("hagrp -modify %s Parallel 1" % name)
        for rname, rtype, attrs, _children in resources:
            commands.append("hares -add %s %s %s" % (rname, rtype, name))
            for attr, value in attrs.items():
                commands.append(["hares", "-modify", rname, attr] + (value if isinstance(value, list) else [str(value)]))
        for rname, _rtype, _attrs, children in resources:
            commands += ["hares -link %s %s" % (rname, child) for child in children]
        for rname, _rtype, _attrs, _children in resources:
            commands.append("hares -modify %s Enabled 1" % rname)
        return self.configure(*(list(commands) + list(extra)))

    def group_state(self, group, system):
        return self.ok(["hagrp", "-state", group, "-sys", system]).strip()

    def res_state(self, resource, system):
        return self.ok(["hares", "-state", resource, "-sys", system]).strip()

    def wait(self, group, state, system, timeout=120, node="prod-n1"):
        return self.run(["hagrp", "-wait", group, "State", state, "-sys", system, "-time", str(timeout)], node)

    def vcs(self, cluster="prodclus"):
        conn = store.connect(self.state)
        try:
            return store.read_domain(conn, "vcs:" + cluster)
        finally:
            conn.close()

    def admin(self, *words):
        return cli.main([words[0], "--state", self.state] + list(words[1:]))

    def fault_log(self, cluster="prodclus"):
        return self.vcs(cluster)["faults"]["log"]


def make(tmp_path, speed=SPEED, extra=""):
    simulated = VcsSim(tmp_path)
    simulated.speed = speed
    estate = tmp_path / "estate.yml"
    estate.write_text(ESTATE.format(speed=speed, extra=extra))
    admin_state.init(str(estate), simulated.state, simulated.inventory)
    return simulated


@pytest.fixture
def vsim(tmp_path):
    return make(tmp_path)


def shim(sim, command, node, *args, background=False):
    env = dict(os.environ, INFOSCALE_SIM_STATE=sim.state, INFOSCALE_SIM_NODE=node)
    argv = [os.path.join(sim.state, "bin", command)] + list(args)
    if background:
        return subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return subprocess.run(argv, env=env, capture_output=True, text=True)
