"""The weekly review: the radar's signals, overdue contacts, asks waiting for answers and
learnings to write, gathered in a handful of queries and rendered as Markdown or JSON.

The review is the owner's page (trust, asks, mentors): any other ``reader`` is refused."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from passerelle.domain import radar
from passerelle.domain.circles import LABELS, Circle
from passerelle.services import decision_review, trust_review
from passerelle.services.access import OWNER, Kind, Role, require
from passerelle.services.people import PersonView, views
from passerelle.settings import Settings
from passerelle.store.repos import asks as ask_repo
from passerelle.store.repos import people as people_repo


@dataclass(frozen=True, slots=True)
class Waiting:
    id: int
    title: str
    sent_on: date
    days: int
    urgency: str


@dataclass(frozen=True, slots=True)
class ToWrite:
    id: int
    title: str
    answered_on: date


@dataclass(frozen=True, slots=True)
class Review:
    today: date
    signals: tuple[radar.Signal, ...]
    overdue: tuple[PersonView, ...]
    waiting: tuple[Waiting, ...]
    to_write: tuple[ToWrite, ...]
    decisions: tuple[Any, ...] = ()  # decision and delegation signals (decision_signals)
    trust: Any = None  # trust signals and the four pillars (trust_review.TrustSection)


def thresholds(settings: Settings) -> radar.Thresholds:
    return radar.Thresholds(**settings.radar.model_dump())


def review(session: Session, settings: Settings, today: date, reader: Role = OWNER) -> Review:
    require(reader, Kind.REVIEW)
    th = thresholds(settings)
    rows = ask_repo.radar_rows(session, today - timedelta(days=th.window_days))
    everyone = views(session, settings, today)
    facts = radar.Workspace(
        today=today,
        asks=tuple(
            radar.AskFacts(
                id=r.id,
                title=r.title,
                urgency=r.urgency,
                quality=r.quality,
                sent_on=r.sent_on,
                recipient_circles=r.recipient_circles,
                fitting_circles=r.fitting_circles,
                answered_on=r.answered_on,
                has_learning=r.has_learning,
                closed=r.status == "closed",
            )
            for r in rows
        ),
        contacts=tuple(
            radar.ContactFacts(p.id, p.name, p.circle, p.overdue_days) for p in everyone
        ),
        circle_sizes=people_repo.circle_sizes(session),
        last_sent_on=ask_repo.last_sent(session),
    )
    waiting = sorted(
        (
            Waiting(r.id, r.title, r.sent_on, (today - r.sent_on).days, r.urgency)
            for r in rows
            if r.status == "sent" and r.sent_on is not None
        ),
        key=lambda w: -w.days,
    )
    to_write = sorted(
        (
            ToWrite(r.id, r.title, r.answered_on)
            for r in rows
            if r.answered_on is not None and not r.has_learning
        ),
        key=lambda t: t.answered_on,
    )
    overdue = sorted((p for p in everyone if p.overdue_days), key=lambda p: -p.overdue_days)
    return Review(
        today, tuple(radar.scan(facts, th)), tuple(overdue), tuple(waiting), tuple(to_write),
        tuple(decision_review.signals(session, today)),
        trust_review.section(session, settings, today),
    )  # fmt: skip


def to_json(review_: Review, lang: str) -> dict[str, Any]:
    def say(text: Any) -> dict[str, str]:
        return {"fr": text.fr, "en": text.en, "text": text.get(lang)}

    return {
        "version": 1,
        "today": review_.today.isoformat(),
        "signals": [
            {
                "code": s.code,
                "severity": s.severity,
                "seen": say(s.seen),
                "why": say(s.why),
                "next_step": say(s.next_step),
                "refs": list(s.refs),
            }
            for s in review_.signals
        ],
        "overdue": [
            {
                "id": p.id,
                "name": p.name,
                "circle": p.circle,
                "overdue_days": p.overdue_days,
                "next_contact": p.next_contact.isoformat(),
            }
            for p in review_.overdue
        ],
        "waiting": [
            {"id": w.id, "title": w.title, "sent_on": w.sent_on.isoformat(), "days": w.days}
            for w in review_.waiting
        ],
        "to_write": [
            {"id": t.id, "title": t.title, "answered_on": t.answered_on.isoformat()}
            for t in review_.to_write
        ],
        "decisions": [
            {
                "code": s.code,
                "severity": s.severity,
                "subject": s.subject,
                "seen": say(s.seen),
                "why": say(s.why),
                "next_step": say(s.next_step),
            }
            for s in review_.decisions
        ],
        "trust": trust_review.to_json(review_.trust, lang) if review_.trust else None,
    }


HEADINGS = {
    "fr": ("Revue de la semaine", "Radar", "Contacts en retard", "Demandes en attente",
           "Apprentissages à écrire", "Rien à signaler.", "jours"),
    "en": ("Weekly review", "Radar", "Overdue contacts", "Asks waiting for answers",
           "Learnings to write", "Nothing to report.", "days"),
}  # fmt: skip


def to_markdown(review_: Review, lang: str, limit: int = 15) -> str:
    title, radar_h, overdue_h, waiting_h, write_h, nothing, days = HEADINGS[lang]
    out = [f"# {title} — {review_.today.isoformat()}", "", f"## {radar_h}", ""]
    for s in review_.signals:
        out.append(f"- **{s.seen.get(lang)}** {s.why.get(lang)} → {s.next_step.get(lang)}")
    out += [nothing] if not review_.signals else []
    out += ["", f"## {overdue_h}", ""]
    for p in review_.overdue[:limit]:
        label = LABELS[Circle(p.circle)].get(lang)
        out.append(f"- {p.name} ({label}): {p.overdue_days} {days}")
    out += [nothing] if not review_.overdue else []
    out += ["", f"## {waiting_h}", ""]
    for w in review_.waiting[:limit]:
        out.append(f"- #{w.id} {w.title} — {w.days} {days}")
    out += [nothing] if not review_.waiting else []
    out += ["", f"## {write_h}", ""]
    for t in review_.to_write[:limit]:
        out.append(f"- #{t.id} {t.title} ({t.answered_on.isoformat()})")
    out += [nothing] if not review_.to_write else []
    decisions_h = "Décisions et délégation" if lang == "fr" else "Decisions and delegation"
    out += ["", f"## {decisions_h}", ""]
    for s in review_.decisions[:limit]:
        out.append(f"- **{s.seen.get(lang)}** {s.why.get(lang)} → {s.next_step.get(lang)}")
    out += [nothing] if not review_.decisions else []
    if review_.trust is not None:
        out += ["", *trust_review.to_markdown(review_.trust, lang)]
    return "\n".join(out) + "\n"
