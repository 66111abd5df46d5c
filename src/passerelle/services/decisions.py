"""The decision log's use cases: new, list, show, edit, status moves, supersede, share, review.

Reading goes through the workspace's one read policy (``domain.visibility``, through
``readable``) and ``present``: the reader's role decides which decisions come back and in
which form. A business reader (role ``stakeholder``) only ever gets
``business``-visible decisions, and only their business rendering (``BusinessView``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from sqlalchemy.orm import Session

from passerelle.domain.circles import Bilingual, Visibility
from passerelle.domain.decisions import (
    BusinessRendering,
    Decision,
    DecisionError,
    Status,
    StatusChange,
    decision_id,
    transition,
)
from passerelle.domain.decisions import (
    supersede as supersede_values,
)
from passerelle.domain.delegation import DelegationLevel
from passerelle.services import delegation
from passerelle.services.access import Kind, allowed

# Read here by the command line, the digest and the decision records (the policy's own names).
from passerelle.services.access import Role as Role
from passerelle.services.access import role_of as role_of
from passerelle.services.decision_rows import business_findings, fill, new_row, to_decision
from passerelle.services.errors import AmbiguousError, InvalidInputError, InvalidStateError
from passerelle.store.models import DecisionRow
from passerelle.store.repos import decisions as repo

B = Bilingual
REVIEW_EVERY = timedelta(days=91)


class UnknownDecisionError(InvalidInputError):
    """No decision by that id that this reader may see (exit code 2)."""


class AmbiguousDecisionError(AmbiguousError):
    """A part of an id that several decisions share (exit code 2)."""

    exit_code = 2


class ShareRefusedError(InvalidStateError):
    """Sharing with the business refused: the business rendering is empty or fails the checker."""

    def __init__(self, message: Bilingual, findings: tuple[Any, ...] = ()) -> None:
        super().__init__(message)
        self.findings = findings


def readable(role: Role) -> tuple[str, ...]:
    """The visibilities of decisions a reader in ``role`` may read, from the read policy."""
    return allowed(role, Kind.DECISION)


@dataclass(frozen=True, slots=True)
class BusinessView:
    """All a business reader sees of a decision."""

    id: str
    title: str
    status: Status
    date: dt.date | None
    business: BusinessRendering


@dataclass(frozen=True, slots=True)
class Listed:
    id: str
    title: str
    status: Status
    date: dt.date | None
    visibility: str
    area: str = ""
    level: DelegationLevel | None = None
    review_on: dt.date | None = None
    tags: tuple[str, ...] = ()


def present(decision: Decision, role: Role) -> Decision | BusinessView:
    """The decision as a reader in ``role`` may see it (assumes it passed ``readable``)."""
    if role is Role.STAKEHOLDER:
        return BusinessView(
            decision.id, decision.title, decision.status, decision.date, decision.business
        )
    return decision


def _unknown(ref: str) -> UnknownDecisionError:
    return UnknownDecisionError(
        B(
            f"Décision inconnue : « {ref} » (voir `passerelle decide list`).",
            f"Unknown decision: '{ref}' (see `passerelle decide list`).",
        )
    )


def find_row(session: Session, ref: str, role: Role = Role.OWNER) -> DecisionRow:
    """A decision by its id, or by a part of one id only, among those ``role`` may read.
    Decisions the reader may not read are never named, not even in an error."""
    key = ref.strip()
    allowed = readable(role)
    row = repo.by_slug(session, key) if key else None
    if row is None and key:
        found = sorted(repo.slugs_starting(session, key)) or repo.slugs_containing(session, key)
        rows = repo.by_slugs(session, found)
        starts = [slug for slug in found if rows[slug].visibility in allowed]
        if len(starts) > 1:
            raise AmbiguousDecisionError(
                B(
                    f"« {ref} » désigne plusieurs décisions : {', '.join(starts[:5])}.",
                    f"'{ref}' matches several decisions: {', '.join(starts[:5])}.",
                )
            )
        row = rows[starts[0]] if starts else None
    if row is None or row.visibility not in allowed:
        raise _unknown(ref)
    return row


def get(session: Session, ref: str, role: Role) -> Decision | BusinessView:
    return present(to_decision(find_row(session, ref, role)), role)


def listing(
    session: Session,
    role: Role,
    *,
    status: str | None = None,
    area: str | None = None,
    tag: str | None = None,
    limit: int | None = None,
) -> list[Listed]:
    rows = repo.listing(
        session,
        readable(role),
        status=status_of(status).value if status else None,
        area=None if role is Role.STAKEHOLDER else area,
        tag=None if role is Role.STAKEHOLDER else tag,
        limit=limit,
    )
    if role is Role.STAKEHOLDER:
        return [Listed(r.slug, r.title, Status(r.status), r.decided_on, r.visibility) for r in rows]
    return [
        Listed(
            r.slug, r.title, Status(r.status), r.decided_on, r.visibility, r.area,
            DelegationLevel(r.delegation_level) if r.delegation_level else None, r.review_on,
            tuple(r.tags or ()),
        )
        for r in rows
    ]  # fmt: skip


def status_of(text: str) -> Status:
    from passerelle.domain.decisions import parse_status

    try:
        return parse_status(text)
    except DecisionError as error:
        raise InvalidInputError(error.message) from None


def _domain(call: Any, *args: Any, **kwargs: Any) -> Any:
    """Run a pure-core function, turning its refusals into bad-input errors (exit code 2)."""
    try:
        return call(*args, **kwargs)
    except DecisionError as error:
        raise InvalidInputError(error.message) from None


@dataclass(frozen=True, slots=True)
class Created:
    decision: Decision
    guidance: tuple[Bilingual, ...]
    findings: tuple[Any, ...]


def new(session: Session, draft: Decision, *, today: dt.date, by: str = "") -> Created:
    """Store a new decision under a fresh date-slug id, told who decides in its area.

    ``draft`` may come from a terminal or a Markdown file; its id is replaced. A new decision
    cannot already be superseded; the ones it ``supersedes`` must exist, and are superseded
    now, in the same transaction.
    """
    if draft.superseded_by is not None:
        raise InvalidInputError(
            B(
                "Une nouvelle décision ne peut pas être déjà remplacée : créez-la, puis "
                "utilisez `decide supersede`.",
                "A new decision cannot already be superseded: create it, then use "
                "`decide supersede`.",
            )
        )
    on = draft.date or today
    base = decision_id(draft.title, on)
    slug = decision_id(draft.title, on, repo.slugs_starting(session, base))
    board = delegation.board(session)
    level = draft.delegation_level
    cells = board.cells_in(draft.area) if draft.area else ()
    if level is None and len(cells) == 1:
        level = cells[0].current
    history = draft.history or (StatusChange(draft.status, on, by, "created"),)
    decision = _domain(
        replace,
        draft,
        id=slug,
        date=on,
        delegation_level=level,
        history=history,
        supersedes=(),
        review_on=draft.review_on,
    )
    row = repo.add(session, new_row(decision))
    for older in draft.supersedes:
        supersede(session, older, slug, today=today, by=by)
    stored = to_decision(row)
    return Created(
        stored,
        delegation.guidance(board, stored.area, draft.delegation_level),
        business_findings(stored.business),
    )


EDITABLE = frozenset(
    {"title", "context", "drivers", "options", "chosen_option", "rationale", "consequences",
     "deciders", "consulted", "informed", "area", "delegation_level", "review_on", "tags",
     "business", "more_information", "date"}
)  # fmt: skip


def edit(session: Session, ref: str, changes: Mapping[str, Any]) -> Decision:
    """Change the given fields (``None`` leaves one as it is). Status and visibility have their
    own commands, so that their rules always apply."""
    row = find_row(session, ref)
    unknown = sorted(set(changes) - EDITABLE)
    if unknown:
        raise InvalidInputError(
            B(f"Champ non modifiable : {unknown}.", f"Field that cannot be edited: {unknown}.")
        )
    given = {k: v for k, v in changes.items() if v is not None}
    if "delegation_level" in given:
        given["delegation_level"] = delegation.level_of(given["delegation_level"])
    decision = _domain(replace, to_decision(row), **given)
    fill(row, decision)
    session.flush()
    return to_decision(row)


def move(
    session: Session, ref: str, to: Status, *, today: dt.date, by: str = "", reason: str = ""
) -> Decision:
    """Accept, reject, deprecate or re-propose a decision, keeping the change in its history."""
    row = find_row(session, ref)
    fill(row, _domain(transition, to_decision(row), to, today, by, reason))
    session.flush()
    return to_decision(row)


def _linked(session: Session) -> list[Decision]:
    """The part of the log that takes part in supersede links, enough to look for cycles."""
    return [
        Decision(
            id=r.slug,
            title=r.slug,
            status=Status(r.status),
            superseded_by=r.superseded_by,
            supersedes=tuple(r.supersedes or ()),
        )
        for r in repo.linked(session)
    ]


def supersede(
    session: Session, old_ref: str, new_ref: str, *, today: dt.date, by: str = "", reason: str = ""
) -> tuple[Decision, Decision]:
    """Mark ``old`` as superseded by ``new``; refused if it would close a cycle."""
    old_row, new_row_ = find_row(session, old_ref), find_row(session, new_ref)
    others = [d for d in _linked(session) if d.id not in (old_row.slug, new_row_.slug)]
    old, new_ = _domain(
        supersede_values, to_decision(old_row), to_decision(new_row_), today, others, by, reason
    )
    fill(old_row, old)
    fill(new_row_, new_)
    session.flush()
    return to_decision(old_row), to_decision(new_row_)


def share(
    session: Session,
    ref: str,
    visibility: str,
    *,
    today: dt.date,
    force: bool = False,
    reason: str = "",
) -> Decision:
    """Change who may read a decision. Sharing with the business is refused while the business
    rendering is empty or has error-level findings, unless forced with a written reason (kept).
    """
    from passerelle.services.people import visibility_of

    target = Visibility(visibility_of(visibility))
    row = find_row(session, ref)
    decision = to_decision(row)
    override = decision.share_override
    if target is Visibility.BUSINESS:
        if decision.business.is_empty:
            raise ShareRefusedError(
                B(
                    f"{decision.id} n’a pas de version métier : écrivez-la d’abord "
                    "(`decide edit --value --cost --risk --timing`).",
                    f"{decision.id} has no business version: write it first "
                    "(`decide edit --value --cost --risk --timing`).",
                )
            )
        findings = business_findings(decision.business)
        errors = tuple(f for f in findings if f.level == "error")
        if errors and not force:
            raise ShareRefusedError(
                B(
                    f"Partage refusé : la version métier a {len(errors)} erreur(s) de langage "
                    'clair. Corrigez-les, ou forcez avec --force --reason "…".',
                    f"Sharing refused: the business version has {len(errors)} plain-language "
                    'error(s). Fix them, or force with --force --reason "...".',
                ),
                errors,
            )
        if errors:
            if not reason.strip():
                raise InvalidInputError(
                    B(
                        'Forcer le partage demande une raison écrite : --reason "…".',
                        'Forcing the share needs a written reason: --reason "...".',
                    )
                )
            override = f"{today.isoformat()}: {reason.strip()}"
        row.shared_on = today
    fill(row, replace(decision, visibility=target, share_override=override))
    session.flush()
    return to_decision(row)
