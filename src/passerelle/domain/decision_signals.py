"""Review signals on the decision log and the delegation board, as pure functions.

Each function takes plain values (decisions, a board, the day) and returns signals: what it
saw, why it matters, one next step, in French and English. Nothing here reads a clock, a
database or the plain-language checker: the checker's verdict comes in as a callable or as
precomputed error counts, so this module stays testable on literal values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from passerelle.domain.circles import Bilingual, Visibility
from passerelle.domain.decisions import Decision, Status, due_for_review
from passerelle.domain.delegation import DelegationLevel, holder_decides
from passerelle.domain.delegation_board import DelegationBoard

B = Bilingual

QUARTER_DAYS = 91


@dataclass(frozen=True, slots=True)
class Signal:
    code: str
    severity: str  # high | medium | low
    subject: str  # a decision id, an area, or "area × holder"
    seen: Bilingual
    why: Bilingual
    next_step: Bilingual


def accepted_not_shared(decisions: Iterable[Decision]) -> list[Signal]:
    """Accepted decisions that business readers have never been allowed to see."""
    return [
        Signal(
            "decision-not-shared",
            "medium",
            d.id,
            B(
                f"« {d.title} » est acceptée mais n’a jamais été partagée avec les métiers.",
                f"“{d.title}” is accepted but was never shared with the business.",
            ),
            B(
                "Une décision que les métiers découvrent par ses effets devient une surprise, "
                "et la confiance se perd plus vite qu’elle ne se gagne.",
                "A decision the business finds out about through its effects is a surprise, "
                "and trust is lost faster than it is earned.",
            ),
            B(
                "Rédigez sa version métier (valeur, coût, risque, délai) et partagez-la.",
                "Write its business version (value, cost, risk, timing) and share it.",
            ),
        )
        for d in decisions
        if d.status is Status.ACCEPTED and d.visibility is not Visibility.BUSINESS
    ]


def business_rendering_fails(
    decisions: Iterable[Decision],
    errors: Callable[[Decision], int] | Mapping[str, int],
) -> list[Signal]:
    """Decisions whose business rendering has error-level findings from the checker.

    ``errors`` is either a function giving the number of error-level findings for a decision,
    or those numbers already computed, by decision id. An empty rendering counts as failing.
    """
    count = errors if callable(errors) else (lambda d: errors.get(d.id, 0))
    signals = []
    for d in decisions:
        if d.status in (Status.REJECTED, Status.SUPERSEDED, Status.DEPRECATED):
            continue
        if d.business.is_empty:
            if d.status is not Status.ACCEPTED:
                continue  # a proposal needs no business version yet
            seen = B(
                f"« {d.title} » n’a pas encore de version métier.",
                f"“{d.title}” has no business version yet.",
            )
        else:
            n = count(d)
            if n <= 0:
                continue
            seen = B(
                f"La version métier de « {d.title} » a {n} problème(s) bloquant(s) de "
                "langage clair.",
                f"The business version of “{d.title}” has {n} blocking plain-language "
                f"problem{'s' if n > 1 else ''}.",
            )
        signals.append(
            Signal(
                "business-rendering-fails",
                "medium",
                d.id,
                seen,
                B(
                    "Du jargon ou une promesse excessive font de la technique une boîte noire "
                    "pour les métiers ; elle ne peut pas être partagée telle quelle.",
                    "Jargon or an over-promise turns technology into a black box for the "
                    "business; it cannot be shared as it is.",
                ),
                B(
                    "Lancez la vérification du texte et reprenez chaque erreur signalée.",
                    "Run the plain-language check and fix each error it reports.",
                ),
            )
        )
    return signals


def past_review(decisions: Iterable[Decision], today: dt.date) -> list[Signal]:
    """Decisions in force (or still open) whose review date has come."""
    return [
        Signal(
            "decision-review-due",
            "high" if d.review_on and (today - d.review_on).days > QUARTER_DAYS else "medium",
            d.id,
            B(
                f"« {d.title} » devait être revue le {d.review_on} ({_days(d, today, 'fr')}).",
                f"“{d.title}” was due for review on {d.review_on} ({_days(d, today, 'en')}).",
            ),
            B(
                "Une décision jamais revue continue de s’appliquer même quand son contexte a "
                "changé.",
                "A decision never reviewed keeps applying even after its context has changed.",
            ),
            B(
                "Relisez-la cette semaine : confirmez-la avec une nouvelle date, ou remplacez-la.",
                "Read it again this week: confirm it with a new date, or supersede it.",
            ),
        )
        for d in decisions
        if due_for_review(d, today)
    ]


def _days(d: Decision, today: dt.date, lang: str) -> str:
    days = (today - d.review_on).days if d.review_on else 0
    if days == 0:
        return "aujourd’hui" if lang == "fr" else "today"
    return f"il y a {days} jours" if lang == "fr" else f"{days} days ago"


def _is_cto_alone(d: Decision, cto: Iterable[str]) -> bool:
    names = {n.casefold().strip() for n in cto} | {"cto"}
    deciders = {n.casefold().strip() for n in d.deciders}
    return bool(deciders) and deciders <= names


def cto_alone_in_delegated_area(
    decisions: Iterable[Decision], board: DelegationBoard, cto: Iterable[str] = ()
) -> list[Signal]:
    """The CTO deciding alone in an area the board delegates at level 5 or more.

    ``cto`` are the names the CTO appears under in ``deciders`` ("CTO" always counts).
    Only decisions dated on or after the day the area reached that level are flagged.
    """
    names = tuple(cto)
    signals = []
    for d in decisions:
        if not d.area or not _is_cto_alone(d, names) or d.status is Status.REJECTED:
            continue
        held = [
            c
            for c in board.cells_in(d.area)
            if holder_decides(c.current) and (d.date is None or d.date >= c.since)
        ]
        if not held:
            continue
        cell = max(held, key=lambda c: c.current)
        level = cell.current
        signals.append(
            Signal(
                "cto-decided-alone",
                "high",
                d.id,
                B(
                    f"Le CTO a tranché seul « {d.title} » dans « {d.area} », délégué à "
                    f"{cell.holder} au niveau {level.label('fr')}.",
                    f"The CTO decided “{d.title}” alone in “{d.area}”, delegated to "
                    f"{cell.holder} at level {level.label('en')}.",
                ),
                B(
                    "Reprendre une décision déléguée retire à l’équipe le droit de décider que "
                    "le tableau lui donne, et lui apprend que la délégation ne tient pas.",
                    "Taking back a delegated decision removes the right the board gives the "
                    "team, and teaches it that delegation does not hold.",
                ),
                B(
                    f"Rendez la décision à {cell.holder}, ou baissez le niveau du domaine sur le "
                    "tableau en disant pourquoi.",
                    f"Hand the decision back to {cell.holder}, or lower the area’s level on the "
                    "board and say why.",
                ),
            )
        )
    return signals


def areas_without_owner(board: DelegationBoard, decisions: Iterable[Decision] = ()) -> list[Signal]:
    """Areas nobody holds on the board, and areas decisions use that the board lacks."""
    on_board = {a.name for a in board.areas}
    empty = [a.name for a in board.areas if not board.cells_in(a.name)]
    missing = sorted({d.area for d in decisions if d.area and d.area not in on_board})
    return [
        Signal(
            "area-without-owner",
            "medium",
            area,
            B(
                f"Le domaine « {area} » n’a personne sur le tableau de délégation.",
                f"The area “{area}” has nobody on the delegation board.",
            ),
            B(
                "Sans niveau écrit, chacun devine qui décide : les décisions remontent toutes "
                "au CTO, ou se prennent sans cadre.",
                "With no written level, everyone guesses who decides: every decision climbs "
                "back to the CTO, or is taken with no frame.",
            ),
            B(
                "Placez au moins une équipe sur ce domaine, avec son niveau et ses garde-fous.",
                "Put at least one team on this area, with its level and its guardrails.",
            ),
        )
        for area in (*empty, *missing)
    ]


def stalled_level_gaps(
    board: DelegationBoard, today: dt.date, days: int = QUARTER_DAYS
) -> list[Signal]:
    """Cells whose current level is short of the target and has not moved for a quarter."""
    signals = []
    for c in board.cells:
        if c.gap == 0 or (today - c.since).days < days:
            continue
        target = c.target or DelegationLevel.DELEGATE
        signals.append(
            Signal(
                "delegation-gap-stalled",
                "low",
                f"{c.area} × {c.holder}",
                B(
                    f"{c.area} × {c.holder} : niveau {c.current.label('fr')}, cible "
                    f"{target.label('fr')}, sans changement depuis le {c.since}.",
                    f"{c.area} × {c.holder}: level {c.current.label('en')}, target "
                    f"{target.label('en')}, unchanged since {c.since}.",
                ),
                B(
                    "Une cible annoncée qui ne bouge pas devient une promesse non tenue envers "
                    "l’équipe.",
                    "A stated target that never moves becomes a broken promise to the team.",
                ),
                B(
                    "Choisissez la prochaine marche (un standard à écrire, un essai à mener) "
                    "ou révisez la cible.",
                    "Pick the next step (a standard to write, a trial to run) or revise the "
                    "target.",
                ),
            )
        )
    return signals


def scan(
    decisions: Iterable[Decision],
    board: DelegationBoard,
    today: dt.date,
    errors: Callable[[Decision], int] | Mapping[str, int],
    cto: Iterable[str] = (),
) -> list[Signal]:
    """Every decision and delegation signal, most severe first."""
    items = list(decisions)
    found = [
        *accepted_not_shared(items),
        *business_rendering_fails(items, errors),
        *past_review(items, today),
        *cto_alone_in_delegated_area(items, board, cto),
        *areas_without_owner(board, items),
        *stalled_level_gaps(board, today),
    ]
    order = {"high": 0, "medium": 1, "low": 2}
    return sorted(found, key=lambda s: (order[s.severity], s.code, s.subject))
