"""The plain-language checker on real sentences, French and English."""

from __future__ import annotations

from pathlib import Path

import pytest

from passerelle.analysis import check_text, explain
from passerelle.analysis.engine import Options

DATA = Path(__file__).resolve().parents[1] / "data"


def _rules(text: str, **kwargs: object) -> list[tuple[str, str]]:
    return [(f.category.value, f.match) for f in check_text(text, **kwargs).findings]  # type: ignore[arg-type]


def test_flags_franglais_jargon_in_french() -> None:
    found = _rules("On migre sur Kubernetes pour réduire la dette technique.")
    assert ("jargon", "Kubernetes") in found
    assert ("jargon", "dette technique") in found


def test_typography_does_not_hide_a_term() -> None:
    text = "La dette\u00a0technique s’accumule ; le roll-back est prêt\u202f!"
    found = _rules(text, lang="fr")
    assert ("jargon", "dette\u00a0technique") in found
    assert ("jargon", "roll-back") in found


def test_capital_terms_match_in_capitals_only() -> None:
    assert ("jargon", "CI") in _rules("La CI est rouge depuis ce matin.")
    assert not [f for f in _rules("Voir le tableau ci-dessous.") if f[0] == "jargon"]


def test_context_words_keep_everyday_senses_out() -> None:
    assert not _rules("Il cache ses notes. Le back office traite les retours.", lang="fr")
    assert ("jargon", "cache") in _rules("On a vidé le cache hier soir.", lang="fr")
    assert ("jargon", "back") in _rules("Le back est lent depuis ce matin.", lang="fr")


def test_undefined_acronym_is_flagged_once_and_defined_ones_are_not() -> None:
    found = _rules("Le support QPR est prêt. Le QPR part lundi.", lang="fr")
    assert found.count(("acronym", "QPR")) == 1
    for text in (
        "Le QPR (point trimestriel de performance) est prêt.",
        "Le point trimestriel de performance (QPR) est prêt, et le QPR part lundi.",
        "The QPR part lundi. Le QPR (point trimestriel de performance) est prêt.",
        "Our QPR (quarterly performance review) is ready.",
        "The quarterly performance review (QPRs) is ready.",
    ):
        assert not [f for f in _rules(text) if f[0] == "acronym"], text


def test_an_acronym_in_the_glossary_is_explained_as_jargon_not_twice() -> None:
    found = _rules("The API of the bank is late.", lang="en")
    assert [category for category, match in found if match == "API"] == ["jargon"]


def test_acronyms_every_business_reader_knows_are_not_flagged() -> None:
    assert not _rules("Le CEO, la DRH et le DAF valident les KPI du PDF.", lang="fr")
    assert not _rules("The CEO and HR reviewed the KPI and the ROI.", lang="en")


def _guide_known() -> list[str]:
    """The acronyms the labelling guide (head of the labelled messages) says are known."""
    guide = (DATA / "business_messages" / "en.yaml").read_text(encoding="utf-8")
    listed = guide.split("Known acronyms, never labelled:")[1].split(". GDPR")[0]
    names = [n.strip(" #\n") for n in listed.replace("#", " ").replace("\n", " ").split(",")]
    known: list[str] = []
    for name in filter(None, names):
        if "-" in name:  # Q1-Q4
            letter, span = name[0], name[1:].split("-")
            known += [f"{letter}{i}" for i in range(int(span[0]), int(span[1][-1]) + 1)]
        else:
            known.append(name)
    return known


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_labelling_guides_known_acronyms_are_never_flagged(lang: str) -> None:
    known = _guide_known()
    assert {"OK", "CEO", "Q1", "H2", "COPIL"} <= set(known)
    for name in known:
        text = (
            f"Nous en parlons avec le {name} demain." if lang == "fr" else f"We meet {name} today."
        )
        assert not [r for r in _rules(text, lang=lang) if "acronym" in r], name


@pytest.mark.parametrize(
    "text",
    [
        "Ce sera livré vendredi, c'est garanti.",
        "La migration se fera avec zéro interruption.",
        "Le service sera 100 % disponible.",
        "Le service sera 100\u202f% disponible.",
        "It will never fail.",
        "Shipping definitely by Friday.",
        "We guarantee zero downtime.",
    ],
)
def test_over_promises_are_errors(text: str) -> None:
    result = check_text(text)
    assert any(f.category == "overpromise" and f.level == "error" for f in result.findings)
    assert result.has_errors


