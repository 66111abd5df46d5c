"""The trust tables (revision 0003): one stakeholder per row, cascades, and the round trip."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from passerelle.store import schema
from passerelle.store.models import (
    CommitmentRow,
    CommunicationRow,
    Person,
    RenegotiationRow,
    StakeholderGroup,
)
from passerelle.store.workspace import Store

DAY = date(2026, 11, 2)


def _person(store: Store) -> int:
    with store.write() as s:
        p = Person(
            name="Claire",
            name_key="claire",
            circle="ceo",
            organisation="",
            expertise=[],
            notes="",
            known_since=DAY,
        )
        s.add(p)
        s.flush()
        return p.id


def test_head_is_the_trust_revision(store: Store) -> None:
    # 0004 adds the trust ledger's index on top of the trust tables (0003); later revisions
    # (0005: the ask's decision as a foreign key) build on them.
    assert schema.head() >= "0004"
    assert schema.version(store.engine).current == schema.head()


def test_a_commitment_names_exactly_one_stakeholder(store: Store) -> None:
    pid = _person(store)
    with store.write() as s:
        g = StakeholderGroup(name="Board", name_key="board", lang="en", notes="")
        s.add(g)
        s.flush()
        gid = g.id
    with pytest.raises(IntegrityError), store.write() as s:
        s.add(
            CommitmentRow(
                what="x",
                person_id=pid,
                group_id=gid,
                made_on=DAY,
                due=DAY,
                confidence=0.8,
                reason="",
                lang="en",
            )
        )
    with pytest.raises(IntegrityError), store.write() as s:
        s.add(CommunicationRow(occurred_on=DAY, summary=""))


def test_renegotiations_go_with_their_commitment(store: Store) -> None:
    pid = _person(store)
    with store.write() as s:
        row = CommitmentRow(
            what="Ship the export",
            person_id=pid,
            made_on=DAY,
            due=DAY,
            confidence=0.7,
            reason="",
            lang="en",
        )
        row.renegotiations.append(
            RenegotiationRow(agreed_on=DAY, old_due=DAY, new_due=date(2026, 11, 9), reason="r")
        )
        s.add(row)
        s.flush()
        cid = row.id
    with store.write() as s:
        s.delete(s.get(Person, pid))
    with store.read() as s:
        assert s.get(CommitmentRow, cid) is None
        assert s.query(RenegotiationRow).count() == 0
        assert s.get(CommitmentRow, cid) is None
