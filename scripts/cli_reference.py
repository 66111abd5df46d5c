"""Write docs/cli.md, the command-line reference, from the commands' own --help.

Run it after changing a command: ``python scripts/cli_reference.py``. The test suite fails when
a command is missing from docs/cli.md, so the reference cannot lag behind the code.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

from passerelle.cli.app import _register, app

OUT = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def commands() -> Iterator[tuple[str, Any]]:
    """Every command and group, as (full name, click command), depth first, sorted."""
    _register()
    root = typer.main.get_command(app)

    def walk(prefix: str, command: Any) -> Iterator[tuple[str, Any]]:
        yield prefix, command
        if hasattr(command, "commands"):
            for name in sorted(command.commands):
                yield from walk(f"{prefix} {name}", command.commands[name])

    yield from walk("passerelle", root)


def help_text(name: str, command: Any) -> str:
    parts = name.split()
    if hasattr(command, "rich_markup_mode"):
        command.rich_markup_mode = None  # plain click formatting, not boxes drawn on stdout
    context = command.context_class(command, info_name=parts[-1])
    with context:
        formatter = context.make_formatter()
        formatter.width = 100
        command.format_help(context, formatter)
        return formatter.getvalue().replace(f"Usage: {parts[-1]}", f"Usage: {name}", 1)


def render() -> str:
    lines = [
        "# Command-line reference",
        "",
        "Generated from each command's `--help` by `scripts/cli_reference.py`: do not edit.",
        "",
    ]
    for name, command in commands():
        lines += [f"## `{name}`", "", "```text", help_text(name, command).rstrip(), "```", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    OUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUT}", file=sys.stderr)