def test_honest_wording_passes() -> None:
    for text in (
        "Nous visons vendredi. Le principal risque est la validation de la banque.",
        "We expect to ship on Friday; the main risk is the bank's approval.",
    ):
        assert not check_text(text).findings, text


def test_markdown_code_urls_addresses_and_front_matter_are_not_checked() -> None:
    text = (
        "---\ntitle: Kubernetes et dette technique\n---\n"
        "Voir `kubectl rollback` et https://example.org/kubernetes/rollback ou "
        "rollback@example.org.\n\n```\nkubernetes rollback CI\n```\n"
        '<span class="rollback">Bonjour</span> à tous, le point de la semaine est prêt.\n'
    )
    assert not [f for f in check_text(text, lang="fr").findings if f.category != "readability"]


def test_offsets_point_into_the_original_text() -> None:
    text = "---\na: b\n---\n# Point\n\nLe rollback\u00a0de la CI, c’est garanti.\n"
    result = check_text(text)
    assert result.findings
    for f in result.findings:
        assert text[f.offset : f.offset + f.length] == f.match
    first = result.findings[0]
    assert (first.line, first.column) == (6, 4)


def test_tech_audience_keeps_over_promises_and_drops_jargon() -> None:
    text = "Le rollback de la CI est sans aucun risque. Notre QPR baisse."
    categories = {f.category.value for f in check_text(text, audience="tech").findings}
    assert categories == {"overpromise"}


def test_language_is_detected_per_paragraph() -> None:
    text = (
        "Le rollback est prêt pour la mise en ligne de demain.\n\n"
        "The rollback is ready for tomorrow."
    )
    result = check_text(text)
    assert result.langs == ("fr", "en")
    rules = [f.rule for f in result.findings]
    assert any(r.startswith("fr.jargon") for r in rules)
    assert any(r.startswith("en.jargon") for r in rules)


def test_an_ignore_comment_silences_the_next_line_only() -> None:
    text = "<!-- passerelle: ignore fr.jargon.rollback -->\nLe rollback.\nLe rollback."
    found = check_text(text, lang="fr").findings
    assert [f.line for f in found if f.rule == "fr.jargon.rollback"] == [3]


def test_long_sentences_are_suggestions() -> None:
    words = " ".join(["mot"] * 45)
    result = check_text(f"Nous {words}.", lang="fr")
    assert [f.level.value for f in result.findings if f.category == "sentence-length"] == [
        "suggestion"
    ]


def test_readability_gate_turns_a_low_score_into_an_error() -> None:
    text = " ".join(["Réorganisation institutionnelle opérationnelle."] * 20)
    result = check_text(text, lang="fr", options=Options(min_score=60))
    readability = [f for f in result.findings if f.category == "readability"]
    assert readability and readability[0].level == "error"
    assert result.readability and result.readability.formula == "kandel-moles"


def test_options_disable_rules_and_accept_company_words() -> None:
    text = "Le rollback de la CI est prêt."
    assert not [
        f
        for f in check_text(text, options=Options(disabled=frozenset({"jargon"}))).findings
        if f.category == "jargon"
    ]
    accepted = Options(accepted=frozenset({"rollback"}))
    assert "rollback" not in [f.match for f in check_text(text, options=accepted).findings]


def test_user_rules_extend_the_built_in_ones(tmp_path: Path) -> None:
    folder = tmp_path / "house" / "fr" / "plain"
    folder.mkdir(parents=True)
    (folder / "house.yaml").write_text(
        "rules:\n"
        "  - id: fr.house.projet-x\n"
        "    kind: existence\n"
        "    category: jargon\n"
        "    level: warning\n"
        "    message: Nom de code interne.\n"
        "    source: Glossaire maison\n"
        "    tokens: [projet Zèbre]\n"
        "    examples: {fail: [Le projet Zèbre avance.], pass: [Le nouveau site avance.]}\n",
        encoding="utf-8",
    )
    options = Options(rule_folders=(tmp_path / "house",))
    found = check_text("Le projet zèbre avance bien.", lang="fr", options=options).findings
    assert [f.rule for f in found] == ["fr.house.projet-x"]


def test_explain_inline_and_notes() -> None:
    text = "Le rollback est prêt. Notre RPO baisse. Le rollback a marché."
    inline = explain(text, lang="fr")
    assert inline.count("rollback (") == 1
    assert "RPO (" in inline
    notes = explain(text, style="notes", lang="fr")
    assert "rollback[1]" in notes and "\n[1] rollback" in notes


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        check_text("hello", lang="de")
