"""The checker: rules compiled once per language, run over a text in one pass per kind."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from passerelle.analysis.findings import Audience, Category, Finding, Level
from passerelle.analysis.forms import forms
from passerelle.analysis.kinds import (
    Acronym,
    Existence,
    Head,
    ReadabilityRule,
    Rule,
    SentenceLength,
    Substitution,
    Term,
)
from passerelle.analysis.matcher import Hit, PhraseMatcher
from passerelle.analysis.rules import load_rules
from passerelle.analysis.sentences import Sentence
from passerelle.analysis.text import at_word_boundary

_ACRONYM = re.compile(r"(?<![\w&/-])([A-Z][A-Z0-9&]{1,7})(s?)(?![\w&/-])")
_ROMAN = re.compile(r"^[IVXLCDM]+$")


@dataclass(frozen=True, slots=True)
class Options:
    """What a user may tune without writing rules (``passerelle.toml``)."""

    disabled: frozenset[str] = frozenset()  # rule ids, id prefixes or categories
    accepted: frozenset[str] = frozenset()  # a company's own words, never flagged (case-folded)
    max_words: int | None = None  # overrides the sentence-length rules' limit
    min_score: float | None = None  # overrides the readability rules' minimum
    rule_folders: tuple[Path, ...] = ()

    def enabled(self, head: Head) -> bool:
        return not any(
            head.id == name or head.id.startswith(name + ".") or head.category == name
            for name in self.disabled
        )


@dataclass(slots=True)
class Segment:
    """A run of paragraphs in one language, as offsets into the text."""

    start: int
    end: int
    lang: str


@dataclass(slots=True)
class Compiled:
    """Every rule of one language, ready to run."""

    lang: str
    rules: tuple[Rule, ...]
    terms: PhraseMatcher[tuple[Substitution, Term]] = field(default_factory=PhraseMatcher)
    phrases: PhraseMatcher[Existence] = field(default_factory=PhraseMatcher)
    patterns: list[tuple[Existence, re.Pattern[str]]] = field(default_factory=list)
    acronyms: list[Acronym] = field(default_factory=list)
    lengths: list[SentenceLength] = field(default_factory=list)
    readability: list[ReadabilityRule] = field(default_factory=list)

    def __post_init__(self) -> None:
        for rule in self.rules:
            if isinstance(rule, Substitution):
                for term in rule.terms:
                    for form in term.forms:
                        self.terms.add(
                            form,
                            (rule, term),
                            case_sensitive=term.case_sensitive,
                            preceded_by=term.preceded_by,
                        )
            elif isinstance(rule, Existence):
                for token in forms(rule.tokens):
                    self.phrases.add(token, rule)
                if rule.patterns:
                    joined = "|".join(f"(?:{p})" for p in rule.patterns)
                    self.patterns.append((rule, re.compile(joined, re.IGNORECASE)))
            elif isinstance(rule, Acronym):
                self.acronyms.append(rule)
            elif isinstance(rule, SentenceLength):
                self.lengths.append(rule)
            else:
                self.readability.append(rule)
        self.terms.compile()
        self.phrases.compile()


@cache
def compiled(lang: str, folders: tuple[Path, ...] = ()) -> Compiled:
    """The rules of a language, loaded and compiled once per process."""
    return Compiled(lang, load_rules(lang, folders))


def _finding(
    head: Head,
    start: int,
    end: int,
    text: str,
    message: str,
    suggestion: str,
    explanation: str = "",
    level: Level | None = None,
) -> Finding:
    return Finding(
        rule=head.id,
        category=head.category,
        level=level or head.level,
        offset=start,
        length=end - start,
        match=text[start:end],
        message=message,
        suggestion=suggestion,
        explanation=explanation,
    )


def _fill(template: str, **values: object) -> str:
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


class Run:
    """One check of one text: the texts it needs, computed once and shared by every kind."""

    def __init__(
        self,
        original: str,
        masked: str,
        folded: str,
        lowered: str,
        audience: Audience,
        options: Options,
    ) -> None:
        self.original, self.masked, self.folded, self.lowered = original, masked, folded, lowered
        self.audience, self.options = audience, options

    def wanted(self, head: Head) -> bool:
        return self.audience in head.audiences and self.options.enabled(head)

    def accepted(self, match: str) -> bool:
        return bool(self.options.accepted) and match.casefold() in self.options.accepted

    def jargon(
        self, rules: Compiled, seg: Segment
    ) -> Iterator[tuple[Hit[tuple[Substitution, Term]], Finding]]:
        for hit in rules.terms.find(self.folded, self.lowered, seg.start, seg.end):
            rule, term = hit.payload
            if not self.wanted(rule.head):
                continue
            match = self.original[hit.start : hit.end]
            if self.accepted(match) or self.accepted(term.term):
                continue
            head = replace(rule.head, id=term.id)
            values = {
                "match": match,
                "term": term.term,
                "plain": term.plain,
                "explain": term.explain,
            }
            yield (
                hit,
                _finding(
                    head,
                    hit.start,
                    hit.end,
                    self.original,
                    _fill(rule.head.message, **values),
                    _fill(rule.head.suggestion, **values),
                    term.explain,
                ),
            )

    def existence(self, rules: Compiled, seg: Segment) -> Iterator[Finding]:
        hits = rules.phrases.find(self.folded, self.lowered, seg.start, seg.end)
        for rule, pattern in rules.patterns:
            for m in pattern.finditer(self.folded, seg.start, seg.end):
                if m.end() > m.start() and at_word_boundary(self.folded, m.start(), m.end()):
                    hits.append(Hit(m.start(), m.end(), rule))
        seen: set[tuple[int, int]] = set()
        for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
            rule = hit.payload
            if not self.wanted(rule.head) or any(s <= hit.start < e for s, e in seen):
                continue
            seen.add((hit.start, hit.end))
            match = self.original[hit.start : hit.end]
            yield _finding(
                rule.head,
                hit.start,
                hit.end,
                self.original,
                _fill(rule.head.message, match=match),
                _fill(rule.head.suggestion, match=match),
            )

    def acronyms(
        self,
        rules: Compiled,
        seg: Segment,
        taken: list[tuple[int, int]],
        defined: set[str],
        flagged: set[str],
    ) -> Iterator[Finding]:
        for rule in rules.acronyms:
            if not self.wanted(rule.head):
                continue
            for m in _ACRONYM.finditer(self.masked, seg.start, seg.end):
                name = m.group(1)
                if (
                    name in flagged
                    or name in defined
                    or name in rule.known
                    or not rule.min_length <= len(name) <= rule.max_length
                    or sum(ch.isupper() for ch in name) < 2
                    or _ROMAN.match(name)
                    or self.accepted(name)
                    or _shouting(self.masked, m.start())
                    or any(s < m.end() and m.start() < e for s, e in taken)
                ):
                    continue
                flagged.add(name)
                expansion = rule.expansions.get(name, "")
                values = {"match": name, "expansion": expansion}
                suggestion = rule.head.suggestion if expansion else ""
                yield _finding(
                    rule.head,
                    m.start(1),
                    m.end(1),
                    self.original,
                    _fill(rule.head.message, **values),
                    _fill(suggestion, **values),
                    expansion,
                )

    def lengths(self, rules: Compiled, sentences: list[Sentence]) -> Iterator[Finding]:
        for rule in rules.lengths:
            if not self.wanted(rule.head):
                continue
            limit = self.options.max_words or rule.max_words.get(self.audience)
            if not limit:
                continue
            for s in sentences:
                if s.words > limit:
                    yield _finding(
                        rule.head,
                        s.start,
                        s.end,
                        self.original,
                        _fill(rule.head.message, words=s.words, max=limit),
                        _fill(rule.head.suggestion, words=s.words, max=limit),
                    )


def _shouting(text: str, offset: int) -> bool:
    """True inside a line written in capitals (a title, a shout): no acronym to define there."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start : end if end != -1 else len(text)]
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) > 12 and sum(ch.isupper() for ch in letters) / len(letters) > 0.7


_DEFINED_AFTER = re.compile(r"\b([A-Z][A-Z0-9&]{1,7})s?\s*\(\s*[^\W\d_][^()\n]*?\s[^()\n]+\)")
_DEFINED_BEFORE = re.compile(r"[^\W\d_][^()\n]*\s\(\s*([A-Z][A-Z0-9&]{1,7})s?\s*\)")


def defined_acronyms(text: str) -> set[str]:
    """Acronyms spelled out somewhere in the text: "SLA (service-level agreement)" or
    "service-level agreement (SLA)"."""
    return {m.group(1) for m in _DEFINED_AFTER.finditer(text)} | {
        m.group(1) for m in _DEFINED_BEFORE.finditer(text)
    }


__all__ = ["Category", "Compiled", "Options", "Run", "Segment", "compiled", "defined_acronyms"]
