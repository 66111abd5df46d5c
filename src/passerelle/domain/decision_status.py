"""A decision's status: its names in French and English, the words other tools use for it,
the moves allowed from each, and a change of status as kept in a decision's history.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from passerelle.domain.circles import Bilingual
from passerelle.domain.decision_errors import DecisionError

B = Bilingual


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


@dataclass(frozen=True, slots=True)
class StatusChange:
    status: Status
    on: dt.date
    by: str = ""
    reason: str = ""


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


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_STATUS_NAMES: dict[str, Status] = {
    **STATUS_ALIASES,
    **{s.value: s for s in Status},
    **{fold(label.fr): s for s, label in STATUS_LABELS.items()},
    **{fold(label.fr).removesuffix("e"): s for s, label in STATUS_LABELS.items()},
}


def parse_status(text: str) -> Status:
    """Read a status in English or French, or one of the usual aliases (``draft``, ``on hold``)."""
    key = " ".join(re.findall(r"[a-z]+", fold(text)))
    if key.startswith(("superseded by", "remplacee par", "replaced by")):
        return Status.SUPERSEDED
    if key in _STATUS_NAMES:
        return _STATUS_NAMES[key]
    raise UnknownStatusError(text)
