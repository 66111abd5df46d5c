"""Over-promises the checker must flag, and honest sentences it must leave alone.

``tests/data/overpromise_traps/traps_<lang>.txt`` holds everyday sentences that look like promises
but are not: hedges ("we expect", "sauf imprévu"), past facts ("we have never lost data"),
measured figures, targets stated as targets, the legal noun ("la garantie constructeur"),
"toujours" meaning still, questions, negations and denials ("nobody can promise zero bugs").
``promises_<lang>.txt`` holds over-promises in their many natural forms. The files live apart
from ``plain_traps/``, whose every file is read as a language's jargon traps.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from passerelle.analysis import check_text

DATA = Path(__file__).resolve().parents[1] / "data" / "overpromise_traps"


def _lines(kind: str) -> list[tuple[str, str]]:
    return [
        (path.stem.removeprefix(f"{kind}_"), line.strip())
        for path in sorted(DATA.glob(f"{kind}_*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


TRAPS = _lines("traps")
PROMISES = _lines("promises")


def _overpromises(sentence: str, lang: str) -> list[str]:
    found = check_text(sentence, audience="business", lang=lang).findings
    return [f.match for f in found if f.category == "overpromise"]


def test_both_languages_have_traps_and_promises() -> None:
    for lines in (TRAPS, PROMISES):
        assert {lang for lang, _ in lines} == {"en", "fr"}
        assert len(lines) > 200


@pytest.mark.parametrize(("lang", "sentence"), TRAPS, ids=[s[:50] for _, s in TRAPS])
def test_honest_sentence_is_not_an_overpromise(lang: str, sentence: str) -> None:
    found = _overpromises(sentence, lang)
    assert not found, f"{found} flagged in: {sentence}"


@pytest.mark.parametrize(("lang", "sentence"), PROMISES, ids=[s[:50] for _, s in PROMISES])
def test_overpromise_is_flagged(lang: str, sentence: str) -> None:
    assert _overpromises(sentence, lang), f"not flagged: {sentence}"


def test_typographic_apostrophes_and_spaces_change_nothing() -> None:
    typed = "Je vous le garantis\u202f: ce sera en ligne lundi. Ça n\u2019arrivera plus."
    plain = "Je vous le garantis : ce sera en ligne lundi. Ça n'arrivera plus."
    assert _overpromises(plain, "fr") == ["Je vous le garantis", "n'arrivera plus"]
    assert len(_overpromises(typed, "fr")) == 2
    assert _overpromises("It won\u2019t ever go down.", "en")
