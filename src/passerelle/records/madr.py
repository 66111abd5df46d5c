"""Write a decision as a MADR 4 file that ``parse_record`` reads back unchanged.

The standard MADR 4 keys go in the YAML front matter (status, date, decision-makers,
consulted, informed); Passerelle's own fields follow them there (tags, area, delegation level,
review date, visibility, supersedes, status history). The body keeps MADR's sections, plus a
``Business Rendering`` section (value, cost, risk, timing) for readers outside engineering.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml

from passerelle.domain.circles import Visibility
from passerelle.domain.decisions import Decision, Option, Status
from passerelle.records.markdown import escape_block, escape_heading

# The safe dumper (plain types only), in its C version when libyaml is there. The two write
# the same text, except for characters past U+FFFF and the NEL/line separators (libyaml quotes
# and escapes them): a front matter holding one goes through the pure-Python dumper.
_SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_WRITTEN_APART = re.compile("[\x85\u2028\u2029\U00010000-\U0010ffff]")


def file_name(decision: Decision) -> str:
    return f"{decision.id}.md"


def front_matter(d: Decision) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if d.status is Status.SUPERSEDED and d.superseded_by:
        data["status"] = f"superseded by [{d.superseded_by}]({d.superseded_by}.md)"
    else:
        data["status"] = d.status.value
    optional: list[tuple[str, Any]] = [
        ("date", d.date),
        ("decision-makers", list(d.deciders)),
        ("consulted", list(d.consulted)),
        ("informed", list(d.informed)),
        ("tags", list(d.tags)),
        ("area", d.area),
        ("delegation-level", int(d.delegation_level) if d.delegation_level else None),
        ("review-date", d.review_on),
        ("visibility", d.visibility.value if d.visibility is not Visibility.PRIVATE else None),
        ("supersedes", list(d.supersedes)),
        ("share-override", d.share_override),
        (
            "status-history",
            [_change(c.status.value, c.on, c.by, c.reason) for c in d.history],
        ),
    ]
    data.update((k, v) for k, v in optional if v)
    return data


def _change(status: str, on: object, by: str, reason: str) -> dict[str, Any]:
    item: dict[str, Any] = {"status": status, "date": on}
    if by:
        item["by"] = by
    if reason:
        item["reason"] = reason
    return item


def _section(title: str, text: str, level: int = 2) -> list[str]:
    return [f"{'#' * level} {title}", "", escape_block(text), ""] if text else []


def _option(o: Option) -> list[str]:
    if not (o.description or o.pros or o.cons or o.neutral):
        return []
    lines = [f"### {escape_heading(o.title)}", ""]
    if o.description:
        lines += [escape_block(o.description), ""]
    args = [f"* Good, because {p}" for p in o.pros]
    args += [f"* Neutral, because {n}" for n in o.neutral]
    args += [f"* Bad, because {c}" for c in o.cons]
    return [*lines, *args, ""] if args else lines


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def dump_front_matter(data: dict[str, Any]) -> str:
    apart = any(_WRITTEN_APART.search(s) for s in _strings(data))
    dumper = yaml.SafeDumper if apart else _SAFE_DUMPER
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=1_000_000)


def to_madr(d: Decision) -> str:
    meta = dump_front_matter(front_matter(d))
    out = ["---", meta.rstrip("\n"), "---", f"# {escape_heading(d.title)}", ""]
    out += _section("Context and Problem Statement", d.context)
    if d.drivers:
        out += ["## Decision Drivers", "", *(f"* {x}" for x in d.drivers), ""]
    if d.options:
        out += ["## Considered Options", "", *(f"* {o.title}" for o in d.options), ""]
    if d.chosen_option or d.rationale or d.consequences:
        out += ["## Decision Outcome", ""]
        if d.chosen_option:
            first, _, rest = d.rationale.partition("\n")
            # The first line follows "because" on the same line: nothing there to escape.
            because = f", because {first}" if d.rationale else ""
            because += f"\n{escape_block(rest)}" if rest else ""
            out += [f'Chosen option: "{d.chosen_option}"{because}', ""]
        elif d.rationale:
            out += [escape_block(d.rationale), ""]
        out += _section("Consequences", d.consequences, 3)
    pros = [line for o in d.options for line in _option(o)]
    if pros:
        out += ["## Pros and Cons of the Options", "", *pros]
    b = d.business
    if not b.is_empty:
        out += ["## Business Rendering", ""]
        for title, text in (
            ("Value", b.value),
            ("Cost", b.cost),
            ("Risk", b.risk),
            ("Timing", b.timing),
        ):
            out += _section(title, text, 3)
    out += _section("More Information", d.more_information)
    return "\n".join(out).rstrip("\n") + "\n"
