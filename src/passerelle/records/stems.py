"""What a record's file name says: whether it is a decision at all (not a README, an index or
a template), the date it may carry, the decision id it gives, and the key an importer knows
the record by.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePosixPath

from passerelle.domain.decisions import slugify

SKIPPED_STEMS = frozenset(
    {"readme", "index", "toc", "summary", "_sidebar", "changelog", "license", "contributing"}
)
DATE_STEM = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})-(.+)$")
_NUMBER_STEM = re.compile(r"^(\d+)-(.+)$")


def record_key(source: str) -> str:
    """What an importer knows a record by: its path in the folder, without the suffix."""
    return str(PurePosixPath(source).with_suffix(""))


def is_skipped_name(stem: str) -> bool:
    low = stem.casefold()
    return low in SKIPPED_STEMS or "template" in low or low.startswith("_")


def id_from_stem(stem: str, on: dt.date | None) -> str:
    """The decision id a file name gives: ``20201016-use-slugs`` -> ``2020-10-16-use-slugs``."""
    m = DATE_STEM.match(stem)
    if m:
        try:
            day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            day = None
        if day is not None:
            return f"{day.isoformat()}-{slugify(m.group(4), max_length=10**6)}"
    if on is not None:
        number = _NUMBER_STEM.match(stem)
        return f"{on.isoformat()}-{slugify(number.group(2) if number else stem, 10**6)}"
    return slugify(stem, max_length=10**6)


def stem_date(stem: str) -> dt.date | None:
    m = DATE_STEM.match(stem)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
