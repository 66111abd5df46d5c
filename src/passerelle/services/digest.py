"""The digest: what a business (or team) reader should know about a period, written in their
language as Markdown, e-mail-ready HTML and plain text.

It holds the decisions shared in the period (their business rendering), the commitments and
their state, the business requests and their state, and what comes next. Only records whose
visibility the audience may read are included (``readable``, from the read policy of
``domain.visibility``, kind by kind); trust scores, surprises and private notes never are.
A reader other than the owner may read only a digest meant for an audience it belongs to, and
only once sent (``read``). It is run through the plain-language checker and can be marked sent
only without error; marking it sent logs the communication for every recipient.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from passerelle.analysis.findings import CheckResult, Level
from passerelle.domain.circles import Bilingual, Visibility
from passerelle.domain.comms import Format
from passerelle.domain.pillars import Period
from passerelle.services import commitments, comms, requests
from passerelle.services.access import OWNER, AccessRefusedError, Kind, Role, allowed
from passerelle.services.digest_render import Content, DecisionItem, render
from passerelle.services.errors import InvalidStateError, NotFoundError, invalid
from passerelle.services.pillars import period_of
from passerelle.services.stakeholders import find, lang_of
from passerelle.settings import Settings
from passerelle.store.models import DecisionRow, DigestRow
from passerelle.store.repos import comms as repo

# A digest's audience reads as the role of the same readers in the workspace's one read policy.
AUDIENCES: dict[str, Role] = {"business": Role.STAKEHOLDER, "team": Role.MEMBER}
NEXT_DAYS = 45


def role_of_audience(audience: str) -> Role:
    try:
        return AUDIENCES[audience.strip().lower()]
    except KeyError:
        raise invalid(
            f"Public inconnu : {audience!r} (business ou team).",
            f"Unknown audience: {audience!r} (business or team).",
        ) from None


def readable(audience: str, kind: Kind = Kind.DECISION) -> frozenset[str]:
    """The visibilities of ``kind`` an audience may read, from the read policy by role."""
    return frozenset(allowed(role_of_audience(audience), kind))


def audience_visibility(audience: str) -> str:
    """The visibility a digest for ``audience`` is stored at."""
    role_of_audience(audience)
    business = audience.strip().lower() == "business"
    return Visibility.BUSINESS.value if business else Visibility.TEAM.value


def check_reader(audience: str, reader: Role) -> None:
    """Refuse a reader a digest meant for an audience it does not belong to."""
    if audience_visibility(audience) not in allowed(reader, Kind.DIGEST):
        raise AccessRefusedError(
            Bilingual(
                f"Lecture refusée : la synthèse « {audience} » n’est pas destinée au rôle "
                f"{reader.value}.",
                f"Read refused: the '{audience}' digest is not meant for role {reader.value}.",
            ),
            reader,
            Kind.DIGEST,
        )


def _decisions(session: Session, period: Period, allowed: frozenset[str]) -> list[DecisionItem]:
    d = DecisionRow
    query = (
        select(d)
        .where(d.visibility.in_(sorted(allowed)), d.shared_on.between(period.start, period.end))
        .order_by(d.shared_on, d.id)
    )
    return [
        DecisionItem(r.title, r.business_value, r.business_cost, r.business_risk, r.business_timing)
        for r in session.scalars(query)
    ]


def content(
    session: Session,
    period: Period,
    audience: str,
    lang: str,
    today: date,
    reader: Role = OWNER,
) -> Content:
    """What the period's digest for ``audience`` tells, each kind of record read at the
    visibilities the audience may read (``reader`` must belong to the audience)."""
    check_reader(audience, reader)
    shown = sorted(readable(audience, Kind.COMMITMENT))
    span = (period.start, period.end)
    promised = commitments.listing(session, today, visibilities=shown, touching=span)
    asked = requests.listing(
        session, visibilities=sorted(readable(audience, Kind.REQUEST)), touching=span
    )
    horizon = period.end + timedelta(days=NEXT_DAYS)
    return Content(
        period=period,
        audience=audience,
        lang=lang,
        decisions=tuple(_decisions(session, period, readable(audience, Kind.DECISION))),
        commitments=tuple(c for c in promised if c.made_on <= period.end),
        requests=tuple(r for r in asked if r.received_on <= period.end),
        next_commitments=tuple(
            commitments.listing(
                session, today, visibilities=shown, due_within=(period.end, horizon)
            )
        ),
        next_requests=tuple(r for r in asked if r.status.value in ("planned", "accepted")),
    )


@dataclass(frozen=True, slots=True)
class Digest:
    id: int
    period: str
    audience: str
    lang: str
    markdown: str
    html: str
    plain: str
    check: CheckResult
    status: str
    sent_on: date | None
    recipients: tuple[str, ...]

    @property
    def errors(self) -> int:
        return self.check.count(Level.ERROR)


def _check(markdown: str, audience: str, lang: str) -> CheckResult:
    from passerelle.analysis import check_text

    return check_text(markdown, "business" if audience == "business" else "tech", lang)


def _lang(session: Session, settings: Settings, lang: str | None) -> str:
    if lang:
        return lang_of(lang)
    langs = [p.stakeholder.lang for p in comms.plan_views(session) if p.format is Format.DIGEST]
    groups = [g for g in langs if g]
    if groups:
        return max(sorted(set(groups)), key=groups.count)
    return settings.ui_lang


def write(
    session: Session,
    settings: Settings,
    period_text: str,
    *,
    audience: str = "business",
    lang: str | None = None,
    today: date,
) -> Digest:
    """Write (or rewrite) the period's digest draft; a digest already sent is returned as is."""
    period = period_of(period_text)
    chosen = _lang(session, settings, lang)
    audience = audience.strip().lower()
    readable(audience)
    existing = repo.digest(session, period_text.strip(), audience, chosen)
    if existing is not None and existing.status == "sent":
        return _view(existing, _check(existing.markdown, audience, chosen))
    found = content(session, period, audience, chosen, today)
    if found.is_empty:
        raise invalid(
            f"Rien à raconter pour {period_text} : aucune décision partagée, aucun engagement, "
            "aucune demande visible de ce public sur la période.",
            f"Nothing to tell for {period_text}: no decision shared, no commitment and no "
            "request visible to this audience in the period.",
        )
    markdown, html, plain = render(found)
    check = _check(markdown, audience, chosen)
    row = existing or DigestRow(period=period_text.strip(), audience=audience, lang=chosen)
    row.markdown, row.html, row.plain, row.written_on = markdown, html, plain, today
    row.check_errors = check.count(Level.ERROR)
    row.check_warnings = check.count(Level.WARNING)
    row.status, row.recipients = "draft", []
    row.visibility = audience_visibility(audience)
    if existing is None:
        repo.add(session, row)
    session.flush()
    return _view(row, check)


