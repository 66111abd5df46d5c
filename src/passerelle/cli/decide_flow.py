"""``passerelle decide accept|reject|deprecate|supersede|share|review|import|export``: what
happens to a decision after it is logged — status moves, sharing with the business, reviews,
and decision records in and out. The commands hang on ``decide_app``, after ``new``, ``list``,
``show`` and ``edit``.
"""

from __future__ import annotations

from pathlib import Path

import typer

from passerelle.cli.decide import ROLE_HELP, decide_app, listed_json, reader_role, ui_lang
from passerelle.cli.workspace import Format, day, emit_json, fail, say, session


def _move(ref: str, to: str, by: str, reason: str, on: str | None) -> None:
    from passerelle.services import decisions

    when = day(on)
    with session() as (s, _):
        moved = decisions.move(s, ref, decisions.Status(to), today=when, by=by, reason=reason)
    lang = ui_lang()
    typer.echo(f"{moved.id}: {moved.status.label(lang)}")


BY = typer.Option("", "--by", help="Who made the call.")
REASON = typer.Option("", "--reason", help="Why, in a sentence.")
ON = typer.Option(None, "--date", help="When (default today).")


@decide_app.command("accept")
def accept(ref: str = typer.Argument(...), by: str = BY, reason: str = REASON,
           on: str | None = ON) -> None:  # fmt: skip
    """Accept a proposed decision.

    Example: passerelle decide accept 2026-03-02-use-postgresql --by "Claire Martin"
    """
    _move(ref, "accepted", by, reason, on)


@decide_app.command("reject")
def reject(ref: str = typer.Argument(...), by: str = BY, reason: str = REASON,
           on: str | None = ON) -> None:  # fmt: skip
    """Reject a proposed decision (it may be proposed again later).

    Example: passerelle decide reject 2026-03-02-use-mongodb --reason "No one can run it"
    """
    _move(ref, "rejected", by, reason, on)


@decide_app.command("deprecate")
def deprecate(ref: str = typer.Argument(...), by: str = BY, reason: str = REASON,
              on: str | None = ON) -> None:  # fmt: skip
    """Mark an accepted decision as no longer applying, with nothing to replace it.

    Example: passerelle decide deprecate 2024-02-01-weekly-release-train
    """
    _move(ref, "deprecated", by, reason, on)


@decide_app.command("supersede")
def supersede(
    old: str = typer.Argument(..., help="The decision being replaced."),
    new: str = typer.Option(..., "--by", help="The decision that replaces it."),
    reason: str = REASON,
    on: str | None = ON,
) -> None:
    """Replace a decision by a newer one (linked both ways; cycles are refused).

    Example: passerelle decide supersede 2025-01-10-deploy-with-scripts --by 2026-02-01-pipeline
    """
    from passerelle.services import decisions

    when = day(on)
    with session() as (s, _):
        older, newer = decisions.supersede(s, old, new, today=when, reason=reason)
    typer.echo(say(f"{older.id} remplacée par {newer.id}", f"{older.id} superseded by {newer.id}"))


@decide_app.command("share")
def share(
    ref: str = typer.Argument(...),
    with_: str = typer.Option("business", "--with", help="private, team or business."),
    force: bool = typer.Option(False, "--force", help="Share despite checker errors."),
    reason: str = typer.Option("", "--reason", help="Why it is forced (kept)."),
) -> None:
    """Share a decision; with the business only when its business version reads plainly.

    Example: passerelle decide share 2026-03-02-use-postgresql --with business
    """
    from passerelle.cli.decide_render import findings_lines
    from passerelle.services import decisions

    today = day(None)
    refused = None
    with session() as (s, _):
        try:
            shared = decisions.share(s, ref, with_, today=today, force=force, reason=reason)
        except decisions.ShareRefusedError as error:
            refused = error  # nothing was changed: show the findings, then fail
    if refused is not None:
        for line in findings_lines(refused.findings):
            typer.echo(line, err=True)
        raise fail(refused)
    typer.echo(say(f"{shared.id} : visible par {shared.visibility.value}",
                   f"{shared.id}: visible to {shared.visibility.value}"))  # fmt: skip
    if shared.share_override:
        typer.echo(say(f"Partage forcé, raison gardée : {shared.share_override}",
                       f"Share forced, reason kept: {shared.share_override}"))  # fmt: skip


@decide_app.command("review")
def review(
    ref: str | None = typer.Argument(None, help="A decision reviewed today (else: list due)."),
    next_on: str | None = typer.Option(None, "--next", help="Next review (default +91 days)."),
    note: str = typer.Option("", "--note", help="What the review concluded."),
    as_: str = typer.Option("owner", "--as", help=ROLE_HELP),
    fmt: Format = typer.Option(Format.text, "--format", "-f"),
) -> None:
    """List decisions due for review, or record that one was reviewed and when to look again.

    Example: passerelle decide review 2026-03-02-use-postgresql --next 2027-03-01
    """
    from passerelle.services import decision_review as decisions

    today = day(None)
    if ref is not None:
        with session() as (s, _):
            upcoming = day(next_on) if next_on else None
            done = decisions.reviewed(s, ref, today=today, next_on=upcoming, note=note)
        typer.echo(say(f"{done.id} revue ; prochaine revue le {done.review_on}",
                       f"{done.id} reviewed; next review on {done.review_on}"))  # fmt: skip
        return
    with session(write=False) as (s, _):
        found = decisions.due(s, reader_role(as_), today)
    if fmt is Format.json:
        emit_json([listed_json(d) for d in found])
        return
    if not found:
        typer.echo(say("Aucune décision à revoir.", "No decision due for review."))
    for d in found:
        typer.echo(f"{d.review_on}  {d.id}  {d.title}")


@decide_app.command("import")
def import_(
    folder: Path = typer.Argument(..., help="A folder of Markdown decision records."),
    fmt: Format = typer.Option(Format.text, "--format", "-f"),
) -> None:
    """Import decision records (MADR 4/3/2, log4brains, Nygard); importing twice adds nothing.

    Example: passerelle decide import docs/decisions
    """
    from passerelle.cli.decide_io import run_import

    run_import(folder, fmt is Format.json)


@decide_app.command("export")
def export(
    folder: Path = typer.Argument(..., help="Where to write one MADR 4 file per decision."),
    as_: str = typer.Option("owner", "--as", help=ROLE_HELP),
) -> None:
    """Export decisions as MADR 4 files, which `decide import` reads back unchanged.

    Example: passerelle decide export docs/decisions
    """
    from passerelle.services import decision_records

    role = reader_role(as_)
    with session(write=False) as (s, _):
        written = decision_records.export_folder(s, folder, role)
    typer.echo(say(f"{len(written)} fichier(s) écrit(s) dans {folder}",
                   f"{len(written)} file(s) written to {folder}"))  # fmt: skip
