"""Decisions as values: what was decided, why, by whom, and how its status may change.

A decision has two renderings: the technical one (context, options, consequences) and the
business one (value, cost, risk, timing in plain words). Ids are date slugs
(``2026-11-22-use-postgresql``) so that two people or two branches never fight over a number.
Status changes follow a small set of allowed moves, and a superseded decision always names the
one that replaced it, with no cycle in the chain.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from passerelle.domain.circles import Bilingual, Visibility
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


class Status(StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    DEPRECATED = "deprecated"
    SUPERSEDED = "superseded"

    def label(self, lang: str = "en") -> str:
        return STATUS_LABELS[self].get(lang)


STATUS_LABELS: dict[Status, Bilingual] = {
    Status.PROPOSED: B("proposée", "proposed"),
    Status.ACCEPTED: B("acceptée", "accepted"),
    Status.REJECTED: B("rejetée", "rejected"),
    Status.DEPRECATED: B("obsolète", "deprecated"),
    Status.SUPERSEDED: B("remplacée", "superseded"),
}

ALLOWED: dict[Status, frozenset[Status]] = {
    # A proposal may be replaced by a better proposal before anyone accepts it.
    Status.PROPOSED: frozenset({Status.ACCEPTED, Status.REJECTED, Status.SUPERSEDED}),
    Status.ACCEPTED: frozenset({Status.DEPRECATED, Status.SUPERSEDED}),
    # A rejected idea can come back when the context changes.
    Status.REJECTED: frozenset({Status.PROPOSED}),
    Status.DEPRECATED: frozenset(),
    Status.SUPERSEDED: frozenset(),
}

# Words other tools and people use for a status, folded (lower case, no accents).
STATUS_ALIASES: dict[str, Status] = {
    "draft": Status.PROPOSED,
    "on hold": Status.PROPOSED,
    "open": Status.PROPOSED,
    "pending": Status.PROPOSED,
    "in progress": Status.PROPOSED,
    "under review": Status.PROPOSED,
    "brouillon": Status.PROPOSED,
    "en attente": Status.PROPOSED,
    "approved": Status.ACCEPTED,
    "adopted": Status.ACCEPTED,
    "decided": Status.ACCEPTED,
    "done": Status.ACCEPTED,
    "approuvee": Status.ACCEPTED,
    "adoptee": Status.ACCEPTED,
    "declined": Status.REJECTED,
    "refused": Status.REJECTED,
    "refusee": Status.REJECTED,
    "obsolete": Status.DEPRECATED,
    "retired": Status.DEPRECATED,
    "abandonnee": Status.DEPRECATED,
    "replaced": Status.SUPERSEDED,
}


class DecisionError(ValueError):
    """Base of the decision errors; ``message`` says it in French and English."""

    def __init__(self, message: Bilingual) -> None:
        self.message = message
        super().__init__(message.en)


class InvalidDecisionError(DecisionError):
    pass


class UnknownStatusError(DecisionError):
    def __init__(self, text: str) -> None:
        self.text = text
        names = ", ".join(s.value for s in Status)
        noms = ", ".join(s.label("fr") for s in Status)
        super().__init__(
            B(
                f"statut inconnu : {text!r} (attendu : {noms})",
                f"unknown status: {text!r} (expected: {names})",
            )
        )


class TransitionNotAllowedError(DecisionError):
    def __init__(self, decision_id: str, old: Status, new: Status) -> None:
        self.old, self.new = old, new
        allowed = ", ".join(sorted(s.value for s in ALLOWED[old])) or "—"
        super().__init__(
            B(
                f"{decision_id} : passage de « {old.label('fr')} » à « {new.label('fr')} » "
                f"non permis (possible : {allowed})",
                f"{decision_id}: cannot go from {old.value} to {new.value} (allowed: {allowed})",
            )
        )


class SupersedeCycleError(DecisionError):
    def __init__(self, cycle: tuple[str, ...]) -> None:
        self.cycle = cycle
        chain = " → ".join((*cycle, cycle[0]))
        super().__init__(
            B(
                f"les remplacements tournent en rond : {chain}",
                f"supersede links form a cycle: {chain}",
            )
        )


class MissingSupersedeTargetError(DecisionError):
    def __init__(self, source: str, target: str) -> None:
        self.source, self.target = source, target
        super().__init__(
            B(
                f"{source} renvoie à une décision absente : {target}",
                f"{source} links to a decision that does not exist: {target}",
            )
        )


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_STATUS_NAMES: dict[str, Status] = {
    **STATUS_ALIASES,
    **{s.value: s for s in Status},
    **{_fold(label.fr): s for s, label in STATUS_LABELS.items()},
    **{_fold(label.fr).removesuffix("e"): s for s, label in STATUS_LABELS.items()},
}


def parse_status(text: str) -> Status:
    """Read a status in English or French, or one of the usual aliases (``draft``, ``on hold``)."""
    key = " ".join(re.findall(r"[a-z]+", _fold(text)))
    if key.startswith(("superseded by", "remplacee par", "replaced by")):
        return Status.SUPERSEDED
    if key in _STATUS_NAMES:
        return _STATUS_NAMES[key]
    raise UnknownStatusError(text)


@dataclass(frozen=True, slots=True)
class Option:
    title: str
    description: str = ""
    pros: tuple[str, ...] = ()
    cons: tuple[str, ...] = ()
    neutral: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StatusChange:
    status: Status
    on: dt.date
    by: str = ""
    reason: str = ""


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
    folded = _fold(title).translate(_LIGATURES)
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


def supersede(
    old: Decision,
    new: Decision,
    on: dt.date,
    others: Iterable[Decision] = (),
    by: str = "",
    reason: str = "",
) -> tuple[Decision, Decision]:
    """Mark ``old`` as superseded by ``new`` and link both ways.

    ``others`` are the rest of the log: the new link is refused if it closes a cycle.
    """
    if Status.SUPERSEDED not in ALLOWED[old.status]:
        raise TransitionNotAllowedError(old.id, old.status, Status.SUPERSEDED)
    if old.id == new.id:
        raise SupersedeCycleError((old.id,))
    edges = _edges(others)
    edges.setdefault(old.id, set()).add(new.id)
    edges.setdefault(new.id, set()).update(_successors(new))
    cycle = find_cycle(edges)
    if cycle:
        raise SupersedeCycleError(cycle)
    change = StatusChange(Status.SUPERSEDED, on, by, reason or f"superseded by {new.id}")
    old2 = replace(
        old, status=Status.SUPERSEDED, superseded_by=new.id, history=(*old.history, change)
    )
    new2 = new if old.id in new.supersedes else replace(new, supersedes=(*new.supersedes, old.id))
    return old2, new2


def _successors(d: Decision) -> set[str]:
    return {d.superseded_by} if d.superseded_by else set()


def _edges(decisions: Iterable[Decision]) -> dict[str, set[str]]:
    """old -> newer edges, from both ``superseded_by`` and ``supersedes``."""
    edges: dict[str, set[str]] = {}
    for d in decisions:
        edges.setdefault(d.id, set()).update(_successors(d))
        for older in d.supersedes:
            edges.setdefault(older, set()).add(d.id)
    return edges


def find_cycle(edges: Mapping[str, Iterable[str]]) -> tuple[str, ...] | None:
    """One cycle in a directed graph, as the ids along it (smallest id first), or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for start in sorted(edges):
        if state.get(start):
            continue
        path: list[str] = [start]
        stack = [iter(sorted(edges.get(start, ())))]
        state[start] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                cycle = path[path.index(nxt) :]
                i = cycle.index(min(cycle))
                return tuple(cycle[i:] + cycle[:i])
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(sorted(edges.get(nxt, ()))))
    return None


def check_supersede_links(decisions: Iterable[Decision]) -> None:
    """Raise on the first link to a missing decision, then on a cycle; silent when all is well."""
    items = list(decisions)
    known = {d.id for d in items}
    for d in items:
        for target in (*d.supersedes, *_successors(d)):
            if target not in known:
                raise MissingSupersedeTargetError(d.id, target)
    cycle = find_cycle(_edges(items))
    if cycle:
        raise SupersedeCycleError(cycle)


def due_for_review(decision: Decision, today: dt.date) -> bool:
    """A review date that has come, on a decision still in force or still open."""
    return (
        decision.review_on is not None
        and decision.review_on <= today
        and decision.status in (Status.PROPOSED, Status.ACCEPTED)
    )
