"""The decision log in the weekly review: the signals read from the store are those of the pure
core over the whole log, decisions due come back, a review moves the date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from passerelle.domain import decision_signals
from passerelle.domain.circles import Visibility
from passerelle.domain.decisions import BusinessRendering, Decision, Status
from passerelle.services import decision_review, delegation, review
from passerelle.services import decisions as ds
from passerelle.services.decision_rows import to_decision
from passerelle.services.errors import InvalidInputError
from passerelle.settings import Settings
from passerelle.store.models import DecisionRow
from passerelle.store.repos import workspace as workspace_repo
from passerelle.store.workspace import Store

TODAY = date(2026, 11, 22)
LONG_AGO = TODAY - timedelta(days=400)
BAD = BusinessRendering("Faster releases.", risk="Zero risk, guaranteed.")


def fill(store: Store) -> None:
    with store.write() as s:
        workspace_repo.create(s, "Lumio", "Claire Martin")
        delegation.set_level(s, "Libraries", "Platform", on=LONG_AGO, current=7)
        delegation.set_level(s, "Releases", "Data", on=LONG_AGO, current=3, target=5)
        delegation.frame(s, "Budget", guardrails=["the yearly budget"])

        def add(title: str, *moves: Status, **fields: object) -> str:
            draft = Decision(id="draft", title=title, date=TODAY - timedelta(days=30), **fields)  # type: ignore[arg-type]
            slug = ds.new(s, draft, today=TODAY).decision.id
            for to in moves:
                ds.move(s, slug, to, today=TODAY)
            return slug

        add("Adopt a library", Status.ACCEPTED, area="Libraries", deciders=("Claire Martin",))
        add("Old library", Status.ACCEPTED, Status.DEPRECATED, area="Libraries",
            deciders=("CTO",))  # fmt: skip
        add("Rejected idea", Status.REJECTED, area="Hiring", deciders=("CTO",))
        add("Retired without area", Status.ACCEPTED, Status.DEPRECATED, area="Vendors")
        add("Overdue", Status.ACCEPTED, review_on=TODAY - timedelta(days=5), business=BAD)
        add("Proposal", business=BAD, visibility=Visibility.TEAM)
        shared = add("Shared", Status.ACCEPTED,
                     business=BusinessRendering("Invoices go out on time."))  # fmt: skip
        ds.share(s, shared, "business", today=TODAY)


def test_signals_from_the_store_equal_the_pure_scan_of_the_whole_log(store: Store) -> None:
    fill(store)
    with store.read() as s:
        got = decision_review.signals(s, TODAY)
        rows = s.scalars(select(DecisionRow)).all()
        everything = [to_decision(r) for r in rows]
        errors = {r.slug: r.business_errors or 0 for r in rows}
        want = decision_signals.scan(
            everything, delegation.board(s), TODAY, errors, ["Claire Martin"]
        )
    assert got == want
    codes = {sig.code for sig in got}
    assert codes == {
        "decision-not-shared", "business-rendering-fails", "decision-review-due",
        "cto-decided-alone", "area-without-owner", "delegation-gap-stalled",
    }  # fmt: skip
    owners = {sig.subject for sig in got if sig.code == "area-without-owner"}
    assert owners == {"Budget", "Hiring", "Vendors"}


def test_the_weekly_review_carries_the_decision_signals(store: Store) -> None:
    fill(store)
    with store.read() as s:
        result = review.review(s, Settings(), TODAY)
    data = review.to_json(result, "en")
    assert {d["code"] for d in data["decisions"]} >= {"cto-decided-alone"}
    text = review.to_markdown(result, "fr")
    assert "## Décisions et délégation" in text and "a tranché seul" in text


def test_due_decisions_and_recording_a_review(store: Store) -> None:
    fill(store)
    with store.read() as s:
        due = decision_review.due(s, ds.Role.OWNER, TODAY)
        hidden = decision_review.due(s, ds.Role.STAKEHOLDER, TODAY)
    assert [d.title for d in due] == ["Overdue"] and hidden == []
    with store.write() as s:
        done = decision_review.reviewed(s, due[0].id, today=TODAY, note="still right")
    assert done.review_on == TODAY + decision_review.REVIEW_EVERY
    assert done.history[-1].reason.endswith("still right")
    with pytest.raises(InvalidInputError), store.write() as s:
        decision_review.reviewed(s, due[0].id, today=TODAY, next_on=TODAY)
