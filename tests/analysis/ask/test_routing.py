"""Circle routing and quality on phrasings written for these tests (not from any labelled set):
whom a request speaks to, the question's own words, one family across both languages."""

from __future__ import annotations

import pytest

from passerelle.analysis import check_ask
from passerelle.analysis.ask import router
from passerelle.analysis.ask.cues import find


@pytest.mark.parametrize(
    ("text", "circle"),
    [
        ("@payments can you check whether the retry job still makes sense before I merge?", "team"),
        ("Search folks: would you rather tune Solr or move to Typesense?", "team"),
        ("Les devs mobile, vous préférez livrer d'un coup ou derrière un flag ?", "team"),
        ("For those of you who scaled past 50 engineers: did a platform team pay off?", "peers"),
        ("À votre taille, vous avez séparé produit et tech comment ?", "peers"),
        ("You know me well: am I ready for a VP role or should I wait a year?", "mentors"),
        ("Comment je deviens meilleur pour donner du feedback difficile ?", "mentors"),
        ("I need your call on whether we delay the launch or cut the export feature.", "ceo"),
        ("C'est une décision business : on garde l'offre gratuite ou pas ?", "ceo"),
        ("We need someone who does forensics for a living; can you recommend a firm?", "experts"),
    ],
)
def test_the_audience_named_routes_the_request(text: str, circle: str) -> None:
    result = check_ask(text)
    assert result.circle == circle, [(r.circle, r.score, r.cues) for r in result.circles]
    assert result.circles[0].cues, "the route cites the cues behind it"


def test_a_topic_in_the_question_outweighs_one_in_the_context() -> None:
    context_only = (
        "We move the billing service to Kotlin next quarter. What's blocking it on your side"
    )
    with_question = context_only + "?"
    hits = find(with_question)
    question = check_ask(with_question).part("question").spans
    plain = router._raw_scores(hits, paralysing=False)
    weighted = router._raw_scores(hits, paralysing=False, question=question)
    assert weighted["team"][0] > plain["team"][0]
    assert weighted["peers"][0] == plain["peers"][0]  # Kotlin sits in the context sentence
    assert check_ask(context_only).circle == "team"


def test_one_cue_family_in_both_languages_counts_once() -> None:
    text = "Monorepo for a team of six?"
    families = {h.cue.id for h in find(text) if h.signal == "topic" and "architecture" in h.cue.id}
    assert families == {"en.topic.peers.architecture", "fr.topic.peers.architecture"}
    score, _ = router._raw_scores(find(text), paralysing=False)["peers"]
    assert score == pytest.approx(router.PRIOR["peers"] + 1.0)


@pytest.mark.parametrize(
    "text",
    [
        "Does anyone else feel like this job never ends? I'm exhausted.",
        "À quoi bon ? Je suis épuisé et rien ne marche.",
    ],
)
def test_rhetorical_distress_questions_are_not_an_ask(text: str) -> None:
    result = check_ask(text)
    assert result.quality == "paralysing"
    assert "question" in result.missing


@pytest.mark.parametrize(
    "text",
    [
        "We're choosing the ORM for the new service: Prisma, Drizzle, or plain SQL. "
        "Which one would you run?",
        "Pour le nouveau service on hésite : Prisma, Drizzle, ou du SQL brut. "
        "Dites-nous ce qui a marché chez vous.",
        "Do you host your CI runners yourselves or pay for hosted ones? "
        "We're 20 devs and I'm not sure it's worth it.",
    ],
)
def test_options_in_prose_and_asks_without_a_question_mark(text: str) -> None:
    result = check_ask(text)
    assert result.part("options").found and result.part("question").found
    assert result.quality == "productive"
