"""Reading the texts a command is given: files, folders walked for prose, or standard input.

Every failure becomes an ``InputError`` with a message that names the file and, for bad
encodings, the byte, so that the user can fix it without guessing.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = (".md", ".markdown", ".txt")
MAX_BYTES = 20 * 1024 * 1024
STDIN = "-"


class InputError(Exception):
    """An input that cannot be read; the message says which and why."""


@dataclass(frozen=True, slots=True)
class Source:
    name: str  # as shown to the user: the path given, or "<stdin>"
    path: Path | None  # None for standard input


def expand(targets: list[str]) -> Iterator[Source | InputError]:
    """Files as given, folders walked for Markdown and text files, ``-`` for stdin."""
    for target in targets or [STDIN]:
        if target == STDIN:
            yield Source("<stdin>", None)
            continue
        path = Path(target)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in TEXT_SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            yield from (Source(str(p), p) for p in found)
        elif path.exists():
            yield Source(target, path)
        else:
            yield InputError(f"{target}: no such file or folder")


def decode(name: str, raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start]
        raise InputError(
            f"{name}: invalid UTF-8 at byte {error.start} (line {line}, byte 0x{byte:02x}); "
            "save the file as UTF-8"
        ) from error


def read(source: Source, max_bytes: int = MAX_BYTES) -> str:
    """The text of a source, decoded as UTF-8."""
    try:
        if source.path is None:
            raw = sys.stdin.buffer.read(max_bytes + 1)
        else:
            with source.path.open("rb") as handle:
                raw = handle.read(max_bytes + 1)
    except OSError as error:
        raise InputError(f"{source.name}: cannot read: {error.strerror or error}") from error
    if len(raw) > max_bytes:
        raise InputError(
            f"{source.name}: larger than {max_bytes // (1024 * 1024)} MB; "
            "split it or raise the limit with --max-size"
        )
    return decode(source.name, raw)
