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
) -> None:
    """Passerelle: ask for help well, speak plainly to the business, keep trust."""


def _register() -> None:
    from passerelle.cli import check

    check.register(app)


def main() -> None:
    _register()
    app()
