"""Fixtures for integration tests: a fresh simulated estate per test."""

from pathlib import Path

import pytest

from harness import DEFAULT_ESTATE, init_estate


@pytest.fixture
def estate(tmp_path):
    """The default two-site estate, freshly initialised in this test's tmp_path."""
    return init_estate(tmp_path / 'estate')


@pytest.fixture
def make_estate(tmp_path):
    """A factory for further estates: make_estate(estate_file=DEFAULT_ESTATE, name=None)."""
    made = []

    def factory(estate_file=DEFAULT_ESTATE, name=None):
        made.append(name)
        return init_estate(tmp_path / (name or 'estate-%d' % len(made)), estate_file)
    return factory


FAST_ESTATE = Path(__file__).parent / 'estates' / 'two-site-fast.yml'


@pytest.fixture
def fast_estate(tmp_path):
    """The two-site estate with simulated time 20 times faster (VCS onlines, waits)."""
    return init_estate(tmp_path / 'estate', FAST_ESTATE)
