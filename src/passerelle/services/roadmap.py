"""Roadmap alignment: company objectives, the decisions, requests and commitments linked to
them, and the work that serves none.

``roadmap`` and ``work_items`` take a ``reader`` (the owner by default): objectives and work
come back only as the read policy lets that reader see them, each kind by its own rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from passerelle.domain.circles import Bilingual, Visibility
from passerelle.domain.pillars import WorkItem
from passerelle.services.access import OWNER, Kind, Role, allowed
from passerelle.services.errors import AmbiguousError, DuplicateError, invalid
from passerelle.services.folding import name_key
from passerelle.services.people import visibility_of
from passerelle.store.models import ObjectiveLinkRow, ObjectiveRow
from passerelle.store.models.objective import LINK_KINDS
from passerelle.store.repos import objectives as repo

KIND_LABELS = {
    "decision": Bilingual("décision", "decision"),
    "request": Bilingual("demande", "request"),
    "commitment": Bilingual("engagement", "commitment"),
}


def add(
    session: Session,
    title: str,
    *,
    today: date,
    description: str = "",
    visibility: str = Visibility.BUSINESS.value,
) -> ObjectiveRow:
    clean = " ".join(title.split())
    if not clean:
        raise invalid("L’objectif n’a pas de titre.", "The objective has no title.")
    if repo.by_key(session, name_key(clean)) is not None:
        raise DuplicateError(
            Bilingual(f"L’objectif « {clean} » existe déjà.", f"'{clean}' already exists.")
        )
    row = ObjectiveRow(
        title=clean,
        title_key=name_key(clean),
        description=description.strip(),
        created_on=today,
        active=True,
        visibility=visibility_of(visibility),
    )
    repo.add(session, row)
    return row


def find(session: Session, ref: str) -> ObjectiveRow:
    text = ref.strip().lstrip("#")
    if text.isdigit():
        found = repo.get(session, int(text))
        if found is not None:
            return found
    key = name_key(ref)
    exact = repo.by_key(session, key)
    if exact is not None:
        return exact
    partial = [o for o in repo.listing(session) if key and key in o.title_key]
    if len(partial) == 1:
        return partial[0]
    if partial:
        raise AmbiguousError(
            Bilingual(
                f"« {ref} » désigne plusieurs objectifs.", f"'{ref}' matches several objectives."
            )
        )
    raise invalid(f"Objectif inconnu : « {ref} ».", f"Unknown objective: '{ref}'.")


def link(session: Session, kind: str, ref: str, objective: str) -> tuple[str, int, ObjectiveRow]:
    """Link a decision (number or slug), request or commitment (number) to an objective."""
    kind = kind.strip().lower()
    if kind not in LINK_KINDS:
        raise invalid(
            f"Type inconnu : {kind!r} (decision, request, commitment).",
            f"Unknown kind: {kind!r} (decision, request, commitment).",
        )
    text = ref.strip().lstrip("#")
    ref_id = repo.decision_id(session, text) if kind == "decision" else None
    if kind != "decision" and text.isdigit():
        ref_id = int(text)
    if ref_id is None or not repo.exists(session, kind, ref_id):
        label = KIND_LABELS[kind]
        raise invalid(f"{label.fr} introuvable : {ref}.", f"No {label.en} {ref}.")
    goal = find(session, objective)
    if repo.link(session, kind, ref_id, goal.id) is None:
        repo.add(session, ObjectiveLinkRow(objective_id=goal.id, kind=kind, ref_id=ref_id))
    return kind, ref_id, goal


WORK_KINDS = {"decision": Kind.DECISION, "request": Kind.REQUEST, "commitment": Kind.COMMITMENT}


def _work_shown(reader: Role) -> dict[str, tuple[str, ...]] | None:
    if reader is OWNER:
        return None
    return {name: allowed(reader, kind) for name, kind in WORK_KINDS.items()}


def _objectives_shown(reader: Role) -> tuple[str, ...] | None:
    return None if reader is OWNER else allowed(reader, Kind.OBJECTIVE)


def work_items(
    session: Session,
    visibilities: set[str] | None = None,
    since: date | None = None,
    reader: Role = OWNER,
) -> list[WorkItem]:
    """Every decision, request and commitment (from ``since`` on) ``reader`` may read, with
    the first objective it serves that ``reader`` may read, if any."""
    linked = repo.links(session)
    titles = {o.id: o.title for o in repo.listing(session, _objectives_shown(reader))}
    out = []
    for kind, ref_id, title, on, vis in repo.work(session, since, _work_shown(reader)):
        if visibilities is not None and vis not in visibilities:
            continue
        goals = [g for g in linked.get((kind, ref_id), ()) if g in titles]
        out.append(
            WorkItem(kind, f"{kind}:{ref_id}", title, on, titles[goals[0]] if goals else None)
        )
    return out


@dataclass(frozen=True, slots=True)
class ObjectiveView:
    id: int
    title: str
    description: str
    items: tuple[WorkItem, ...]


@dataclass(frozen=True, slots=True)
class Roadmap:
    objectives: tuple[ObjectiveView, ...]
    unlinked: tuple[WorkItem, ...]


def roadmap(session: Session, since: date | None = None, reader: Role = OWNER) -> Roadmap:
    """What serves which objective, and what serves none, from ``since`` on, as ``reader``
    may see it (work serving only objectives hidden from ``reader`` counts as serving none)."""
    linked = repo.links(session)
    objectives = repo.listing(session, _objectives_shown(reader))
    known = {o.id for o in objectives}
    served: dict[int, list[WorkItem]] = {}
    unlinked: list[WorkItem] = []
    for kind, ref_id, title, on, _ in repo.work(session, since, _work_shown(reader)):
        goals = [g for g in linked.get((kind, ref_id), []) if g in known]
        item = WorkItem(kind, f"{kind}:{ref_id}", title, on, None)
        if not goals:
            unlinked.append(item)
        for goal in goals:
            served.setdefault(goal, []).append(item)
    views = tuple(
        ObjectiveView(
            o.id,
            o.title,
            o.description,
            tuple(sorted(served.get(o.id, []), key=lambda w: (w.on, w.key))),
        )
        for o in objectives
    )
    return Roadmap(views, tuple(sorted(unlinked, key=lambda w: (w.on, w.key))))
