"""The ask lifecycle on a real database: draft, sent, answered, closed with a learning."""

from __future__ import annotations

from datetime import date

import pytest

from passerelle.services import asks, people
from passerelle.services.coach import Coaching, Route
from passerelle.services.errors import InvalidInputError, InvalidStateError, NotFoundError
from passerelle.store.models import Interaction
from passerelle.store.workspace import Store

DAY = date(2026, 5, 4)

PEERS_FIRST = Coaching(
    lang="en",
    quality="productive",
    score=80,
    missing=(),
    suggestions=(),
    template="",
    urgency="soon",
    routes=(
        Route("peers", 0.9, "strategic choice", "reciprocity"),
        Route("experts", 0.8, "architecture", "costly"),
        Route("team", 0.2, "", ""),
    ),
    fitting=("peers", "experts"),
)

DRAFT = asks.Draft(
    title="Monolith or services?",
    situation="Our billing monolith slows every release.",
    options="A: split billing out. B: modular monolith. C: wait a year.",
    doubts="I doubt we have the people to run services.",
    question="Has anyone made this move at our size?",
)


def _people(store: Store) -> None:
    with store.write() as s:
        people.add(s, "Inès Roy", "peer", expertise="architecture, billing")
        people.add(s, "Hugo Blanc", "peer", expertise="hiring")
        people.add(s, "Sam Audit", "expert", expertise="security")
        people.add(s, "Théo Lead", "team")


def test_new_keeps_parts_coaching_and_suggests_people(store: Store) -> None:
    _people(store)
    with store.write() as s:
        ask, verdict = asks.new(s, DRAFT, today=DAY, coaching=PEERS_FIRST)
        suggested = asks.suggest_people(s, verdict, DRAFT.text())
    assert ask.status == "draft" and ask.visibility == "private"
    assert ask.urgency == "soon" and ask.circle == "peer" and ask.quality == "productive"
    assert ask.fitting_circles == ["peers", "experts"]
    assert "A: split billing out" in ask.body
    # peers and experts, the one whose expertise the ask mentions (billing) first
    assert [p.name for p in suggested] == ["Inès Roy", "Hugo Blanc", "Sam Audit"]


def test_given_urgency_and_circle_win_and_bad_values_are_refused(store: Store) -> None:
    with store.write() as s:
        ask, _ = asks.new(s, DRAFT, urgency="crisis", circle="mentor", coaching=PEERS_FIRST)
        assert (ask.urgency, ask.circle) == ("crisis", "mentor")
        with pytest.raises(InvalidInputError):
            asks.new(s, DRAFT, urgency="yesterday", coaching=PEERS_FIRST)
        with pytest.raises(InvalidInputError):
            asks.new(s, asks.Draft(), coaching=None)


def test_full_lifecycle_records_interactions_and_learning(store: Store) -> None:
    _people(store)
    with store.write() as s:
        ask, _ = asks.new(s, DRAFT, today=DAY, coaching=PEERS_FIRST)
        ask_id = ask.id
    with store.write() as s:
        with pytest.raises(InvalidStateError):
            asks.answer(s, ask_id, "Inès", "too early", DAY)
        asks.send(s, ask_id, ["Inès", "Hugo"], DAY)
    with store.write() as s:
        asks.answer(s, ask_id, "Inès", "Start with a modular monolith.", date(2026, 5, 6), 5)
    with store.write() as s:
        _closed, learning = asks.close(
            s, ask_id, date(2026, 5, 8), learning="Split by module first.", tags="architecture"
        )
        assert learning is not None and learning.ask_id == ask_id
    with store.read() as s:
        done = asks.get(s, ask_id)
        assert done.status == "closed"
        assert (done.sent_on, done.answered_on, done.closed_on) == (
            DAY,
            date(2026, 5, 6),
            date(2026, 5, 8),
        )
        assert [a.usefulness for a in done.answers] == [5]
        assert asks.recipients(s, ask_id) == ["Inès Roy", "Hugo Blanc"]
        kinds = sorted(i.kind for i in s.query(Interaction).filter_by(ask_id=ask_id))
        assert kinds == ["answer", "ask", "ask"]
        with pytest.raises(InvalidStateError):
            asks.send(s, ask_id, ["Hugo"], DAY)


def test_errors_unknown_ask_person_and_usefulness(store: Store) -> None:
    _people(store)
    with store.write() as s:
        ask, _ = asks.new(s, DRAFT, coaching=PEERS_FIRST)
        with pytest.raises(NotFoundError):
            asks.send(s, 9999, ["Inès"], DAY)
        with pytest.raises(NotFoundError):
            asks.send(s, ask.id, ["Nobody Here"], DAY)
        asks.send(s, ask.id, ["Inès"], DAY)
        with pytest.raises(InvalidInputError):
            asks.answer(s, ask.id, "Inès", "ok", DAY, usefulness=9)


def test_listing_filters(store: Store) -> None:
    with store.write() as s:
        asks.new(s, DRAFT, urgency="crisis", coaching=PEERS_FIRST)
        asks.new(s, DRAFT, urgency="routine", circle="team", coaching=PEERS_FIRST)
    with store.read() as s:
        assert len(asks.listing(s)) == 2
        assert [a.urgency for a in asks.listing(s, urgency="crisis")] == ["crisis"]
        assert [a.circle for a in asks.listing(s, circle="team")] == ["team"]
        assert asks.listing(s, status="sent") == []
        with pytest.raises(InvalidInputError):
            asks.listing(s, status="lost")
