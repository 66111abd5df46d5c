"""Review signals on literal decisions and boards."""

from __future__ import annotations

import datetime as dt

from passerelle.domain.circles import Visibility
from passerelle.domain.decision_signals import (
    accepted_not_shared,
    areas_without_owner,
    business_rendering_fails,
    cto_alone_in_delegated_area,
    past_review,
    scan,
    stalled_level_gaps,
)
from passerelle.domain.decisions import BusinessRendering, Decision, Status
from passerelle.domain.delegation import DelegationLevel as D
from passerelle.domain.delegation_board import Area, DelegationBoard

TODAY = dt.date(2026, 6, 1)
PLAIN = BusinessRendering("Faster checkout.", "Two weeks.", "Low.", "June.")


def dec(ident: str, **kw: object) -> Decision:
    return Decision(id=ident, title=f"T {ident}", **kw)  # type: ignore[arg-type]


def board() -> DelegationBoard:
    b = DelegationBoard((Area("Hiring"),))  # nobody holds hiring
    b = b.set_level("Libraries", "Payments", dt.date(2026, 1, 10), D.ADVISE, D.DELEGATE)
    return b.set_level("Releases", "Search", dt.date(2026, 5, 1), D.CONSULT, D.AGREE)


def test_accepted_but_not_shared() -> None:
    found = accepted_not_shared(
        [
            dec("a", status=Status.ACCEPTED, visibility=Visibility.TEAM),
            dec("b", status=Status.ACCEPTED, visibility=Visibility.BUSINESS),
            dec("c", status=Status.PROPOSED),
        ]
    )
    assert [s.subject for s in found] == ["a"]
    s = found[0]
    assert "T a" in s.seen.en and "T a" in s.seen.fr
    assert s.why.fr and s.next_step.en


def test_business_rendering_with_a_callable_or_counts() -> None:
    ds = [
        dec("a", status=Status.ACCEPTED, business=PLAIN),
        dec("b", status=Status.ACCEPTED, business=PLAIN),
        dec("c", status=Status.ACCEPTED),  # no business version at all
        dec("d", status=Status.REJECTED, business=PLAIN),
        dec("e", status=Status.PROPOSED),  # a proposal needs no business version yet
    ]
    by_count = business_rendering_fails(ds, {"a": 2, "d": 5})
    assert [s.subject for s in by_count] == ["a", "c"]
    assert "2 blocking" in by_count[0].seen.en
    by_call = business_rendering_fails(ds, lambda d: 1 if "checkout" in d.business.value else 0)
    assert [s.subject for s in by_call] == ["a", "b", "c"]


def test_past_review_date() -> None:
    ds = [
        dec("a", status=Status.ACCEPTED, review_on=TODAY),
        dec("b", status=Status.ACCEPTED, review_on=TODAY + dt.timedelta(days=1)),
        dec("c", status=Status.ACCEPTED, review_on=TODAY - dt.timedelta(days=200)),
    ]
    found = {s.subject: s for s in past_review(ds, TODAY)}
    assert set(found) == {"a", "c"}
    assert found["c"].severity == "high" and "200 days ago" in found["c"].seen.en


def test_cto_deciding_alone_in_an_area_delegated_at_five_or_more() -> None:
    b = board()
    ds = [
        dec("alone", area="Libraries", deciders=("Camille",), date=dt.date(2026, 2, 1)),
        dec("with-team", area="Libraries", deciders=("Camille", "Payments")),
        dec("at-three", area="Releases", deciders=("CTO",)),
        dec("before", area="Libraries", deciders=("cto",), date=dt.date(2025, 12, 1)),
    ]
    found = cto_alone_in_delegated_area(ds, b, cto=["camille"])
    assert [s.subject for s in found] == ["alone"]
    assert "Payments" in found[0].next_step.en and "5 conseiller" in found[0].seen.fr


def test_areas_with_no_owner_on_the_board_or_missing_from_it() -> None:
    found = areas_without_owner(board(), [dec("a", area="Budget"), dec("b", area="Libraries")])
    assert [s.subject for s in found] == ["Hiring", "Budget"]


def test_level_gap_unchanged_for_a_quarter() -> None:
    b = board()
    assert [s.subject for s in stalled_level_gaps(b, TODAY)] == ["Libraries × Payments"]
    moved = b.set_level("Libraries", "Payments", dt.date(2026, 5, 1), current=D.INQUIRE)
    assert stalled_level_gaps(moved, TODAY) == []
    assert stalled_level_gaps(b, dt.date(2026, 4, 10)) == []  # 90 days: not yet a quarter


def test_scan_orders_by_severity() -> None:
    ds = [
        dec("alone", area="Libraries", deciders=("CTO",), status=Status.ACCEPTED),
        dec("late", status=Status.ACCEPTED, review_on=TODAY, business=PLAIN),
    ]
    found = scan(ds, board(), TODAY, {})
    assert found[0].code == "cto-decided-alone"
    assert [s.severity for s in found] == sorted(
        (s.severity for s in found), key=["high", "medium", "low"].index
    )
    assert {s.code for s in found} >= {
        "decision-not-shared",
        "decision-review-due",
        "area-without-owner",
        "delegation-gap-stalled",
        "business-rendering-fails",
    }
