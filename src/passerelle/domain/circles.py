"""The circles a CTO asks for help, and what each one is for.

Seed 000 names five circles to ask (peer CTOs, mentors, the team, the CEO, outside experts);
the workspace also keeps business partners and the board, who are people to keep in touch
with more than people to ask. The ask analyser speaks of its own five circles; ``for_analyser``
maps ours onto them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# Defined with the read policy; kept importable from here, where records have always found it.
from passerelle.domain.visibility import Visibility as Visibility


@dataclass(frozen=True, slots=True)
class Bilingual:
    """A user-facing sentence in both languages of the product."""

    fr: str
    en: str

    def get(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en

    def format(self, **values: object) -> Bilingual:
        return Bilingual(self.fr.format(**values), self.en.format(**values))


class Circle(StrEnum):
    PEER = "peer"
    MENTOR = "mentor"
    TEAM = "team"
    CEO = "ceo"
    BUSINESS = "business"
    EXPERT = "expert"
    BOARD = "board"


LABELS: dict[Circle, Bilingual] = {
    Circle.PEER: Bilingual("pairs CTO", "peer CTOs"),
    Circle.MENTOR: Bilingual("mentors", "mentors"),
    Circle.TEAM: Bilingual("équipe", "team"),
    Circle.CEO: Bilingual("CEO", "CEO"),
    Circle.BUSINESS: Bilingual("direction métier", "business partners"),
    Circle.EXPERT: Bilingual("experts externes", "outside experts"),
    Circle.BOARD: Bilingual("conseil d’administration", "board"),
}

DEFAULT_CADENCE_DAYS: dict[Circle, int] = {
    Circle.PEER: 30,
    Circle.MENTOR: 90,
    Circle.TEAM: 14,
    Circle.CEO: 7,
    Circle.BUSINESS: 30,
    Circle.EXPERT: 180,
    Circle.BOARD: 90,
}

# The ask analyser's circle names and the workspace circles each one covers.
_ANALYSER: dict[Circle, str] = {
    Circle.PEER: "peers",
    Circle.MENTOR: "mentors",
    Circle.TEAM: "team",
    Circle.CEO: "ceo",
    Circle.BUSINESS: "ceo",
    Circle.EXPERT: "experts",
    Circle.BOARD: "mentors",
}


def for_analyser(circle: Circle | str) -> str:
    """The analyser's name for the circle a person belongs to (``peer`` -> ``peers``)."""
    return _ANALYSER[Circle(circle)]


def from_analyser(name: str) -> Circle:
    """The workspace circle that first answers to one of the analyser's names."""
    key = name.strip().lower()
    for circle, analyser_name in _ANALYSER.items():
        if analyser_name == key or circle.value == key:
            return circle
    raise ValueError(f"unknown circle: {name!r}")


def parse_circle(text: str) -> Circle:
    """A circle from what a person types: ``peer``, ``peers``, ``pairs``, ``mentors``…"""
    key = text.strip().lower()
    aliases = {
        "peers": Circle.PEER,
        "pair": Circle.PEER,
        "pairs": Circle.PEER,
        "mentors": Circle.MENTOR,
        "équipe": Circle.TEAM,
        "equipe": Circle.TEAM,
        "experts": Circle.EXPERT,
        "conseil": Circle.BOARD,
        "métier": Circle.BUSINESS,
        "metier": Circle.BUSINESS,
    }
    if key in aliases:
        return aliases[key]
    try:
        return Circle(key)
    except ValueError:
        raise ValueError(f"unknown circle: {text!r}") from None


def fits(recipient: Circle | str, fitting: tuple[str, ...]) -> bool:
    """Whether asking someone of ``recipient``'s circle suits an ask whose fitting circles
    (analyser names, best first) are ``fitting``. An empty tuple means "no opinion": it fits.
    """
    if not fitting:
        return True
    return for_analyser(recipient) in fitting
