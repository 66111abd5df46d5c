"""``passerelle decide``: the commands over the services, in-process with Typer's runner, plus
one real subprocess for the wiring. Bad input ends with a clear message, exit code 2 and
nothing written."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select
from typer.testing import Result

from passerelle.store.models import DecisionRow
from passerelle.store.workspace import Store

DATA = Path(__file__).resolve().parent.parent / "data" / "records"
Run = Callable[..., Result]


def count(store: Store) -> int:
    with store.read() as s:
        return int(s.scalar(select(func.count()).select_from(DecisionRow)) or 0)


def new(run: Run, title: str, *args: str) -> str:
    result = run("decide", "new", title, "--date", "2026-03-02", *args)
    assert result.exit_code == 0, result.output
    return result.stdout.split(": ", 1)[1].splitlines()[0].strip()


def test_new_list_show_tech_and_business(run: Run) -> None:
    slug = new(run, "Move billing to PostgreSQL", "--context", "Invoices broke twice.",
               "--option", "Stay", "--option", "PostgreSQL", "--chosen", "PostgreSQL",
               "--value", "Invoices go out on time.", "--timing", "Done by March.")  # fmt: skip
    assert slug == "2026-03-02-move-billing-to-postgresql"
    listed = json.loads(run("decide", "list", "--format", "json").stdout)
    assert [d["id"] for d in listed] == [slug]
    tech = run("decide", "show", slug, "--format", "md").stdout
    assert "Invoices broke twice." in tech and "Stay" in tech
    business = run("decide", "show", "billing", "--for", "business", "--format", "md").stdout
    assert "Invoices go out on time." in business and "Invoices broke twice." not in business
    data = json.loads(run("decide", "show", slug, "--for", "business", "-f", "json").stdout)
    assert set(data) == {"id", "title", "status", "date", "business"}
    french = run("decide", "show", slug, "--for", "business", "-f", "md", lang="fr").stdout
    assert "Ce que cela apporte" in french


def test_a_stakeholder_sees_only_business_decisions_and_only_their_business_version(
    run: Run,
) -> None:
    shared = new(run, "Plain one", "--value", "Customers get invoices on time.")
    hidden = new(run, "Hidden one", "--context", "internal detail")
    assert run("decide", "share", shared, "--with", "business").exit_code == 0
    listed = json.loads(run("decide", "list", "--as", "stakeholder", "-f", "json").stdout)
    assert [d["id"] for d in listed] == [shared]
    refused = run("decide", "show", hidden, "--as", "stakeholder")
    assert refused.exit_code == 2 and "Unknown decision" in refused.output
    tech = run("decide", "show", shared, "--as", "stakeholder", "--for", "tech")
    assert tech.exit_code == 2 and "business version" in tech.output
    ok = run("decide", "show", shared, "--as", "stakeholder", "--for", "business", "-f", "json")
    assert json.loads(ok.stdout)["business"]["value"] == "Customers get invoices on time."


def test_status_commands_and_supersede_with_a_cycle_refused(run: Run, store: Store) -> None:
    old = new(run, "Deploy with scripts")
    newer = new(run, "Deploy with a pipeline")
    assert run("decide", "accept", old, "--by", "Claire").exit_code == 0
    assert run("decide", "accept", newer).exit_code == 0
    assert run("decide", "supersede", old, "--by", newer).exit_code == 0
    cycle = run("decide", "supersede", newer, "--by", old)
    assert cycle.exit_code == 2 and "cycle" in cycle.output
    shown = json.loads(run("decide", "show", newer, "-f", "json").stdout)
    assert shown["status"] == "accepted" and shown["supersedes"] == [old]
    again = run("decide", "accept", old)
    assert again.exit_code == 2 and "cannot go from superseded" in again.output
    assert count(store) == 2


def test_unknown_id_and_unknown_level_are_bad_input(run: Run, store: Store) -> None:
    unknown = run("decide", "show", "2001-01-01-nothing")
    assert unknown.exit_code == 2 and "Unknown decision" in unknown.output
    level = run("decide", "new", "Adopt httpx", "--level", "boss")
    assert level.exit_code == 2 and "unknown delegation level" in level.output
    assert count(store) == 0


def test_share_refused_on_checker_errors_then_forced_with_a_kept_reason(run: Run) -> None:
    slug = new(run, "Migrate", "--value", "Faster releases.", "--risk", "Zero risk, guaranteed.")
    refused = run("decide", "share", slug, "--with", "business")
    assert refused.exit_code != 0 and "Sharing refused" in refused.output
    assert "Zero risk" in refused.output  # each error is listed
    no_reason = run("decide", "share", slug, "--force")
    assert no_reason.exit_code == 2 and "--reason" in no_reason.output
    forced = run("decide", "share", slug, "--force", "--reason", "The CEO needs it tonight")
    assert forced.exit_code == 0 and "reason kept" in forced.output
    shown = json.loads(run("decide", "show", slug, "-f", "json").stdout)
    assert shown["visibility"] == "business"
    assert shown["share_override"].endswith("The CEO needs it tonight")


RECORD = """---
status: proposed
date: 2026-06-01
decision-makers: [Claire Martin]
---
# Réécrire l’export comptable

