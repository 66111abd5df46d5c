"""The checker: rules compiled once per language, run over a text in one pass per kind."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import InitVar, dataclass, field
from functools import cache
from pathlib import Path
from typing import cast

from passerelle.analysis.acronyms import Candidate
from passerelle.analysis.acronyms import find as find_acronyms
from passerelle.analysis.findings import Audience, Category, Finding
from passerelle.analysis.forms import forms
from passerelle.analysis.kinds import (
    Acronym,
    Existence,
    Head,
    ReadabilityRule,
    Rule,
    SentenceLength,
    Substitution,
)
from passerelle.analysis.matcher import Hit, Mark, PhraseMatcher, longest_first
from passerelle.analysis.prefilter import PatternSet
from passerelle.analysis.rules import PACKAGE_RULES, load_rules
from passerelle.analysis.sentences import Sentence
from passerelle.analysis.text import LineIndex, ends_word, starts_word


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


# What a glossary finding needs of its rule and term: the rule's head, the term's id, the term,
# its plain alternative and its explanation. A plain tuple, so that the rule cache holds neither
# the glossary's thousands of spellings nor objects that are slow to restore.
Gloss = tuple[Head, str, str, str, str]


@dataclass(slots=True)
class Compiled:
    """Every rule of one language, ready to run (the rules themselves are not kept)."""

    lang: str
    rules: InitVar[tuple[Rule, ...]]
    # Glossary terms and existence phrases, with the prefilter's words marked: one reading.
    phrases: PhraseMatcher[Gloss | Existence] = field(default_factory=PhraseMatcher)
    patterns: PatternSet[Existence] = field(default_factory=lambda: PatternSet([]))
    acronyms: list[Acronym] = field(default_factory=list)
    lengths: list[SentenceLength] = field(default_factory=list)
    readability: list[ReadabilityRule] = field(default_factory=list)

    def __post_init__(self, rules: tuple[Rule, ...]) -> None:
        sources: list[tuple[str, Existence]] = []
        for rule in rules:
            if isinstance(rule, Substitution):
                for term in rule.terms:
                    spellings = [(f, False) for f in term.forms] + [
                        (f, True) for f in term.exact_forms
                    ]
                    payload = (rule.head, term.id, term.term, term.plain, term.explain)
                    for form, exact in spellings:
                        self.phrases.add(
                            form,
                            payload,
                            case_sensitive=exact,
                            preceded_by=term.preceded_by,
                            not_followed_by=term.not_followed_by,
                        )
            elif isinstance(rule, Existence):
                for token in forms(rule.tokens):
                    self.phrases.add(token, rule)
                sources.extend((pattern, rule) for pattern in rule.patterns)
            elif isinstance(rule, Acronym):
                self.acronyms.append(rule)
            elif isinstance(rule, SentenceLength):
                self.lengths.append(rule)
            else:
                self.readability.append(rule)
        self.patterns = PatternSet(sources)
        self.patterns.marks_into(self.phrases)
        self.phrases.compile()


def use_cache_dir(folder: Path | None) -> None:
    """Keep compiled rules (and the pronouncing dictionary's syllables) in ``folder`` between
    runs (the command line does; None turns it off)."""
    from passerelle.analysis import cache as disk
    from passerelle.analysis.readability import _cmu

    disk.use_folder(folder)
    compiled.cache_clear()
    _cmu.cache_clear()


@cache
def compiled(lang: str, folders: tuple[Path, ...] = ()) -> Compiled:
    """The rules of a language, loaded and compiled once per process (and cached on disk when
    ``use_cache_dir`` was called)."""
    from passerelle.analysis import cache as disk

    cache_dir = disk.folder()
    if cache_dir is None:
        return Compiled(lang, load_rules(lang, folders))
    code = Path(__file__).resolve().parent  # a new compiler makes new compiled rules
    sources = [code, Path(str(PACKAGE_RULES / lang)), *(folder / lang for folder in folders)]
    return disk.load_or_build(
        cache_dir, f"rules-{lang}", sources, lambda: Compiled(lang, load_rules(lang, folders))
    )


def _whole_words(text: str, start: int, end: int) -> bool:
    """A pattern match must not cut a word; an edge that is punctuation ('ll, %) may touch one."""
    return (not text[start].isalnum() or starts_word(text, start)) and (
        not text[end - 1].isalnum() or ends_word(text, end)
    )


def _fill(template: str, **values: object) -> str:
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


@dataclass(slots=True)
class Reading:
    """What one reading of a segment found: glossary terms, existence phrases, marked words."""

    terms: list[Hit[Gloss]] = field(default_factory=list)
    phrases: list[Hit[Existence]] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)


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
        self.lines = LineIndex(original)
        self._acronyms: list[Candidate] | None = None

    def finding(
        self,
        head: Head,
        start: int,
        end: int,
        message: str,
        suggestion: str,
        explanation: str = "",
        rule: str = "",
    ) -> Finding:
        """A finding on ``original[start:end]``, with its line and column."""
        line, column = self.lines.locate(start)
        return Finding(
            rule or head.id,
            head.category,
            head.level,
            start,
            end - start,
            self.original[start:end],
            message,
            suggestion,
            explanation,
            line,
            column,
        )

    def wanted(self, head: Head) -> bool:
        return self.audience in head.audiences and self.options.enabled(head)

    def accepted(self, match: str) -> bool:
        return bool(self.options.accepted) and match.casefold() in self.options.accepted

    def read(self, rules: Compiled, seg: Segment) -> Reading:
        """One pass of the language's automaton over a segment, sorted by kind of rule."""
        reading = Reading()
        hits = rules.phrases.find(self.folded, self.lowered, seg.start, seg.end, reading.marks)
        for hit in hits:
            if isinstance(hit.payload, Existence):
                reading.phrases.append(cast(Hit[Existence], hit))
            else:
                reading.terms.append(cast(Hit[Gloss], hit))
        reading.terms = longest_first(reading.terms)
        return reading

    def jargon(self, reading: Reading) -> Iterator[tuple[Hit[Gloss], Finding]]:
        for hit in reading.terms:
            head, term_id, term, plain, explain = hit.payload
            if not self.wanted(head):
                continue
            match = self.original[hit.start : hit.end]
            if self.accepted(match) or self.accepted(term):
                continue
            values = {"match": match, "term": term, "plain": plain, "explain": explain}
            yield (
                hit,
                self.finding(
                    head,
                    hit.start,
                    hit.end,
                    _fill(head.message, **values),
                    _fill(head.suggestion, **values),
                    explain,
                    rule=term_id,
                ),
            )

    def existence(self, rules: Compiled, seg: Segment, reading: Reading) -> Iterator[Finding]:
        hits = list(reading.phrases)
        for m, rule in rules.patterns.finditer(self.lowered, seg.start, seg.end, reading.marks):
            if m.end() > m.start() and _whole_words(self.lowered, m.start(), m.end()):
                hits.append(Hit(m.start(), m.end(), rule))
        reach = -1
        for hit in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
            rule = hit.payload
            if not self.wanted(rule.head) or hit.start < reach:
                continue
            reach = hit.end
            match = self.original[hit.start : hit.end]
            yield self.finding(
                rule.head,
                hit.start,
                hit.end,
                _fill(rule.head.message, match=match),
                _fill(rule.head.suggestion, match=match),
            )

    def acronyms(
        self,
        rules: Compiled,
        seg: Segment,
        taken: list[tuple[int, int]],
        flagged: set[str],
    ) -> Iterator[Finding]:
        if self._acronyms is None:  # once per text: a definition may come after a use
            self._acronyms = find_acronyms(self.masked)
        candidates = self._acronyms
        taken_starts = sorted(start for start, _ in taken)
        taken_ends = dict(taken)
        for rule in rules.acronyms:
            if not self.wanted(rule.head):
                continue
            first = bisect_left(candidates, (seg.start,))
            for start, end, name in candidates[first:]:
                if start >= seg.end:
                    break
                if (
                    name in flagged
                    or name in rule.known
                    or not rule.min_length <= len(name) <= rule.max_length
                    or self.accepted(name)
                    or _inside(taken_starts, taken_ends, start)
                ):
                    continue
                flagged.add(name)
                expansion = rule.expansions.get(name, "")
                values = {"match": name, "expansion": expansion}
                suggestion = rule.head.suggestion if expansion else ""
                yield self.finding(
                    rule.head,
                    start,
                    end,
                    _fill(rule.head.message, **values),
                    _fill(suggestion, **values),
                    expansion,
                )

    def length_limit(self, rules: Compiled) -> int | None:
        """The smallest number of words a sentence may hold under the rules that apply."""
        limits = [self._limit(rule) for rule in rules.lengths if self.wanted(rule.head)]
        return min((limit for limit in limits if limit), default=None)

    def _limit(self, rule: SentenceLength) -> int | None:
        return self.options.max_words or rule.max_words.get(self.audience)

    def lengths(self, rules: Compiled, long: list[Sentence]) -> Iterator[Finding]:
        """Findings for the sentences (found longer than ``length_limit``) over each rule's."""
        for rule in rules.lengths:
            limit = self._limit(rule)
            if not limit or not self.wanted(rule.head):
                continue
            for s in long:
                if s.words > limit:
                    values = {"words": s.words, "max": limit}
                    yield self.finding(
                        rule.head,
                        s.start,
                        s.end,
                        _fill(rule.head.message, **values),
                        _fill(rule.head.suggestion, **values),
                    )


def _inside(starts: list[int], ends: dict[int, int], offset: int) -> bool:
    """True when ``offset`` falls inside one of the spans (given as sorted starts and ends)."""
    at = bisect_right(starts, offset) - 1
    return at >= 0 and offset < ends[starts[at]]


__all__ = ["Category", "Compiled", "Options", "Run", "Segment", "compiled"]
