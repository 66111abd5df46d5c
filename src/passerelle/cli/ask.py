"""``passerelle ask``: the ask group, and ``ask check``, the ask coach on one request.

The group object is ``ask_app``; other modules add their commands to it (the ask lifecycle
adds ``new``, ``send``, ``answer``, ``close`` and ``list``).
"""

from __future__ import annotations

import json
from enum import StrEnum
from typing import TYPE_CHECKING

import typer

from passerelle.cli.choices import Format, Lang

if TYPE_CHECKING:
    from passerelle.analysis.ask import AskResult

ask_app = typer.Typer(
    name="ask",
    help="Ask for help well: coach a request and find the right circle to ask.",
    no_args_is_help=True,
)


class CircleChoice(StrEnum):
    peers = "peers"
    mentors = "mentors"
    team = "team"
    ceo = "ceo"
    experts = "experts"


_QUALITY_COLOUR = {"productive": "green", "incomplete": "yellow", "paralysing": "red"}
_URGENCY_COLOUR = {"routine": "green", "soon": "yellow", "crisis": "red"}


def _excerpt(text: str, start: int, end: int, width: int = 90) -> str:
    one_line = " ".join(text[start:end].split())
    return one_line if len(one_line) <= width else one_line[: width - 1] + "…"


def card(text: str, result: AskResult, colour: bool = False) -> str:
    """The coaching card: quality, parts, what is missing, a rewrite, and the circles."""
    from passerelle.analysis.ask.coach import labels

    words = labels(result.lang)  # type: ignore[arg-type]

    def paint(value: str, fg: str) -> str:
        return typer.style(value, fg=fg, bold=True) if colour else value

    quality = words["qualities"][result.quality]
    urgency = words["urgencies"][result.urgency]
    lines = [
        words["card_title"],
        f"{words['quality']}: {paint(quality, _QUALITY_COLOUR[result.quality])} "
        f"({words['score']} {result.score}/100) — {result.quality_reason}",
        f"{words['urgency']}: {paint(urgency, _URGENCY_COLOUR[result.urgency])}",
        "",
        f"{words['parts']}:",
    ]
    for part in result.parts:
        name = words["part_names"][part.name]
        if part.found:
            quoted = " | ".join(_excerpt(text, a, b) for a, b in part.spans)
            lines.append(f"  ✓ {name}: “{quoted}”")
        else:
            lines.append(f"  ✗ {name}")
    if result.suggestions:
        lines += ["", f"{words['suggestions']}:"]
        lines += [f"  → {s}" for s in result.suggestions]
    if result.missing:
        lines += ["", f"{words['template']}:"]
        lines += [f"  {line}" for line in result.template.splitlines()]
    lines += ["", f"{words['circles']}:"]
    for rank in result.circles:
        lines.append(f"  {rank.score:4.2f}  {rank.circle:<8} {rank.reason}")
    best = result.circles[0]
    lines.append(f"  {words['caution']} ({best.circle}): {best.caution}")
    if result.fit is not None:
        mark = paint("✓", "green") if result.fit.fits else paint("✗", "red")
        lines += ["", f"{words['fit']}: {mark} {result.fit.reason}"]
    return "\n".join(lines)


def check(
    file: str = typer.Argument("-", help="The request: a text file, or - for standard input."),
    circle: CircleChoice | None = typer.Option(
        None, "--circle", help="The circle you intend to ask: says whether it fits and why."
    ),
    lang: Lang | None = typer.Option(
        None, "--lang", help="The request's language (detected when not given)."
    ),
    output: Format = typer.Option(
        Format.text, "--format", help="text (a coaching card) or json (stable contract)."
    ),
) -> None:
    """Coach a help request: its parts, what is missing, its urgency and the circle to ask.

    Example: echo "Has anyone moved off Heroku? I see two options..." | passerelle ask check -
    """
    from passerelle.analysis.ask import check_ask
    from passerelle.cli.inputs import STDIN, InputError, Source, read

    source = Source("<stdin>", None) if file == STDIN else Source(file, _path(file))
    try:
        text = read(source, max_bytes=1024 * 1024)
    except InputError as error:
        typer.echo(f"passerelle: {error}", err=True)
        raise typer.Exit(2) from error
    if not text.strip():
        typer.echo(
            f"passerelle: {source.name}: the request is empty / la demande est vide", err=True
        )
        raise typer.Exit(2)
    result = check_ask(
        text,
        circle=circle.value if circle else None,
        lang=lang.value if lang else None,
    )
    if output is Format.json:
        typer.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        import sys

        typer.echo(card(text, result, colour=sys.stdout.isatty()))


def _path(name: str):  # type: ignore[no-untyped-def]
    from pathlib import Path

    from passerelle.cli.inputs import InputError

    path = Path(name)
    if not path.is_file():
        typer.echo(f"passerelle: {InputError(f'{name}: no such file')}", err=True)
        raise typer.Exit(2)
    return path


ask_app.command("check")(check)


def register(app: typer.Typer) -> None:
    """Add the ``ask`` group to the ``passerelle`` app (once)."""
    if any(group.typer_instance is ask_app for group in app.registered_groups):
        return
    from passerelle.cli import ask_flow  # the lifecycle: new, send, answer, close, list

    ask_flow.register(ask_app)
    app.add_typer(ask_app, name="ask")
