"""Decision values: ids, statuses and their moves, supersede links without cycles."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from passerelle.domain.decisions import (
    ALLOWED,
    Decision,
    InvalidDecisionError,
    MissingSupersedeTargetError,
    Status,
    SupersedeCycleError,
    TransitionNotAllowedError,
    UnknownStatusError,
    check_supersede_links,
    decision_id,
    due_for_review,
    find_cycle,
    parse_status,
    slugify,
    supersede,
    transition,
)

DAY = dt.date(2026, 11, 22)


def make(ident: str, **kw: object) -> Decision:
    return Decision(id=ident, title=kw.pop("title", ident), **kw)  # type: ignore[arg-type]


def test_date_slug_ids_fold_accents_and_take_a_suffix_when_taken() -> None:
    assert decision_id("Use PostgreSQL", DAY) == "2026-11-22-use-postgresql"
    assert slugify("Choisir l’hébergeur : œuvre commune") == "choisir-l-hebergeur-oeuvre-commune"
    taken = {"2026-11-22-use-postgresql", "2026-11-22-use-postgresql-2"}
    assert decision_id("Use PostgreSQL!", DAY, taken) == "2026-11-22-use-postgresql-3"
    assert decision_id("???", DAY) == "2026-11-22-decision"


@given(st.text(max_size=200), st.sets(st.text(max_size=5), max_size=5))
def test_ids_are_always_valid_and_never_taken(title: str, taken: set[str]) -> None:
    ident = decision_id(title, DAY, taken)
    assert ident not in taken
    assert make(ident, title="t").id == ident  # the constructor accepts it
    assert len(slugify(title)) <= 60


def test_status_words_in_english_french_and_aliases() -> None:
    assert parse_status("Accepted") is Status.ACCEPTED
    assert parse_status("rejetée") is Status.REJECTED
    assert parse_status("on hold") is Status.PROPOSED
    assert parse_status("Superseded by [3. X](0003-x.md)") is Status.SUPERSEDED
    with pytest.raises(UnknownStatusError) as err:
        parse_status("maybe")
    assert "maybe" in err.value.message.fr and "maybe" in str(err.value)


def test_allowed_transitions_and_history() -> None:
    d = make("2026-11-22-a")
    accepted = transition(d, Status.ACCEPTED, DAY, by="CTO", reason="agreed")
    assert accepted.status is Status.ACCEPTED
    assert accepted.history[-1].reason == "agreed"
    with pytest.raises(TransitionNotAllowedError):
        transition(accepted, Status.PROPOSED, DAY)
    with pytest.raises(InvalidDecisionError):
        transition(accepted, Status.SUPERSEDED, DAY)  # needs a successor
    assert ALLOWED[Status.SUPERSEDED] == frozenset()


@given(st.sampled_from(list(Status)), st.sampled_from(list(Status)))
def test_transition_follows_the_table(old: Status, new: Status) -> None:
    d = make("x", status=old, superseded_by="y" if old is Status.SUPERSEDED else None)
    if new in ALLOWED[old] and new is not Status.SUPERSEDED:
        assert transition(d, new, DAY).status is new
    else:
        with pytest.raises((TransitionNotAllowedError, InvalidDecisionError)):
            transition(d, new, DAY)


def test_supersede_links_both_ways_and_refuses_cycles() -> None:
    a, b = make("a", status=Status.ACCEPTED), make("b", status=Status.ACCEPTED)
    a2, b2 = supersede(a, b, DAY)
    assert (a2.status, a2.superseded_by, b2.supersedes) == (Status.SUPERSEDED, "b", ("a",))
    # b is superseded by c, and c supersedes... b's predecessor a? Closing b -> a is a cycle.
    with pytest.raises(SupersedeCycleError) as err:
        supersede(b2, make("a", supersedes=("b",)), DAY, others=[a2])
    assert err.value.cycle == ("a", "b")
    with pytest.raises(SupersedeCycleError):
        supersede(a, a, DAY)


def test_invalid_decisions_are_refused() -> None:
    with pytest.raises(InvalidDecisionError):
        make("x", title=" ")
    with pytest.raises(InvalidDecisionError):
        make("Not A Slug")
    with pytest.raises(InvalidDecisionError):
        make("x", status=Status.SUPERSEDED)  # names no successor


def test_check_links_names_missing_targets_and_cycles() -> None:
    with pytest.raises(MissingSupersedeTargetError) as missing:
        check_supersede_links([make("a", status=Status.SUPERSEDED, superseded_by="ghost")])
    assert missing.value.target == "ghost"
    ring = [
        make("a", status=Status.SUPERSEDED, superseded_by="b"),
        make("b", status=Status.SUPERSEDED, superseded_by="c"),
        make("c", status=Status.SUPERSEDED, superseded_by="a"),
    ]
    with pytest.raises(SupersedeCycleError) as cycle:
        check_supersede_links(ring)
    assert cycle.value.cycle == ("a", "b", "c")
    check_supersede_links([*ring[:2], make("c")])


@given(st.dictionaries(st.integers(0, 8), st.sets(st.integers(0, 8), max_size=3), max_size=9))
def test_find_cycle_returns_a_real_cycle_or_none_on_a_dag(graph: dict[int, set[int]]) -> None:
    edges = {str(k): {str(v) for v in vs} for k, vs in graph.items()}
    cycle = find_cycle(edges)
    if cycle is None:
        # No cycle: a topological order exists (Kahn's algorithm consumes every node).
        nodes = set(edges) | {v for vs in edges.values() for v in vs}
        indegree = dict.fromkeys(nodes, 0)
        for vs in edges.values():
            for v in vs:
                indegree[v] += 1
        ready = [n for n in nodes if indegree[n] == 0]
        seen = 0
        while ready:
            n = ready.pop()
            seen += 1
            for v in edges.get(n, ()):
                indegree[v] -= 1
                if indegree[v] == 0:
                    ready.append(v)
        assert seen == len(nodes)
    else:
        for here, nxt in zip(cycle, (*cycle[1:], cycle[0]), strict=True):
            assert nxt in edges[here]


def test_due_for_review_only_when_the_date_has_come_and_it_still_applies() -> None:
    d = make("a", status=Status.ACCEPTED, review_on=DAY)
    assert due_for_review(d, DAY)
    assert not due_for_review(d, DAY - dt.timedelta(days=1))
    assert not due_for_review(make("b", status=Status.REJECTED, review_on=DAY), DAY)
