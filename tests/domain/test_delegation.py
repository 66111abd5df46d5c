"""The seven levels, their names on input, who decides, and the board."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passerelle.domain.delegation import (
    LEVELS,
    Decider,
    DelegationLevel,
    UnknownDelegationLevelError,
    holder_decides,
    parse_level,
    who_decides,
)
from passerelle.domain.delegation_board import (
    Area,
    BoardCell,
    BoardError,
    DelegationBoard,
    render_markdown,
)

D = DelegationLevel
DAY = dt.date(2026, 1, 5)


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("1", D.TELL),
        ("tell", D.TELL),
        ("Dire", D.TELL),
        ("sell", D.SELL),
        ("convaincre", D.SELL),
        ("consult", D.CONSULT),
        ("Consulter", D.CONSULT),
        ("agree", D.AGREE),
        ("s’accorder", D.AGREE),
        ("s'accorder", D.AGREE),
        ("consensus", D.AGREE),
        ("advise", D.ADVISE),
        ("conseiller", D.ADVISE),
        ("inquire", D.INQUIRE),
        ("enquire", D.INQUIRE),
        ("S’enquérir", D.INQUIRE),
        ("delegate", D.DELEGATE),
        ("Déléguer", D.DELEGATE),
        ("level 5", D.ADVISE),
        ("niveau 3 consulter", D.CONSULT),
        ("L7", D.DELEGATE),
        ("5. advise", D.ADVISE),
    ],
)
def test_levels_by_number_name_or_alias(text: str, level: DelegationLevel) -> None:
    assert parse_level(text) is level


@pytest.mark.parametrize("bad", ["0", "8", "maybe", "", "5 tell", 9, True])
def test_unknown_or_contradictory_levels_are_refused(bad: object) -> None:
    with pytest.raises(UnknownDelegationLevelError) as err:
        parse_level(bad)  # type: ignore[arg-type]
    assert err.value.message.fr and err.value.message.en


@given(st.sampled_from(list(DelegationLevel)), st.sampled_from(["en", "fr"]))
def test_every_level_reads_back_from_its_own_label_and_names(
    level: DelegationLevel, lang: str
) -> None:
    assert parse_level(level.label(lang)) is level
    assert parse_level(int(level)) is level
    for alias in level.info.aliases:
        assert parse_level(alias) is level


def test_who_decides_in_both_languages() -> None:
    advise_fr = who_decides(D.ADVISE, "l’équipe Paiements", "fr")
    assert advise_fr.startswith("L’équipe Paiements décide après avoir demandé conseil au CTO")
    consult_en = who_decides(D.CONSULT, "the Payments team")
    assert consult_en.startswith("The CTO decides after hearing out the Payments team")
    assert who_decides(D.AGREE).startswith("The CTO and the team decide together")
    deciders = [LEVELS[lvl].decider for lvl in DelegationLevel]
    assert deciders == [Decider.CTO] * 3 + [Decider.TOGETHER] + [Decider.HOLDER] * 3
    assert [holder_decides(lvl) for lvl in DelegationLevel] == [False] * 4 + [True] * 3


def board() -> DelegationBoard:
    b = DelegationBoard(
        (Area("Libraries", ("no GPL in the product",), ("ADR for any new dependency",)),),
        ("Payments", "Search"),
    )
    b = b.set_level("Libraries", "Payments", DAY, D.ADVISE, D.DELEGATE)
    b = b.set_level("Production releases", "Search", DAY, D.CONSULT)
    return b


def test_set_level_adds_areas_and_keeps_a_dated_history() -> None:
    b = board()
    assert [a.name for a in b.areas] == ["Libraries", "Production releases"]
    later = DAY + dt.timedelta(days=30)
    b2 = b.set_level("Libraries", "Payments", later, current=D.INQUIRE)
    cell = b2.cell("Libraries", "Payments")
    assert cell is not None
    assert (cell.current, cell.target, cell.since, cell.gap) == (D.INQUIRE, D.DELEGATE, later, 1)
    assert len(cell.history) == 2
    assert b.cell("Libraries", "Payments").current is D.ADVISE  # type: ignore[union-attr]


def test_since_ignores_changes_that_only_repeat_the_levels() -> None:
    cell = BoardCell.start("A", "T", DAY, D.CONSULT, D.ADVISE)
    cell = cell.move(DAY + dt.timedelta(days=10), note="discussed, no change")
    assert cell.since == DAY


def test_board_refuses_nonsense() -> None:
    with pytest.raises(BoardError):
        DelegationBoard((Area("A"),), ("T",), (BoardCell.start("B", "T", DAY, D.TELL),))
    with pytest.raises(BoardError):
        BoardCell("A", "T", ())
    with pytest.raises(BoardError):
        DelegationBoard().set_level("A", "T", DAY)  # no first level


def test_json_ready_dict_round_trips() -> None:
    b = board()
    data = json.loads(json.dumps(b.to_dict()))
    assert DelegationBoard.from_dict(data) == b
    assert data["cells"][0]["current"] == 5


def test_markdown_grid_in_both_languages() -> None:
    en = render_markdown(board(), "en")
    assert "| Area | Payments | Search |" in en
    assert "| Libraries | 5 advise → 7 delegate | — |" in en
    assert "- Guardrail: no GPL in the product" in en
    fr = render_markdown(board(), "fr")
    assert "| Domaine | Payments | Search |" in fr
    assert "5 conseiller → 7 déléguer" in fr
    assert "- Garde-fou : no GPL in the product" in fr
