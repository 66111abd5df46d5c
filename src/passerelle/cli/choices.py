"""Option values shared by the commands. Kept apart from the database helpers so that
``passerelle check`` and ``passerelle ask check`` import nothing heavy."""

from __future__ import annotations

from enum import StrEnum


class Format(StrEnum):
    """``--format``: text for a person, JSON (a stable contract) for a program."""

    text = "text"
    json = "json"


class Lang(StrEnum):
    """``--lang``: force the language instead of detecting it."""

    fr = "fr"
    en = "en"
