"""The decision log's use cases on a real workspace: ids, status moves, supersede, share, edit,
and the read policy by role (a business reader only ever sees the business rendering)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from passerelle.domain.circles import Visibility
from passerelle.domain.decisions import BusinessRendering, Decision, Status
from passerelle.domain.delegation import DelegationLevel
from passerelle.services import decisions as ds
from passerelle.services import delegation
from passerelle.services.errors import InvalidInputError
from passerelle.store.models import DecisionRow
from passerelle.store.workspace import Store

TODAY = date(2026, 11, 22)
PLAIN = BusinessRendering(
    "Invoices go out on time, every month.",
    "About two weeks of work for two people.",
    "If it goes wrong, we switch back within a day.",
    "Done before the end of March.",
)


def draft(title: str, **fields: object) -> Decision:
    return Decision(id="draft", title=title, **fields)  # type: ignore[arg-type]


def add(store: Store, title: str, **fields: object) -> str:
    with store.write() as s:
        return ds.new(s, draft(title, **fields), today=TODAY).decision.id


def test_new_gets_a_date_slug_id_and_a_second_one_the_same_day_does_not_clash(
    store: Store,
) -> None:
    first = add(store, "Utiliser PostgreSQL à l’échelle")
    second = add(store, "Utiliser PostgreSQL à l’échelle")
    assert first == "2026-11-22-utiliser-postgresql-a-l-echelle"
    assert second == f"{first}-2"
    with store.read() as s:
        d = ds.get(s, first, ds.Role.OWNER)
    assert isinstance(d, Decision)
    assert d.status is Status.PROPOSED and d.history[0].status is Status.PROPOSED


def test_new_decision_in_an_area_is_told_who_decides(store: Store) -> None:
    with store.write() as s:
        delegation.set_level(s, "Choice of libraries", "Payments", on=TODAY, current="advise")
        created = ds.new(s, draft("Adopt httpx", area="Choice of libraries"), today=TODAY)
        elsewhere = ds.new(s, draft("Hire a tester", area="Hiring"), today=TODAY)
    assert created.decision.delegation_level is DelegationLevel.ADVISE
    assert "Payments decides after asking the CTO" in created.guidance[0].en
    assert "Payments décide" in created.guidance[0].fr
    assert "not on the delegation board" in elsewhere.guidance[0].en


def test_status_moves_keep_their_history_and_bad_moves_are_bad_input(store: Store) -> None:
    slug = add(store, "Release on Fridays")
    with store.write() as s:
        ds.move(s, slug, Status.REJECTED, today=TODAY, by="Claire", reason="weekend risk")
    with pytest.raises(InvalidInputError) as caught, store.write() as s:
        ds.move(s, slug, Status.ACCEPTED, today=TODAY)
    assert caught.value.exit_code == 2
    with store.read() as s:
        d = ds.get(s, slug, ds.Role.OWNER)
    assert isinstance(d, Decision)
    assert [c.status for c in d.history] == [Status.PROPOSED, Status.REJECTED]
    assert d.history[-1].reason == "weekend risk"


def test_unknown_id_is_bad_input(store: Store) -> None:
    with pytest.raises(ds.UnknownDecisionError) as caught, store.read() as s:
        ds.get(s, "2020-01-01-nothing", ds.Role.OWNER)
    assert caught.value.exit_code == 2
    assert "decide list" in caught.value.text("en")


def test_supersede_links_both_ways_and_a_cycle_is_refused_without_writing(store: Store) -> None:
    old = add(store, "Deploy with scripts", status=Status.ACCEPTED)
    new = add(store, "Deploy with a pipeline", status=Status.ACCEPTED)
    with store.write() as s:
        ds.supersede(s, old, new, today=TODAY)
    with store.read() as s:
        o, n = ds.get(s, old, ds.Role.OWNER), ds.get(s, new, ds.Role.OWNER)
    assert isinstance(o, Decision) and isinstance(n, Decision)
    assert o.status is Status.SUPERSEDED and o.superseded_by == new
    assert n.supersedes == (old,)
    with pytest.raises(InvalidInputError) as caught, store.write() as s:
        ds.supersede(s, new, old, today=TODAY)
    assert "cycle" in caught.value.text("en")
    with store.read() as s:
        again = ds.get(s, new, ds.Role.OWNER)
    assert isinstance(again, Decision) and again.status is Status.ACCEPTED


def test_share_with_business_refused_on_checker_errors_unless_forced_with_a_reason(
    store: Store,
) -> None:
    risky = BusinessRendering("Faster invoices.", risk="Zero risk, guaranteed.")
    slug = add(store, "Move billing", business=risky)
    with pytest.raises(ds.ShareRefusedError) as refused, store.write() as s:
        ds.share(s, slug, "business", today=TODAY)
    assert refused.value.findings and all(f.level == "error" for f in refused.value.findings)
    with pytest.raises(InvalidInputError), store.write() as s:
        ds.share(s, slug, "business", today=TODAY, force=True, reason="  ")
    with store.read() as s:
        assert s.scalar(select(DecisionRow.visibility)) == "private"
    with store.write() as s:
        shared = ds.share(s, slug, "business", today=TODAY, force=True, reason="CEO asked today")
    assert shared.visibility is Visibility.BUSINESS
    assert shared.share_override == "2026-11-22: CEO asked today"


def test_share_plain_rendering_needs_no_force_and_empty_one_is_refused(store: Store) -> None:
    plain = add(store, "Move billing", business=PLAIN)
    empty = add(store, "Rename the repos")
    with store.write() as s:
        assert ds.share(s, plain, "business", today=TODAY).share_override == ""
    with pytest.raises(ds.ShareRefusedError) as refused, store.write() as s:
        ds.share(s, empty, "business", today=TODAY)
    assert "no business version" in refused.value.text("en")


def test_edit_changes_fields_and_rechecks_the_business_rendering(store: Store) -> None:
    slug = add(store, "Move billing", business=PLAIN)
    with store.write() as s:
        ds.edit(s, slug, {"business": BusinessRendering("Zero risk, guaranteed."), "area": "X"})
    with store.read() as s:
        row = s.scalars(select(DecisionRow)).one()
    assert row.business_errors == 2 and row.area == "X"
    with pytest.raises(InvalidInputError), store.write() as s:
        ds.edit(s, slug, {"status": "accepted"})
    with pytest.raises(InvalidInputError), store.write() as s:
        ds.edit(s, slug, {"delegation_level": "9"})


def _three(store: Store) -> dict[str, str]:
    return {
        v: add(store, f"A {v} decision", business=PLAIN, context="secret tech", visibility=vis)
        for v, vis in (
            ("private", Visibility.PRIVATE),
            ("team", Visibility.TEAM),
            ("business", Visibility.BUSINESS),
        )
    }


def test_each_role_lists_only_what_it_may_read(store: Store) -> None:
    ids = _three(store)
    with store.read() as s:
        seen = {r: {d.id for d in ds.listing(s, r)} for r in ds.Role}
    assert seen[ds.Role.OWNER] == set(ids.values())
    assert seen[ds.Role.MEMBER] == {ids["team"], ids["business"]}
    assert seen[ds.Role.STAKEHOLDER] == {ids["business"]}


def test_a_business_reader_only_ever_gets_the_business_rendering(store: Store) -> None:
    ids = _three(store)
    with store.read() as s:
        view = ds.get(s, ids["business"], ds.Role.STAKEHOLDER)
        listed = ds.listing(s, ds.Role.STAKEHOLDER)
        for hidden in ("private", "team"):
            with pytest.raises(ds.UnknownDecisionError):
                ds.get(s, ids[hidden], ds.Role.STAKEHOLDER)
        # a part of an id shared by hidden decisions does not name them, nor say they exist
        with pytest.raises(ds.UnknownDecisionError):
            ds.get(s, "a-private", ds.Role.STAKEHOLDER)
        member = ds.get(s, ids["team"], ds.Role.MEMBER)
    assert isinstance(view, ds.BusinessView)
    assert not hasattr(view, "context") and view.business == PLAIN
    assert all(d.area == "" and d.level is None for d in listed)
    assert isinstance(member, Decision) and member.context == "secret tech"


def test_a_part_of_an_id_finds_one_decision_or_says_it_is_ambiguous(store: Store) -> None:
    add(store, "Adopt httpx")
    add(store, "Adopt ruff")
    with store.read() as s:
        found = ds.get(s, "httpx", ds.Role.OWNER)
        assert found.id == "2026-11-22-adopt-httpx"
        with pytest.raises(ds.AmbiguousDecisionError):
            ds.get(s, "adopt", ds.Role.OWNER)


def test_new_from_a_record_that_supersedes_an_unknown_one_writes_nothing(store: Store) -> None:
    with pytest.raises(ds.UnknownDecisionError), store.write() as s:
        ds.new(s, draft("Pipeline", supersedes=("2001-01-01-ghost",)), today=TODAY)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(DecisionRow)) == 0
