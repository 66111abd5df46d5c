"""Hypothesis: check_ask never crashes, its spans stay inside the text, it is deterministic."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from passerelle.analysis import check_ask
from passerelle.analysis.ask.result import QUALITIES, URGENCIES

# Words the cues look for, mixed with arbitrary text, so that cues actually fire.
VOCAB = st.sampled_from(
    [
        "I see three options", "between", "and", "or", "soit", "Has anyone", "?", "\n- ",
        "j’hésite", "entre", "perdu", "everything is", "prod is down", "urgent", "budget",
        "security", "my career", "team,", "\u00a0", "\u202f", "İ", "é", "œ", "’", "…", "1) ",
        "2) ", "quelqu'un a", "Vous feriez quoi", "\t", "  ", ".", "!",
    ]
)  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(VOCAB, st.text(max_size=12)), max_size=40).map(" ".join),
)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_never_crashes_and_spans_point_inside_the_text(text: str) -> None:
    result = check_ask(text)
    assert result.quality in QUALITIES
    assert result.urgency in URGENCIES
    assert 0 <= result.score <= 100
    for part in result.parts:
        for start, end in part.spans:
            assert 0 <= start < end <= len(text)
    for cue in result.cues:
        assert 0 <= cue.start < cue.end <= len(text)
        assert text[cue.start : cue.end] == cue.text
    assert result.circle in {c.circle for c in result.circles}


@settings(max_examples=100, deadline=None)
@given(TEXTS, st.sampled_from([None, "peers", "mentors", "team", "ceo", "experts"]))
def test_deterministic(text: str, circle: str | None) -> None:
    assert check_ask(text, circle=circle).to_json() == check_ask(text, circle=circle).to_json()


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_score_agrees_with_the_class(text: str) -> None:
    result = check_ask(text)
    band = {"paralysing": (0, 34), "incomplete": (35, 69), "productive": (70, 100)}
    low, high = band[result.quality]
    assert low <= result.score <= high
