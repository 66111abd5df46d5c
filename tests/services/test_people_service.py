"""People and their contact cadence, on a real database."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from passerelle.services import network as network_service
from passerelle.services import people
from passerelle.services.dates import parse_day
from passerelle.services.errors import (
    AmbiguousError,
    DuplicateError,
    InvalidInputError,
    NotFoundError,
)
from passerelle.settings import Settings
from passerelle.store.workspace import Store

TODAY = date(2026, 6, 1)


def test_add_and_find_by_name_id_or_part(store: Store) -> None:
    with store.write() as s:
        p = people.add(s, "  Amélie   Durand ", "peer", expertise="Scaling, hiring,scaling")
    assert p.name == "Amélie Durand"
    assert p.expertise == ["scaling", "hiring"]
    assert p.visibility == "private"
    with store.read() as s:
        assert people.find(s, "amélie durand").id == p.id
        assert people.find(s, f"#{p.id}").id == p.id
        assert people.find(s, "durand").id == p.id
        assert people.find(s, "AMELIE").id == p.id  # case and accents aside
    with pytest.raises(DuplicateError), store.write() as s:
        people.add(s, "amelie durand", "peer")


def test_duplicate_unknown_and_ambiguous(store: Store) -> None:
    with store.write() as s:
        people.add(s, "Marc Petit", "mentor")
        people.add(s, "Marc Leroy", "peer")
    with pytest.raises(DuplicateError), store.write() as s:
        people.add(s, "marc petit", "peer")
    with store.read() as s:
        with pytest.raises(AmbiguousError) as caught:
            people.find(s, "marc")
        assert "Marc Leroy" in caught.value.text("en")
        with pytest.raises(NotFoundError):
            people.find(s, "Zoé")


def test_bad_circle_visibility_and_cadence(store: Store) -> None:
    with store.write() as s:
        with pytest.raises(InvalidInputError):
            people.add(s, "A", "friends")
        with pytest.raises(InvalidInputError):
            people.add(s, "B", "peer", visibility="public")
        with pytest.raises(InvalidInputError):
            people.add(s, "C", "peer", cadence_days=0)
        assert people.add(s, "D", "pairs").circle == "peer"


def test_next_contact_follows_last_interaction_and_snooze(store: Store) -> None:
    settings = Settings(database_url="sqlite://")
    with store.write() as s:
        people.add(s, "Nina", "peer", known_since=TODAY - timedelta(days=100))
        people.add(s, "Omar", "mentor", known_since=TODAY - timedelta(days=10), cadence_days=5)
    with store.read() as s:
        by_name = {v.name: v for v in people.views(s, settings, TODAY)}
    assert by_name["Nina"].overdue_days == 70  # peers: 30 days by default
    assert by_name["Omar"].overdue_days == 5  # own cadence wins over the mentors' 90
    with store.write() as s:
        people.log(s, "Nina", day=TODAY - timedelta(days=3), gave="intro", kind="call")
        people.snooze(s, "Omar", TODAY + timedelta(days=7))
    with store.read() as s:
        by_name = {v.name: v for v in people.views(s, settings, TODAY)}
    assert by_name["Nina"].next_contact == TODAY + timedelta(days=27)
    assert by_name["Nina"].overdue_days == 0
    assert by_name["Omar"].next_contact == TODAY + timedelta(days=7)
    assert (by_name["Nina"].given, by_name["Nina"].received) == (1, 0)


def test_circle_cadence_is_configurable(store: Store) -> None:
    settings = Settings(database_url="sqlite://", cadences={"peer": 10})  # type: ignore[arg-type]
    with store.write() as s:
        people.add(s, "Nina", "peer", known_since=TODAY - timedelta(days=15))
    with store.read() as s:
        (view,) = people.views(s, settings, TODAY)
    assert view.cadence_days == 10 and view.overdue_days == 5


def test_edit_and_log_validation(store: Store) -> None:
    with store.write() as s:
        people.add(s, "Paul", "team")
        people.add(s, "Rita", "team")
    with store.write() as s:
        people.edit(s, "Paul", circle="ceo", expertise="budget", organisation="Lumio")
    with store.read() as s:
        paul = people.find(s, "Paul")
        assert (paul.circle, paul.expertise, paul.organisation) == ("ceo", ["budget"], "Lumio")
    with pytest.raises(DuplicateError), store.write() as s:
        people.edit(s, "Paul", name="rita")
    with pytest.raises(InvalidInputError), store.write() as s:
        people.log(s, "Paul", day=TODAY, kind="telepathy")
    with pytest.raises(NotFoundError), store.write() as s:
        people.log(s, "Nobody", day=TODAY)


def test_parse_day() -> None:
    assert parse_day("2026-03-01") == date(2026, 3, 1)
    assert parse_day("hier", TODAY) == TODAY - timedelta(days=1)
    assert parse_day("+2w", TODAY) == TODAY + timedelta(days=14)
    assert parse_day("-3j", TODAY) == TODAY - timedelta(days=3)
    with pytest.raises(InvalidInputError):
        parse_day("2026-02-30")
    with pytest.raises(InvalidInputError):
        parse_day("next tuesday")


def test_network_coverage_overdue_and_reciprocity(store: Store) -> None:
    settings = Settings(database_url="sqlite://")
    with store.write() as s:
        people.add(s, "Peer One", "peer", known_since=TODAY - timedelta(days=60))
        people.add(s, "Peer Two", "peer", known_since=TODAY)
        people.log(s, "Peer Two", day=TODAY, received="advice on hiring")
        people.log(s, "Peer Two", day=TODAY, received="a contact")
        people.log(s, "Peer One", day=TODAY - timedelta(days=45), gave="a review")
    with store.read() as s:
        report = network_service.network(s, settings, TODAY)
    cover = {c.circle: c for c in report.coverage}
    assert cover["peer"].people == 2 and cover["peer"].thin  # fewer than three peers
    assert cover["mentor"].people == 0 and cover["mentor"].thin
    assert [p.name for p in report.overdue] == ["Peer One"]
    assert report.overdue[0].overdue_days == 15
    assert report.reciprocity[0].name == "Peer Two"  # received twice, gave nothing
