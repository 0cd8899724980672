"""The published sites the browser tests open: the two example plans, published once per
test session (the tests only read them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, SMALL, Uscite


@pytest.fixture(scope="session")
def sites(uscite: Uscite) -> dict[str, Path]:
    """Plan folder name → its published site."""
    return {plan.parent.name: uscite.sito(plan) for plan in (EXAMPLE, SMALL)}
