from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from passerelle.store.testing import fresh_store
from passerelle.store.workspace import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A migrated, empty workspace: a new SQLite file, or PostgreSQL when configured."""
    opened = fresh_store(tmp_path)
    try:
        yield opened
    finally:
        opened.close()
