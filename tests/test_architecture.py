"""The pure core (analysis/, domain/) never imports the database, the web or the command line."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "passerelle"
CORE = ("analysis", "domain")
FORBIDDEN = (
    "sqlalchemy",
    "alembic",
    "psycopg",
    "fastapi",
    "starlette",
    "jinja2",
    "typer",
    "rich",
    "click",
    "passerelle.store",
    "passerelle.services",
    "passerelle.cli",
    "passerelle.web",
    "passerelle.migrations",
    "passerelle.settings",
)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


@pytest.mark.parametrize(
    "path",
    sorted(p for part in CORE for p in (PACKAGE / part).rglob("*.py")),
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_core_module_stays_pure(path: Path) -> None:
    bad = sorted(
        name
        for name in _imports(path)
        if any(name == f or name.startswith(f + ".") for f in FORBIDDEN)
    )
    assert not bad, f"{path.relative_to(PACKAGE)} imports {', '.join(bad)}"
