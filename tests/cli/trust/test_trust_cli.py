"""The trust and communication commands, end to end on a real workspace."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

Run = Callable[..., Result]
T = "2026-11-10"


@pytest.fixture
def ws(run: Run) -> Run:
    assert run("people", "add", "Claire Martin", "--circle", "ceo").exit_code == 0
    assert run("people", "add", "Hugo Bernard", "--circle", "business").exit_code == 0
    assert run("comms", "group", "Comité de direction", "--lang", "fr").exit_code == 0
    return run


def test_commit_lifecycle(ws: Run) -> None:
    made = ws(
        "commit",
        "add",
        "Claire",
        "Send the hiring plan",
        "--due",
        "2026-11-20",
        "--today",
        T,
        "--format",
        "json",
    )
    assert made.exit_code == 0, made.output
    cid = str(json.loads(made.output)["id"])
    moved = ws(
        "commit",
        "renegotiate",
        cid,
        "--due",
        "2026-11-30",
        "--reason",
        "budget review",
        "--on",
        "2026-11-15",
    )
    assert moved.exit_code == 0, moved.output
    assert ws("commit", "done", cid, "--on", "2026-11-28").exit_code == 0
    listed = json.loads(ws("commit", "list", "--format", "json").output)
    assert listed[0]["status"] == "kept_early"
    assert listed[0]["original_due"] == "2026-11-20"


def test_overpromise_warns_before_saving(ws: Run) -> None:
    refused = ws(
        "commit", "add", "Claire", "We guarantee zero downtime", "--due", "+7d", input="n\n"
    )
    assert refused.exit_code == 1
    assert "guarantee" in refused.output.lower()
    assert json.loads(ws("commit", "list", "--format", "json").output) == []
    saved = ws("commit", "add", "Claire", "We guarantee zero downtime", "--due", "+7d", "--yes")
    assert saved.exit_code == 0
    assert len(json.loads(ws("commit", "list", "--format", "json").output)) == 1


@pytest.mark.parametrize(
    "args",
    [
        ("commit", "add", "Claire", "Report", "--due", "2020-01-01"),
        ("commit", "add", "Nobody at all", "Report", "--due", "+3d"),
        ("request", "add", "Ghost", "Something"),
        ("digest", "--period", "2026-11"),
        ("digest", "--period", "2026-13"),
        ("comms", "plan", "Claire", "--cadence", "sometimes"),
        ("trust", "Nobody at all"),
    ],
)
def test_bad_input_exits_2(ws: Run, args: tuple[str, ...]) -> None:
    result = ws(*args)
    assert result.exit_code == 2, result.output
    assert "passerelle:" in result.output


def test_score_outside_the_scale_exits_2(ws: Run) -> None:
    assert ws("request", "add", "Hugo", "Export invoices", "--today", T).exit_code == 0
    result = ws(
        "request", "score", "1", "--value", "4", "--urgency", "5", "--risk", "3", "--size", "5"
    )
    assert result.exit_code == 2
    assert "business_value" in result.output and "13" in result.output


def test_requests_tradeoff_in_the_requesters_language(ws: Run) -> None:
    ws("request", "add", "Hugo", "Export des factures", "--why", "la clôture du mois", "--today", T)
    ws("request", "add", "Hugo", "Sales dashboard", "--lang", "en", "--today", T)
    ws("request", "score", "1", "--value", "8", "--urgency", "8", "--risk", "3", "--size", "13")
    ws("request", "score", "2", "--value", "13", "--urgency", "8", "--risk", "5", "--size", "13")
    planned = ws("request", "plan", "2", "--today", T)
    assert planned.exit_code == 0 and "Sales dashboard" in planned.output
    accepted = ws("request", "accept", "1", "--today", T)
    assert accepted.exit_code == 0
    assert (
        "«\u00a0Export des factures\u00a0»" in accepted.output
        and "Sales dashboard" in accepted.output
    )
    declined = ws("request", "decline", "2", "--reason", "le budget est gelé", "--today", T)
    assert declined.exit_code == 0
    shown = json.loads(ws("request", "show", "2", "--format", "json").output)
    assert [h["to"] for h in shown["history"]] == ["planned", "declined"]
    assert all(h["explanation"] for h in shown["history"])


def test_digest_sent_logs_every_recipient_and_keeps_trust_out(ws: Run, tmp_path: Path) -> None:
    ws("comms", "plan", "Comité", "--cadence", "monthly", "--as", "digest", "--today", "2026-10-01")
    ws("comms", "plan", "Claire", "--cadence", "monthly", "--as", "digest", "--today", "2026-10-01")
    ws("commit", "add", "Claire", "Plan de recrutement", "--due", "2026-11-20", "--today", T)
    ws(
        "commit",
        "add",
        "Hugo",
        "Private promise",
        "--due",
        "2026-11-21",
        "--today",
        T,
        "--visibility",
        "private",
    )
    ws("trust", "Hugo", "--surprise", "SECRET-SURPRISE outage", "--today", T)
    out = ws("digest", "--period", "2026-11", "--today", "2026-11-12", "--out", str(tmp_path))
    assert out.exit_code == 0, out.output
    html = next(tmp_path.glob("*.html")).read_text("utf-8")
    md = next(tmp_path.glob("*.md")).read_text("utf-8")
    assert "<h1>" in html and "Plan de recrutement" in html
    for text in (md, html, next(tmp_path.glob("*.txt")).read_text("utf-8")):
        assert "SECRET-SURPRISE" not in text
        assert "Private promise" not in text
        assert "%" not in text  # no trust score
    assert md.startswith("# Synthèse pour la direction — novembre 2026")
    sent = ws("digest", "send", "--period", "2026-11", "--today", "2026-11-12")
    assert sent.exit_code == 0, sent.output
    due = json.loads(ws("comms", "due", "--today", "2026-11-12", "--format", "json").output)
    assert {d["audience"]: d["last"] for d in due} == {
        "Comité de direction": "2026-11-12",
        "Claire Martin": "2026-11-12",
    }
    again = ws("digest", "send", "--period", "2026-11", "--today", "2026-11-13")
    assert again.exit_code == 1


def test_trust_shows_score_chart_movers_and_pillars(ws: Run) -> None:
    ws("commit", "add", "Hugo", "Slides", "--due", "2026-10-05", "--today", "2026-10-01")
    ws("commit", "break", "1", "--reason", "no time", "--on", "2026-10-05")
    one = ws("trust", "Hugo", "--today", T)
    assert one.exit_code == 0, one.output
    assert "Hugo Bernard" in one.output and "promise broken" in one.output
    assert "┤" in one.output  # the chart's axis
    assert "Transparency" in one.output
    board = json.loads(ws("trust", "--today", T, "--format", "json").output)
    assert board["stakeholders"][0]["name"] == "Hugo Bernard"
    assert board["stakeholders"][0]["expected"] < 0.5
    assert len(board["pillars"]) == 4


def test_roadmap_shows_what_serves_none(ws: Run) -> None:
    ws("commit", "add", "Claire", "Hiring plan", "--due", "+5d")
    ws("commit", "add", "Claire", "Budget", "--due", "+6d")
    ws("roadmap", "add", "Grow the team")
    assert ws("roadmap", "link", "commitment", "1", "team").exit_code == 0
    assert ws("roadmap", "link", "commitment", "99", "team").exit_code == 2
    data = json.loads(ws("roadmap", "--format", "json").output)
    assert [i["title"] for i in data["objectives"][0]["items"]] == ["Hiring plan"]
    assert [i["title"] for i in data["unlinked"]] == ["Budget"]


@pytest.mark.slow
def test_commands_are_wired(tmp_path: Path) -> None:
    env = {**os.environ, "PASSERELLE_LANG": "en"}
    db = str(tmp_path / "w.sqlite")
    for group in ("commit", "comms", "digest", "request", "roadmap", "trust"):
        done = subprocess.run(
            [sys.executable, "-m", "passerelle", "--db", db, group, "--help"],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert "Example" in done.stdout or "Usage" in done.stdout


def test_review_carries_trust_signals_and_pillars(ws: Run) -> None:
    ws("commit", "add", "Hugo", "Slides", "--due", "2026-10-05", "--today", "2026-10-01")
    data = json.loads(ws("review", "--today", T, "--format", "json").output)
    codes = {s["code"] for s in data["trust"]["signals"]}
    assert "commitments-late" in codes
    assert len(data["trust"]["pillars"]["rates"]) == 4
    md = ws("review", "--today", T, "--format", "md").output
    assert "## Trust and communication" in md and "## The four pillars" in md
