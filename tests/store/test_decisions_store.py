"""The decision tables: a row keeps every field of a decision, ids and import keys are unique,
listings read only the visibilities asked for."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from passerelle.domain.circles import Visibility
from passerelle.domain.decisions import (
    BusinessRendering,
    Decision,
    Option,
    Status,
    StatusChange,
)
from passerelle.domain.delegation import DelegationLevel
from passerelle.services.decision_rows import new_row, to_decision
from passerelle.store.repos import decisions as repo
from passerelle.store.workspace import Store

FULL = Decision(
    id="2026-03-02-utiliser-postgresql",
    title="Utiliser PostgreSQL pour l’espace d’équipe",
    status=Status.ACCEPTED,
    date=date(2026, 3, 2),
    context="Plusieurs personnes écrivent en même temps\u00a0; SQLite ne suffit plus.",
    drivers=("écritures concurrentes", "sauvegardes"),
    options=(Option("PostgreSQL", "serveur", ("robuste",), ("à opérer",)), Option("SQLite")),
    chosen_option="PostgreSQL",
    rationale="le seul qui tienne les écritures concurrentes",
    consequences="une base à opérer",
    deciders=("Claire Martin",),
    consulted=("Yanis Morel",),
    informed=("Julien Martel",),
    area="Architecture",
    delegation_level=DelegationLevel.CONSULT,
    review_on=date(2027, 3, 1),
    tags=("database",),
    visibility=Visibility.TEAM,
    history=(
        StatusChange(Status.PROPOSED, date(2026, 2, 20), "Claire", "created"),
        StatusChange(Status.ACCEPTED, date(2026, 3, 2)),
    ),
    supersedes=("2025-01-01-keep-sqlite",),
    business=BusinessRendering("Plusieurs personnes travaillent ensemble.", "Un serveur.", "", ""),
    more_information="voir le ticket",
    share_override="",
)


def test_a_row_keeps_every_field(store: Store) -> None:
    with store.write() as s:
        repo.add(s, new_row(FULL))
    with store.read() as s:
        row = repo.by_slug(s, FULL.id)
        assert row is not None
        assert to_decision(row) == FULL
        assert row.business_errors == 0


def test_ids_and_import_keys_are_unique(store: Store) -> None:
    with store.write() as s:
        first = new_row(FULL)
        first.source_key = "adr/0001"
        repo.add(s, first)
    with pytest.raises(IntegrityError), store.write() as s:
        repo.add(s, new_row(FULL))
    with pytest.raises(IntegrityError), store.write() as s:
        other = new_row(Decision(id="2026-01-01-other", title="Other"))
        other.source_key = "adr/0001"
        repo.add(s, other)


def test_listing_reads_only_the_visibilities_asked_for(store: Store) -> None:
    with store.write() as s:
        for vis in Visibility:
            repo.add(s, new_row(Decision(id=f"2026-01-01-{vis.value}", title=vis.value,
                                         visibility=vis)))  # fmt: skip
    with store.read() as s:
        rows = repo.listing(s, ["business", "team"])
        assert {r.slug for r in rows} == {"2026-01-01-business", "2026-01-01-team"}
        assert repo.count(s, ["private"]) == 1
        assert repo.slugs_containing(s, "tea") == ["2026-01-01-team"]
