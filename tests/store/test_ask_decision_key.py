"""Revision 0005: an ask's decision is a foreign key, and upgrading keeps every row around asks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from passerelle.domain.decisions import Decision, Status
from passerelle.services.decision_rows import new_row
from passerelle.store import schema
from passerelle.store.engine import make_engine
from passerelle.store.models import (
    Answer,
    Ask,
    AskRecipient,
    DecisionRow,
    Interaction,
    Learning,
    Person,
)
from passerelle.store.testing import test_database_url
from passerelle.store.workspace import Store

DAY = date(2026, 11, 22)


def _fill(engine: Engine) -> dict[str, int]:
    """A workspace at 0004: an ask serving a decision, one pointing at a decision that is
    gone, and the recipients, answers, learnings and interactions that point at the first."""
    with Session(engine) as s:
        person = Person(name="Claire", name_key="claire", circle="peer", known_since=DAY)
        decision = new_row(
            Decision(id="2026-11-22-use-postgresql", title="Use PostgreSQL",
                     status=Status.ACCEPTED, date=DAY),
            check=False,
        )  # fmt: skip
        s.add_all([person, decision])
        s.flush()
        served = Ask(title="Which database?", created_on=DAY, decision_id=decision.id)
        orphan = Ask(title="Which queue?", created_on=DAY, decision_id=decision.id + 1000)
        s.add_all([served, orphan])
        s.flush()
        s.add_all([
            AskRecipient(ask_id=served.id, person_id=person.id, sent_on=DAY),
            Answer(ask_id=served.id, person_id=person.id, answered_on=DAY, content="PostgreSQL"),
            Learning(title="Databases", slug="databases", learned_on=DAY, ask_id=served.id),
            Interaction(person_id=person.id, occurred_on=DAY, ask_id=served.id),
        ])  # fmt: skip
        s.commit()
        return {"served": served.id, "orphan": orphan.id, "decision": decision.id}


def _state(engine: Engine, ids: dict[str, int]) -> dict[str, object]:
    with Session(engine) as s:
        return {
            "recipients": s.scalar(select(func.count()).select_from(AskRecipient)),
            "answers": s.scalar(select(func.count()).select_from(Answer)),
            "learning": s.scalar(select(Learning.ask_id)),
            "interaction": s.scalar(select(Interaction.ask_id)),
            "served": s.scalar(select(Ask.decision_id).where(Ask.id == ids["served"])),
        }


def test_upgrade_keeps_the_rows_around_asks_and_clears_dangling_decisions(tmp_path: Path) -> None:
    engine = make_engine(test_database_url(tmp_path))
    try:
        schema.upgrade(engine, "0004")
        ids = _fill(engine)
        schema.upgrade(engine)
        assert schema.version(engine).current == "0005"
        kept = {"recipients": 1, "answers": 1, "learning": ids["served"],
                "interaction": ids["served"], "served": ids["decision"]}  # fmt: skip
        assert _state(engine, ids) == kept
        with Session(engine) as s:
            assert s.scalar(select(Ask.decision_id).where(Ask.id == ids["orphan"])) is None
        schema.downgrade(engine, "0004")
        assert _state(engine, ids) == kept
        schema.upgrade(engine)
        assert _state(engine, ids) == kept
    finally:
        engine.dispose()


def test_deleting_a_decision_leaves_its_asks_without_one(store: Store) -> None:
    with store.write() as s:
        decision = new_row(
            Decision(id="2026-11-22-use-kafka", title="Use Kafka", status=Status.PROPOSED),
            check=False,
        )
        s.add(decision)
        s.flush()
        s.add(Ask(title="Which broker?", created_on=DAY, decision_id=decision.id))
    with store.write() as s:
        s.delete(s.scalars(select(DecisionRow)).one())
    with store.read() as s:
        ask = s.scalars(select(Ask)).one()
        assert ask.decision_id is None
