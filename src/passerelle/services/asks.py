"""The ask lifecycle: draft, sent (to whom), answered, closed with a learning.

Asks are the owner's, and the team's when shared with it for ideation (``team``): every
read takes a ``reader`` (the owner by default) and is refused to a business partner."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from passerelle.analysis.lang import detect
from passerelle.domain.circles import Bilingual, Visibility, from_analyser
from passerelle.services import learnings, people
from passerelle.services.access import OWNER, Kind, Role, allowed, circles_hidden, require
from passerelle.services.coach import Coaching, coach
from passerelle.services.errors import InvalidStateError, NotFoundError, invalid
from passerelle.services.folding import terms
from passerelle.store.models import Answer, Ask, AskRecipient, Learning, Person
from passerelle.store.repos import asks as repo
from passerelle.store.repos import people as people_repo

STATUSES = ("draft", "sent", "answered", "closed")
URGENCIES = ("routine", "soon", "crisis")
PARTS = ("situation", "decision", "options", "doubts", "question")


@dataclass(frozen=True, slots=True)
class Draft:
    """What the person wrote, part by part, or as one text (from a file)."""

    title: str = ""
    situation: str = ""
    decision: str = ""
    options: str = ""
    doubts: str = ""
    question: str = ""
    body: str = ""

    def text(self) -> str:
        if self.body.strip():
            return self.body.strip()
        parts = (self.situation, self.decision, self.options, self.doubts, self.question)
        return "\n\n".join(p.strip() for p in parts if p.strip())


def _choice(value: str | None, allowed: Sequence[str], what: Bilingual) -> str | None:
    if value is None or value == "":
        return None
    key = value.strip().lower()
    if key not in allowed:
        raise invalid(
            f"{what.fr} inconnu(e) : {value!r} ({', '.join(allowed)}).",
            f"Unknown {what.en}: {value!r} ({', '.join(allowed)}).",
        )
    return key


def analyse(draft: Draft, circle: str | None = None) -> Coaching:
    text = draft.text()
    if not text:
        raise invalid("La demande est vide.", "The request is empty.")
    return coach(text, circle=circle)


def new(
    session: Session,
    draft: Draft,
    *,
    urgency: str | None = None,
    circle: str | None = None,
    decision_id: int | None = None,
    today: date | None = None,
    visibility: str = Visibility.PRIVATE.value,
    coaching: Coaching | None = None,
) -> tuple[Ask, Coaching]:
    """Record a draft ask with the coach's verdict; the urgency and circle the person gave
    win over the coach's guess."""
    chosen_circle = people.circle_of(circle).value if circle else None
    chosen_urgency = _choice(urgency, URGENCIES, Bilingual("Urgence", "urgency"))
    verdict = coaching or analyse(draft, chosen_circle)
    text = draft.text()
    title = " ".join(draft.title.split()) or _title_from(draft)
    recommended = verdict.circle
    ask = Ask(
        title=title,
        situation=draft.situation.strip(),
        decision=draft.decision.strip(),
        options=draft.options.strip(),
        doubts=draft.doubts.strip(),
        question=draft.question.strip(),
        body=text,
        lang=verdict.lang if verdict.lang in ("fr", "en") else detect(text),
        status="draft",
        urgency=chosen_urgency or verdict.urgency,
        circle=chosen_circle or (recommended.value if recommended else None),
        quality=verdict.quality,
        score=verdict.score,
        fitting_circles=list(verdict.fitting),
        created_on=today or date.today(),
        decision_id=decision_id,
        visibility=people.visibility_of(visibility),
    )
    return repo.add(session, ask), verdict


def _title_from(draft: Draft) -> str:
    source = draft.question or draft.decision or draft.text()
    words = source.split()
    title = " ".join(words[:12])
    return title + ("…" if len(words) > 12 else "")


def suggest_people(
    session: Session, verdict: Coaching, text: str, limit: int = 5, reader: Role = OWNER
) -> list[Person]:
    """People of the recommended circles, those whose expertise the ask mentions first
    (among the people ``reader`` may see)."""
    words = set(terms(text))
    vis = None if reader is OWNER else allowed(reader, Kind.PERSON)
    hidden = circles_hidden(reader)
    ranked: list[tuple[int, int, str, Person]] = []
    names = verdict.fitting or tuple(r.circle for r in verdict.routes[:1])
    for order, name in enumerate(names):
        circle = from_analyser(name).value
        for person in people_repo.listing(session, circle, vis, hidden):
            hits = sum(1 for tag in person.expertise if set(terms(tag)) & words)
            ranked.append((-hits, order, person.name, person))
    ranked.sort(key=lambda row: row[:3])
    seen: list[Person] = []
    for *_, person in ranked:
        if person not in seen:
            seen.append(person)
    return seen[:limit]


