"""Decision records: the real public folders, then 1,000 generated MADR files.

Reads ``shared/fixtures/decision-records`` (MADR 4, log4brains, adr-tools, kept as their
projects keep them) and prints what was read, skipped and failed, and why; then times parsing
and writing 1,000 MADR 4 files, without the database (issue targets: import <= 5 s, export
<= 3 s for 1,000 files).
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from passerelle.domain.circles import Visibility
from passerelle.domain.decisions import BusinessRendering, Decision, Option, Status, decision_id
from passerelle.domain.delegation import DelegationLevel
from passerelle.records import Outcome, read_folder, write_folder

HERE = Path(__file__).resolve().parent
FIXTURES = [
    HERE.parents[1] / "shared" / "fixtures" / "decision-records",
    HERE.parent / ".." / "shared" / "fixtures" / "decision-records",
    Path("/work/shared/fixtures/decision-records"),
]
N = 1000
IMPORT_TARGET_S, EXPORT_TARGET_S = 5.0, 3.0


def real_fixtures() -> None:
    root = next((p for p in FIXTURES if p.is_dir()), None)
    if root is None:
        print("public fixtures not found: skipped")
        return
    totals: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        started = time.perf_counter()
        report = read_folder(folder)
        ms = (time.perf_counter() - started) * 1000
        counts = report.counts()
        totals.update(counts)
        formats = Counter(str(r.format) for r in report.of(Outcome.READ))
        print(
            f"{folder.name:24} read {counts['read']:3}  skipped {counts['skipped']:2}  "
            f"failed {counts['failed']:2}  formats {dict(formats)}  ({ms:.0f} ms)"
        )
        for r in report.results:
            if r.outcome is Outcome.SKIPPED:
                print(f"    skipped {r.source}: {r.problems[0].describe()}")
            for p in r.errors:
                print(f"    FAILED  {r.source}: {p.describe()}")
            reasons.update(p.code for p in r.warnings if r.outcome is Outcome.READ)
    print(f"total: {dict(totals)}; warnings on read records: {dict(reasons)}")


def generated(n: int) -> list[Decision]:
    start = dt.date(2020, 1, 1)
    taken: set[str] = set()
    out = []
    for i in range(n):
        day = start + dt.timedelta(days=i // 3)
        title = f"Décision {i}: choose option {i % 7} for service {i % 13}"
        ident = decision_id(title, day, taken)
        taken.add(ident)
        options = tuple(
            Option(
                f"Option {k}",
                f"What option {k} means for service {i % 13}.",
                (f"fast to set up ({k})", "the team knows it"),
                (f"costs {k * 100} euros a month",),
            )
            for k in range(3)
        )
        out.append(
            Decision(
                id=ident,
                title=title,
                status=Status.ACCEPTED if i % 4 else Status.PROPOSED,
                date=day,
                context=f"Service {i % 13} needs a choice.\n\nThe current setup is slow at peak.",
                drivers=("cost", "time to market", "what the team knows"),
                options=options,
                chosen_option="Option 1",
                rationale="it is the cheapest option that meets the peak load.",
                consequences="* Good, because peaks are absorbed.\n* Bad, because one more tool.",
                deciders=("Camille Martin", "Équipe Paiements"),
                consulted=("Léa Dupont",),
                informed=("CEO",),
                area="Choix des bibliothèques",
                delegation_level=DelegationLevel(1 + i % 7),
                review_on=day + dt.timedelta(days=180),
                tags=("bench", f"service-{i % 13}"),
                visibility=Visibility.TEAM,
                business=BusinessRendering(
                    "Customers wait less at peak times.",
                    "About 300 euros a month.",
                    "Low: we can go back within a day.",
                    "Live in two weeks.",
                ),
            )
        )
    return out


def throughput() -> None:
    decisions = generated(N)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        started = time.perf_counter()
        write_folder(folder, decisions)
        export_s = time.perf_counter() - started
        started = time.perf_counter()
        report = read_folder(folder)
        import_s = time.perf_counter() - started
    same = sorted(report.decisions, key=lambda d: d.id) == sorted(decisions, key=lambda d: d.id)
    print(
        f"export {N} MADR files: {export_s:.2f} s ({N / export_s:.0f} files/s, "
        f"target <= {EXPORT_TARGET_S:.0f} s: {'ok' if export_s <= EXPORT_TARGET_S else 'MISSED'})"
    )
    print(
        f"import {N} MADR files: {import_s:.2f} s ({N / import_s:.0f} files/s, "
        f"target <= {IMPORT_TARGET_S:.0f} s: {'ok' if import_s <= IMPORT_TARGET_S else 'MISSED'})"
        f"; read back unchanged: {same}; counts {report.counts()}"
    )
    print("(parse and file I/O only; the database write is not included)")


def main() -> None:
    real_fixtures()
    throughput()


if __name__ == "__main__":
    sys.exit(main())
