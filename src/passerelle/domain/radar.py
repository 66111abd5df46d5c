"""The radar of the frequent mistakes in asking for help, as pure functions over plain facts.

Each detector looks at the workspace's facts (asks, contacts, circle sizes) on a given day and
returns at most one signal: what it saw, why it matters, and one next step, in French and
English. The thresholds come from the settings; nothing here reads a database or a clock.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from passerelle.domain.circles import Bilingual, Circle, fits

B = Bilingual


@dataclass(frozen=True, slots=True)
class Thresholds:
    days_without_ask: int = 45
    window_days: int = 180
    crisis_share: float = 0.4
    min_asks_for_share: int = 3
    min_peers: int = 3
    min_mentors: int = 1
    learning_grace_days: int = 14
    overdue_grace_days: int = 0
    answer_wait_days: int = 14


@dataclass(frozen=True, slots=True)
class AskFacts:
    """One ask as the radar sees it."""

    id: int
    title: str
    urgency: str  # routine | soon | crisis
    quality: str | None  # productive | incomplete | paralysing, None when not analysed
    sent_on: date | None
    recipient_circles: tuple[str, ...] = ()
    fitting_circles: tuple[str, ...] = ()  # analyser circle names that suit the ask
    answered_on: date | None = None
    has_learning: bool = False
    closed: bool = False


@dataclass(frozen=True, slots=True)
class ContactFacts:
    person_id: int
    name: str
    circle: str
    overdue_days: int


@dataclass(frozen=True, slots=True)
class Workspace:
    """Everything the radar needs, gathered by a service."""

    today: date
    asks: tuple[AskFacts, ...] = ()
    contacts: tuple[ContactFacts, ...] = ()
    circle_sizes: Mapping[str, int] = field(default_factory=dict)
    # The latest send of any ask, when ``asks`` holds only the recent ones.
    last_sent_on: date | None = None


@dataclass(frozen=True, slots=True)
class Signal:
    code: str
    severity: str  # high | medium | low
    seen: Bilingual
    why: Bilingual
    next_step: Bilingual
    refs: tuple[int, ...] = ()


SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def _sent_in_window(ws: Workspace, th: Thresholds) -> list[AskFacts]:
    start = ws.today - timedelta(days=th.window_days)
    return [a for a in ws.asks if a.sent_on is not None and start <= a.sent_on <= ws.today]


def never_asking(ws: Workspace, th: Thresholds) -> Signal | None:
    sent = [a.sent_on for a in ws.asks if a.sent_on is not None and a.sent_on <= ws.today]
    if ws.last_sent_on is not None and ws.last_sent_on <= ws.today:
        sent.append(ws.last_sent_on)
    why = B(
        "Décider seul en gardant une façade de contrôle laisse des angles morts et isole.",
        "Deciding alone behind a front of full control leaves blind spots and isolates you.",
    )
    if not sent:
        return Signal(
            "never-asking",
            "high",
            B("Aucune demande d’aide envoyée à ce jour.", "No request for help sent so far."),
            why,
            B(
                "Choisissez une décision en cours et demandez l’avis d’un pair cette semaine.",
                "Pick a decision in progress and ask a peer for their view this week.",
            ),
        )
    days = (ws.today - max(sent)).days
    if days < th.days_without_ask:
        return None
    return Signal(
        "never-asking",
        "medium",
        B(f"Aucune demande envoyée depuis {days} jours.", f"No request sent for {days} days."),
        why,
        B(
            "Demander régulièrement évite les crises : partagez un dilemme avec un pair "
            "ce mois-ci.",
            "Asking regularly avoids crises: share one dilemma with a peer this month.",
        ),
    )


def asking_too_late(ws: Workspace, th: Thresholds) -> Signal | None:
    sent = _sent_in_window(ws, th)
    if len(sent) < th.min_asks_for_share:
        return None
    crisis = [a for a in sent if a.urgency == "crisis"]
    share = len(crisis) / len(sent)
    if share < th.crisis_share:
        return None
    pct = round(share * 100)
    return Signal(
        "asking-too-late",
        "high" if share >= 0.6 else "medium",
        B(
            f"{pct} % des demandes des {th.window_days} derniers jours sont parties en crise "
            f"({len(crisis)} sur {len(sent)}).",
            f"{pct}% of the requests of the last {th.window_days} days went out in a crisis "
            f"({len(crisis)} of {len(sent)}).",
        ),
        B(
            "Demander en pleine crise laisse moins d’options et fait décider sous pression.",
            "Asking in the middle of a crisis leaves fewer options and forces decisions "
            "under pressure.",
        ),
        B(
            "Repérez la prochaine décision à venir et demandez un avis avant qu’elle ne presse.",
            "Spot the next decision coming and ask for a view before it becomes urgent.",
        ),
        tuple(a.id for a in crisis),
    )


def anxiety_without_ask(ws: Workspace, th: Thresholds) -> Signal | None:
    sent = [a for a in _sent_in_window(ws, th) if a.quality == "paralysing"]
    if not sent:
        return None
    to_team = [a for a in sent if Circle.TEAM.value in a.recipient_circles]
    seen_team_fr = f", dont {len(to_team)} à l’équipe" if to_team else ""
    seen_team_en = f", {len(to_team)} of them to the team" if to_team else ""
    return Signal(
        "anxiety-without-ask",
        "high" if to_team else "medium",
        B(
            f"{len(sent)} demande(s) envoyée(s) sans direction ni question précise{seen_team_fr}.",
            f"{len(sent)} request(s) sent with no direction and no specific question"
            f"{seen_team_en}.",
        ),
        B(
            "Des doutes partagés sans demande claire créent de l’anxiété sans obtenir d’aide ; "
            "auprès de l’équipe, ils coûtent de la confiance.",
            "Doubts shared with no clear ask spread anxiety without bringing help; with the "
            "team they cost trust.",
        ),
        B(
            "Avant d’envoyer, nommez la décision, les options vues et une question précise "
            "(`passerelle ask new` vous guide).",
            "Before sending, name the decision, the options you see and one specific question "
            "(`passerelle ask new` guides you).",
        ),
        tuple(a.id for a in sent),
    )


def wrong_circle(ws: Workspace, th: Thresholds) -> Signal | None:
    wrong = [
        a
        for a in _sent_in_window(ws, th)
        if a.fitting_circles
        and a.recipient_circles
        and not any(fits(c, a.fitting_circles) for c in a.recipient_circles)
    ]
    if not wrong:
        return None
    return Signal(
        "wrong-circle",
        "medium",
        B(
            f"{len(wrong)} demande(s) envoyée(s) à un cercle qui ne correspond pas à leur sujet.",
            f"{len(wrong)} request(s) sent to a circle that does not fit their subject.",
        ),
        B(
            "Demander à l’équipe sur la stratégie, ou au CEO sur un point technique pointu, "
            "donne de mauvais conseils ou de la frustration des deux côtés.",
            "Asking the team about strategy, or the CEO about a narrow technical point, brings "
            "poor advice or frustration on both sides.",
        ),
        B(
            "Relisez le cercle conseillé par le coach et renvoyez la question à quelqu’un de ce "
            "cercle.",
            "Check the circle the coach recommends and put the question to someone in it.",
        ),
        tuple(a.id for a in wrong),
    )


def thin_network(ws: Workspace, th: Thresholds) -> Signal | None:
    mentors = ws.circle_sizes.get(Circle.MENTOR.value, 0)
    peers = ws.circle_sizes.get(Circle.PEER.value, 0)
    gaps_fr: list[str] = []
    gaps_en: list[str] = []
    if mentors < th.min_mentors:
        gaps_fr.append(f"{mentors} mentor(s)")
        gaps_en.append(f"{mentors} mentor(s)")
    if peers < th.min_peers:
        gaps_fr.append(f"{peers} pair(s) CTO")
        gaps_en.append(f"{peers} peer CTO(s)")
    if not gaps_fr:
        return None
    return Signal(
        "thin-network",
        "high" if mentors == 0 and peers == 0 else "medium",
        B(
            "Réseau mince : " + ", ".join(gaps_fr) + ".",
            "Thin network: " + ", ".join(gaps_en) + ".",
        ),
        B(
            "Un réseau se construit avant d’en avoir besoin ; en crise, il est trop tard pour "
            "le créer.",
            "A network is built before you need it; in a crisis it is too late to start one.",
        ),
        B(
            "Ajoutez une personne au cercle le plus mince ce mois-ci (`passerelle people add`).",
            "Add one person to the thinnest circle this month (`passerelle people add`).",
        ),
    )


def contacts_overdue(ws: Workspace, th: Thresholds) -> Signal | None:
    late = sorted(
        (c for c in ws.contacts if c.overdue_days > th.overdue_grace_days),
        key=lambda c: -c.overdue_days,
    )
    if not late:
        return None
    names = ", ".join(f"{c.name} ({c.overdue_days} j)" for c in late[:3])
    names_en = ", ".join(f"{c.name} ({c.overdue_days} d)" for c in late[:3])
    return Signal(
        "contacts-overdue",
        "medium" if len(late) > 2 else "low",
        B(f"{len(late)} contact(s) en retard : {names}.", f"{len(late)} overdue: {names_en}."),
        B(
            "Un réseau que l’on n’entretient pas s’efface, et il ne répond plus le jour où l’on "
            "en a besoin.",
            "A network left alone fades, and it no longer answers the day you need it.",
        ),
        B(
            f"Écrivez à {late[0].name} cette semaine, puis notez l’échange (`passerelle people "
            "log`).",
            f"Write to {late[0].name} this week, then log it (`passerelle people log`).",
        ),
        tuple(c.person_id for c in late),
    )


def learnings_missing(ws: Workspace, th: Thresholds) -> Signal | None:
    limit = ws.today - timedelta(days=th.learning_grace_days)
    start = ws.today - timedelta(days=th.window_days)
    missing = [
        a
        for a in ws.asks
        if a.answered_on is not None and start <= a.answered_on <= limit and not a.has_learning
    ]
    if not missing:
        return None
    return Signal(
        "learnings-missing",
        "low" if len(missing) < 3 else "medium",
        B(
            f"{len(missing)} demande(s) ayant reçu une réponse sans apprentissage écrit.",
            f"{len(missing)} answered request(s) with no learning written down.",
        ),
        B(
            "Écrire ce qu’une aide vous a appris construit une base personnelle et permet de "
            "rendre la pareille.",
            "Writing down what help taught you builds a personal knowledge base and lets you "
            "give back.",
        ),
        B(
            "Clôturez la plus ancienne avec ce que vous en retenez (`passerelle ask close "
            "--learning`).",
            "Close the oldest one with what you took from it (`passerelle ask close --learning`).",
        ),
        tuple(a.id for a in missing),
    )


DETECTORS: tuple[Callable[[Workspace, Thresholds], Signal | None], ...] = (
    never_asking,
    asking_too_late,
    anxiety_without_ask,
    wrong_circle,
    thin_network,
    contacts_overdue,
    learnings_missing,
)


def scan(ws: Workspace, th: Thresholds | None = None) -> list[Signal]:
    """Every signal the workspace raises on ``ws.today``, the most severe first."""
    thresholds = th or Thresholds()
    found = [s for d in DETECTORS if (s := d(ws, thresholds)) is not None]
    return sorted(found, key=lambda s: SEVERITY_ORDER[s.severity])
