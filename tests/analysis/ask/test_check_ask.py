"""check_ask on requests written for these tests (not taken from the labelled set)."""

from __future__ import annotations

import json

import pytest

from passerelle.analysis import check_ask
from passerelle.analysis.ask import UnknownCircleError, UnknownLanguageError

PRODUCTIVE_EN = (
    "We must pick a job queue for the new billing service before March. "
    "I see two options: Sidekiq on Redis or a Postgres-backed queue. "
    "My worry is running Redis with a two-person ops team. "
    "Has anyone run a Postgres queue at around 1k jobs per second?"
)
PARALYSING_FR = (
    "Je suis complètement perdu, tout part dans tous les sens et je ne sais plus quoi faire."
)


def test_productive_request_has_all_parts_with_spans_in_sentences() -> None:
    result = check_ask(PRODUCTIVE_EN)
    assert result.lang == "en"
    assert result.quality == "productive"
    assert result.score >= 70
    assert result.missing == ()
    question = result.part("question").spans
    assert any(PRODUCTIVE_EN[a:b].startswith("Has anyone") for a, b in question)
    options = result.part("options").spans
    assert any("two options" in PRODUCTIVE_EN[a:b] for a, b in options)


def test_paralysing_request_is_coached_in_its_own_language() -> None:
    result = check_ask(PARALYSING_FR)
    assert result.lang == "fr"
    assert result.quality == "paralysing"
    assert result.score < 35
    assert set(result.missing) >= {"options", "question"}
    assert any("options" in s for s in result.suggestions)
    assert any("inquiétude" in s for s in result.suggestions)  # the distress is named
    assert "Situation :" in result.template


def test_incomplete_when_the_question_is_missing() -> None:
    text = (
        "We're moving our analytics to a warehouse this quarter. "
        "Either BigQuery or Snowflake, and I'm not sure which one fits our AWS setup."
    )
    result = check_ask(text)
    assert result.quality == "incomplete"
    assert result.missing == ("question",)
    assert "question" in result.quality_reason


def test_emotional_request_with_options_and_a_question_stays_productive() -> None:
    text = (
        "Honestly I'm exhausted and a bit scared. We have to decide on the rewrite: either we "
        "freeze features for two quarters or we strangle the old app module by module. "
        "Has anyone here done a strangler migration with a team of ten?"
    )
    result = check_ask(text)
    assert result.quality == "productive"
    assert any(c.signal == "paralysis" for c in result.cues)


def test_options_in_a_bullet_list_and_soit_soit() -> None:
    bullets = (
        "Pour la migration on a identifié :\n- garder Heroku\n- passer sur Scaleway\n"
        "Vous feriez quoi ?"
    )
    assert check_ask(bullets).part("options").found
    soit = "Soit on recrute un senior, soit on forme deux juniors. Des retours ?"
    assert check_ask(soit).part("options").found


def test_question_without_a_question_mark() -> None:
    result = check_ask("We're choosing between Datadog and Grafana Cloud. Any advice welcome")
    assert result.part("question").found


def test_a_rhetorical_question_of_distress_is_not_an_ask() -> None:
    result = check_ask("Why is everything always on fire? I'm drowning.")
    assert not result.part("question").found
    assert result.quality == "paralysing"


def test_unicode_typography_is_matched_and_offsets_stay_valid() -> None:
    text = "J’hésite entre Kafka et\u00a0RabbitMQ\u202f; quelqu’un a déjà essayé\u00a0?"
    result = check_ask(text)
    assert result.part("options").found
    assert result.part("question").found
    for cue in result.cues:
        assert text[cue.start : cue.end] == cue.text
    hesite = next(c for c in result.cues if c.id == "fr.options.between")
    assert "hésite entre" in hesite.text


def test_accents_missing_in_chat_still_match() -> None:
    result = check_ask("j'hesite entre deux prestataires, vous feriez quoi a ma place ?")
    assert result.part("options").found
    assert result.part("question").found


