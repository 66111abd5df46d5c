"""The digest's content and its three renderings: Markdown, e-mail-ready HTML, plain text.

Every sentence the digest adds around the workspace's own texts is here, in French and
English, kept short and plain so that the checker finds nothing to say about them.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass
from datetime import date

from markdown_it import MarkdownIt

from passerelle.domain.commitments import Status
from passerelle.domain.pillars import Period
from passerelle.domain.tradeoff import RequestStatus
from passerelle.services.commitments import CommitmentView
from passerelle.services.requests import STATUS_LABELS as REQUEST_LABELS
from passerelle.services.requests import RequestView

MONTHS = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip

T = {
    "fr": {
        "title": "Synthèse pour la direction — {span}",
        "title_team": "Synthèse pour l’équipe — {span}",
        "intro": "Ce qui a été décidé, promis et demandé sur la période, et ce qui vient ensuite.",
        "decisions": "Décisions partagées",
        "commitments": "Engagements",
        "requests": "Demandes des métiers",
        "next": "Et ensuite",
        "none": "Rien sur la période.",
        "value": "Ce que cela apporte",
        "cost": "Ce que cela coûte",
        "risk": "Le risque",
        "timing": "Quand",
        "to": "pour {who}",
        "due": "prévu le {day}",
        "open": "en cours, prévu le {day}",
        "renegotiated": "nouvelle date le {day} (au lieu du {old}) : {reason}",
        "kept": "tenu le {day}",
        "kept_early": "tenu en avance, le {day}",
        "late": "livré en retard, le {day}",
        "broken": "ne sera pas livré : {reason}",
        "broken_plain": "ne sera pas livré",
        "overdue": "en retard depuis le {day}",
        "from": "demandé par {who}",
        "request_next": "{title} ({state})",
    },
    "en": {
        "title": "Business digest — {span}",
        "title_team": "Team digest — {span}",
        "intro": "What was decided, promised and asked in the period, and what comes next.",
        "decisions": "Decisions shared",
        "commitments": "Commitments",
        "requests": "Business requests",
        "next": "What comes next",
        "none": "Nothing in the period.",
        "value": "What it brings",
        "cost": "What it costs",
        "risk": "The risk",
        "timing": "When",
        "to": "for {who}",
        "due": "due on {day}",
        "open": "open, due on {day}",
        "renegotiated": "new date {day} (was {old}): {reason}",
        "kept": "kept on {day}",
        "kept_early": "kept early, on {day}",
        "late": "delivered late, on {day}",
        "broken": "will not be delivered: {reason}",
        "broken_plain": "will not be delivered",
        "overdue": "late since {day}",
        "from": "asked by {who}",
        "request_next": "{title} ({state})",
    },
}


@dataclass(frozen=True, slots=True)
class DecisionItem:
    title: str
    value: str = ""
    cost: str = ""
    risk: str = ""
    timing: str = ""


@dataclass(frozen=True, slots=True)
class Content:
    period: Period
    audience: str
    lang: str
    decisions: tuple[DecisionItem, ...] = ()
    commitments: tuple[CommitmentView, ...] = ()
    requests: tuple[RequestView, ...] = ()
    next_commitments: tuple[CommitmentView, ...] = ()
    next_requests: tuple[RequestView, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.decisions or self.commitments or self.requests)


def day_words(day: date, lang: str) -> str:
    month = MONTHS[lang][day.month - 1]
    if lang == "fr":
        return f"{'1er' if day.day == 1 else day.day} {month} {day.year}"
    return f"{month} {day.day}, {day.year}"


def span_words(period: Period, lang: str) -> str:
    start, end = period.start, period.end
    if start.day == 1 and start.month == end.month and start.year == end.year:
        month = MONTHS[lang][start.month - 1]
        return f"{month} {start.year}"
    return f"{day_words(start, lang)} → {day_words(end, lang)}"


def commitment_state(c: CommitmentView, lang: str, end: date) -> str:
    t = T[lang]
    if c.status is Status.BROKEN:
        return t["broken"].format(reason=c.reason) if c.reason else t["broken_plain"]
    if c.closed_on is not None:
        return str(t[c.status.value].format(day=day_words(c.closed_on, lang)))
    if c.due < end:
        return str(t["overdue"].format(day=day_words(c.due, lang)))
    if c.renegotiations:
        last = c.renegotiations[-1]
        return str(
            t["renegotiated"].format(
                day=day_words(c.due, lang), old=day_words(last.old_due, lang), reason=last.reason
            )
        )
    return str(t["open"].format(day=day_words(c.due, lang)))


def _markdown(c: Content) -> str:
    t = T[c.lang]
    heading = t["title"] if c.audience == "business" else t["title_team"]
    out = [f"# {heading.format(span=span_words(c.period, c.lang))}", "", t["intro"], ""]
    out += [f"## {t['decisions']}", ""]
    for d in c.decisions:
        out += [f"### {d.title}", ""]
        for key in ("value", "cost", "risk", "timing"):
            text = getattr(d, key)
            if text:
                out += [f"**{t[key]}.** {text}", ""]
    if not c.decisions:
        out += [t["none"], ""]
    out += [f"## {t['commitments']}", ""]
    for cv in c.commitments:
        state = commitment_state(cv, c.lang, c.period.end)
        colon = "\u202f:" if c.lang == "fr" else ":"
        out.append(f"- {cv.what} — {t['to'].format(who=cv.to)}{colon} {state}")
    out += ([t["none"]] if not c.commitments else []) + [""]
    out += [f"## {t['requests']}", ""]
    for r in c.requests:
        state = REQUEST_LABELS[r.status].get(c.lang)
        out.append(f"- **{r.title}** ({t['from'].format(who=r.requester)}) — {state}.")
        if r.explanation and r.status is not RequestStatus.RECEIVED:
            out.append(f"  {r.explanation}")
    out += ([t["none"]] if not c.requests else []) + [""]
    upcoming = [
        f"- {cv.what} — {t['due'].format(day=day_words(cv.due, c.lang))}"
        for cv in c.next_commitments
    ] + [
        "- " + t["request_next"].format(title=r.title, state=REQUEST_LABELS[r.status].get(c.lang))
        for r in c.next_requests
    ]
    if upcoming:
        out += [f"## {t['next']}", "", *upcoming, ""]
    return "\n".join(out).rstrip() + "\n"


_MD = MarkdownIt("commonmark", {"html": False})
_STYLE = (
    "font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;"
    "line-height:1.5;color:#1f2328;max-width:640px;margin:0 auto;padding:16px"
)


# What may stand in a list item that the fast path writes itself: no character that starts
# inline markup (emphasis, code, links, entities, escapes, autolinks) or a new line.
_MARKUP = frozenset("\\`*_[]<>&!~\t\r\n\x00")
_HEADING = re.compile(r"#{1,6}(?:[ \t]|$)")


def _plain_item(line: str) -> str | None:
    """The text of a one-line bullet item that CommonMark reads as plain text, else None."""
    if not line.startswith("- "):
        return None
    text = line[2:]
    if not text or not text[0].isalpha() or text != text.strip() or not _MARKUP.isdisjoint(text):
        return None
    return text


def _quoted(text: str) -> str:
    """The parser's escaping, for a text without ``&``, ``<`` or ``>``."""
    return text.replace('"', "&quot;")


