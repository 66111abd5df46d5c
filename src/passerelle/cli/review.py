"""``passerelle review``: the weekly review on the terminal, as Markdown or JSON."""

from __future__ import annotations

from enum import StrEnum

import typer
from rich.markdown import Markdown

from passerelle.cli.workspace import console, day, emit_json, session


class ReviewFormat(StrEnum):
    text = "text"
    md = "md"
    json = "json"


def review(
    fmt: ReviewFormat = typer.Option(ReviewFormat.text, "--format", "-f", help="text, md, json"),
    today: str | None = typer.Option(None, "--today", help="Review as of this day."),
) -> None:
    """The weekly review: radar signals, overdue contacts, asks waiting, learnings to write.

    Example: passerelle review --format md > review.md
    """
    from passerelle.services import review as service

    when = day(today)
    with session(write=False) as (s, config):
        result = service.review(s, config, when)
    lang = config.ui_lang
    if fmt is ReviewFormat.json:
        emit_json(service.to_json(result, lang))
    elif fmt is ReviewFormat.md:
        typer.echo(service.to_markdown(result, lang), nl=False)
    else:
        console().print(Markdown(service.to_markdown(result, lang)))


def register(app: typer.Typer) -> None:
    app.command("review")(review)
