"""Console scripts with the product's command names (installed by pip)."""
from .commands import COMMANDS
from .entry import shim_main


def _script(name):
    def main():
        shim_main(name)
    main.__name__ = name
    return main


for _name in COMMANDS:
    globals()[_name] = _script(_name)
