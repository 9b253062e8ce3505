"""Shared fixtures: the seeds folder and a fixed publication day."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture
def seed_article() -> Path:
    return SEEDS / "putin-zelenskyy-moscow.md"


@pytest.fixture
def wednesday() -> dt.date:
    """2025-09-03, the seed article's publication day (a Wednesday)."""
    return dt.date(2025, 9, 3)
