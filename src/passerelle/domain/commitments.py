"""Commitments: what was promised, to whom, by when, and how it ended.

A commitment is open until it ends in one of four outcomes: kept, kept early, late or broken.
Before its due date it may be renegotiated, with a reason: the due date moves, the original
one is kept, and the renegotiation is remembered. Renegotiating in time is the behaviour the
tool encourages: in the trust ledger it costs a fraction of a broken promise.

Every change returns a new value; the functions never read a clock, ``today`` is passed in.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from passerelle.domain.trust import Evidence, TrustEvent


class CommitmentError(ValueError):
    """A commitment, or a change to it, breaks the rules below."""


class DueDateInPastError(CommitmentError):
    def __init__(self, due: date, today: date) -> None:
        super().__init__(f"the due date {due.isoformat()} is already past (today is {today})")
        self.due = due
        self.today = today


class EmptyCommitmentError(CommitmentError):
    pass


class ConfidenceError(CommitmentError):
    pass


class CommitmentClosedError(CommitmentError):
    def __init__(self, status: Status) -> None:
        super().__init__(f"the commitment is already closed ({status.value})")
        self.status = status


class RenegotiationTooLateError(CommitmentError):
    def __init__(self, due: date, on: date) -> None:
        super().__init__(
            f"a renegotiation must come before the due date ({due.isoformat()}); on "
            f"{on.isoformat()} mark the commitment late or broken instead"
        )


class MissingReasonError(CommitmentError):
    pass


class DateOrderError(CommitmentError):
    pass


class Status(StrEnum):
    OPEN = "open"
    RENEGOTIATED = "renegotiated"  # still open, with a new due date agreed in time
    KEPT = "kept"
    KEPT_EARLY = "kept_early"
    LATE = "late"
    BROKEN = "broken"


CLOSED: frozenset[Status] = frozenset({Status.KEPT, Status.KEPT_EARLY, Status.LATE, Status.BROKEN})


@dataclass(frozen=True, slots=True)
class Renegotiation:
    on: date
    old_due: date
    new_due: date
    reason: str


@dataclass(frozen=True, slots=True)
class Commitment:
    what: str
    to: str  # a person or a group
    made_on: date
    due: date  # the current due date, after any renegotiation
    confidence: float = 0.8  # how sure the CTO was when promising, 0 to 1
    ref: str = ""  # the store's id, e.g. "commitment:12"
    outcome: Status | None = None  # set when closed: kept, kept early, late or broken
    closed_on: date | None = None
    reason: str = ""  # why it was broken, if it was
    renegotiations: tuple[Renegotiation, ...] = ()

    @property
    def status(self) -> Status:
        if self.outcome is not None:
            return self.outcome
        return Status.RENEGOTIATED if self.renegotiations else Status.OPEN

    @property
    def is_open(self) -> bool:
        return self.outcome is None

    @property
    def original_due(self) -> date:
        return self.renegotiations[0].old_due if self.renegotiations else self.due

    def overdue_days(self, today: date) -> int:
        """Days past the due date for an open commitment, 0 otherwise."""
        if not self.is_open:
            return 0
        return max(0, (today - self.due).days)

    def due_within(self, today: date, days: int = 7) -> bool:
        """Open and due between today and ``days`` days from now."""
        return self.is_open and today <= self.due <= today + timedelta(days=days)


def new_commitment(
    what: str,
    to: str,
    *,
    due: date,
    today: date,
    confidence: float = 0.8,
    ref: str = "",
) -> Commitment:
    """A new open commitment made ``today``; a due date already past is refused."""
    if not what.strip():
        raise EmptyCommitmentError("say what is promised")
    if not to.strip():
        raise EmptyCommitmentError("say to whom the promise is made")
    if not (0 <= confidence <= 1) or not math.isfinite(confidence):
        raise ConfidenceError(f"confidence is between 0 and 1, not {confidence!r}")
    if due < today:
        raise DueDateInPastError(due, today)
    return Commitment(what.strip(), to.strip(), today, due, confidence, ref)


def _check_open(c: Commitment, on: date) -> None:
    if not c.is_open:
        raise CommitmentClosedError(c.status)
    if on < c.made_on:
        raise DateOrderError(f"{on.isoformat()} is before the promise was made ({c.made_on})")


def mark_done(c: Commitment, on: date) -> Commitment:
    """Delivered on ``on``: kept early before the due date, kept on it, late after it."""
    _check_open(c, on)
    if on < c.due:
        outcome = Status.KEPT_EARLY
    elif on == c.due:
        outcome = Status.KEPT
    else:
        outcome = Status.LATE
    return replace(c, outcome=outcome, closed_on=on)


def mark_broken(c: Commitment, on: date, reason: str = "") -> Commitment:
    """The promise will not be delivered."""
    _check_open(c, on)
    return replace(c, outcome=Status.BROKEN, closed_on=on, reason=reason.strip())


def renegotiate(c: Commitment, on: date, new_due: date, reason: str) -> Commitment:
    """Agree a new due date before the current one, saying why."""
    _check_open(c, on)
    if on >= c.due:
        raise RenegotiationTooLateError(c.due, on)
    if not reason.strip():
        raise MissingReasonError("a renegotiation says why the date moves")
    if new_due < on:
        raise DueDateInPastError(new_due, on)
    if new_due == c.due:
        raise DateOrderError("the new due date is the same as the current one")
    step = Renegotiation(on, c.due, new_due, reason.strip())
    return replace(c, due=new_due, renegotiations=(*c.renegotiations, step))


_OUTCOME_EVIDENCE = {
    Status.KEPT: Evidence.KEPT,
    Status.KEPT_EARLY: Evidence.KEPT_EARLY,
    Status.LATE: Evidence.LATE,
    Status.BROKEN: Evidence.BROKEN,
}


def trust_events(c: Commitment, today: date | None = None) -> tuple[TrustEvent, ...]:
    """The evidence a commitment gives the trust ledger about the person it was made to.

    Each renegotiation in time is a small negative event; the outcome is one event on the day
    it closed. An open commitment already past its due date on ``today`` counts as late from
    the day after its due date: waiting silently is not neutral.
    """
    events = [
        TrustEvent(c.to, r.on, Evidence.RENEGOTIATED, note=r.reason, ref=c.ref)
        for r in c.renegotiations
    ]
    if c.outcome is not None and c.closed_on is not None:
        events.append(
            TrustEvent(c.to, c.closed_on, _OUTCOME_EVIDENCE[c.outcome], note=c.what, ref=c.ref)
        )
    elif today is not None and today > c.due:
        events.append(
            TrustEvent(c.to, c.due + timedelta(days=1), Evidence.LATE, note=c.what, ref=c.ref)
        )
    return tuple(events)
