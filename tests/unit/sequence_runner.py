"""A Runner stand-in for read-path unit tests: answers each read in turn, records every argv."""

from ansible_collections.continuum.infoscale.plugins.module_utils._runner import CommandError


class SequenceRunner:
    """``answers``: (rc, out, err) per read, in order; a non-zero rc raises CommandError as the Runner does."""

    def __init__(self, answers):
        self.answers = list(answers)
        self.calls = []

    def read(self, argv):
        self.calls.append(argv)
        rc, out, err = self.answers.pop(0)
        if rc:
            raise CommandError(argv, rc, out, err)
        return rc, out, err
