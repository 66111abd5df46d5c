"""Every service read path, read as the owner, a team member and a business partner.

One workspace holds records of every kind at every visibility. Each read path below says
which records it returns; what each role must get is worked out from the read policy
(``domain.visibility.may_read``) record by record, and compared with what the path returns.
Paths that are the owner's only must refuse the others with ``AccessRefusedError``.
``test_every_read_path_is_listed`` fails when a service function taking a reader is missing
from the table, so a new read path cannot go untested.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

import passerelle.services
from passerelle.domain.decisions import BusinessRendering, Decision
from passerelle.domain.visibility import Kind, Role, Visibility, may_read, never
from passerelle.services import (
    asks,
    backup,
    commitments,
    comms,
    decision_records,
    decision_review,
    decisions,
    delegation,
    digest,
    learnings,
    network,
    people,
    requests,
    review,
    roadmap,
    trust,
    trust_review,
)
from passerelle.services.access import AccessRefusedError
from passerelle.services.errors import InvalidInputError, NotFoundError
from passerelle.settings import Settings
from passerelle.store.models import Answer, CommsPlanRow, DecisionRow, DigestRow
from passerelle.store.testing import fresh_store
from passerelle.store.workspace import Store

T = date(2026, 11, 22)
VIS = [v.value for v in Visibility]
PLAIN = BusinessRendering(
    "Invoices go out on time.", "Two weeks of work.", "We can switch back.", "Before March."
)

Rule = tuple[Kind, str, str | None]  # a kind, a visibility, a person's circle


@dataclass(frozen=True, slots=True)
class Record:
    """A record of the workspace, found by ``label`` in what a path returns; a role may see
    it when it may read every one of ``rules``."""

    label: str
    rules: tuple[Rule, ...]
    widest: Role = Role.OWNER  # no reader sees it unless this role would too

    def seen_by(self, role: Role) -> bool:
        return all(
            may_read(who, kind, vis, circle=circle)
            for who in (role, self.widest)
            for kind, vis, circle in self.rules
        )


def _records() -> dict[str, list[Record]]:
    def each(label: str, kind: Kind, *more: Rule) -> list[Record]:
        return [Record(label.format(v=v), ((kind, v, None), *more)) for v in VIS]

    ceo_business: Rule = (Kind.PERSON, "business", "ceo")
    people_ = [Record(f"Person ceo {v}", ((Kind.PERSON, v, "ceo"),)) for v in VIS] + [
        Record(f"Person {c} {v}", ((Kind.PERSON, v, c),))
        for c in ("mentor", "peer")
        for v in ("team", "business")
    ]
    work = [
        *each("Decision {v}", Kind.DECISION),
        *each("Request {v}", Kind.REQUEST),
        *each("Unscored {v}", Kind.REQUEST),
        *each("Commitment {v}", Kind.COMMITMENT),
    ]
    return {
        "people": people_,
        "notes": [
            Record(f"Note of {r.label}", (*r.rules, (Kind.NOTE, r.rules[0][1], None)))
            for r in people_
        ],
        "interactions": each("Interaction {v}", Kind.INTERACTION, ceo_business),
        "asks": each("Ask {v}", Kind.ASK),
        "recipients": [
            Record(f"Person ceo {v}", ((Kind.ASK, v, None), (Kind.PERSON, v, "ceo"))) for v in VIS
        ],
        "answers": [
            Record(f"Answer {v}", ((Kind.ASK, v, None), (Kind.ANSWER, v, None))) for v in VIS
        ],
        "learnings": each("Learning {v}", Kind.LEARNING),
        "commitments": each("Commitment {v}", Kind.COMMITMENT),
        "communications": each("Communication {v}", Kind.COMMUNICATION),
        "plan": [Record(f"Person ceo {v}", ((Kind.COMMUNICATION, v, None),)) for v in VIS],
        "requests": [r for r in work if r.label.startswith(("Request", "Unscored"))],
        "scored": each("Request {v}", Kind.REQUEST),
        "unscored": each("Unscored {v}", Kind.REQUEST),
        "roadmap": [*each("Objective {v}", Kind.OBJECTIVE), *work],
        "decisions": each("Decision {v}", Kind.DECISION),
        "delegation": each("Area {v}", Kind.DELEGATION),
        # A digest tells the business or the team, never what is private, whoever reads it.
        "digest": [Record(r.label, r.rules, Role.MEMBER) for r in work],
    }


RECORDS = _records()


def build(store: Store, folder: Path) -> dict[str, Any]:
    """The workspace: every kind of record at every visibility."""
    ids: dict[str, Any] = {"asks": [], "requests": [], "learnings": [], "decisions": []}
    long_ago = T - timedelta(days=400)
    with store.write() as s:
        for v in VIS:
            people.add(s, f"Person ceo {v}", "ceo", visibility=v, known_since=long_ago,
                       notes=f"Note of Person ceo {v}")  # fmt: skip
        for c in ("mentor", "peer"):
            for v in ("team", "business"):
                people.add(s, f"Person {c} {v}", c, visibility=v, known_since=long_ago,
                           notes=f"Note of Person {c} {v}")  # fmt: skip
        for v in VIS:
            people.log(s, "Person ceo business", day=T, gave="advice", visibility=v,
                       summary=f"Interaction {v}")  # fmt: skip
            draft = asks.Draft(
                title=f"Ask {v}",
                decision="Move billing to PostgreSQL or keep MySQL?",
                options="A: move now. B: wait a quarter.",
                question="Which would you pick, and why?",
            )
            ask, _ = asks.new(s, draft, today=T, visibility=v)
            asks.send(s, ask.id, [f"Person ceo {v}"], T)
            asks.answer(s, ask.id, f"Person ceo {v}", f"Answer {v}", T)
            s.execute(update(Answer).where(Answer.ask_id == ask.id).values(visibility=v))
            ids["asks"].append(ask.id)
            item = learnings.add(s, f"Learning {v}", "We learned to ask early.", day=T,
                                 visibility=v)  # fmt: skip
            ids["learnings"].append(item.slug)
            commitments.add(s, "Person ceo business", f"Commitment {v}", due=T + timedelta(30),
                            today=T, visibility=v)  # fmt: skip
            comms.set_plan(s, f"Person ceo {v}", cadence="monthly", fmt="digest", today=T)
            comms.log(s, f"Person ceo {v}", on=T, fmt="email", summary=f"Communication {v}",
                      visibility=v)  # fmt: skip
            r = requests.add(s, "Person ceo business", f"Request {v}", today=T, visibility=v)
            requests.score(s, r.id, 5, 3, 2, 3)
            u = requests.add(s, "Person ceo business", f"Unscored {v}", today=T, visibility=v)
            ids["requests"] += [r.id, u.id]
            roadmap.add(s, f"Objective {v}", today=T, visibility=v)
            roadmap.link(s, "request", str(r.id), f"Objective {v}")
            d = decisions.new(
                s,
                Decision(
                    id="draft",
                    title=f"Decision {v}",
                    visibility=Visibility(v),
                    business=PLAIN,
                    review_on=T - timedelta(days=5),
                ),
                today=T,
            ).decision
            ids["decisions"].append(d.id)
            delegation.set_level(s, f"Area {v}", f"Holder {v}", on=T, current="consult",
                                 visibility=v)  # fmt: skip
        for row in s.scalars(select(CommsPlanRow)):
            row.visibility = people.find(s, f"#{row.person_id}").visibility
        s.execute(update(DecisionRow).values(shared_on=T))
        trust.log_surprise(s, "Person ceo business", T, "Surprise note")
        for audience in ("business", "team"):
            digest.write(s, store.settings, "2026-11", audience=audience, lang="en", today=T)
        s.execute(update(DigestRow).values(status="sent", sent_on=T))
        ids["keys"] = {f"p:{people.find(s, r.label).id}": r.label for r in RECORDS["plan"]}
    return ids


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, Any]]]:
    folder = tmp_path_factory.mktemp("visibility")
    store = fresh_store(folder)
    try:
        yield store, build(store, folder)
    finally:
        store.close()


Read = Callable[[Session, Settings, Role, dict[str, Any], Path], Iterable[Any]]


@dataclass(frozen=True, slots=True)
class ReadPath:
    name: str  # the service function, ``module.function``; a suffix tells variants apart
    source: str | None  # the records it returns (None: checked only for refusal)
    read: Read
    kind: Kind = Kind.DECISION  # for refused paths: the kind whose policy refuses them
    refused: bool = False  # refused outright to a role that never reads ``kind``
    subset: bool = False  # returns some of the records it may (a ranking), never more
    none_for: tuple[Role, ...] = ()  # roles it returns nothing to, by a rule of its own

    @property
    def function(self) -> str:
        return self.name.split("[")[0]


def _found(call: Callable[[], Any]) -> list[Any]:
    """What a lookup returns, or nothing when the reader may not see it (not found)."""
    try:
        return [call()]
    except (NotFoundError, InvalidInputError, AccessRefusedError):
        return []


def _each(refs: Iterable[Any], call: Callable[[Any], Any]) -> list[Any]:
    return [x for ref in refs for x in _found(lambda ref=ref: call(ref))]


def _people_labels() -> list[str]:
    return [r.label for r in RECORDS["people"]]


def _exported(folder: Path) -> list[str]:
    return [p.read_text("utf-8") for p in sorted(folder.glob("*.md"))]


def _digest_text(c: Any) -> list[str]:
    return (
        [d.title for d in c.decisions]
        + [x.what for x in c.commitments]
        + [x.title for x in c.requests]
    )


PATHS = [
    ReadPath("people.views", "people", lambda s, cfg, r, ids, tmp: [
        p.name for p in people.views(s, cfg, T, reader=r)]),
    ReadPath("people.find", "people", lambda s, cfg, r, ids, tmp: [
        p.name for p in _each(_people_labels(), lambda n: people.find(s, n, r))]),
    ReadPath("people.find[partial]", "people", lambda s, cfg, r, ids, tmp: [
        p.name for p in _each(_people_labels(), lambda n: people.find(s, n[3:], r))]),
    ReadPath("people.show", "people", lambda s, cfg, r, ids, tmp: [
        d.view.name for d in _each(_people_labels(), lambda n: people.show(s, cfg, n, T, r))]),
    ReadPath("people.show[notes]", "notes", lambda s, cfg, r, ids, tmp: [
        d.notes for d in _each(_people_labels(), lambda n: people.show(s, cfg, n, T, r))]),
    ReadPath("people.show[interactions]", "interactions", lambda s, cfg, r, ids, tmp: [
        i.summary for d in _found(lambda: people.show(s, cfg, "Person ceo business", T, r))
        for i in d.interactions]),
    ReadPath("people.interactions", "interactions", lambda s, cfg, r, ids, tmp: [
        i.summary for i in people.interactions(s, "Person ceo business", r)],
        Kind.INTERACTION, refused=True),
    ReadPath("network.network", "people", lambda s, cfg, r, ids, tmp: [
        p.name for n in [network.network(s, cfg, T, r)] for p in (*n.overdue, *n.reciprocity)]),
    ReadPath("asks.listing", "asks", lambda s, cfg, r, ids, tmp: [
        a.title for a in asks.listing(s, reader=r)], Kind.ASK, refused=True),
    ReadPath("asks.get", "asks", lambda s, cfg, r, ids, tmp: [
        a.title for a in _each(ids["asks"], lambda i: asks.get(s, i, r))], Kind.ASK),
    ReadPath("asks.recipients", "recipients", lambda s, cfg, r, ids, tmp: [
        n for i in ids["asks"] for n in _found(lambda i=i: asks.recipients(s, i, r))]),
    ReadPath("asks.answers", "answers", lambda s, cfg, r, ids, tmp: [
        a.content for i in ids["asks"] for x in _found(lambda i=i: asks.answers(s, i, r))
        for a in x]),
    ReadPath("asks.suggest_people", "people", lambda s, cfg, r, ids, tmp: [
        p.name for p in asks.suggest_people(
            s, asks.analyse(asks.Draft(body="Should we move billing to PostgreSQL?")),
            "billing", 20, r)], subset=True),
    ReadPath("learnings.listing", "learnings", lambda s, cfg, r, ids, tmp: [
        x.title for x in learnings.listing(s, reader=r)]),
    ReadPath("learnings.find", "learnings", lambda s, cfg, r, ids, tmp: [
        x.title for x in _each(ids["learnings"], lambda slug: learnings.find(s, slug, r))]),
    ReadPath("learnings.search", "learnings", lambda s, cfg, r, ids, tmp: [
        x.title for x in learnings.search(s, "learned early", reader=r)]),
    ReadPath("learnings.export", "learnings", lambda s, cfg, r, ids, tmp: [
        x.slug for x in learnings.export(s, tmp / "learnings", reader=r)
    ] + _exported(tmp / "learnings")),
    ReadPath("commitments.listing", "commitments", lambda s, cfg, r, ids, tmp: [
        c.what for c in commitments.listing(s, T, reader=r)]),
    ReadPath("comms.recent", "communications", lambda s, cfg, r, ids, tmp: [
        c.summary for c in comms.recent(s, reader=r)]),
    ReadPath("comms.plan_views", "plan", lambda s, cfg, r, ids, tmp: [
        p.stakeholder.name for p in comms.plan_views(s, r)]),
    ReadPath("comms.due", "plan", lambda s, cfg, r, ids, tmp: [
        d.name for d in comms.due(s, T, reader=r)]),
    ReadPath("comms.entries", "plan", lambda s, cfg, r, ids, tmp: [
        ids["keys"].get(e.audience, "") for e in comms.entries(s, r)]),
    ReadPath("comms.logs", "plan", lambda s, cfg, r, ids, tmp: [
        ids["keys"].get(g.audience, "") for g in comms.logs(s, reader=r)]),
    ReadPath("comms.logs_by_audience", "plan", lambda s, cfg, r, ids, tmp: [
        ids["keys"].get(k, "") for k in comms.logs_by_audience(s, T, r)]),
    ReadPath("requests.listing", "requests", lambda s, cfg, r, ids, tmp: [
        x.title for x in requests.listing(s, reader=r)]),
    ReadPath("requests.show", "requests", lambda s, cfg, r, ids, tmp: [
        x.title for x in _each(ids["requests"], lambda i: requests.show(s, i, r))]),
    ReadPath("requests.queue", "scored", lambda s, cfg, r, ids, tmp: [
        p.candidate.title for p in requests.queue(s, cfg, reader=r).placements]),
    ReadPath("requests.unscored", "unscored", lambda s, cfg, r, ids, tmp: [
        x.title for x in requests.unscored(s, r)]),
    ReadPath("roadmap.roadmap", "roadmap", lambda s, cfg, r, ids, tmp: [
        t for m in [roadmap.roadmap(s, reader=r)] for t in (
            *(o.title for o in m.objectives), *(w.title for o in m.objectives for w in o.items),
            *(w.title for w in m.unlinked))]),
    ReadPath("roadmap.work_items", "roadmap", lambda s, cfg, r, ids, tmp: [
        t for w in roadmap.work_items(s, reader=r) for t in (w.title, w.objective or "")]),
    ReadPath("decisions.listing", "decisions", lambda s, cfg, r, ids, tmp: [
        d.title for d in decisions.listing(s, r)]),
    ReadPath("decisions.get", "decisions", lambda s, cfg, r, ids, tmp: [
        d.title for d in _each(ids["decisions"], lambda i: decisions.get(s, i, r))]),
    ReadPath("decisions.find_row", "decisions", lambda s, cfg, r, ids, tmp: [
        d.title for d in _each(ids["decisions"], lambda i: decisions.find_row(s, i, r))]),
    ReadPath("decision_review.due", "decisions", lambda s, cfg, r, ids, tmp: [
        d.title for d in decision_review.due(s, r, T)]),
    ReadPath("decision_records.export_folder", "decisions", lambda s, cfg, r, ids, tmp: [
        f.read_text("utf-8") for written in _found(
            lambda: decision_records.export_folder(s, tmp / "records", r)) for f in written],
        none_for=(Role.STAKEHOLDER,)),
    ReadPath("delegation.board", "delegation", lambda s, cfg, r, ids, tmp: [
        a.name for a in delegation.board(s, r).areas]),
    ReadPath("delegation.show", "delegation", lambda s, cfg, r, ids, tmp: [
        v.area.name for v in _each([f"Area {v}" for v in VIS],
                                   lambda a: delegation.show(s, a, r))]),
    ReadPath("digest.content", "digest", lambda s, cfg, r, ids, tmp: [
        t for a in ("business", "team") for c in _found(
            lambda a=a: digest.content(s, digest.period_of("2026-11"), a, "en", T, r))
        for t in _digest_text(c)]),
    ReadPath("digest.read", "digest", lambda s, cfg, r, ids, tmp: [
        d.markdown for a in ("business", "team") for d in _found(
            lambda a=a: digest.read(s, "2026-11", audience=a, lang="en", reader=r))]),
    ReadPath("review.review", None, lambda s, cfg, r, ids, tmp: [
        review.review(s, cfg, T, r)], Kind.REVIEW, refused=True),
    ReadPath("trust.events", None, lambda s, cfg, r, ids, tmp: trust.events(
        s, T, with_text=True, reader=r), Kind.TRUST, refused=True),
    ReadPath("trust.ledger", None, lambda s, cfg, r, ids, tmp: [
        trust.ledger(s, T, reader=r)], Kind.TRUST, refused=True),
    ReadPath("trust.board", None, lambda s, cfg, r, ids, tmp: trust.board(
        s, cfg, T, reader=r), Kind.TRUST, refused=True),
    ReadPath("trust.detail", None, lambda s, cfg, r, ids, tmp: [trust.detail(
        s, cfg, "Person ceo business", T, reader=r)], Kind.TRUST, refused=True),
    ReadPath("trust_review.section", None, lambda s, cfg, r, ids, tmp: [
        trust_review.section(s, cfg, T, r)], Kind.TRUST, refused=True),
]  # fmt: skip

# Whole-workspace reads that open their own session.
STORE_PATHS: dict[str, Callable[[Store, Role, Path], Any]] = {
    "backup.export_data": lambda store, r, tmp: backup.export_data(store, r),
    "backup.backup": lambda store, r, tmp: backup.backup(store, tmp / "backup.json", r),
}

# Functions that take a reader but read nothing of their own.
NOT_READ_PATHS = {
    "decisions.present": "shapes a decision a read path already returned",
    "decisions.readable": "the policy's visibilities for decisions",
    "digest.check_reader": "the check digest.content and digest.read make",
}


def _seen(path: ReadPath, out: Iterable[Any]) -> set[str]:
    texts = [str(x) for x in out]
    assert path.source is not None
    return {r.label for r in RECORDS[path.source] if any(r.label in t for t in texts)}


def _expected(path: ReadPath, role: Role) -> set[str]:
    assert path.source is not None
    if role in path.none_for:
        return set()
    return {r.label for r in RECORDS[path.source] if r.seen_by(role)}


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.name)
def test_read_path(
    workspace: tuple[Store, dict[str, Any]], path: ReadPath, role: Role, tmp_path: Path
) -> None:
    store, ids = workspace
    with store.read() as s:
        if path.refused and never(role, path.kind):
            with pytest.raises(AccessRefusedError) as caught:
                list(path.read(s, store.settings, role, ids, tmp_path))
            assert caught.value.exit_code != 0 and caught.value.message.fr
            return
        out = list(path.read(s, store.settings, role, ids, tmp_path))
        if path.source is None:
            assert out, f"{path.name} gave the owner nothing"
            return
        seen, expected = _seen(path, out), _expected(path, role)
    if path.subset:
        assert seen <= expected
        assert seen or role is not Role.OWNER
    else:
        assert seen == expected


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("name", sorted(STORE_PATHS))
def test_backup_is_the_owners_only(
    workspace: tuple[Store, dict[str, Any]], name: str, role: Role, tmp_path: Path
) -> None:
    store, _ = workspace
    if role is Role.OWNER:
        assert STORE_PATHS[name](store, role, tmp_path)
        return
    with pytest.raises(AccessRefusedError):
        STORE_PATHS[name](store, role, tmp_path)
    assert not (tmp_path / "backup.json").exists()


@pytest.mark.parametrize("source", sorted(RECORDS))
def test_every_source_holds_every_visibility(source: str) -> None:
    """The expectations are not vacuous: each source has records at every visibility, the
    owner sees all of them (the digest, meant for others, none private), and each other role
    sees no more (a business partner strictly less)."""
    records = RECORDS[source]
    assert {r.rules[0][1] for r in records} == set(VIS)
    owner = {r.label for r in records if r.seen_by(Role.OWNER)}
    member = {r.label for r in records if r.seen_by(Role.MEMBER)}
    business = {r.label for r in records if r.seen_by(Role.STAKEHOLDER)}
    assert business <= member <= owner
    assert business < owner
    assert owner == {r.label for r in records} or source == "digest"


def _reader_functions() -> set[str]:
    found = set()
    for info in pkgutil.iter_modules(passerelle.services.__path__):
        if info.name == "access":
            continue  # the policy's own helpers
        module = importlib.import_module(f"passerelle.services.{info.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__ or name.startswith("_"):
                continue
            params = inspect.signature(fn).parameters
            if "reader" in params or "role" in params:
                found.add(f"{info.name}.{name}")
    return found


def test_every_read_path_is_listed() -> None:
    listed = {p.function for p in PATHS} | set(STORE_PATHS) | set(NOT_READ_PATHS)
    missing = _reader_functions() - listed
    assert not missing, f"read paths with no visibility test: {sorted(missing)}"
    assert listed - _reader_functions() == set(), "listed paths that take no reader"
