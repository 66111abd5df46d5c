from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner, Result

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


@pytest.fixture(scope="session")
def cli() -> typer.Typer:
    """The real ``passerelle`` app with every command group registered once."""
    from passerelle.cli import app as app_module

    if not any(g.name == "commit" for g in app_module.app.registered_groups):
        app_module._register()
    return app_module.app


@pytest.fixture
def run(cli: typer.Typer, store: Store) -> Callable[..., Result]:
    """Run ``passerelle --db <the test database> ARGS`` in-process, in English."""
    url = store.engine.url.render_as_string(hide_password=False)
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, lang: str = "en") -> Result:
        return runner.invoke(cli, ["--db", url, *args], input=input, env={"PASSERELLE_LANG": lang})

    return invoke
