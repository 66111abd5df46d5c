"""The delegation board on the workspace: read it, set a level, frame an area, tell a new
decision who decides and how. ``board`` and ``show`` take a ``reader`` (the owner by default)
and read only the areas and holders it may see.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from passerelle.domain.circles import Bilingual, Visibility
from passerelle.domain.delegation import (
    DelegationLevel,
    UnknownDelegationLevelError,
    parse_level,
    who_decides,
)
from passerelle.domain.delegation_board import (
    Area,
    BoardCell,
    BoardError,
    DelegationBoard,
    LevelChange,
)
from passerelle.services.access import OWNER, Kind, Role, allowed
from passerelle.services.errors import InvalidInputError, NotFoundError
from passerelle.store.models import LevelChangeRow
from passerelle.store.repos import delegation as repo

B = Bilingual


def level_of(value: str | int) -> DelegationLevel:
    """A level from a number or a name in French or English; anything else is bad input."""
    try:
        return parse_level(value)
    except UnknownDelegationLevelError as error:
        raise InvalidInputError(error.message) from None


def board(session: Session, reader: Role = OWNER) -> DelegationBoard:
    """The whole board ``reader`` may see, rebuilt from the stored areas, holders and level
    changes."""
    shown = None if reader is OWNER else allowed(reader, Kind.DELEGATION)
    areas = repo.areas(session, shown)
    holders = repo.holders(session, shown)
    area_names = {a.id: a.name for a in areas}
    holder_names = {h.id: h.name for h in holders}
    grouped: dict[tuple[int, int], list[LevelChange]] = {}
    for c in repo.changes(session, shown):
        change = LevelChange(
            c.changed_on,
            DelegationLevel(c.current),
            DelegationLevel(c.target) if c.target else None,
            c.note,
        )
        grouped.setdefault((c.area_id, c.holder_id), []).append(change)
    cells = tuple(
        BoardCell(area_names[a], holder_names[h], tuple(history))
        for (a, h), history in grouped.items()
    )
    return DelegationBoard(
        tuple(Area(a.name, tuple(a.guardrails), tuple(a.standards)) for a in areas),
        tuple(h.name for h in holders),
        cells,
    )


def _clean(text: str, what: Bilingual) -> str:
    clean = " ".join(text.split())
    if not clean:
        raise InvalidInputError(B(f"{what.fr} est vide.", f"The {what.en} is empty."))
    return clean


def frame(
    session: Session,
    area: str,
    *,
    guardrails: Sequence[str] | None = None,
    standards: Sequence[str] | None = None,
    visibility: str = Visibility.TEAM.value,
) -> Area:
    """Create an area or replace its guardrails and/or standards."""
    name = _clean(area, B("Le domaine", "area"))
    row = repo.ensure_area(session, name, visibility)
    if guardrails is not None:
        row.guardrails = [g.strip() for g in guardrails if g.strip()]
    if standards is not None:
        row.standards = [s.strip() for s in standards if s.strip()]
    session.flush()
    return Area(row.name, tuple(row.guardrails), tuple(row.standards))


def set_level(
    session: Session,
    area: str,
    holder: str,
    *,
    on: date,
    current: str | int | None = None,
    target: str | int | None = None,
    note: str = "",
    visibility: str = Visibility.TEAM.value,
) -> BoardCell:
    """Set the current and/or target level of one area × holder cell, keeping its history.

    The change is checked on the board value first (a first level is needed, dates in order),
    then stored: a refused change writes nothing.
    """
    area_name = _clean(area, B("Le domaine", "area"))
    holder_name = _clean(holder, B("L’équipe ou la personne", "team or person"))
    now = level_of(current) if current is not None else None
    goal = level_of(target) if target is not None else None
    if now is None and goal is None:
        raise InvalidInputError(
            B("Donnez un niveau actuel ou un niveau cible.", "Give a current or a target level.")
        )
    try:
        moved = board(session).set_level(area_name, holder_name, on, now, goal, note)
    except BoardError as error:
        raise InvalidInputError(error.message) from None
    cell = moved.cell(area_name, holder_name)
    assert cell is not None
    area_row = repo.ensure_area(session, area_name, visibility)
    holder_row = repo.ensure_holder(session, holder_name, visibility)
    last = cell.history[-1]
    repo.add_change(
        session,
        LevelChangeRow(
            area_id=area_row.id,
            holder_id=holder_row.id,
            changed_on=last.on,
            current=int(last.current),
            target=int(last.target) if last.target else None,
            note=note,
            visibility=visibility,
        ),
    )
    return cell


@dataclass(frozen=True, slots=True)
class AreaView:
    area: Area
    cells: tuple[BoardCell, ...]


def show(session: Session, area: str, reader: Role = OWNER) -> AreaView:
    current = board(session, reader)
    found = current.area(area.strip())
    if found is None:
        known = ", ".join(a.name for a in current.areas) or "—"
        raise NotFoundError(
            B(
                f"Domaine inconnu : « {area} » (connus : {known}).",
                f"Unknown area: '{area}' (known: {known}).",
            )
        )
    return AreaView(found, current.cells_in(found.name))


def guidance(
    current: DelegationBoard, area: str, level: DelegationLevel | None = None
) -> tuple[Bilingual, ...]:
    """Who decides and how, for a new decision in ``area``: one sentence per holder, or for
    the level the decision names; a word when the area is not on the board."""
    if not area:
        return ()
    cells = current.cells_in(area)
    if level is not None:
        holders = ", ".join(c.holder for c in cells)
        return (B(who_decides(level, holders, "fr"), who_decides(level, holders, "en")),)
    if not cells:
        return (
            B(
                f"Le domaine « {area} » n’est pas sur le tableau de délégation : précisez qui "
                f'décide avec `passerelle delegate set "{area}" ÉQUIPE --level N`.',
                f"The area '{area}' is not on the delegation board: say who decides with "
                f'`passerelle delegate set "{area}" TEAM --level N`.',
            ),
        )
    return tuple(_sentence(c) for c in cells)


def _sentence(c: BoardCell) -> Bilingual:
    fr = who_decides(c.current, c.holder, "fr")
    en = who_decides(c.current, c.holder, "en")
    return B(
        f"{c.holder}, niveau {c.current.label('fr')} : {fr}",
        f"{c.holder}, level {c.current.label('en')}: {en}",
    )
