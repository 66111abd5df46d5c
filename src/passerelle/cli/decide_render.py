"""How ``passerelle decide`` shows decisions: the technical and the business renderings as
Markdown, their JSON forms, and the plain-language findings on a business rendering.
"""

from __future__ import annotations

from typing import Any

from passerelle.domain.decisions import BusinessRendering, Decision

BUSINESS_PARTS = {
    "fr": ("Ce que cela apporte", "Ce que cela coûte", "Les risques", "Le calendrier"),
    "en": ("What it brings", "What it costs", "The risks", "When"),
}


def _date(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def business_json(view: Any) -> dict[str, Any]:
    """``view`` is a ``Decision`` or a ``BusinessView``: only the business part goes out."""
    b: BusinessRendering = view.business
    return {
        "id": view.id,
        "title": view.title,
        "status": view.status.value,
        "date": _date(view.date),
        "business": {"value": b.value, "cost": b.cost, "risk": b.risk, "timing": b.timing},
    }


def decision_json(d: Decision) -> dict[str, Any]:
    return business_json(d) | {
        "context": d.context,
        "drivers": list(d.drivers),
        "options": [
            {
                "title": o.title,
                "description": o.description,
                "pros": list(o.pros),
                "cons": list(o.cons),
                "neutral": list(o.neutral),
            }
            for o in d.options
        ],
        "chosen_option": d.chosen_option,
        "rationale": d.rationale,
        "consequences": d.consequences,
        "deciders": list(d.deciders),
        "consulted": list(d.consulted),
        "informed": list(d.informed),
        "area": d.area,
        "delegation_level": int(d.delegation_level) if d.delegation_level else None,
        "review_on": _date(d.review_on),
        "tags": list(d.tags),
        "visibility": d.visibility.value,
        "supersedes": list(d.supersedes),
        "superseded_by": d.superseded_by,
        "share_override": d.share_override,
        "history": [
            {"status": c.status.value, "on": c.on.isoformat(), "by": c.by, "reason": c.reason}
            for c in d.history
        ],
    }


def business_markdown(view: Any, lang: str) -> str:
    b: BusinessRendering = view.business
    status = view.status.label(lang)
    when = f" — {view.date.isoformat()}" if view.date else ""
    out = [f"# {view.title}", "", f"*{status}{when}*", ""]
    if b.is_empty:
        out.append("Pas encore de version métier." if lang == "fr" else "No business version yet.")
    for title, text in zip(BUSINESS_PARTS[lang], (b.value, b.cost, b.risk, b.timing), strict=True):
        if text:
            out += [f"## {title}", "", text, ""]
    return "\n".join(out).rstrip() + "\n"


def tech_markdown(d: Decision, lang: str) -> str:
    from passerelle.records import to_madr

    fr = lang == "fr"
    body = to_madr(d).split("\n---\n", 1)[1]  # the MADR body, without its front matter
    level = d.delegation_level.label(lang) if d.delegation_level else "—"
    rows = [
        ("Statut" if fr else "Status", d.status.label(lang)),
        ("Date", _date(d.date) or "—"),
        ("Décideurs" if fr else "Decided by", ", ".join(d.deciders) or "—"),
        ("Consultés" if fr else "Consulted", ", ".join(d.consulted) or "—"),
        ("Informés" if fr else "Informed", ", ".join(d.informed) or "—"),
        ("Domaine" if fr else "Area", d.area or "—"),
        ("Niveau de délégation" if fr else "Delegation level", level),
        ("Revue" if fr else "Review", _date(d.review_on) or "—"),
        ("Étiquettes" if fr else "Tags", ", ".join(d.tags) or "—"),
        ("Visibilité" if fr else "Visibility", d.visibility.value),
    ]
    if d.superseded_by:
        rows.append(("Remplacée par" if fr else "Superseded by", d.superseded_by))
    if d.supersedes:
        rows.append(("Remplace" if fr else "Supersedes", ", ".join(d.supersedes)))
    if d.share_override:
        rows.append(("Partage forcé" if fr else "Share forced", d.share_override))
    title, _, rest = body.partition("\n")
    table = [f"- **{k}**: {v}" for k, v in rows]
    history = [
        f"- {c.on.isoformat()} {c.status.label(lang)}"
        + (f" ({c.by})" if c.by else "")
        + (f": {c.reason}" if c.reason else "")
        for c in d.history
    ]
    head = "Historique" if fr else "History"
    return "\n".join([title, "", *table, rest.rstrip(), "", f"## {head}", "", *history]) + "\n"


def findings_lines(findings: tuple[Any, ...]) -> list[str]:
    """``line:col level message (suggestion)`` per finding, the checker's own format."""
    out = []
    for f in findings:
        hint = f" — {f.suggestion}" if f.suggestion else ""
        out.append(f"  {f.line}:{f.column} {f.level} {f.message}{hint}")
    return out