def _shown(reader: Role, kind: Kind = Kind.ASK) -> tuple[str, ...] | None:
    """The visibilities to query ``kind`` with for ``reader`` (``None``: the owner's all);
    refused outright to a reader who never reads that kind."""
    require(reader, kind)
    return None if reader is OWNER else allowed(reader, kind)


def get(session: Session, ask_id: int, reader: Role = OWNER) -> Ask:
    """An ask ``reader`` may read. For a reader other than the owner, read its answers and
    recipients with ``answers`` and ``recipients`` (the policy applies to them too)."""
    found = repo.get(session, ask_id, _shown(reader))
    if found is None:
        raise NotFoundError(Bilingual(f"Demande inconnue : #{ask_id}.", f"Unknown ask: #{ask_id}."))
    return found


def send(session: Session, ask_id: int, to: Sequence[str], day: date) -> Ask:
    """Send to one or more people: records the recipients and one interaction each."""
    ask = get(session, ask_id)
    if ask.status == "closed":
        raise InvalidStateError(
            Bilingual(f"La demande #{ask_id} est close.", f"Ask #{ask_id} is closed.")
        )
    if not to:
        raise invalid("À qui ? (--to PERSONNE)", "To whom? (--to PERSON)")
    recipients = [people.find(session, ref) for ref in to]
    for person in recipients:
        repo.add_recipient(session, AskRecipient(ask_id=ask.id, person_id=person.id, sent_on=day))
        people.log(
            session,
            f"#{person.id}",
            day=day,
            kind="ask",
            initiated_by="me",
            summary=ask.title,
            ask_id=ask.id,
        )
    if ask.status == "draft":
        ask.status = "sent"
    if ask.sent_on is None or day < ask.sent_on:
        ask.sent_on = day
    session.flush()
    return ask


def answer(
    session: Session,
    ask_id: int,
    by: str,
    content: str,
    day: date,
    usefulness: int | None = None,
) -> Ask:
    ask = get(session, ask_id)
    if ask.status in ("draft", "closed"):
        raise InvalidStateError(
            Bilingual(
                f"La demande #{ask_id} est « {ask.status} » : envoyez-la avant d’y répondre.",
                f"Ask #{ask_id} is '{ask.status}': send it before recording answers.",
            )
            if ask.status == "draft"
            else Bilingual(f"La demande #{ask_id} est close.", f"Ask #{ask_id} is closed.")
        )
    if usefulness is not None and not 1 <= usefulness <= 5:
        raise invalid("L’utilité se note de 1 à 5.", "Usefulness is rated from 1 to 5.")
    person = people.find(session, by)
    repo.add_answer(
        session,
        Answer(
            ask_id=ask.id,
            person_id=person.id,
            answered_on=day,
            content=content.strip(),
            usefulness=usefulness,
        ),
    )
    people.log(
        session,
        f"#{person.id}",
        day=day,
        kind="answer",
        initiated_by="them",
        received=content.strip()[:500] or ask.title,
        summary=ask.title,
        ask_id=ask.id,
    )
    ask.status = "answered"
    if ask.answered_on is None or day < ask.answered_on:
        ask.answered_on = day
    session.flush()
    return ask


def close(
    session: Session,
    ask_id: int,
    day: date,
    learning: str = "",
    title: str = "",
    tags: str | Sequence[str] | None = None,
) -> tuple[Ask, Learning | None]:
    ask = get(session, ask_id)
    if ask.status == "closed":
        raise InvalidStateError(
            Bilingual(f"La demande #{ask_id} est déjà close.", f"Ask #{ask_id} is closed already.")
        )
    written = None
    if learning.strip():
        written = learnings.add(
            session, title or ask.title, learning, tags=tags, day=day, ask_id=ask.id
        )
    ask.status = "closed"
    ask.closed_on = day
    session.flush()
    return ask, written


def listing(
    session: Session,
    *,
    status: str | None = None,
    circle: str | None = None,
    urgency: str | None = None,
    limit: int | None = None,
    reader: Role = OWNER,
) -> Sequence[Ask]:
    return repo.listing(
        session,
        status=_choice(status, STATUSES, Bilingual("Statut", "status")),
        circle=people.circle_of(circle).value if circle else None,
        urgency=_choice(urgency, URGENCIES, Bilingual("Urgence", "urgency")),
        limit=limit,
        visibilities=_shown(reader),
    )


def recipients(session: Session, ask_id: int, reader: Role = OWNER) -> list[str]:
    """Whom an ask went to: the people among them ``reader`` may see."""
    get(session, ask_id, reader)
    if reader is OWNER:
        return repo.recipient_names(session, ask_id)
    vis = allowed(reader, Kind.PERSON)
    return repo.recipient_names(session, ask_id, vis, circles_hidden(reader))


def answers(session: Session, ask_id: int, reader: Role = OWNER) -> list[Answer]:
    """The answers to an ask that ``reader`` may read."""
    get(session, ask_id, reader)
    return list(repo.answers(session, ask_id, _shown(reader, Kind.ANSWER)))
