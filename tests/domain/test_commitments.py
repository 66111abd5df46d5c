"""Commitments: creation rules, outcomes, renegotiation, and the evidence they give trust."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passerelle.domain.commitments import (
    CommitmentClosedError,
    ConfidenceError,
    DateOrderError,
    DueDateInPastError,
    EmptyCommitmentError,
    MissingReasonError,
    RenegotiationTooLateError,
    Status,
    mark_broken,
    mark_done,
    new_commitment,
    renegotiate,
    trust_events,
)
from passerelle.domain.trust import Evidence, score

TODAY = date(2026, 11, 2)
DUE = date(2026, 11, 30)


def test_a_new_commitment_is_open() -> None:
    c = new_commitment("  Export for finance ", " CFO ", due=DUE, today=TODAY, confidence=0.7)
    assert (c.what, c.to, c.made_on, c.due, c.confidence) == (
        "Export for finance",
        "CFO",
        TODAY,
        DUE,
        0.7,
    )
    assert c.status is Status.OPEN and c.is_open


def test_a_due_date_in_the_past_is_refused_with_a_named_error() -> None:
    with pytest.raises(DueDateInPastError, match="2026-11-01"):
        new_commitment("x", "CEO", due=TODAY - timedelta(days=1), today=TODAY)
    # Due today is allowed: a promise for the end of the day.
    assert new_commitment("x", "CEO", due=TODAY, today=TODAY).due == TODAY


@pytest.mark.parametrize(
    ("what", "to", "confidence", "error"),
    [
        ("", "CEO", 0.5, EmptyCommitmentError),
        ("x", "  ", 0.5, EmptyCommitmentError),
        ("x", "CEO", 1.5, ConfidenceError),
        ("x", "CEO", -0.1, ConfidenceError),
        ("x", "CEO", float("nan"), ConfidenceError),
    ],
)
def test_bad_input_is_refused(what: str, to: str, confidence: float, error: type) -> None:
    with pytest.raises(error):
        new_commitment(what, to, due=DUE, today=TODAY, confidence=confidence)


@pytest.mark.parametrize(
    ("offset", "status"),
    [(-3, Status.KEPT_EARLY), (0, Status.KEPT), (2, Status.LATE)],
)
def test_done_before_on_or_after_the_due_date(offset: int, status: Status) -> None:
    c = new_commitment("Rapport", "CEO", due=DUE, today=TODAY)
    done = mark_done(c, DUE + timedelta(days=offset))
    assert done.status is status
    assert not done.is_open
    assert done.closed_on == DUE + timedelta(days=offset)


def test_closed_commitments_cannot_change() -> None:
    c = mark_broken(new_commitment("Rapport", "CEO", due=DUE, today=TODAY), TODAY, "scope cut")
    assert c.status is Status.BROKEN and c.reason == "scope cut"
    with pytest.raises(CommitmentClosedError):
        mark_done(c, DUE)
    with pytest.raises(CommitmentClosedError):
        renegotiate(c, TODAY, DUE, "again")


def test_no_date_before_the_promise_was_made() -> None:
    c = new_commitment("Rapport", "CEO", due=DUE, today=TODAY)
    with pytest.raises(DateOrderError):
        mark_done(c, TODAY - timedelta(days=1))


def test_renegotiation_in_time_moves_the_due_date_and_keeps_the_reason() -> None:
    c = new_commitment("Rapport", "CEO", due=DUE, today=TODAY)
    r = renegotiate(c, TODAY + timedelta(days=5), DUE + timedelta(days=14), " supplier late ")
    assert r.status is Status.RENEGOTIATED and r.is_open
    assert r.due == DUE + timedelta(days=14)
    assert r.original_due == DUE
    assert r.renegotiations[0].reason == "supplier late"
    assert mark_done(r, DUE + timedelta(days=10)).status is Status.KEPT_EARLY


def test_renegotiation_rules() -> None:
    c = new_commitment("Rapport", "CEO", due=DUE, today=TODAY)
    with pytest.raises(RenegotiationTooLateError, match="late or broken"):
        renegotiate(c, DUE, DUE + timedelta(days=7), "too late")
    with pytest.raises(MissingReasonError):
        renegotiate(c, TODAY, DUE + timedelta(days=7), " ")
    with pytest.raises(DueDateInPastError):
        renegotiate(c, TODAY + timedelta(days=3), TODAY, "earlier than now")
    with pytest.raises(DateOrderError):
        renegotiate(c, TODAY, DUE, "same date")


def test_overdue_and_due_this_week() -> None:
    c = new_commitment("Rapport", "CEO", due=DUE, today=TODAY)
    assert c.overdue_days(DUE) == 0
    assert c.overdue_days(DUE + timedelta(days=4)) == 4
    assert c.due_within(DUE - timedelta(days=6))
    assert not c.due_within(DUE - timedelta(days=8))
    assert mark_done(c, DUE).overdue_days(DUE + timedelta(days=9)) == 0


def test_trust_events_follow_the_outcome() -> None:
    c = new_commitment("Rapport", "CEO", due=DUE, today=TODAY, ref="commitment:7")
    r = renegotiate(c, TODAY + timedelta(days=1), DUE + timedelta(days=7), "supplier late")
    done = mark_done(r, DUE + timedelta(days=7))
    kinds = [(ev.kind, ev.on, ev.stakeholder, ev.ref) for ev in trust_events(done)]
    assert kinds == [
        (Evidence.RENEGOTIATED, TODAY + timedelta(days=1), "CEO", "commitment:7"),
        (Evidence.KEPT, DUE + timedelta(days=7), "CEO", "commitment:7"),
    ]
    assert trust_events(c) == ()
    silent = trust_events(c, today=DUE + timedelta(days=3))
    assert [(ev.kind, ev.on) for ev in silent] == [(Evidence.LATE, DUE + timedelta(days=1))]


@given(st.integers(0, 60), st.integers(1, 60))
def test_renegotiating_in_time_beats_delivering_late(before_due: int, late_by: int) -> None:
    """The behaviour the tool encourages: warn early rather than slip silently."""
    due = TODAY + timedelta(days=before_due + 1)
    c = new_commitment("Rapport", "CEO", due=due, today=TODAY)
    end = due + timedelta(days=late_by)
    warned = mark_done(renegotiate(c, TODAY, end, "scope grew"), end)
    slipped = mark_done(c, end)
    at = end + timedelta(days=1)
    assert (
        score("CEO", trust_events(warned), at).expected
        > score("CEO", trust_events(slipped), at).expected
    )
