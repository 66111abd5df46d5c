"""The plain-language checker's speed: ``check_text``, the CLI, and proselint beside it.

Targets (issue "passerelle check"): check_text >= 3 MB/s with every built-in rule on; the CLI at
least 2x proselint's throughput on the same English text; a one-line file checked in <= 0.3 s.
Whole-process figures are medians of three runs (seven for the one-line file), after one run
that fills the compiled-rules cache, as any second use of the command finds it filled.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import build

BIN = Path(sys.executable).parent


def _mb(paths: list[Path]) -> float:
    return sum(p.stat().st_size for p in paths) / 1_000_000


def _wall(command: list[str], runs: int = 1) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    from passerelle.analysis import check_text

    files = build()
    everything = files["en"] + files["fr"]
    texts = [p.read_text("utf-8") for p in everything]
    size = _mb(everything)
    print(
        f"corpus: {size:.2f} MB in {len(everything)} files "
        f"({_mb(files['en']):.2f} MB English, {_mb(files['fr']):.2f} MB French)"
    )

    # Warm up: load and compile the rules of both languages and the pronouncing dictionary
    # (loaded at the first English text long enough to be scored), outside the timing.
    check_text(texts[0])
    check_text(texts[-1])
    passes = []
    for _ in range(4):
        started = time.perf_counter()
        findings = sum(len(check_text(text).findings) for text in texts)
        passes.append(time.perf_counter() - started)
    steady = statistics.median(passes[1:])
    print(
        f"check_text: {size / steady:.2f} MB/s ({steady:.2f} s, {findings} findings; median of "
        f"3 passes after a first one at {size / passes[0]:.2f} MB/s, which also fills the "
        f"per-word syllable cache) target >= 3 MB/s"
    )

    passerelle = str(BIN / "passerelle")
    with tempfile.TemporaryDirectory() as folder:  # fill the compiled-rules cache first
        warm = Path(folder) / "warm.md"
        warm.write_text("Bonjour.\n\nHello.\n", encoding="utf-8")
        _wall([passerelle, "check", str(warm)])
    cli = _wall([passerelle, "check", *map(str, everything), "--format", "json"], runs=3)
    print(f"passerelle check (whole process, both languages): {size / cli:.2f} MB/s ({cli:.2f} s)")
    english = _mb(files["en"])
    cli_en = _wall([passerelle, "check", *map(str, files["en"]), "--format", "json"], runs=3)
    print(f"passerelle check (English part only): {english / cli_en:.2f} MB/s ({cli_en:.2f} s)")

    proselint = shutil.which("proselint", path=str(BIN)) or shutil.which("proselint")
    if proselint:
        peer = _wall([proselint, "check", *map(str, files["en"])], runs=3)
        print(f"proselint check (English part): {english / peer:.2f} MB/s ({peer:.2f} s)")
        print(
            f"ratio: passerelle (both languages) / proselint (English) = "
            f"{(size / cli) / (english / peer):.1f}x, target >= 2x"
        )
    else:
        print("proselint is not installed: pip install -e '.[bench]'")

    with tempfile.TemporaryDirectory() as folder:
        one = Path(folder) / "one.md"
        one.write_text("On migre sur Kubernetes vendredi.\n", encoding="utf-8")
        wall = _wall([passerelle, "check", str(one)], runs=7)
        print(
            f"passerelle check on a one-line file: {wall * 1000:.0f} ms median of 7, "
            f"target <= 300 ms"
        )
