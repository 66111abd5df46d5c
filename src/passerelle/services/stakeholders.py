"""Stakeholders: a person of the network or a group (the executive committee, the team).

Commitments, surprises, communications and the plan are each about one stakeholder. The trust
ledger keys them ``p:<id>`` or ``g:<id>`` so that a person and a group may share a name.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from passerelle.domain.circles import Bilingual
from passerelle.services import people
from passerelle.services.errors import AmbiguousError, DuplicateError, NotFoundError, invalid
from passerelle.services.folding import name_key
from passerelle.store.models import StakeholderGroup
from passerelle.store.repos import stakeholders as repo

LANGS = ("fr", "en")


@dataclass(frozen=True, slots=True)
class Stakeholder:
    kind: str  # person | group
    id: int
    name: str
    lang: str | None = None  # a group's reading language; people follow the text's

    @property
    def key(self) -> str:
        return f"{self.kind[0]}:{self.id}"

    @property
    def person_id(self) -> int | None:
        return self.id if self.kind == "person" else None

    @property
    def group_id(self) -> int | None:
        return self.id if self.kind == "group" else None


def of_row(person_id: int | None, group_id: int | None) -> str:
    """The ledger key of a row that points at a person or a group."""
    return f"p:{person_id}" if person_id is not None else f"g:{group_id}"


def lang_of(text: str) -> str:
    value = text.strip().lower()
    if value not in LANGS:
        raise invalid(
            f"Langue inconnue : {text!r} (fr ou en).", f"Unknown language: {text!r} (fr or en)."
        )
    return value


def add_group(session: Session, name: str, lang: str = "en", notes: str = "") -> Stakeholder:
    clean = " ".join(name.split())
    if not clean:
        raise invalid("Le nom du groupe est vide.", "The group's name is empty.")
    if repo.by_key(session, name_key(clean)) is not None:
        raise DuplicateError(
            Bilingual(f"Le groupe « {clean} » existe déjà.", f"The group '{clean}' already exists.")
        )
    group = repo.add(
        session,
        StakeholderGroup(name=clean, name_key=name_key(clean), lang=lang_of(lang), notes=notes),
    )
    return Stakeholder("group", group.id, group.name, group.lang)


def _group(session: Session, ref: str) -> Stakeholder | None:
    key = name_key(ref)
    found = repo.by_key(session, key)
    if found is None:
        candidates = repo.matching(session, key) if key else []
        if len(candidates) > 1:
            names = ", ".join(g.name for g in candidates)
            raise AmbiguousError(
                Bilingual(
                    f"« {ref} » désigne plusieurs groupes : {names}.",
                    f"'{ref}' matches several groups: {names}.",
                )
            )
        found = candidates[0] if candidates else None
    return None if found is None else Stakeholder("group", found.id, found.name, found.lang)


def find(session: Session, ref: str) -> Stakeholder:
    """A person (by #id, name or part of one) or a group (by name); a group's exact name wins
    over a partial person match. An unknown stakeholder is bad input (exit code 2)."""
    text = ref.strip()
    if text.lower().startswith("g:") and text[2:].isdigit():
        group = repo.get(session, int(text[2:]))
        if group is not None:
            return Stakeholder("group", group.id, group.name, group.lang)
    exact = repo.by_key(session, name_key(text)) if text else None
    if exact is not None:
        return Stakeholder("group", exact.id, exact.name, exact.lang)
    try:
        person = people.find(session, text.removeprefix("p:"))
        return Stakeholder("person", person.id, person.name)
    except NotFoundError:
        pass
    partial = _group(session, text) if text else None
    if partial is not None:
        return partial
    raise invalid(
        f"Partie prenante inconnue : « {ref} ». Ajoutez la personne (`passerelle people add`) "
        "ou le groupe (`passerelle comms group`).",
        f"Unknown stakeholder: '{ref}'. Add the person (`passerelle people add`) or the group "
        "(`passerelle comms group`).",
    )


def names(session: Session) -> dict[str, str]:
    return repo.names(session)


def groups(session: Session) -> list[Stakeholder]:
    return [Stakeholder("group", g.id, g.name, g.lang) for g in repo.listing(session)]
