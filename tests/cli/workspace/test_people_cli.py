"""``passerelle people`` and ``network`` through the real command line."""

from __future__ import annotations

import json
from collections.abc import Callable

from typer.testing import Result


def test_add_list_show_log_snooze_edit(run: Callable[..., Result]) -> None:
    added = run("people", "add", "Inès Roy", "--circle", "peer", "-e", "scaling, billing")
    assert added.exit_code == 0, added.output
    assert "Inès Roy (#1)" in added.output
    assert run("people", "log", "ines", "--received", "advice", "-d", "-40d").exit_code == 0
    listed = json.loads(run("people", "list", "--format", "json").output)
    assert listed[0]["name"] == "Inès Roy" and listed[0]["overdue_days"] == 10
    assert listed[0]["received"] == 1
    shown = json.loads(run("people", "show", "#1", "-f", "json").output)
    assert shown["interactions"][0]["received"] == "advice"
    assert run("people", "snooze", "Inès", "--until", "+5d").exit_code == 0
    assert json.loads(run("people", "list", "--overdue", "-f", "json").output) == []
    assert run("people", "edit", "Inès", "--circle", "mentor").exit_code == 0
    assert "mentor" in run("people", "show", "Inès").output


def test_bad_input_exits_non_zero_with_a_message(run: Callable[..., Result]) -> None:
    run("people", "add", "Léa", "--circle", "team")
    dup = run("people", "add", "LEA", "--circle", "team")
    assert dup.exit_code == 1 and "already exists" in dup.output
    unknown = run("people", "log", "Nobody")
    assert unknown.exit_code == 1 and "Unknown person" in unknown.output
    bad_date = run("people", "log", "Léa", "--date", "2026-02-30")
    assert bad_date.exit_code == 2 and "Invalid date" in bad_date.output
    bad_circle = run("people", "add", "Max", "--circle", "friends", lang="fr")
    assert bad_circle.exit_code == 2 and "Cercle inconnu" in bad_circle.output


def test_network_json(run: Callable[..., Result]) -> None:
    run("people", "add", "Peer", "--circle", "peer")
    run("people", "log", "Peer", "--gave", "a review")
    data = json.loads(run("network", "--format", "json").output)
    cover = {c["circle"]: c for c in data["coverage"]}
    assert cover["peer"]["people"] == 1 and cover["peer"]["thin"]
    assert data["reciprocity"] == [{"name": "Peer", "given": 1, "received": 0}]
    assert "Reciprocity" in run("network").output
