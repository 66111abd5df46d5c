"""Learnings: write down what help taught you, find it again, share it as Markdown.

Every read (find, list, search, export) takes a ``reader`` (the owner by default) and reads
only the learnings the read policy lets that reader see: a business partner reads those
shared as ``business``, the team those shared as ``team`` or ``business``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from sqlalchemy.orm import Session

from passerelle.analysis.lang import detect
from passerelle.domain.circles import Bilingual, Visibility
from passerelle.services.access import OWNER, Kind, Role, allowed
from passerelle.services.errors import NotFoundError, invalid
from passerelle.services.folding import slugify, terms
from passerelle.services.people import tags as clean_tags
from passerelle.services.people import visibility_of
from passerelle.store.models import Learning
from passerelle.store.repos import learnings as repo


def _search_text(item: Learning) -> str:
    joined = " ".join([item.title, item.description, item.body, " ".join(item.tags)])
    return " ".join(terms(joined))


def add(
    session: Session,
    title: str,
    body: str = "",
    *,
    description: str = "",
    tags: str | Sequence[str] | None = None,
    categories: str | Sequence[str] | None = None,
    day: date | None = None,
    ask_id: int | None = None,
    visibility: str = Visibility.PRIVATE.value,
) -> Learning:
    clean = " ".join(title.split())
    if not clean:
        raise invalid("Le titre est vide.", "The title is empty.")
    base = slugify(clean)
    taken = repo.slugs_starting(session, base)
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    item = Learning(
        title=clean,
        slug=slug,
        description=description.strip() or _first_sentence(body),
        body=body.strip(),
        lang=detect(f"{clean}\n{body}"),
        learned_on=day or date.today(),
        tags=clean_tags(tags),
        categories=clean_tags(categories) or ["leadership"],
        ask_id=ask_id,
        visibility=visibility_of(visibility),
    )
    item.search_text = _search_text(item)
    return repo.add(session, item)


def _first_sentence(body: str) -> str:
    text = " ".join(body.split())
    end = re.search(r"[.!?](\s|$)", text)
    sentence = text[: end.end()].strip() if end else text
    return sentence[:200]


def _shown(reader: Role) -> tuple[str, ...] | None:
    return None if reader is OWNER else allowed(reader, Kind.LEARNING)


def find(session: Session, ref: str, reader: Role = OWNER) -> Learning:
    key = ref.strip().lstrip("#")
    vis = _shown(reader)
    found = repo.get(session, int(key), vis) if key.isdigit() else repo.by_slug(session, key, vis)
    if found is None:
        raise NotFoundError(
            Bilingual(f"Apprentissage inconnu : « {ref} ».", f"Unknown learning: '{ref}'.")
        )
    return found


def listing(
    session: Session, tag: str | None = None, limit: int | None = None, reader: Role = OWNER
) -> list[Learning]:
    clean = tag.strip().lower() if tag else None
    return repo.listing(session, tag=clean, limit=limit, visibilities=_shown(reader))


def search(session: Session, query: str, limit: int = 20, reader: Role = OWNER) -> list[Learning]:
    """Learnings holding every word of ``query`` (as a word start), accents and case aside."""
    return repo.search(session, terms(query), limit, _shown(reader))


@dataclass(frozen=True, slots=True)
class Exported:
    path: Path
    slug: str


def to_markdown(item: Learning) -> str:
    """One learning as Markdown with front matter, ready for a static site generator."""
    front = {
        "title": item.title,
        "date": item.learned_on.isoformat(),
        "slug": item.slug,
        "description": item.description,
        "categories": list(item.categories),
        "tags": list(item.tags),
        "lang": item.lang,
    }
    header = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{header}---\n\n{item.body}\n"


def export(
    session: Session, folder: Path, *, visibility: str | None = None, reader: Role = OWNER
) -> list[Exported]:
    """Write one Markdown file per learning ``reader`` may read (at ``visibility`` only, when
    given) into ``folder`` (created if needed)."""
    shown = _shown(reader)
    if visibility:
        wanted = visibility_of(visibility)
        shown = tuple(v for v in (shown or (wanted,)) if v == wanted)
    folder.mkdir(parents=True, exist_ok=True)
    done = []
    for item in repo.listing(session, visibilities=shown):
        path = folder / f"{item.learned_on.isoformat()}-{item.slug}.md"
        path.write_text(to_markdown(item), encoding="utf-8")
        done.append(Exported(path, item.slug))
    return done
