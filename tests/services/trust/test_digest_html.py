"""The digest's HTML: the fast path for long plain lists writes exactly what the CommonMark
parser writes, on the digest's own shapes and on documents made to trip it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from passerelle.services import digest_render
from passerelle.services.digest_render import markdown_html

PARSER = MarkdownIt("commonmark", {"html": False})

# Letters, the digest's own punctuation, and every character that means something to Markdown.
ALPHABET = st.sampled_from(
    [*"aZé9 —:.,()'\"#-+=*_`[]<>&!~\\|", "\u202f", "\u00a0", "\t", "1.", "]:", "```"]
)
texts = st.lists(ALPHABET, min_size=0, max_size=12).map("".join)
lines = st.one_of(
    st.just(""),
    st.just("## Heading"),
    st.builds(lambda t: f"# {t}", texts),
    st.builds(lambda t: f"- {t}", texts),
    st.builds(lambda t: f"- Item {t}", texts),
    st.builds(lambda t: f"  {t}", texts),
    st.builds(lambda t: f"    {t}", texts),
    texts,
)


# Mostly what the fast path takes, so that it runs often, with markup now and then.
plain = st.lists(st.sampled_from(list("abXé —:.,()'\"9#-+=\u202f")), max_size=12).map("".join)
items = st.one_of(
    st.builds(lambda t: f"- Item {t}", plain),
    st.builds(lambda t: f"- Item {t}", plain),
    st.builds(lambda t: f"- Item {t}", texts),
    st.builds(lambda t: f"- {t}", texts),
)
blocks = st.one_of(
    st.just(["## Heading"]),
    st.just(["### Heading", ""]),
    st.builds(lambda t: [f"# {t}"], texts),
    st.lists(items, min_size=1, max_size=5),
    st.lists(items, min_size=1, max_size=5),
    st.lists(lines, min_size=1, max_size=3),
)
separators = st.sampled_from([[""], [""], ["", ""], [], [" \t"], ["\u00a0"]])


@settings(max_examples=500)
@given(st.lists(st.tuples(blocks, separators), max_size=8))
def test_the_fast_path_renders_as_the_parser(doc: list[tuple[list[str], list[str]]]) -> None:
    markdown = "\n".join(line for block, gap in doc for line in (*block, *gap)) + "\n"
    assert markdown_html(markdown) == PARSER.render(markdown)


@settings(max_examples=200)
@given(st.lists(st.lists(st.one_of(plain, texts), min_size=1, max_size=6), min_size=1, max_size=4))
def test_sections_of_lists_render_as_the_parser(sections: list[list[str]]) -> None:
    parts = []
    for n, items in enumerate(sections):
        parts += [f"## Section {n}", "", *(f"- Promise {t}" for t in items), ""]
        parts += [f"- Promise {items[0]}"] if n == 2 else []  # a list that goes on
    markdown = "\n".join(parts)
    assert markdown_html(markdown) == PARSER.render(markdown)


def test_a_long_digest_list_takes_the_fast_path_and_matches(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    written: list[str] = []

    def quoted(text: str) -> str:
        written.append(text)
        return text.replace('"', "&quot;")

    monkeypatch.setattr(digest_render, "_quoted", quoted)
    items = [
        f'- Promise {i} "v2" — for Stakeholder {i}\u202f: kept on May 3, 2026' for i in range(300)
    ]
    markdown = "\n".join(["# Digest", "", "Intro.", "", "## Commitments", "", *items, "",
                          "## Requests", "", "- **Bold** request", "  explained", ""])  # fmt: skip
    html = markdown_html(markdown)
    assert html == PARSER.render(markdown)
    assert len(written) == 300  # the commitments, not the request with its explanation
    assert (
        "<li>Promise 7 &quot;v2&quot; — for Stakeholder 7\u202f: kept on May 3, 2026</li>" in html
    )
