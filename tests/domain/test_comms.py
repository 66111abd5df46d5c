"""The communication plan: cadences, due dates, overdue audiences, the record over a period."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passerelle.domain.comms import (
    CadenceError,
    CommsError,
    Format,
    Logged,
    PlanEntry,
    cadence_events,
    cadence_record,
    due,
    due_list,
    overdue,
    parse_cadence,
)
from passerelle.domain.trust import Evidence

SINCE = date(2026, 10, 1)
CEO = PlanEntry("CEO", 7, Format.ONE_TO_ONE, SINCE, grace_days=1)
COMEX = PlanEntry("Comex", 30, Format.DIGEST, SINCE)
TEAM = PlanEntry("Team", 14, Format.MEETING, SINCE)


@pytest.mark.parametrize(
    ("text", "days"), [("weekly", 7), (" Mensuel ", 30), ("14", 14), (10, 10), ("quarterly", 91)]
)
def test_parse_cadence(text: int | str, days: int) -> None:
    assert parse_cadence(text) == days


@pytest.mark.parametrize("bad", ["sometimes", "0", 0, -3, True, ""])
def test_bad_cadences_are_named(bad: int | str) -> None:
    with pytest.raises(CadenceError):
        parse_cadence(bad)


def test_plan_entry_rules() -> None:
    with pytest.raises(CommsError):
        PlanEntry(" ", 7, Format.EMAIL, SINCE)
    with pytest.raises(CadenceError):
        PlanEntry("CEO", 7, Format.EMAIL, SINCE, grace_days=7)


def test_next_due_follows_the_last_communication() -> None:
    logs = [Logged("CEO", date(2026, 11, 2)), Logged("CEO", date(2026, 10, 20))]
    d = due(CEO, logs, date(2026, 11, 5))
    assert d.last == date(2026, 11, 2)
    assert d.next_due == date(2026, 11, 9)
    assert not d.overdue
    # Never contacted: due a cadence after joining the plan.
    assert due(COMEX, logs, date(2026, 10, 2)).next_due == date(2026, 10, 31)
    # Logs after "today" do not count yet.
    assert due(CEO, logs, date(2026, 10, 25)).last == date(2026, 10, 20)


def test_overdue_counts_days_past_the_grace_period() -> None:
    logs = [Logged("CEO", date(2026, 11, 2))]
    assert due(CEO, logs, date(2026, 11, 10)).overdue_days == 0  # within one day of grace
    assert due(CEO, logs, date(2026, 11, 12)).overdue_days == 3


def test_due_list_puts_the_most_overdue_first() -> None:
    logs = [Logged("CEO", date(2026, 11, 2)), Logged("Team", date(2026, 10, 10))]
    today = date(2026, 11, 20)
    rows = due_list([CEO, COMEX, TEAM], logs, today)
    assert [(r.entry.audience, r.overdue_days) for r in rows] == [
        ("Team", 27),
        ("Comex", 20),
        ("CEO", 11),
    ]
    assert [r.entry.audience for r in overdue([CEO, COMEX, TEAM], logs, date(2026, 10, 5))] == []
    with pytest.raises(CommsError):
        due_list([CEO, CEO], logs, today)


def test_cadence_record_replays_the_log() -> None:
    # Weekly with one day of grace. Nov 7 meets the Nov 7 date; Nov 15 meets Nov 14 within
    # grace; nothing by Nov 23 for the Nov 22 date (missed); Nov 25 restarts the cycle, and
    # the Dec 2 date is still open at the end of the period.
    logs = [
        Logged("CEO", date(2026, 10, 31)),
        Logged("CEO", date(2026, 11, 7)),
        Logged("CEO", date(2026, 11, 15)),
        Logged("CEO", date(2026, 11, 25)),
        Logged("Team", date(2026, 11, 3)),
    ]
    r = cadence_record(CEO, logs, date(2026, 11, 1), date(2026, 11, 30))
    assert (r.due, r.on_cadence, r.missed) == (3, 2, 1)
    assert r.on_time == (date(2026, 11, 7), date(2026, 11, 15))
    events = cadence_events(CEO, logs, date(2026, 11, 1), date(2026, 11, 30))
    assert [(e.stakeholder, e.on, e.kind) for e in events] == [
        ("CEO", date(2026, 11, 7), Evidence.ON_CADENCE),
        ("CEO", date(2026, 11, 15), Evidence.ON_CADENCE),
    ]


def test_a_silent_period_counts_every_missed_date() -> None:
    r = cadence_record(TEAM, [], date(2026, 11, 1), date(2026, 12, 31))
    # Due Oct 15 (before the period), then Oct 29, Nov 12, Nov 26, Dec 10, Dec 24.
    assert (r.due, r.on_cadence) == (4, 0)
    with pytest.raises(CommsError):
        cadence_record(TEAM, [], date(2026, 12, 1), date(2026, 11, 1))


@given(
    st.lists(st.integers(0, 200), max_size=40),
    st.integers(1, 40),
    st.integers(0, 100),
    st.integers(1, 200),
)
def test_cadence_record_is_consistent(offsets: list[int], cadence: int, s: int, n: int) -> None:
    entry = PlanEntry("A", cadence, Format.EMAIL, SINCE, grace_days=cadence // 4)
    logs = [Logged("A", SINCE + timedelta(days=o)) for o in offsets]
    start, end = SINCE + timedelta(days=s), SINCE + timedelta(days=s + n)
    r = cadence_record(entry, logs, start, end)
    assert 0 <= r.on_cadence <= r.due
    assert all(start <= d <= end for d in r.on_time)
    # At most one due date per cadence, plus the one carried in at the start.
    assert r.due <= n // cadence + 2
    # A communication on every due date meets all of them.
    steady = [Logged("A", SINCE + timedelta(days=k * cadence)) for k in range(1, 400 // cadence)]
    full = cadence_record(entry, steady, start, min(end, SINCE + timedelta(days=390)))
    assert full.missed == 0
