"""Text folded for lookups and search: case, typography and accents aside."""

from __future__ import annotations

import re
import unicodedata

from passerelle.analysis.text import fold

_TERM = re.compile(r"[^\W_]+")


def search_fold(text: str) -> str:
    """Lower case, typography folded, accents removed: ``Été`` and ``ete`` read alike."""
    decomposed = unicodedata.normalize("NFKD", fold(text))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return bare.casefold().replace("œ", "oe").replace("æ", "ae")


def terms(query: str) -> list[str]:
    """The words of a text, folded: what search indexes and what a query looks for."""
    return _TERM.findall(search_fold(query))


def name_key(name: str) -> str:
    """The key two names are the same person by: ``Éloïse  N’Diaye`` = ``eloise n'diaye``."""
    return " ".join(search_fold(name).split())


def slugify(title: str) -> str:
    return "-".join(terms(title))[:80].strip("-") or "learning"
