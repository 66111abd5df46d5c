"""Reading the values of a record's metadata (names, dates, levels...), noting what fails.

A value that cannot be read is not fatal: it is left out and a warning says why, so the rest
of the record is still taken.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from passerelle.domain.circles import Bilingual, Visibility
from passerelle.domain.decisions import StatusChange, parse_status
from passerelle.domain.delegation import DelegationLevel, UnknownDelegationLevelError, parse_level
from passerelle.records import markdown as md
from passerelle.records.results import Problem, Severity


class Notes:
    """The problems met while reading one file."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def warn(self, code: str, fr: str, en: str, line: int = 0) -> None:
        self.problems.append(Problem(code, Severity.WARNING, Bilingual(fr, en), line))


def split_names(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return tuple(n for n in (md.normalize_line(p) for p in value.split(",")) if n)


def split_tags(value: str | None) -> tuple[str, ...]:
    return tuple(t for t in re.split(r"[,\s]+", value or "") if t)


def meta_date(notes: Notes, meta: dict[str, Any], name: str) -> dt.date | None:
    value = meta.get(name)
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return to_date(notes, str(value), name)


def to_date(notes: Notes, raw: str, name: str) -> dt.date | None:
    raw = raw.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%Y%m%d"):
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    notes.warn(
        "bad-date",
        f"date illisible pour « {name} » : {raw!r} (attendu AAAA-MM-JJ)",
        f"unreadable {name}: {raw!r} (expected YYYY-MM-DD)",
    )
    return None


def names(notes: Notes, value: Any, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return split_names(value)
    if isinstance(value, list):
        return tuple(n for n in (md.normalize_line(str(v)) for v in value if v is not None) if n)
    notes.warn(
        "bad-list",
        f"« {name} » devrait être une liste de noms ; valeur ignorée",
        f"'{name}' should be a list of names; value ignored",
    )
    return ()


def level(notes: Notes, value: Any) -> DelegationLevel | None:
    if value is None or value == "":
        return None
    try:
        return parse_level(value if isinstance(value, int) else str(value))
    except UnknownDelegationLevelError as bad:
        notes.problems.append(Problem("bad-delegation-level", Severity.WARNING, bad.message))
        return None


def visibility(notes: Notes, value: Any) -> Visibility:
    if value is None:
        return Visibility.PRIVATE
    try:
        return Visibility(str(value).strip().casefold())
    except ValueError:
        notes.warn(
            "bad-visibility",
            f"visibilité inconnue {value!r} ; la décision reste privée",
            f"unknown visibility {value!r}; the decision stays private",
        )
        return Visibility.PRIVATE


def history(notes: Notes, value: Any) -> tuple[StatusChange, ...]:
    if not value:
        return ()
    changes = []
    for item in value if isinstance(value, list) else [value]:
        try:
            on = item["date"]
            on = on if isinstance(on, dt.date) else dt.date.fromisoformat(str(on))
            changes.append(
                StatusChange(
                    parse_status(str(item["status"])),
                    on,
                    md.normalize_line(str(item.get("by") or "")),
                    md.normalize_text(str(item.get("reason") or "")),
                )
            )
        except (TypeError, KeyError, ValueError, AttributeError):
            notes.warn(
                "bad-history",
                f"entrée d’historique illisible, ignorée : {item!r}",
                f"unreadable status history entry, ignored: {item!r}",
            )
    return tuple(changes)
