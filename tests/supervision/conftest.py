"""Supervision tests keep uploaded evidence in a temporary MEDIA_ROOT."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
