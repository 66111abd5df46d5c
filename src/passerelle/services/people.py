"""People of the network: add, find, list, show, edit, log an interaction, snooze.

Every read takes a ``reader`` (the owner by default): people, interactions and notes come
back only as the read policy (``domain.visibility``) lets that reader see them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from passerelle.domain.cadence import cadence_for, contact_status
from passerelle.domain.circles import Bilingual, Circle, Visibility, parse_circle
from passerelle.services.access import OWNER, Kind, Role, allowed, circles_hidden, require
from passerelle.services.errors import AmbiguousError, DuplicateError, NotFoundError, invalid
from passerelle.services.folding import name_key
from passerelle.settings import Settings
from passerelle.store.models import Interaction, Person
from passerelle.store.repos import interactions as interaction_repo
from passerelle.store.repos import people as repo

KINDS = ("meeting", "call", "message", "meal", "event", "ask", "answer", "other")
INITIATORS = ("me", "them")


@dataclass(frozen=True, slots=True)
class PersonView:
    id: int
    name: str
    circle: str
    organisation: str
    expertise: tuple[str, ...]
    cadence_days: int
    last_contact: date | None
    next_contact: date
    overdue_days: int
    snoozed_until: date | None
    given: int
    received: int
    visibility: str


def circle_of(text: str) -> Circle:
    try:
        return parse_circle(text)
    except ValueError:
        names = ", ".join(c.value for c in Circle)
        raise invalid(
            f"Cercle inconnu : {text!r} (choix : {names}).",
            f"Unknown circle: {text!r} (choose from: {names}).",
        ) from None


def visibility_of(text: str) -> str:
    try:
        return Visibility(text.strip().lower()).value
    except ValueError:
        raise invalid(
            f"Visibilité inconnue : {text!r} (private, team, business).",
            f"Unknown visibility: {text!r} (private, team, business).",
        ) from None


def tags(text: str | Sequence[str] | None) -> list[str]:
    items = text.split(",") if isinstance(text, str) else list(text or [])
    seen: list[str] = []
    for item in items:
        tag = item.strip().lower()
        if tag and tag not in seen:
            seen.append(tag)
    return seen


def _people_for(reader: Role) -> tuple[tuple[str, ...] | None, tuple[str, ...]]:
    """The visibilities and hidden circles to query people with (``None``: the owner's all)."""
    if reader is OWNER:
        return None, ()
    return allowed(reader, Kind.PERSON), circles_hidden(reader)


def find(session: Session, ref: str, reader: Role = OWNER) -> Person:
    """A person by id (``#12`` or ``12``), exact name, or a part of one name only, among
    the people ``reader`` may see (others are never named, not even in an error)."""
    key = ref.strip()
    vis, hidden = _people_for(reader)
    if key.lstrip("#").isdigit():
        found = repo.get(session, int(key.lstrip("#")), vis, hidden)
        if found is not None:
            return found
    folded = name_key(key)
    exact = repo.by_key(session, folded, vis, hidden)
    if exact is not None:
        return exact
    candidates = repo.matching(session, folded, 10, vis, hidden) if folded else []
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        names = ", ".join(p.name for p in candidates)
        raise AmbiguousError(
            Bilingual(
                f"« {ref} » désigne plusieurs personnes : {names}.",
                f"'{ref}' matches several people: {names}.",
            )
        )
    raise NotFoundError(Bilingual(f"Personne inconnue : « {ref} ».", f"Unknown person: '{ref}'."))


def add(
    session: Session,
    name: str,
    circle: str,
    *,
    organisation: str = "",
    expertise: str | Sequence[str] | None = None,
    cadence_days: int | None = None,
    notes: str = "",
    visibility: str = Visibility.PRIVATE.value,
    known_since: date | None = None,
) -> Person:
    clean = " ".join(name.split())
    if not clean:
        raise invalid("Le nom est vide.", "The name is empty.")
    if cadence_days is not None and cadence_days < 1:
        raise invalid("La cadence est d’au moins un jour.", "The cadence is at least one day.")
    if repo.by_key(session, name_key(clean)) is not None:
        raise DuplicateError(
            Bilingual(
                f"« {clean} » existe déjà ; utilisez `people edit`.",
                f"'{clean}' already exists; use `people edit`.",
            )
        )
    person = Person(
        name=clean,
        name_key=name_key(clean),
        circle=circle_of(circle).value,
        organisation=organisation.strip(),
        expertise=tags(expertise),
        cadence_days=cadence_days,
        notes=notes,
        visibility=visibility_of(visibility),
        known_since=known_since or date.today(),
    )
    return repo.add(session, person)


def edit(session: Session, ref: str, **changes: object) -> Person:
    """Change the given fields; ``None`` leaves a field as it is."""
    person = find(session, ref)
    for key, value in changes.items():
        if value is None:
            continue
        if key == "name":
            clean = " ".join(str(value).split())
            other = repo.by_key(session, name_key(clean))
            if other is not None and other.id != person.id:
                raise DuplicateError(
                    Bilingual(f"« {clean} » existe déjà.", f"'{clean}' already exists.")
                )
            person.name = clean
            person.name_key = name_key(clean)
        elif key == "circle":
            person.circle = circle_of(str(value)).value
        elif key == "expertise":
            person.expertise = tags(value)  # type: ignore[arg-type]
        elif key == "visibility":
            person.visibility = visibility_of(str(value))
        elif key == "cadence_days":
            days = int(value)  # type: ignore[call-overload]
            if days < 1:
                raise invalid(
                    "La cadence est d’au moins un jour.", "The cadence is at least a day."
                )
            person.cadence_days = days
        elif key in ("organisation", "notes"):
            setattr(person, key, str(value))
        else:
            raise invalid(f"Champ inconnu : {key}.", f"Unknown field: {key}.")
    session.flush()
    return person


def log(
    session: Session,
    ref: str,
    *,
    day: date,
    kind: str = "message",
    initiated_by: str = "me",
    gave: str = "",
    received: str = "",
    summary: str = "",
    ask_id: int | None = None,
    visibility: str = Visibility.PRIVATE.value,
) -> Interaction:
    person = find(session, ref)
    if kind not in KINDS:
        raise invalid(
            f"Type d’échange inconnu : {kind!r} ({', '.join(KINDS)}).",
            f"Unknown kind of interaction: {kind!r} ({', '.join(KINDS)}).",
        )
    if initiated_by not in INITIATORS:
        raise invalid("À l’initiative de : me ou them.", "Initiated by: me or them.")
    interaction = Interaction(
        person_id=person.id,
        occurred_on=day,
        kind=kind,
        initiated_by=initiated_by,
        gave=gave.strip(),
        received=received.strip(),
        summary=summary.strip(),
        ask_id=ask_id,
        visibility=visibility_of(visibility),
    )
    return interaction_repo.add(session, interaction)


def snooze(session: Session, ref: str, until: date) -> Person:
    person = find(session, ref)
    person.snoozed_until = until
    session.flush()
    return person


def views(
    session: Session,
    settings: Settings,
    today: date,
    circle: str | None = None,
    reader: Role = OWNER,
) -> list[PersonView]:
    """Everyone (or one circle) ``reader`` may see, with their contact status and reciprocity
    counted over the interactions ``reader`` may see, in three queries."""
    wanted = circle_of(circle).value if circle else None
    vis, hidden = _people_for(reader)
    stats = repo.contact_stats(
        session, None if reader is OWNER else allowed(reader, Kind.INTERACTION)
    )
    cadences = settings.cadences.as_dict()
    grace = settings.radar.overdue_grace_days
    none = repo.ContactStats(None, 0, 0)
    result = []
    for person in repo.rows(session, wanted, vis, hidden):
        seen = stats.get(person.id, none)
        status = contact_status(
            today,
            cadence_days=cadence_for(person.circle, person.cadence_days, cadences),
            last_contact=seen.last,
            known_since=person.known_since,
            snoozed_until=person.snoozed_until,
            grace_days=grace,
        )
        result.append(
            PersonView(
                id=person.id,
                name=person.name,
                circle=person.circle,
                organisation=person.organisation,
                expertise=person.expertise,
                cadence_days=status.cadence_days,
                last_contact=status.last_contact,
                next_contact=status.next_contact,
                overdue_days=status.overdue_days,
                snoozed_until=person.snoozed_until,
                given=seen.given,
                received=seen.received,
                visibility=person.visibility,
            )
        )
    return result


@dataclass(frozen=True, slots=True)
class PersonDetail:
    view: PersonView
    notes: str
    interactions: tuple[Interaction, ...]


def show(
    session: Session, settings: Settings, ref: str, today: date, reader: Role = OWNER
) -> PersonDetail:
    """One person as ``reader`` may see them: the notes are the owner's only, and the
    interactions those ``reader`` may read (none for a business reader)."""
    person = find(session, ref, reader)
    everyone = views(session, settings, today, person.circle, reader)
    view = next(v for v in everyone if v.id == person.id)
    recent = tuple(
        interaction_repo.for_person(
            session, person.id, visibilities=allowed(reader, Kind.INTERACTION)
        )
    )
    notes = "" if allowed(reader, Kind.NOTE) == () else person.notes
    return PersonDetail(view, notes, recent)


def interactions(
    session: Session, ref: str, reader: Role = OWNER, limit: int = 20
) -> tuple[Interaction, ...]:
    """The latest interactions with a person that ``reader`` may read; refused to a reader
    who never reads interactions (a business partner)."""
    require(reader, Kind.INTERACTION)
    person = find(session, ref, reader)
    vis = allowed(reader, Kind.INTERACTION)
    return tuple(interaction_repo.for_person(session, person.id, limit, vis))
