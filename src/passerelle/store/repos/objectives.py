"""Queries on objectives and the work linked to them (decisions, requests, commitments)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from passerelle.store.models import (
    CommitmentRow,
    DecisionRow,
    ObjectiveLinkRow,
    ObjectiveRow,
    RequestRow,
)


def add(session: Session, row: ObjectiveRow | ObjectiveLinkRow) -> None:
    session.add(row)
    session.flush()


def get(session: Session, objective_id: int) -> ObjectiveRow | None:
    return session.get(ObjectiveRow, objective_id)


def by_key(session: Session, key: str) -> ObjectiveRow | None:
    return session.scalars(select(ObjectiveRow).where(ObjectiveRow.title_key == key)).first()


def listing(session: Session, visibilities: Sequence[str] | None = None) -> Sequence[ObjectiveRow]:
    query = select(ObjectiveRow).order_by(ObjectiveRow.id)
    if visibilities is not None:
        query = query.where(ObjectiveRow.visibility.in_(list(visibilities)))
    return session.scalars(query).all()


def link(session: Session, kind: str, ref_id: int, objective_id: int) -> ObjectiveLinkRow | None:
    query = select(ObjectiveLinkRow).where(
        ObjectiveLinkRow.kind == kind,
        ObjectiveLinkRow.ref_id == ref_id,
        ObjectiveLinkRow.objective_id == objective_id,
    )
    return session.scalars(query).first()


def links(session: Session) -> dict[tuple[str, int], list[int]]:
    """The objectives each piece of work serves, by (kind, id)."""
    found: dict[tuple[str, int], list[int]] = defaultdict(list)
    query = select(ObjectiveLinkRow.kind, ObjectiveLinkRow.ref_id, ObjectiveLinkRow.objective_id)
    for kind, ref, objective in session.execute(query.order_by(ObjectiveLinkRow.id)).all():
        found[(kind, ref)].append(objective)
    return found


def decision_id(session: Session, ref: str) -> int | None:
    """A decision's row id from its number or its slug."""
    if ref.isdigit():
        found = session.get(DecisionRow, int(ref))
        return found.id if found else None
    return session.scalars(select(DecisionRow.id).where(DecisionRow.slug == ref)).first()


def exists(session: Session, kind: str, ref_id: int) -> bool:
    model = {"request": RequestRow, "commitment": CommitmentRow, "decision": DecisionRow}[kind]
    return session.get(model, ref_id) is not None


def work(
    session: Session,
    since: date | None = None,
    visibilities: Mapping[str, Sequence[str]] | None = None,
) -> list[tuple[str, int, str, date, str]]:
    """Every decision, request and commitment (from ``since`` on, and at the visibilities
    ``visibilities`` gives per kind, when given): kind, id, title, day, visibility."""
    out: list[tuple[str, int, str, date, str]] = []
    conn = session.connection()
    shown = visibilities or {}
    d = DecisionRow
    decisions = select(d.id, d.title, d.decided_on, d.created_at, d.visibility)
    if visibilities is not None:
        decisions = decisions.where(d.visibility.in_(list(shown.get("decision", ()))))
    for i, title, decided, created, vis in conn.execute(decisions).all():
        on = decided or created.date()
        if since is None or on >= since:
            out.append(("decision", i, title, on, vis))
    r = RequestRow
    query = select(r.id, r.title, r.received_on, r.visibility)
    if since is not None:
        query = query.where(r.received_on >= since)
    if visibilities is not None:
        query = query.where(r.visibility.in_(list(shown.get("request", ()))))
    out.extend(("request", i, t, on, vis) for i, t, on, vis in conn.execute(query).all())
    c = CommitmentRow
    query = select(c.id, c.what, c.made_on, c.visibility)
    if since is not None:
        query = query.where(c.made_on >= since)
    if visibilities is not None:
        query = query.where(c.visibility.in_(list(shown.get("commitment", ()))))
    out.extend(("commitment", i, t, on, vis) for i, t, on, vis in conn.execute(query).all())
    return out
