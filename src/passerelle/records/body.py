"""Reading the body of a decision record: context, options, outcome, business rendering.

Each function takes the record's sections (as cut by ``markdown.split``) and returns plain
values; text is kept as written, unescaped the way ``madr.to_madr`` escapes it.
"""

from __future__ import annotations

import re

from passerelle.domain.decisions import BusinessRendering, Option
from passerelle.records import markdown as md

HEADER = re.compile(
    r"^ {0,3}[*+-]\s+(status|deciders|decision-makers|decision makers|date|tags|consulted|"
    r"informed)\s*:\s*(.*)$",
    re.IGNORECASE,
)
DATE_LINE = re.compile(r"^\s*date\s*:\s*(.+)$", re.IGNORECASE)
SUPERSEDE = re.compile(
    r"^\s*(?:[*+-]\s+)?(supersedes|superseded by|remplace|remplacée par)\b", re.IGNORECASE
)
CHOSEN = re.compile(r'^(?:chosen option|option choisie)\s*:\s*"', re.IGNORECASE)
ARGUMENT = re.compile(r"^(good|bad|neutral), because\b\s*(.*)$", re.IGNORECASE)
OUTCOME_KEYS = {"decision outcome", "decision", "décision", "résultat de la décision"}
KNOWN_SECTIONS = {
    "context and problem statement",
    "context",
    "contexte",
    "decision drivers",
    "considered options",
    "pros and cons of the options",
    "consequences",
    "status",
    "links",
    "more information",
    "business rendering",
    "version métier",
    *OUTCOME_KEYS,
}
BUSINESS_KEYS = {
    "value": "value",
    "valeur": "value",
    "cost": "cost",
    "coût": "cost",
    "risk": "risk",
    "risque": "risk",
    "timing": "timing",
    "délai": "timing",
    "calendrier": "timing",
}


def context(preamble: md.Section, title: md.Heading | None, sections: dict[str, md.Section]) -> str:
    intro = [
        line
        for line in preamble.lines[title.end if title else 0 :]
        if not HEADER.match(line) and not DATE_LINE.match(line)
    ]
    parts = [md.normalize_text(md.unescape_block("\n".join(intro)))]
    for name in ("context and problem statement", "context", "contexte"):
        if name in sections:
            parts.append(sections[name].text)
            break
    return "\n\n".join(p for p in parts if p)


def options(sections: dict[str, md.Section]) -> tuple[Option, ...]:
    titles = [t for t, _ in md.list_items(lines_of(sections, "considered options"))]
    opts: dict[str, Option] = {t: Option(t) for t in dict.fromkeys(titles)}
    pros = sections.get("pros and cons of the options")
    if pros is None:
        return tuple(opts.values())
    for part in pros.subsections(3)[1:]:
        assert part.heading is not None
        name = _match(part.heading.text, list(opts)) or md.normalize_line(part.heading.text)
        opts[name] = _option(name, part.lines)
    return tuple(opts.values())


def outcome(
    sections: dict[str, md.Section], options: tuple[Option, ...]
) -> tuple[str, str, str, list[tuple[str, str]]]:
    section = next((sections[k] for k in OUTCOME_KEYS if k in sections), None)
    consequences = [sections["consequences"].text] if "consequences" in sections else []
    if section is None:
        return "", "", "\n\n".join(consequences), []
    parts = section.subsections(3)
    chosen, rationale = _chosen(parts[0].text, [o.title for o in options])
    extra: list[tuple[str, str]] = []
    for part in parts[1:]:
        assert part.heading is not None
        if part.key == "consequences":
            consequences.insert(0, part.text)
        elif part.key in ("positive consequences", "negative consequences"):
            consequences.append(f"{part.heading.text}:\n\n{part.text}")
        else:
            extra.append((part.heading.text, part.text))
    return chosen, rationale, "\n\n".join(c for c in consequences if c), extra


def more_information(sections: list[md.Section], extra: list[tuple[str, str]]) -> str:
    parts: list[str] = []
    for s in sections:
        assert s.heading is not None
        if s.key == "more information" and not parts:
            parts.append(s.text)
        elif s.key == "links" or s.key == "status":
            kept = [ln for ln in s.lines if not SUPERSEDE.match(ln)]
            if s.key == "status":
                kept = _drop_first_text(kept)
            text = md.normalize_text(md.unescape_block("\n".join(kept)))
            if text:
                parts.append(f"**{s.heading.text}**\n\n{text}")
        elif s.key not in KNOWN_SECTIONS and s.heading.level == 2:
            parts.append(f"**{s.heading.text}**\n\n{s.text}".strip())
    parts += [f"**{name}**\n\n{text}".strip() for name, text in extra]
    return "\n\n".join(p for p in parts if p)


def business(sections: dict[str, md.Section]) -> BusinessRendering:
    section = sections.get("business rendering") or sections.get("version métier")
    if section is None:
        return BusinessRendering()
    values: dict[str, str] = {}
    for part in section.subsections(3)[1:]:
        name = BUSINESS_KEYS.get(part.key)
        if name and name not in values:
            values[name] = part.text
    return BusinessRendering(**values)


def lines_of(sections: dict[str, md.Section], key: str) -> tuple[str, ...]:
    section = sections.get(key)
    return section.lines if section else ()


def _plain(text: str) -> str:
    text = md.LINK.sub(r"\1", text)
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


def _match(heading: str, titles: list[str]) -> str | None:
    if heading in titles:
        return heading
    plain = _plain(heading)
    for title in titles:
        if _plain(title) == plain:
            return title
    for title in titles:
        p = _plain(title)
        if plain and p and (p.startswith(plain) or plain.startswith(p)):
            return title
    return None


def _option(title: str, lines: tuple[str, ...]) -> Option:
    items = md.list_items(lines)
    first_arg = next((n for text, n in items if ARGUMENT.match(text)), len(lines))
    description = md.normalize_text(md.unescape_block("\n".join(lines[:first_arg])))
    pros: list[str] = []
    cons: list[str] = []
    neutral: list[str] = []
    for text, n in items:
        m = ARGUMENT.match(text)
        if n < first_arg or not m:
            continue
        kind, arg = m.group(1).casefold(), m.group(2)
        {"good": pros, "bad": cons, "neutral": neutral}[kind].append(arg)
    return Option(title, description, tuple(pros), tuple(cons), tuple(neutral))


def _chosen(text: str, titles: list[str]) -> tuple[str, str]:
    """Split ``Chosen option: "X", because Y`` into X and Y; other text is all rationale."""
    m = CHOSEN.match(text)
    if not m:
        return "", text
    rest = text[m.end() :]
    known = sorted((t for t in titles if rest.startswith(t + '"')), key=len, reverse=True)
    if known:
        title, after = known[0], rest[len(known[0]) + 1 :]
    else:
        first = rest.split("\n", 1)[0]
        cut = first.find('", because')
        cut = cut if cut >= 0 else first.rfind('"')
        if cut < 0:
            return "", text
        title, after = rest[:cut], rest[cut + 1 :]
    after = re.sub(r"^\s*,\s*(?:because|car|parce que)\b", "", after, count=1)
    return md.normalize_line(title), md.normalize_text(after.lstrip(" "))


def _drop_first_text(lines: list[str]) -> list[str]:
    for i, line in enumerate(lines):
        if line.strip():
            return lines[:i] + lines[i + 1 :]
    return lines
