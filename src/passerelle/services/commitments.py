"""Commitments: promise, deliver, renegotiate in time, break, list.

The wording of a new commitment is read by the plain-language checker's over-promise rules
(``overpromises``) so that the command line can warn before saving. The rules of a commitment's
life (no due date in the past, renegotiation only before the due date, with a reason) are the
pure core's, ``domain.commitments``; this module loads rows, applies them and saves the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from passerelle.analysis.findings import Category, Finding
from passerelle.analysis.lang import detect
from passerelle.domain import commitments as core
from passerelle.domain.circles import Bilingual, Visibility
from passerelle.services.access import OWNER, Kind, Role, allowed
from passerelle.services.errors import InvalidStateError, NotFoundError, invalid
from passerelle.services.people import visibility_of
from passerelle.services.stakeholders import Stakeholder, find, lang_of, names, of_row
from passerelle.store.models import CommitmentRow, RenegotiationRow
from passerelle.store.repos import commitments as repo

STATUS_LABELS: dict[core.Status, Bilingual] = {
    core.Status.OPEN: Bilingual("en cours", "open"),
    core.Status.RENEGOTIATED: Bilingual("renégocié", "renegotiated"),
    core.Status.KEPT: Bilingual("tenu", "kept"),
    core.Status.KEPT_EARLY: Bilingual("tenu en avance", "kept early"),
    core.Status.LATE: Bilingual("tenu en retard", "delivered late"),
    core.Status.BROKEN: Bilingual("non tenu", "broken"),
}


@dataclass(frozen=True, slots=True)
class CommitmentView:
    id: int
    what: str
    to: str
    to_key: str
    made_on: date
    due: date
    original_due: date
    confidence: float
    status: core.Status
    closed_on: date | None
    reason: str
    overdue_days: int
    renegotiations: tuple[core.Renegotiation, ...]
    visibility: str
    lang: str


def to_domain(row: CommitmentRow) -> core.Commitment:
    steps = tuple(
        core.Renegotiation(r.agreed_on, r.old_due, r.new_due, r.reason) for r in row.renegotiations
    )
    return core.Commitment(
        what=row.what,
        to=of_row(row.person_id, row.group_id),
        made_on=row.made_on,
        due=row.due,
        confidence=row.confidence,
        ref=f"commitment:{row.id}",
        outcome=core.Status(row.outcome) if row.outcome else None,
        closed_on=row.closed_on,
        reason=row.reason,
        renegotiations=steps,
    )


def view(row: CommitmentRow, who: str, today: date) -> CommitmentView:
    return _view(row.id, to_domain(row), who, today, row.visibility, row.lang)


def _view(
    id_: int, c: core.Commitment, who: str, today: date, visibility: str, lang: str
) -> CommitmentView:
    return CommitmentView(
        id=id_,
        what=c.what,
        to=who,
        to_key=c.to,
        made_on=c.made_on,
        due=c.due,
        original_due=c.original_due,
        confidence=c.confidence,
        status=c.status,
        closed_on=c.closed_on,
        reason=c.reason,
        overdue_days=c.overdue_days(today),
        renegotiations=c.renegotiations,
        visibility=visibility,
        lang=lang,
    )


def view_of(row: repo.CommitmentFacts, who: str, today: date) -> CommitmentView:
    """``view`` on a commitment read as plain values (``repo.facts``), without building the
    core's object: its status, first due date and days overdue follow ``core.Commitment``'s
    rules (``tests/services/trust`` checks both give the same views)."""
    steps = tuple(core.Renegotiation(*step) for step in row.renegotiations)
    if row.outcome:
        status, overdue = core.Status(row.outcome), 0
    else:
        status = core.Status.RENEGOTIATED if steps else core.Status.OPEN
        overdue = max(0, (today - row.due).days)
    return CommitmentView(
        id=row.id,
        what=row.what,
        to=who,
        to_key=of_row(row.person_id, row.group_id),
        made_on=row.made_on,
        due=row.due,
        original_due=steps[0].old_due if steps else row.due,
        confidence=row.confidence,
        status=status,
        closed_on=row.closed_on,
        reason=row.reason,
        overdue_days=overdue,
        renegotiations=steps,
        visibility=row.visibility,
        lang=row.lang,
    )


def overpromises(what: str, lang: str | None = None) -> tuple[Finding, ...]:
    """The over-promise findings of the checker on a commitment's wording."""
    from passerelle.analysis import check_text

    result = check_text(what, lang=lang)
    return tuple(f for f in result.findings if f.category is Category.OVERPROMISE)


