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


def _plurals(term: str, lang: str) -> set[str]:
    parts = term.split(" ")
    last = " ".join([*parts[:-1], _plural(parts[-1])])
    every = " ".join(p if p.lower() in _FUNCTION_WORDS else _plural(p) for p in parts)
    if lang == "fr" and len(parts) > 1:  # the head noun comes first: "zones de disponibilité"
        return {last, every, " ".join([_plural(parts[0]), *parts[1:]])}
    return {last, every}


_VOWELS = "aeiou"
# French -er endings: past participles, present, imperfect, future and present participle.
_FRENCH_ER = (
    "er é ée és ées e es ent ons ez ais ait aient ions iez era eront erait eraient ant"
).split()


def _english_verb(word: str) -> set[str]:
    """The regular forms of an English verb: ships, shipped, shipping; throttles, throttled,
    throttling; deploys, deployed, deploying; tries, tried, trying."""
    if not word.isalpha() or len(word) < 2 or (len(word) > 5 and word.endswith(("ed", "ing"))):
        return {word}  # not a verb, or a form already inflected (a variant "autoscaled")
    if word.endswith("e"):
        stem_ed, stem_ing = word[:-1], word[:-1]
    elif word.endswith("y") and word[-2] not in _VOWELS:
        stem_ed, stem_ing = word[:-1] + "i", word
    elif (
        _syllables(word) == 1
        and word[-1] not in _VOWELS + "wxy"
        and word[-2] in _VOWELS
        and word[-3:-2] not in ("", *_VOWELS)
    ):
        stem_ed = stem_ing = word + word[-1]  # one short syllable: ship, drop, spin
    else:
        stem_ed = stem_ing = word
    third = word + "es" if word.endswith(("s", "sh", "ch", "x", "z")) else word + "s"
    if word.endswith("y") and word[-2] not in _VOWELS:
        third = word[:-1] + "ies"
    return {word, third, stem_ed + "ed", stem_ing + "ing"}


def _syllables(word: str) -> int:
    groups, previous = 0, False
    for ch in word:
        vowel = ch in _VOWELS
        groups += vowel and not previous
        previous = vowel
    return groups


def _french_verb(word: str) -> set[str]:
    """The forms of a French verb in -er that technical writing uses: scaler, scalé, scalée,
    scalés, on scale, ils scalent, ça scalait, ça scalera, en scalant (mergeait, lançait)."""
    if not word.endswith("er") or len(word) < 4:
        return {word}
    stem = word[:-2]
    soft = {"g": stem + "e", "c": stem[:-1] + "ç"}.get(stem[-1], stem)  # before a and o
    return {(soft if ending[0] in "ao" else stem) + ending for ending in _FRENCH_ER}


def conjugated(term: str, lang: str) -> set[str]:
    """A verb phrase with its first word in every regular form ("roll back": rolled back,
    rolling back, rolls back; "merger": mergé, mergée, mergent). Irregular forms (built,
    spun up) are listed as variants."""
    first, _, rest = term.partition(" ")
    inflect = _french_verb if lang == "fr" else _english_verb
    return {" ".join(filter(None, (form, rest))) for form in inflect(first)}


def forms(terms: Iterable[str], lang: str = "") -> set[str]:
    """Every spelling of the given terms: as written, hyphenated or not, singular or plural
    (in French, a phrase's first word alone is put in the plural too)."""
    out: set[str] = set()
    for term in terms:
        for spelling in _spellings(term):
            out.add(spelling)
            out |= _plurals(spelling, lang)
    return {f for f in out if f.strip()}
