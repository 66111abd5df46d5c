"""Queries on the decision log: by slug or source, listings by columns, links and review facts.

Listings and the review read columns, not whole rows, so that 10,000 decisions stay fast.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

from passerelle.store.models import DecisionRow

LIST_COLUMNS = (
    DecisionRow.slug,
    DecisionRow.title,
    DecisionRow.status,
    DecisionRow.decided_on,
    DecisionRow.area,
    DecisionRow.delegation_level,
    DecisionRow.visibility,
    DecisionRow.review_on,
    DecisionRow.tags,
)

REVIEW_COLUMNS = (
    DecisionRow.slug,
    DecisionRow.title,
    DecisionRow.status,
    DecisionRow.decided_on,
    DecisionRow.area,
    DecisionRow.deciders,
    DecisionRow.visibility,
    DecisionRow.review_on,
    DecisionRow.superseded_by,
    DecisionRow.business_value,
    DecisionRow.business_cost,
    DecisionRow.business_risk,
    DecisionRow.business_timing,
    DecisionRow.business_errors,
)


def by_slug(session: Session, slug: str) -> DecisionRow | None:
    return session.scalars(select(DecisionRow).where(DecisionRow.slug == slug)).first()


def by_slugs(session: Session, slugs: Collection[str]) -> dict[str, DecisionRow]:
    if not slugs:
        return {}
    rows = session.scalars(select(DecisionRow).where(DecisionRow.slug.in_(list(slugs))))
    return {r.slug: r for r in rows}


def by_source_keys(session: Session, keys: Collection[str]) -> dict[str, DecisionRow]:
    found: dict[str, DecisionRow] = {}
    items = list(keys)
    for start in range(0, len(items), 500):  # stay under the bound-parameter limits
        chunk = items[start : start + 500]
        rows = session.scalars(select(DecisionRow).where(DecisionRow.source_key.in_(chunk)))
        found.update((r.source_key or "", r) for r in rows)
    return found


def slugs_starting(session: Session, prefix: str) -> set[str]:
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    query = select(DecisionRow.slug).where(DecisionRow.slug.like(f"{escaped}%", escape="\\"))
    return set(session.scalars(query))


def slugs_containing(session: Session, part: str, limit: int = 10) -> list[str]:
    escaped = part.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    query = select(DecisionRow.slug).where(DecisionRow.slug.like(f"%{escaped}%", escape="\\"))
    return list(session.scalars(query.order_by(DecisionRow.slug).limit(limit)))


def all_slugs(session: Session) -> set[str]:
    return set(session.scalars(select(DecisionRow.slug)))


def add(session: Session, row: DecisionRow) -> DecisionRow:
    session.add(row)
    session.flush()
    return row


def listing(
    session: Session,
    visibilities: Collection[str],
    *,
    status: str | None = None,
    area: str | None = None,
    tag: str | None = None,
    limit: int | None = None,
) -> Sequence[Row[Any]]:
    """Decisions readable at ``visibilities``, newest first, as rows of ``LIST_COLUMNS``."""
    query = select(*LIST_COLUMNS).where(DecisionRow.visibility.in_(list(visibilities)))
    if status:
        query = query.where(DecisionRow.status == status)
    if area:
        query = query.where(DecisionRow.area == area)
    query = query.order_by(DecisionRow.decided_on.desc(), DecisionRow.slug.desc())
    if tag:
        # JSON containment differs between SQLite and PostgreSQL: filter tags in Python.
        rows = [r for r in session.execute(query) if tag in (r.tags or [])]
        return rows[:limit] if limit is not None else rows
    if limit is not None:
        query = query.limit(limit)
    return session.execute(query).all()


def count(session: Session, visibilities: Collection[str]) -> int:
    query = select(func.count()).where(DecisionRow.visibility.in_(list(visibilities)))
    return int(session.scalar(query) or 0)


def review_rows(session: Session) -> Sequence[Row[Any]]:
    """What the review signals read about every decision, as rows of ``REVIEW_COLUMNS``."""
    return session.execute(select(*REVIEW_COLUMNS).order_by(DecisionRow.slug)).all()


def due(session: Session, today: date, visibilities: Collection[str]) -> Sequence[DecisionRow]:
    query = (
        select(DecisionRow)
        .where(DecisionRow.review_on <= today)
        .where(DecisionRow.status.in_(("proposed", "accepted")))
        .where(DecisionRow.visibility.in_(list(visibilities)))
        .order_by(DecisionRow.review_on, DecisionRow.slug)
    )
    return session.scalars(query).all()


def linked(session: Session) -> Sequence[Row[Any]]:
    """Every decision that takes part in a supersede link: (slug, status, superseded_by,
    supersedes). Decisions with no link cannot close a cycle and are left out."""
    query = select(
        DecisionRow.slug, DecisionRow.status, DecisionRow.superseded_by, DecisionRow.supersedes
    )
    # JSON columns do not compare alike on SQLite and PostgreSQL: keep linked ones in Python.
    return [r for r in session.execute(query) if r.superseded_by or r.supersedes]


def everything(session: Session, visibilities: Collection[str]) -> Sequence[DecisionRow]:
    query = (
        select(DecisionRow)
        .where(DecisionRow.visibility.in_(list(visibilities)))
        .order_by(DecisionRow.slug)
    )
    return session.scalars(query).all()
