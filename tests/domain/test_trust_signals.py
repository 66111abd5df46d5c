"""Review signals for trust and communication, on small literal workspaces."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from passerelle.domain.commitments import mark_done, new_commitment
from passerelle.domain.comms import Format, Logged, PlanEntry, due_list
from passerelle.domain.pillars import WorkItem
from passerelle.domain.trust import Evidence, TrustEvent, scores
from passerelle.domain.trust_signals import (
    CODES,
    Facts,
    Thresholds,
    ThresholdsError,
    WaitingRequest,
    scan,
)

TODAY = date(2026, 11, 20)


def ev(who: str, kind: Evidence, days_ago: int) -> TrustEvent:
    return TrustEvent(who, TODAY - timedelta(days=days_ago), kind)


def trust_facts(events: list[TrustEvent], **kw: object) -> Facts:
    return Facts(
        TODAY,
        trust_now=scores(events, TODAY),
        trust_before=scores(events, TODAY - timedelta(days=30)),
        **kw,  # type: ignore[arg-type]
    )


def codes(facts: Facts, th: Thresholds | None = None) -> list[str]:
    return [s.code for s in scan(facts, th)]


def test_a_quiet_workspace_raises_nothing() -> None:
    events = [ev("CEO", Evidence.KEPT, d) for d in (5, 40, 80)]
    assert scan(trust_facts(events)) == []


def test_low_trust_is_flagged_with_its_score_in_both_languages() -> None:
    events = [ev("CFO", Evidence.BROKEN, 100), ev("CFO", Evidence.LATE, 60)]
    (signal,) = scan(trust_facts(events))
    assert signal.code == "trust-low"
    assert signal.refs == ("CFO",)
    assert "CFO" in signal.seen.en and "%" in signal.seen.en
    assert "La confiance avec CFO" in signal.seen.fr
    assert signal.next_step.get("fr") != signal.next_step.get("en")


def test_too_little_evidence_is_not_called_low() -> None:
    events = [TrustEvent("CFO", TODAY - timedelta(days=400), Evidence.LATE, weight=0.3)]
    assert scan(trust_facts(events)) == []


def test_a_recent_fall_is_flagged_before_trust_is_low() -> None:
    events = [ev("CEO", Evidence.KEPT, d) for d in range(40, 200, 10)] + [
        ev("CEO", Evidence.BROKEN, 3)
    ]
    facts = trust_facts(events)
    assert facts.trust_now["CEO"].expected > 0.4
    assert codes(facts) == ["trust-falling"]


def test_commitments_late_and_due_this_week() -> None:
    made = TODAY - timedelta(days=30)
    late = new_commitment("Export", "CFO", due=TODAY - timedelta(days=4), today=made, ref="c:1")
    soon = new_commitment("Audit", "CEO", due=TODAY + timedelta(days=3), today=made, ref="c:2")
    later = new_commitment("Plan", "CEO", due=TODAY + timedelta(days=30), today=made, ref="c:3")
    done = mark_done(
        new_commitment("Done", "CEO", due=TODAY - timedelta(days=9), today=made),
        TODAY - timedelta(days=8),
    )
    signals = scan(Facts(TODAY, commitments=[late, soon, later, done]))
    assert [(s.code, s.severity, s.refs) for s in signals] == [
        ("commitments-late", "high", ("c:1",)),
        ("commitments-due", "low", ("c:2",)),
    ]
    assert "Export → CFO (4 days)" in signals[0].seen.en
    assert "(4\u00a0jours)" in signals[0].seen.fr


def test_communications_overdue_name_the_most_overdue_first() -> None:
    since = date(2026, 9, 1)
    plan = [
        PlanEntry("CEO", 7, Format.ONE_TO_ONE, since),
        PlanEntry("Comex", 30, Format.DIGEST, since),
    ]
    logs = [Logged("CEO", TODAY - timedelta(days=10)), Logged("Comex", TODAY - timedelta(days=20))]
    (signal,) = scan(Facts(TODAY, comms=due_list(plan, logs, TODAY)))
    assert signal.code == "comms-overdue"
    assert signal.refs == ("CEO",)
    assert signal.severity == "low"
    assert "CEO (3 days)" in signal.seen.en


def test_requests_waiting_too_long() -> None:
    requests = [
        WaitingRequest("r1", "CRM sync", TODAY - timedelta(days=40)),
        WaitingRequest("r2", "New report", TODAY - timedelta(days=15)),
        WaitingRequest("r3", "Answered", TODAY - timedelta(days=60), TODAY - timedelta(days=50)),
        WaitingRequest("r4", "Fresh", TODAY - timedelta(days=2)),
    ]
    (signal,) = scan(Facts(TODAY, requests=requests))
    assert (signal.code, signal.severity, signal.refs) == ("requests-waiting", "high", ("r1", "r2"))
    assert "“CRM sync”" not in signal.seen.en  # titles are plain here
    assert "CRM sync (40 days)" in signal.seen.en


def test_work_serving_no_objective() -> None:
    work = [
        WorkItem("decision", "d1", "EU hosting", TODAY - timedelta(days=10), "Sell in Europe"),
        WorkItem("request", "r1", "Dashboard", TODAY - timedelta(days=5)),
        WorkItem("request", "r2", "Old thing", TODAY - timedelta(days=200)),
    ]
    (signal,) = scan(Facts(TODAY, work=work))
    assert signal.code == "work-without-objective"
    assert signal.refs == ("r1",)
    assert "50%" in signal.seen.en and "50\u202f%" in signal.seen.fr


def test_more_than_three_subjects_are_counted() -> None:
    requests = [WaitingRequest(f"r{i}", f"R{i}", TODAY - timedelta(days=20 + i)) for i in range(5)]
    (signal,) = scan(Facts(TODAY, requests=requests))
    assert "and 2 more" in signal.seen.en
    assert "et 2 autres" in signal.seen.fr


def test_signals_come_most_severe_first() -> None:
    made = TODAY - timedelta(days=30)
    facts = Facts(
        TODAY,
        commitments=[new_commitment("Audit", "CEO", due=TODAY + timedelta(days=2), today=made)],
        requests=[WaitingRequest("r1", "CRM", TODAY - timedelta(days=100))],
        work=[WorkItem("request", "r1", "CRM", TODAY - timedelta(days=1))],
    )
    severities = [s.severity for s in scan(facts)]
    assert severities == sorted(severities, key={"high": 0, "medium": 1, "low": 2}.__getitem__)
    assert len(severities) == 3


def test_thresholds_from_configuration() -> None:
    th = Thresholds.from_mapping({"request_wait_days": 30, "trust_low": 0.3})
    assert (th.request_wait_days, th.trust_low) == (30, 0.3)
    requests = [WaitingRequest("r1", "CRM", TODAY - timedelta(days=20))]
    assert codes(Facts(TODAY, requests=requests), th) == []
    with pytest.raises(ThresholdsError, match="unknown"):
        Thresholds.from_mapping({"trust_lo": 0.3})
    with pytest.raises(ThresholdsError, match="number"):
        Thresholds.from_mapping({"trust_low": "low"})


def test_every_code_has_texts_in_both_languages() -> None:
    from passerelle.domain.trust_signals import _texts

    for lang in ("fr", "en"):
        assert set(CODES) <= set(_texts(lang)["signals"])
