"""The weekly review read from a real workspace."""

from __future__ import annotations

from datetime import date, timedelta

from passerelle.services import asks, people
from passerelle.services import review as review_service
from passerelle.services.coach import Coaching, Route
from passerelle.settings import Settings
from passerelle.store.workspace import Store

TODAY = date(2026, 6, 1)
SETTINGS = Settings(database_url="sqlite://")


def _coaching(quality: str) -> Coaching:
    routes = (Route("peers", 1.0, "", ""),)
    return Coaching("en", quality, 10, (), (), "", "crisis", routes, fitting=("peers",))


def test_review_sees_paralysing_ask_to_team_overdue_and_waiting(store: Store) -> None:
    with store.write() as s:
        people.add(s, "Théo", "team", known_since=TODAY - timedelta(days=60))
        draft = asks.Draft(body="I am lost, everything is complicated.")
        ask, _ = asks.new(s, draft, today=TODAY, coaching=_coaching("paralysing"))
        asks.send(s, ask.id, ["Théo"], TODAY - timedelta(days=10))
    with store.read() as s:
        result = review_service.review(s, SETTINGS, TODAY)
    found = {sig.code: sig for sig in result.signals}
    assert found["anxiety-without-ask"].severity == "high"
    assert found["wrong-circle"].refs == (ask.id,)  # team asked, peers fit
    assert "thin-network" in found
    assert [w.id for w in result.waiting] == [ask.id] and result.waiting[0].days == 10
    assert result.overdue == ()  # the send itself was a contact with Théo (team: every 14 days)
    md = review_service.to_markdown(result, "fr")
    assert md.startswith("# Revue de la semaine — 2026-06-01")
    assert "## Demandes en attente" in md and f"#{ask.id}" in md
    data = review_service.to_json(result, "en")
    assert data["waiting"][0]["days"] == 10
    assert {s["code"] for s in data["signals"]} == set(found)


def test_learnings_to_write_and_overdue_contacts(store: Store) -> None:
    with store.write() as s:
        people.add(s, "Nina", "peer", known_since=TODAY - timedelta(days=200))
        ask, _ = asks.new(s, asks.Draft(body="Which option?"), coaching=_coaching("productive"))
        asks.send(s, ask.id, ["Nina"], TODAY - timedelta(days=100))
        asks.answer(s, ask.id, "Nina", "Option B.", TODAY - timedelta(days=90))
    with store.read() as s:
        result = review_service.review(s, SETTINGS, TODAY)
    assert [t.id for t in result.to_write] == [ask.id]
    assert [(p.name, p.overdue_days) for p in result.overdue] == [("Nina", 60)]
    assert {"learnings-missing", "contacts-overdue", "never-asking"} <= {
        sig.code for sig in result.signals
    }
