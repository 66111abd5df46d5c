"""The four pillars as rates over a period, their trend, and their texts."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passerelle.domain.comms import CadenceRecord
from passerelle.domain.pillars import (
    DecisionFact,
    Direction,
    Period,
    PeriodError,
    Pillar,
    Rate,
    RequestFact,
    WorkItem,
    definition,
    label,
    measure,
    percent,
    summary,
    trend,
)

NOV = Period.parse("2026-11")


def test_periods_parse_and_step_back() -> None:
    assert Period.parse(" 2026-11 ") == Period(date(2026, 11, 1), date(2026, 11, 30))
    assert NOV.previous() == Period(date(2026, 10, 1), date(2026, 10, 31))
    assert Period.parse("2026-03").previous() == Period(date(2026, 2, 1), date(2026, 2, 28))
    q1 = Period.parse("2027-q1")
    assert q1 == Period(date(2027, 1, 1), date(2027, 3, 31))
    assert q1.previous() == Period(date(2026, 10, 1), date(2026, 12, 31))
    week = Period(date(2026, 11, 3), date(2026, 11, 9))
    assert week.previous() == Period(date(2026, 10, 27), date(2026, 11, 2))


@pytest.mark.parametrize("bad", ["2026-13", "November", "2026-Q5", ""])
def test_bad_periods_are_named(bad: str) -> None:
    with pytest.raises(PeriodError):
        Period.parse(bad)


def test_measure_counts_each_pillar_over_the_period() -> None:
    report = measure(
        NOV,
        decisions=[
            DecisionFact(date(2026, 11, 3), date(2026, 11, 4)),  # shared
            DecisionFact(date(2026, 11, 20), date(2026, 12, 2)),  # shared too late
            DecisionFact(date(2026, 11, 21), None),  # not shared
            DecisionFact(date(2026, 10, 30), date(2026, 11, 2)),  # accepted before
            DecisionFact(None, None),  # still proposed
        ],
        comms=[
            CadenceRecord("CEO", 4, (date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 16))),
            CadenceRecord("Comex", 1, ()),
        ],
        requests=[
            RequestFact(date(2026, 11, 5), True),
            RequestFact(date(2026, 11, 6), False),
            RequestFact(None, False),
        ],
        work=[
            WorkItem("decision", "d1", "Move to EU hosting", date(2026, 11, 3), "Sell in Europe"),
            WorkItem("request", "r1", "CRM sync", date(2026, 11, 5), None),
            WorkItem("commitment", "c1", "Audit", date(2026, 12, 1), None),
        ],
    )
    assert report[Pillar.TRANSPARENCY] == Rate(1, 3)
    assert report[Pillar.COMMUNICATION] == Rate(3, 5)
    assert report[Pillar.UNDERSTANDING] == Rate(1, 2)
    assert report[Pillar.SHARED_VISION] == Rate(1, 2)


def test_an_empty_period_measures_nothing_rather_than_zero() -> None:
    report = measure(NOV)
    assert all(report[p].value is None for p in Pillar)
    assert percent(report[Pillar.TRANSPARENCY], "en") == "—"


def test_trend_between_two_periods() -> None:
    now = measure(NOV, requests=[RequestFact(date(2026, 11, 5), True)] * 3)
    before = measure(
        NOV.previous(),
        requests=[RequestFact(date(2026, 10, 5), True), RequestFact(date(2026, 10, 6), False)],
    )
    rows = {t.pillar: t for t in trend(now, before)}
    assert rows[Pillar.UNDERSTANDING].direction is Direction.UP
    assert rows[Pillar.UNDERSTANDING].delta == pytest.approx(50.0)
    assert rows[Pillar.TRANSPARENCY].direction is Direction.UNKNOWN
    assert rows[Pillar.TRANSPARENCY].delta is None


@given(st.integers(0, 50), st.integers(0, 50), st.integers(0, 50), st.integers(0, 50))
def test_trend_direction_matches_the_rates(a: int, b: int, c: int, d: int) -> None:
    now = measure(NOV, comms=[CadenceRecord("x", a + b, tuple([date(2026, 11, 1)] * a))])
    old = measure(NOV, comms=[CadenceRecord("x", c + d, tuple([date(2026, 11, 1)] * c))])
    row = next(t for t in trend(now, old) if t.pillar is Pillar.COMMUNICATION)
    rate_now, rate_old = now[Pillar.COMMUNICATION].value, old[Pillar.COMMUNICATION].value
    if rate_now is None or rate_old is None:
        assert row.direction is Direction.UNKNOWN
    else:
        assert 0 <= rate_now <= 1
        expected = (
            Direction.FLAT
            if abs(rate_now - rate_old) * 100 < 2
            else Direction.UP
            if rate_now > rate_old
            else Direction.DOWN
        )
        assert row.direction is expected


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_pillar_has_a_label_and_a_definition(lang: str) -> None:
    for pillar in Pillar:
        assert label(pillar, lang)
        assert len(definition(pillar, lang)) > 40
    rows = summary(measure(NOV, requests=[RequestFact(date(2026, 11, 5), True)]), lang)
    assert len(rows) == 4
    assert ("100\u202f%" if lang == "fr" else "100%") in dict(rows).values()
