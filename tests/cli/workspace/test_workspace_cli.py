"""``init``, ``db``, ``backup``, ``restore``, ``demo``, ``learn`` and ``review`` end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result


def test_init_then_status(run: Callable[..., Result]) -> None:
    done = run("init", "--name", "Lumio", "--owner", "Claire")
    assert done.exit_code == 0 and "Lumio" in done.output
    assert "current" in run("db", "status").output
    assert "Already up to date" in run("db", "upgrade").output


def test_demo_review_and_every_format(run: Callable[..., Result], tmp_path: Path) -> None:
    built = run("demo", "--today", "2026-06-01")
    assert built.exit_code == 0, built.output
    assert run("demo").exit_code == 1  # refuses to overwrite without --replace
    data = json.loads(run("review", "--format", "json", "--today", "2026-06-01").output)
    codes = {s["code"] for s in data["signals"]}
    assert {"anxiety-without-ask", "contacts-overdue", "learnings-missing"} <= codes
    assert data["waiting"] and data["to_write"] and data["overdue"]
    md = run("review", "--format", "md", "--today", "2026-06-01", lang="fr").output
    assert md.startswith("# Revue de la semaine — 2026-06-01")
    assert "Radar" in run("review").output
    statuses = {a["status"] for a in json.loads(run("ask", "list", "-f", "json").output)}
    assert statuses == {"draft", "sent", "answered", "closed"}
    found = json.loads(run("learn", "search", "equipe", "-f", "json").output)
    assert any("équipe" in item["tags"] for item in found)
    assert run("learn", "export", str(tmp_path / "site")).exit_code == 0
    assert len(list((tmp_path / "site").glob("*.md"))) == 6


def test_backup_restore_round_trip(run: Callable[..., Result], tmp_path: Path) -> None:
    run("people", "add", "Zoé", "--circle", "expert")
    target = tmp_path / "w.json"
    assert run("backup", str(target)).exit_code == 0
    assert run("restore", str(target)).exit_code == 1  # not empty
    assert run("restore", str(target), "--replace").exit_code == 0
    assert json.loads(run("people", "list", "-f", "json").output)[0]["name"] == "Zoé"
    missing = run("restore", str(tmp_path / "nope.json"))
    assert missing.exit_code == 2 and "not found" in missing.output


def test_learn_commands(run: Callable[..., Result]) -> None:
    added = run(
        "learn", "add", "Déléguer à l'équipe", "--body", "Le cadre d'abord.", "-t", "équipe"
    )
    assert added.exit_code == 0 and "deleguer-a-l-equipe" in added.output
    shown = run("learn", "show", "deleguer-a-l-equipe")
    assert shown.output.startswith("---\ntitle: Déléguer à l'équipe\n")
    assert json.loads(run("learn", "list", "-f", "json", "--tag", "équipe").output)[0]["id"] == 1
    assert run("learn", "show", "nope").exit_code == 1


@pytest.mark.slow
def test_the_installed_command_runs_in_a_real_process(tmp_path: Path) -> None:
    db = tmp_path / "real.sqlite"
    base = [sys.executable, "-m", "passerelle", "--db", str(db)]
    env = {"PASSERELLE_LANG": "en", "PATH": "/usr/bin:/bin"}
    first = subprocess.run(
        [*base, "people", "add", "Ana", "-c", "peer"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert first.returncode == 0, first.stderr
    listed = subprocess.run(
        [*base, "people", "list", "-f", "json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert json.loads(listed.stdout)[0]["name"] == "Ana"
