"""The published sites the browser tests open: the two example plans, published once per
test session (the tests only read them)."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from piao.publish import publish_plan
from tests.conftest import EXAMPLE, SMALL

OGGI = datetime.date(2026, 11, 22)


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Plan folder name → its published site."""
    out = {}
    for plan in (EXAMPLE, SMALL):
        folder = tmp_path_factory.mktemp(plan.parent.name)
        publish_plan(plan, folder, oggi=OGGI)
        out[plan.parent.name] = folder
    return out
