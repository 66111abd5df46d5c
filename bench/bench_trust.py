"""Trust for every stakeholder, in memory: 1,000 stakeholders over 50,000 commitment events.

Issue 6 target: trust for all stakeholders <= 500 ms. This measures the pure model
(``passerelle.domain.trust.scores``) on events already in memory; the store's query time is
measured by the workspace benchmark once the ledger is wired to it.
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import date, timedelta

from passerelle.domain.trust import Evidence, TrustEvent, movers, scores

STAKEHOLDERS = 1_000
EVENTS = 50_000
TARGET_MS = 500.0
TODAY = date(2026, 11, 30)

# A realistic mix: mostly kept promises and communication on cadence, some failures.
MIX = [
    (Evidence.KEPT, 40),
    (Evidence.KEPT_EARLY, 8),
    (Evidence.ON_CADENCE, 30),
    (Evidence.RENEGOTIATED, 8),
    (Evidence.LATE, 9),
    (Evidence.BROKEN, 3),
    (Evidence.SURPRISE, 2),
]


def build(seed: int = 6) -> list[TrustEvent]:
    rng = random.Random(seed)
    kinds = [k for k, _ in MIX]
    weights = [w for _, w in MIX]
    drawn = rng.choices(kinds, weights, k=EVENTS)
    return [
        TrustEvent(
            f"person-{rng.randrange(STAKEHOLDERS):04d}",
            TODAY - timedelta(days=rng.randrange(730)),
            kind,
        )
        for kind in drawn
    ]


def main() -> None:
    events = build()
    runs = []
    table = {}
    for _ in range(5):
        started = time.perf_counter()
        table = scores(events, TODAY)
        runs.append((time.perf_counter() - started) * 1000)
    median = statistics.median(runs)
    verdict = "ok" if median <= TARGET_MS else "OVER TARGET"
    print(
        f"trust, all stakeholders: {len(table)} stakeholders, {len(events)} events: "
        f"median {median:.0f} ms over {len(runs)} runs (target <= {TARGET_MS:.0f} ms) {verdict}"
    )
    who = next(iter(table))
    started = time.perf_counter()
    movers(who, events, TODAY)
    print(
        f"events that moved one stakeholder's trust (scan of all events): "
        f"{(time.perf_counter() - started) * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