@pytest.mark.parametrize(
    ("text", "urgency"),
    [
        ("The production is down since this morning and customers can't pay.", "crisis"),
        ("We need to decide on the vendor by Friday.", "soon"),
        ("Je me demande si on devrait passer à GraphQL un jour.", "routine"),
        ("La prod est tombée, c'est urgent !", "crisis"),
    ],
)
def test_urgency(text: str, urgency: str) -> None:
    assert check_ask(text).urgency == urgency


@pytest.mark.parametrize(
    ("text", "circle"),
    [
        (
            "I've been offered a CTO role at another startup and I'm torn about my career.",
            "mentors",
        ),
        ("We need a penetration test and an ISO 27001 gap analysis before the tender.", "experts"),
        (
            "We must decide whether to delay the launch date or cut scope; the budget is fixed.",
            "ceo",
        ),
        ("Hey team, can you challenge the design of the new API before we commit?", "team"),
        ("Fellow CTOs, how do you decide when to split a monolith?", "peers"),
        ("Le board veut qu'on accélère et mon associé n'est pas d'accord avec moi.", "mentors"),
    ],
)
def test_best_circle_cites_its_cues(text: str, circle: str) -> None:
    result = check_ask(text)
    assert result.circle == circle
    best = result.circles[0]
    assert best.cues, "a route is explained by the cues that produced it"
    assert "“" in best.reason
    assert abs(sum(c.score for c in result.circles) - 1.0) < 0.02


def test_fit_says_why_the_team_is_wrong_for_a_career_question() -> None:
    text = "Should I accept the VP Engineering offer or stay? It's about my career."
    result = check_ask(text, circle="team")
    assert result.fit is not None
    assert not result.fit.fits
    assert result.fit.better == "mentors"
    assert "career" in result.fit.reason


def test_fit_flags_the_ceo_for_a_deep_technical_choice_and_experts_for_routine() -> None:
    tech = "Should we use Kafka or RabbitMQ for the event bus? Fellow CTOs, what did you pick?"
    fit = check_ask(tech, circle="ceo").fit
    assert fit is not None and not fit.fits and fit.better == "peers"
    routine = check_ask("Team, which lint rules should we enable? Ideas welcome", circle="experts")
    assert routine.fit is not None and not routine.fit.fits
    assert "costly" in routine.fit.reason


def test_fit_accepts_the_best_circle() -> None:
    fit = check_ask("We need a SOC 2 audit; any auditor you'd recommend?", circle="experts").fit
    assert fit is not None and fit.fits and fit.better is None


def test_json_contract_keys_and_types() -> None:
    data = check_ask(PRODUCTIVE_EN, circle="peers").to_json()
    json.dumps(data)
    for key in ("lang", "quality", "score", "parts", "missing", "suggestions", "template",
                "urgency", "circle", "circles", "fit"):  # fmt: skip
        assert key in data
    assert set(data["parts"]) == {"situation", "options", "doubts", "question"}
    assert all(len(span) == 2 for spans in data["parts"].values() for span in spans)
    assert data["circles"][0]["circle"] == data["circle"]
    assert set(data["circles"][0]) >= {"circle", "score", "reason", "caution"}
    assert data["fit"]["circle"] == "peers"


def test_forced_language_and_bad_arguments() -> None:
    assert check_ask(PRODUCTIVE_EN, lang="fr").lang == "fr"
    with pytest.raises(UnknownCircleError, match="boss"):
        check_ask(PRODUCTIVE_EN, circle="boss")
    with pytest.raises(UnknownLanguageError):
        check_ask(PRODUCTIVE_EN, lang="de")


def test_suggestion_names_the_request_subject() -> None:
    result = check_ask("Our monolith is getting slow and I'm not sure what to do about it.")
    options = next(s for s in result.suggestions if s.startswith("Name the options"))
    assert "the architecture" in options
