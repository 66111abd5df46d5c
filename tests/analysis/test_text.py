from __future__ import annotations

import pytest

from passerelle.analysis.text import LineIndex, at_word_boundary, fold, fold_case


def test_fold_keeps_length_and_folds_typography() -> None:
    text = "l’équipe\u00a0: prête\u202f! ‑ ok"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "l'équipe : prête ! - ok"


def test_fold_case_keeps_length_even_for_dotted_capital_i() -> None:
    text = "İSTANBUL Œuvre"
    assert len(fold_case(text)) == len(text)
    assert fold_case(text).endswith("œuvre")


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("la CI casse", 3, 5, True),
        ("voir ci-dessous", 5, 7, False),  # a hyphen glued to a letter joins the words
        ("l'API", 2, 5, True),  # the elided article is a separate word
        ("capital", 1, 4, False),
        ("été", 0, 3, True),
        ("étéx", 0, 3, False),
    ],
)
def test_word_boundaries_know_accents_hyphens_and_apostrophes(
    text: str, start: int, end: int, expected: bool
) -> None:
    assert at_word_boundary(fold_case(text), start, end) is expected


def test_line_index_counts_code_points() -> None:
    index = LineIndex("é\nœuf ok\n")
    assert index.locate(0) == (1, 1)
    assert index.locate(2) == (2, 1)
    assert index.locate(7) == (2, 6)
