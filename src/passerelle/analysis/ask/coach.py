"""Coaching: one suggestion per missing part, and a rewrite in the productive shape.

The examples name the request's own subject when a topic cue found one (``subject`` in the
lexicon), and the rewrite keeps the sentences the author already wrote for each part.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from passerelle.analysis.ask.cues import Hit, load_yaml
from passerelle.analysis.ask.result import PARTS, Part
from passerelle.analysis.lang import Lang


@cache
def _coaching(lang: Lang) -> dict[str, Any]:
    return load_yaml(lang, "coaching.yaml")


def labels(lang: Lang) -> dict[str, Any]:
    """The coaching card's labels in ``lang``."""
    return dict(_coaching(lang)["labels"])


def subject(hits: tuple[Hit, ...], lang: Lang) -> str:
    """How to name the request's subject: the heaviest topic cue of ``lang`` that has one."""
    best: Hit | None = None
    for hit in hits:
        if hit.signal != "topic" or hit.cue.subject is None or hit.cue.lang != lang:
            continue
        if best is None or hit.cue.weight > best.cue.weight:
            best = hit
    if best is not None and best.cue.subject:
        return best.cue.subject
    return str(_coaching(lang)["default_subject"])


def suggestions(
    missing: tuple[str, ...], distress: float, topic: str, lang: Lang
) -> tuple[str, ...]:
    texts = _coaching(lang)["suggestions"]
    out = [texts[name].format(subject=topic) for name in missing]
    if distress > 0:
        out.append(texts["paralysis"].format(subject=topic))
    return tuple(out)


def template(text: str, parts: tuple[Part, ...], topic: str, lang: Lang) -> str:
    data = _coaching(lang)
    fill: dict[str, str] = {}
    used: set[tuple[int, int]] = set()
    for name in PARTS:
        part = next(p for p in parts if p.name == name)
        spans = [s for s in part.spans if s not in used]
        used.update(spans)
        if spans:
            fill[name] = " ".join(" ".join(text[a:b].split()) for a, b in spans)
        else:
            fill[name] = data["placeholders"][name].format(subject=topic)
    return str(data["template"]).format(**fill).rstrip("\n")
