"""The labelled business messages follow their documented format (see the head of each file).

Only the data is checked here; how well the checker does on it is `bench/bench_check_quality.py`.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "business_messages"
HELDOUT = DATA.with_name("business_messages_heldout")  # same format, ids hfr-NNN and hen-NNN
HELDOUT2 = DATA.with_name("business_messages_heldout2")  # the same again, ids h2fr-NNN, h2en-NNN
HELDOUT3 = DATA.with_name("business_messages_heldout3")  # and again, ids h3fr-NNN, h3en-NNN
# The first two sets were written to cover every Markdown and typography case the checker
# handles; the second held-out set only had to be blind, natural and labelled by the same guide.
SETS = pytest.mark.parametrize("data", [DATA, HELDOUT], ids=["dev", "heldout"])
EVERY_SET = pytest.mark.parametrize(
    "data", [DATA, HELDOUT, HELDOUT2, HELDOUT3], ids=["dev", "heldout", "heldout2", "heldout3"]
)
LANGS = ("fr", "en")
CATEGORIES = {"jargon", "acronym", "overpromise"}
KINDS = {"slack", "email", "status", "board", "memo", "one-liner"}
MESSAGE_KEYS = {"id", "lang", "kind", "text", "clear", "long_winded", "expected"}


def _bench() -> ModuleType:
    path = ROOT / "bench" / "bench_check_quality.py"
    spec = importlib.util.spec_from_file_location("bench_check_quality", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bench = _bench()


def _messages(lang: str, folder: Path = DATA) -> list[dict[str, Any]]:
    data = yaml.safe_load((folder / f"{lang}.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict) and isinstance(data["messages"], list)
    return data["messages"]


ALL = [(lang, m) for lang in LANGS for m in _messages(lang)]
HELD_OUT = [(lang, m) for lang in LANGS for m in _messages(lang, HELDOUT)]
HELD_OUT2 = [(lang, m) for lang in LANGS for m in _messages(lang, HELDOUT2)]
HELD_OUT3 = [(lang, m) for lang in LANGS for m in _messages(lang, HELDOUT3)]
EVERY = (
    [("", lang, m) for lang, m in ALL]
    + [("h", lang, m) for lang, m in HELD_OUT]
    + [("h2", lang, m) for lang, m in HELD_OUT2]
    + [("h3", lang, m) for lang, m in HELD_OUT3]
)


@pytest.mark.parametrize(
    ("prefix", "lang", "message"), EVERY, ids=[str(m.get("id")) for _, _, m in EVERY]
)
def test_message_format(prefix: str, lang: str, message: dict[str, Any]) -> None:
    assert set(message) <= MESSAGE_KEYS, set(message) - MESSAGE_KEYS
    assert re.fullmatch(rf"{prefix}{lang}-\d{{3}}", message["id"])
    assert message["lang"] == lang
    assert message["kind"] in KINDS
    assert isinstance(message["text"], str) and message["text"].strip()
    expected = message.get("expected", [])
    long_winded = message.get("long_winded", False)
    assert isinstance(long_winded, bool)
    if message.get("clear", False) is True:
        assert not expected and not long_winded, "a clear message has nothing to flag"
    else:
        assert "clear" not in message, "write clear: true or leave it out"
        assert expected or long_winded, "a message is clear or lists what to flag"
    assert isinstance(expected, list)
    seen = set()
    for finding in expected:
        assert set(finding) <= {"category", "match", "accept", "note"}
        assert finding["category"] in CATEGORIES
        assert set(finding.get("accept", [])) <= CATEGORIES - {finding["category"]}
        match = finding["match"]
        assert isinstance(match, str) and match == match.strip() and match
        assert match in message["text"], f"{match!r} is not in the text"
        assert bench.locate(message["text"], match), f"{match!r} only inside code or a URL"
        assert (finding["category"], match) not in seen
        seen.add((finding["category"], match))


def test_ids_are_unique_across_files() -> None:
    ids = [m["id"] for _, _, m in EVERY]
    assert len(ids) == len(set(ids))


@EVERY_SET
@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_enough_messages_of_each_sort(lang: str, data: Path) -> None:
    messages = _messages(lang, data)
    clear = [m for m in messages if m.get("clear")]
    assert len(messages) >= 60
    assert 0.3 <= len(clear) / len(messages) <= 0.45
    categories = {f["category"] for m in messages for f in m.get("expected", [])}
    assert categories == CATEGORIES
    assert any(m.get("long_winded") for m in messages)
    assert any(re.search(r"https?://", m["text"]) for m in messages), "some URLs"


@SETS
@pytest.mark.parametrize("lang", LANGS)
def test_each_markdown_case_is_covered(lang: str, data: Path) -> None:
    texts = [m["text"] for m in _messages(lang, data)]
    assert any(t.startswith("---\n") for t in texts), "some front matter"
    assert any(re.search(r"`[^`\n]+`", t) for t in texts), "some code spans"
    assert any("```" in t for t in texts), "some fenced code"
    assert any(re.search(r"\([A-Z]{2,}\)", t) for t in texts), "defined acronyms"


@SETS
def test_french_messages_use_real_typography(data: Path) -> None:
    texts = "\n".join(m["text"] for m in _messages("fr", data))
    assert "’" in texts and "«\u00a0" in texts and "\u00a0»" in texts and "œ" in texts
    assert "\u00a0:" in texts
    assert re.search("\u202f[;!?]", texts)
    assert "'" in texts, "some messages typed with a plain apostrophe, as on Slack"


@SETS
@pytest.mark.parametrize("lang", LANGS)
def test_the_file_starts_with_its_labelling_guide(lang: str, data: Path) -> None:
    head = (data / f"{lang}.yaml").read_text(encoding="utf-8")[:6000]
    assert head.startswith("# Labelled business messages")
    for term in ("Labelling guide", "Known acronyms", "overpromise", "accept"):
        assert term in head


def test_the_benchmark_loads_both_files() -> None:
    messages = bench.load_messages()
    assert {m.lang for m in messages} == set(LANGS)
    assert len(messages) == len(ALL)
    held_out = bench.load_messages(bench.SETS["heldout"].glob("*.yaml"))
    assert bench.SETS["heldout"] == HELDOUT and bench.SETS["dev"] == DATA
    assert {m.lang for m in held_out} == set(LANGS)
    assert len(held_out) == len(HELD_OUT)
    assert bench.SETS["heldout2"] == HELDOUT2
    assert len(bench.load_messages(HELDOUT2.glob("*.yaml"))) == len(HELD_OUT2)
    assert bench.SETS["heldout3"] == HELDOUT3
    assert len(bench.load_messages(HELDOUT3.glob("*.yaml"))) == len(HELD_OUT3)
