"""What ``decide new`` and ``decide edit`` read: options, a Markdown record, or answers to
questions asked one by one on a terminal. Each way ends in a draft ``Decision``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import typer

from passerelle.cli.workspace import fail, say
from passerelle.domain.circles import Bilingual
from passerelle.domain.decisions import BusinessRendering, Decision, DecisionError, Option
from passerelle.services.errors import InvalidInputError

DRAFT_ID = "draft"


def invalid(fr: str, en: str) -> InvalidInputError:
    return InvalidInputError(Bilingual(fr, en))


def tag_list(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.strip().lower() for t in text.split(",") if t.strip()))


def _names(items: list[str]) -> tuple[str, ...]:
    return tuple(n.strip() for item in items for n in item.split(",") if n.strip())


def _level(text: str | None) -> Any:
    from passerelle.services.delegation import level_of

    if text is None or not text.strip():
        return None
    try:
        return level_of(text)
    except InvalidInputError as error:
        raise fail(error) from None


def _draft(**fields: Any) -> Decision:
    try:
        return Decision(id=DRAFT_ID, **fields)
    except DecisionError as error:
        raise fail(InvalidInputError(error.message)) from None


def from_options(
    title: str, *, context: str, options: list[str], chosen: str, because: str,
    consequences: str, deciders: list[str], consulted: list[str], informed: list[str],
    area: str, level: str | None, review: dt.date | None, tags: str, on: dt.date | None,
    value: str, cost: str, risk: str, timing: str,
) -> Decision:  # fmt: skip
    return _draft(
        title=title.strip(),
        date=on,
        context=context.strip(),
        options=tuple(Option(o.strip()) for o in options if o.strip()),
        chosen_option=chosen.strip(),
        rationale=because.strip(),
        consequences=consequences.strip(),
        deciders=_names(deciders),
        consulted=_names(consulted),
        informed=_names(informed),
        area=area.strip(),
        delegation_level=_level(level),
        review_on=review,
        tags=tag_list(tags),
        business=BusinessRendering(value.strip(), cost.strip(), risk.strip(), timing.strip()),
    )


def from_markdown(name: str) -> Decision:
    """A draft from one decision record file (or ``-``). A file that cannot be read as a
    decision is bad input: every problem is listed, nothing is written."""
    from passerelle.cli.inputs import STDIN, InputError, Source, read
    from passerelle.records import Outcome, parse_record

    source = Source("<stdin>", None) if name == STDIN else Source(name, _path(name))
    try:
        text = read(source)
    except InputError as error:
        raise fail(invalid(str(error), str(error))) from None
    result = parse_record(text, "stdin.md" if name == STDIN else source.path.name)  # type: ignore[union-attr]
    if result.outcome is not Outcome.READ or result.decision is None:
        why_fr = "; ".join(p.describe("fr") for p in result.problems) or "illisible"
        why_en = "; ".join(p.describe("en") for p in result.problems) or "unreadable"
        raise fail(
            invalid(
                f"{name} : pas une décision lisible ({why_fr}). Rien n’a été écrit.",
                f"{name}: not a readable decision ({why_en}). Nothing was written.",
            )
        )
    for problem in result.warnings:
        typer.echo(f"{name}: {problem.describe(_lang())}", err=True)
    supersedes = tuple(link.target for link in result.links if link.kind == "supersedes")
    return replace(result.decision, supersedes=supersedes)


def _path(name: str) -> Any:
    from pathlib import Path

    path = Path(name)
    if not path.is_file():
        raise fail(invalid(f"{name} : fichier introuvable.", f"{name}: no such file."))
    return path


def _lang() -> str:
    from passerelle.cli.workspace import settings

    return settings().ui_lang


def merged_business(
    current: BusinessRendering, value: str | None, cost: str | None, risk: str | None,
    timing: str | None,
) -> BusinessRendering | None:  # fmt: skip
    if value is None and cost is None and risk is None and timing is None:
        return None
    return BusinessRendering(
        current.value if value is None else value.strip(),
        current.cost if cost is None else cost.strip(),
        current.risk if risk is None else risk.strip(),
        current.timing if timing is None else timing.strip(),
    )


def _ask(fr: str, en: str, default: str = "") -> str:
    return str(
        typer.prompt(say(fr, en), default=default, show_default=bool(default.strip()))
    ).strip()


def guided(today: dt.date) -> Decision:
    """Ask for each part of a decision in turn; an unknown level or date is asked again."""
    from passerelle.services import delegation
    from passerelle.services.dates import parse_day
    from passerelle.services.decision_rows import business_findings

    title = ""
    while not title:
        title = _ask("Quelle décision, en quelques mots ?", "What decision, in a few words?")
    area = _ask("Domaine de décision (vide : aucun)", "Decision area (empty: none)", " ").strip()
    if area:
        _tell_who_decides(area)
    context = _ask("Le contexte et le problème", "The context and the problem", " ")
    options: list[str] = []
    while True:
        text = _ask(
            f"Option {len(options) + 1} (vide pour finir)",
            f"Option {len(options) + 1} (empty to finish)",
            " ",
        )
        if not text:
            break
        options.append(text)
    chosen = ""
    if options:
        pick = _ask("Option choisie (numéro ou texte)", "Option chosen (number or text)", "1")
        chosen = (
            options[int(pick) - 1] if pick.isdigit() and 0 < int(pick) <= len(options) else pick
        )
    because = _ask("Pourquoi ce choix ?", "Why this choice?", " ")
    consequences = _ask("Conséquences", "Consequences", " ")
    deciders = _ask("Qui décide (séparés par des virgules)", "Who decides (comma-separated)", " ")
    level = None
    while True:
        text = _ask("Niveau de délégation 1-7 (vide : celui du tableau)",
                    "Delegation level 1-7 (empty: the board's)", " ")  # fmt: skip
        if not text:
            break
        try:
            level = delegation.level_of(text)
            break
        except InvalidInputError as error:
            typer.echo(error.text(_lang()), err=True)
    review = None
    while True:
        text = _ask("Date de revue (AAAA-MM-JJ, +90j ; vide : aucune)",
                    "Review date (YYYY-MM-DD, +90d; empty: none)", " ")  # fmt: skip
        if not text:
            break
        try:
            review = parse_day(text, today)
            break
        except InvalidInputError as error:
            typer.echo(error.text(_lang()), err=True)
    typer.echo(say("Pour les métiers, en mots simples :", "For the business, in plain words:"))
    business = BusinessRendering(
        _ask("Ce que cela apporte", "What it brings", " "),
        _ask("Ce que cela coûte", "What it costs", " "),
        _ask("Les risques", "The risks", " "),
        _ask("Le calendrier", "When", " "),
    )
    for f in business_findings(business):
        typer.echo(f"  {f.level} {f.message}", err=True)
    return _draft(
        title=title,
        date=today,
        context=context,
        options=tuple(Option(o) for o in options),
        chosen_option=chosen,
        rationale=because,
        consequences=consequences,
        deciders=_names([deciders]),
        area=area,
        delegation_level=level,
        review_on=review,
        business=business,
    )


def _tell_who_decides(area: str) -> None:
    from passerelle.cli.workspace import session
    from passerelle.services import delegation

    with session(write=False) as (s, _):
        sentences = delegation.guidance(delegation.board(s), area)
    for sentence in sentences:
        typer.echo(say("Qui décide : ", "Who decides: ") + sentence.get(_lang()))
