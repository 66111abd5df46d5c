"""``passerelle init``, ``db upgrade|status``, ``backup``, ``restore`` and ``demo``, plus the
helpers every workspace command shares: the settings (``--db``), one session per command,
named errors shown in the person's language with a non-zero exit code.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from sqlalchemy.orm import Session

from passerelle.cli.choices import Format as Format  # re-exported for the commands
from passerelle.settings import Settings
from passerelle.store.errors import PasserelleError


def _context() -> Any:
    # Recent Typer versions vendor Click as ``typer._click``; older ones use Click itself.
    try:
        from typer._click.globals import get_current_context
    except ImportError:  # pragma: no cover - depends on the installed Typer
        from click import get_current_context
    return get_current_context(silent=True)


def settings() -> Settings:
    """The settings, with the root ``--db PATH`` (or URL) applied when given."""
    ctx = _context()
    db = ctx.find_root().params.get("db") if ctx is not None else None
    return Settings().with_db(db)


def console() -> Console:
    return Console(highlight=False)


def say(fr: str, en: str) -> str:
    return fr if settings().ui_lang == "fr" else en


def fail(error: PasserelleError) -> typer.Exit:
    typer.echo(f"passerelle: {error.text(settings().ui_lang)}", err=True)
    return typer.Exit(error.exit_code)


def read_input(file: Path) -> str:
    """A command's input file, or stdin for ``-``: read as ``passerelle check`` reads, so a bad
    encoding names its byte and an oversized file is refused."""
    from passerelle.cli.inputs import STDIN, InputError, Source, read
    from passerelle.services.errors import invalid

    source = Source("<stdin>", None) if str(file) == STDIN else Source(str(file), file)
    try:
        return read(source)
    except InputError as error:
        raise fail(invalid(f"Lecture impossible : {error}", f"Cannot read: {error}")) from None


def emit_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


@contextmanager
def session(*, write: bool = True) -> Iterator[tuple[Session, Settings]]:
    """One transaction on the workspace (created on first use) for one command."""
    from passerelle.services.workspace import open_workspace

    config = settings()
    try:
        store = open_workspace(config)
    except PasserelleError as error:
        raise fail(error) from None
    try:
        with store.write() if write else store.read() as s:
            yield s, config
    except PasserelleError as error:
        raise fail(error) from None
    finally:
        store.close()


@contextmanager
def opened() -> Iterator[Any]:
    """The opened store itself, for commands that manage their own transactions."""
    from passerelle.services.workspace import open_workspace

    try:
        store = open_workspace(settings())
    except PasserelleError as error:
        raise fail(error) from None
    try:
        yield store
    except PasserelleError as error:
        raise fail(error) from None
    finally:
        store.close()


def day(text: str | None) -> date:
    from passerelle.services.dates import parse_day

    if text is None:
        return date.today()
    try:
        return parse_day(text)
    except PasserelleError as error:
        raise fail(error) from None


db_app = typer.Typer(help="The workspace database: version and upgrade.", no_args_is_help=True)


def init(
    name: str | None = typer.Option(None, "--name", help="The workspace's name."),
    owner: str = typer.Option("", "--owner", help="Your name."),
) -> None:
    """Create the workspace (a SQLite file in your data folder unless --db says otherwise).

    Example: passerelle init --name "Lumio" --owner "Claire Martin"
    """
    from passerelle.services.workspace import init as do_init

    try:
        result = do_init(settings(), name, owner)
    except PasserelleError as error:
        raise fail(error) from None
    verb = say("créé", "created") if result.created else say("déjà là", "already there")
    typer.echo(f"{result.name}: {verb} — {result.url}")


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Migrate the database to this version (a SQLite file is copied first).

    Example: passerelle db upgrade
    """
    from passerelle.services.workspace import upgrade

    try:
        result = upgrade(settings())
    except PasserelleError as error:
        raise fail(error) from None
    if result.backup:
        typer.echo(say(f"Copie de sauvegarde : {result.backup}", f"Backup copy: {result.backup}"))
    if result.before == result.after:
        typer.echo(say(f"Déjà à jour ({result.after}).", f"Already up to date ({result.after})."))
    else:
        typer.echo(f"{result.before or '-'} -> {result.after}")


@db_app.command("status")
def db_status() -> None:
    """Show the database URL and its schema version.

    Example: passerelle db status
    """
    from passerelle.store import schema
    from passerelle.store.workspace import connect

    config = settings()
    try:
        store = connect(config)
    except PasserelleError as error:
        raise fail(error) from None
    try:
        found = schema.version(store.engine)
    finally:
        store.close()
    typer.echo(f"{config.url}\n{found.state.value}: {found.current or '-'} (head {found.head})")


def backup(
    file: Path = typer.Argument(..., help="FILE.json (any database) or a SQLite file copy."),
) -> None:
    """Back the workspace up while it runs: a JSON export or a consistent SQLite copy.

    Example: passerelle backup ~/passerelle-2026-06-01.json
    """
    from passerelle.services import backup as service

    with opened() as store:
        kind = service.backup(store, file)
    typer.echo(say(f"Sauvegarde {kind} écrite : {file}", f"{kind} backup written: {file}"))


def restore(
    file: Path = typer.Argument(..., help="A JSON export or a SQLite backup."),
    replace: bool = typer.Option(False, "--replace", help="Overwrite a workspace with data."),
) -> None:
    """Restore a backup into the workspace (empty, or --replace).

    Example: passerelle restore ~/passerelle-2026-06-01.json --replace
    """
    from passerelle.services import backup as service

    with opened() as store:
        counts = service.restore(store, file, replace=replace)
    total = sum(counts.values())
    typer.echo(say(f"{total} lignes restaurées.", f"{total} rows restored."))


def demo(
    replace: bool = typer.Option(False, "--replace", help="Overwrite a workspace with data."),
    today: str | None = typer.Option(None, "--today", help="The demo's 'today' (YYYY-MM-DD)."),
) -> None:
    """Fill the workspace with a fictional scale-up CTO's year: people, asks, learnings.

    Example: passerelle --db /tmp/demo.sqlite demo && passerelle --db /tmp/demo.sqlite review
    """
    from passerelle.demo import build

    when = day(today)
    with opened() as store:
        counts = build(store, when, replace=replace)
    parts = ", ".join(f"{n} {name}" for name, n in counts.items())
    typer.echo(say(f"Démo prête : {parts}.", f"Demo ready: {parts}."))


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.add_typer(db_app, name="db")
    app.command("backup")(backup)
    app.command("restore")(restore)
    app.command("demo")(demo)
