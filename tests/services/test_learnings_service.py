"""Learnings: slugs, full-text search with accents folded in both languages, export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from passerelle.services import learnings
from passerelle.services.errors import InvalidInputError, NotFoundError
from passerelle.store.workspace import Store


def _fill(store: Store) -> None:
    with store.write() as s:
        learnings.add(
            s,
            "Déléguer l’architecture à l’équipe",
            "Les équipes décident mieux quand le cadre est clair. Été comme hiver.",
            tags="délégation, équipe",
            day=date(2026, 1, 5),
        )
        learnings.add(
            s,
            "Ask peers before the board meeting",
            "Peer CTOs spotted the budget risk early.",
            tags="board",
            day=date(2026, 2, 1),
        )
        learnings.add(s, "Cœur de métier", "Garder le cœur en interne.", day=date(2026, 3, 1))


def test_search_folds_accents_and_case_both_ways(store: Store) -> None:
    _fill(store)
    with store.read() as s:
        assert [x.slug for x in learnings.search(s, "equipe")] == [
            "deleguer-l-architecture-a-l-equipe"
        ]
        assert len(learnings.search(s, "ÉTÉ")) == 1
        assert len(learnings.search(s, "été hiver")) == 1
        assert learnings.search(s, "été budget") == []
        assert [x.title for x in learnings.search(s, "BOARD meet")] == [
            "Ask peers before the board meeting"
        ]
        assert [x.title for x in learnings.search(s, "coeur")] == ["Cœur de métier"]
        assert learnings.search(s, "  ") == []
        assert learnings.search(s, '"; DROP TABLE learnings; --') == []


def test_slugs_are_unique_and_lookup(store: Store) -> None:
    with store.write() as s:
        a = learnings.add(s, "Same title", "x")
        b = learnings.add(s, "Same  title", "y")
        assert (a.slug, b.slug) == ("same-title", "same-title-2")
        assert learnings.find(s, "same-title-2").id == b.id
        assert learnings.find(s, f"#{a.id}").id == a.id
        with pytest.raises(NotFoundError):
            learnings.find(s, "nope")
        with pytest.raises(InvalidInputError):
            learnings.add(s, "   ", "body")


def test_list_by_tag_newest_first(store: Store) -> None:
    _fill(store)
    with store.read() as s:
        assert [x.learned_on.month for x in learnings.listing(s)] == [3, 2, 1]
        assert [x.tags for x in learnings.listing(s, tag="Équipe")] == [["délégation", "équipe"]]


def test_export_front_matter(store: Store, tmp_path: Path) -> None:
    _fill(store)
    with store.read() as s:
        written = learnings.export(s, tmp_path / "out")
    assert len(written) == 3
    path = tmp_path / "out" / "2026-01-05-deleguer-l-architecture-a-l-equipe.md"
    text = path.read_text(encoding="utf-8")
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    assert meta["title"] == "Déléguer l’architecture à l’équipe"
    assert meta["date"] == "2026-01-05"
    assert meta["slug"] == "deleguer-l-architecture-a-l-equipe"
    assert meta["description"] == "Les équipes décident mieux quand le cadre est clair."
    assert meta["tags"] == ["délégation", "équipe"]
    assert meta["categories"] == ["leadership"]
    assert "Été comme hiver." in body
