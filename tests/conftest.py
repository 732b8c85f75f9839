"""Shared fixtures. Tests use real SQLite files in tmp_path; real-data tests read ../shared/sipsa and skip
with a clear reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "sipsa"


def shared_path(*parts: str) -> Path:
    """A file under ../shared/sipsa, or skip the test when the real data is not beside the project."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"real SIPSA data not available at {path} (../shared/sipsa is absent)")
    return path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "mirror.db"
