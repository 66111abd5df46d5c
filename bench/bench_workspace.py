"""The workspace at scale: 2,000 people, 20,000 asks, 100,000 interactions, 10,000 learnings.

Prints the bulk-insert rate and the time of ``review``, ``learn search`` (median) and
``network`` against the issue's budgets, on SQLite and, when ``PASSERELLE_BENCH_DATABASE_URL``
or ``PASSERELLE_TEST_DATABASE_URL`` is set, on PostgreSQL (that database is wiped first).
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from databases import each_database
from passerelle.services import learnings, network, review
from passerelle.services.folding import name_key, terms
from passerelle.settings import Settings
from passerelle.store.models import Ask, AskRecipient, Interaction, Learning, Person, WorkspaceInfo
from passerelle.store.workspace import Store

TODAY = date(2026, 6, 1)
SIZES = {"people": 2_000, "asks": 20_000, "interactions": 100_000, "learnings": 10_000}
CIRCLES = ["peer"] * 6 + ["mentor"] * 2 + ["team"] * 6 + ["business", "expert", "board", "ceo"]
WORDS = (
    "architecture équipe délégation budget sécurité recrutement migration monolithe "
    "scalability hiring board roadmap pricing on-call incident données facturation cloud "
    "postgres latency confiance stratégie mentor career feedback déploiement tests qualité"
).split()
# Learnings are written with the domain words above and a long tail of rarer ones, as real
# notes are; queries are drawn the same way (so some match thousands of notes, most fewer).
TAIL = [f"mot{i}" for i in range(5_000)]
BUDGETS = {"review": 1.0, "search": 0.050, "network": 0.300}
MIN_RATE = 20_000


def _word(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return rng.choice(WORDS)
    return TAIL[min(int(rng.paretovariate(1.1)) - 1, len(TAIL) - 1) * 7 % len(TAIL)]


def _text(rng: random.Random, n: int) -> str:
    return " ".join(_word(rng) for _ in range(n))


def generate(sizes: dict[str, int]) -> list[tuple[Any, list[dict[str, Any]]]]:
    """Every row to insert, table by table, generated before the clock starts."""
    rng = random.Random(7)
    people = [
        {
            "name": f"Person {i}",
            "name_key": name_key(f"Person {i}"),
            "circle": rng.choice(CIRCLES),
            "organisation": f"Org {i % 300}",
            "expertise": rng.sample(WORDS, 2),
            "notes": "",
            "known_since": TODAY - timedelta(days=rng.randint(30, 900)),
        }
        for i in range(1, sizes["people"] + 1)
    ]
    asks: list[dict[str, Any]] = []
    recipients: list[dict[str, Any]] = []
    for i in range(1, sizes["asks"] + 1):
        created = TODAY - timedelta(days=rng.randint(0, 720))
        status = rng.choice(["draft", "sent", "answered", "closed"])
        sent = created if status != "draft" else None
        asks.append(
            {
                "id": i,
                "title": _text(rng, 6),
                "body": _text(rng, 40),
                "status": status,
                "urgency": rng.choice(["routine", "routine", "soon", "crisis"]),
                "quality": rng.choice(["productive", "incomplete", "paralysing"]),
                "fitting_circles": [rng.choice(["peers", "mentors", "team", "ceo"])],
                "created_on": created,
                "sent_on": sent,
                "answered_on": created + timedelta(days=3)
                if status in ("answered", "closed")
                else None,
                "closed_on": created + timedelta(days=6) if status == "closed" else None,
            }
        )
        if sent:
            recipients.append(
                {"ask_id": i, "person_id": rng.randint(1, sizes["people"]), "sent_on": sent}
            )
    interactions = [
        {
            "person_id": rng.randint(1, sizes["people"]),
            "occurred_on": TODAY - timedelta(days=rng.randint(0, 720)),
            "kind": "meeting",
            "gave": "help" if rng.random() < 0.3 else "",
            "received": "advice" if rng.random() < 0.3 else "",
            "summary": _text(rng, 5),
        }
        for _ in range(sizes["interactions"])
    ]
    items = []
    for i in range(1, sizes["learnings"] + 1):
        title, body, tags = _text(rng, 6), _text(rng, 60), rng.sample(WORDS, 2)
        items.append(
            {
                "title": title,
                "slug": f"learning-{i}",
                "body": body,
                "learned_on": TODAY - timedelta(days=rng.randint(0, 720)),
                "tags": tags,
                "categories": ["leadership"],
                "ask_id": i if i % 3 == 0 else None,
                "search_text": " ".join(terms(f"{title} {body} {' '.join(tags)}")),
            }
        )
    return [
        (WorkspaceInfo, [{"name": "Bench", "owner": "CTO"}]),
        (Person, people),
        (Ask, asks),
        (AskRecipient, recipients),
        (Interaction, interactions),
        (Learning, items),
    ]


def build(store: Store, sizes: dict[str, int]) -> tuple[int, float]:
    """Bulk-insert a generated workspace; returns the rows written and the seconds it took."""
    tables = generate(sizes)
    started = time.perf_counter()
    with store.write() as s:
        for model, rows in tables:
            s.execute(insert(model.__table__), rows)
    rows = sum(len(r) for _, r in tables)
    if store.engine.dialect.name == "postgresql":
        with store.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    return rows, time.perf_counter() - started


def _best(fn: Any, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def measure(label: str, store: Store, config: Settings, sizes: dict[str, int]) -> None:
    rows, seconds = build(store, sizes)
    rate = rows / seconds
    print(f"{label}: built {rows:,} rows in {seconds:.2f} s = {rate:,.0f} rows/s"
          + (f" (budget ≥ {MIN_RATE:,} on SQLite)" if label == "sqlite" else ""))  # fmt: skip

    def do_review() -> None:
        with store.read() as s:
            review.to_markdown(review.review(s, config, TODAY), "en")

    def do_network() -> None:
        with store.read() as s:
            network.network(s, config, TODAY)

    rng = random.Random(3)
    queries = [" ".join(_word(rng) for _ in range(rng.choice([1, 2]))) for _ in range(60)]
    searches = []
    with store.read() as s:
        for query in queries:
            started = time.perf_counter()
            learnings.search(s, query)
            searches.append(time.perf_counter() - started)
    figures = {
        "review": _best(do_review),
        "search": statistics.median(searches),
        "network": _best(do_network),
    }
    p90 = statistics.quantiles(searches, n=10)[-1]
    print(f"{label}: search p90 {p90 * 1000:.1f} ms, slowest {max(searches) * 1000:.1f} ms")
    for name, value in figures.items():
        verdict = "ok" if value <= BUDGETS[name] else "OVER BUDGET"
        budget = BUDGETS[name] * 1000
        print(f"{label}: {name:8s} {value * 1000:8.1f} ms  (budget {budget:.0f} ms) {verdict}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for label, store, config in each_database(Path(tmp)):
            measure(label, store, config, SIZES)


if __name__ == "__main__":
    main()
