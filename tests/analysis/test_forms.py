"""The spellings a glossary entry is matched in: plurals, hyphenation, verb forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from passerelle.analysis import check_text
from passerelle.analysis.engine import Options
from passerelle.analysis.forms import conjugated, forms


def test_plurals_and_hyphenation_are_generated() -> None:
    assert {"micro-service", "microservices", "micro services"} <= forms(["micro-service"])


@pytest.mark.parametrize(
    ("verb", "expected"),
    [
        ("roll back", {"rolled back", "rolling back", "rolls back"}),
        ("throttle", {"throttled", "throttling", "throttles"}),
        ("ship", {"shipped", "shipping", "ships"}),
        ("open", {"opened", "opening", "opens"}),
        ("deploy", {"deployed", "deploying", "deploys"}),
        ("retry", {"retried", "retries", "retrying"}),
        ("patch", {"patched", "patches", "patching"}),
    ],
)
def test_english_verbs_take_their_regular_forms(verb: str, expected: set[str]) -> None:
    assert expected <= conjugated(verb, "en")


@pytest.mark.parametrize(
    ("verb", "expected"),
    [
        ("scaler", {"scalé", "scalée", "scalés", "scalent", "scalait", "scalera", "scalant"}),
        ("merger", {"mergé", "mergeait", "mergeant", "mergent"}),
        ("forcer", {"forcé", "forçait"}),
    ],
)
def test_french_verbs_in_er_take_their_forms(verb: str, expected: set[str]) -> None:
    assert expected <= conjugated(verb, "fr")


def test_a_glossary_entry_marked_as_a_verb_matches_its_forms(tmp_path: Path) -> None:
    folder = tmp_path / "rules" / "en"
    (folder / "plain").mkdir(parents=True)
    (folder / "words").mkdir()
    (folder / "plain" / "house.yaml").write_text(
        "rules:\n"
        "  - id: en.house\n"
        "    kind: substitution\n"
        "    category: jargon\n"
        "    level: warning\n"
        "    message: '{match} is house jargon'\n"
        "    source: our style guide\n"
        "    glossary: words\n"
        "    examples: {fail: [We frobnicated it.], pass: [We fixed it.]}\n",
        encoding="utf-8",
    )
    (folder / "words" / "verbs.yaml").write_text(
        "entries:\n"
        "  - term: frobnicate\n"
        "    inflect: verb\n"
        "    plain: fix\n"
        "    explain: To fix something the house way.\n"
        "    example: We frobnicated the report.\n",
        encoding="utf-8",
    )
    options = Options(rule_folders=(tmp_path / "rules",))
    for text in ("We frobnicated it.", "They frobnicate daily.", "Frobnicating again."):
        found = check_text(text, lang="en", options=options).findings
        assert any(f.rule == "en.house.frobnicate" for f in found), text
