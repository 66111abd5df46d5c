"""Trust, review and digest on a stored workspace: 1,000 stakeholders, 50,000 commitments.

Issue 6 targets: ``trust`` for every stakeholder <= 500 ms, the review <= 1 s, a month's digest
<= 500 ms. Runs on a SQLite file, and on PostgreSQL too when ``PASSERELLE_TEST_DATABASE_URL``
is set (that database is wiped first). Each figure is the median of several runs, through the
same service functions the commands call.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event, insert

from passerelle.services import digest, review, trust
from passerelle.settings import Settings
from passerelle.store.models import (
    CommitmentRow,
    CommsPlanRow,
    CommunicationRow,
    Person,
    RequestChangeRow,
    RequestRow,
)
from passerelle.store.testing import wipe
from passerelle.store.workspace import Store, open_store

STAKEHOLDERS = 1_000
COMMITMENTS = 50_000
REQUESTS = 300
TODAY = date(2026, 11, 30)
TARGETS = {"trust, all stakeholders": 500.0, "review": 1000.0, "digest, one month": 500.0}


def fill(store: Store, seed: int = 6) -> None:
    rng = random.Random(seed)
    now = datetime.now(UTC)
    rec = {"created_at": now, "visibility": "business"}
    people = [
        {
            "id": i + 1,
            "name": f"Stakeholder {i:04d}",
            "name_key": f"stakeholder {i:04d}",
            "circle": rng.choice(["ceo", "business", "board"]),
            "organisation": "",
            "expertise": [],
            "notes": "",
            "known_since": TODAY - timedelta(days=800),
            "version": 1,
            **rec,
        }
        for i in range(STAKEHOLDERS)
    ]
    commitments = []
    for i in range(COMMITMENTS):
        made = TODAY - timedelta(days=rng.randrange(730))
        due = made + timedelta(days=rng.randrange(3, 60))
        roll = rng.random()
        outcome, closed = None, None
        if due < TODAY and roll < 0.95:
            outcome = rng.choices(["kept", "kept_early", "late", "broken"], [60, 20, 15, 5])[0]
            closed = due + timedelta(days=rng.randrange(1, 20)) if outcome == "late" else due
            closed = min(closed, TODAY)
        commitments.append(
            {
                "id": i + 1,
                "what": f"Promise {i}",
                "person_id": rng.randrange(STAKEHOLDERS) + 1,
                "made_on": made,
                "due": due,
                "confidence": 0.8,
                "outcome": outcome,
                "closed_on": closed,
                "reason": "",
                "lang": "en",
                "version": 1,
                **rec,
            }
        )
    plan = [
        {
            "person_id": i + 1,
            "cadence_days": rng.choice([7, 14, 30]),
            "format": "one_to_one",
            "since": TODAY - timedelta(days=365),
            "grace_days": 0,
            **rec,
        }
        for i in range(0, STAKEHOLDERS, 5)
    ]
    logs = [
        {
            "person_id": p["person_id"],
            "occurred_on": TODAY - timedelta(days=d),
            "summary": "",
            **rec,
        }
        for p in plan
        for d in range(0, 365, p["cadence_days"] + rng.randrange(0, 5))
    ]
    requests = [
        {
            "id": i + 1,
            "title": f"Request {i}",
            "why": "",
            "requester_id": rng.randrange(50) + 1,
            "department": "",
            "received_on": TODAY - timedelta(days=rng.randrange(120)),
            "lang": "en",
            "status": rng.choice(["received", "planned", "declined", "done"]),
            "business_value": 5,
            "time_criticality": 3,
            "risk_opportunity": 2,
            "job_size": 5,
            "version": 1,
            **rec,
        }
        for i in range(REQUESTS)
    ]
    changes = [
        {
            "request_id": r["id"],
            "changed_on": r["received_on"] + timedelta(days=3),
            "old_status": "received",
            "new_status": r["status"],
            "explanation": "…",
            "note": "",
            "lang": "en",
            "explained": True,
            **rec,
        }
        for r in requests
        if r["status"] != "received"
    ]
    with store.write() as s:
        for model, rows in (
            (Person, people),
            (CommitmentRow, commitments),
            (CommsPlanRow, plan),
            (CommunicationRow, logs),
            (RequestRow, requests),
            (RequestChangeRow, changes),
        ):
            for start in range(0, len(rows), 5000):
                s.execute(insert(model), rows[start : start + 5000])


def timed(fn: Callable[[], Any], runs: int = 5) -> float:
    found = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        found.append((time.perf_counter() - started) * 1000)
    return statistics.median(found)


def statements(store: Store, fn: Callable[[], Any]) -> int:
    """How many SQL statements one run sends (``tests/services/trust/test_query_counts``
    checks they do not grow with the workspace)."""
    seen: list[object] = []

    def count(*args: Any) -> None:
        seen.append(args[2])

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        fn()
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    return len(seen)


def measure(label: str, url: str) -> None:
    store = open_store(Settings(database_url=url))
    try:
        started = time.perf_counter()
        fill(store)
        print(f"[{label}] filled in {time.perf_counter() - started:.1f} s")
        settings = store.settings

        def board() -> None:
            with store.read() as s:
                assert len(trust.board(s, settings, TODAY)) == STAKEHOLDERS

        def weekly() -> None:
            with store.read() as s:
                review.review(s, settings, TODAY)

        def month() -> None:
            with store.read() as s:
                found = digest.content(s, digest.period_of("2026-11"), "business", "en", TODAY)
                digest.render(found)

        for name, fn in (
            ("trust, all stakeholders", board),
            ("review", weekly),
            ("digest, one month", month),
        ):
            ms = timed(fn, 3 if name == "review" else 5)
            verdict = "ok" if ms <= TARGETS[name] else "OVER TARGET"
            print(
                f"[{label}] {name}: {ms:.0f} ms (target <= {TARGETS[name]:.0f} ms) {verdict}, "
                f"{statements(store, fn)} SQL statements"
            )
    finally:
        store.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        measure("sqlite", f"sqlite+pysqlite:///{Path(tmp) / 'bench.sqlite'}")
    url = os.environ.get("PASSERELLE_TEST_DATABASE_URL")
    if url:
        wipe(url)
        measure("postgresql", url)


if __name__ == "__main__":
    main()
