"""WSJF scores on the modified Fibonacci scale, and planning against the team's capacity."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passerelle.domain.wsjf import (
    SCALE,
    Candidate,
    Capacity,
    CapacityError,
    OffScaleError,
    Score,
    UnknownRequestError,
    WsjfError,
    add,
    drop,
    plan,
    score,
    shifts,
    start_now,
)

scale = st.sampled_from(SCALE)
scores_st = st.builds(Score, scale, scale, scale, scale)


def cand(key: str, bv: int, tc: int, rr: int, size: int, **kw: object) -> Candidate:
    return Candidate(key, key.upper(), Score(bv, tc, rr, size), **kw)  # type: ignore[arg-type]


def test_wsjf_is_cost_of_delay_over_job_size() -> None:
    s = score(8, 5, 3, 8)
    assert s.cost_of_delay == 16
    assert s.wsjf == 2.0
    assert score("13", 1.0, "2", 5).wsjf == pytest.approx(16 / 5)


@pytest.mark.parametrize("bad", [0, 4, 21, 100, -1, 2.5, "big", None, True])
def test_values_outside_the_scale_are_named(bad: object) -> None:
    with pytest.raises(OffScaleError, match="job_size") as info:
        score(1, 1, 1, bad)
    assert info.value.field == "job_size"
    with pytest.raises(OffScaleError, match="business_value"):
        Score(bad, 1, 1, 1)  # type: ignore[arg-type]


def test_capacity_must_be_positive() -> None:
    with pytest.raises(CapacityError):
        Capacity(0)
    with pytest.raises(CapacityError):
        Capacity(10, weeks_per_period=-2)
    assert Capacity(20, 4).points_per_week == 5


def test_plan_orders_by_wsjf_with_started_work_first() -> None:
    cap = Capacity(10, 4)
    p = plan(
        [
            cand("low", 2, 2, 1, 5),  # 1.0
            cand("high", 13, 8, 5, 5),  # 5.2
            cand("busy", 1, 1, 1, 3, started=True),
        ],
        cap,
    )
    assert [x.candidate.key for x in p.placements] == ["busy", "high", "low"]
    assert [x.period for x in p.placements] == [0, 0, 1]
    assert p.find("high").start_week == pytest.approx(3 / 2.5)
    assert [x.candidate.key for x in p.this_period] == ["busy", "high"]
    assert [x.candidate.key for x in p.later] == ["low"]


def test_a_request_ending_on_the_boundary_fits_the_period() -> None:
    p = plan([cand("a", 5, 5, 5, 5), cand("b", 3, 3, 3, 5)], Capacity(10, 4))
    assert [x.period for x in p.placements] == [0, 0]


def test_ties_break_on_cost_of_delay_then_age_then_key() -> None:
    a = cand("a", 2, 2, 2, 3, received_on=date(2026, 3, 1))  # 6/3 = 2
    b = cand("b", 5, 3, 2, 5, received_on=date(2026, 3, 2))  # 10/5 = 2, costlier to delay
    c = cand("c", 2, 2, 2, 3, received_on=date(2026, 2, 1))  # older than a
    p = plan([a, b, c], Capacity(100))
    assert [x.candidate.key for x in p.placements] == ["b", "c", "a"]


def test_duplicate_keys_and_unknown_requests() -> None:
    with pytest.raises(WsjfError):
        plan([cand("a", 1, 1, 1, 1), cand("a", 2, 2, 2, 2)], Capacity(5))
    with pytest.raises(UnknownRequestError):
        plan([], Capacity(5)).find("nope")


def test_starting_one_now_moves_the_other_back_by_its_size() -> None:
    cap = Capacity(8, 4)  # two points a week
    p = plan([cand("x", 13, 8, 8, 8), cand("y", 3, 3, 2, 8)], cap)
    after = start_now(p, "y")
    moved = shifts(p, after)
    assert [(s.key, s.weeks, s.period_before, s.period_after) for s in moved] == [
        ("x", 4.0, 0, 1),
        ("y", -4.0, 1, 0),
    ]
    assert moved[0].leaves_this_period


def test_desired_date_and_end_date() -> None:
    start = date(2026, 11, 2)
    p = plan(
        [cand("a", 8, 8, 8, 8), cand("b", 1, 1, 1, 8, desired=date(2026, 11, 16))], Capacity(8)
    )
    assert p.end_date("b", start) == date(2026, 12, 28)
    assert p.weeks_late("b", start) == pytest.approx(6.0)
    assert p.weeks_late("a", start) == 0.0


def test_add_and_drop() -> None:
    p = plan([cand("a", 8, 8, 8, 5)], Capacity(10))
    q = add(p, cand("b", 20, 20, 20, 1))
    assert [x.candidate.key for x in q.placements] == ["b", "a"]
    assert [x.candidate.key for x in drop(q, "b").placements] == ["a"]
    with pytest.raises(UnknownRequestError):
        drop(q, "zz")


@given(st.lists(scores_st, max_size=25), st.floats(1, 100))
def test_plan_uses_capacity_as_a_flow(scores: list[Score], points: float) -> None:
    cap = Capacity(points, 4)
    p = plan([Candidate(str(i), str(i), s) for i, s in enumerate(scores)], cap)
    total = 0.0
    for rank, x in enumerate(p.placements):
        assert x.rank == rank
        assert x.start_week == pytest.approx(total / cap.points_per_week)
        total += x.candidate.score.job_size
        assert x.end_week == pytest.approx(total / cap.points_per_week)
        # Finished within the period its last point falls in.
        assert (x.period) * points < total + 1e-6
        assert total <= (x.period + 1) * points + 1e-6
    ranks = [x.candidate.score.wsjf for x in p.placements]
    assert ranks == sorted(ranks, reverse=True)


@given(st.lists(scores_st, min_size=1, max_size=15), st.data())
def test_starting_one_now_never_moves_anyone_forward_but_it(
    scores: list[Score], data: st.DataObject
) -> None:
    p = plan([Candidate(str(i), str(i), s) for i, s in enumerate(scores)], Capacity(10))
    key = data.draw(st.sampled_from([x.candidate.key for x in p.placements]))
    after = start_now(p, key)
    assert after.placements[0].candidate.key == key
    assert all(s.weeks >= 0 for s in shifts(p, after, min_weeks=0) if s.key != key)
