"""``passerelle comms plan|log|due|group``: who hears from you, how often, in what form."""

from __future__ import annotations

import typer
from rich.table import Table

from passerelle.cli.workspace import Format, console, day, emit_json, say, session

comms_app = typer.Typer(help="The communication plan and what is overdue.", no_args_is_help=True)


@comms_app.command("plan")
def plan(
    audience: str | None = typer.Argument(
        None, help="A person or a group; the whole plan if omitted."
    ),
    cadence: str = typer.Option(
        "monthly", "--cadence", help="Days, or weekly, fortnightly, monthly, quarterly."
    ),
    fmt_: str = typer.Option("digest", "--as", help="one_to_one, digest, meeting, email, demo"),
    grace: int = typer.Option(0, "--grace", help="Days late that still count as on time."),
    today: str | None = typer.Option(None, "--today", help="The day the audience joins the plan."),
    fmt: Format = typer.Option(Format.text, "--format", "-f"),
) -> None:
    """Show the plan, or set an audience's cadence and format.

    Example: passerelle comms plan "Claire Martin" --cadence weekly --as one_to_one
    """
    from passerelle.services import comms

    if audience is not None:
        with session() as (s, _):
            p = comms.set_plan(
                s, audience, cadence=cadence, fmt=fmt_, today=day(today), grace_days=grace
            )
        typer.echo(
            say(
                f"{p.stakeholder.name} : tous les {p.cadence_days} jours ({p.format.value}).",
                f"{p.stakeholder.name}: every {p.cadence_days} days ({p.format.value}).",
            )
        )
        return
    with session(write=False) as (s, _):
        rows = comms.plan_views(s)
    if fmt is Format.json:
        emit_json(
            [
                {
                    "audience": p.stakeholder.name,
                    "cadence_days": p.cadence_days,
                    "format": p.format.value,
                    "since": p.since.isoformat(),
                    "grace_days": p.grace_days,
                }
                for p in rows
            ]
        )
        return
    table = Table(say("Public", "Audience"), say("Cadence (j)", "Cadence (d)"), "Format")
    for p in rows:
        label = comms.FORMAT_LABELS[p.format]
        table.add_row(p.stakeholder.name, str(p.cadence_days), say(label.fr, label.en))
    console().print(table)


@comms_app.command("log")
def log(
    audience: str = typer.Argument(..., help="A person or a group."),
    on: str | None = typer.Option(None, "--on", help="The day (default today)."),
    fmt_: str | None = typer.Option(None, "--as", help="one_to_one, digest, meeting, email, demo"),
    summary: str = typer.Option("", "--summary", help="What was said, briefly."),
) -> None:
    """Log a communication with an audience.

    Example: passerelle comms log "Claire Martin" --as one_to_one --summary "hiring plan"
    """
    from passerelle.services import comms

    with session() as (s, _):
        who = comms.log(s, audience, on=day(on), fmt=fmt_, summary=summary)
    typer.echo(say(f"Noté : {who.name}.", f"Logged: {who.name}."))


@comms_app.command("due")
def due(
    overdue: bool = typer.Option(False, "--overdue", help="Only what is overdue."),
    today: str | None = typer.Option(None, "--today", help="As of this day."),
    fmt: Format = typer.Option(Format.text, "--format", "-f"),
) -> None:
    """What is due next for each audience, most overdue first.

    Example: passerelle comms due --overdue
    """
    from passerelle.services import comms

    with session(write=False) as (s, _):
        rows = comms.due(s, day(today), overdue_only=overdue)
    if fmt is Format.json:
        emit_json(
            [
                {
                    "audience": d.name,
                    "cadence_days": d.cadence_days,
                    "format": d.format.value,
                    "last": d.last.isoformat() if d.last else None,
                    "next_due": d.next_due.isoformat(),
                    "overdue_days": d.overdue_days,
                }
                for d in rows
            ]
        )
        return
    table = Table(
        say("Public", "Audience"),
        say("Dernière", "Last"),
        say("Prochaine", "Next"),
        say("Retard", "Overdue"),
    )
    for d in rows:
        late = f"[red]{d.overdue_days} {say('j', 'd')}[/red]" if d.overdue_days else ""
        table.add_row(d.name, d.last.isoformat() if d.last else "-", d.next_due.isoformat(), late)
    console().print(table)


@comms_app.command("group")
def group(
    name: str = typer.Argument(..., help="The group's name, e.g. 'Executive committee'."),
    lang: str = typer.Option("en", "--lang", help="The language it reads: fr or en."),
) -> None:
    """Add a group of stakeholders (an audience that is not one person).

    Example: passerelle comms group "Comité de direction" --lang fr
    """
    from passerelle.services import stakeholders

    with session() as (s, _):
        g = stakeholders.add_group(s, name, lang)
    typer.echo(say(f"Groupe ajouté : {g.name}.", f"Group added: {g.name}."))


def register(app: typer.Typer) -> None:
    app.add_typer(comms_app, name="comms")
