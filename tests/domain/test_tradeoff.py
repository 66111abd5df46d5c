"""Trade-off wording for accepted, planned and declined requests, in French and English."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passerelle.domain.tradeoff import (
    InvalidTransitionError,
    MissingExplanationError,
    RequestStatus,
    TradeoffError,
    UnknownLanguageError,
    UnknownPeriodError,
    change_status,
    listing,
    moved_by_in_words,
    render,
    tradeoff_for,
    weeks_in_words,
    wording,
)
from passerelle.domain.wsjf import Candidate, Capacity, Score, add, drop, plan, start_now

ON = date(2026, 11, 2)
CAP = Capacity(8, 4)  # two job-size points a week
X = Candidate("x", "Nouvelle page tarifs", Score(13, 8, 8, 8))
Y = Candidate("y", "Export partenaires", Score(3, 3, 2, 8))
Z = Candidate("z", "Synchro CRM", Score(2, 1, 1, 5), desired=date(2026, 11, 9))
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("weeks", "en", "fr"),
    [
        (0.2, "less than a week", "moins d’une semaine"),
        (1.0, "about a week", "environ une semaine"),
        (2.6, "about three weeks", "environ trois semaines"),
        (-3.0, "about three weeks", "environ trois semaines"),
        (8.0, "about eight weeks", "environ huit semaines"),
        (13.0, "about three months", "environ trois mois"),
        (60.0, "more than a year", "plus d’un an"),
    ],
)
def test_weeks_in_words(weeks: float, en: str, fr: str) -> None:
    assert weeks_in_words(weeks, "en") == en
    assert weeks_in_words(weeks, "fr") == fr


def test_moved_by_uses_the_right_preposition() -> None:
    assert moved_by_in_words(3, "en") == "by about three weeks"
    assert moved_by_in_words(3, "fr") == "d’environ trois semaines"
    assert moved_by_in_words(0.1, "fr") == "de moins d’une semaine"


@given(st.floats(0, 400, allow_nan=False), st.sampled_from(["fr", "en"]))
def test_durations_never_show_digits_or_decimals_below_a_year(weeks: float, lang: str) -> None:
    text = weeks_in_words(weeks, lang)
    assert not any(ch.isdigit() for ch in text)


def test_listing_names_three_then_counts() -> None:
    assert listing(["A"], "en") == "“A”"
    assert listing(["A", "B"], "en") == "“A” and “B”"
    assert listing(["A", "B", "C", "D", "E"], "en") == "“A”, “B”, “C” and two more"
    assert listing(["A", "B"], "fr") == f"«{NBSP}A{NBSP}» et «{NBSP}B{NBSP}»"


def test_accepting_one_says_what_moves_and_why() -> None:
    before = plan([X, Y], CAP)
    t = tradeoff_for("y", RequestStatus.ACCEPTED, before, start_now(before, "y"))
    assert render(t, "en") == (
        "Starting “Export partenaires” now moves “Nouvelle page tarifs” back by about four "
        "weeks: the team has room for one of these requests this month."
    )
    assert render(t, "fr") == (
        f"Lancer la demande «{NBSP}Export partenaires{NBSP}» maintenant repousse "
        f"«{NBSP}Nouvelle page tarifs{NBSP}» d’environ quatre semaines{NBSP}: l’équipe n’a de "
        "place que pour une de ces demandes ce mois-ci."
    )


def test_accepting_the_first_in_line_moves_nothing() -> None:
    before = plan([X, Y], CAP)
    t = tradeoff_for("x", RequestStatus.ACCEPTED, before, start_now(before, "x"))
    assert t.moved == ()
    assert "nothing else is pushed back" in render(t, "en")
    assert "rien d’autre n’est repoussé" in render(t, "fr")


def test_accepting_past_several_counts_them_in_words() -> None:
    before = plan([X, Y, Z], Capacity(40, 4))
    t = tradeoff_for("z", RequestStatus.ACCEPTED, before, start_now(before, "z"))
    assert "moves two other requests back" in render(t, "en")
    assert "repousse deux autres demandes" in render(t, "fr")


def test_planning_names_what_comes_first_and_the_delay_past_the_desired_date() -> None:
    before = plan([X, Y], CAP)
    after = add(before, Z)
    t = tradeoff_for("z", RequestStatus.PLANNED, before, after, start=ON)
    text = render(t, "en")
    assert text.startswith("“Synchro CRM” is planned to start in about eight weeks.")
    assert "“Nouvelle page tarifs” and “Export partenaires”" in text
    assert "That is about two months later than the date you asked for." in text
    fr = render(t, "fr")
    assert "démarrer dans environ huit semaines" in fr
    assert "plus tard que la date souhaitée" in fr


def test_planning_within_the_period() -> None:
    before = plan([Y], Capacity(40, 4))
    t = tradeoff_for("x", RequestStatus.PLANNED, before, add(before, X))
    assert t.fits_this_period
    assert render(t, "en").startswith("“Nouvelle page tarifs” is planned this month")
    # X has the higher score, so planning it moves Y back.
    assert "Planning it moves “Export partenaires” back by about a week." in render(t, "en")


def test_declining_gives_the_reason_the_size_and_what_takes_the_time() -> None:
    before = plan([X, Y], Capacity(10, 4))
    t = tradeoff_for(
        "y", RequestStatus.DECLINED, before, drop(before, "y"), reason="Sales can export by hand."
    )
    text = render(t, "en")
    assert text == (
        "We are not taking on “Export partenaires” for now. Sales can export by hand. It would "
        "take about three weeks of the team's time. That time goes to requests that bring more "
        "value for the effort: “Nouvelle page tarifs”. If the need changes, tell us and we will "
        "look at it again."
    )
    assert "Elle demanderait environ trois semaines de travail" in render(t, "fr")


def test_tradeoff_refuses_other_statuses_and_unknown_periods() -> None:
    p = plan([X], CAP)
    with pytest.raises(TradeoffError):
        tradeoff_for("x", RequestStatus.DONE, p, p)
    with pytest.raises(UnknownPeriodError):
        tradeoff_for("x", RequestStatus.ACCEPTED, p, p, period="fortnight")
    with pytest.raises(UnknownLanguageError):
        wording("de")


def test_every_status_change_carries_an_explanation() -> None:
    before = plan([X, Y], CAP)
    accepted = tradeoff_for("y", RequestStatus.ACCEPTED, before, start_now(before, "y"))
    change = change_status(
        "Export partenaires", RequestStatus.RECEIVED, RequestStatus.ACCEPTED, ON, "en",
        tradeoff=accepted,
    )  # fmt: skip
    assert change.explanation == render(accepted, "en")
    done = change_status("Export partenaires", RequestStatus.ACCEPTED, RequestStatus.DONE, ON, "fr")
    assert done.explanation == f"La demande «{NBSP}Export partenaires{NBSP}» est livrée."
    with pytest.raises(MissingExplanationError):
        change_status("Y", RequestStatus.RECEIVED, RequestStatus.PLANNED, ON, "en")
    with pytest.raises(MissingExplanationError):
        change_status("Y", RequestStatus.DECLINED, RequestStatus.RECEIVED, ON, "en")
    reopened = change_status(
        "Y", RequestStatus.DECLINED, RequestStatus.RECEIVED, ON, "en", note="Budget freed up."
    )
    assert (
        reopened.explanation
        == "“Y” is back on the list and will be looked at again. Budget freed up."
    )


def test_dropping_accepted_work_needs_a_note() -> None:
    before = plan([X, Y], CAP)
    declined = tradeoff_for("y", RequestStatus.DECLINED, before, drop(before, "y"))
    with pytest.raises(MissingExplanationError):
        change_status(
            "Y", RequestStatus.ACCEPTED, RequestStatus.DECLINED, ON, "en", tradeoff=declined
        )
    dropped = change_status(
        "Y", RequestStatus.ACCEPTED, RequestStatus.DECLINED, ON, "en", tradeoff=declined,
        note="The client left.",
    )  # fmt: skip
    assert dropped.explanation == "We are stopping work on “Y”. The client left."


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (RequestStatus.DONE, RequestStatus.ACCEPTED),
        (RequestStatus.DECLINED, RequestStatus.DONE),
        (RequestStatus.RECEIVED, RequestStatus.DONE),
    ],
)
def test_transitions_outside_the_table_are_refused(old: RequestStatus, new: RequestStatus) -> None:
    with pytest.raises(InvalidTransitionError):
        change_status("Y", old, new, ON, "en", note="x")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_wording_files_load_and_stay_free_of_scores(lang: str) -> None:
    data = wording(lang)
    flat = repr(data).lower()
    assert "wsjf" not in flat and "score" not in flat
