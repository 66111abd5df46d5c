"""``passerelle people add|list|show|edit|log|snooze`` and ``passerelle network``."""

from __future__ import annotations

from datetime import date
from typing import Any

import typer
from rich.table import Table

from passerelle.cli.workspace import Format, console, day, emit_json, say, session

people_app = typer.Typer(help="The people of your network, by circle.", no_args_is_help=True)

CIRCLE_HELP = "peer, mentor, team, ceo, business, expert, board"


def _view_json(view: Any) -> dict[str, Any]:
    return {
        "id": view.id,
        "name": view.name,
        "circle": view.circle,
        "organisation": view.organisation,
        "expertise": list(view.expertise),
        "cadence_days": view.cadence_days,
        "last_contact": view.last_contact.isoformat() if view.last_contact else None,
        "next_contact": view.next_contact.isoformat(),
        "overdue_days": view.overdue_days,
        "given": view.given,
        "received": view.received,
        "visibility": view.visibility,
    }


@people_app.command("add")
def add(
    name: str = typer.Argument(..., help="Full name."),
    circle: str = typer.Option(..., "--circle", "-c", help=CIRCLE_HELP),
    org: str = typer.Option("", "--org", help="Organisation."),
    expertise: str = typer.Option("", "--expertise", "-e", help="Comma-separated tags."),
    cadence: int | None = typer.Option(None, "--cadence", help="Days between contacts."),
    notes: str = typer.Option("", "--notes", help="Private notes."),
    visibility: str = typer.Option("private", "--visibility", help="private, team, business"),
) -> None:
    """Add someone to your network.

    Example: passerelle people add "Inès Roy" --circle peer --expertise "scaling,hiring"
    """
    from passerelle.services import people

    with session() as (s, _):
        person = people.add(
            s,
            name,
            circle,
            organisation=org,
            expertise=expertise,
            cadence_days=cadence,
            notes=notes,
            visibility=visibility,
        )
        typer.echo(
            say(f"Ajouté : {person.name} (#{person.id})", f"Added: {person.name} (#{person.id})")
        )


@people_app.command("list")
def list_(
    circle: str | None = typer.Option(None, "--circle", "-c", help=CIRCLE_HELP),
    overdue: bool = typer.Option(False, "--overdue", help="Only people overdue for contact."),
    fmt: Format = typer.Option(Format.text, "--format", "-f"),
) -> None:
    """List people with their next contact date.

    Example: passerelle people list --circle mentor --overdue
    """
    from passerelle.services import people

    with session(write=False) as (s, config):
        found = people.views(s, config, date.today(), circle)
    if overdue:
        found = [v for v in found if v.overdue_days]
    if fmt is Format.json:
        emit_json([_view_json(v) for v in found])
        return
    table = Table("#", say("Nom", "Name"), say("Cercle", "Circle"), "Organisation",
                  say("Prochain contact", "Next contact"), say("Retard", "Overdue"))  # fmt: skip
    for v in found:
        late = f"[red]{v.overdue_days} {say('j', 'd')}[/red]" if v.overdue_days else ""
        table.add_row(str(v.id), v.name, v.circle, v.organisation, v.next_contact.isoformat(), late)
    console().print(table)


@people_app.command("show")
def show(
    person: str = typer.Argument(..., help="Name, part of a name, or #id."),
    fmt: Format = typer.Option(Format.text, "--format", "-f"),
) -> None:
    """Show one person: cadence, reciprocity, notes and recent interactions.

    Example: passerelle people show Inès
    """
    from passerelle.services import people

    with session(write=False) as (s, config):
        detail = people.show(s, config, person, date.today())
        recent = [
            {
                "date": i.occurred_on.isoformat(),
                "kind": i.kind,
                "initiated_by": i.initiated_by,
                "gave": i.gave,
                "received": i.received,
                "summary": i.summary,
            }
            for i in detail.interactions
        ]
    data = _view_json(detail.view) | {"notes": detail.notes, "interactions": recent}
    if fmt is Format.json:
        emit_json(data)
        return
    v = detail.view
    out = console()
    out.print(
        f"[bold]{v.name}[/bold] — {v.circle} {('· ' + v.organisation) if v.organisation else ''}"
    )
    out.print(say("Expertise", "Expertise") + ": " + (", ".join(v.expertise) or "-"))
    out.print(say(f"Cadence : {v.cadence_days} j · prochain contact {v.next_contact}",
                  f"Cadence: {v.cadence_days} d · next contact {v.next_contact}"))  # fmt: skip
    if v.overdue_days:
        out.print(
            f"[red]{say('En retard de', 'Overdue by')} {v.overdue_days} {say('j', 'd')}[/red]"
        )
    out.print(
        say(
            f"Aide donnée {v.given} · reçue {v.received}",
            f"Help given {v.given} · received {v.received}",
        )
    )
    if detail.notes:
        out.print(say("Notes", "Notes") + f": {detail.notes}")
    for item in recent:
        text = item["summary"] or item["received"] or item["gave"]
        out.print(f"  {item['date']} {item['kind']} ({item['initiated_by']}) {text}")


