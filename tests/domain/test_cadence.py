"""Cadences and the next contact date."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passerelle.domain.cadence import cadence_for, contact_status, next_contact
from passerelle.domain.circles import Circle, fits, for_analyser, from_analyser, parse_circle

DAY = date(2026, 1, 10)


def test_defaults_follow_the_seed_and_can_be_overridden() -> None:
    assert cadence_for("peer", None) == 30
    assert cadence_for("mentor", None) == 90
    assert cadence_for("mentor", 45) == 45
    assert cadence_for(Circle.PEER, None, {"peer": 21}) == 21


def test_next_contact_from_last_contact_or_first_meeting_and_snooze() -> None:
    assert next_contact(cadence_days=30, last_contact=None, known_since=DAY) == DAY + timedelta(30)
    last = DAY + timedelta(days=5)
    assert next_contact(cadence_days=30, last_contact=last, known_since=DAY) == last + timedelta(30)
    later = DAY + timedelta(days=100)
    assert (
        next_contact(cadence_days=30, last_contact=None, known_since=DAY, snoozed_until=later)
        == later
    )
    earlier = DAY + timedelta(days=1)
    assert next_contact(
        cadence_days=30, last_contact=None, known_since=DAY, snoozed_until=earlier
    ) == DAY + timedelta(30)
    with pytest.raises(ValueError):
        next_contact(cadence_days=0, last_contact=None, known_since=DAY)


@given(st.integers(1, 400), st.integers(0, 800), st.integers(0, 10))
def test_overdue_is_days_past_due_beyond_grace(cadence: int, elapsed: int, grace: int) -> None:
    status = contact_status(
        DAY + timedelta(days=elapsed),
        cadence_days=cadence,
        last_contact=DAY,
        known_since=DAY,
        grace_days=grace,
    )
    late = elapsed - cadence
    assert status.overdue_days == (late if late > grace else 0)
    assert status.overdue == (status.overdue_days > 0)


def test_circles_map_to_the_analyser_and_back() -> None:
    for circle in (Circle.PEER, Circle.MENTOR, Circle.TEAM, Circle.CEO, Circle.EXPERT):
        assert from_analyser(for_analyser(circle)) is circle
    assert parse_circle("Pairs") is Circle.PEER
    assert parse_circle("équipe") is Circle.TEAM
    with pytest.raises(ValueError):
        parse_circle("friends")
    assert fits("team", ("team", "peers"))
    assert not fits("team", ("peers",))
    assert fits("team", ())
