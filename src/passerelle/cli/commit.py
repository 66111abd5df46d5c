"""``passerelle commit add|done|renegotiate|break|list``: promises made to stakeholders."""

from __future__ import annotations

from typing import Any

import typer
from rich.table import Table

from passerelle.cli.workspace import Format, console, day, emit_json, say, session

commit_app = typer.Typer(
    help="Commitments made to stakeholders, and how they ended.", no_args_is_help=True
)


def _json(c: Any) -> dict[str, Any]:
    return {
        "id": c.id,
        "what": c.what,
        "to": c.to,
        "made_on": c.made_on.isoformat(),
        "due": c.due.isoformat(),
        "original_due": c.original_due.isoformat(),
        "confidence": c.confidence,
        "status": c.status.value,
        "closed_on": c.closed_on.isoformat() if c.closed_on else None,
        "reason": c.reason,
        "overdue_days": c.overdue_days,
        "renegotiations": [
            {
                "on": r.on.isoformat(),
                "old_due": r.old_due.isoformat(),
                "new_due": r.new_due.isoformat(),
                "reason": r.reason,
            }
            for r in c.renegotiations
        ],
        "visibility": c.visibility,
    }


def _status(c: Any) -> str:
    from passerelle.services.commitments import STATUS_LABELS

    return say(STATUS_LABELS[c.status].fr, STATUS_LABELS[c.status].en)


@commit_app.command("add")
def add(
    to: str = typer.Argument(..., help="To whom: a person (name or #id) or a group."),
    what: str = typer.Argument(..., help="What is promised, in the words you used."),
    due: str = typer.Option(..., "--due", help="Due date: YYYY-MM-DD or +14d."),
    confidence: float = typer.Option(0.8, "--confidence", help="How sure you are, 0 to 1."),
    lang: str | None = typer.Option(None, "--lang", help="fr or en (detected otherwise)."),
    visibility: str = typer.Option("business", "--visibility", help="private, team, business"),
    yes: bool = typer.Option(False, "--yes", "-y", help="Save even with an over-promise."),
    today: str | None = typer.Option(None, "--today", help="The day the promise is made."),
    fmt: Format = typer.Option(Format.text, "--format", "-f"),
) -> None:
    """Record a promise. Its wording is checked for over-promises first.

    Example: passerelle commit add "Claire Martin" "Send the migration plan" --due +14d
    """
    from passerelle.services import commitments

    when = day(today)
    due_day = day(due)
    found = commitments.overpromises(what, lang)
    if found:
        out = console()
        for f in found:
            out.print(
                f"[yellow]⚠ {f.message}[/yellow]" + (f" {f.suggestion}" if f.suggestion else "")
            )
        if not yes and not typer.confirm(say("Enregistrer quand même ?", "Save it anyway?")):
            typer.echo(say("Non enregistré.", "Not saved."), err=True)
            raise typer.Exit(1)
    with session() as (s, _):
        c = commitments.add(
            s,
            to,
            what,
            due=due_day,
            today=when,
            confidence=confidence,
            lang=lang,
            visibility=visibility,
        )
    if fmt is Format.json:
        emit_json(_json(c))
        return
    typer.echo(
        say(
            f"Engagement n° {c.id} envers {c.to}, pour le {c.due}.",
            f"Commitment #{c.id} to {c.to}, due {c.due}.",
        )
    )


@commit_app.command("done")
def done(
    commitment: int = typer.Argument(..., help="The commitment's number."),
    on: str | None = typer.Option(None, "--on", help="Delivery day (default today)."),
) -> None:
    """Mark a commitment delivered: kept, kept early or late, from the date.

    Example: passerelle commit done 12 --on 2026-11-20
    """
    from passerelle.services import commitments

    with session() as (s, _):
        c = commitments.done(s, commitment, day(on))
    typer.echo(f"#{c.id}: {_status(c)}")


@commit_app.command("renegotiate")
def renegotiate(
    commitment: int = typer.Argument(..., help="The commitment's number."),
    due: str = typer.Option(..., "--due", help="The new due date."),
    reason: str = typer.Option(..., "--reason", help="Why the date moves."),
    on: str | None = typer.Option(None, "--on", help="The day it was agreed (default today)."),
) -> None:
    """Agree a new due date before the current one passes (costs far less trust than a
    broken promise).

    Example: passerelle commit renegotiate 12 --due 2026-12-15 --reason "the supplier is late"
    """
    from passerelle.services import commitments

    with session() as (s, _):
        c = commitments.renegotiate(s, commitment, day(on), day(due), reason)
    typer.echo(say(f"#{c.id} : nouvelle date {c.due}.", f"#{c.id}: new due date {c.due}."))


@commit_app.command("break")
def break_(
    commitment: int = typer.Argument(..., help="The commitment's number."),
    reason: str = typer.Option("", "--reason", help="Why it will not be delivered."),
    on: str | None = typer.Option(None, "--on", help="The day (default today)."),
) -> None:
    """Mark a commitment broken: it will not be delivered.

    Example: passerelle commit break 12 --reason "the project was stopped"
    """
    from passerelle.services import commitments

    with session() as (s, _):
        c = commitments.break_(s, commitment, day(on), reason)
    typer.echo(f"#{c.id}: {_status(c)}")


@commit_app.command("list")
def list_(
    to: str | None = typer.Option(None, "--to", help="Only those made to this stakeholder."),
    status: str | None = typer.Option(
        None, "--status", help="open, renegotiated, kept, kept_early, late, broken"
    ),
    today: str | None = typer.Option(None, "--today", help="Late as of this day."),
    fmt: Format = typer.Option(Format.text, "--format", "-f"),
) -> None:
    """List commitments, soonest due first.

    Example: passerelle commit list --status open
    """
    from passerelle.services import commitments

    when = day(today)
    with session(write=False) as (s, _):
        found = commitments.listing(s, when, to=to, status=status)
    if fmt is Format.json:
        emit_json([_json(c) for c in found])
        return
    table = Table(
        "#",
        say("Promis", "Promised"),
        say("À", "To"),
        say("Échéance", "Due"),
        say("État", "Status"),
    )
    for c in found:
        state = _status(c)
        if c.overdue_days:
            state = f"[red]{state} (+{c.overdue_days} {say('j', 'd')})[/red]"
        table.add_row(str(c.id), c.what, c.to, c.due.isoformat(), state)
    console().print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(commit_app, name="commit")
