"""Properties every check must keep, whatever the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from passerelle.analysis import check_text
from passerelle.analysis.kinds import Substitution
from passerelle.analysis.rules import load_rules
from passerelle.analysis.text import fold_case

PIECES = ["é", "è", "œ", "’", "'", "\u00a0", "\u202f", "-", "\n", "#", "`", "*", "(", ")", "%"]
TEXTS = st.lists(
    st.one_of(
        st.text(max_size=12),
        st.sampled_from([*PIECES, "CI", "SLA", " rollback ", "zéro bug", "```\n", "http://x.y "]),
    ),
    max_size=40,
).map("".join)
PROSE = st.lists(
    st.sampled_from(
        "le la les une des équipe réunion été client vente budget semaine prochain "
        "the a team meeting customer sales budget week next plan Paris Lyon "
        "rollback CI Kubernetes zéro garanti SLA MTTR 100 % never fails\n\n . , ’".split(" ")
    ),
    max_size=80,
).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(TEXTS, PROSE))
def test_findings_point_at_their_match(text: str) -> None:
    result = check_text(text)
    for f in result.findings:
        assert 0 <= f.offset <= len(text)
        assert text[f.offset : f.offset + f.length] == f.match
        assert f.line >= 1 and f.column >= 1


@settings(max_examples=60, deadline=None)
@given(PROSE, st.sampled_from(["business", "tech"]))
def test_results_are_deterministic(text: str, audience: str) -> None:
    assert check_text(text, audience) == check_text(text, audience)


def _glossary_forms(lang: str) -> list[str]:
    return [
        fold_case(form)
        for rule in load_rules(lang)
        if isinstance(rule, Substitution)
        for term in rule.terms
        for form in (*term.forms, *term.exact_forms)
    ]


FORMS = {lang: _glossary_forms(lang) for lang in ("fr", "en")}


@settings(max_examples=150, deadline=None)
@given(st.one_of(TEXTS, PROSE), st.sampled_from(["fr", "en"]))
def test_no_jargon_finding_without_a_glossary_term(text: str, lang: str) -> None:
    lowered = fold_case(text)
    if any(form in lowered for form in FORMS[lang]):
        return
    result = check_text(text, lang=lang)
    assert not [f for f in result.findings if f.category == "jargon"]