@people_app.command("edit")
def edit(
    person: str = typer.Argument(..., help="Name, part of a name, or #id."),
    name: str | None = typer.Option(None, "--name"),
    circle: str | None = typer.Option(None, "--circle", "-c", help=CIRCLE_HELP),
    org: str | None = typer.Option(None, "--org"),
    expertise: str | None = typer.Option(None, "--expertise", "-e"),
    cadence: int | None = typer.Option(None, "--cadence"),
    notes: str | None = typer.Option(None, "--notes"),
    visibility: str | None = typer.Option(None, "--visibility"),
) -> None:
    """Change what you know about someone.

    Example: passerelle people edit Inès --cadence 21 --expertise "scaling,finops"
    """
    from passerelle.services import people

    with session() as (s, _):
        updated = people.edit(
            s,
            person,
            name=name,
            circle=circle,
            organisation=org,
            expertise=expertise,
            cadence_days=cadence,
            notes=notes,
            visibility=visibility,
        )
        typer.echo(say(f"Modifié : {updated.name}", f"Updated: {updated.name}"))


@people_app.command("log")
def log(
    person: str = typer.Argument(..., help="Name, part of a name, or #id."),
    summary: str = typer.Option("", "--summary", "-s", help="A short summary."),
    on: str | None = typer.Option(None, "--date", "-d", help="YYYY-MM-DD, today, -3d…"),
    kind: str = typer.Option("message", "--kind", help="meeting, call, message, meal, event…"),
    by: str = typer.Option("me", "--by", help="Who initiated it: me or them."),
    gave: str = typer.Option("", "--gave", help="What you gave."),
    received: str = typer.Option("", "--received", help="What you received."),
) -> None:
    """Log an interaction: it moves the next contact date.

    Example: passerelle people log Inès --kind meal --received "intro to a FinOps expert"
    """
    from passerelle.services import people

    when = day(on)
    with session() as (s, _):
        found = people.log(
            s, person, day=when, kind=kind, initiated_by=by, gave=gave, received=received,
            summary=summary,
        )  # fmt: skip
        typer.echo(say(f"Noté ({found.occurred_on}).", f"Logged ({found.occurred_on})."))


@people_app.command("snooze")
def snooze(
    person: str = typer.Argument(..., help="Name, part of a name, or #id."),
    until: str = typer.Option("+14d", "--until", help="YYYY-MM-DD or +Nd (default +14d)."),
) -> None:
    """Push someone's next contact to a later day.

    Example: passerelle people snooze Inès --until 2026-07-01
    """
    from passerelle.services import people

    when = day(until)
    with session() as (s, _):
        found = people.snooze(s, person, when)
        typer.echo(
            say(f"{found.name} : reporté au {when}.", f"{found.name}: snoozed until {when}.")
        )


def network(fmt: Format = typer.Option(Format.text, "--format", "-f")) -> None:
    """Your network: coverage per circle, who is overdue, reciprocity per person.

    Example: passerelle network --format json
    """
    from passerelle.services.network import network as build

    with session(write=False) as (s, config):
        report = build(s, config, date.today())
    if fmt is Format.json:
        emit_json(
            {
                "today": report.today.isoformat(),
                "coverage": [
                    {"circle": c.circle, "people": c.people, "overdue": c.overdue, "thin": c.thin}
                    for c in report.coverage
                ],
                "overdue": [_view_json(v) for v in report.overdue],
                "reciprocity": [
                    {"name": v.name, "given": v.given, "received": v.received}
                    for v in report.reciprocity
                ],
            }
        )
        return
    out = console()
    cover = Table(say("Cercle", "Circle"), say("Personnes", "People"), say("En retard", "Overdue"))
    for c in report.coverage:
        size = f"[red]{c.people}[/red]" if c.thin else str(c.people)
        cover.add_row(c.circle, size, str(c.overdue or ""))
    out.print(cover)
    if report.overdue:
        out.print(say("[bold]En retard[/bold]", "[bold]Overdue[/bold]"))
        for v in report.overdue[:20]:
            out.print(f"  {v.name} ({v.circle}) — {v.overdue_days} {say('j', 'd')}")
    out.print(
        say(
            "[bold]Réciprocité[/bold] (donné / reçu)", "[bold]Reciprocity[/bold] (given / received)"
        )
    )
    for v in report.reciprocity[:15]:
        out.print(f"  {v.name}: {v.given} / {v.received}")


def register(app: typer.Typer) -> None:
    app.add_typer(people_app, name="people")
    app.command("network")(network)
