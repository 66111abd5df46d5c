"""Between the decision log's rows and the ``Decision`` values of the pure core.

Also where the business rendering meets the plain-language checker: its error-level findings
are counted when the rendering is written, and the count is kept on the row.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from passerelle.domain.circles import Visibility
from passerelle.domain.decisions import (
    BusinessRendering,
    Decision,
    Option,
    Status,
    StatusChange,
)
from passerelle.domain.delegation import DelegationLevel
from passerelle.store.models import DecisionRow


def business_findings(business: BusinessRendering) -> tuple[Any, ...]:
    """The plain-language checker's findings on a business rendering (none when empty)."""
    if business.is_empty:
        return ()
    from passerelle.analysis import check_text

    return tuple(check_text(business.text(), "business").findings)


def business_errors(business: BusinessRendering) -> int:
    return sum(1 for f in business_findings(business) if f.level == "error")


def _option(o: Option) -> dict[str, Any]:
    return {
        "title": o.title,
        "description": o.description,
        "pros": list(o.pros),
        "cons": list(o.cons),
        "neutral": list(o.neutral),
    }


def _change(c: StatusChange) -> dict[str, str]:
    return {"status": c.status.value, "on": c.on.isoformat(), "by": c.by, "reason": c.reason}


def _status_change(h: dict[str, str]) -> StatusChange:
    return StatusChange(
        Status(h["status"]), dt.date.fromisoformat(h["on"]), h.get("by", ""), h.get("reason", "")
    )


def to_decision(row: DecisionRow) -> Decision:
    level = row.delegation_level
    return Decision(
        id=row.slug,
        title=row.title,
        status=Status(row.status),
        date=row.decided_on,
        context=row.context,
        drivers=tuple(row.drivers or ()),
        options=tuple(
            Option(
                o.get("title", ""),
                o.get("description", ""),
                tuple(o.get("pros", ())),
                tuple(o.get("cons", ())),
                tuple(o.get("neutral", ())),
            )
            for o in row.options or ()
        ),
        chosen_option=row.chosen_option,
        rationale=row.rationale,
        consequences=row.consequences,
        deciders=tuple(row.deciders or ()),
        consulted=tuple(row.consulted or ()),
        informed=tuple(row.informed or ()),
        area=row.area,
        delegation_level=DelegationLevel(level) if level else None,
        review_on=row.review_on,
        tags=tuple(row.tags or ()),
        visibility=Visibility(row.visibility),
        history=tuple(_status_change(h) for h in row.history or ()),
        supersedes=tuple(row.supersedes or ()),
        superseded_by=row.superseded_by,
        business=BusinessRendering(
            row.business_value, row.business_cost, row.business_risk, row.business_timing
        ),
        more_information=row.more_information,
        share_override=row.share_override,
    )


def fill(row: DecisionRow, d: Decision, *, check: bool = True) -> DecisionRow:
    """Write every field of ``d`` onto ``row``; the checker runs when the rendering changed."""
    old = BusinessRendering(
        row.business_value or "",
        row.business_cost or "",
        row.business_risk or "",
        row.business_timing or "",
    )
    row.slug = d.id
    row.title = d.title
    row.status = d.status.value
    row.decided_on = d.date
    row.context = d.context
    row.drivers = list(d.drivers)
    row.options = [_option(o) for o in d.options]
    row.chosen_option = d.chosen_option
    row.rationale = d.rationale
    row.consequences = d.consequences
    row.deciders = list(d.deciders)
    row.consulted = list(d.consulted)
    row.informed = list(d.informed)
    row.area = d.area
    row.delegation_level = int(d.delegation_level) if d.delegation_level else None
    row.review_on = d.review_on
    row.tags = list(d.tags)
    row.visibility = d.visibility.value
    row.history = [_change(c) for c in d.history]
    row.supersedes = list(d.supersedes)
    row.superseded_by = d.superseded_by
    row.business_value = d.business.value
    row.business_cost = d.business.cost
    row.business_risk = d.business.risk
    row.business_timing = d.business.timing
    if check and (row.business_errors is None or old != d.business):
        row.business_errors = business_errors(d.business)
    row.more_information = d.more_information
    row.share_override = d.share_override
    if row.source_hash is None:
        row.source_hash = ""
    return row


def new_row(d: Decision, *, check: bool = True) -> DecisionRow:
    return fill(DecisionRow(business_errors=None), d, check=check)
