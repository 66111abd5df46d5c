"""Load rules from YAML into validated, immutable rule values.

Rules live in ``rules/<lang>/plain/*.yaml`` inside the package, and in the extra folders a user
configures (same layout, same format: see ``docs/rules.md``). Every loading error names the file
and the line, so that a typo in a company's own rule file is quick to fix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from functools import cache
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from passerelle.analysis.findings import Audience, Category, Level
from passerelle.analysis.forms import conjugated, forms, is_short_capitals
from passerelle.analysis.kinds import (
    KIND_NAMES,
    Acronym,
    Examples,
    Existence,
    Head,
    ReadabilityRule,
    Rule,
    SentenceLength,
    Substitution,
    Term,
)
from passerelle.analysis.text import fold

PACKAGE_RULES: Traversable = resources.files("passerelle") / "rules"
_LINE = "__line__"
_ID_RE = re.compile(r"^[a-z]{2}(\.[a-z0-9][a-z0-9-]*)+$")


class RuleError(ValueError):
    """A rule file that cannot be used; the message starts with ``path:line:``."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path, self.line, self.reason = path, line, message


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that remembers the line of every mapping."""


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    constructed = loader.construct_mapping(node, deep=True)
    mapping: dict[str, Any] = {str(key): value for key, value in constructed.items()}
    mapping[_LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)

_Loader: type[yaml.SafeLoader | yaml.CSafeLoader]
try:  # libyaml is ten times faster; the glossaries are big.

    class _CLineLoader(yaml.CSafeLoader):
        pass

    _CLineLoader.add_constructor(
        yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
        _mapping_with_line,
    )
    _Loader = _CLineLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = _LineLoader


def read_yaml(path: Traversable | Path) -> Any:
    """Parse one YAML file, turning syntax and encoding errors into ``RuleError``."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise RuleError(name, 0, f"cannot read the file: {error.strerror or error}") from error
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise RuleError(name, line, f"invalid UTF-8 at byte {error.start}") from error
    try:
        return yaml.load(text, Loader=_Loader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        raise RuleError(name, line, f"malformed YAML: {error.problem or error}") from error
    except yaml.YAMLError as error:
        raise RuleError(name, 0, f"malformed YAML: {error}") from error


class _Fields:
    """Typed access to one YAML mapping, with errors that point at it."""

    def __init__(self, data: Any, path: str, what: str, line: int = 0) -> None:
        if not isinstance(data, Mapping):
            raise RuleError(path, line, f"{what} must be a mapping")
        self.data, self.path = data, path
        self.line = int(data.get(_LINE, line))

    def fail(self, message: str) -> RuleError:
        return RuleError(self.path, self.line, message)

    def text(self, key: str, default: str | None = None) -> str:
        value = self.data.get(key, default)
        if value is None:
            raise self.fail(f"missing field '{key}'")
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise self.fail(f"field '{key}' must be text")
        return str(value)

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
            raise self.fail(f"field '{key}' must be a list of texts")
        return tuple(str(v) for v in value)

    def per_audience(self, key: str) -> dict[Audience, float]:
        value = self.data.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return dict.fromkeys(Audience, float(value))
        if not isinstance(value, Mapping):
            raise self.fail(f"field '{key}' must be a number or a mapping of audience to number")
        out: dict[Audience, float] = {}
        for name, number in value.items():
            if name == _LINE:
                continue
            if name not in {a.value for a in Audience}:
                raise self.fail(f"unknown audience '{name}' in '{key}'")
            if not isinstance(number, int | float) or isinstance(number, bool):
                raise self.fail(f"'{key}.{name}' must be a number")
            out[Audience(name)] = float(number)
        return out

    def choice(self, key: str, choices: Iterable[str], default: str | None = None) -> str:
        value = self.text(key, default)
        allowed = list(choices)
        if value not in allowed:
            raise self.fail(f"'{key}' is '{value}', expected one of: {', '.join(allowed)}")
        return value


def _head(fields: _Fields, lang: str) -> Head:
    rule_id = fields.text("id")
    if not _ID_RE.match(rule_id):
        raise fields.fail(f"rule id '{rule_id}' must look like '{lang}.category.name'")
    if not rule_id.startswith(f"{lang}."):
        raise fields.fail(f"rule id '{rule_id}' must start with its language, '{lang}.'")
    examples = fields.data.get("examples")
    ex = _Fields(examples if examples is not None else {}, fields.path, "examples", fields.line)
    audiences = fields.texts("audiences") or tuple(a.value for a in Audience)
    for name in audiences:
        if name not in {a.value for a in Audience}:
            raise fields.fail(f"unknown audience '{name}'")
    return Head(
        id=rule_id,
        lang=lang,
        category=Category(fields.choice("category", (c.value for c in Category))),
        level=Level(fields.choice("level", (lv.value for lv in Level))),
        message=fields.text("message"),
        suggestion=fields.text("suggestion", ""),
        source=fields.text("source", ""),
        examples=Examples(fail=ex.texts("fail"), ok=ex.texts("pass")),
        audiences=frozenset(Audience(a) for a in audiences),
        path=fields.path,
        line=fields.line,
    )


def _compiles(fields: _Fields, pattern: str) -> str:
    try:
        re.compile(pattern)
    except re.error as error:
        raise fields.fail(f"invalid pattern {pattern!r}: {error}") from error
    return pattern


def _rule(fields: _Fields, lang: str, base: Traversable | Path) -> Rule:
    kind = fields.choice("kind", KIND_NAMES)
    head = _head(fields, lang)
    if kind == "existence":
        tokens = fields.texts("tokens")
        patterns = tuple(_compiles(fields, p) for p in fields.texts("patterns"))
        if not tokens and not patterns:
            raise fields.fail("an existence rule needs 'tokens' or 'patterns'")
        return Existence(head=head, tokens=tokens, patterns=patterns)
    if kind == "substitution":
        name = fields.text("glossary")
        folder = base / name
        borrowed = name.startswith("../")
        # "../en/jargon": the glossary of another language, whose verbs conjugate its own way
        spoken = Path(name).parts[1] if borrowed and len(Path(name).parts) > 2 else lang
        terms = load_glossary(folder, head.id, spoken)
        if borrowed:
            terms = (kept for term in terms if (kept := _borrowable(term)) is not None)
        return Substitution(head=head, terms=tuple(terms), borrowed=borrowed)
    if kind == "acronym":
        lexicon = read_yaml(base / fields.text("lexicon"))
        lex = _Fields(lexicon, str(base / fields.text("lexicon")), "acronym lexicon")
        expansions = lex.data.get("expansions") or {}
        if not isinstance(expansions, Mapping):
            raise lex.fail("'expansions' must be a mapping of acronym to its spelled-out form")
        return Acronym(
            head=head,
            known=frozenset(lex.texts("known")),
            expansions={str(k): str(v) for k, v in expansions.items() if k != _LINE},
        )
    if kind == "sentence-length":
        limits = fields.per_audience("max_words")
        return SentenceLength(head=head, max_words={a: int(v) for a, v in limits.items()})
    from passerelle.analysis.readability import FORMULAS

    return ReadabilityRule(
        head=head,
        formula=fields.choice("formula", FORMULAS),
        min_score=fields.per_audience("min_score"),
        min_words=int(fields.text("min_words", "40")),
    )


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-") or "term"


def load_glossary(folder: Traversable | Path, rule_id: str, lang: str = "") -> Iterator[Term]:
    """Every entry of every ``*.yaml`` file in a glossary folder, as ``Term`` values."""
    if not folder.is_dir():
        raise RuleError(str(folder), 0, "glossary folder not found")
    for path in sorted((p for p in folder.iterdir() if p.name.endswith(".yaml")), key=str):
        data = read_yaml(path)
        top = _Fields(data, str(path), "a glossary file")
        entries = top.data.get("entries")
        if not isinstance(entries, list):
            raise top.fail("a glossary file needs a list of 'entries'")
        for entry in entries:
            fields = _Fields(entry, str(path), "a glossary entry", top.line)
            yield _term(fields, rule_id, lang or rule_id.split(".", 1)[0])


def _term(fields: _Fields, rule_id: str, lang: str) -> Term:
    term = fields.text("term")
    variants = fields.texts("variants")
    case = fields.choice("case", ("sensitive", "insensitive")) if "case" in fields.data else ""
    if "inflect" in fields.data:
        fields.choice("inflect", ("verb",))  # regular forms of a verb, in the glossary's language
        variants = tuple(
            dict.fromkeys(form for v in (term, *variants) for form in conjugated(v, lang))
        )
    exact: list[str] = []
    folded: list[str] = []
    for spelling in (term, *variants):
        # Capitals of six letters or fewer are words in lower case ("ci", "mr", "has" for HAs).
        sensitive = case == "sensitive" if case else is_short_capitals(spelling)
        (exact if sensitive else folded).append(spelling)
    return Term(
        id=f"{rule_id}.{_slug(term)}",
        term=term,
        forms=tuple(sorted(forms(folded, lang))),
        plain=fields.text("plain"),
        explain=fields.text("explain"),
        example=fields.text("example"),
        exact_forms=tuple(sorted(forms(exact, lang))),
        preceded_by=frozenset(fold(w).lower() for w in fields.texts("preceded_by")),
        not_followed_by=fields.texts("not_followed_by"),
        path=fields.path,
        line=fields.line,
    )


def _borrowable(term: Term) -> Term | None:
    """The forms of a foreign term that cannot be a word of the borrowing language.

    A single English word is too often a French one as well ("compiler", "repos", "patch"), and
    an acronym reads the same in both languages (la SPA): only phrases and English -ing forms
    ("le throttling", "un batch job") are borrowed.
    """
    forms = tuple(f for f in term.forms if " " in f or f.endswith(("ing", "ings")))
    if not forms:
        return None
    return replace(term, forms=forms, exact_forms=())


def load_folder(folder: Traversable | Path, lang: str) -> list[Rule]:
    """The rules of one language folder (``<folder>/plain/*.yaml``)."""
    rules: list[Rule] = []
    plain = folder / "plain"
    if not plain.is_dir():
        return rules
    for path in sorted((p for p in plain.iterdir() if p.name.endswith(".yaml")), key=str):
        data = read_yaml(path)
        top = _Fields(data, str(path), "a rule file")
        items = top.data.get("rules")
        if not isinstance(items, list):
            raise top.fail("a rule file needs a list of 'rules'")
        rules.extend(
            _rule(_Fields(item, str(path), "a rule", top.line), lang, folder) for item in items
        )
    return rules


@cache
def builtin_rules(lang: str) -> tuple[Rule, ...]:
    """The rules shipped in the package for one language, loaded once."""
    return tuple(load_folder(PACKAGE_RULES / lang, lang))


def load_rules(lang: str, extra_folders: tuple[Path, ...] = ()) -> tuple[Rule, ...]:
    """Built-in rules plus the user's own folders (each laid out as ``<lang>/plain/*.yaml``)."""
    rules = list(builtin_rules(lang))
    seen = {rule.head.id for rule in rules}
    for folder in extra_folders:
        for rule in load_folder(folder / lang, lang):
            if rule.head.id in seen:
                raise RuleError(
                    rule.head.path, rule.head.line, f"duplicate rule id '{rule.head.id}'"
                )
            seen.add(rule.head.id)
            rules.append(rule)
    return tuple(rules)
