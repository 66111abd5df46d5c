"""A guard against N+1 queries: the SQL statements that ``trust`` for every stakeholder, the
review's trust section and a month's digest send do not grow with the workspace.

The same story is told on a small workspace and on one three times as large (people, groups,
commitments kept, late, broken, renegotiated or left open, surprises, the communication plan
and its log, requests answered or waiting, objectives): each reader must send exactly as many
statements on both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session

from passerelle.domain.tradeoff import RequestStatus
from passerelle.services import (
    commitments,
    comms,
    digest,
    people,
    requests,
    roadmap,
    stakeholders,
    trust,
    trust_review,
)
from passerelle.store.testing import fresh_store
from passerelle.store.workspace import Store

T = date(2026, 11, 20)
START = T - timedelta(days=200)


def fill(store: Store, n: int) -> None:
    """``n`` people and a group, each with a year of promises, talks and requests."""
    with store.write() as s:
        roadmap.add(s, f"Objective {n}", today=START)
        stakeholders.add_group(s, f"Board {n}", lang="en")
        for i in range(n):
            people.add(s, f"Person {i:03d}", "business", known_since=START)
        names = [f"#{p.id}" for p in people.views(s, store.settings, T)] + [f"Board {n}"]
        for k, who in enumerate(names):
            comms.set_plan(s, who, cadence="fortnightly", fmt="one_to_one", today=START)
            for week in range(0, 190, 12 + k % 5):
                comms.log(s, who, on=START + timedelta(days=week))
            for j in range(6):
                made = START + timedelta(days=20 * j + k)
                c = commitments.add(
                    s, who, f"Promise {k}-{j}", due=made + timedelta(days=15), today=made
                )
                if j == 0:
                    commitments.done(s, c.id, c.due)
                elif j == 1:
                    commitments.done(s, c.id, c.due + timedelta(days=3))
                elif j == 2:
                    commitments.break_(s, c.id, c.due, "no room")
                elif j == 3:
                    new_due = c.due + timedelta(days=10)
                    commitments.renegotiate(s, c.id, made + timedelta(days=5), new_due, "scope")
                elif j == 4:
                    commitments.done(s, c.id, c.due - timedelta(days=2))
                # j == 5 stays open, due in the past
            commitments.add(s, who, f"Next {k}", due=T + timedelta(days=20), today=T)
            if k % 2 == 0:
                trust.log_surprise(s, who, START + timedelta(days=40 + k), "outage")
        for i in range(n):
            r = requests.add(s, f"#{i + 1}", f"Request {i}", today=T - timedelta(days=30 + i))
            if i % 2:
                requests.score(s, r.id, 5, 3, 2, 5)
                requests.change(s, store.settings, r.id, RequestStatus.DECLINED, T, note="later")
            roadmap.link(s, "request", str(r.id), f"Objective {n}")


@contextmanager
def counted(store: Store) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(*args: Any) -> None:
        seen.append(args[2])  # the statement

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", count)


def statements(store: Store, read: Callable[[Session], object]) -> int:
    with store.read() as s:
        read(s)  # warm: the first read may look up the schema or the dialect
    with counted(store) as seen, store.read() as s:
        read(s)
    return len(seen)


READERS: dict[str, Callable[[Store], Callable[[Session], object]]] = {
    "trust, all stakeholders": lambda st: lambda s: trust.board(s, st.settings, T),
    "review, trust section": lambda st: lambda s: trust_review.section(s, st.settings, T),
    "digest, one month": lambda st: (
        lambda s: digest.render(digest.content(s, digest.period_of("2026-11"), "business", "en", T))
    ),
}


def test_statements_do_not_grow_with_the_workspace(tmp_path: Path) -> None:
    found: dict[int, dict[str, int]] = {}
    for n in (4, 12):
        store = fresh_store(tmp_path / str(n))
        try:
            fill(store, n)
            with store.read() as s:
                assert len(trust.board(s, store.settings, T)) == n + 1
            found[n] = {name: statements(store, make(store)) for name, make in READERS.items()}
        finally:
            store.close()
    assert found[4] == found[12]
    # A loose ceiling too, so that a reader cannot creep up unnoticed.
    assert all(count <= 30 for count in found[12].values()), found[12]
