"""Every cue of every ask lexicon: its examples must match and must not; none lacks them."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from passerelle.analysis.ask import cues
from passerelle.analysis.ask.cues import Cue, LexiconError, key, lexicon
from passerelle.analysis.lang import LANGS

ALL_CUES = [cue for lang in LANGS for cue in lexicon(lang)]
CUE_FILES = [
    (lang, path.name)
    for lang in LANGS
    for path in (resources.files("passerelle") / "rules" / lang / "ask").iterdir()
    if path.name.endswith(".yaml") and "cues" in (yaml.safe_load(path.read_text("utf-8")) or {})
]


def _fires(cue: Cue, example: str) -> bool:
    return any(True for _ in cue.finditer(key(example)))


@pytest.mark.parametrize("cue", ALL_CUES, ids=lambda c: c.id)
def test_cue_examples(cue: Cue) -> None:
    for example in cue.match:
        assert _fires(cue, example), f"{cue.source}: {cue.id} should match {example!r}"
    for example in cue.no_match:
        assert not _fires(cue, example), f"{cue.source}: {cue.id} should not match {example!r}"


@pytest.mark.parametrize("cue", ALL_CUES, ids=lambda c: c.id)
def test_every_cue_has_examples_both_ways(cue: Cue) -> None:
    assert cue.match, f"{cue.source}: {cue.id} has no example that must match"
    assert cue.no_match, f"{cue.source}: {cue.id} has no example that must not match"


@pytest.mark.parametrize(("lang", "name"), CUE_FILES)
def test_every_lexicon_file_has_examples(lang: str, name: str) -> None:
    path = resources.files("passerelle") / "rules" / lang / "ask" / name
    entries = yaml.safe_load(path.read_text("utf-8"))["cues"]
    assert entries, f"{lang}/ask/{name} has no cues"
    for entry in entries:
        assert entry.get("match") and entry.get("no_match"), f"{lang}/ask/{name}: {entry['id']}"


def test_both_languages_cover_every_signal() -> None:
    for lang in LANGS:
        signals = {cue.signal for cue in lexicon(lang)}
        assert signals == cues.SIGNALS, lang
        circles = {cue.circle for cue in lexicon(lang) if cue.circle}
        assert circles == set(cues.CIRCLES), lang


def test_bad_cue_names_its_file() -> None:
    with pytest.raises(LexiconError, match=r"en/ask/x\.yaml"):
        cues._cue({"id": "a", "signal": "nope", "patterns": ["x"]}, "en", "en/ask/x.yaml")
    with pytest.raises(LexiconError, match="bad pattern"):
        cues._cue({"id": "a", "signal": "doubts", "patterns": ["(x"]}, "en", "en/ask/x.yaml")
    with pytest.raises(LexiconError, match="circle"):
        cues._cue({"id": "a", "signal": "topic", "patterns": ["x"]}, "en", "en/ask/x.yaml")


def test_key_keeps_length_and_folds_accents_quotes_and_spaces() -> None:
    text = "J’hésite\u00a0: ÉTÉ, cœur İ"
    folded = key(text)
    assert len(folded) == len(text)
    assert folded.startswith("j'hesite : ete")
