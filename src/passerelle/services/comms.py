"""The communication plan: a cadence and a format per stakeholder, the communications logged,
and what is due or overdue, computed by ``domain.comms`` from the last communication.

The reads (``entries``, ``logs``, ``due``, ``plan_views``, ``recent``) take a ``reader`` (the
owner by default) and read only the plan entries and communications it may see."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from passerelle.domain import comms as core
from passerelle.domain.circles import Bilingual, Visibility
from passerelle.services.access import OWNER, Kind, Role, allowed
from passerelle.services.errors import invalid
from passerelle.services.people import visibility_of
from passerelle.services.stakeholders import Stakeholder, find, groups, names, of_row
from passerelle.store.models import CommsPlanRow, CommunicationRow
from passerelle.store.repos import comms as repo

FORMAT_LABELS: dict[core.Format, Bilingual] = {
    core.Format.ONE_TO_ONE: Bilingual("tête-à-tête", "one-to-one"),
    core.Format.DIGEST: Bilingual("synthèse écrite", "digest"),
    core.Format.MEETING: Bilingual("réunion", "meeting"),
    core.Format.EMAIL: Bilingual("courriel", "e-mail"),
    core.Format.DEMO: Bilingual("démonstration", "demo"),
}


def format_of(text: str) -> core.Format:
    value = text.strip().lower().replace("-", "_").replace(" ", "_")
    aliases = {"1:1": "one_to_one", "one_on_one": "one_to_one", "mail": "email"}
    try:
        return core.Format(aliases.get(value, value))
    except ValueError:
        choices = ", ".join(f.value for f in core.Format)
        raise invalid(
            f"Format inconnu : {text!r} ({choices}).", f"Unknown format: {text!r} ({choices})."
        ) from None


def cadence_of(text: str | int) -> int:
    try:
        return core.parse_cadence(text)
    except core.CadenceError:
        raise invalid(
            f"Cadence inconnue : {text!r} (un nombre de jours, hebdomadaire, bimensuel, "
            "mensuel, trimestriel).",
            f"Unknown cadence: {text!r} (a number of days, weekly, fortnightly, monthly, "
            "quarterly).",
        ) from None


@dataclass(frozen=True, slots=True)
class PlanView:
    stakeholder: Stakeholder
    cadence_days: int
    format: core.Format
    since: date
    grace_days: int


def set_plan(
    session: Session,
    to: str,
    *,
    cadence: str | int,
    fmt: str,
    today: date,
    grace_days: int = 0,
) -> PlanView:
    """Add the stakeholder to the plan, or change their cadence and format."""
    who = find(session, to)
    days = cadence_of(cadence)
    kind = format_of(fmt)
    try:
        core.PlanEntry(who.name, days, kind, today, grace_days)
    except core.CommsError:
        raise invalid(
            "Le délai de grâce est compris entre 0 et la cadence (exclue).",
            "The grace period is between 0 and the cadence, exclusive.",
        ) from None
    row = repo.plan_entry(session, person_id=who.person_id, group_id=who.group_id)
    if row is None:
        row = CommsPlanRow(person_id=who.person_id, group_id=who.group_id, since=today)
        session.add(row)
    row.cadence_days, row.format, row.grace_days = days, kind.value, grace_days
    session.flush()
    return PlanView(who, days, kind, row.since, grace_days)


def _shown(reader: Role) -> tuple[str, ...] | None:
    return None if reader is OWNER else allowed(reader, Kind.COMMUNICATION)


def entries(session: Session, reader: Role = OWNER) -> list[core.PlanEntry]:
    """The plan as the pure core reads it, audiences keyed ``p:<id>``/``g:<id>``."""
    return [
        core.PlanEntry(
            of_row(r.person_id, r.group_id),
            r.cadence_days,
            core.Format(r.format),
            r.since,
            r.grace_days,
        )
        for r in repo.plan(session, _shown(reader))
    ]


def logs(session: Session, until: date | None = None, reader: Role = OWNER) -> list[core.Logged]:
    return [g for mine in logs_by_audience(session, until, reader).values() for g in mine]


def logs_by_audience(
    session: Session, until: date | None = None, reader: Role = OWNER
) -> dict[str, list[core.Logged]]:
    """The communications logged (up to ``until``), per audience key, in one query."""
    return {
        key: [core.Logged(key, on, core.Format(fmt) if fmt else None) for on, fmt in days]
        for key, days in repo.log_dates(session, until, _shown(reader)).items()
    }


def recent(session: Session, limit: int = 20, reader: Role = OWNER) -> list[CommunicationRow]:
    """The latest communications ``reader`` may see, newest first."""
    return list(repo.recent(session, limit, _shown(reader)))


def latest(by_audience: dict[str, list[core.Logged]], today: date) -> list[core.Logged]:
    """The last communication up to ``today`` per audience: all ``core.due`` reads, so the
    plan's due list need not scan the whole log once per audience."""
    out = []
    for mine in by_audience.values():
        past = [g for g in mine if g.on <= today]
        if past:
            out.append(max(past, key=lambda g: g.on))
    return out


def log(
    session: Session,
    to: str,
    *,
    on: date,
    fmt: str | None = None,
    summary: str = "",
    visibility: str = Visibility.PRIVATE.value,
    digest_id: int | None = None,
) -> Stakeholder:
    who = find(session, to)
    repo.add(
        session,
        CommunicationRow(
            person_id=who.person_id,
            group_id=who.group_id,
            occurred_on=on,
            format=format_of(fmt).value if fmt else None,
            summary=summary.strip(),
            digest_id=digest_id,
            visibility=visibility_of(visibility),
        ),
    )
    return who


@dataclass(frozen=True, slots=True)
class DueView:
    name: str
    key: str
    cadence_days: int
    format: core.Format
    last: date | None
    next_due: date
    overdue_days: int


def due(
    session: Session, today: date, *, overdue_only: bool = False, reader: Role = OWNER
) -> list[DueView]:
    """Every audience of the plan ``reader`` may see, most overdue first, then the soonest
    due (from the communications ``reader`` may see)."""
    everyone = names(session)
    last = latest(logs_by_audience(session, today, reader), today)
    rows = core.due_list(entries(session, reader), last, today)
    return [
        DueView(
            everyone.get(d.entry.audience, d.entry.audience),
            d.entry.audience,
            d.entry.cadence_days,
            d.entry.format,
            d.last,
            d.next_due,
            d.overdue_days,
        )
        for d in rows
        if d.overdue or not overdue_only
    ]


def plan_views(session: Session, reader: Role = OWNER) -> list[PlanView]:
    everyone = names(session)
    langs = {g.id: g.lang for g in groups(session)}
    out = []
    for r in repo.plan(session, _shown(reader)):
        key = of_row(r.person_id, r.group_id)
        kind = "person" if r.person_id is not None else "group"
        ref = r.person_id if r.person_id is not None else r.group_id
        assert ref is not None
        lang = langs.get(ref) if kind == "group" else None
        who = Stakeholder(kind, ref, everyone.get(key, key), lang)
        out.append(PlanView(who, r.cadence_days, core.Format(r.format), r.since, r.grace_days))
    return sorted(out, key=lambda p: (p.cadence_days, p.stakeholder.name))
