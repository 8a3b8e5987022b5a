"""Exceptions that end a simulated command with a product-style message and exit code."""


class CommandFailed(Exception):
    """The simulated command fails: `lines` go to stderr, `rc` is the exit code."""

    def __init__(self, rc, *lines):
        super().__init__("\n".join(lines))
        self.rc = rc
        self.lines = list(lines)


def vxvm_error(cmd, code, text, rc):
    """`VxVM <cmd> ERROR V-5-1-<code> <text>` with exit code rc."""
    return CommandFailed(rc, f"VxVM {cmd} ERROR V-5-1-{code} {text}")


def vxvm_script_error(cmd, code, text, rc=1):
    """Utility scripts (vxdisksetup, vxdiskunsetup) use the V-5-2 catalogue."""
    return CommandFailed(rc, f"VxVM {cmd} ERROR V-5-2-{code} {text}")


class EstateError(Exception):
    """The estate file is missing or invalid."""


class SimStateError(Exception):
    """The simulator state folder is missing or unusable (not a product error)."""
