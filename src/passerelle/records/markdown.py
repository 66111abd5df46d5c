"""The Markdown plumbing shared by the record reader and writer.

Headings are found with markdown-it (so a ``# line`` inside a code fence or an HTML comment is
not taken for a heading); everything else is read from the original lines, so text comes back
as it was written. Free text written into a record is escaped line by line where a line would
otherwise turn into a heading or swallow the rest of the file (an open fence, a comment), and
unescaped when read back: what is written is what is read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

# Only the block structure matters here: inline parsing (emphasis, links) is switched off.
_MD = MarkdownIt("commonmark").disable("inline")

# What a kept text never holds: control characters (but newlines and tabs) and lone surrogates,
# dropped; line and paragraph separators (U+2028, U+2029), turned into spaces.
_DROPPED = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff]")


def _clean_chars(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    return _DROPPED.sub("", text).replace("\u2028", " ").replace("\u2029", " ")


def normalize_text(text: str) -> str:
    """The form a free text is kept in: no trailing spaces, no blank lines around it."""
    lines = _clean_chars(text).split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


def normalize_line(text: str) -> str:
    """The form a one-line value (a title, a name, a list item) is kept in."""
    return " ".join(_clean_chars(text).split())


# A line that would start a heading, a fence or a multi-line HTML block, or that starts
# with the escape character itself.
_DANGER = re.compile(
    r"^ {0,3}(?:#{1,6}(?:[ \t]|$)|=+[ \t]*$|-+[ \t]*$|`{3}|~{3}|<(?:!|\?|script|pre|style|textarea)"
    r")|^\\",
    re.IGNORECASE,
)


def escape_block(text: str) -> str:
    return "\n".join("\\" + line if _DANGER.match(line) else line for line in text.split("\n"))


def unescape_block(text: str) -> str:
    return "\n".join(
        line[1:] if line.startswith("\\") and _DANGER.match(line[1:]) else line
        for line in text.split("\n")
    )


# "<!--" in a title would read back as a comment (stripped): one more backslash before the "!"
# on the way out, one less on the way in, so every title round-trips, backslashes included.
_OPEN_COMMENT = re.compile(r"<(\\*)!--")
_ESCAPED_COMMENT = re.compile(r"<(\\*)\\!--")


# A title in brackets reads as a template's placeholder ("[short title of solved problem]"):
# the same one-more-backslash escape at its start keeps it a title.
_BRACKETED = re.compile(r"^(\\*)(?=[\[{])")
_ESCAPED_BRACKET = re.compile(r"^(\\*)\\(?=[\[{])")


def escape_heading(text: str) -> str:
    text = _OPEN_COMMENT.sub(lambda m: f"<{m.group(1)}\\!--", text)
    text = _BRACKETED.sub(lambda m: f"{m.group(1)}\\", text, count=1)
    return text[:-1] + "\\#" if text.endswith("#") else text


def is_escaped(text: str) -> bool:
    """True for a heading the exporter escaped (so not a template's placeholder)."""
    return _ESCAPED_BRACKET.match(text) is not None


_COMMENT_END = re.compile(r"\s*<!--.*?-->\s*$")


def unescape_heading(text: str) -> str:
    text = _COMMENT_END.sub("", text).strip()
    text = _ESCAPED_COMMENT.sub(lambda m: f"<{m.group(1)}!--", text)
    text = _ESCAPED_BRACKET.sub(lambda m: m.group(1), text, count=1)
    return text[:-2] + "#" if text.endswith("\\#") else text


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str
    start: int  # first line of the heading (0-based, in the body)
    end: int  # first line after it
    escaped: bool = False  # written escaped: a bracketed title, not a placeholder


def headings(body: str) -> list[Heading]:
    """The top-level headings of a Markdown text, outside code, quotes, lists and comments."""
    plain = _plain_headings(body)
    if plain is not None:
        return plain
    tokens = _MD.parse(body)
    found = []
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and tok.level == 0 and tok.map:
            raw = tokens[i + 1].content
            text = unescape_heading(raw)
            found.append(Heading(int(tok.tag[1:]), text, tok.map[0], tok.map[1], is_escaped(raw)))
    return found


# Most records hold only paragraphs, one-level list items and "# Title" lines. In such a text
# a "#" heading line at column 0 is a top-level heading and nothing else is, so the headings
# are read line by line, as markdown-it would find them. Any line that could open or hide
# something else (a quote, a fence, HTML, a link definition, an underlined heading, a marker
# nested on one line, an indented "#", a tab or deep indent) sends the text to markdown-it.
_MARKERS = re.compile(r"[ ]*(?:(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]+|\Z))*")
_UNDERLINE = re.compile(r"[ ]*(?:=+|-+)[ \t]*\Z")
_ATX = re.compile(r"(#{1,6})(?:[ \t](.*))?\Z")
_NEEDS_PARSER = frozenset(">`~<[#")
_DEEP = 16  # columns of indent from which nested lists could reach markdown-it's depth limit


def _plain_headings(body: str) -> list[Heading] | None:
    if "\0" in body or "\r" in body:
        return None
    found = []
    for n, line in enumerate(body.split("\n")):
        if line.startswith("#"):
            atx = _ATX.match(line)
            if atx is None:
                continue  # "#word": paragraph text
            content = (atx.group(2) or "").rstrip(" \t")
            unclosed = content.rstrip("#")
            if unclosed != content and (not unclosed or unclosed[-1] in " \t"):
                content = unclosed
            content = content.strip(" \t")
            if content and (content[0].isspace() or content[-1].isspace()):
                return None  # trimmed differently by markdown-it versions: let it decide
            level = len(atx.group(1))
            found.append(Heading(level, unescape_heading(content), n, n + 1, is_escaped(content)))
            continue
        markers = _MARKERS.match(line)
        assert markers is not None  # the pattern matches the empty string
        indent = len(line) - len(line.lstrip(" "))
        nested = len(re.findall(r"[-+*]|[0-9]{1,9}[.)]", markers.group())) > 1
        rest = line[markers.end() :]
        if (
            nested
            or indent >= _DEEP
            or line[: indent + 1].endswith("\t")
            or rest[:1] in _NEEDS_PARSER
            or _UNDERLINE.match(line)
        ):
            return None
    return found


@dataclass(frozen=True, slots=True)
class Section:
    heading: Heading | None
    lines: tuple[str, ...]
    start: int  # body line of ``lines[0]``
    marks: tuple[Heading, ...] = ()  # the headings inside, numbered from ``lines[0]``

    def subsections(self, level: int) -> list[Section]:
        return split(list(self.lines), list(self.marks), 0, len(self.lines), level)

    @property
    def key(self) -> str:
        return section_key(self.heading.text) if self.heading else ""

    @property
    def text(self) -> str:
        return normalize_text(unescape_block("\n".join(self.lines)))


def section_key(title: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", title.casefold()))


def split(
    lines: list[str], marks: list[Heading], start: int, stop: int, level: int
) -> list[Section]:
    """Cut ``lines[start:stop]`` at the headings of exactly ``level``; the first piece is the
    text before the first such heading (its heading is None)."""
    cuts = [h for h in marks if h.level == level and start <= h.start < stop]

    def inside(first: int, end: int) -> tuple[Heading, ...]:
        return tuple(
            Heading(h.level, h.text, h.start - first, h.end - first, h.escaped)
            for h in marks
            if first <= h.start and h.end <= end
        )

    first_end = cuts[0].start if cuts else stop
    pieces = [Section(None, tuple(lines[start:first_end]), start, inside(start, first_end))]
    for h, nxt in zip(cuts, [*cuts[1:], None], strict=False):
        end = nxt.start if nxt else stop
        pieces.append(Section(h, tuple(lines[h.end : end]), h.end, inside(h.end, end)))
    return pieces


_ITEM = re.compile(r"^ {0,3}(?:[*+-]|\d{1,9}[.)])(?:[ \t]+(.*))?$")


def list_items(lines: tuple[str, ...] | list[str]) -> list[tuple[str, int]]:
    """Top-level list items as one line each (continuation lines joined), with their line."""
    items: list[tuple[str, int]] = []
    current: list[str] | None = None
    for n, line in enumerate(lines):
        m = _ITEM.match(line)
        if m:
            current = [m.group(1) or ""]
            items.append((normalize_line(current[0]), n))
        elif not line.strip():
            current = None
        elif current is not None and line.startswith((" ", "\t")):
            current.append(line)
            items[-1] = (normalize_line(" ".join(current)), items[-1][1])
        else:
            current = None
    return [(text, n) for text, n in items if text]


LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
