"""``passerelle digest``: the period's digest for an audience, in Markdown, HTML and plain
text; ``--send`` (or ``digest send``) marks it sent once the checker finds no error."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from passerelle.cli.workspace import day, emit_json, say, session

digest_app = typer.Typer(help="The business digest of a period.")


class DigestFormat(StrEnum):
    md = "md"
    html = "html"
    text = "text"
    json = "json"


def _show(d: Any, fmt: DigestFormat, out: Path | None) -> None:
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
        stem = f"digest-{d.period}-{d.audience}-{d.lang}"
        for suffix, text in ((".md", d.markdown), (".html", d.html), (".txt", d.plain)):
            (out / f"{stem}{suffix}").write_text(text, encoding="utf-8")
        typer.echo(
            say(
                f"Écrit dans {out}/{stem}.{{md,html,txt}}",
                f"Written to {out}/{stem}.{{md,html,txt}}",
            )
        )
    elif fmt is DigestFormat.json:
        emit_json(
            {
                "period": d.period,
                "audience": d.audience,
                "lang": d.lang,
                "status": d.status,
                "sent_on": d.sent_on,
                "recipients": list(d.recipients),
                "markdown": d.markdown,
                "html": d.html,
                "text": d.plain,
                "check": [
                    {
                        "rule": f.rule,
                        "level": f.level.value,
                        "line": f.line,
                        "column": f.column,
                        "match": f.match,
                        "message": f.message,
                    }
                    for f in d.check.findings
                ],
            }
        )
        return
    else:
        typer.echo(
            {DigestFormat.md: d.markdown, DigestFormat.html: d.html}.get(fmt, d.plain), nl=False
        )
    for f in d.check.findings:
        typer.echo(f"digest.md:{f.line}:{f.column}: {f.level.value}: {f.message}", err=True)


@digest_app.callback(invoke_without_command=True)
def digest(
    ctx: typer.Context,
    period: str | None = typer.Option(
        None, "--period", "-p", help="A month (2026-11) or a quarter (2026-Q4)."
    ),
    audience: str = typer.Option("business", "--audience", "-a", help="business or team"),
    lang: str | None = typer.Option(None, "--lang", help="fr or en (the audience's by default)."),
    fmt: DigestFormat = typer.Option(
        DigestFormat.md, "--format", "-f", help="md, html, text, json"
    ),
    out: Path | None = typer.Option(None, "--out", help="Write the three forms into this folder."),
    send_it: bool = typer.Option(False, "--send", help="Mark it sent (after the check)."),
    to: list[str] = typer.Option(
        [], "--to", help="Recipients (default: the plan's digest audiences)."
    ),
    today: str | None = typer.Option(None, "--today", help="As of this day."),
) -> None:
    """Write the digest of a period for an audience.

    Example: passerelle digest --audience business --period 2026-11 --format html > nov.html
    """
    if ctx.invoked_subcommand is not None:
        return
    if period is None:
        typer.echo(
            say("Quelle période ? --period 2026-11", "Which period? --period 2026-11"), err=True
        )
        raise typer.Exit(2)
    _run(period, audience, lang, fmt, out, send_it, to, today)


def _run(
    period: str,
    audience: str,
    lang: str | None,
    fmt: DigestFormat,
    out: Path | None,
    send_it: bool,
    to: list[str],
    today: str | None,
) -> None:
    from passerelle.services import digest as service

    when = day(today)
    with session() as (s, config):
        if send_it:
            d = service.send(s, config, period, audience=audience, lang=lang, to=to, today=when)
        else:
            d = service.write(s, config, period, audience=audience, lang=lang, today=when)
    if send_it:
        names = ", ".join(d.recipients)
        typer.echo(
            say(
                f"Synthèse {d.period} marquée envoyée à : {names}.",
                f"Digest {d.period} marked sent to: {names}.",
            ),
            err=True,
        )
        if out is None and fmt is DigestFormat.md:
            return
    _show(d, fmt, out)


@digest_app.command("send")
def send(
    period: str = typer.Option(..., "--period", "-p", help="A month (2026-11) or a quarter."),
    audience: str = typer.Option("business", "--audience", "-a", help="business or team"),
    lang: str | None = typer.Option(None, "--lang", help="fr or en."),
    to: list[str] = typer.Option(
        [], "--to", help="Recipients (default: the plan's digest audiences)."
    ),
    today: str | None = typer.Option(None, "--today", help="The day it is sent."),
) -> None:
    """Mark the period's digest sent and log it for every recipient.

    Example: passerelle digest send --period 2026-11
    """
    _run(period, audience, lang, DigestFormat.md, None, True, to, today)


def register(app: typer.Typer) -> None:
    app.add_typer(digest_app, name="digest")
