"""``passerelle trust [PERSON]``: trust per stakeholder, its trend as a terminal chart, the
events that moved it most, and the four pillars. Private to the owner."""

from __future__ import annotations

from typing import Any

import typer
from rich.table import Table

from passerelle.cli.workspace import Format, console, day, emit_json, say, session

KIND_LABELS = {
    "kept": ("promesse tenue", "promise kept"),
    "kept_early": ("promesse tenue en avance", "promise kept early"),
    "on_cadence": ("communication au rythme prévu", "communication on cadence"),
    "renegotiated": ("date renégociée à temps", "date renegotiated in time"),
    "late": ("livré en retard", "delivered late"),
    "broken": ("promesse non tenue", "promise broken"),
    "surprise": ("surprise", "surprise"),
}


def chart(points: Any, width: int = 72, height: int = 14) -> str:
    """The trend of expected trust as a plotext line chart, without colour codes."""
    import plotext as plt  # type: ignore[import-untyped]

    plt.clear_figure()
    plt.plotsize(width, height)
    plt.date_form("Y-m-d")
    plt.theme("clear")
    plt.plot([p.on.isoformat() for p in points], [p.expected for p in points], marker="braille")
    plt.ylim(0, 1)
    return str(plt.uncolorize(plt.build()))


def _pct(value: float) -> str:
    return f"{round(value * 100)}\u202f%" if say("fr", "en") == "fr" else f"{round(value * 100)}%"


def _arrow(change: float) -> str:
    return "↑" if change >= 0.02 else "↓" if change <= -0.02 else "→"


def trust(
    person: str | None = typer.Argument(None, help="A stakeholder; all of them when omitted."),
    surprise: str | None = typer.Option(
        None, "--surprise", help="Log a surprise for PERSON (what happened)."
    ),
    weight: float = typer.Option(1.0, "--weight", help="The surprise's weight (default 1)."),
    weeks: int = typer.Option(52, "--weeks", help="How far back the trend goes."),
    today: str | None = typer.Option(None, "--today", help="As of this day."),
    fmt: Format = typer.Option(Format.text, "--format", "-f"),
) -> None:
    """Trust per stakeholder: score, uncertainty, trend and what moved it.

    Example: passerelle trust "Claire Martin"
    """
    from passerelle.services import pillars, trust_review
    from passerelle.services import trust as service

    when = day(today)
    if surprise is not None:
        if person is None:
            typer.echo(
                say(
                    "Pour qui ? passerelle trust NOM --surprise …",
                    "For whom? passerelle trust NAME --surprise ...",
                ),
                err=True,
            )
            raise typer.Exit(2)
        with session() as (s, _):
            who = service.log_surprise(s, person, when, surprise, weight)
        typer.echo(say(f"Surprise notée pour {who.name}.", f"Surprise logged for {who.name}."))
        return
    with session(write=False) as (s, config):
        lang = config.ui_lang
        trends = pillars.trend(s, pillars.month_of(when), when)
        if person is None:
            rows = service.board(s, config, when)
            detail = None
        else:
            detail = service.detail(s, config, person, when, weeks=weeks)
    if fmt is Format.json:
        data: dict[str, Any] = {"today": when.isoformat()}
        if detail is None:
            data["stakeholders"] = [
                {
                    "name": r.name,
                    "expected": r.now.expected,
                    "uncertainty": r.now.uncertainty,
                    "change": r.change,
                    "events": r.now.events,
                }
                for r in rows
            ]
        else:
            data |= {
                "name": detail.stakeholder.name,
                "expected": detail.score.expected,
                "uncertainty": detail.score.uncertainty,
                "trend": [
                    {"on": p.on.isoformat(), "expected": p.expected, "uncertainty": p.uncertainty}
                    for p in detail.trend
                ],
                "movers": [
                    {
                        "on": m.on.isoformat(),
                        "kind": m.kind.value,
                        "delta": m.delta,
                        "note": m.note,
                        "ref": m.ref,
                    }
                    for m in detail.movers
                ],
            }
        data["pillars"] = trust_review.pillars_json(trends, lang)
        emit_json(data)
        return
    out = console()
    if detail is None:
        table = Table(
            say("Partie prenante", "Stakeholder"),
            say("Confiance", "Trust"),
            say("Incertitude", "Uncertainty"),
            say("Tendance", "Trend"),
            say("Événements", "Events"),
        )
        for r in rows:
            table.add_row(
                r.name,
                _pct(r.now.expected),
                f"±{_pct(r.now.uncertainty)}",
                _arrow(r.change),
                str(r.now.events),
            )
        out.print(table)
        if not rows:
            out.print(
                say(
                    "Aucun événement encore : ni engagement, ni communication suivie.",
                    "No events yet: no commitment, no communication on a plan.",
                )
            )
    else:
        sc = detail.score
        out.print(
            f"[bold]{detail.stakeholder.name}[/bold] — "
            + say("confiance", "trust")
            + f" {_pct(sc.expected)} "
            + say("incertitude", "uncertainty")
            + f" {_pct(sc.uncertainty)}"
        )
        typer.echo(chart(detail.trend))
        out.print(say("Ce qui a le plus pesé :", "What moved it most:"))
        for m in detail.movers:
            label = say(*KIND_LABELS[m.kind.value])
            sign = "+" if m.delta >= 0 else "−"
            out.print(f"  {m.on} {sign}{abs(m.delta) * 100:.1f} pts  {label}  {m.note}")
        if not detail.movers:
            out.print("  " + say("aucun événement", "no events"))
    out.print()
    out.print(say("Les quatre piliers (ce mois-ci) :", "The four pillars (this month):"))
    for line in trust_review.pillar_lines(trends, lang):
        out.print(line.replace("**", ""))


def register(app: typer.Typer) -> None:
    app.command("trust")(trust)