def read(
    session: Session, period_text: str, *, audience: str, lang: str, reader: Role = OWNER
) -> Digest:
    """A digest as stored, for ``reader``: the owner reads drafts too; anyone else reads only
    a sent digest meant for an audience it belongs to."""
    audience = audience.strip().lower()
    check_reader(audience, reader)
    shown = None if reader is OWNER else allowed(reader, Kind.DIGEST)
    row = repo.digest(session, period_text.strip(), audience, lang_of(lang), shown)
    if row is None or (reader is not OWNER and row.status != "sent"):
        raise NotFoundError(
            Bilingual(
                f"Aucune synthèse {period_text} envoyée pour ce public.",
                f"No {period_text} digest sent to this audience.",
            )
        )
    return _view(row, _check(row.markdown, audience, row.lang))


def _view(row: DigestRow, check: CheckResult) -> Digest:
    return Digest(
        id=row.id,
        period=row.period,
        audience=row.audience,
        lang=row.lang,
        markdown=row.markdown,
        html=row.html,
        plain=row.plain,
        check=check,
        status=row.status,
        sent_on=row.sent_on,
        recipients=tuple(row.recipients or ()),
    )


def send(
    session: Session,
    settings: Settings,
    period_text: str,
    *,
    audience: str = "business",
    lang: str | None = None,
    to: list[str] | None = None,
    today: date,
) -> Digest:
    """Mark the digest sent, after the checker found no error in it, and log a communication
    for every recipient (``to``, else everyone the plan reaches by digest)."""
    digest = write(session, settings, period_text, audience=audience, lang=lang, today=today)
    if digest.status == "sent":
        raise InvalidStateError(
            Bilingual(
                f"La synthèse {digest.period} a déjà été envoyée le {digest.sent_on}.",
                f"The {digest.period} digest was already sent on {digest.sent_on}.",
            )
        )
    if digest.errors:
        raise InvalidStateError(
            Bilingual(
                f"Envoi refusé : la synthèse a {digest.errors} erreur(s) de langage clair. "
                "Corrigez les textes en cause puis recommencez.",
                f"Not sent: the digest has {digest.errors} plain-language error(s). Fix the "
                "texts they come from and try again.",
            )
        )
    if to:
        recipients = [find(session, name) for name in to]
    else:
        recipients = [p.stakeholder for p in comms.plan_views(session) if p.format is Format.DIGEST]
    if not recipients:
        raise invalid(
            "Personne à qui l’envoyer : ajoutez --to NOM, ou un public au format digest dans "
            "le plan (`passerelle comms plan NOM --format digest`).",
            "No one to send it to: add --to NAME, or an audience with the digest format to the "
            "plan (`passerelle comms plan NAME --format digest`).",
        )
    row = repo.digest(session, digest.period, digest.audience, digest.lang)
    assert row is not None
    summary = Bilingual(f"Synthèse {digest.period}", f"Digest {digest.period}").get(digest.lang)
    for who in recipients:
        comms.log(
            session,
            who.key if who.kind == "group" else f"#{who.id}",
            on=today,
            fmt=Format.DIGEST.value,
            summary=summary,
            digest_id=row.id,
            visibility=row.visibility,
        )
    row.status, row.sent_on = "sent", today
    row.recipients = [w.name for w in recipients]
    session.flush()
    return _view(row, digest.check)
