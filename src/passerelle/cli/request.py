"""``passerelle request add|score|plan|accept|decline|done|list|show``: business requests,
WSJF against the team's capacity, and the trade-off written for the requester."""

from __future__ import annotations

from typing import Any

import typer
from rich.table import Table

from passerelle.cli.workspace import Format, console, day, emit_json, say, session

request_app = typer.Typer(help="Business requests, prioritised in the open.", no_args_is_help=True)
SCALE = "1, 2, 3, 5, 8, 13, 20"


def _json(r: Any) -> dict[str, Any]:
    score = r.score
    return {
        "id": r.id,
        "title": r.title,
        "why": r.why,
        "requester": r.requester,
        "department": r.department,
        "received_on": r.received_on.isoformat(),
        "desired_on": r.desired_on.isoformat() if r.desired_on else None,
        "status": r.status.value,
        "lang": r.lang,
        "wsjf": score.wsjf if score else None,
        "score": None
        if score is None
        else {
            "business_value": score.business_value,
            "time_criticality": score.time_criticality,
            "risk_opportunity": score.risk_opportunity,
            "job_size": score.job_size,
        },
        "history": [
            {
                "on": h.changed_on.isoformat(),
                "from": h.old_status,
                "to": h.new_status,
                "explanation": h.explanation,
            }
            for h in r.history
        ],
    }


@request_app.command("add")
def add(
    requester: str = typer.Argument(..., help="Who asks (a person of the network)."),
    title: str = typer.Argument(..., help="What is asked."),
    why: str = typer.Option("", "--why", help="Why it matters to them."),
    department: str = typer.Option("", "--department", help="Their department."),
    desired: str | None = typer.Option(None, "--by", help="The date they would like it by."),
    lang: str | None = typer.Option(None, "--lang", help="Their language (detected otherwise)."),
    today: str | None = typer.Option(None, "--today", help="The day it was received."),
) -> None:
    """Record a business request.

    Example: passerelle request add "Hugo Bernard" "Export invoices to the new ERP" --by 2027-01-15
    """
    from passerelle.services import requests

    with session() as (s, _):
        r = requests.add(
            s,
            requester,
            title,
            today=day(today),
            why=why,
            department=department,
            desired_on=day(desired) if desired else None,
            lang=lang,
        )
    typer.echo(say(f"Demande n° {r.id} reçue.", f"Request #{r.id} received."))


@request_app.command("score")
def score(
    request: int = typer.Argument(..., help="The request's number."),
    value: str = typer.Option(..., "--value", help=f"Business value ({SCALE})."),
    urgency: str = typer.Option(..., "--urgency", help=f"Time criticality ({SCALE})."),
    risk: str = typer.Option(..., "--risk", help=f"Risk reduction or opportunity ({SCALE})."),
    size: str = typer.Option(..., "--size", help=f"Job size ({SCALE})."),
) -> None:
    """Score a request with WSJF, each part on the Fibonacci scale.

    Example: passerelle request score 4 --value 8 --urgency 5 --risk 3 --size 5
    """
    from passerelle.services import requests

    with session() as (s, _):
        r = requests.score(s, request, value, urgency, risk, size)
    assert r.score is not None
    typer.echo(f"#{r.id}: WSJF {r.score.wsjf:.2f}")


def _change(request: int, status: str, note: str, today: str | None) -> None:
    from passerelle.domain.tradeoff import RequestStatus
    from passerelle.services import requests

    with session() as (s, config):
        r = requests.change(s, config, request, RequestStatus(status), day(today), note)
    typer.echo(r.explanation)


