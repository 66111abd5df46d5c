"""Supersede links between decisions: replacing one by another, and keeping the chain free of
cycles and of links to decisions that do not exist.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from passerelle.domain.decision_errors import MissingSupersedeTargetError, SupersedeCycleError
from passerelle.domain.decision_status import (
    ALLOWED,
    Status,
    StatusChange,
    TransitionNotAllowedError,
)

if TYPE_CHECKING:
    from passerelle.domain.decisions import Decision


def supersede(
    old: Decision,
    new: Decision,
    on: dt.date,
    others: Iterable[Decision] = (),
    by: str = "",
    reason: str = "",
) -> tuple[Decision, Decision]:
    """Mark ``old`` as superseded by ``new`` and link both ways.

    ``others`` are the rest of the log: the new link is refused if it closes a cycle.
    """
    if Status.SUPERSEDED not in ALLOWED[old.status]:
        raise TransitionNotAllowedError(old.id, old.status, Status.SUPERSEDED)
    if old.id == new.id:
        raise SupersedeCycleError((old.id,))
    edges = _edges(others)
    edges.setdefault(old.id, set()).add(new.id)
    edges.setdefault(new.id, set()).update(_successors(new))
    cycle = find_cycle(edges)
    if cycle:
        raise SupersedeCycleError(cycle)
    change = StatusChange(Status.SUPERSEDED, on, by, reason or f"superseded by {new.id}")
    old2 = replace(
        old, status=Status.SUPERSEDED, superseded_by=new.id, history=(*old.history, change)
    )
    new2 = new if old.id in new.supersedes else replace(new, supersedes=(*new.supersedes, old.id))
    return old2, new2


def _successors(d: Decision) -> set[str]:
    return {d.superseded_by} if d.superseded_by else set()


def _edges(decisions: Iterable[Decision]) -> dict[str, set[str]]:
    """old -> newer edges, from both ``superseded_by`` and ``supersedes``."""
    edges: dict[str, set[str]] = {}
    for d in decisions:
        edges.setdefault(d.id, set()).update(_successors(d))
        for older in d.supersedes:
            edges.setdefault(older, set()).add(d.id)
    return edges


def find_cycle(edges: Mapping[str, Iterable[str]]) -> tuple[str, ...] | None:
    """One cycle in a directed graph, as the ids along it (smallest id first), or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for start in sorted(edges):
        if state.get(start):
            continue
        path: list[str] = [start]
        stack = [iter(sorted(edges.get(start, ())))]
        state[start] = 1
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                cycle = path[path.index(nxt) :]
                i = cycle.index(min(cycle))
                return tuple(cycle[i:] + cycle[:i])
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append(iter(sorted(edges.get(nxt, ()))))
    return None


def check_supersede_links(decisions: Iterable[Decision]) -> None:
    """Raise on the first link to a missing decision, then on a cycle; silent when all is well."""
    items = list(decisions)
    known = {d.id for d in items}
    for d in items:
        for target in (*d.supersedes, *_successors(d)):
            if target not in known:
                raise MissingSupersedeTargetError(d.id, target)
    cycle = find_cycle(_edges(items))
    if cycle:
        raise SupersedeCycleError(cycle)
