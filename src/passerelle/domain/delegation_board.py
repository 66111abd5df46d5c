"""The delegation board: decision areas × teams or people, each at one of the seven levels.

Each area carries its frame (guardrails and standards: freedom inside limits, seed 004); each
cell keeps the dated history of its current and target level, so a gap that has not moved can
be seen. The board is a value: changing a level returns a new board. It renders as a Markdown
grid and as JSON-ready dicts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from passerelle.domain.circles import Bilingual
from passerelle.domain.delegation import DelegationLevel, parse_level

B = Bilingual


class BoardError(ValueError):
    """A board that would not make sense: an unknown area or holder, a cell set twice..."""

    def __init__(self, message: Bilingual) -> None:
        self.message = message
        super().__init__(message.en)


@dataclass(frozen=True, slots=True)
class Area:
    """A decision area and its frame: guardrails (the limits) and standards (the how)."""

    name: str
    guardrails: tuple[str, ...] = ()
    standards: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LevelChange:
    on: date
    current: DelegationLevel
    target: DelegationLevel | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class BoardCell:
    """One area for one team or person, with the dated history of its levels, oldest first."""

    area: str
    holder: str
    history: tuple[LevelChange, ...]

    def __post_init__(self) -> None:
        if not self.history:
            raise BoardError(
                B(
                    f"la case {self.area} × {self.holder} n’a aucun niveau",
                    f"cell {self.area} × {self.holder} has no level",
                )
            )
        if any(a.on > b.on for a, b in zip(self.history, self.history[1:], strict=False)):
            raise BoardError(
                B(
                    f"l’historique de {self.area} × {self.holder} n’est pas dans l’ordre des dates",
                    f"the history of {self.area} × {self.holder} is not in date order",
                )
            )

    @classmethod
    def start(
        cls,
        area: str,
        holder: str,
        on: date,
        current: DelegationLevel,
        target: DelegationLevel | None = None,
    ) -> BoardCell:
        return cls(area, holder, (LevelChange(on, current, target),))

    @property
    def current(self) -> DelegationLevel:
        return self.history[-1].current

    @property
    def target(self) -> DelegationLevel | None:
        return self.history[-1].target

    @property
    def since(self) -> date:
        """The first day of the latest unbroken run of the same current and target levels."""
        last = self.history[-1]
        since = last.on
        for change in reversed(self.history):
            if (change.current, change.target) != (last.current, last.target):
                break
            since = change.on
        return since

    @property
    def gap(self) -> int:
        """Target minus current level: positive when more delegation is planned."""
        return 0 if self.target is None else int(self.target) - int(self.current)

    def move(
        self,
        on: date,
        current: DelegationLevel | None = None,
        target: DelegationLevel | None = None,
        note: str = "",
    ) -> BoardCell:
        """A new cell with one more dated change; a value not given is kept."""
        change = LevelChange(
            on,
            current if current is not None else self.current,
            target if target is not None else self.target,
            note,
        )
        return BoardCell(self.area, self.holder, (*self.history, change))


@dataclass(frozen=True, slots=True)
class DelegationBoard:
    areas: tuple[Area, ...] = ()
    holders: tuple[str, ...] = ()
    cells: tuple[BoardCell, ...] = ()

    def __post_init__(self) -> None:
        names = [a.name for a in self.areas]
        for label, values in (("area", names), ("holder", list(self.holders))):
            twice = sorted({v for v in values if values.count(v) > 1})
            if twice:
                raise BoardError(B(f"en double : {twice}", f"{label} listed twice: {twice}"))
        seen: set[tuple[str, str]] = set()
        for cell in self.cells:
            if cell.area not in names:
                raise BoardError(
                    B(f"domaine inconnu : {cell.area!r}", f"unknown area: {cell.area!r}")
                )
            if cell.holder not in self.holders:
                raise BoardError(
                    B(f"équipe inconnue : {cell.holder!r}", f"unknown holder: {cell.holder!r}")
                )
            if (cell.area, cell.holder) in seen:
                raise BoardError(
                    B(
                        f"case en double : {cell.area} × {cell.holder}",
                        f"cell set twice: {cell.area} × {cell.holder}",
                    )
                )
            seen.add((cell.area, cell.holder))

    def area(self, name: str) -> Area | None:
        return next((a for a in self.areas if a.name == name), None)

    def cell(self, area: str, holder: str) -> BoardCell | None:
        return next((c for c in self.cells if c.area == area and c.holder == holder), None)

    def cells_in(self, area: str) -> tuple[BoardCell, ...]:
        return tuple(c for c in self.cells if c.area == area)

    def with_area(self, area: Area) -> DelegationBoard:
        """Add an area, or replace its guardrails and standards."""
        if self.area(area.name) is None:
            return replace(self, areas=(*self.areas, area))
        return replace(self, areas=tuple(area if a.name == area.name else a for a in self.areas))

    def set_level(
        self,
        area: str,
        holder: str,
        on: date,
        current: DelegationLevel | None = None,
        target: DelegationLevel | None = None,
        note: str = "",
    ) -> DelegationBoard:
        """Set the current and/or target level of one cell, adding the area and holder if new."""
        board = self if self.area(area) else self.with_area(Area(area))
        if holder not in board.holders:
            board = replace(board, holders=(*board.holders, holder))
        old = board.cell(area, holder)
        if old is None:
            if current is None:
                raise BoardError(
                    B(
                        f"{area} × {holder} : un premier niveau actuel est nécessaire",
                        f"{area} × {holder}: a first current level is needed",
                    )
                )
            new = BoardCell.start(area, holder, on, current, target)
            return replace(board, cells=(*board.cells, new))
        moved = old.move(on, current, target, note)
        return replace(board, cells=tuple(moved if c is old else c for c in board.cells))

    # --- renderings ---------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: only strings, ints, lists and dicts; dates as ISO text."""
        return {
            "areas": [
                {"name": a.name, "guardrails": list(a.guardrails), "standards": list(a.standards)}
                for a in self.areas
            ],
            "holders": list(self.holders),
            "cells": [
                {
                    "area": c.area,
                    "holder": c.holder,
                    "current": int(c.current),
                    "target": None if c.target is None else int(c.target),
                    "since": c.since.isoformat(),
                    "history": [
                        {
                            "on": h.on.isoformat(),
                            "current": int(h.current),
                            "target": None if h.target is None else int(h.target),
                            "note": h.note,
                        }
                        for h in c.history
                    ],
                }
                for c in self.cells
            ],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DelegationBoard:
        """The inverse of ``to_dict``; levels may also be given by name."""

        def level(value: Any) -> DelegationLevel | None:
            return None if value is None else parse_level(value)

        cells = []
        for c in data.get("cells", ()):
            history = tuple(
                LevelChange(
                    date.fromisoformat(h["on"]),
                    parse_level(h["current"]),
                    level(h.get("target")),
                    h.get("note", ""),
                )
                for h in c["history"]
            )
            cells.append(BoardCell(c["area"], c["holder"], history))
        return cls(
            tuple(
                Area(a["name"], tuple(a.get("guardrails", ())), tuple(a.get("standards", ())))
                for a in data.get("areas", ())
            ),
            tuple(data.get("holders", ())),
            tuple(cells),
        )


def _cell_text(cell: BoardCell | None, lang: str) -> str:
    if cell is None:
        return "—"
    text = cell.current.label(lang)
    if cell.target is not None and cell.target != cell.current:
        text += f" → {cell.target.label(lang)}"
    return text


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_markdown(board: DelegationBoard, lang: str = "en") -> str:
    """The board as a Markdown grid (areas in rows), then each area's frame, then the legend."""
    head = B("Domaine", "Area").get(lang)
    lines = [
        "| " + " | ".join(_escape(h) for h in (head, *board.holders)) + " |",
        "|" + " --- |" * (len(board.holders) + 1),
    ]
    for area in board.areas:
        row = [_escape(area.name)]
        row += [_cell_text(board.cell(area.name, h), lang) for h in board.holders]
        lines.append("| " + " | ".join(row) + " |")
    sep = " : " if lang == "fr" else ": "
    framed = [a for a in board.areas if a.guardrails or a.standards]
    if framed:
        lines += ["", "## " + B("Cadre de chaque domaine", "The frame of each area").get(lang)]
        guardrail, standard = B("Garde-fou", "Guardrail").get(lang), "Standard"
        for area in framed:
            lines += ["", f"### {area.name}", ""]
            lines += [f"- {guardrail}{sep}{g}" for g in area.guardrails]
            lines += [f"- {standard}{sep}{s}" for s in area.standards]
    team = B("l’équipe", "the team").get(lang)
    lines += ["", "## " + B("Les sept niveaux", "The seven levels").get(lang), ""]
    for lvl in DelegationLevel:
        how = lvl.info.how.get(lang).format(holder=team)
        lines.append(f"{int(lvl)}. **{lvl.info.name.get(lang)}**{sep}{how}")
    return "\n".join(lines) + "\n"
