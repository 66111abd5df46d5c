"""The checker's configuration: ``passerelle.toml`` or ``[tool.passerelle]`` in ``pyproject.toml``.

The file is looked for upwards from the checked file, as linters do, so a repository of memos
can carry its own thresholds, disabled rules, extra rule folders and accepted words.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from passerelle.analysis.engine import Options

_KEYS = {"audience", "disable", "accept", "rules", "max_words", "min_score", "lang"}


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file."""


@dataclass(frozen=True, slots=True)
class CheckConfig:
    options: Options
    audience: str | None = None
    lang: str | None = None
    path: Path | None = None


def _section(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read the configuration: {error}") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: malformed TOML: {error}") from error
    if path.name == "pyproject.toml":
        section = data.get("tool", {}).get("passerelle")
        if section is None:
            return None
        section = section.get("check", section)
    else:
        section = data.get("check", data)
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: the passerelle section must be a table")
    return section


@cache
def find_config(start: Path) -> Path | None:
    """The nearest ``passerelle.toml``, or ``pyproject.toml`` with a passerelle section."""
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        for name in ("passerelle.toml", "pyproject.toml"):
            path = candidate / name
            if path.is_file() and (name == "passerelle.toml" or _section(path) is not None):
                return path
    return None


def _strings(path: Path, section: dict[str, Any], key: str) -> tuple[str, ...]:
    value = section.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: '{key}' must be a list of strings")
    return tuple(value)


def _number(path: Path, section: dict[str, Any], key: str) -> float | None:
    value = section.get(key)
    if value is not None and (not isinstance(value, int | float) or isinstance(value, bool)):
        raise ConfigError(f"{path}: '{key}' must be a number")
    return value


@cache
def load_config(path: Path) -> CheckConfig:
    section = _section(path) or {}
    unknown = set(section) - _KEYS
    if unknown:
        raise ConfigError(f"{path}: unknown setting(s): {', '.join(sorted(unknown))}")
    max_words = _number(path, section, "max_words")
    options = Options(
        disabled=frozenset(_strings(path, section, "disable")),
        accepted=frozenset(w.casefold() for w in _strings(path, section, "accept")),
        max_words=int(max_words) if max_words is not None else None,
        min_score=_number(path, section, "min_score"),
        rule_folders=tuple((path.parent / f).resolve() for f in _strings(path, section, "rules")),
    )
    for folder in options.rule_folders:
        if not folder.is_dir():
            raise ConfigError(f"{path}: rule folder not found: {folder}")
    audience, lang = section.get("audience"), section.get("lang")
    return CheckConfig(options, audience, lang, path)


def config_for(target: Path | None) -> CheckConfig:
    """The configuration that applies to a file (or to the current folder for stdin)."""
    found = find_config((target or Path.cwd()).resolve())
    return load_config(found) if found else CheckConfig(Options())
