"""``passerelle delegate``: set levels, show an area, the board as a grid, Markdown and JSON."""

from __future__ import annotations

import json
from collections.abc import Callable

from typer.testing import Result

Run = Callable[..., Result]


def test_set_show_and_board_in_three_forms(run: Run) -> None:
    area = "Choice of libraries"
    ok = run("delegate", "set", area, "Payments", "--level", "advise", "--target", "7",
             "--guardrail", "No AGPL licences", "--date", "2026-01-05")  # fmt: skip
    assert ok.exit_code == 0 and "5 advise → 7 delegate" in ok.output
    assert (
        run("delegate", "set", "Production releases", "Platform", "-l", "consensus").exit_code == 0
    )
    shown = run("delegate", "show", "Choice of libraries")
    assert "No AGPL licences" in shown.output and "Payments decides after asking" in shown.output
    grid = run("delegate", "board")
    assert "Payments" in grid.output and "Platform" in grid.output and "┃" in grid.output
    md = run("delegate", "board", "--format", "md").stdout
    assert md.startswith("| Area | Payments | Platform |")
    assert "| Choice of libraries | 5 advise → 7 delegate | — |" in md
    data = json.loads(run("delegate", "board", "--format", "json").stdout)
    assert data["holders"] == ["Payments", "Platform"]
    assert data["cells"][1]["current"] == 4
    french = run("delegate", "board", "--format", "md", lang="fr").stdout
    assert "5 conseiller → 7 déléguer" in french


def test_an_unknown_level_is_bad_input_and_writes_nothing(run: Run) -> None:
    bad = run("delegate", "set", "Hiring", "Payments", "--level", "9")
    assert bad.exit_code == 2 and "unknown delegation level" in bad.output
    assert "Empty board" in run("delegate", "board").output


def test_frame_only_and_nothing_to_set(run: Run) -> None:
    assert run("delegate", "set", "Budget", "--standard", "Quarterly review").exit_code == 0
    assert "Quarterly review" in run("delegate", "show", "Budget").output
    assert run("delegate", "set", "Budget").exit_code == 2
    unknown = run("delegate", "show", "Nothing")
    assert unknown.exit_code != 0 and "Unknown area" in unknown.output
