"""The trust ledger on the workspace: evidence from commitments, surprises and the plan."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from passerelle.domain.trust import Evidence
from passerelle.services import commitments, comms, people, trust
from passerelle.services.errors import InvalidInputError
from passerelle.settings import Settings
from passerelle.store.workspace import Store

T = date(2026, 11, 10)


@pytest.fixture
def two(store: Store) -> Store:
    with store.write() as s:
        people.add(s, "Claire Martin", "ceo", known_since=date(2025, 1, 1))
        people.add(s, "Hugo Bernard", "business", known_since=date(2025, 1, 1))
    return store


def test_kept_promises_raise_and_a_broken_one_lowers(two: Store) -> None:
    with two.write() as s:
        for i in range(3):
            c = commitments.add(
                s,
                "Claire",
                f"task {i}",
                due=T - timedelta(days=60 - i),
                today=T - timedelta(days=90),
            )
            commitments.done(s, c.id, c.due)
        b = commitments.add(
            s, "Hugo", "report", due=T - timedelta(days=20), today=T - timedelta(days=30)
        )
        commitments.break_(s, b.id, T - timedelta(days=20), "no time")
    with two.read() as s:
        board = {row.name: row.now for row in trust.board(s, two.settings, T)}
    assert board["Claire Martin"].expected > 0.5 > board["Hugo Bernard"].expected


def test_open_commitment_past_due_counts_as_late(two: Store) -> None:
    with two.write() as s:
        commitments.add(
            s, "Hugo", "slides", due=T - timedelta(days=3), today=T - timedelta(days=10)
        )
    with two.read() as s:
        detail = trust.detail(s, two.settings, "Hugo", T)
    assert [m.kind for m in detail.movers] == [Evidence.LATE]
    assert detail.score.expected < 0.5


def test_surprise_and_communication_on_cadence(two: Store) -> None:
    with two.write() as s:
        comms.set_plan(
            s, "Claire", cadence="weekly", fmt="one_to_one", today=T - timedelta(days=35)
        )
        for week in range(5):
            comms.log(s, "Claire", on=T - timedelta(days=35 - 7 * week))
        trust.log_surprise(s, "Hugo", T - timedelta(days=1), "outage during his demo")
    with two.read() as s:
        claire = trust.detail(s, two.settings, "Claire", T)
        hugo = trust.detail(s, two.settings, "Hugo", T)
    assert {m.kind for m in claire.movers} == {Evidence.ON_CADENCE}
    assert claire.score.expected > 0.5
    assert hugo.movers[0].kind is Evidence.SURPRISE
    assert hugo.movers[0].note == "outage during his demo"
    assert len(hugo.trend) >= 52


def test_parameters_come_from_the_settings(two: Store) -> None:
    with two.write() as s:
        trust.log_surprise(s, "Hugo", T, "x")
    heavy = Settings(trust={"surprise": {"weight": 8}})
    with two.read() as s:
        default = trust.detail(s, two.settings, "Hugo", T).score.expected
        tuned = trust.detail(s, heavy, "Hugo", T).score.expected
    assert tuned < default
    with pytest.raises(InvalidInputError):
        trust.params(Settings(trust={"broken": {"weight": 0.1}}))


def test_fast_path_gives_the_cores_events(two: Store) -> None:
    """Closed commitments are turned into events without the core's object; the result must be
    exactly what ``domain.commitments.trust_events`` gives."""
    from passerelle.domain.commitments import trust_events
    from passerelle.services.commitments import to_domain
    from passerelle.store.repos import commitments as repo

    with two.write() as s:
        for i, end in enumerate(("done-early", "done-late", "broken", "open", "moved")):
            c = commitments.add(
                s, "Claire", f"c{i}", due=T - timedelta(days=10), today=T - timedelta(days=40)
            )
            if end == "done-early":
                commitments.done(s, c.id, T - timedelta(days=12))
            elif end == "done-late":
                commitments.done(s, c.id, T - timedelta(days=5))
            elif end == "broken":
                commitments.break_(s, c.id, T - timedelta(days=11), "why")
            elif end == "moved":
                commitments.renegotiate(s, c.id, T - timedelta(days=20), T - timedelta(days=8), "r")
                commitments.done(s, c.id, T - timedelta(days=8))
    with two.read() as s:
        fast = trust.commitment_events(s, T, with_text=True)
        slow = [e for row in repo.listing(s) for e in trust_events(to_domain(row), T)]
    assert sorted(fast, key=repr) == sorted(slow, key=repr)


def test_the_grouped_ledger_scores_exactly_as_the_events(two: Store) -> None:
    """``ledger`` lets the database group the evidence; every score must be what the events,
    one by one through the core, give (to the last bit), on every day asked."""
    from passerelle.domain import trust as model
    from passerelle.services import stakeholders

    start = T - timedelta(days=120)
    with two.write() as s:
        stakeholders.add_group(s, "Board", "en")
        for k, who in enumerate(("Claire", "Hugo", "Board")):
            comms.set_plan(s, who, cadence="weekly", fmt="one_to_one", today=start)
            for week in range(0, 120, 9 + k):
                comms.log(s, who, on=start + timedelta(days=week))
            for j, end in enumerate(
                ("kept", "early", "late", "broken", "moved-kept", "moved-open", "open", "moved")
            ):
                made = start + timedelta(days=7 * j + k)
                c = commitments.add(s, who, f"c{j}", due=made + timedelta(days=20), today=made)
                if end.startswith("moved"):
                    c = commitments.renegotiate(
                        s, c.id, made + timedelta(days=3), c.due + timedelta(days=30), "scope"
                    )
                if end in ("kept", "moved-kept"):
                    commitments.done(s, c.id, c.due)
                elif end == "early":
                    commitments.done(s, c.id, c.due - timedelta(days=4))
                elif end == "late":
                    commitments.done(s, c.id, c.due + timedelta(days=2))
                elif end == "broken":
                    commitments.break_(s, c.id, c.due, "no room")
            commitments.add(s, who, "later", due=T + timedelta(days=5), today=T)
            trust.log_surprise(s, who, start + timedelta(days=50 + k), "outage", weight=1.5)
    p = trust.params(two.settings)
    for today in (T - timedelta(days=60), T, T + timedelta(days=40)):
        with two.read() as s:
            book = trust.ledger(s, today)
            evidence = trust.events(s, today)
        for at in (today - timedelta(days=30), today):
            grouped, one_by_one = book.scores(at, p), model.scores(evidence, at, p)
            assert grouped == one_by_one
            assert [(x.positive.hex(), x.negative.hex()) for x in grouped.values()] == [
                (x.positive.hex(), x.negative.hex()) for x in one_by_one.values()
            ]
    assert len(one_by_one) == 3
