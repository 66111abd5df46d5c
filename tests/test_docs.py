"""Docs that cannot lag: every command and every setting is documented."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location(
    "cli_reference", ROOT / "scripts" / "cli_reference.py"
)
assert spec and spec.loader
cli_reference = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cli_reference)

COMMANDS = list(cli_reference.commands())
DOCUMENTED = set(re.findall(r"^## `([^`]+)`$", (ROOT / "docs" / "cli.md").read_text(), re.M))


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_every_command_is_in_the_reference(name: str, command: object) -> None:
    assert name in DOCUMENTED, f"{name} is missing from docs/cli.md: run scripts/cli_reference.py"


@pytest.mark.parametrize(
    ("name", "command"),
    [(n, c) for n, c in COMMANDS if not hasattr(c, "commands")],
    ids=[n for n, c in COMMANDS if not hasattr(c, "commands")],
)
def test_every_command_shows_an_example(name: str, command: object) -> None:
    assert "Example" in cli_reference.help_text(name, command), f"{name} has no example"


def test_every_checker_setting_is_documented() -> None:
    from passerelle.config import _KEYS

    rules_doc = (ROOT / "docs" / "rules.md").read_text()
    for key in _KEYS:
        assert re.search(rf"^{key} = ", rules_doc, re.M), f"setting '{key}' is not in docs/rules.md"
