"""The demo's year of trust: curves and a digest that mean something on first run."""

from __future__ import annotations

from datetime import date

from passerelle.demo import build
from passerelle.services import digest, trust
from passerelle.store.workspace import Store

T = date(2026, 11, 25)


def test_demo_gives_mixed_trust_and_a_digest(store: Store) -> None:
    counts = build(store, T)
    assert counts["commitments"] >= 30 and counts["communications"] >= 50
    with store.read() as s:
        board = trust.board(s, store.settings, T)
        month = digest.content(s, digest.period_of("2026-11"), "business", "fr", T)
    expected = [row.now.expected for row in board]
    assert min(expected) < 0.4 < 0.7 < max(expected)  # someone to repair, someone solid
    assert not month.is_empty and month.requests
