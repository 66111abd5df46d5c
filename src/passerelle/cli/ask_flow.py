"""``passerelle ask new|send|answer|close|list``: the ask lifecycle, on the ``ask`` group.

``ask new`` composes a request part by part and coaches it live with the ask analyser; it
proposes the circle and the people in it whose expertise the request mentions.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from passerelle.cli.workspace import Format, console, day, emit_json, read_input, say, session

PROMPTS = {
    "situation": ("La situation, en deux phrases", "The situation, in two sentences"),
    "decision": ("La décision à prendre", "The decision to make"),
    "options": ("Les options que vous voyez (A, B, C…)", "The options you see (A, B, C…)"),
    "doubts": ("Vos doutes", "Your doubts"),
    "question": ("La question précise que vous posez", "The specific question you ask"),
}  # fmt: skip

# The analyser's part names mapped to the fields a person fills in.
_MISSING_TO_FIELD = {"situation": "situation", "options": "options", "doubts": "doubts",
                     "question": "question"}  # fmt: skip


def _coaching_lines(verdict: Any) -> list[str]:
    label = {"productive": "[green]", "incomplete": "[yellow]", "paralysing": "[red]"}
    colour = label.get(verdict.quality, "")
    lines = [f"{say('Qualité', 'Quality')}: {colour}{verdict.quality}[/] ({verdict.score:.0f})"]
    if verdict.missing:
        lines.append(say("Il manque : ", "Missing: ") + ", ".join(verdict.missing))
    lines += [f"  → {s}" for s in verdict.suggestions]
    lines.append(f"{say('Urgence', 'Urgency')}: {verdict.urgency}")
    for route in verdict.routes[:2]:
        lines.append(f"{say('Cercle', 'Circle')}: {route.circle} — {route.reason}")
        if route.caution:
            lines.append(f"  ⚠ {route.caution}")
    return lines


def _compose(title: str) -> dict[str, str]:
    from passerelle.services import asks

    parts = {"title": title or typer.prompt(say("Titre", "Title"), default="", show_default=False)}
    for name, (fr, en) in PROMPTS.items():
        parts[name] = typer.prompt(say(fr, en), default="", show_default=False)
    for _ in range(3):  # coach live: offer to fill what is missing, then analyse again
        verdict = asks.analyse(asks.Draft(**parts))
        for line in _coaching_lines(verdict):
            console().print(line)
        todo = [_MISSING_TO_FIELD[m] for m in verdict.missing if m in _MISSING_TO_FIELD]
        if verdict.quality == "productive" or not todo:
            break
        if not typer.confirm(say("Compléter maintenant ?", "Complete it now?"), default=True):
            break
        for name in todo:
            fr, en = PROMPTS[name]
            extra = typer.prompt(say(fr, en), default="", show_default=False)
            parts[name] = f"{parts[name]} {extra}".strip()
    return parts


def new(
    file: Path | None = typer.Option(
        None, "--file", help="Read the request from a file (- for stdin)."
    ),
    title: str = typer.Option("", "--title", "-t"),
    urgency: str | None = typer.Option(None, "--urgency", "-u", help="routine, soon, crisis"),
    circle: str | None = typer.Option(None, "--circle", "-c", help="Who you mean to ask."),
    decision: int | None = typer.Option(None, "--decision", help="The decision it serves (#id)."),
    fmt: Format = typer.Option(Format.text, "--format", "-f"),
) -> None:
    """Compose a request for help, coached live, and keep it as a draft.

    Example: passerelle ask new --file ask.md --urgency soon
    """
    from passerelle.services import asks

    if file is not None:
        parts = {"title": title, "body": read_input(file)}
    elif not sys.stdin.isatty() and fmt is Format.json:
        parts = {"title": title, "body": sys.stdin.read()}
    else:
        parts = _compose(title)
    with session() as (s, _):
        ask, verdict = asks.new(s, asks.Draft(**parts), urgency=urgency, circle=circle,
                                decision_id=decision)  # fmt: skip
        suggested = asks.suggest_people(s, verdict, ask.body)
        result = {
            "id": ask.id,
            "title": ask.title,
            "status": ask.status,
            "urgency": ask.urgency,
            "circle": ask.circle,
            "quality": ask.quality,
            "score": ask.score,
            "missing": list(verdict.missing),
            "suggestions": list(verdict.suggestions),
            "fitting_circles": list(ask.fitting_circles),
            "people": [{"id": p.id, "name": p.name, "circle": p.circle} for p in suggested],
        }
    if fmt is Format.json:
        emit_json(result)
        return
    out = console()
    if file is not None:
        for line in _coaching_lines(verdict):
            out.print(line)
    out.print(say(f"Brouillon #{ask.id} enregistré.", f"Draft #{ask.id} saved."))
    if suggested:
        names = ", ".join(f"{p['name']} ({p['circle']})" for p in result["people"])
        out.print(say(f"À qui demander : {names}", f"Whom to ask: {names}"))
        out.print(f'  passerelle ask send {ask.id} --to "{suggested[0].name}"')


def send(
    ask_id: int = typer.Argument(..., help="The ask's #id."),
    to: list[str] = typer.Option(..., "--to", help="Person (repeat for several)."),
    on: str | None = typer.Option(None, "--date", "-d"),
) -> None:
    """Record that the ask went to someone (one interaction each).

    Example: passerelle ask send 12 --to "Inès Roy" --to Hugo
    """
    from passerelle.services import asks

    when = day(on)
    with session() as (s, _):
        asks.send(s, ask_id, to, when)
        names = ", ".join(asks.recipients(s, ask_id))
    typer.echo(say(f"#{ask_id} envoyée à {names}.", f"#{ask_id} sent to {names}."))


def answer(
    ask_id: int = typer.Argument(..., help="The ask's #id."),
    by: str = typer.Option(..., "--from", help="Who answered."),
    text: str = typer.Option("", "--text", help="What they said."),
    useful: int | None = typer.Option(None, "--useful", min=1, max=5, help="How useful, 1-5."),
    on: str | None = typer.Option(None, "--date", "-d"),
) -> None:
    """Record an answer: who, what, how useful.

    Example: passerelle ask answer 12 --from Inès --text "Modular monolith first" --useful 5
    """
    from passerelle.services import asks

    when = day(on)
    with session() as (s, _):
        asks.answer(s, ask_id, by, text, when, useful)
    typer.echo(say(f"Réponse notée sur #{ask_id}.", f"Answer recorded on #{ask_id}."))


def close(
    ask_id: int = typer.Argument(..., help="The ask's #id."),
    learning: str = typer.Option("", "--learning", "-l", help="What you learned from it."),
    title: str = typer.Option("", "--title", help="The learning's title (default: the ask's)."),
    tags: str = typer.Option("", "--tags"),
    on: str | None = typer.Option(None, "--date", "-d"),
) -> None:
    """Close an ask, writing down what it taught you.

    Example: passerelle ask close 12 --learning "Split by module before splitting services"
    """
    from passerelle.services import asks

    when = day(on)
    with session() as (s, _):
        _, written = asks.close(s, ask_id, when, learning, title, tags)
        slug = written.slug if written else None
    if slug:
        typer.echo(
            say(f"#{ask_id} close ; apprentissage : {slug}", f"#{ask_id} closed; learning: {slug}")
        )
    else:
        typer.echo(say(f"#{ask_id} close, sans apprentissage.", f"#{ask_id} closed, no learning."))


def list_(
    status: str | None = typer.Option(None, "--status", help="draft, sent, answered, closed"),
    circle: str | None = typer.Option(None, "--circle", "-c"),
    urgency: str | None = typer.Option(None, "--urgency", "-u"),
    limit: int = typer.Option(50, "--limit"),
    fmt: Format = typer.Option(Format.text, "--format", "-f"),
) -> None:
    """List asks, newest first, filtered by status, circle or urgency.

    Example: passerelle ask list --status sent --urgency crisis
    """
    from passerelle.services import asks

    with session(write=False) as (s, _):
        found = asks.listing(s, status=status, circle=circle, urgency=urgency, limit=limit)
        rows = [
            {
                "id": a.id,
                "title": a.title,
                "status": a.status,
                "urgency": a.urgency,
                "circle": a.circle,
                "quality": a.quality,
                "created_on": a.created_on.isoformat(),
                "sent_on": a.sent_on.isoformat() if a.sent_on else None,
            }
            for a in found
        ]
    if fmt is Format.json:
        emit_json(rows)
        return
    table = Table("#", say("Titre", "Title"), say("Statut", "Status"), say("Urgence", "Urgency"),
                  say("Cercle", "Circle"), say("Qualité", "Quality"))  # fmt: skip
    for r in rows:
        table.add_row(
            str(r["id"]),
            r["title"],
            r["status"],
            r["urgency"],
            r["circle"] or "",
            r["quality"] or "",
        )
    console().print(table)


def register(ask_app: typer.Typer) -> None:
    """Attach the lifecycle commands to the ``ask`` group (``cli/ask.py`` calls this)."""
    ask_app.command("new")(new)
    ask_app.command("send")(send)
    ask_app.command("answer")(answer)
    ask_app.command("close")(close)
    ask_app.command("list")(list_)
