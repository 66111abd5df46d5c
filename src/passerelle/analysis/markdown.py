"""Hide what is not prose (code, URLs, addresses, front matter, HTML) before checking a text.

Masked characters become spaces and line breaks are kept, so the masked text has exactly the
length and the lines of the original: every position found in it is a position in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from passerelle.analysis.text import is_word_char

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\n.*?\n\1[ \t]*(?:\n|\Z)", re.S)
_FENCE = re.compile(
    r"^(?P<indent>[ \t]{0,3})(?P<fence>`{3,}|~{3,})[^\n]*\n"  # the opening fence
    r".*?(?:^(?P=indent)?[ \t]{0,3}(?P=fence)[`~]*[ \t]*$|\Z)",  # up to the closing one
    re.S | re.M,
)
# Each pattern runs only on the paragraphs that hold its tell-tale characters: most texts
# have no code and few addresses. URLs and e-mail addresses are found from their "://" and "@"
# (see ``_urls`` and ``_emails``): a pattern that opens on a word boundary or a look-behind
# tries every position of a paragraph.
_INLINE = [
    ("<!--", re.compile(r"<!--.*?-->", re.S)),  # HTML comments (directives are read before)
    ("`", re.compile(r"(`+)(?!`)(?:[^`]|(?!\1)`)+?(?<!`)\1(?!`)")),  # inline code spans
    ("<", re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>")),  # HTML tags
    ("](", re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")),  # link targets: [text](url "title")
    ("]:", re.compile(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", re.M)),  # reference definitions
    ("www.", re.compile(r"\bwww\.[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]", re.I)),
]
_URL_REST = re.compile(r"://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"]")  # after http, https, ftp
_EMAIL_DOMAIN = re.compile(r"@[\w-]+(?:\.[\w-]+)+\b")  # before it: [\w.+-]+, the local part
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")
_NOT_A_LINE_BREAK = re.compile(r"[^\n]")  # what a masked part turns into a space


def _paragraphs_with(text: str, tell: str) -> list[tuple[int, int]]:
    """The spans of the paragraphs that contain ``tell``, in order, each once."""
    spans: list[tuple[int, int]] = []
    pos = text.find(tell)
    while pos != -1:
        start = max(text.rfind("\n\n", 0, pos) + 1, 0)
        found = _PARAGRAPH_END.search(text, pos)
        end = found.start() if found else len(text)
        spans.append((start, end))
        pos = text.find(tell, end)
    return spans


def _urls(text: str) -> list[tuple[int, int]]:
    """What ``\\b(?:https?|ftp)://[^\\s<>()\\[\\]]+[^\\s<>()\\[\\].,;:!?'"]`` (ignoring case)
    finds, looked for from each "://"."""
    spans: list[tuple[int, int]] = []
    at = text.find("://")
    while at != -1:
        rest = _URL_REST.match(text, at)
        scheme = next(
            (at - n for n in (5, 4, 3) if text[at - n : at].lower() in ("https", "http", "ftp")),
            -1,
        )
        if rest and scheme >= 0 and not (scheme and is_word_char(text[scheme - 1])):
            if not spans or scheme >= spans[-1][1]:
                spans.append((scheme, rest.end()))
            at = text.find("://", rest.end())
        else:
            at = text.find("://", at + 1)
    return spans


def _emails(text: str) -> list[tuple[int, int]]:
    """What ``(?<![\\w.+-])[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+\\b`` finds, looked for from each "@"."""
    spans: list[tuple[int, int]] = []
    reach = 0
    for domain in _EMAIL_DOMAIN.finditer(text):
        left = domain.start()
        while left > 0 and (is_word_char(text[left - 1]) or text[left - 1] in ".+-"):
            left -= 1
        if left < domain.start() and left >= reach:
            spans.append((left, domain.end()))
            reach = domain.end()
    return spans


def _blank_matches(text: str, tell: str, pattern: re.Pattern[str]) -> str:
    spans = [
        m.span()
        for start, end in _paragraphs_with(text, tell)
        for m in pattern.finditer(text, start, end)
    ]
    return _blank_spans(text, spans)


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    parts: list[str] = []
    last = 0
    for start, end in spans:
        parts.append(text[last:start])
        parts.append(_NOT_A_LINE_BREAK.sub(" ", text[start:end]))
        last = end
    parts.append(text[last:])
    return "".join(parts)


_IGNORE = re.compile(r"<!--\s*passerelle\s*:\s*ignore\b([^>]*?)-->", re.I)


def _blank(match: re.Match[str]) -> str:
    return _NOT_A_LINE_BREAK.sub(" ", match.group())


def mask(text: str) -> str:
    """The text with its non-prose parts replaced by spaces, same length, same lines."""
    text = _FRONT_MATTER.sub(_blank, text, count=1)
    if "```" in text or "~~~" in text:
        text = _FENCE.sub(_blank, text)
    for tell, pattern in _INLINE[:5]:  # comments, code, tags and links come before addresses
        if tell in text:
            text = _blank_matches(text, tell, pattern)
    if "://" in text:
        text = _blank_spans(text, _urls(text))
    for tell, pattern in _INLINE[5:]:
        if tell in text:
            text = _blank_matches(text, tell, pattern)
    if "@" in text:
        text = _blank_spans(text, _emails(text))
    return text


@dataclass(frozen=True, slots=True)
class Ignore:
    """``<!-- passerelle: ignore [rule ...] -->``: silences findings on the next line."""

    line: int  # the 1-based line the directive applies to
    rules: tuple[str, ...]  # rule ids, id prefixes or categories; empty means every rule

    def covers(self, rule_id: str, category: str) -> bool:
        if not self.rules:
            return True
        return any(
            rule_id == name or rule_id.startswith(name + ".") or category == name
            for name in self.rules
        )


def ignores(text: str) -> list[Ignore]:
    """The ignore directives of a text, each bound to the line that follows it."""
    found: list[Ignore] = []
    for match in _IGNORE.finditer(text):
        line = text.count("\n", 0, match.end()) + 2
        names = tuple(n for n in re.split(r"[\s,]+", match.group(1).strip()) if n)
        found.append(Ignore(line, names))
    return found
