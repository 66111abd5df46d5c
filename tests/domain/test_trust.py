"""The trust model: examples, the parameters' rules, and the properties issue 6 asks for."""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from passerelle.domain.trust import (
    DEFAULT_PARAMS,
    FAILURES,
    POSITIVE,
    Evidence,
    Rule,
    Tally,
    TrustEvent,
    TrustParams,
    TrustParamsError,
    contribution,
    movers,
    score,
    scores,
    tallied_scores,
    trend,
)

D0 = date(2026, 1, 1)
WHO = "ceo"

events_st = st.lists(
    st.builds(
        TrustEvent,
        stakeholder=st.just(WHO),
        on=st.dates(min_value=D0, max_value=D0 + timedelta(days=700)),
        kind=st.sampled_from(list(Evidence)),
        weight=st.floats(min_value=0, max_value=3, allow_nan=False),
    ),
    max_size=40,
)
AT = D0 + timedelta(days=730)


def e(kind: Evidence, days: int = 0, who: str = WHO, weight: float = 1.0) -> TrustEvent:
    return TrustEvent(who, D0 + timedelta(days=days), kind, weight)


def test_no_evidence_is_neutral_and_fully_uncertain() -> None:
    s = score(WHO, [], D0)
    assert s.expected == 0.5
    assert s.uncertainty == 1.0
    assert s.events == 0


def test_formula_on_fresh_evidence() -> None:
    # Two kept promises and one late delivery, all on the day: r = 2, s = 2.
    s = score(WHO, [e(Evidence.KEPT), e(Evidence.KEPT), e(Evidence.LATE)], D0)
    assert (s.positive, s.negative) == (2.0, 2.0)
    assert s.expected == pytest.approx(3 / 6)
    assert s.uncertainty == pytest.approx(2 / 6)
    assert s.variance == pytest.approx(3 * 3 / (6**2 * 7))


def test_evidence_halves_after_its_half_life() -> None:
    half = DEFAULT_PARAMS.kept.half_life_days
    c = contribution(e(Evidence.KEPT), D0 + timedelta(days=int(half)))
    assert c == pytest.approx(DEFAULT_PARAMS.kept.weight / 2)


def test_future_events_do_not_count() -> None:
    assert score(WHO, [e(Evidence.BROKEN, days=10)], D0).expected == 0.5


def test_renegotiating_in_time_costs_far_less_than_breaking() -> None:
    base = [e(Evidence.KEPT, days=d) for d in range(0, 100, 10)]
    renegotiated = score(WHO, [*base, e(Evidence.RENEGOTIATED, 100)], D0 + timedelta(days=100))
    broken = score(WHO, [*base, e(Evidence.BROKEN, 100)], D0 + timedelta(days=100))
    before = score(WHO, base, D0 + timedelta(days=100)).expected
    assert before - renegotiated.expected < (before - broken.expected) / 5


def test_scores_matches_score_for_every_stakeholder() -> None:
    rng = random.Random(4)
    kinds = list(Evidence)
    events = [
        e(rng.choice(kinds), rng.randrange(400), who=f"p{rng.randrange(8)}") for _ in range(500)
    ]
    at = D0 + timedelta(days=300)
    table = scores(events, at)
    for who, s in table.items():
        assert s == score(who, events, at)
    assert set(table) == {ev.stakeholder for ev in events if ev.on <= at}


def test_trend_shows_the_drop_after_a_broken_promise() -> None:
    events = [e(Evidence.KEPT, d) for d in range(0, 60, 7)] + [e(Evidence.BROKEN, 61)]
    points = trend(WHO, events, D0, D0 + timedelta(days=90), every_days=7)
    assert points[0].on == D0 and points[-1].on == D0 + timedelta(days=90)
    before = [p for p in points if p.on <= D0 + timedelta(days=60)][-1]
    after = next(p for p in points if p.on > D0 + timedelta(days=61))
    assert after.expected < before.expected
    with pytest.raises(ValueError):
        trend(WHO, events, D0, D0 - timedelta(days=1))


def test_movers_puts_the_broken_promise_first() -> None:
    events = [e(Evidence.KEPT, d) for d in range(0, 50, 10)] + [e(Evidence.BROKEN, 55)]
    top = movers(WHO, events, D0 + timedelta(days=60), limit=3)
    assert top[0].event.kind is Evidence.BROKEN
    assert top[0].delta < 0
    assert all(m.delta > 0 for m in top[1:])
    assert len(top) == 3


def test_params_from_mapping_override_and_validate() -> None:
    p = TrustParams.from_mapping({"broken": {"weight": 8}, "kept": {"half_life_days": 120}})
    assert p.broken == Rule(8.0, DEFAULT_PARAMS.broken.half_life_days)
    assert p.kept == Rule(DEFAULT_PARAMS.kept.weight, 120.0)
    assert TrustParams.from_mapping(None) == DEFAULT_PARAMS
    with pytest.raises(TrustParamsError, match="unknown trust evidence kind"):
        TrustParams.from_mapping({"promised": {"weight": 1}})
    with pytest.raises(TrustParamsError, match="must be a number"):
        TrustParams.from_mapping({"late": {"weight": "lots"}})
    with pytest.raises(TrustParamsError, match="unknown field"):
        TrustParams.from_mapping({"late": {"weigth": 3}})
    with pytest.raises(TrustParamsError, match="positive"):
        TrustParams.from_mapping({"late": {"half_life_days": 0}})


