"""``passerelle learn add|list|show|search|export``: what help taught you."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.table import Table

from passerelle.cli.workspace import Format, console, day, emit_json, read_input, say, session

learn_app = typer.Typer(help="Learnings: write down what help taught you.", no_args_is_help=True)


def _json(item: Any, body: bool = False) -> dict[str, Any]:
    data = {
        "id": item.id,
        "title": item.title,
        "slug": item.slug,
        "date": item.learned_on.isoformat(),
        "description": item.description,
        "tags": list(item.tags),
        "categories": list(item.categories),
        "lang": item.lang,
        "ask_id": item.ask_id,
        "visibility": item.visibility,
    }
    return data | {"body": item.body} if body else data


def _table(items: list[Any]) -> None:
    table = Table("#", say("Date", "Date"), say("Titre", "Title"), "Tags")
    for item in items:
        table.add_row(str(item.id), item.learned_on.isoformat(), item.title, ", ".join(item.tags))
    console().print(table)


@learn_app.command("add")
def add(
    title: str = typer.Argument(..., help="What you learned, in one line."),
    body: str = typer.Option("", "--body", "-b", help="The details (Markdown)."),
    file: Path | None = typer.Option(
        None, "--file", help="Read the body from a file (- for stdin)."
    ),
    tags: str = typer.Option("", "--tags", "-t", help="Comma-separated tags."),
    description: str = typer.Option("", "--description", help="One sentence (default: the first)."),
    on: str | None = typer.Option(None, "--date", "-d"),
    ask: int | None = typer.Option(None, "--ask", help="The ask it came from (#id)."),
) -> None:
    """Write a learning down.

    Example: passerelle learn add "Split the monolith by module first" --tags architecture
    """
    from passerelle.services import learnings

    if file is not None:
        body = read_input(file)
    when = day(on)
    with session() as (s, _):
        item = learnings.add(
            s, title, body, description=description, tags=tags, day=when, ask_id=ask
        )
        typer.echo(say(f"Noté : {item.slug} (#{item.id})", f"Written: {item.slug} (#{item.id})"))


@learn_app.command("list")
def list_(
    tag: str | None = typer.Option(None, "--tag"),
    limit: int = typer.Option(50, "--limit"),
    fmt: Format = typer.Option(Format.text, "--format", "-f"),
) -> None:
    """List learnings, newest first.

    Example: passerelle learn list --tag architecture
    """
    from passerelle.services import learnings

    with session(write=False) as (s, _):
        items = learnings.listing(s, tag=tag, limit=limit)
    if fmt is Format.json:
        emit_json([_json(i) for i in items])
    else:
        _table(items)


@learn_app.command("show")
def show(
    ref: str = typer.Argument(..., help="#id or slug."),
    fmt: Format = typer.Option(Format.text, "--format", "-f"),
) -> None:
    """Show one learning as Markdown with its front matter.

    Example: passerelle learn show split-the-monolith-by-module-first
    """
    from passerelle.services import learnings

    with session(write=False) as (s, _):
        item = learnings.find(s, ref)
        data = _json(item, body=True)
        text = learnings.to_markdown(item)
    if fmt is Format.json:
        emit_json(data)
    else:
        typer.echo(text, nl=False)


@learn_app.command("search")
def search(
    query: str = typer.Argument(..., help="Words to find (accents and case do not matter)."),
    limit: int = typer.Option(20, "--limit"),
    fmt: Format = typer.Option(Format.text, "--format", "-f"),
) -> None:
    """Full-text search in both languages, accents folded.

    Example: passerelle learn search "delegation equipe"
    """
    from passerelle.services import learnings

    with session(write=False) as (s, _):
        items = learnings.search(s, query, limit)
    if fmt is Format.json:
        emit_json([_json(i) for i in items])
    else:
        _table(items)


@learn_app.command("export")
def export(
    folder: Path = typer.Argument(..., help="Folder to write one Markdown file per learning."),
) -> None:
    """Export learnings as Markdown with front matter, for a static site generator.

    Example: passerelle learn export site/content/posts
    """
    from passerelle.services import learnings

    with session(write=False) as (s, _):
        done = learnings.export(s, folder)
    typer.echo(say(f"{len(done)} fichier(s) dans {folder}", f"{len(done)} file(s) in {folder}"))


def register(app: typer.Typer) -> None:
    app.add_typer(learn_app, name="learn")
