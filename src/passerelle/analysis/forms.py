"""The written forms of a term: the spellings business writing really uses for it.

A glossary lists a term once; the matcher must still find its plural, its hyphenated and
joined spellings and its ligature or apostrophe variants. Generating them here keeps the
glossary short and the matching exhaustive.
"""

from __future__ import annotations

from collections.abc import Iterable

from passerelle.analysis.text import fold

# Small words that stay singular when a multi-word term is put in the plural.
_FRENCH_SMALL_WORDS = "de du des la le les l' d' à au aux en et ou par pour sur"
_ENGLISH_SMALL_WORDS = "of the a an to in on for and or by as"
_FUNCTION_WORDS = frozenset(f"{_FRENCH_SMALL_WORDS} {_ENGLISH_SMALL_WORDS}".split())


def is_short_capitals(term: str) -> bool:
    """Capital-letter terms of six letters or fewer (CI, API, MEP) are matched in capitals only:
    in lower case they are ordinary words ("ci-dessous", "pr", "mep")."""
    letters = [ch for ch in term if ch.isalpha()]
    return bool(letters) and len(letters) <= 6 and all(ch.isupper() for ch in letters)


def _spellings(term: str) -> set[str]:
    term = " ".join(fold(term).split())
    out = {term}
    if "-" in term:
        out.add(term.replace("-", " "))
        out.add(term.replace("-", ""))
    if " " in term and len(term.split()) <= 3:
        out.add(term.replace(" ", "-"))
    for spelling in list(out):
        if "œ" in spelling:
            out.add(spelling.replace("œ", "oe"))
        if "oe" in spelling:
            out.add(spelling.replace("oe", "œ"))
        if "æ" in spelling:
            out.add(spelling.replace("æ", "ae"))
    return out


def _plural(word: str) -> str:
    if not word or not word[-1].isalpha() or word[-1] in "sxzSXZ":
        return word
    return word + ("S" if word.isupper() and len(word) > 6 else "s")


def _plurals(term: str) -> set[str]:
    parts = term.split(" ")
    last = " ".join([*parts[:-1], _plural(parts[-1])])
    every = " ".join(p if p.lower() in _FUNCTION_WORDS else _plural(p) for p in parts)
    return {last, every}


def forms(terms: Iterable[str]) -> set[str]:
    """Every spelling of the given terms: as written, hyphenated or not, singular or plural."""
    out: set[str] = set()
    for term in terms:
        for spelling in _spellings(term):
            out.add(spelling)
            out |= _plurals(spelling)
    return {f for f in out if f.strip()}
