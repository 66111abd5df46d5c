"""``passerelle delegate set|show|board``: the delegation board, a few lines over
``services.delegation``. The board is drawn as a grid on a terminal, as Markdown or as JSON.
"""

from __future__ import annotations

from enum import StrEnum

import typer
from rich.table import Table

from passerelle.cli.workspace import console, day, emit_json, say, session, settings

delegate_app = typer.Typer(
    help="The delegation board: who decides what, at which of the seven levels.",
    no_args_is_help=True,
)


class BoardFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"


@delegate_app.command("set")
def set_(
    area: str = typer.Argument(..., help="The decision area, e.g. 'Choice of libraries'."),
    holder: str | None = typer.Argument(None, help="The team or person (omit to frame only)."),
    level: str | None = typer.Option(None, "--level", "-l", help="Current level: 1-7 or a name."),
    target: str | None = typer.Option(None, "--target", "-t", help="Target level."),
    guardrail: list[str] = typer.Option([], "--guardrail", help="A limit of the area (repeat)."),
    standard: list[str] = typer.Option([], "--standard", help="A standard of the area (repeat)."),
    note: str = typer.Option("", "--note", help="Why it changes."),
    on: str | None = typer.Option(None, "--date", help="When (default today)."),
) -> None:
    """Set an area's level for a team (current and/or target), or frame the area.

    Levels: 1 tell, 2 sell, 3 consult, 4 agree, 5 advise, 6 inquire, 7 delegate (French names
    and usual alternatives such as 'consensus' are accepted).

    Example: passerelle delegate set "Choice of libraries" Payments --level advise --target 7
    """
    from passerelle.services import delegation

    when = day(on)
    lang = settings().ui_lang
    with session() as (s, _):
        if guardrail or standard:
            delegation.frame(s, area, guardrails=guardrail or None, standards=standard or None)
        if holder is None:
            if not (guardrail or standard):
                raise delegation.InvalidInputError(
                    delegation.B(
                        "Nommez une équipe avec --level, ou donnez --guardrail/--standard.",
                        "Name a team with --level, or give --guardrail/--standard.",
                    )
                )
            typer.echo(say(f"Cadre de « {area} » enregistré.", f"Frame of '{area}' saved."))
            return
        cell = delegation.set_level(
            s, area, holder, on=when, current=level, target=target, note=note
        )
    goal = f" → {cell.target.label(lang)}" if cell.target else ""
    typer.echo(f"{cell.area} × {cell.holder}: {cell.current.label(lang)}{goal}")


@delegate_app.command("show")
def show(
    area: str = typer.Argument(..., help="The decision area."),
    fmt: BoardFormat = typer.Option(BoardFormat.text, "--format", "-f", help="text, json"),
) -> None:
    """Show one area: its frame, and who decides how for each team.

    Example: passerelle delegate show "Production releases"
    """
    from passerelle.domain.delegation import who_decides
    from passerelle.services import delegation

    lang = settings().ui_lang
    with session(write=False) as (s, _):
        view = delegation.show(s, area)
    if fmt is BoardFormat.json:
        emit_json(
            {
                "area": view.area.name,
                "guardrails": list(view.area.guardrails),
                "standards": list(view.area.standards),
                "cells": [
                    {"holder": c.holder, "current": int(c.current),
                     "target": int(c.target) if c.target else None,
                     "since": c.since.isoformat(),
                     "who_decides": who_decides(c.current, c.holder, lang)}
                    for c in view.cells
                ],
            }
        )  # fmt: skip
        return
    out = console()
    out.print(f"[bold]{view.area.name}[/bold]")
    for g in view.area.guardrails:
        out.print(say("  Garde-fou : ", "  Guardrail: ") + g)
    for st in view.area.standards:
        out.print("  Standard: " + st)
    for c in view.cells:
        goal = f" → {c.target.label(lang)}" if c.target and c.target != c.current else ""
        out.print(
            f"- {c.holder}: {c.current.label(lang)}{goal} ({say('depuis', 'since')} {c.since})"
        )
        out.print(f"  {who_decides(c.current, c.holder, lang)}")


@delegate_app.command("board")
def board(
    fmt: BoardFormat = typer.Option(BoardFormat.text, "--format", "-f", help="text, md, json"),
) -> None:
    """The whole board: decision areas × teams, each at its level (and its target).

    Example: passerelle delegate board --format md > delegation.md
    """
    from passerelle.domain.delegation_board import render_markdown
    from passerelle.services import delegation

    lang = settings().ui_lang
    with session(write=False) as (s, _):
        current = delegation.board(s)
    if fmt is BoardFormat.json:
        emit_json(current.to_dict())
        return
    if fmt is BoardFormat.md:
        typer.echo(render_markdown(current, lang), nl=False)
        return
    table = Table(say("Domaine", "Area"), *current.holders, show_lines=True)
    for a in current.areas:
        cells = []
        for h in current.holders:
            c = current.cell(a.name, h)
            if c is None:
                cells.append("—")
                continue
            text = c.current.label(lang)
            if c.target and c.target != c.current:
                text += f"\n[dim]→ {c.target.label(lang)}[/dim]"
            cells.append(text)
        table.add_row(a.name, *cells)
    console().print(table)
    if not current.areas:
        typer.echo(
            say(
                "Tableau vide : `passerelle delegate set`.",
                "Empty board: `passerelle delegate set`.",
            )
        )


def register(app: typer.Typer) -> None:
    app.add_typer(delegate_app, name="delegate")
