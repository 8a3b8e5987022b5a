"""The project's copy of the captures must not fall behind the shared set."""

from pathlib import Path

import pytest

from . import samples

SHARED = Path(__file__).resolve().parents[3] / 'shared' / 'samples'
COPY = Path(__file__).resolve().parents[1] / 'samples'


@pytest.mark.skipif(not SHARED.is_dir(), reason='the shared capture set is not beside this checkout')
def test_every_shared_capture_is_in_the_project_copy():
    missing = sorted(p.name for p in SHARED.iterdir() if not (COPY / p.name).is_file())
    changed = sorted(p.name for p in SHARED.iterdir()
                     if (COPY / p.name).is_file() and (COPY / p.name).read_bytes() != p.read_bytes())
    assert (missing, changed) == ([], [])


def test_the_copy_holds_captures():
    assert samples.names('README.md') == []
    assert len(list(COPY.glob('vx*.txt'))) >= 20
