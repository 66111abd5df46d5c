"""The decision log at scale: a workspace with 10,000 decisions and a delegation board.

Times ``decide list`` (the command in-process, and the service over all 10,000), the weekly
``review`` (decision signals included), importing 1,000 MADR files into that workspace and
exporting the workspace, against the issue's budgets, on SQLite and, when
``PASSERELLE_BENCH_DATABASE_URL`` or ``PASSERELLE_TEST_DATABASE_URL`` is set, on PostgreSQL
(that database is wiped first).
"""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from databases import each_database
from passerelle.domain.circles import Visibility
from passerelle.domain.decisions import BusinessRendering, Decision, Option, Status, StatusChange
from passerelle.domain.delegation import DelegationLevel
from passerelle.records import write_folder
from passerelle.services import decision_records, decisions, delegation, review
from passerelle.services.decision_rows import new_row
from passerelle.settings import Settings
from passerelle.store.base import utcnow
from passerelle.store.models import DecisionRow, WorkspaceInfo
from passerelle.store.workspace import Store

TODAY = date(2026, 11, 22)
SIZE, FILES = 10_000, 1_000
AREAS = ["Architecture of a service", "Choice of libraries", "Hiring in a team",
         "Production releases", "Vendor choice", "Budget", "Security"]  # fmt: skip
TEAMS = ["Billing", "Platform", "Data", "Mobile", "Growth"]
BUDGETS = {"decide list": 0.200, "review": 1.0, "import 1,000 files": 5.0,
           "export, per 1,000 files": 3.0}  # fmt: skip
WORDS = ("invoices customers release risk cost weeks team database pipeline budget support "
         "security partners reports sales delay month quarter data hosting").split()  # fmt: skip


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def decision(rng: random.Random, i: int, prefix: str = "") -> Decision:
    day = TODAY - timedelta(days=rng.randrange(1, 1500))
    status = rng.choice([Status.PROPOSED, Status.ACCEPTED, Status.ACCEPTED, Status.REJECTED,
                         Status.DEPRECATED])  # fmt: skip
    options = tuple(Option(f"Option {k}", _text(rng, 8), (_text(rng, 5),), (_text(rng, 5),))
                    for k in range(rng.randrange(1, 4)))  # fmt: skip
    return Decision(
        id=f"{day.isoformat()}-{prefix}decision-{i}",
        title=f"{prefix.title()}Decision {i}: {_text(rng, 5)}",
        status=status,
        date=day,
        context=_text(rng, 40),
        drivers=(_text(rng, 4), _text(rng, 4)),
        options=options,
        chosen_option=options[0].title,
        rationale=_text(rng, 12),
        consequences=_text(rng, 20),
        deciders=(rng.choice(["CTO", "Claire Martin", "Théo Garnier", "Camille Perrin"]),),
        consulted=("Yanis Morel",),
        area=rng.choice(AREAS),
        delegation_level=rng.choice(list(DelegationLevel)),
        review_on=day + timedelta(days=rng.randrange(90, 900)) if rng.random() < 0.5 else None,
        tags=(rng.choice(WORDS),),
        visibility=rng.choice(list(Visibility)),
        history=(StatusChange(Status.PROPOSED, day, "Claire Martin", "created"),),
        business=BusinessRendering(_text(rng, 15), _text(rng, 10), _text(rng, 10), _text(rng, 6)),
    )


def build(store: Store) -> float:
    """10,000 decisions and a board for five teams, inserted in bulk; returns the seconds."""
    rng = random.Random(5)
    rows = []
    for i in range(SIZE):
        row = new_row(decision(rng, i), check=False)
        row.business_errors = 0 if rng.random() < 0.9 else 1
        values = {c.key: getattr(row, c.key) for c in DecisionRow.__table__.columns}
        values.pop("id")
        values.update(version=1, created_at=utcnow(), source_hash="", source_key=None)
        rows.append(values)
    started = time.perf_counter()
    with store.write() as s:
        s.add(WorkspaceInfo(name="Bench", owner="Claire Martin"))
        s.execute(
            insert(DecisionRow), [{k: v for k, v in r.items() if v is not None} for r in rows]
        )
        for a, area in enumerate(AREAS[:-1]):
            for t, team in enumerate(TEAMS):
                level = 1 + (a + t) % 7
                delegation.set_level(s, area, team, on=TODAY - timedelta(days=200),
                                     current=level, target=min(7, level + 1))  # fmt: skip
    return time.perf_counter() - started


def best(fn: Callable[[], Any], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def _list_command(url: str) -> Callable[[], None]:
    from typer.testing import CliRunner

    from passerelle.cli import app as app_module

    if not any(g.name == "decide" for g in app_module.app.registered_groups):
        app_module._register()
    runner = CliRunner()

    def run() -> None:
        result = runner.invoke(app_module.app, ["--db", url, "decide", "list"],
                               env={"PASSERELLE_LANG": "en", "COLUMNS": "120"})  # fmt: skip
        assert result.exit_code == 0, result.output

    return run


def measure(label: str, store: Store, config: Settings, folder: Path) -> None:
    seconds = build(store)
    print(f"{label}: built {SIZE:,} decisions in {seconds:.2f} s")
    url = store.engine.url.render_as_string(hide_password=False)

    def list_all() -> None:
        with store.read() as s:
            assert len(decisions.listing(s, decisions.Role.OWNER)) == SIZE

    def do_review() -> None:
        with store.read() as s:
            review.to_markdown(review.review(s, config, TODAY), "en")

    rng = random.Random(11)
    files = folder / f"{label}-in"
    write_folder(files, [decision(rng, i, "imported-") for i in range(FILES)])

    def do_import(expected: int = FILES) -> None:
        with store.write() as s:
            result = decision_records.import_folder(s, files)
        assert len(result.created) == expected, (len(result.created), len(result.failed))

    out = folder / f"{label}-out"

    def do_export() -> None:
        with store.read() as s:
            written = decision_records.export_folder(s, out)
        assert len(written) == SIZE + FILES

    everything = best(list_all)
    figures = {
        "decide list": best(_list_command(url)),
        "review": best(do_review, 3),
        "import 1,000 files": best(do_import, 1),
        "export": best(do_export, 1),
    }
    print(f"{label}: listing all {SIZE:,} through the service: {everything * 1000:.1f} ms")
    started = time.perf_counter()
    do_import(0)  # a second import of the same folder: nothing to write
    print(f"{label}: importing the same 1,000 files again: {time.perf_counter() - started:.2f} s")
    # The budget is for exporting 1,000 files; the whole workspace is exported here.
    figures["export, per 1,000 files"] = figures.pop("export") * 1000 / (SIZE + FILES)
    print(f"{label}: export of all {SIZE + FILES:,} decisions: "
          f"{figures['export, per 1,000 files'] * (SIZE + FILES) / 1000:.2f} s")  # fmt: skip
    for name, value in figures.items():
        budget = BUDGETS[name]
        verdict = "ok" if value <= budget else "OVER BUDGET"
        print(f"{label}: {name:24s} {value * 1000:8.1f} ms  (budget {budget * 1000:.0f} ms)"
              f" {verdict}")  # fmt: skip


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for label, store, config in each_database(Path(tmp)):
            measure(label, store, config, Path(tmp))


if __name__ == "__main__":
    main()
