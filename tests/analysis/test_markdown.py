"""Masking finds URLs and e-mail addresses from their "://" and "@", exactly as the plain
patterns below would find them by scanning every position."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from passerelle.analysis.markdown import _emails, _urls, mask

URL = re.compile(r"\b(?:https?|ftp)://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]", re.I)
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")

PIECES = ["http", "https", "HTTP", "ftp", "s", "x", "://", "@", ".", "-", "+", "_", "a", "é", " "]
PIECES += [",", ")", "(", "\n", "example", "com", "1"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_urls_are_those_of_the_plain_pattern(text: str) -> None:
    assert _urls(text) == [m.span() for m in URL.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_emails_are_those_of_the_plain_pattern(text: str) -> None:
    assert _emails(text) == [m.span() for m in EMAIL.finditer(text)]


def test_masking_keeps_length_and_lines() -> None:
    text = "Écrivez à jo.doe+crm@example.co.uk\nou voyez https://exemple.fr/a?b=1, merci."
    masked = mask(text)
    assert len(masked) == len(text) and masked.count("\n") == 1
    assert "example" not in masked and "exemple" not in masked and "merci" in masked
