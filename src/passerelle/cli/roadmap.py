"""``passerelle roadmap``: company objectives, what serves each, and what serves none."""

from __future__ import annotations

import typer

from passerelle.cli.workspace import Format, console, day, emit_json, say, session

roadmap_app = typer.Typer(help="Company objectives and the work that serves them.")


@roadmap_app.callback(invoke_without_command=True)
def roadmap(
    ctx: typer.Context,
    since: str | None = typer.Option(None, "--since", help="Only work from this day on."),
    fmt: Format = typer.Option(Format.text, "--format", "-f"),
) -> None:
    """Show what serves which objective, and what serves none.

    Example: passerelle roadmap --since 2026-09-01
    """
    if ctx.invoked_subcommand is not None:
        return
    from passerelle.domain.pillars import WorkItem
    from passerelle.services import roadmap as service

    with session(write=False) as (s, _):
        found = service.roadmap(s, day(since) if since else None)

    def item(w: WorkItem) -> dict[str, str]:
        return {"kind": w.kind, "key": w.key, "title": w.title, "on": w.on.isoformat()}

    if fmt is Format.json:
        emit_json(
            {
                "objectives": [
                    {"id": o.id, "title": o.title, "items": [item(w) for w in o.items]}
                    for o in found.objectives
                ],
                "unlinked": [item(w) for w in found.unlinked],
            }
        )
        return
    out = console()
    for o in found.objectives:
        out.print(f"[bold]#{o.id} {o.title}[/bold] ({len(o.items)})")
        for w in o.items:
            label = service.KIND_LABELS[w.kind]
            out.print(f"  {w.on} {say(label.fr, label.en)} {w.key.split(':')[1]}: {w.title}")
    if not found.objectives:
        out.print(
            say(
                "Aucun objectif : `passerelle roadmap add TITRE`.",
                "No objectives yet: `passerelle roadmap add TITLE`.",
            )
        )
    out.print(
        f"\n[bold]{say('Au service d’aucun objectif', 'Serving no objective')}[/bold] "
        f"({len(found.unlinked)})"
    )
    for w in found.unlinked[:30]:
        label = service.KIND_LABELS[w.kind]
        out.print(f"  {w.on} {say(label.fr, label.en)} {w.key.split(':')[1]}: {w.title}")


@roadmap_app.command("add")
def add(
    title: str = typer.Argument(..., help="The objective."),
    description: str = typer.Option("", "--description", help="What reaching it means."),
    today: str | None = typer.Option(None, "--today", help="The day it was set."),
) -> None:
    """Add a company objective.

    Example: passerelle roadmap add "Halve customer onboarding time"
    """
    from passerelle.services import roadmap as service

    with session() as (s, _):
        o = service.add(s, title, today=day(today), description=description)
    typer.echo(say(f"Objectif n° {o.id} : {o.title}", f"Objective #{o.id}: {o.title}"))


@roadmap_app.command("link")
def link(
    kind: str = typer.Argument(..., help="decision, request or commitment"),
    ref: str = typer.Argument(..., help="Its number (or a decision's slug)."),
    objective: str = typer.Argument(..., help="The objective (number or title)."),
) -> None:
    """Link a decision, request or commitment to the objective it serves.

    Example: passerelle roadmap link request 4 "Halve customer onboarding time"
    """
    from passerelle.services import roadmap as service

    with session() as (s, _):
        k, ref_id, goal = service.link(s, kind, ref, objective)
    typer.echo(f"{k} {ref_id} → {goal.title}")


def register(app: typer.Typer) -> None:
    app.add_typer(roadmap_app, name="roadmap")
