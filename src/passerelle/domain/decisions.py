"""Decisions as values: what was decided, why, by whom, and how its status may change.

A decision has two renderings: the technical one (context, options, consequences) and the
business one (value, cost, risk, timing in plain words). Ids are date slugs
(``2026-11-22-use-postgresql``) so that two people or two branches never fight over a number.
Status changes follow a small set of allowed moves, and a superseded decision always names the
one that replaced it, with no cycle in the chain.

The values are here; the statuses and their moves are in ``decision_status``, supersede links
in ``decision_links``, the errors in ``decision_errors``. Everything is importable from here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Container
from dataclasses import dataclass, field, replace

from passerelle.domain.circles import Bilingual, Visibility
from passerelle.domain.decision_errors import (
    DecisionError,
    InvalidDecisionError,
    MissingSupersedeTargetError,
    SupersedeCycleError,
)
from passerelle.domain.decision_links import check_supersede_links, find_cycle, supersede
from passerelle.domain.decision_status import (
    ALLOWED,
    Status,
    StatusChange,
    TransitionNotAllowedError,
    UnknownStatusError,
    fold,
    parse_status,
)
from passerelle.domain.delegation import DelegationLevel

B = Bilingual

__all__ = [
    "ALLOWED",
    "BusinessRendering",
    "Decision",
    "DecisionError",
    "InvalidDecisionError",
    "MissingSupersedeTargetError",
    "Option",
    "Status",
    "StatusChange",
    "SupersedeCycleError",
    "TransitionNotAllowedError",
    "UnknownStatusError",
    "Visibility",
    "check_supersede_links",
    "decision_id",
    "find_cycle",
    "parse_status",
    "slugify",
    "supersede",
    "transition",
]


@dataclass(frozen=True, slots=True)
class Option:
    title: str
    description: str = ""
    pros: tuple[str, ...] = ()
    cons: tuple[str, ...] = ()
    neutral: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BusinessRendering:
    """The decision in plain words for readers outside engineering."""

    value: str = ""
    cost: str = ""
    risk: str = ""
    timing: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.value or self.cost or self.risk or self.timing)

    def text(self) -> str:
        """All four parts as one text, the form the plain-language checker reads."""
        return "\n\n".join(p for p in (self.value, self.cost, self.risk, self.timing) if p)


@dataclass(frozen=True, slots=True)
class Decision:
    id: str
    title: str
    status: Status = Status.PROPOSED
    date: dt.date | None = None
    context: str = ""
    drivers: tuple[str, ...] = ()
    options: tuple[Option, ...] = ()
    chosen_option: str = ""
    rationale: str = ""
    consequences: str = ""
    deciders: tuple[str, ...] = ()
    consulted: tuple[str, ...] = ()
    informed: tuple[str, ...] = ()
    area: str = ""
    delegation_level: DelegationLevel | None = None
    review_on: dt.date | None = None
    tags: tuple[str, ...] = ()
    visibility: Visibility = Visibility.PRIVATE
    history: tuple[StatusChange, ...] = ()
    supersedes: tuple[str, ...] = ()
    superseded_by: str | None = None
    business: BusinessRendering = field(default_factory=BusinessRendering)
    more_information: str = ""
    share_override: str = ""  # the written reason kept when sharing was forced

    def __post_init__(self) -> None:
        if not self.title.strip():
            raise InvalidDecisionError(
                B("une décision a besoin d’un titre", "a decision needs a title")
            )
        if not self.id or not _ID.fullmatch(self.id):
            raise InvalidDecisionError(
                B(f"identifiant invalide : {self.id!r}", f"invalid decision id: {self.id!r}")
            )
        if (self.status is Status.SUPERSEDED) != (self.superseded_by is not None):
            raise InvalidDecisionError(
                B(
                    f"{self.id} : une décision remplacée doit nommer celle qui la remplace, "
                    "et seulement elle",
                    f"{self.id}: a superseded decision must name its successor, and only a "
                    "superseded one may",
                )
            )
        if self.id == self.superseded_by or self.id in self.supersedes:
            raise SupersedeCycleError((self.id,))


_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l"})


def slugify(title: str, max_length: int = 60) -> str:
    """``"Utiliser PostgreSQL à l’échelle"`` -> ``"utiliser-postgresql-a-l-echelle"``."""
    folded = fold(title).translate(_LIGATURES)
    words = re.findall(r"[a-z0-9]+", folded)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length and slug:
            break
        slug = candidate[:max_length]
    return slug or "decision"


def decision_id(title: str, on: dt.date, taken: Container[str] = ()) -> str:
    """A date-slug id, with ``-2``, ``-3``... when the same day and title are already taken."""
    base = f"{on.isoformat()}-{slugify(title)}"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def transition(
    decision: Decision, to: Status, on: dt.date, by: str = "", reason: str = ""
) -> Decision:
    """The decision moved to a new status, with the change kept in its history."""
    if to is Status.SUPERSEDED:
        raise InvalidDecisionError(
            B(
                f"{decision.id} : pour remplacer une décision, nommez celle qui la remplace",
                f"{decision.id}: to supersede a decision, name the one that replaces it",
            )
        )
    if to not in ALLOWED[decision.status]:
        raise TransitionNotAllowedError(decision.id, decision.status, to)
    change = StatusChange(to, on, by, reason)
    return replace(decision, status=to, history=(*decision.history, change))


def due_for_review(decision: Decision, today: dt.date) -> bool:
    """A review date that has come, on a decision still in force or still open."""
    return (
        decision.review_on is not None
        and decision.review_on <= today
        and decision.status in (Status.PROPOSED, Status.ACCEPTED)
    )
