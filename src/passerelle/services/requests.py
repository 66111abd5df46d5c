"""Business requests: receive, score (WSJF on the Fibonacci scale), plan against the team's
capacity, accept, decline, deliver; every status change keeps the explanation the requester
reads, written by ``domain.tradeoff`` in the requester's language.

Every read takes a ``reader`` (the owner by default) and returns the requests the read policy
lets that reader see. The queue is laid out on every open request (hidden work still takes
the team's capacity, so the weeks shown stay true) and then shows only the visible ones."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy.orm import Session

from passerelle.analysis.lang import detect
from passerelle.domain import tradeoff as words
from passerelle.domain import wsjf
from passerelle.domain.circles import Bilingual, Visibility
from passerelle.domain.tradeoff import RequestStatus
from passerelle.services.access import OWNER, Kind, Role, allowed
from passerelle.services.errors import NotFoundError, invalid
from passerelle.services.people import visibility_of
from passerelle.services.stakeholders import find, lang_of
from passerelle.settings import Settings
from passerelle.store.models import Person, RequestChangeRow, RequestRow
from passerelle.store.repos import requests as repo

STATUS_LABELS: dict[RequestStatus, Bilingual] = {
    RequestStatus.RECEIVED: Bilingual("reçue", "received"),
    RequestStatus.ACCEPTED: Bilingual("acceptée, en cours", "accepted, under way"),
    RequestStatus.PLANNED: Bilingual("planifiée", "planned"),
    RequestStatus.DECLINED: Bilingual("déclinée", "declined"),
    RequestStatus.DONE: Bilingual("livrée", "delivered"),
}


@dataclass(frozen=True, slots=True)
class RequestView:
    id: int
    title: str
    why: str
    requester: str
    department: str
    received_on: date
    desired_on: date | None
    status: RequestStatus
    score: wsjf.Score | None
    lang: str
    explanation: str  # the latest one
    visibility: str
    history: tuple[RequestChangeRow, ...]


def _score(row: RequestRow) -> wsjf.Score | None:
    parts = (row.business_value, row.time_criticality, row.risk_opportunity, row.job_size)
    if any(p is None for p in parts):
        return None
    return wsjf.Score(*parts)  # type: ignore[arg-type]


def view(session: Session, row: RequestRow, people: dict[int, str] | None = None) -> RequestView:
    if people is None:
        person = session.get(Person, row.requester_id)
        name = person.name if person else "?"
    else:
        name = people.get(row.requester_id, "?")
    return RequestView(
        id=row.id,
        title=row.title,
        why=row.why,
        requester=name,
        department=row.department,
        received_on=row.received_on,
        desired_on=row.desired_on,
        status=RequestStatus(row.status),
        score=_score(row),
        lang=row.lang,
        explanation=row.changes[-1].explanation if row.changes else "",
        visibility=row.visibility,
        history=tuple(row.changes),
    )


def _shown(reader: Role) -> tuple[str, ...] | None:
    return None if reader is OWNER else allowed(reader, Kind.REQUEST)


def _load(session: Session, request_id: int, reader: Role = OWNER) -> RequestRow:
    row = repo.get(session, request_id, _shown(reader))
    if row is None:
        raise NotFoundError(
            Bilingual(f"Aucune demande n° {request_id}.", f"No request #{request_id}.")
        )
    return row


def add(
    session: Session,
    requester: str,
    title: str,
    *,
    today: date,
    why: str = "",
    department: str = "",
    desired_on: date | None = None,
    lang: str | None = None,
    visibility: str = Visibility.BUSINESS.value,
) -> RequestView:
    who = find(session, requester)
    if who.person_id is None:
        raise invalid(
            f"« {who.name} » est un groupe : une demande vient d’une personne.",
            f"'{who.name}' is a group: a request comes from a person.",
        )
    clean = " ".join(title.split())
    if not clean:
        raise invalid("Dites ce qui est demandé.", "Say what is requested.")
    if desired_on is not None and desired_on < today:
        raise invalid(
            f"La date souhaitée {desired_on.isoformat()} est déjà passée.",
            f"The desired date {desired_on.isoformat()} is already past.",
        )
    row = repo.add(
        session,
        RequestRow(
            title=clean,
            why=why.strip(),
            requester_id=who.person_id,
            department=department.strip(),
            desired_on=desired_on,
            received_on=today,
            lang=lang_of(lang) if lang else detect(f"{clean}\n{why}"),
            status=RequestStatus.RECEIVED.value,
            visibility=visibility_of(visibility),
        ),
    )
    return view(session, row)


def score(session: Session, request_id: int, *values: object) -> RequestView:
    """Business value, time criticality, risk reduction or opportunity, job size."""
    row = _load(session, request_id)
    try:
        s = wsjf.score(*values)
    except wsjf.OffScaleError as exc:
        scale = ", ".join(str(v) for v in wsjf.SCALE)
        raise invalid(
            f"{exc.field} doit valoir {scale} (échelle de Fibonacci), pas {exc.value!r}.",
            f"{exc.field} must be one of {scale} (Fibonacci scale), not {exc.value!r}.",
        ) from None
    row.business_value, row.time_criticality = s.business_value, s.time_criticality
    row.risk_opportunity, row.job_size = s.risk_opportunity, s.job_size
    session.flush()
    return view(session, row)


def capacity(settings: Settings, points: float | None = None) -> wsjf.Capacity:
    try:
        return wsjf.Capacity(
            points if points is not None else settings.planning.points_per_period,
            settings.planning.weeks_per_period,
        )
    except wsjf.CapacityError:
        raise invalid(
            "La capacité est un nombre de points positif.", "Capacity is a positive number."
        ) from None


def _candidate(row: RequestRow) -> wsjf.Candidate | None:
    s = _score(row)
    if s is None:
        return None
    return wsjf.Candidate(
        str(row.id), row.title, s, row.received_on, row.desired_on, row.status == "accepted"
    )


def queue(
    session: Session, settings: Settings, points: float | None = None, reader: Role = OWNER
) -> wsjf.Plan:
    """Open, scored requests laid out on the capacity: started work first, then by WSJF.
    A reader other than the owner sees only the requests it may read, at their true place."""
    rows = repo.open_requests(session)
    found = [_candidate(r) for r in rows]
    laid_out = wsjf.plan([c for c in found if c is not None], capacity(settings, points))
    shown = _shown(reader)
    if shown is None:
        return laid_out
    keep = {str(r.id) for r in rows if r.visibility in shown}
    return replace(
        laid_out, placements=tuple(p for p in laid_out.placements if p.candidate.key in keep)
    )


def unscored(session: Session, reader: Role = OWNER) -> list[RequestView]:
    rows = repo.open_requests(session, _shown(reader))
    return [view(session, r) for r in rows if _score(r) is None]


def _tradeoff(
    session: Session,
    settings: Settings,
    row: RequestRow,
    new: RequestStatus,
    today: date,
    note: str,
) -> words.Tradeoff:
    me = _candidate(row)
    if me is None:
        raise invalid(
            f"Notez d’abord la demande n° {row.id} (`passerelle request score`).",
            f"Score request #{row.id} first (`passerelle request score`).",
        )
    me = wsjf.Candidate(me.key, me.title, me.score, me.received_on, me.desired, False)
    others = [
        c
        for c in (_candidate(r) for r in repo.open_requests(session) if r.id != row.id)
        if c is not None
    ]
    cap = capacity(settings)
    if new is RequestStatus.ACCEPTED:
        before = wsjf.plan([*others, me], cap)
        after = wsjf.start_now(before, me.key)
    elif new is RequestStatus.PLANNED:
        before = wsjf.plan(others, cap)
        after = wsjf.add(before, me)
    else:
        before = wsjf.plan([*others, me], cap)
        after = wsjf.drop(before, me.key)
    return words.tradeoff_for(
        me.key, new, before, after, start=today, reason=note, period=settings.planning.period
    )


def change(
    session: Session,
    settings: Settings,
    request_id: int,
    new: RequestStatus,
    today: date,
    note: str = "",
) -> RequestView:
    """Move a request to ``new``, with the explanation kept in its history."""
    row = _load(session, request_id)
    old = RequestStatus(row.status)
    if new not in words.TRANSITIONS[old]:
        raise invalid(
            f"La demande n° {row.id} est {STATUS_LABELS[old].fr} : elle ne peut pas passer à "
            f"« {STATUS_LABELS[new].fr} ».",
            f"Request #{row.id} is {STATUS_LABELS[old].en}: it cannot become "
            f"{STATUS_LABELS[new].en}.",
        )
    t = _tradeoff(session, settings, row, new, today, note) if new in words.DECIDED else None
    try:
        step = words.change_status(row.title, old, new, today, row.lang, tradeoff=t, note=note)
    except words.MissingExplanationError:
        raise invalid(
            "Ce changement demande une note pour le demandeur (--note).",
            "This change needs a note for the requester (--note).",
        ) from None
    row.changes.append(
        RequestChangeRow(
            changed_on=today,
            old_status=old.value,
            new_status=new.value,
            explanation=step.explanation,
            note=note.strip(),
            lang=row.lang,
            explained=t is not None,
            visibility=row.visibility,
        )
    )
    row.status = new.value
    if new in words.DECIDED and row.answered_on is None:
        row.answered_on = today
    session.flush()
    return view(session, row)


def listing(
    session: Session,
    *,
    status: str | None = None,
    visibilities: Sequence[str] | None = None,
    touching: tuple[date, date] | None = None,
    reader: Role = OWNER,
) -> list[RequestView]:
    """Requests ``reader`` may read (and at ``visibilities`` only, when given)."""
    shown = _shown(reader)
    if shown is not None:
        visibilities = [v for v in (shown if visibilities is None else visibilities) if v in shown]
    statuses = None
    if status:
        try:
            statuses = [RequestStatus(status.strip().lower()).value]
        except ValueError:
            choices = ", ".join(s.value for s in RequestStatus)
            raise invalid(
                f"État inconnu : {status!r} ({choices}).",
                f"Unknown status: {status!r} ({choices}).",
            ) from None
    rows = repo.listing(session, statuses=statuses, visibilities=visibilities, touching=touching)
    people = repo.requester_names(session)
    return [view(session, r, people) for r in rows]


def show(session: Session, request_id: int, reader: Role = OWNER) -> RequestView:
    return view(session, _load(session, request_id, reader))
