"""``passerelle ask check``: the runner for the logic, one real subprocess for the wiring."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

REQUEST = (
    "We have to choose a feature-flag service. Either LaunchDarkly or an in-house one. "
    "I'm not sure in-house stays cheap. Fellow CTOs, would you build it again?"
)


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    from passerelle.cli import app as app_module
    from passerelle.cli import ask

    ask.register(app_module.app)
    return app_module.app


def invoke(app: typer.Typer, *args: str, input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["ask", "check", *args], input=input)


def test_json_from_a_file(app: typer.Typer, tmp_path: Path) -> None:
    path = tmp_path / "ask.txt"
    path.write_text(REQUEST, encoding="utf-8")
    result = invoke(app, str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["quality"] == "productive"
    assert data["circle"] == "peers"
    assert data["fit"] is None


def test_card_from_stdin_with_a_circle(app: typer.Typer) -> None:
    result = invoke(app, "-", "--circle", "team", input=REQUEST)
    assert result.exit_code == 0, result.output
    assert "Quality: productive" in result.stdout
    assert "Fit: ✗" in result.stdout
    assert "Circles:" in result.stdout


def test_card_in_french_when_forced(app: typer.Typer) -> None:
    result = invoke(app, "-", "--lang", "fr", input="Je suis perdu, tout est compliqué.")
    assert result.exit_code == 0, result.output
    assert "Qualité: paralysante" in result.stdout
    assert "Réécriture" in result.stdout


def test_missing_file_is_a_usage_error(app: typer.Typer, tmp_path: Path) -> None:
    result = invoke(app, str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert "no such file" in result.stderr


def test_invalid_utf8_names_the_byte_offset(app: typer.Typer, tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    prefix = "Quelqu'un a déjà".encode()
    path.write_bytes(prefix + b"\xff")
    result = invoke(app, str(path))
    assert result.exit_code == 2
    assert f"invalid UTF-8 at byte {len(prefix)}" in result.stderr


def test_unknown_circle_and_empty_input(app: typer.Typer) -> None:
    assert invoke(app, "-", "--circle", "board", input=REQUEST).exit_code == 2
    empty = invoke(app, "-", input="  \n")
    assert empty.exit_code == 2
    assert "empty" in empty.stderr


def test_the_group_is_importable_for_other_commands() -> None:
    from passerelle.cli.ask import ask_app

    assert any(c.name == "check" for c in ask_app.registered_commands)


@pytest.mark.slow
def test_real_subprocess() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "passerelle", "ask", "check", "-", "--format", "json"],
        input=REQUEST.encode(),
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr.decode()
    assert json.loads(done.stdout)["quality"] == "productive"
