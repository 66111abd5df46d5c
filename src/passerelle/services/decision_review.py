"""The decision log in the weekly review: decisions due for review, recording a review, and
the decision and delegation signals (``domain.decision_signals``) read from the store.

The checker's verdict on each business rendering is read from the row (counted when the
rendering was written), so the review does not run the checker over the whole log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from sqlalchemy.orm import Session

from passerelle.domain import decision_signals
from passerelle.domain.circles import Bilingual, Visibility
from passerelle.domain.decisions import BusinessRendering, Decision, Status, StatusChange
from passerelle.domain.delegation import DelegationLevel
from passerelle.services import delegation
from passerelle.services.decision_rows import business_findings, fill, to_decision
from passerelle.services.decisions import REVIEW_EVERY, Listed, Role, find_row, readable
from passerelle.services.errors import InvalidInputError
from passerelle.store.repos import decisions as repo
from passerelle.store.repos import workspace as workspace_repo

B = Bilingual


def due(session: Session, role: Role, today: dt.date) -> list[Listed]:
    """Decisions in force or open whose review date has come, oldest first."""
    return [
        Listed(
            r.slug, r.title, Status(r.status), r.decided_on, r.visibility, r.area,
            DelegationLevel(r.delegation_level) if r.delegation_level else None, r.review_on,
        )
        for r in repo.due(session, today, readable(role))
    ]  # fmt: skip


def reviewed(
    session: Session, ref: str, *, today: dt.date, next_on: dt.date | None = None, by: str = "",
    note: str = "",
) -> Decision:  # fmt: skip
    """Record that a decision was reviewed and confirmed, and when to look at it again."""
    row = find_row(session, ref)
    decision = to_decision(row)
    upcoming = next_on or today + REVIEW_EVERY
    if upcoming <= today:
        raise InvalidInputError(
            B(
                "La prochaine revue doit être dans le futur.",
                "The next review must be in the future.",
            )
        )
    text = f"reviewed; next review {upcoming.isoformat()}" + (f"; {note}" if note else "")
    change = StatusChange(decision.status, today, by, text)
    fill(row, replace(decision, review_on=upcoming, history=(*decision.history, change)))
    session.flush()
    return to_decision(row)


# A rejected decision raises no signal, and a retired one only when someone decided it in an
# area: such rows are left out before any value is built (most of a long log is retired).
QUIET = {Status.REJECTED.value}
RETIRED = {Status.DEPRECATED.value, Status.SUPERSEDED.value}


def _review_decisions(session: Session) -> tuple[list[Decision], dict[str, int]]:
    decisions, errors = [], {}
    areas_left_out: set[str] = set()
    for r in repo.review_rows(session):
        if r.status in QUIET or (r.status in RETIRED and not (r.area and r.deciders)):
            if r.area:
                areas_left_out.add(r.area)
            continue
        business = BusinessRendering(
            r.business_value, r.business_cost, r.business_risk, r.business_timing
        )
        d = Decision(
            id=r.slug,
            title=r.title,
            status=Status(r.status),
            date=r.decided_on,
            area=r.area,
            deciders=tuple(r.deciders or ()),
            visibility=Visibility(r.visibility),
            review_on=r.review_on,
            superseded_by=r.superseded_by,
            business=business,
        )
        decisions.append(d)
        count = r.business_errors
        if count is None:  # written outside the services: check it now
            count = sum(1 for f in business_findings(business) if f.level == "error")
        errors[d.id] = count
    # The areas only left-out decisions use still count for "areas with no owner": one quiet
    # stand-in each, which no other signal looks at.
    areas_left_out -= {d.area for d in decisions}
    for n, area in enumerate(sorted(areas_left_out)):
        decisions.append(Decision(id=f"area-{n}", title=area, status=Status.REJECTED, area=area))
    return decisions, errors


def signals(session: Session, today: dt.date, cto: Iterable[str] = ()) -> list[Any]:
    """The decision and delegation signals of the weekly review (``domain.decision_signals``)."""
    decisions, errors = _review_decisions(session)
    info = workspace_repo.get(session)
    names = [*cto, *([info.owner] if info is not None and info.owner else [])]
    return decision_signals.scan(decisions, delegation.board(session), today, errors, names)