@request_app.command("plan")
def plan(
    request: int | None = typer.Argument(None, help="Plan this request; show the plan if omitted."),
    note: str = typer.Option("", "--note", help="Your own words for the requester."),
    capacity: float | None = typer.Option(
        None, "--capacity", help="Points per period (config otherwise)."
    ),
    today: str | None = typer.Option(None, "--today", help="As of this day."),
    fmt: Format = typer.Option(Format.text, "--format", "-f"),
) -> None:
    """Show the queue against the team's capacity, or plan one request (with its trade-off).

    Example: passerelle request plan 4 --note "after the billing migration"
    """
    if request is not None:
        _change(request, "planned", note, today)
        return
    from passerelle.services import requests

    with session(write=False) as (s, config):
        queue = requests.queue(s, config, capacity)
        waiting = requests.unscored(s)
    if fmt is Format.json:
        emit_json(
            {
                "capacity": queue.capacity.points_per_period,
                "placements": [
                    {
                        "id": int(p.candidate.key),
                        "title": p.candidate.title,
                        "wsjf": p.candidate.score.wsjf,
                        "start_week": p.start_week,
                        "end_week": p.end_week,
                        "period": p.period,
                    }
                    for p in queue.placements
                ],
                "unscored": [r.id for r in waiting],
            }
        )
        return
    table = Table(
        "#", say("Demande", "Request"), "WSJF", say("Semaines", "Weeks"), say("Période", "Period")
    )
    for p in queue.placements:
        span = f"{p.start_week:.1f} → {p.end_week:.1f}"
        when = say("cette période", "this period") if p.period == 0 else f"+{p.period}"
        table.add_row(
            p.candidate.key, p.candidate.title, f"{p.candidate.score.wsjf:.2f}", span, when
        )
    console().print(table)
    if waiting:
        ids = ", ".join(f"#{r.id}" for r in waiting)
        console().print(say(f"À noter d’abord : {ids}", f"To score first: {ids}"))


@request_app.command("accept")
def accept(
    request: int = typer.Argument(..., help="The request's number."),
    note: str = typer.Option("", "--note", help="Your own words for the requester."),
    today: str | None = typer.Option(None, "--today", help="As of this day."),
) -> None:
    """Start a request now; the trade-off says what moves back.

    Example: passerelle request accept 4
    """
    _change(request, "accepted", note, today)


@request_app.command("decline")
def decline(
    request: int = typer.Argument(..., help="The request's number."),
    reason: str = typer.Option("", "--reason", help="Why, in your words."),
    today: str | None = typer.Option(None, "--today", help="As of this day."),
) -> None:
    """Decline a request, with the reasons written for the requester.

    Example: passerelle request decline 4 --reason "the ERP changes next year"
    """
    _change(request, "declined", reason, today)


@request_app.command("done")
def done(
    request: int = typer.Argument(..., help="The request's number."),
    today: str | None = typer.Option(None, "--today", help="As of this day."),
) -> None:
    """Mark an accepted request delivered.

    Example: passerelle request done 4
    """
    _change(request, "done", "", today)


@request_app.command("list")
def list_(
    status: str | None = typer.Option(
        None, "--status", help="received, planned, accepted, declined, done"
    ),
    fmt: Format = typer.Option(Format.text, "--format", "-f"),
) -> None:
    """List business requests with their status and score.

    Example: passerelle request list --status received
    """
    from passerelle.services import requests

    with session(write=False) as (s, _):
        found = requests.listing(s, status=status)
    if fmt is Format.json:
        emit_json([_json(r) for r in found])
        return
    table = Table(
        "#",
        say("Demande", "Request"),
        say("Par", "From"),
        say("Reçue", "Received"),
        say("État", "Status"),
        "WSJF",
    )
    for r in found:
        label = requests.STATUS_LABELS[r.status]
        wsjf = f"{r.score.wsjf:.2f}" if r.score else "-"
        table.add_row(
            str(r.id),
            r.title,
            r.requester,
            r.received_on.isoformat(),
            say(label.fr, label.en),
            wsjf,
        )
    console().print(table)


@request_app.command("show")
def show(
    request: int = typer.Argument(..., help="The request's number."),
    fmt: Format = typer.Option(Format.text, "--format", "-f"),
) -> None:
    """Show a request and every status change with its explanation.

    Example: passerelle request show 4
    """
    from passerelle.services import requests

    with session(write=False) as (s, _):
        r = requests.show(s, request)
    if fmt is Format.json:
        emit_json(_json(r))
        return
    out = console()
    out.print(f"[bold]#{r.id} {r.title}[/bold] — {r.requester} {r.department}".rstrip())
    for h in r.history:
        out.print(f"  {h.changed_on} {h.old_status} → {h.new_status}: {h.explanation}")


def register(app: typer.Typer) -> None:
    app.add_typer(request_app, name="request")
