"""A cache of compiled rules on disk, so that a short command does not parse every glossary.

Parsing a thousand glossary entries and building the automaton takes longer than checking a
memo; a command-line run would pay it every time. The cache holds the compiled rules of one
language, keyed by the package version and by the size and time of every rule file used and of
the analysis code that compiles them, so any edit to a rule file (built-in or the user's own) or
to the compiler invalidates it. Anything wrong with the cache (missing, corrupt, unwritable
folder) falls back to compiling: the cache can only save time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from passerelle import __version__

T = TypeVar("T")

_FOLDER: list[Path] = []


def use_folder(folder: Path | None) -> None:
    """Keep what is costly to build in ``folder`` between runs (the command line does; None,
    the default, builds everything in memory once per process)."""
    _FOLDER[:] = [folder] if folder else []


def folder() -> Path | None:
    return _FOLDER[0] if _FOLDER else None


def _fingerprint(folders: Iterable[Path]) -> str:
    digest = hashlib.sha256(__version__.encode())
    for folder in folders:
        digest.update(str(folder).encode())
        if not folder.is_dir():
            continue
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                stat = (Path(root) / name).stat()
                digest.update(f"{root}/{name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:20]


def load_or_build(cache_dir: Path, name: str, folders: Iterable[Path], build: Callable[[], T]) -> T:
    """The cached value for ``name`` built from ``folders``, building and storing it if needed."""
    path = cache_dir / f"{name}-{_fingerprint(folders)}.pickle"
    try:
        with path.open("rb") as handle:
            value: T = pickle.load(handle)
        return value
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
        pass
    value = build()
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for old in cache_dir.glob(f"{name}-*.pickle"):
            old.unlink(missing_ok=True)
        with tempfile.NamedTemporaryFile(dir=cache_dir, delete=False, suffix=".tmp") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        Path(out.name).replace(path)
    except (OSError, pickle.PickleError, TypeError):
        pass
    return value
