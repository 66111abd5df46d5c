"""Commitments on the workspace: promise, renegotiate, deliver, break; bad input exits 2."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from passerelle.domain.commitments import Status
from passerelle.services import commitments, people, stakeholders
from passerelle.services.errors import InvalidInputError, InvalidStateError
from passerelle.store.workspace import Store

T = date(2026, 11, 10)


@pytest.fixture
def ceo(store: Store) -> str:
    with store.write() as s:
        people.add(s, "Éloïse N’Diaye", "ceo", known_since=date(2025, 1, 1))
    return "eloise"


def test_add_and_list(store: Store, ceo: str) -> None:
    with store.write() as s:
        made = commitments.add(s, ceo, "Send the hiring plan", due=T + timedelta(days=7), today=T)
    with store.read() as s:
        found = commitments.listing(s, T, to="Éloïse")
    assert [c.id for c in found] == [made.id]
    assert found[0].to == "Éloïse N’Diaye"
    assert found[0].status is Status.OPEN
    assert found[0].visibility == "business"


def test_due_date_in_the_past_is_bad_input(store: Store, ceo: str) -> None:
    with pytest.raises(InvalidInputError) as caught, store.write() as s:
        commitments.add(s, ceo, "Too late", due=T - timedelta(days=1), today=T)
    assert caught.value.exit_code == 2
    assert "2026-11-09" in caught.value.text("en")


def test_unknown_stakeholder_is_bad_input(store: Store) -> None:
    with pytest.raises(InvalidInputError) as caught, store.write() as s:
        commitments.add(s, "Nobody", "x", due=T, today=T)
    assert caught.value.exit_code == 2
    assert "Nobody" in caught.value.text("fr")


def test_commitment_to_a_group(store: Store) -> None:
    with store.write() as s:
        stakeholders.add_group(s, "Comité de direction", "fr")
        made = commitments.add(s, "comite de direction", "Budget 2027", due=T, today=T)
    assert made.to == "Comité de direction"
    assert made.lang == "fr"


def test_renegotiate_then_keep(store: Store, ceo: str) -> None:
    with store.write() as s:
        c = commitments.add(s, ceo, "Migrate billing", due=T + timedelta(days=10), today=T)
        moved = commitments.renegotiate(
            s, c.id, T + timedelta(days=3), T + timedelta(days=20), "supplier late"
        )
        assert moved.status is Status.RENEGOTIATED
        assert moved.original_due == T + timedelta(days=10)
        done = commitments.done(s, c.id, T + timedelta(days=20))
    assert done.status is Status.KEPT
    assert len(done.renegotiations) == 1


def test_renegotiating_after_the_due_date_is_refused(store: Store, ceo: str) -> None:
    with store.write() as s:
        c = commitments.add(s, ceo, "Audit", due=T, today=T)
    with pytest.raises(InvalidInputError), store.write() as s:
        commitments.renegotiate(s, c.id, T, T + timedelta(days=5), "late")


def test_a_closed_commitment_cannot_change(store: Store, ceo: str) -> None:
    with store.write() as s:
        c = commitments.add(s, ceo, "Audit", due=T, today=T)
        commitments.break_(s, c.id, T, "budget cut")
    with pytest.raises(InvalidStateError), store.write() as s:
        commitments.done(s, c.id, T)
    with store.read() as s:
        [broken] = commitments.listing(s, T, status="broken")
    assert broken.reason == "budget cut"


def test_overpromise_wording_is_found() -> None:
    assert commitments.overpromises("We guarantee zero downtime during the migration", "en")
    assert not commitments.overpromises("We aim to finish the migration by March", "en")


def test_listing_from_plain_values_matches_the_cores_view(store: Store, ceo: str) -> None:
    """``listing`` reads plain values (``view_of``); every state must match ``view`` on the
    stored object, which goes through the core."""
    from passerelle.store.repos import commitments as repo

    with store.write() as s:
        for i, end in enumerate(("open", "late", "early", "kept", "broken", "moved", "moved-kept")):
            c = commitments.add(
                s, ceo, f"c{i}", due=T + timedelta(days=10), today=T - timedelta(days=5)
            )
            if end == "early":
                commitments.done(s, c.id, T + timedelta(days=2))
            elif end == "kept":
                commitments.done(s, c.id, T + timedelta(days=10))
            elif end == "late":
                commitments.done(s, c.id, T + timedelta(days=12))
            elif end == "broken":
                commitments.break_(s, c.id, T, "budget cut")
            elif end.startswith("moved"):
                commitments.renegotiate(s, c.id, T, T + timedelta(days=30), "scope")
                commitments.renegotiate(s, c.id, T + timedelta(days=1), T + timedelta(days=40), "x")
                if end == "moved-kept":
                    commitments.done(s, c.id, T + timedelta(days=40))
    for today in (T, T + timedelta(days=35), T + timedelta(days=60)):
        with store.read() as s:
            fast = commitments.listing(s, today)
            slow = [commitments.view(r, fast[0].to, today) for r in repo.listing(s)]
        assert fast == slow
        assert {v.status for v in fast} == set(Status)
