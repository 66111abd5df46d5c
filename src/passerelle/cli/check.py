"""``passerelle check`` and ``passerelle explain``: the plain-language checker's commands."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import typer

from passerelle.cli.choices import Format, Lang

if TYPE_CHECKING:
    from passerelle.analysis.findings import CheckResult, Finding


class AudienceChoice(StrEnum):
    business = "business"
    tech = "tech"


class StyleChoice(StrEnum):
    inline = "inline"
    notes = "notes"


_COLOURS = {"error": "red", "warning": "yellow", "suggestion": "cyan"}


def enable_rule_cache() -> None:
    """Keep compiled rules between runs in the user's cache folder (``PASSERELLE_CACHE_DIR``
    overrides it; set it empty to turn the cache off)."""
    import os
    from pathlib import Path

    from passerelle.analysis.engine import use_cache_dir

    folder = os.environ.get("PASSERELLE_CACHE_DIR")
    if folder is None:
        from platformdirs import user_cache_dir

        folder = str(Path(user_cache_dir("passerelle")) / "rules")
    use_cache_dir(Path(folder) if folder else None)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"passerelle: {message}", err=True)
    return typer.Exit(2)


def _line(name: str, finding: Finding, colour: bool) -> str:
    level = finding.level.value
    if colour:
        level = typer.style(level, fg=_COLOURS[level], bold=True)
    text = f"{name}:{finding.line}:{finding.column}: {level} [{finding.rule}] {finding.message}"
    return f"{text} ({finding.suggestion})" if finding.suggestion else text


def _as_json(name: str, result: CheckResult) -> dict[str, Any]:
    readability = result.readability
    return {
        "path": name,
        "lang": result.lang,
        "readability": (
            {"formula": readability.formula, "score": readability.score}
            if readability and readability.words
            else None
        ),
        "findings": [
            {
                "rule": f.rule,
                "category": f.category.value,
                "level": f.level.value,
                "line": f.line,
                "column": f.column,
                "offset": f.offset,
                "length": f.length,
                "match": f.match,
                "message": f.message,
                "suggestion": f.suggestion,
            }
            for f in result.findings
        ],
    }


def check(
    paths: list[str] = typer.Argument(None, help="Files or folders to check; '-' reads stdin."),
    audience: AudienceChoice = typer.Option(
        None, "--audience", "-a", help="Who will read it: business (default) or tech."
    ),
    lang: Lang = typer.Option(None, "--lang", "-l", help="Force the language."),
    output: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    min_score: float = typer.Option(
        None, "--min-score", help="Fail (exit 1) when a text's readability is under this score."
    ),
    max_size: int = typer.Option(20, "--max-size", help="Largest file to read, in MB."),
    colour: bool = typer.Option(None, "--color/--no-color", help="Colour the output."),
) -> None:
    """Check texts for jargon, undefined acronyms, over-promises and hard reading.

    Written for a business reader by default (--audience tech keeps over-promises, sentence
    length and readability). Exit code 0 when there is no error-level finding, 1 when there is
    one, 2 for input or usage errors.

    Example: passerelle check memo.md --audience business --format json
    """
    from dataclasses import replace
    from pathlib import Path

    from passerelle.analysis.plain import check_text
    from passerelle.analysis.rules import RuleError
    from passerelle.cli.inputs import InputError, expand, read
    from passerelle.config import ConfigError, config_for

    enable_rule_cache()
    sources = list(expand(paths or []))
    colour = sys.stdout.isatty() if colour is None else colour
    files: list[dict[str, Any]] = []
    totals = {"errors": 0, "warnings": 0, "suggestions": 0}
    status = 0
    progress = _progress(len(sources))
    for source in sources:
        if progress:
            progress.advance(progress.task_ids[0])
        if isinstance(source, InputError):
            typer.echo(f"passerelle: {source}", err=True)
            status = 2
            continue
        try:
            text = read(source, max_size * 1024 * 1024)
            config = config_for(source.path or Path.cwd())
            options = config.options
            if min_score is not None:
                options = replace(options, min_score=min_score)
            result = check_text(
                text,
                audience=audience or config.audience or "business",
                lang=lang or config.lang,
                options=options,
            )
        except (InputError, ConfigError, RuleError) as error:
            typer.echo(f"passerelle: {error}", err=True)
            status = 2
            continue
        for f in result.findings:
            totals[f"{f.level.value}s"] += 1
            if output is Format.text:
                typer.echo(_line(source.name, f, colour))
        if output is Format.json:
            files.append(_as_json(source.name, result))
        if result.has_errors and status == 0:
            status = 1
    if progress:
        progress.stop()
    if output is Format.json:
        summary = {"files": len(files), **totals}
        document = {"files": files, "summary": summary}
        # Indented for a person at a terminal; compact (and much faster) for programs.
        indent = 2 if sys.stdout.isatty() else None
        typer.echo(json.dumps(document, ensure_ascii=False, indent=indent))
    raise typer.Exit(status)


def _progress(total: int) -> Any:
    if total < 20 or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import Progress

    progress = Progress(console=Console(stderr=True), transient=True)
    progress.add_task("Checking", total=total)
    progress.start()
    return progress


def explain(
    path: str = typer.Argument("-", help="The file to explain; '-' reads stdin."),
    style: StyleChoice = typer.Option(StyleChoice.inline, "--style", "-s", help="inline or notes."),
    lang: Lang = typer.Option(None, "--lang", "-l", help="Force the language."),
) -> None:
    """Rewrite a text for a business reader, every jargon term explained.

    Each jargon term is followed by its plain explanation (inline, or as numbered notes) the
    first time it appears, and acronyms are spelled out.

    Example: passerelle explain memo.md --style notes
    """
    from pathlib import Path

    from passerelle.analysis.plain import explain as explain_text
    from passerelle.analysis.rules import RuleError
    from passerelle.cli.inputs import InputError, Source, read
    from passerelle.config import ConfigError, config_for

    enable_rule_cache()
    source = Source("<stdin>", None) if path == "-" else Source(path, Path(path))
    try:
        if source.path is not None and not source.path.is_file():
            raise InputError(f"{path}: no such file")
        text = read(source)
        config = config_for(source.path)
        typer.echo(explain_text(text, style.value, lang or config.lang, config.options), nl=False)
    except (InputError, ConfigError, RuleError) as error:
        raise _fail(str(error)) from None


def register(app: typer.Typer) -> None:
    app.command("check")(check)
    app.command("explain")(explain)
