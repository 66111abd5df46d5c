"""Ask coach benchmark: quality and circle against the labelled set, and check_ask latency.

Prints the confusion matrices, macro-F1 on quality and accuracy on the circle, for the whole
set and for its two splits: ``dev`` (used to tune the lexicons) and ``held-out`` (items whose
number is a multiple of 4, never looked at while tuning). A gap between the two is a sign of
overfitting. ``--set heldout`` scores a second held-out set instead (``tests/data/asks_heldout``,
written apart from the development set and never tuned on), ``--set both`` (the default) both.
Then times ``check_ask`` on a 1 KB request (median and p99, rules loaded).
Targets (issue 3): macro-F1 >= 0.85, circle accuracy >= 0.80, 5 ms median, 20 ms p99.
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from passerelle.analysis.ask import check_ask
from passerelle.analysis.ask.cues import CIRCLES
from passerelle.analysis.ask.result import QUALITIES

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "asks"
HELDOUT = DATA.parent / "asks_heldout"
SETS = ("dev", "heldout", "both")


def load(folder: Path = DATA) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.yaml")):
        items.extend(yaml.safe_load(path.read_text("utf-8")))
    return items


def held_out(item: dict[str, Any]) -> bool:
    return int(str(item["id"])[2:]) % 4 == 0


def macro_f1(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> float:
    scores = []
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, pred, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / len(scores)


def accuracy(gold: Sequence[str], pred: Sequence[str]) -> float:
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / max(1, len(gold))


def confusion(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> str:
    counts = Counter(zip(gold, pred, strict=True))
    width = max(len(label) for label in labels) + 2
    lines = ["gold \\ predicted".ljust(width + 6) + "".join(lb[:10].rjust(12) for lb in labels)]
    for g in labels:
        row = "".join(str(counts[(g, p)]).rjust(12) for p in labels)
        lines.append(g.ljust(width + 6) + row)
    return "\n".join(lines)


def evaluate(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for item in items:
        result = check_ask(item["text"])
        rows.append(
            {
                "id": item["id"],
                "quality": (item["quality"], result.quality),
                "circle": (item["circle"], result.circle),
                "urgency": (item.get("urgency", "routine"), result.urgency),
                "lang": (item["id"][:2], result.lang),
            }
        )
    return rows


def report(name: str, rows: list[dict[str, Any]], verbose: bool = False) -> tuple[float, float]:
    gq, pq = zip(*(r["quality"] for r in rows), strict=True)
    gc, pc = zip(*(r["circle"] for r in rows), strict=True)
    gu, pu = zip(*(r["urgency"] for r in rows), strict=True)
    f1 = macro_f1(gq, pq, QUALITIES)
    acc = accuracy(gc, pc)
    print(f"\n-- {name}: {len(rows)} requests")
    print(
        f"quality macro-F1 {f1:.3f}   circle accuracy {acc:.3f}   urgency accuracy "
        f"{accuracy(gu, pu):.3f}   language accuracy "
        f"{accuracy(*zip(*(r['lang'] for r in rows), strict=True)):.3f}"
    )
    if verbose:
        print("quality\n" + confusion(gq, pq, QUALITIES))
        print("circle\n" + confusion(gc, pc, CIRCLES))
    return f1, acc


REQUEST = (
    "Context: we are a team of 25 engineers on a Rails monolith that is seven years old, and "
    "the board wants the new marketplace live before the summer. I see three options: keep "
    "the monolith and modularise it, extract billing as a first service, or go for full "
    "microservices over eighteen months. My main concern is that we do not have the platform "
    "maturity for the third one, and the on-call load would double. The other risk is the "
    "budget: a platform team means four more hires. I'm not sure the CEO will accept pushing "
    "the launch date back. Has anyone here done the extract-one-service-first route with a "
    "team of this size? How long did it take, and what would you do in my place? Any advice "
    "welcome; I'd also like to hear from CTOs who chose to keep their monolith. Thanks!  "
)


def latency(runs: int = 2000) -> tuple[float, float, int]:
    text = (REQUEST * 2)[:1024]
    check_ask(text)  # load the rules once
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        check_ask(text)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.99 * len(times)) - 1], len(text)


def main(which: str = "both") -> None:
    if which not in SETS:
        raise SystemExit(f"--set must be one of {', '.join(SETS)}, not {which!r}")
    f1, acc = 0.0, 0.0
    if which in ("dev", "both"):
        items = load()
        rows = evaluate(items)
        dev = [r for r, i in zip(rows, items, strict=True) if not held_out(i)]
        held = [r for r, i in zip(rows, items, strict=True) if held_out(i)]
        f1, acc = report("all", rows, verbose=True)
        report("dev split", dev)
        report("held-out split", held, verbose=True)
        for lang in ("en", "fr"):
            report(f"{lang} only", [r for r in rows if r["id"].startswith(lang)])
    if which in ("heldout", "both"):
        rows = evaluate(load(HELDOUT))
        hf1, hacc = report("second held-out set (asks_heldout)", rows, verbose=True)
        for lang in ("en", "fr"):
            report(f"second held-out, {lang} only", [r for r in rows if r["id"].startswith(lang)])
        if which == "heldout":
            f1, acc = hf1, hacc
    median, p99, size = latency()
    print(
        f"\ncheck_ask on {size} characters: median {median:.2f} ms, p99 {p99:.2f} ms "
        f"(targets 5 ms / 20 ms)"
    )
    print(
        f"targets: quality macro-F1 {f1:.3f} >= 0.85 {'OK' if f1 >= 0.85 else 'MISSED'}; "
        f"circle accuracy {acc:.3f} >= 0.80 {'OK' if acc >= 0.80 else 'MISSED'}"
    )


def mistakes() -> None:
    """Print the dev split's errors (never the held-out ones): ``python bench/bench_ask.py``."""
    items = [i for i in load() if not held_out(i)]
    for item, row in zip(items, evaluate(items), strict=True):
        for field in ("quality", "circle"):
            gold, pred = row[field]
            if gold != pred:
                print(f"{item['id']} {field}: gold {gold}, got {pred}: {item['text'][:150]!r}")


if __name__ == "__main__":
    import sys

    args = sys.argv[1:]
    chosen = args[args.index("--set") + 1] if "--set" in args[:-1] else "both"
    mistakes() if "--mistakes" in args else main(chosen)
