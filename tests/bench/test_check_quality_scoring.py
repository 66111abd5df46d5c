"""The quality benchmark's scoring, checked with hand-made predictions (no checker needed)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_check_quality.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_check_quality", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bq = _load()

TEXT = "On migre sur Kubernetes, avec un SLA garanti et zéro bug. Kubernetes reste simple."
RAW = {
    "id": "t-1",
    "lang": "fr",
    "text": TEXT,
    "expected": [
        {"category": "jargon", "match": "Kubernetes"},
        {"category": "acronym", "match": "SLA", "accept": ["jargon"]},
        {"category": "overpromise", "match": "zéro bug"},
    ],
}
CLEAR = {"id": "t-2", "lang": "fr", "text": "Le CA progresse de 4 % ce trimestre.", "clear": True}


def at(text: str, category: str, word: str, nth: int = 0) -> object:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return bq.Prediction(category, start, len(word), word)


def messages() -> list[object]:
    return [bq.parse_message(RAW, "raw"), bq.parse_message(CLEAR, "clear")]


def test_perfect_predictions_score_one() -> None:
    predictions = {
        "t-1": [
            at(TEXT, "jargon", "Kubernetes"),
            at(TEXT, "acronym", "SLA"),
            at(TEXT, "overpromise", "zéro bug"),
        ]
    }
    report = bq.score(messages(), predictions)
    for category in bq.SCORED:
        counts = report.total(category)
        assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0), category
    assert report.false_positives == report.false_negatives == report.noisy_clear == []


def test_every_occurrence_is_a_true_positive_and_a_partial_overlap_counts() -> None:
    predictions = {
        "t-1": [
            at(TEXT, "jargon", "Kubernetes", 0),
            at(TEXT, "jargon", "Kubernetes", 1),
            at(TEXT, "overpromise", "zéro"),  # shorter than the label, still overlapping
        ]
    }
    report = bq.score(messages(), predictions)
    jargon = report.total("jargon")
    assert (jargon.true_predicted, jargon.predicted, jargon.recalled) == (2, 2, 1)
    assert report.total("overpromise").recall == 1.0
    assert report.total("acronym").recall == 0.0
    assert [e.match for _, e in report.false_negatives] == ["SLA"]


def test_an_accepted_alternative_category_counts_for_both_sides() -> None:
    report = bq.score(messages(), {"t-1": [at(TEXT, "jargon", "SLA")]})
    assert report.total("acronym").recall == 1.0
    assert report.total("jargon").precision == 1.0
    assert report.total("jargon").recall == 0.0  # Kubernetes was missed


def test_wrong_category_or_wrong_place_is_a_false_positive() -> None:
    predictions = {
        "t-1": [at(TEXT, "overpromise", "Kubernetes"), at(TEXT, "jargon", "simple")],
        "t-2": [at(CLEAR["text"], "acronym", "CA")],
    }
    report = bq.score(messages(), predictions)
    assert report.total("overpromise").precision == 0.0
    assert report.total("jargon").precision == 0.0
    assert len(report.false_positives) == 3
    assert [m.id for m, _ in report.noisy_clear] == ["t-2"]
    assert report.total("acronym", "fr").predicted == 1
    assert report.total("acronym", "en").predicted == 0


def test_no_prediction_means_perfect_precision_and_zero_recall() -> None:
    report = bq.score(messages(), {})
    jargon = report.total("jargon")
    assert (jargon.precision, jargon.recall, jargon.f1) == (1.0, 0.0, 0.0)
    assert len(report.false_negatives) == 3


def test_length_findings_are_reported_apart() -> None:
    long = {"id": "t-3", "lang": "en", "text": "A very long sentence.", "long_winded": True}
    msgs = [*messages(), bq.parse_message(long, "long")]
    predictions = {"t-2": [bq.Prediction("sentence-length", 0, 5, "Le CA")]}
    report = bq.score(msgs, predictions)
    assert report.noisy_clear == []
    assert len(report.length_findings) == 1
    assert [m.id for m in report.long_winded_missed] == ["t-3"]
    text = bq.format_report(report, verbose=True)
    assert "long-winded messages with a sentence-length finding: 0/1 (missed: t-3)" in text
    assert "sentence-length: 1 findings in 1 messages (1 clear)" in text
    assert "clear messages with a finding: 0/1" in text


def test_matches_in_code_urls_and_front_matter_are_not_expected_spans() -> None:
    text = "---\ntitle: cache\n---\nLe `cache` de https://ex.com/cache et le cache du site."
    spans = bq.locate(text, "cache")
    assert len(spans) == 1
    assert text[spans[0][0] - 3 : spans[0][1]] == "le cache"
    inside = bq.Prediction("jargon", text.index("cache"), 5, "cache")
    message = bq.Message("t-4", "fr", text, (bq.Expected("jargon", "cache", spans),))
    report = bq.score([message], {"t-4": [inside]})
    assert len(report.in_ignored) == 1
    assert report.total("jargon").precision == 0.0


def test_locate_respects_word_boundaries() -> None:
    assert bq.locate("Je ne vous cache rien, il cachera", "cache") == ((11, 16),)
    assert bq.locate("rAPIde API", "API") == ((7, 10),)
    assert bq.locate("CI/CD", "CI/CD") == ((0, 5),)


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"expected": [{"category": "jargon", "match": "Docker"}]}, "does not occur"),
        ({"expected": [{"category": "style", "match": "SLA"}]}, "category"),
        ({"expected": [{"category": "acronym", "match": "SLA", "accept": ["acronym"]}]}, "accept"),
        ({"expected": []}, "clear: true"),
        ({"clear": True}, "clear message"),
        ({"lang": "de"}, "lang"),
        ({"colour": "red"}, "unknown keys"),
        (
            {"expected": [{"category": "jargon", "match": "SLA"}] * 2},
            "listed twice",
        ),
    ],
)
def test_malformed_messages_are_refused(change: dict[str, object], error: str) -> None:
    with pytest.raises(bq.DataError, match=error):
        bq.parse_message({**RAW, **change}, "raw")


def test_load_messages_checks_languages_and_ids(tmp_path: Path) -> None:
    path = tmp_path / "fr.yaml"
    path.write_text(
        "messages:\n"
        "  - {id: a, lang: fr, text: 'Bonjour', clear: true}\n"
        "  - {id: a, lang: fr, text: 'Salut', clear: true}\n",
        encoding="utf-8",
    )
    with pytest.raises(bq.DataError, match="duplicate ids: a"):
        bq.load_messages([path])
    path.write_text("messages:\n  - {id: b, lang: en, text: 'Hi', clear: true}\n")
    with pytest.raises(bq.DataError, match="lang en"):
        bq.load_messages([path])


def test_a_checker_error_is_reported_and_scored_as_no_finding() -> None:
    def checker(message: object) -> list[object]:
        if message.id == "t-1":
            raise ValueError("boom")
        return []

    report = bq.evaluate(messages(), checker)
    assert report.errors == [("t-1", "ValueError: boom")]
    assert report.total("jargon").recall == 0.0
    text = bq.format_report(report)
    assert "checker errors: 1" in text and "1 x ValueError: boom (first: t-1)" in text


def test_main_runs_a_fake_checker_end_to_end(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def fake() -> object:
        return lambda message: [
            bq.Prediction("jargon", start, end - start)
            for expected in message.expected
            for start, end in expected.spans[:1]
        ]

    monkeypatch.setattr(bq, "passerelle_checker", fake)
    assert bq.main(["--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "jargon" in out and "false negatives" in out
