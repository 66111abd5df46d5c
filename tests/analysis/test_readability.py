from __future__ import annotations

import socket

import pytest

from passerelle.analysis.readability import forget, score, syllables_en, syllables_fr


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("été", 2),
        ("réunion", 3),
        ("équipe", 2),
        ("année", 2),
        ("création", 3),
        ("mesures", 2),
        ("aujourd'hui", 3),
        ("qualité", 3),
        ("guerre", 1),
        ("a", 1),
    ],
)
def test_french_syllables_count_what_hyphenation_misses(word: str, count: int) -> None:
    assert syllables_fr(word) == count


@pytest.mark.parametrize(
    ("word", "count"), [("reliable", 4), ("the", 1), ("infrastructure", 4), ("deployment", 3)]
)
def test_english_syllables_come_from_the_pronouncing_dictionary(word: str, count: int) -> None:
    assert syllables_en(word) == count


def test_english_scores_without_any_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    forget()
    result = score("flesch", "The cat sat on the mat with a zorblaxian hat".split(), 1)
    assert result.words == 10
    assert 60 < result.score < 110


def test_flesch_follows_its_published_formula() -> None:
    words = ["The", "cat", "sat", "on", "the", "mat"]
    result = score("flesch", words, 1)
    assert result.syllables == 6
    assert result.score == round(206.835 - 1.015 * 6 - 84.6 * 1, 1)


def test_kandel_moles_is_used_for_french() -> None:
    words = ["Nous", "livrons", "la", "réunion", "demain"]
    result = score("kandel-moles", words, 1)
    assert result.syllables == 1 + 2 + 1 + 3 + 2
    assert result.score == round(207 - 1.015 * 5 - 73.6 * 9 / 5, 1)


def test_no_words_scores_zero_rather_than_crashing() -> None:
    assert score("flesch", [], 0).words == 0
