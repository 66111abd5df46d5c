"""``decide import``: a progress bar while the folder is read, then one line per file that
could not be read and why, and the counts. Exit code 2 when some files could not be read
(the others are imported: each file is taken whole or not at all).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from passerelle.cli.workspace import emit_json, fail, opened, say, settings
from passerelle.store.errors import PasserelleError


def run_import(folder: Path, as_json: bool) -> None:
    from passerelle.services import decision_records as service

    lang = settings().ui_lang
    if not folder.is_dir():
        raise fail(service.InvalidInputError(service.B(
            f"{folder} n’est pas un dossier.", f"{folder} is not a folder.")))  # fmt: skip
    total = service.count_files(folder)
    bar = Progress(
        TextColumn(say("Lecture", "Reading")),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        console=Console(stderr=True),
        transient=True,
        disable=as_json,
    )
    with opened() as store, bar:
        task = bar.add_task("", total=total)

        def step(path: Path) -> None:
            bar.update(task, advance=1, description=path.name)

        try:
            with store.write() as s:
                result = service.import_folder(s, folder, step)
        except PasserelleError as error:
            raise fail(error) from None
    if as_json:
        emit_json(_json(result, lang))
    else:
        _report(result, lang)
    if result.failed:
        raise typer.Exit(2)


def _json(result: Any, lang: str) -> dict[str, Any]:
    def problems(r: Any) -> list[dict[str, Any]]:
        return [
            {"code": p.code, "severity": p.severity.value, "line": p.line,
             "message": p.message.get(lang)}
            for p in r.problems
        ]  # fmt: skip

    return {
        "created": list(result.created),
        "updated": list(result.updated),
        "unchanged": list(result.unchanged),
        "failed": [{"file": r.source, "problems": problems(r)} for r in result.failed],
        "skipped": [{"file": r.source, "problems": problems(r)} for r in result.skipped],
    }


def _report(result: Any, lang: str) -> None:
    for r in result.failed:
        for p in r.errors or r.problems:
            typer.echo(f"✗ {r.source}: {p.describe(lang)}", err=True)
    for r in result.skipped:
        why = "; ".join(p.describe(lang) for p in r.problems)
        typer.echo(f"- {r.source}: {why}", err=True)
    for r in result.report.results:
        if r.decision is not None:
            for p in r.warnings:
                typer.echo(f"! {r.source}: {p.describe(lang)}", err=True)
    typer.echo(
        say(
            f"{len(result.created)} créée(s), {len(result.updated)} mise(s) à jour, "
            f"{len(result.unchanged)} inchangée(s), {len(result.failed)} fichier(s) non lu(s), "
            f"{len(result.skipped)} ignoré(s).",
            f"{len(result.created)} created, {len(result.updated)} updated, "
            f"{len(result.unchanged)} unchanged, {len(result.failed)} file(s) not read, "
            f"{len(result.skipped)} skipped.",
        )
    )
