"""A corpus of real text nobody on the team wrote, built from what Debian installs.

English: the licence texts and the copyright files of the installed packages, paragraphs
deduplicated (proselint caches repeated paragraphs, which would flatter it).
French: the French translations of the installed programs' messages (gettext catalogs),
deduplicated and grouped into paragraphs.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from pathlib import Path

WORK = Path(__file__).resolve().parent / ".work" / "corpus"
FILE_SIZE = 20_000


def _english_paragraphs() -> Iterator[str]:
    sources = sorted(Path("/usr/share/common-licenses").glob("*"))
    sources += sorted(Path("/usr/share/doc").glob("*/copyright"))
    for path in sources:
        if not path.is_file():
            continue
        text = path.read_text("utf-8", errors="replace")
        for block in text.split("\n\n"):
            block = block.strip()
            if len(block) > 80:
                yield block


def _french_paragraphs() -> Iterator[str]:
    group: list[str] = []
    for path in sorted(Path("/usr/share/locale/fr/LC_MESSAGES").glob("*.mo")):
        try:
            with path.open("rb") as handle:
                catalog = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
        except (OSError, gettext.error):  # type: ignore[attr-defined]
            continue
        for value in catalog.values():
            if isinstance(value, str) and len(value) > 30 and "%" not in value:
                group.append(" ".join(value.split()))
                if len(group) == 5:
                    yield " ".join(group)
                    group = []


def _unique(paragraphs: Iterator[str], budget: int) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    size = 0
    for paragraph in paragraphs:
        if paragraph in seen:
            continue
        seen.add(paragraph)
        out.append(paragraph)
        size += len(paragraph.encode("utf-8"))
        if size >= budget:
            break
    return out


def _write(lang: str, paragraphs: list[str]) -> list[Path]:
    paths: list[Path] = []
    chunk: list[str] = []
    size = 0
    for paragraph in paragraphs:
        chunk.append(paragraph)
        size += len(paragraph)
        if size >= FILE_SIZE:
            paths.append(_flush(lang, len(paths), chunk))
            chunk, size = [], 0
    if chunk:
        paths.append(_flush(lang, len(paths), chunk))
    return paths


def _flush(lang: str, number: int, chunk: list[str]) -> Path:
    path = WORK / lang / f"{lang}-{number:03d}.md"
    path.write_text(f"# Notes {number}\n\n" + "\n\n".join(chunk) + "\n", encoding="utf-8")
    return path


def build(total: int = 1_000_000) -> dict[str, list[Path]]:
    """Write about ``total`` bytes, half English, half French; return the files per language."""
    for lang in ("en", "fr"):
        (WORK / lang).mkdir(parents=True, exist_ok=True)
        for old in (WORK / lang).glob("*.md"):
            old.unlink()
    return {
        "en": _write("en", _unique(_english_paragraphs(), total // 2)),
        "fr": _write("fr", _unique(_french_paragraphs(), total // 2)),
    }
