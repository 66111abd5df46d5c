"""Export then import gives back the same decision, whatever the text holds."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from passerelle.domain.circles import Visibility
from passerelle.domain.decisions import BusinessRendering, Decision, Option, Status, StatusChange
from passerelle.domain.delegation import DelegationLevel
from passerelle.records import Outcome, file_name, parse_record, to_madr
from passerelle.records.markdown import normalize_line, normalize_text

# Letters with accents, typographic apostrophes, NBSP and the Markdown characters that matter.
ALPHABET = st.sampled_from(
    [*"abcdeéèàçœ ’'\u00a0\u202f#*-=_`~<>!?[](){}\"\\:|.,;0123456789", "\n", "\t"]
)
text = st.text(ALPHABET, max_size=80).map(normalize_text)
line = st.text(ALPHABET, max_size=30).map(normalize_line)
word_line = line.filter(bool)
days = st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31))
slugs = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True)


@st.composite
def options(draw: st.DrawFn) -> tuple[Option, ...]:
    titles = draw(st.lists(word_line, max_size=4, unique=True))
    return tuple(
        Option(
            t,
            draw(text),
            tuple(draw(st.lists(word_line, max_size=3))),
            tuple(draw(st.lists(word_line, max_size=3))),
            tuple(draw(st.lists(word_line, max_size=2))),
        )
        for t in titles
    )


@st.composite
def decisions(draw: st.DrawFn) -> Decision:
    day = draw(st.none() | days)
    ident = draw(slugs)
    ident = f"{day.isoformat()}-{ident}" if day else ident
    status = draw(st.sampled_from(list(Status)))
    opts = draw(options())
    return Decision(
        id=ident,
        title=draw(word_line),
        status=status,
        date=day,
        context=draw(text),
        drivers=tuple(draw(st.lists(word_line, max_size=3))),
        options=opts,
        chosen_option=draw(st.sampled_from([o.title for o in opts]) if opts else st.just("")),
        rationale=draw(text),
        consequences=draw(text),
        deciders=tuple(draw(st.lists(word_line, max_size=3))),
        consulted=tuple(draw(st.lists(word_line, max_size=2))),
        informed=tuple(draw(st.lists(word_line, max_size=2))),
        area=draw(line),
        delegation_level=draw(st.none() | st.sampled_from(list(DelegationLevel))),
        review_on=draw(st.none() | days),
        tags=tuple(draw(st.lists(word_line, max_size=3))),
        visibility=draw(st.sampled_from(list(Visibility))),
        history=tuple(
            draw(
                st.lists(
                    st.builds(StatusChange, st.sampled_from(list(Status)), days, line, text),
                    max_size=3,
                )
            )
        ),
        supersedes=tuple(
            draw(st.lists(slugs.filter(lambda s: s != ident), max_size=2, unique=True))
        ),
        superseded_by=draw(slugs.filter(lambda s: s != ident))
        if status is Status.SUPERSEDED
        else None,
        business=BusinessRendering(draw(text), draw(text), draw(text), draw(text)),
        more_information=draw(text),
        share_override=draw(text),
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(decisions())
def test_madr_export_reads_back_unchanged(decision: Decision) -> None:
    text = to_madr(decision)
    result = parse_record(text, file_name(decision))
    assert result.outcome is Outcome.READ, (result.problems, text)
    assert result.decision is not None
    differ = {
        f.name: (getattr(decision, f.name), getattr(result.decision, f.name))
        for f in fields(Decision)
        if getattr(decision, f.name) != getattr(result.decision, f.name)
    }
    assert not differ, text


@settings(deadline=None)
@given(decisions())
def test_export_is_deterministic_and_stable(decision: Decision) -> None:
    text = to_madr(decision)
    again = parse_record(text, file_name(decision)).decision
    assert again is not None
    assert to_madr(again) == text
