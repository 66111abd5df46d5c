"""Every rule carries examples that must fail and must pass; one test runs them all.

Glossary entries are rules too: each entry's example must be flagged with that entry's id, and
the same example with the term replaced by the plain alternative must not be.
"""

from __future__ import annotations

import pytest

from passerelle.analysis import check_text
from passerelle.analysis.engine import compiled
from passerelle.analysis.findings import Audience
from passerelle.analysis.kinds import Rule, Substitution, Term
from passerelle.analysis.lang import LANGS
from passerelle.analysis.rules import builtin_rules

RULES = [rule for lang in LANGS for rule in builtin_rules(lang)]
# Each glossary entry is tested in its own language; a borrowed glossary (English terms in
# French text) is tested through its rule's examples.
TERMS = [
    (rule, term)
    for rule in RULES
    if isinstance(rule, Substitution) and not rule.borrowed
    for term in rule.terms
]


def _audience(rule: Rule) -> Audience:
    return Audience.BUSINESS if Audience.BUSINESS in rule.head.audiences else Audience.TECH


def _ids(text: str, rule: Rule) -> set[str]:
    result = check_text(text, audience=_audience(rule), lang=rule.head.lang)
    return {f.rule for f in result.findings}


def _fires(ids: set[str], rule: Rule) -> bool:
    return any(i == rule.head.id or i.startswith(rule.head.id + ".") for i in ids)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.head.id)
def test_rule_is_documented(rule: Rule) -> None:
    assert rule.head.source.strip(), f"{rule.head.path}: {rule.head.id} has no source"
    assert rule.head.examples.fail, f"{rule.head.path}: {rule.head.id} has no failing example"
    assert rule.head.examples.ok, f"{rule.head.path}: {rule.head.id} has no passing example"


@pytest.mark.parametrize(
    ("rule", "example"),
    [(rule, ex) for rule in RULES for ex in rule.head.examples.fail],
    ids=lambda v: v.head.id if hasattr(v, "head") else v[:40],
)
def test_failing_example_is_flagged(rule: Rule, example: str) -> None:
    assert _fires(_ids(example, rule), rule), f"{rule.head.id} misses: {example}"


@pytest.mark.parametrize(
    ("rule", "example"),
    [(rule, ex) for rule in RULES for ex in rule.head.examples.ok],
    ids=lambda v: v.head.id if hasattr(v, "head") else v[:40],
)
def test_passing_example_is_clean(rule: Rule, example: str) -> None:
    assert not _fires(_ids(example, rule), rule), f"{rule.head.id} flags: {example}"


@pytest.mark.parametrize(("rule", "term"), TERMS, ids=lambda v: getattr(v, "id", ""))
def test_glossary_example_is_flagged_then_plain_is_clean(rule: Substitution, term: Term) -> None:
    result = check_text(term.example, audience="business", lang=rule.head.lang)
    hits = [f for f in result.findings if f.rule == term.id]
    assert hits, f"{term.path}:{term.line}: the example does not use '{term.term}'"
    rewritten = term.example
    for hit in sorted(hits, key=lambda f: f.offset, reverse=True):
        rewritten = rewritten[: hit.offset] + term.plain + rewritten[hit.offset + hit.length :]
    again = check_text(rewritten, audience="business", lang=rule.head.lang)
    assert term.id not in {f.rule for f in again.findings}, (
        f"{term.path}:{term.line}: the plain alternative still reads as '{term.term}'"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_is_broad(lang: str) -> None:
    terms = [
        t
        for r in builtin_rules(lang)
        if isinstance(r, Substitution) and not r.borrowed
        for t in r.terms
    ]
    assert len(terms) >= 400, f"{lang}: only {len(terms)} glossary terms"


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_forms_are_unique(lang: str) -> None:
    owner: dict[tuple[str, bool], str] = {}
    clashes = []
    for rule in builtin_rules(lang):
        if not isinstance(rule, Substitution) or rule.borrowed:
            continue
        for term in rule.terms:
            keys = [(f.casefold(), False, f) for f in term.forms]
            keys += [(f, True, f) for f in term.exact_forms]
            for text, exact, form in keys:
                key = (text, exact)
                if key in owner and owner[key] != term.id:
                    clashes.append(f"'{form}' in {owner[key]} and {term.id} ({term.path})")
                owner[key] = term.id
    assert not clashes, "\n".join(clashes)


@pytest.mark.parametrize("lang", LANGS)
def test_rules_compile_once(lang: str) -> None:
    assert compiled(lang) is compiled(lang)
