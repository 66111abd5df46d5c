"""The ``passerelle`` command: a thin shell over the library.

Each command group lives in its own module and imports what it needs inside the command,
so that ``passerelle check`` on a one-line file starts fast.
"""

from __future__ import annotations

import typer

from passerelle import __version__

app = typer.Typer(
    name="passerelle",
    help="The working tool of a CTO who bridges technology and the business.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"passerelle {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
    db: str | None = typer.Option(
        None, "--db", metavar="PATH", help="Workspace database: a SQLite file or a URL."
    ),
) -> None:
    """Passerelle: ask for help well, speak plainly to the business, keep trust."""


# Which module defines each top-level command. A module exposes ``register(app)``.
# Only the module of the command being run is imported, so ``passerelle check`` does not pay
# for the database layer. To add a command: one line here, and ``register`` in its module.
COMMANDS: dict[str, str] = {
    "check": "passerelle.cli.check",
    "explain": "passerelle.cli.check",
    "ask": "passerelle.cli.ask",
    "init": "passerelle.cli.workspace",
    "db": "passerelle.cli.workspace",
    "backup": "passerelle.cli.workspace",
    "restore": "passerelle.cli.workspace",
    "demo": "passerelle.cli.workspace",
    "people": "passerelle.cli.people",
    "network": "passerelle.cli.people",
    "learn": "passerelle.cli.learn",
    "review": "passerelle.cli.review",
    "decide": "passerelle.cli.decide",
    "delegate": "passerelle.cli.delegate",
    "commit": "passerelle.cli.commit",
    "trust": "passerelle.cli.trust",
    "comms": "passerelle.cli.comms",
    "digest": "passerelle.cli.digest",
    "request": "passerelle.cli.request",
    "roadmap": "passerelle.cli.roadmap",
}
_OPTIONS_WITH_VALUE = {"--db"}
_REGISTERED: set[str] = set()


def _command(argv: list[str]) -> str | None:
    """The command named on the command line, skipping the root options."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in _OPTIONS_WITH_VALUE:
            skip = True
        elif not token.startswith("-"):
            return token
    return None


def _register(argv: list[str] | None = None) -> None:
    """Register the command being run, or every command (for help and for tests)."""
    from importlib import import_module

    if argv is not None and any(token == "--version" for token in argv):
        return
    wanted = _command(argv) if argv is not None else None
    modules = [COMMANDS[wanted]] if wanted in COMMANDS else COMMANDS.values()
    for name in dict.fromkeys(modules):
        if name not in _REGISTERED:  # once per process, whoever asks (tests ask often)
            import_module(name).register(app)
            _REGISTERED.add(name)


def main() -> None:
    import sys

    _register(sys.argv[1:])
    app()
