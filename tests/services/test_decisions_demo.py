"""The demo's decision log: every status, records imported from the shipped folder, a board
for three teams, and signals in the weekly review."""

from __future__ import annotations

from datetime import date

from passerelle.demo import build
from passerelle.domain.decisions import Status
from passerelle.services import decision_review, delegation
from passerelle.services import decisions as ds
from passerelle.store.workspace import Store

TODAY = date(2026, 11, 22)


def test_the_demo_has_decisions_in_every_status_and_a_board_for_three_teams(
    store: Store,
) -> None:
    counts = build(store, TODAY)
    assert counts["decision records imported"] == 5
    with store.read() as s:
        listed = ds.listing(s, ds.Role.OWNER)
        board = delegation.board(s)
        codes = {sig.code for sig in decision_review.signals(s, TODAY)}
        shared = ds.listing(s, ds.Role.STAKEHOLDER)
    assert {d.status for d in listed} == set(Status)
    assert len(listed) == counts["decisions"]
    assert board.holders == ("Billing", "Platform", "Data")
    assert codes >= {"cto-decided-alone", "decision-review-due", "delegation-gap-stalled",
                     "area-without-owner", "business-rendering-fails"}  # fmt: skip
    assert {d.id for d in shared} >= {"2025-09-15-one-cloud-provider-in-europe"}
