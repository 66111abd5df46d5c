"""The front matter reads the same whichever YAML dumper writes it (libyaml's or the pure one)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from passerelle.records.madr import dump_front_matter
from passerelle.records.markdown import normalize_line, normalize_text

# Any character, with YAML's own signs and the ones libyaml writes apart drawn often.
chars = st.characters() | st.sampled_from(list(":#-'\"&*!|>%@`{}[],?\\~\n\t\x85\ufeff\u00a0😀"))
line = st.text(chars, max_size=20).map(normalize_line)
text = st.text(chars, max_size=60).map(normalize_text)
days = st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31))


def _pure(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000)


@given(line, text, st.lists(line, max_size=3), days, st.lists(line, max_size=2))
def test_same_text_as_the_pure_python_dumper(
    area: str, reason: str, names: list[str], day: dt.date, tags: list[str]
) -> None:
    data = {
        "status": "accepted",
        "date": day,
        "decision-makers": names,
        "tags": tags,
        "area": area,
        "delegation-level": 5,
        "share-override": reason,
        "status-history": [{"status": "proposed", "date": day, "by": area, "reason": reason}],
    }
    assert dump_front_matter(data) == _pure(data)


def test_characters_libyaml_writes_apart() -> None:
    for odd in ("emoji 😀", "next\x85line", "rare 𝔘"):
        data = {"area": odd, "share-override": f"a\n{odd}"}
        assert dump_front_matter(data) == _pure(data)