def test_params_keep_the_asymmetry() -> None:
    with pytest.raises(TrustParamsError, match="failure weighs more"):
        TrustParams.from_mapping({"broken": {"weight": 1.0}})
    with pytest.raises(TrustParamsError, match="renegotiating in time"):
        TrustParams.from_mapping({"renegotiated": {"weight": 6.0}})
    heaviest_positive = max(DEFAULT_PARAMS.rule(k).weight for k in POSITIVE)
    assert all(DEFAULT_PARAMS.rule(k).weight >= 1.5 * heaviest_positive for k in FAILURES)
    assert DEFAULT_PARAMS.broken.weight >= 4 * DEFAULT_PARAMS.kept.weight
    assert DEFAULT_PARAMS.renegotiated.weight <= DEFAULT_PARAMS.broken.weight / 5


def test_event_weight_must_not_be_negative() -> None:
    with pytest.raises(ValueError):
        TrustEvent(WHO, D0, Evidence.KEPT, weight=-1)


# --- The properties of issue 6 -----------------------------------------------------------


@given(events_st, st.sampled_from(sorted(POSITIVE)), st.integers(0, 730))
def test_a_kept_commitment_never_lowers_trust(
    events: list[TrustEvent], kind: Evidence, day: int
) -> None:
    before = score(WHO, events, AT).expected
    after = score(WHO, [*events, e(kind, day)], AT).expected
    assert after >= before


@given(events_st, st.integers(0, 730))
def test_a_broken_promise_lowers_trust_more_than_a_kept_one_raises_it(
    events: list[TrustEvent], day: int
) -> None:
    """From anywhere at or above neutral. Below it the bounded scale leaves little room to
    fall (see docs/trust.md); the next test pins that boundary down."""
    base = score(WHO, events, AT).expected
    assume(base >= 0.5)
    kept = score(WHO, [*events, e(Evidence.KEPT, day)], AT).expected
    broken = score(WHO, [*events, e(Evidence.BROKEN, day)], AT).expected
    assert base - broken > kept - base


def test_deep_distrust_is_where_a_kept_promise_moves_more() -> None:
    """The honest limit of the asymmetry: at E ≈ 0.05 there is little left to lose."""
    events = [e(Evidence.BROKEN) for _ in range(4)]
    base = score(WHO, events, D0).expected
    kept = score(WHO, [*events, e(Evidence.KEPT)], D0).expected
    broken = score(WHO, [*events, e(Evidence.BROKEN)], D0).expected
    assert base < 0.1
    assert kept - base > base - broken > 0


@given(events_st, st.integers(1, 2000))
def test_without_new_events_trust_drifts_back_to_neutral(
    events: list[TrustEvent], later: int
) -> None:
    now = score(WHO, events, AT)
    then = score(WHO, events, AT + timedelta(days=later))
    # Evidence only fades: uncertainty grows, and the room around neutral shrinks with it.
    assert then.uncertainty >= now.uncertainty
    assert abs(then.expected - 0.5) <= (1 - then.uncertainty) / 2 + 1e-12
    longest = max(DEFAULT_PARAMS.rule(k).half_life_days for k in Evidence)
    far = score(WHO, events, AT + timedelta(days=int(20 * longest)))
    assert abs(far.expected - 0.5) < 0.01


@given(events_st, st.integers(1, 2000), st.sampled_from([POSITIVE, frozenset(FAILURES)]))
def test_one_sided_trust_moves_steadily_toward_neutral(
    events: list[TrustEvent], later: int, side: frozenset[Evidence]
) -> None:
    one_sided = [ev for ev in events if ev.kind in side]
    now = score(WHO, one_sided, AT).expected
    then = score(WHO, one_sided, AT + timedelta(days=later)).expected
    assert abs(then - 0.5) <= abs(now - 0.5) + 1e-12


@settings(max_examples=60)
@given(events_st, st.randoms(use_true_random=False))
def test_the_order_of_recording_does_not_matter(
    events: list[TrustEvent], rng: random.Random
) -> None:
    shuffled = list(events)
    rng.shuffle(shuffled)
    assert score(WHO, shuffled, AT) == score(WHO, events, AT)
    assert scores(shuffled, AT) == scores(events, AT)
    assert trend(WHO, shuffled, D0, AT, 30) == trend(WHO, events, D0, AT, 30)


def test_expected_trust_stays_in_the_unit_interval() -> None:
    events = [e(Evidence.BROKEN, weight=1e6), e(Evidence.KEPT, weight=1e-9)]
    s = score(WHO, events, D0)
    assert 0 < s.expected < 1
    assert math.isfinite(s.spread)


tallies_st = st.lists(
    st.builds(
        Tally,
        stakeholder=st.sampled_from(["p:1", "p:2", "g:1"]),
        kind=st.sampled_from(list(Evidence)),
        days=st.lists(st.dates(min_value=D0, max_value=D0 + timedelta(days=700)), max_size=8),
        weight=st.sampled_from([1.0, 0.5, 1.7, 2.0]),
    ),
    max_size=12,
)


def expand(tallies: list[Tally]) -> list[TrustEvent]:
    return [TrustEvent(t.stakeholder, on, t.kind, t.weight) for t in tallies for on in t.days]


@settings(max_examples=80)
@given(tallies_st, events_st, st.integers(0, 800), st.randoms(use_true_random=False))
def test_grouped_evidence_scores_exactly_as_the_events_it_stands_for(
    tallies: list[Tally], events: list[TrustEvent], offset: int, rng: random.Random
) -> None:
    at = D0 + timedelta(days=offset)
    expected = scores([*expand(tallies), *events], at)
    assert tallied_scores(tallies, at, events=events) == expected
    shuffled = list(tallies)
    rng.shuffle(shuffled)
    assert tallied_scores(shuffled, at, events=events[::-1]) == expected
    # Down to the last bit, not merely equal as numbers.
    for who, s in tallied_scores(tallies, at, events=events).items():
        assert (s.positive.hex(), s.negative.hex()) == (
            expected[who].positive.hex(),
            expected[who].negative.hex(),
        )
