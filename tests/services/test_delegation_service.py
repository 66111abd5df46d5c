"""The delegation board on a real workspace: levels set and moved with their history, the
frame of an area, bad levels refused with nothing written."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from passerelle.domain.delegation import DelegationLevel
from passerelle.services import delegation
from passerelle.services.errors import InvalidInputError, NotFoundError
from passerelle.store.models import LevelChangeRow
from passerelle.store.workspace import Store

JAN, APR = date(2026, 1, 5), date(2026, 4, 1)


def test_levels_are_read_in_any_accepted_name_and_kept_with_their_history(store: Store) -> None:
    with store.write() as s:
        delegation.set_level(s, "Choice of libraries", "Payments", on=JAN, current="Conseiller")
        delegation.set_level(s, "Choice of libraries", "Payments", on=APR, target="level 7")
        delegation.set_level(s, "Production releases", "Platform", on=JAN, current="consensus")
    with store.read() as s:
        board = delegation.board(s)
    cell = board.cell("Choice of libraries", "Payments")
    assert cell is not None
    assert cell.current is DelegationLevel.ADVISE and cell.target is DelegationLevel.DELEGATE
    assert [h.on for h in cell.history] == [JAN, APR]
    assert board.holders == ("Payments", "Platform")
    other = board.cell("Production releases", "Platform")
    assert other is not None and other.current is DelegationLevel.AGREE


@pytest.mark.parametrize("bad", ["9", "boss", "5 tell"])
def test_an_unknown_level_is_bad_input_and_writes_nothing(store: Store, bad: str) -> None:
    with pytest.raises(InvalidInputError) as caught, store.write() as s:
        delegation.set_level(s, "Hiring", "Payments", on=JAN, current=bad)
    assert caught.value.exit_code == 2
    assert "1 tell" in caught.value.text("en") or "ambiguous" in caught.value.text("en")
    with store.read() as s:
        assert delegation.board(s).areas == ()


def test_a_first_level_is_needed_and_dates_stay_in_order(store: Store) -> None:
    with pytest.raises(InvalidInputError), store.write() as s:
        delegation.set_level(s, "Hiring", "Payments", on=JAN, target="delegate")
    with store.write() as s:
        delegation.set_level(s, "Hiring", "Payments", on=APR, current=3)
    with pytest.raises(InvalidInputError), store.write() as s:
        delegation.set_level(s, "Hiring", "Payments", on=JAN, current=4)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(LevelChangeRow)) == 1


def test_frame_and_show_an_area(store: Store) -> None:
    with store.write() as s:
        delegation.frame(s, "Vendor choice", guardrails=["Under 20 k€ a year"], standards=["RFP"])
        delegation.set_level(s, "Vendor choice", "Data", on=JAN, current=6)
    with store.read() as s:
        view = delegation.show(s, "Vendor choice")
        with pytest.raises(NotFoundError):
            delegation.show(s, "Nothing")
        sentences = delegation.guidance(delegation.board(s), "Vendor choice")
    assert view.area.guardrails == ("Under 20 k€ a year",)
    assert [c.holder for c in view.cells] == ["Data"]
    assert "Data decides alone" in sentences[0].en
