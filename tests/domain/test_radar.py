"""The radar over small literal workspaces: each mistake seen, and silence when all is well."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from passerelle.domain import radar
from passerelle.domain.radar import AskFacts, ContactFacts, Thresholds, Workspace

TODAY = date(2026, 6, 1)
HEALTHY_SIZES = {"peer": 3, "mentor": 1}


def ask(n: int, days_ago: int | None = 5, **kw: object) -> AskFacts:
    sent = TODAY - timedelta(days=days_ago) if days_ago is not None else None
    values: dict[str, object] = {"urgency": "routine", "quality": "productive"} | kw
    return AskFacts(id=n, title=f"ask {n}", sent_on=sent, **values)  # type: ignore[arg-type]


def codes(ws: Workspace, th: Thresholds | None = None) -> list[str]:
    return [s.code for s in radar.scan(ws, th)]


def test_a_healthy_workspace_raises_nothing() -> None:
    ws = Workspace(TODAY, asks=(ask(1), ask(2, 40)), circle_sizes=HEALTHY_SIZES)
    assert codes(ws) == []


def test_never_asked_and_long_silence() -> None:
    assert codes(Workspace(TODAY, circle_sizes=HEALTHY_SIZES)) == ["never-asking"]
    drafts_only = Workspace(TODAY, asks=(ask(1, None),), circle_sizes=HEALTHY_SIZES)
    assert codes(drafts_only) == ["never-asking"]
    only_the_day = Workspace(
        TODAY, last_sent_on=TODAY - timedelta(days=3), circle_sizes=HEALTHY_SIZES
    )
    assert codes(only_the_day) == []  # the review passes the latest send when asks are recent only
    quiet = Workspace(TODAY, asks=(ask(1, 60),), circle_sizes=HEALTHY_SIZES)
    (signal,) = radar.scan(quiet)
    assert signal.severity == "medium" and "60" in signal.seen.en and "60" in signal.seen.fr
    assert codes(quiet, Thresholds(days_without_ask=90)) == []


def test_crisis_share() -> None:
    asks = (ask(1, urgency="crisis"), ask(2, urgency="crisis"), ask(3), ask(4))
    ws = Workspace(TODAY, asks=asks, circle_sizes=HEALTHY_SIZES)
    (signal,) = radar.scan(ws)
    assert signal.code == "asking-too-late" and signal.refs == (1, 2)
    assert "50" in signal.seen.en
    assert codes(ws, Thresholds(crisis_share=0.6)) == []
    too_few = Workspace(TODAY, asks=asks[:2], circle_sizes=HEALTHY_SIZES)
    assert codes(too_few) == []  # two asks say little about a habit
    old = (*tuple(ask(n, 400, urgency="crisis") for n in range(5)), ask(9))
    assert codes(Workspace(TODAY, asks=old, circle_sizes=HEALTHY_SIZES)) == []


def test_paralysing_asks_worse_to_the_team() -> None:
    to_peer = ask(1, quality="paralysing", recipient_circles=("peer",))
    (signal,) = radar.scan(Workspace(TODAY, asks=(to_peer,), circle_sizes=HEALTHY_SIZES))
    assert (signal.code, signal.severity) == ("anxiety-without-ask", "medium")
    to_team = ask(2, quality="paralysing", recipient_circles=("team",))
    (signal,) = radar.scan(Workspace(TODAY, asks=(to_team,), circle_sizes=HEALTHY_SIZES))
    assert signal.severity == "high" and "team" in signal.seen.en and "équipe" in signal.seen.fr


def test_wrong_circle() -> None:
    wrong = ask(1, recipient_circles=("team",), fitting_circles=("peers", "mentors"))
    right = ask(2, recipient_circles=("business", "peer"), fitting_circles=("peers",))
    unknown = ask(3, recipient_circles=("team",), fitting_circles=())
    ws = Workspace(TODAY, asks=(wrong, right, unknown), circle_sizes=HEALTHY_SIZES)
    (signal,) = radar.scan(ws)
    assert signal.code == "wrong-circle" and signal.refs == (1,)


def test_thin_network() -> None:
    ws = Workspace(TODAY, asks=(ask(1),), circle_sizes={"peer": 2})
    (signal,) = radar.scan(ws)
    assert signal.code == "thin-network"
    assert "0 mentor" in signal.seen.en and "2 peer" in signal.seen.en
    assert codes(Workspace(TODAY, asks=(ask(1),), circle_sizes={"peer": 3, "mentor": 2})) == []


def test_overdue_contacts_most_late_first() -> None:
    contacts = (
        ContactFacts(1, "Ana", "peer", 3),
        ContactFacts(2, "Bob", "mentor", 40),
        ContactFacts(3, "Cy", "peer", 0),
    )
    ws = Workspace(TODAY, asks=(ask(1),), contacts=contacts, circle_sizes=HEALTHY_SIZES)
    (signal,) = radar.scan(ws)
    assert signal.code == "contacts-overdue" and signal.refs == (2, 1)
    assert "Bob" in signal.next_step.en
    assert codes(ws, Thresholds(overdue_grace_days=50)) == []


def test_answered_without_learning_after_grace() -> None:
    late = ask(1, answered_on=TODAY - timedelta(days=20))
    fresh = ask(2, answered_on=TODAY - timedelta(days=2))
    written = ask(3, answered_on=TODAY - timedelta(days=30), has_learning=True)
    old = ask(4, 400, answered_on=TODAY - timedelta(days=390))  # outside the window
    ws = Workspace(TODAY, asks=(late, fresh, written, old), circle_sizes=HEALTHY_SIZES)
    (signal,) = radar.scan(ws)
    assert signal.code == "learnings-missing" and signal.refs == (1,)


def test_most_severe_first() -> None:
    ws = Workspace(TODAY, contacts=(ContactFacts(1, "Ana", "peer", 3),), circle_sizes={})
    severities = [s.severity for s in radar.scan(ws)]
    assert severities == sorted(severities, key=radar.SEVERITY_ORDER.__getitem__)
    assert severities[0] == "high"


@given(
    st.lists(
        st.builds(
            AskFacts,
            id=st.integers(1, 1000),
            title=st.text(max_size=10),
            urgency=st.sampled_from(["routine", "soon", "crisis"]),
            quality=st.sampled_from([None, "productive", "incomplete", "paralysing"]),
            sent_on=st.one_of(st.none(), st.dates(date(2024, 1, 1), date(2027, 1, 1))),
            recipient_circles=st.lists(st.sampled_from(["peer", "team", "ceo"]), max_size=2).map(
                tuple
            ),
            fitting_circles=st.lists(st.sampled_from(["peers", "team", "ceo"]), max_size=2).map(
                tuple
            ),
        ),
        max_size=30,
    )
)
def test_every_signal_speaks_both_languages_and_refs_are_known(asks: list[AskFacts]) -> None:
    ws = Workspace(TODAY, asks=tuple(asks), circle_sizes={"peer": 1})
    found = radar.scan(ws)
    assert found == radar.scan(ws)  # deterministic
    ids = {a.id for a in asks}
    for signal in found:
        for text in (signal.seen, signal.why, signal.next_step):
            assert text.fr and text.en and text.fr != text.en
        if signal.code != "contacts-overdue":
            assert set(signal.refs) <= ids