def _bounded(lines: list[str], step: int, start: int) -> bool:
    """A blank line, then a heading (or the document's edge) on the ``step`` side of ``start``:
    nothing there can continue a list or swallow one."""
    i = start + step
    if 0 <= i < len(lines) and lines[i].strip(" \t"):
        return False
    while 0 <= i < len(lines) and not lines[i].strip(" \t"):
        i += step
    return not (0 <= i < len(lines)) or bool(_HEADING.match(lines[i]))


def markdown_html(markdown: str) -> str:
    """``MarkdownIt("commonmark").render`` to the byte, faster on long lists of plain items.

    A digest may list thousands of commitments, and the parser spends most of its time on
    them. Runs of plain one-line items set between headings are written here directly (a
    ``<ul>`` of escaped text, as the parser writes a tight list); everything else, and the
    whole document when it could hold a link reference definition, a fence or a character the
    parser normalises, goes through the parser (``tests/services/trust`` compares both)."""
    if any(mark in markdown for mark in ("]:", "```", "~~~", "\r", "\x00")):
        return str(_MD.render(markdown))
    lines = markdown.split("\n")
    plain = [_plain_item(line) for line in lines]
    out: list[str] = []
    pending = 0  # the first line not yet rendered
    i = 0
    while i < len(lines):
        if plain[i] is None:
            i += 1
            continue
        end = i
        while end < len(lines) and plain[end] is not None:
            end += 1
        if _bounded(lines, -1, i) and _bounded(lines, 1, end - 1):
            if pending < i:
                out.append(_MD.render("\n".join(lines[pending:i])))
            body = "".join(f"<li>{_quoted(t or '')}</li>\n" for t in plain[i:end])
            out.append(f"<ul>\n{body}</ul>\n")
            pending = end
        i = end
    if pending < len(lines):
        out.append(_MD.render("\n".join(lines[pending:])))
    return "".join(out)


def _html(markdown: str, lang: str, title: str) -> str:
    body = markdown_html(markdown)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html_lib.escape(title)}</title>\n</head>\n"
        f'<body style="margin:0;background:#ffffff">\n<div style="{_STYLE}">\n{body}</div>\n'
        "</body>\n</html>\n"
    )


def _plain(markdown: str) -> str:
    """Plain text for the e-mail's text part: headings underlined, emphasis marks removed."""
    out: list[str] = []
    for line in markdown.splitlines():
        stripped = line.replace("**", "")
        if line.startswith("#"):
            level = len(line) - len(line.lstrip("#"))
            text = stripped.lstrip("#").strip()
            out += [text, ("=" if level == 1 else "-" if level == 2 else "~") * len(text)]
        else:
            out.append(stripped)
    return "\n".join(out).rstrip() + "\n"


def render(c: Content) -> tuple[str, str, str]:
    """The digest as Markdown, HTML and plain text, in ``c.lang``."""
    markdown = _markdown(c)
    title = markdown.splitlines()[0].lstrip("# ").strip()
    return markdown, _html(markdown, c.lang, title), _plain(markdown)
