"""Everyday sentences that use technical-looking words in their ordinary sense.

Each line of ``tests/data/plain_traps/<lang>.txt`` must get no jargon finding: they guard the
checker's precision ("il cache", "the cluster of stores", "le back office", "I'll revert to you").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from passerelle.analysis import check_text

DATA = Path(__file__).resolve().parents[1] / "data" / "plain_traps"
TRAPS = [
    (path.stem, line.strip())
    for path in sorted(DATA.glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


def test_there_are_traps_in_both_languages() -> None:
    assert {lang for lang, _ in TRAPS} == {"en", "fr"}
    assert len(TRAPS) > 300


@pytest.mark.parametrize(("lang", "sentence"), TRAPS, ids=[s[:50] for _, s in TRAPS])
def test_everyday_sense_is_not_jargon(lang: str, sentence: str) -> None:
    found = [f.match for f in check_text(sentence, lang=lang).findings if f.category == "jargon"]
    assert not found, f"{found} flagged in: {sentence}"
