"""``passerelle decide new|list|show|edit|accept|reject|deprecate|supersede|share|review|import|
export``: the decision log on the command line, a few lines over ``services.decisions``.

Logging and reading decisions are here; what happens to a decision afterwards (status moves,
sharing, review, records in and out) is in ``decide_flow``, whose commands follow these.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import typer
from rich.markdown import Markdown
from rich.table import Table

from passerelle.cli.workspace import Format, console, day, emit_json, fail, say, session, settings
from passerelle.store.errors import PasserelleError

decide_app = typer.Typer(
    help="The decision log: technical and business renderings, records in and out.",
    no_args_is_help=True,
)

ROLE_HELP = "Read as: owner (everything), member (team), stakeholder (business rendering only)."


class Reader(StrEnum):
    business = "business"
    tech = "tech"


class ShowFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"


def ui_lang() -> str:
    return settings().ui_lang


def reader_role(text: str) -> Any:
    from passerelle.services.decisions import role_of

    try:
        return role_of(text)
    except PasserelleError as error:
        raise fail(error) from None


def _guidance(created: Any) -> None:
    lang = ui_lang()
    for sentence in created.guidance:
        typer.echo(say("Qui décide : ", "Who decides: ") + sentence.get(lang))
    _findings(created.findings)


def _findings(findings: tuple[Any, ...]) -> None:
    from passerelle.cli.decide_render import findings_lines

    if findings:
        typer.echo(say("Version métier, à revoir :", "Business version, to review:"))
        for line in findings_lines(findings):
            typer.echo(line)


@decide_app.command("new")
def new(
    title: str | None = typer.Argument(None, help="The decision, in a few words."),
    from_file: str | None = typer.Option(
        None, "--from", help="A Markdown decision record (MADR, log4brains, Nygard), or -."
    ),
    guided: bool = typer.Option(False, "--guided", help="Ask for each part, step by step."),
    context: str = typer.Option("", "--context", help="The situation and the problem."),
    option: list[str] = typer.Option([], "--option", help="An option considered (repeat)."),
    chosen: str = typer.Option("", "--chosen", help="The option chosen."),
    because: str = typer.Option("", "--because", help="Why this option."),
    consequences: str = typer.Option("", "--consequences"),
    decider: list[str] = typer.Option([], "--decider", help="Who decided (repeat)."),
    consulted: list[str] = typer.Option([], "--consulted", help="Who was consulted (repeat)."),
    informed: list[str] = typer.Option([], "--informed", help="Who was informed (repeat)."),
    area: str = typer.Option("", "--area", help="The decision area on the delegation board."),
    level: str | None = typer.Option(None, "--level", help="Delegation level: 1-7 or a name."),
    review: str | None = typer.Option(None, "--review", help="Review date: YYYY-MM-DD, +90d…"),
    tags: str = typer.Option("", "--tags", help="Comma-separated tags."),
    on: str | None = typer.Option(None, "--date", help="The decision's date (default today)."),
    value: str = typer.Option("", "--value", help="Business: what it brings."),
    cost: str = typer.Option("", "--cost", help="Business: what it costs."),
    risk: str = typer.Option("", "--risk", help="Business: the risks."),
    timing: str = typer.Option("", "--timing", help="Business: when."),
) -> None:
    """Log a new decision, guided on a terminal, from options, or from a Markdown file.

    Example: passerelle decide new "Move billing to PostgreSQL" --area "Architecture"
    --option "Stay on MySQL" --option "PostgreSQL" --chosen PostgreSQL --value "Invoices on time"
    """
    import sys

    from passerelle.cli import decide_input

    today = day(None)
    if from_file is not None:
        draft = decide_input.from_markdown(from_file)
    elif title is None:
        if not (guided or sys.stdin.isatty()):
            raise fail(
                decide_input.invalid(
                    "Donnez un titre, --from FICHIER, ou --guided.",
                    "Give a title, --from FILE, or --guided.",
                )
            )
        draft = decide_input.guided(today)
    else:
        draft = decide_input.from_options(
            title, context=context, options=option, chosen=chosen, because=because,
            consequences=consequences, deciders=decider, consulted=consulted, informed=informed,
            area=area, level=level, review=day(review) if review else None, tags=tags,
            on=day(on) if on else None, value=value, cost=cost, risk=risk, timing=timing,
        )  # fmt: skip
    from passerelle.services import decisions

    with session() as (s, _):
        created = decisions.new(s, draft, today=today)
    typer.echo(
        say(f"Décision notée : {created.decision.id}", f"Decision logged: {created.decision.id}")
    )
    _guidance(created)


@decide_app.command("list")
def list_(
    status: str | None = typer.Option(None, "--status", help="proposed, accepted, rejected…"),
    area: str | None = typer.Option(None, "--area"),
    tag: str | None = typer.Option(None, "--tag"),
    limit: int = typer.Option(50, "--limit", min=0, help="At most this many (0: all)."),
    as_: str = typer.Option("owner", "--as", help=ROLE_HELP),
    fmt: Format = typer.Option(Format.text, "--format", "-f"),
) -> None:
    """List decisions, newest first.

    Example: passerelle decide list --status accepted --area "Architecture"
    """
    from passerelle.services import decisions

    role = reader_role(as_)
    with session(write=False) as (s, _):
        found = decisions.listing(s, role, status=status, area=area, tag=tag, limit=limit or None)
    if fmt is Format.json:
        emit_json([listed_json(d) for d in found])
        return
    lang = ui_lang()
    heads = [("Id", "Id"), ("Titre", "Title"), ("Statut", "Status"), ("Domaine", "Area"),
             ("Niveau", "Level"), ("Visibilité", "Visibility")]  # fmt: skip
    table = Table(*(say(fr, en) for fr, en in heads))
    table.columns[0].overflow = "fold"  # ids are long: fold them rather than cut them
    for d in found:
        table.add_row(
            d.id, d.title, d.status.label(lang), d.area, str(int(d.level)) if d.level else "",
            d.visibility,
        )  # fmt: skip
    console().print(table)


def listed_json(d: Any) -> dict[str, Any]:
    return {
        "id": d.id,
        "title": d.title,
        "status": d.status.value,
        "date": d.date.isoformat() if d.date else None,
        "visibility": d.visibility,
        "area": d.area,
        "delegation_level": int(d.level) if d.level else None,
        "review_on": d.review_on.isoformat() if d.review_on else None,
        "tags": list(d.tags),
    }


@decide_app.command("show")
def show(
    ref: str = typer.Argument(..., help="The decision's id, or the start of it."),
    for_: Reader = typer.Option(Reader.tech, "--for", help="business or tech rendering."),
    as_: str = typer.Option("owner", "--as", help=ROLE_HELP),
    fmt: ShowFormat = typer.Option(ShowFormat.text, "--format", "-f"),
) -> None:
    """Show a decision: its technical rendering, or its business one (plain words).

    Example: passerelle decide show 2026-03-02-use-postgresql --for business
    """
    from passerelle.cli import decide_render as render
    from passerelle.domain.decisions import Decision
    from passerelle.services import decisions

    role = reader_role(as_)
    with session(write=False) as (s, _):
        found = decisions.get(s, ref, role)
    business = for_ is Reader.business or not isinstance(found, Decision)
    if for_ is Reader.tech and not isinstance(found, Decision):
        raise fail(
            decisions.InvalidInputError(
                decisions.B(
                    "Un lecteur métier ne voit que la version métier : --for business.",
                    "A business reader only sees the business version: --for business.",
                )
            )
        )
    lang = ui_lang()
    if fmt is ShowFormat.json:
        emit_json(render.business_json(found) if business else render.decision_json(found))
        return
    assert business or isinstance(found, Decision)
    text = (
        render.business_markdown(found, lang) if business else render.tech_markdown(found, lang)  # type: ignore[arg-type]
    )
    if fmt is ShowFormat.md:
        typer.echo(text, nl=False)
    else:
        console().print(Markdown(text))


@decide_app.command("edit")
def edit(
    ref: str = typer.Argument(..., help="The decision's id, or the start of it."),
    title: str | None = typer.Option(None, "--title"),
    context: str | None = typer.Option(None, "--context"),
    chosen: str | None = typer.Option(None, "--chosen"),
    because: str | None = typer.Option(None, "--because"),
    consequences: str | None = typer.Option(None, "--consequences"),
    area: str | None = typer.Option(None, "--area"),
    level: str | None = typer.Option(None, "--level", help="Delegation level: 1-7 or a name."),
    review: str | None = typer.Option(None, "--review", help="Review date."),
    tags: str | None = typer.Option(None, "--tags", help="Comma-separated tags (replaces)."),
    value: str | None = typer.Option(None, "--value", help="Business: what it brings."),
    cost: str | None = typer.Option(None, "--cost", help="Business: what it costs."),
    risk: str | None = typer.Option(None, "--risk", help="Business: the risks."),
    timing: str | None = typer.Option(None, "--timing", help="Business: when."),
) -> None:
    """Change parts of a decision; the business version is checked again.

    Example: passerelle decide edit 2026-03-02-use-postgresql --risk "Low: we can go back in a day."
    """
    from passerelle.cli import decide_input
    from passerelle.services import decisions
    from passerelle.services.decision_rows import business_findings

    with session() as (s, _):
        current = decisions.get(s, ref, decisions.Role.OWNER)
        assert isinstance(current, decisions.Decision)
        business = decide_input.merged_business(current.business, value, cost, risk, timing)
        changes = {
            "title": title, "context": context, "chosen_option": chosen, "rationale": because,
            "consequences": consequences, "area": area, "delegation_level": level,
            "review_on": day(review) if review else None,
            "tags": decide_input.tag_list(tags) if tags is not None else None,
            "business": business,
        }  # fmt: skip
        updated = decisions.edit(s, current.id, changes)
    typer.echo(say(f"Modifiée : {updated.id}", f"Updated: {updated.id}"))
    _findings(business_findings(updated.business))


# The commands of a decision's life after it is logged, registered after the ones above (the
# order ``decide --help`` lists them in).
from passerelle.cli import decide_flow  # noqa: E402, F401


def register(app: typer.Typer) -> None:
    app.add_typer(decide_app, name="decide")
