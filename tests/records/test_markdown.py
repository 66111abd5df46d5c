"""Kept text: control characters and lone surrogates dropped, line separators made spaces."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from passerelle.records.markdown import normalize_line, normalize_text

_CONTROL = {chr(c) for c in range(0x20)} - {"\n", "\t"} | {"\x7f"}


def _one_by_one(text: str) -> str:
    """The cleaning rule, one character at a time, as Unicode categories define it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    kept = []
    for c in text:
        category = unicodedata.category(c)
        if c in _CONTROL or category == "Cs":
            continue
        kept.append(" " if category in ("Zl", "Zp") else c)
    return "".join(kept)


# Any code point, lone surrogates included, with the awkward ones drawn often.
chars = st.characters() | st.sampled_from(
    ["\r", "\n", "\t", "\x00", "\x1f", "\x7f", "\x85", "\u2028", "\u2029", "\ud800", "\udfff"]
)


@given(st.text(chars, max_size=40))
def test_normalize_text_cleans_as_the_categories_say(text: str) -> None:
    expected = "\n".join(line.rstrip() for line in _one_by_one(text).split("\n")).strip()
    assert normalize_text(text) == expected


@given(st.text(chars, max_size=40))
def test_normalize_line_cleans_as_the_categories_say(text: str) -> None:
    assert normalize_line(text) == " ".join(_one_by_one(text).split())


def test_examples() -> None:
    assert normalize_text("a\r\nb\x00c\u2028d\ud800\te ") == "a\nbc d    e"
    assert normalize_line(" Titre\x07 avec\u2029saut ") == "Titre avec saut"
