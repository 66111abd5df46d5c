"""Days as people type them: ISO dates, ``today``, ``yesterday``, ``+7d``/``-3d``."""

from __future__ import annotations

import re
from datetime import date, timedelta

from passerelle.services.errors import invalid

_RELATIVE = re.compile(r"^([+-]?)(\d+)\s*([dwjs])$")
_NAMED = {
    "today": 0,
    "aujourd'hui": 0,
    "aujourd’hui": 0,
    "yesterday": -1,
    "hier": -1,
    "tomorrow": 1,
    "demain": 1,
}


def parse_day(text: str, today: date | None = None) -> date:
    """A day from ``2026-03-01``, ``today``/``aujourd'hui``, ``yesterday``/``hier``, or an
    offset in days or weeks (``+7d``, ``-2w``, ``+3j``, ``-1s``)."""
    base = today or date.today()
    key = text.strip().lower()
    if key in _NAMED:
        return base + timedelta(days=_NAMED[key])
    match = _RELATIVE.match(key)
    if match:
        sign, number, unit = match.groups()
        days = int(number) * (7 if unit in "ws" else 1)
        return base + timedelta(days=-days if sign == "-" else days)
    try:
        return date.fromisoformat(key)
    except ValueError:
        raise invalid(
            f"Date invalide : {text!r} (attendu AAAA-MM-JJ, « aujourd'hui », « +7j »).",
            f"Invalid date: {text!r} (expected YYYY-MM-DD, 'today', '+7d').",
        ) from None
