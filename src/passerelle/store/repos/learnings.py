"""Queries on learnings, full-text search included (FTS5 on SQLite, tsvector on PostgreSQL)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import bindparam, func, or_, select, text
from sqlalchemy.orm import Session

from passerelle.store.models import Learning


def add(session: Session, learning: Learning) -> Learning:
    session.add(learning)
    session.flush()
    return learning


Visibilities = Sequence[str] | None


def get(session: Session, learning_id: int, visibilities: Visibilities = None) -> Learning | None:
    if visibilities is None:
        return session.get(Learning, learning_id)
    query = select(Learning).where(Learning.id == learning_id)
    return session.scalars(query.where(Learning.visibility.in_(list(visibilities)))).first()


def by_slug(session: Session, slug: str, visibilities: Visibilities = None) -> Learning | None:
    query = select(Learning).where(Learning.slug == slug)
    if visibilities is not None:
        query = query.where(Learning.visibility.in_(list(visibilities)))
    return session.scalars(query).first()


def slugs_starting(session: Session, base: str) -> set[str]:
    query = select(Learning.slug).where(or_(Learning.slug == base, Learning.slug.like(f"{base}-%")))
    return set(session.scalars(query))


def listing(
    session: Session,
    tag: str | None = None,
    limit: int | None = None,
    visibilities: Visibilities = None,
) -> list[Learning]:
    query = select(Learning).order_by(Learning.learned_on.desc(), Learning.id.desc())
    if visibilities is not None:
        query = query.where(Learning.visibility.in_(list(visibilities)))
    found = list(session.scalars(query))
    if tag:
        found = [item for item in found if tag in item.tags]
    return found[:limit] if limit else found


def count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Learning)) or 0)


def search(
    session: Session, terms: Sequence[str], limit: int = 20, visibilities: Visibilities = None
) -> list[Learning]:
    """Learnings holding every term (as a word prefix), best match first, among those at
    ``visibilities`` when given. ``terms`` are already folded (lower case, no accents) and
    hold only letters and digits.
    """
    if not terms or (visibilities is not None and not visibilities):
        return []
    dialect = session.get_bind().dialect.name
    shown = bindparam("visibilities", list(visibilities or ()), expanding=True)
    if dialect == "sqlite":
        match = " ".join(f'"{term}"*' for term in terms)
        where = (
            ""
            if visibilities is None
            else ("AND rowid IN (SELECT id FROM learnings WHERE visibility IN :visibilities) ")
        )
        query = text(
            f"SELECT rowid FROM learnings_fts WHERE learnings_fts MATCH :match {where}"
            "ORDER BY rank LIMIT :limit"
        )
        if visibilities is not None:
            query = query.bindparams(shown)
        ids = session.execute(query, {"match": match, "limit": limit}).scalars()
    elif dialect == "postgresql":
        tsquery = " & ".join(f"{term}:*" for term in terms)
        where = "" if visibilities is None else "AND visibility IN :visibilities "
        query = text(
            "SELECT id FROM learnings WHERE search_vector @@ to_tsquery('simple', :query) "
            f"{where}ORDER BY ts_rank(search_vector, to_tsquery('simple', :query)) DESC, "
            "learned_on DESC LIMIT :limit"
        )
        if visibilities is not None:
            query = query.bindparams(shown)
        ids = session.execute(query, {"query": tsquery, "limit": limit}).scalars()
    else:  # pragma: no cover - any other database: a plain scan
        query_all = select(Learning.id)
        if visibilities is not None:
            query_all = query_all.where(Learning.visibility.in_(list(visibilities)))
        for term in terms:
            query_all = query_all.where(Learning.search_text.like(f"%{term}%"))
        ids = session.scalars(query_all.limit(limit))
    order = list(ids)
    if not order:
        return []
    found = {
        item.id: item for item in session.scalars(select(Learning).where(Learning.id.in_(order)))
    }
    return [found[i] for i in order if i in found]
