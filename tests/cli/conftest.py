"""Fixtures for the command-line tests: a fresh workspace and the real app to run against it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner, Result

from passerelle.store.testing import fresh_store
from passerelle.store.workspace import Store

Run = Callable[..., Result]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A migrated, empty workspace: a new SQLite file, or PostgreSQL when configured."""
    opened = fresh_store(tmp_path)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(scope="session")
def cli() -> typer.Typer:
    """The real ``passerelle`` app with every command group registered."""
    from passerelle.cli.app import _register, app

    _register()
    return app


@pytest.fixture
def run(cli: typer.Typer, store: Store) -> Run:
    """Run ``passerelle --db <the test database> ARGS`` in-process, in English by default."""
    url = store.engine.url.render_as_string(hide_password=False)

    def invoke(*args: str, input: str | None = None, lang: str = "en") -> Result:
        return CliRunner().invoke(
            cli, ["--db", url, *args], input=input, env={"PASSERELLE_LANG": lang}
        )

    return invoke
