"""``passerelle ask new|send|answer|close|list`` on an ``ask`` group, with the real analyser."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

PRODUCTIVE = (
    "Our billing monolith slows every release. I see three options: extract billing as a "
    "service, a modular monolith, or wait. I doubt we have the people to run services. "
    "Has anyone made this move at our size?"
)


@pytest.fixture
def ask(run: Callable[..., Result]) -> Callable[..., Result]:
    return run


def test_lifecycle_from_a_file(ask: Callable[..., Result], tmp_path: Path) -> None:
    ask("people", "add", "Inès Roy", "--circle", "peer", "-e", "billing")
    text = tmp_path / "ask.md"
    text.write_text(PRODUCTIVE, encoding="utf-8")
    made = ask("ask", "new", "--file", str(text), "--title", "Billing", "-f", "json")
    assert made.exit_code == 0, made.output
    data = json.loads(made.output)
    assert data["status"] == "draft" and data["quality"] == "productive"
    assert data["circle"] == "peer" and data["people"][0]["name"] == "Inès Roy"
    assert ask("ask", "send", "1", "--to", "Inès").exit_code == 0
    answered = ask(
        "ask", "answer", "1", "--from", "Inès", "--text", "Modular first", "--useful", "5"
    )
    assert answered.exit_code == 0, answered.output
    closed = ask("ask", "close", "1", "--learning", "Split by module first.")
    assert closed.exit_code == 0 and "learning: billing" in closed.output
    listed = json.loads(ask("ask", "list", "--status", "closed", "-f", "json").output)
    assert [a["id"] for a in listed] == [1]


def test_interactive_compose_is_coached(ask: Callable[..., Result]) -> None:
    answers = "\n".join(
        [
            "Platform lead?",
            "The infra team is three people and one carries all on-call.",
            "Hire a senior platform lead or grow the current engineer.",
            "Option A: hire. Option B: grow him with a coach.",
            "I doubt I can assess a senior platform profile.",
            "Has anyone made this choice at our size?",
            "",
        ]
    )
    made = ask("ask", "new", input=answers + "\n")
    assert made.exit_code == 0, made.output
    assert "Quality" in made.output and "Draft #1 saved." in made.output


def test_errors(ask: Callable[..., Result]) -> None:
    assert ask("ask", "send", "99", "--to", "x").exit_code == 1
    assert ask("ask", "list", "--status", "lost").exit_code == 2
    assert ask("ask", "new", "--file", "/nonexistent/ask.md").exit_code == 2
