"""The demo's year of trust and communication: a communication plan kept (mostly), promises
kept, renegotiated, late or broken, a couple of surprises, business requests answered with their
trade-offs, and company objectives, so that ``trust``, ``review`` and ``digest`` mean something
on first run. Deterministic: the same ``today`` gives the same workspace."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy.orm import Session

from passerelle.domain.tradeoff import RequestStatus
from passerelle.services import commitments, comms, requests, roadmap, stakeholders, trust
from passerelle.settings import Settings

COMMITTEE = "Comité de direction"
PLAN = (  # who, cadence in days, format, how often a communication is skipped
    ("Julien Martel", 7, "one_to_one", 0.1),
    (COMMITTEE, 30, "digest", 0.1),
    ("Sarah Cohen", 30, "meeting", 0.2),
    ("Pierre Vidal", 30, "email", 0.35),
    ("Emma Rousseau", 30, "meeting", 0.15),
    ("Marc Dubois", 91, "digest", 0.0),
)
PROMISES = (  # to whom, what, how it ends: kept, early, late, broken, moved (then kept)
    ("Julien Martel", "Send the hiring plan for the platform team", "kept"),
    ("Julien Martel", "Présenter le budget cloud de l’année prochaine", "early"),
    ("Sarah Cohen", "Give a delivery date for single sign-on", "moved"),
    ("Pierre Vidal", "Cut the monthly hosting bill by a tenth", "late"),
    ("Emma Rousseau", "Fix the export that customers report as slow", "kept"),
    (COMMITTEE, "Présenter la feuille de route du trimestre", "kept"),
    ("Sarah Cohen", "Prepare a demo for the enterprise prospect", "broken"),
    ("Marc Dubois", "Share the security audit results", "early"),
    ("Emma Rousseau", "Explain the March outage to the key accounts", "kept"),
    ("Pierre Vidal", "Send the cost forecast for the data platform", "moved"),
)
# requester, title, why, value, urgency, risk, size, decision
REQUESTS = (
    (
        "Sarah Cohen",
        "Single sign-on for enterprise customers",
        "three deals wait on it",
        13,
        8,
        5,
        8,
        "accepted",
    ),
    (
        "Emma Rousseau",
        "Export de l’historique des tickets",
        "les clients le demandent",
        5,
        3,
        2,
        3,
        "planned",
    ),
    ("Pierre Vidal", "Monthly cost report per customer", "pricing review", 8, 5, 3, 5, "planned"),
    ("Sarah Cohen", "Custom branding for one prospect", "one deal", 3, 5, 1, 13, "declined"),
    ("Emma Rousseau", "In-app satisfaction survey", "measure churn risk", 5, 2, 3, 5, None),
)
OBJECTIVES = ("Win enterprise customers", "Halve the cost of hosting per customer")


def build(session: Session, settings: Settings, today: date) -> dict[str, int]:
    rng = random.Random(today.toordinal())
    start = today - timedelta(days=365)
    stakeholders.add_group(session, COMMITTEE, "fr")
    logged = 0
    for who, every, fmt, skip in PLAN:
        comms.set_plan(session, who, cadence=every, fmt=fmt, today=start)
        day = start + timedelta(days=every)
        while day <= today - timedelta(days=2):
            if rng.random() >= skip:
                comms.log(session, who, on=day, fmt=fmt)
                logged += 1
            day += timedelta(days=every + rng.choice((-1, 0, 0, 1, 3)))
    made = 0
    for round_ in range(4):
        for i, (who, what, end) in enumerate(PROMISES):
            on = start + timedelta(days=round_ * 90 + i * 8 + rng.randrange(5))
            due = on + timedelta(days=rng.randrange(10, 30))
            if on > today - timedelta(days=3):
                continue
            c = commitments.add(session, who, what, due=due, today=on)
            made += 1
            if due >= today:
                continue  # still open: shows in the review as due soon or in the digest
            if end == "kept":
                commitments.done(session, c.id, due)
            elif end == "early":
                commitments.done(session, c.id, due - timedelta(days=2))
            elif end == "late" and due + timedelta(days=6) <= today:
                commitments.done(session, c.id, due + timedelta(days=6))
            elif end == "broken":
                commitments.break_(session, c.id, due, "the prospect's date moved first")
            elif end == "moved" and due - timedelta(days=3) > on:
                new_due = due + timedelta(days=14)
                commitments.renegotiate(
                    session, c.id, due - timedelta(days=3), new_due, "a dependency slipped"
                )
                if new_due < today:
                    commitments.done(session, c.id, new_due)
    trust.log_surprise(
        session, "Pierre Vidal", today - timedelta(days=150), "hosting bill doubled without warning"
    )
    trust.log_surprise(
        session, "Sarah Cohen", today - timedelta(days=20), "outage during her customer demo"
    )
    goals = [roadmap.add(session, title, today=start) for title in OBJECTIVES]
    asked = 0
    for i, (who, title, why, value, urgency, risk, size, decision) in enumerate(REQUESTS):
        received = today - timedelta(days=40 - 6 * i)
        r = requests.add(session, who, title, today=received, why=why)
        requests.score(session, r.id, value, urgency, risk, size)
        if decision:
            requests.change(
                session, settings, r.id, RequestStatus(decision), received + timedelta(days=4)
            )
        if i < 3:
            roadmap.link(session, "request", str(r.id), str(goals[i % 2].id))
        asked += 1
    return {"commitments": made, "communications": logged, "requests": asked}
