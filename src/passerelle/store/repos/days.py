"""Date columns read fast in bulk.

SQLAlchemy parses every SQLite date with a regular expression, which dominates reading tens of
thousands of rows. The bulk readers select date columns as raw text (``raw``) and turn them into
dates here, once per distinct day. PostgreSQL's driver already returns dates: they pass through.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import String, type_coerce
from sqlalchemy.sql.elements import ColumnElement


def raw(column: Any) -> ColumnElement[Any]:
    """The column as the database sends it, without SQLAlchemy's date processing."""
    return type_coerce(column, String).label(column.key)


@lru_cache(maxsize=8192)
def _parse(text: str) -> date:
    return date.fromisoformat(text[:10])


def day(value: object) -> date | None:
    if value is None:
        return None
    if isinstance(value, str):
        return _parse(value)
    if isinstance(value, date):
        return value
    raise TypeError(f"not a date: {value!r}")


def day_of(value: object) -> date:
    found = day(value)
    if found is None:
        raise TypeError("a required date is missing")
    return found


def days_in(text: str, sep: str = ",") -> list[date]:
    """Every day of a string of ISO days, as SQLite's ``group_concat`` sends them."""
    return list(map(_parse, text.split(sep)))