## Context and Problem Statement

L’export casse à chaque clôture.

## Business Rendering

### Value

La clôture du mois se fait sans reprise à la main.
"""


def test_new_from_a_markdown_record_and_a_malformed_one(
    run: Run, store: Store, tmp_path: Path
) -> None:
    (tmp_path / "record.md").write_text(RECORD, encoding="utf-8")
    good = run("decide", "new", "--from", str(tmp_path / "record.md"))
    assert good.exit_code == 0, good.output
    shown = json.loads(run("decide", "show", "export", "-f", "json").stdout)
    assert shown["id"] == "2026-06-01-reecrire-l-export-comptable"
    assert shown["deciders"] == ["Claire Martin"]
    assert shown["business"]["value"].startswith("La clôture")
    ghost = DATA / "madr4" / "2026-05-20-one-database-file-per-laptop.md"
    unknown = run("decide", "new", "--from", str(ghost))  # supersedes a decision not here
    assert unknown.exit_code == 2 and "Unknown decision" in unknown.output
    broken = DATA / "broken" / "2025-01-01-malformed-yaml.md"
    bad = run("decide", "new", "--from", str(broken))
    assert bad.exit_code == 2 and "malformed YAML" in bad.output
    assert "Nothing was written" in bad.output
    superseded = DATA / "madr4" / "2026-04-10-keep-sqlite-for-laptops.md"
    assert run("decide", "new", "--from", str(superseded)).exit_code == 2
    missing = run("decide", "new", "--from", "/nowhere/x.md")
    assert missing.exit_code == 2
    assert count(store) == 1


def test_new_guided_asks_each_part_and_asks_again_for_a_bad_level(run: Run) -> None:
    answers = "\n".join([
        "Adopt a feature flag service", "", "We ship risky changes.", "Build", "Buy", "",
        "2", "Less code to run.", "A vendor bill.", "CTO", "boss", "5", "+90d",
        "Safer releases.", "200 euros a month.", "Low.", "Next month.",
    ]) + "\n"  # fmt: skip
    result = run("decide", "new", "--guided", input=answers)
    assert result.exit_code == 0, result.output
    assert "unknown delegation level" in result.output  # asked again, then accepted
    data = json.loads(run("decide", "show", "feature-flag", "-f", "json").stdout)
    assert data["chosen_option"] == "Buy" and data["delegation_level"] == 5
    assert data["business"]["cost"] == "200 euros a month."


def test_new_without_title_off_a_terminal_is_bad_input(run: Run) -> None:
    result = run("decide", "new")
    assert result.exit_code == 2 and "--from FILE" in result.output


def test_review_lists_due_decisions_and_records_a_review(run: Run) -> None:
    slug = new(run, "Keep SQLite on laptops", "--review", "2026-01-01")
    due = json.loads(run("decide", "review", "-f", "json").stdout)
    assert [d["id"] for d in due] == [slug]
    done = run("decide", "review", slug, "--next", "+30d", "--note", "still right")
    assert done.exit_code == 0
    assert json.loads(run("decide", "review", "-f", "json").stdout) == []


def test_import_twice_reports_broken_files_and_does_not_duplicate(
    run: Run, store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "adr"
    shutil.copytree(DATA / "madr4", folder / "madr4")
    shutil.copytree(DATA / "broken", folder / "broken")
    first = run("decide", "import", str(folder))
    assert first.exit_code == 2  # some files could not be read
    assert "✗ broken/2025-01-02-unknown-status.md: line 3: unknown status" in first.output
    assert "3 created" in first.output
    second = run("decide", "import", str(folder), "-f", "json")
    report = json.loads(second.stdout)
    assert report["created"] == [] and len(report["unchanged"]) == 3
    assert {f["file"] for f in report["failed"]} >= {"broken/2025-01-01-malformed-yaml.md"}
    assert count(store) == 3


def test_export_writes_madr_files_that_import_reads_back(run: Run, tmp_path: Path) -> None:
    new(run, "Keep a decision log", "--value", "Everyone can see why.")
    out = tmp_path / "out"
    assert run("decide", "export", str(out)).exit_code == 0
    files = sorted(p.name for p in out.iterdir())
    assert files == ["2026-03-02-keep-a-decision-log.md"]
    again = json.loads(run("decide", "import", str(out), "-f", "json").stdout)
    assert again["created"] == [] and again["updated"] == []


def test_the_real_command_runs(tmp_path: Path) -> None:
    env = {**os.environ, "PASSERELLE_LANG": "en"}
    db = str(tmp_path / "w.sqlite")
    base = [sys.executable, "-m", "passerelle", "--db", db, "decide"]
    made = subprocess.run([*base, "new", "Adopt httpx"], capture_output=True, text=True, env=env)
    assert made.returncode == 0, made.stderr
    bad = subprocess.run([*base, "show", "nope"], capture_output=True, text=True, env=env)
    assert bad.returncode == 2 and "Unknown decision" in bad.stderr
