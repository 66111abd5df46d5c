"""``passerelle decide new|list|show|edit|accept|reject|deprecate|supersede|share|review|import|
export``: the decision log on the command line, a few lines over ``services.decisions``.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
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


def _lang() -> str:
    return settings().ui_lang


def _role(text: str) -> Any:
    from passerelle.services.decisions import role_of

    try:
        return role_of(text)
    except PasserelleError as error:
        raise fail(error) from None


def _guidance(created: Any) -> None:
    lang = _lang()
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

    role = _role(as_)
    with session(write=False) as (s, _):
        found = decisions.listing(s, role, status=status, area=area, tag=tag, limit=limit or None)
    if fmt is Format.json:
        emit_json([_listed_json(d) for d in found])
        return
    lang = _lang()
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


def _listed_json(d: Any) -> dict[str, Any]:
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

    role = _role(as_)
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
    lang = _lang()
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


def _move(ref: str, to: str, by: str, reason: str, on: str | None) -> None:
    from passerelle.services import decisions

    when = day(on)
    with session() as (s, _):
        moved = decisions.move(s, ref, decisions.Status(to), today=when, by=by, reason=reason)
    lang = _lang()
    typer.echo(f"{moved.id}: {moved.status.label(lang)}")


BY = typer.Option("", "--by", help="Who made the call.")
REASON = typer.Option("", "--reason", help="Why, in a sentence.")
ON = typer.Option(None, "--date", help="When (default today).")


@decide_app.command("accept")
def accept(ref: str = typer.Argument(...), by: str = BY, reason: str = REASON,
           on: str | None = ON) -> None:  # fmt: skip
    """Accept a proposed decision.

    Example: passerelle decide accept 2026-03-02-use-postgresql --by "Claire Martin"
    """
    _move(ref, "accepted", by, reason, on)


@decide_app.command("reject")
def reject(ref: str = typer.Argument(...), by: str = BY, reason: str = REASON,
           on: str | None = ON) -> None:  # fmt: skip
    """Reject a proposed decision (it may be proposed again later).

    Example: passerelle decide reject 2026-03-02-use-mongodb --reason "No one can run it"
    """
    _move(ref, "rejected", by, reason, on)


@decide_app.command("deprecate")
def deprecate(ref: str = typer.Argument(...), by: str = BY, reason: str = REASON,
              on: str | None = ON) -> None:  # fmt: skip
    """Mark an accepted decision as no longer applying, with nothing to replace it.

    Example: passerelle decide deprecate 2024-02-01-weekly-release-train
    """
    _move(ref, "deprecated", by, reason, on)


@decide_app.command("supersede")
def supersede(
    old: str = typer.Argument(..., help="The decision being replaced."),
    new: str = typer.Option(..., "--by", help="The decision that replaces it."),
    reason: str = REASON,
    on: str | None = ON,
) -> None:
    """Replace a decision by a newer one (linked both ways; cycles are refused).

    Example: passerelle decide supersede 2025-01-10-deploy-with-scripts --by 2026-02-01-pipeline
    """
    from passerelle.services import decisions

    when = day(on)
    with session() as (s, _):
        older, newer = decisions.supersede(s, old, new, today=when, reason=reason)
    typer.echo(say(f"{older.id} remplacée par {newer.id}", f"{older.id} superseded by {newer.id}"))


@decide_app.command("share")
def share(
    ref: str = typer.Argument(...),
    with_: str = typer.Option("business", "--with", help="private, team or business."),
    force: bool = typer.Option(False, "--force", help="Share despite checker errors."),
    reason: str = typer.Option("", "--reason", help="Why it is forced (kept)."),
) -> None:
    """Share a decision; with the business only when its business version reads plainly.

    Example: passerelle decide share 2026-03-02-use-postgresql --with business
    """
    from passerelle.cli.decide_render import findings_lines
    from passerelle.services import decisions

    today = day(None)
    refused = None
    with session() as (s, _):
        try:
            shared = decisions.share(s, ref, with_, today=today, force=force, reason=reason)
        except decisions.ShareRefusedError as error:
            refused = error  # nothing was changed: show the findings, then fail
    if refused is not None:
        for line in findings_lines(refused.findings):
            typer.echo(line, err=True)
        raise fail(refused)
    typer.echo(say(f"{shared.id} : visible par {shared.visibility.value}",
                   f"{shared.id}: visible to {shared.visibility.value}"))  # fmt: skip
    if shared.share_override:
        typer.echo(say(f"Partage forcé, raison gardée : {shared.share_override}",
                       f"Share forced, reason kept: {shared.share_override}"))  # fmt: skip


@decide_app.command("review")
def review(
    ref: str | None = typer.Argument(None, help="A decision reviewed today (else: list due)."),
    next_on: str | None = typer.Option(None, "--next", help="Next review (default +91 days)."),
    note: str = typer.Option("", "--note", help="What the review concluded."),
    as_: str = typer.Option("owner", "--as", help=ROLE_HELP),
    fmt: Format = typer.Option(Format.text, "--format", "-f"),
) -> None:
    """List decisions due for review, or record that one was reviewed and when to look again.

    Example: passerelle decide review 2026-03-02-use-postgresql --next 2027-03-01
    """
    from passerelle.services import decision_review as decisions

    today = day(None)
    if ref is not None:
        with session() as (s, _):
            upcoming = day(next_on) if next_on else None
            done = decisions.reviewed(s, ref, today=today, next_on=upcoming, note=note)
        typer.echo(say(f"{done.id} revue ; prochaine revue le {done.review_on}",
                       f"{done.id} reviewed; next review on {done.review_on}"))  # fmt: skip
        return
    with session(write=False) as (s, _):
        found = decisions.due(s, _role(as_), today)
    if fmt is Format.json:
        emit_json([_listed_json(d) for d in found])
        return
    if not found:
        typer.echo(say("Aucune décision à revoir.", "No decision due for review."))
    for d in found:
        typer.echo(f"{d.review_on}  {d.id}  {d.title}")


@decide_app.command("import")
def import_(
    folder: Path = typer.Argument(..., help="A folder of Markdown decision records."),
    fmt: Format = typer.Option(Format.text, "--format", "-f"),
) -> None:
    """Import decision records (MADR 4/3/2, log4brains, Nygard); importing twice adds nothing.

    Example: passerelle decide import docs/decisions
    """
    from passerelle.cli.decide_io import run_import

    run_import(folder, fmt is Format.json)


@decide_app.command("export")
def export(
    folder: Path = typer.Argument(..., help="Where to write one MADR 4 file per decision."),
    as_: str = typer.Option("owner", "--as", help=ROLE_HELP),
) -> None:
    """Export decisions as MADR 4 files, which `decide import` reads back unchanged.

    Example: passerelle decide export docs/decisions
    """
    from passerelle.services import decision_records

    role = _role(as_)
    with session(write=False) as (s, _):
        written = decision_records.export_folder(s, folder, role)
    typer.echo(say(f"{len(written)} fichier(s) écrit(s) dans {folder}",
                   f"{len(written)} file(s) written to {folder}"))  # fmt: skip


def register(app: typer.Typer) -> None:
    app.add_typer(decide_app, name="decide")