def _error(exc: core.CommitmentError) -> Exception:
    if isinstance(exc, core.DueDateInPastError):
        return invalid(
            f"La date d’échéance {exc.due.isoformat()} est déjà passée (nous sommes le "
            f"{exc.today.isoformat()}).",
            f"The due date {exc.due.isoformat()} is already past (today is {exc.today}).",
        )
    if isinstance(exc, core.CommitmentClosedError):
        label = STATUS_LABELS[exc.status]
        return InvalidStateError(
            Bilingual(
                f"Cet engagement est déjà clos ({label.fr}).",
                f"This commitment is already closed ({label.en}).",
            )
        )
    if isinstance(exc, core.RenegotiationTooLateError):
        return invalid(
            "Une renégociation se fait avant l’échéance ; à présent, marquez l’engagement "
            "comme tenu en retard (`commit done`) ou non tenu (`commit break`).",
            str(exc),
        )
    if isinstance(exc, core.MissingReasonError):
        return invalid(
            "Dites pourquoi la date change (--reason).", "Say why the date moves (--reason)."
        )
    if isinstance(exc, core.ConfidenceError):
        return invalid("La confiance est entre 0 et 1.", "Confidence is between 0 and 1.")
    if isinstance(exc, core.EmptyCommitmentError):
        return invalid("Dites ce qui est promis.", "Say what is promised.")
    return invalid(str(exc), str(exc))


def add(
    session: Session,
    to: str,
    what: str,
    *,
    due: date,
    today: date,
    confidence: float = 0.8,
    lang: str | None = None,
    visibility: str = Visibility.BUSINESS.value,
) -> CommitmentView:
    who: Stakeholder = find(session, to)
    try:
        c = core.new_commitment(what, who.key, due=due, today=today, confidence=confidence)
    except core.CommitmentError as exc:
        raise _error(exc) from None
    row = repo.add(
        session,
        CommitmentRow(
            what=c.what,
            person_id=who.person_id,
            group_id=who.group_id,
            made_on=c.made_on,
            due=c.due,
            confidence=c.confidence,
            reason="",
            lang=lang_of(lang) if lang else (who.lang or detect(c.what)),
            visibility=visibility_of(visibility),
        ),
    )
    return view(row, who.name, today)


def _load(session: Session, commitment_id: int) -> CommitmentRow:
    row = repo.get(session, commitment_id)
    if row is None:
        raise NotFoundError(
            Bilingual(f"Aucun engagement n° {commitment_id}.", f"No commitment #{commitment_id}.")
        )
    return row


def _save(session: Session, row: CommitmentRow, c: core.Commitment, today: date) -> CommitmentView:
    row.due = c.due
    row.outcome = c.outcome.value if c.outcome else None
    row.closed_on = c.closed_on
    row.reason = c.reason
    for step in c.renegotiations[len(row.renegotiations) :]:
        row.renegotiations.append(
            RenegotiationRow(
                agreed_on=step.on, old_due=step.old_due, new_due=step.new_due, reason=step.reason
            )
        )
    session.flush()
    who = names(session).get(c.to, c.to)
    return view(row, who, today)


def done(session: Session, commitment_id: int, on: date) -> CommitmentView:
    row = _load(session, commitment_id)
    try:
        c = core.mark_done(to_domain(row), on)
    except core.CommitmentError as exc:
        raise _error(exc) from None
    return _save(session, row, c, on)


def renegotiate(
    session: Session, commitment_id: int, on: date, new_due: date, reason: str
) -> CommitmentView:
    row = _load(session, commitment_id)
    try:
        c = core.renegotiate(to_domain(row), on, new_due, reason)
    except core.CommitmentError as exc:
        raise _error(exc) from None
    return _save(session, row, c, on)


def break_(session: Session, commitment_id: int, on: date, reason: str = "") -> CommitmentView:
    row = _load(session, commitment_id)
    try:
        c = core.mark_broken(to_domain(row), on, reason)
    except core.CommitmentError as exc:
        raise _error(exc) from None
    return _save(session, row, c, on)


def listing(
    session: Session,
    today: date,
    *,
    to: str | None = None,
    status: str | None = None,
    visibilities: Sequence[str] | None = None,
    touching: tuple[date, date] | None = None,
    due_within: tuple[date, date] | None = None,
    reader: Role = OWNER,
) -> list[CommitmentView]:
    """Commitments ``reader`` may read (at ``visibilities`` only, when given), soonest due
    first; ``due_within`` keeps open ones due after its first day and up to its last."""
    if reader is not OWNER:
        shown = allowed(reader, Kind.COMMITMENT)
        visibilities = [v for v in (shown if visibilities is None else visibilities) if v in shown]
    who = find(session, to) if to else None
    wanted: core.Status | None = None
    if status:
        try:
            wanted = core.Status(status.strip().lower().replace(" ", "_"))
        except ValueError:
            choices = ", ".join(s.value for s in core.Status)
            raise invalid(
                f"État inconnu : {status!r} ({choices}).",
                f"Unknown status: {status!r} ({choices}).",
            ) from None
    rows = repo.facts(
        session,
        person_id=who.person_id if who else None,
        group_id=who.group_id if who else None,
        open_only=wanted in (core.Status.OPEN, core.Status.RENEGOTIATED) or bool(due_within),
        due_after=due_within[0] if due_within else None,
        due_until=due_within[1] if due_within else None,
        visibilities=visibilities,
        touching=touching,
    )
    everyone = names(session) if rows else {}
    found = [view_of(r, everyone.get(of_row(r.person_id, r.group_id), "?"), today) for r in rows]
    return [v for v in found if wanted is None or v.status is wanted]
