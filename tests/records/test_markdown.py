"""Kept text: control characters and lone surrogates dropped, line separators made spaces."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from passerelle.records import markdown as md
from passerelle.records.markdown import normalize_line, normalize_text

DATA = Path(__file__).resolve().parents[1] / "data" / "records"

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


# Lines that make or hide headings in CommonMark, and plain ones, to build texts from.
LINES = [
    "", " ", "Some words.", "Chosen option: \"A\", because it is cheap.", "# Title", "## Part",
    "### Option A ###", "#", "# #", "# ##", "#tag", "####### seven", "# foo#", "# a \\#",
    "#\tTabbed", "# \u00a0spaced\u00a0", "# \u3000wide", "  # indented", "    # code",
    "\t# tab", "* item", "- item", "+ item", "1. one", "2) two", "  * nested", "    * deeper",
    "      * deepest", "* * *", "- - x", "1. 2. x", "***", "---", "===", "-", "> quote",
    "  > quote", "* > quoted item", "```", "~~~", "  ```", "* ```", "<!-- comment", "-->",
    "<div>", "</div>", "[ref]: /url", "'title", "title'", "\\# escaped", "\\```",
    "  continued", "    code line", "* # item heading", "\u00a0# nbsp", "text\u2028more",
    " " * 16 + "* far", "x\x00y", "a\rb",
]  # fmt: skip
# Several lines that only mean something together: underlined headings, and lists nested deep
# enough that markdown-it stops reading (it drops every heading after them).
SNIPPETS = [
    "Para\n===", "Para\n---", "Para\n  ===  ", "- " * 11 + "x", "1. " * 11 + "x",
    "\n".join("  " * i + "* level" for i in range(12)),
    "\n".join("   " * i + "1. level" for i in range(11)),
]  # fmt: skip
markdownish = st.lists(
    st.sampled_from(LINES) | st.sampled_from(SNIPPETS) | st.text(max_size=12), max_size=14
).map("\n".join)


def _parsed(body: str) -> list[md.Heading]:
    tokens = md._MD.parse(body)
    return [
        md.Heading(int(t.tag[1:]), md.unescape_heading(tokens[i + 1].content), *t.map)
        for i, t in enumerate(tokens)
        if t.type == "heading_open" and t.level == 0 and t.map
    ]


@settings(max_examples=2000)
@given(markdownish)
def test_headings_read_line_by_line_are_the_ones_markdown_it_finds(body: str) -> None:
    plain = md._plain_headings(body)
    assert plain is None or plain == _parsed(body)
    assert md.headings(body) == _parsed(body)


def test_headings_of_every_fixture_record() -> None:
    for path in sorted(DATA.rglob("*.md")):
        body = path.read_text(encoding="utf-8")
        assert md.headings(body) == _parsed(body), path


def test_a_plain_record_is_read_without_the_parser() -> None:
    body = "# Use PostgreSQL\n\n## Context\n\nWe grow.\n\n* Good, because fast\n\n### A ##\n"
    assert [(h.level, h.text, h.start) for h in md._plain_headings(body) or []] == [
        (1, "Use PostgreSQL", 0),
        (2, "Context", 2),
        (3, "A", 8),
    ]
    assert md._plain_headings("Title\n=====\n") is None
    assert md._plain_headings("```\n# not a heading\n```\n") is None
