"""The trade-off behind a business request, written in plain words for the requester.

When a request is accepted, planned or declined, the requester hears what happens, when, and
what it costs the other requests ("starting X now moves Y back by about three weeks: the team
has room for one of these requests this month"). Every status change carries such an
explanation. The wording lives in ``rules/<lang>/tradeoff.yaml``; this module only picks the
sentences and fills them in, writing durations the way a business reader reads them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

import yaml

from passerelle.domain.wsjf import Plan, Shift, shifts

LANGS = ("fr", "en")
PERIODS = ("week", "sprint", "month", "quarter")
WEEKS_PER_MONTH = 52 / 12
_MAX_ITEMS = 3  # titles named in a list before "and N more"


class TradeoffError(ValueError):
    """A trade-off or a status change cannot be written from what was given."""


class WordingFileError(TradeoffError):
    pass


class UnknownLanguageError(TradeoffError):
    pass


class UnknownPeriodError(TradeoffError):
    pass


class InvalidTransitionError(TradeoffError):
    pass


class MissingExplanationError(TradeoffError):
    pass


class RequestStatus(StrEnum):
    RECEIVED = "received"
    ACCEPTED = "accepted"
    PLANNED = "planned"
    DECLINED = "declined"
    DONE = "done"


TRANSITIONS: Mapping[RequestStatus, frozenset[RequestStatus]] = {
    RequestStatus.RECEIVED: frozenset(
        {RequestStatus.ACCEPTED, RequestStatus.PLANNED, RequestStatus.DECLINED}
    ),
    RequestStatus.PLANNED: frozenset(
        {RequestStatus.ACCEPTED, RequestStatus.PLANNED, RequestStatus.DECLINED}
    ),
    RequestStatus.ACCEPTED: frozenset(
        {RequestStatus.DONE, RequestStatus.PLANNED, RequestStatus.DECLINED}
    ),
    RequestStatus.DECLINED: frozenset({RequestStatus.RECEIVED}),
    RequestStatus.DONE: frozenset(),
}
# The three statuses whose explanation is a trade-off.
DECIDED = (RequestStatus.ACCEPTED, RequestStatus.PLANNED, RequestStatus.DECLINED)

_REQUIRED: tuple[str, ...] = (
    "quote", "numbers", "list.and", "list.more",
    "weeks.under_one", "weeks.one", "weeks.many", "weeks.months", "weeks.over_year",
    "by_weeks.under_one", "by_weeks.one", "by_weeks.many", "by_weeks.months", "by_weeks.over_year",
    "periods.week", "periods.sprint", "periods.month", "periods.quarter",
    "room.none", "room.one", "room.many",
    "accepted.alone", "accepted.one_moved", "accepted.many_moved",
    "planned.this_period", "planned.later", "planned.late", "planned.moves",
    "declined.base", "declined.size", "declined.ahead", "declined.door",
    "changes.done", "changes.reopened", "changes.dropped", "changes.replanned",
    "reason",
)  # fmt: skip


@cache
def wording(lang: str) -> Mapping[str, Any]:
    """The wording file of a language, checked once for every key the module uses."""
    if lang not in LANGS:
        raise UnknownLanguageError(f"no trade-off wording for language {lang!r} (fr or en)")
    path = resources.files("passerelle") / "rules" / lang / "tradeoff.yaml"
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except yaml.YAMLError as exc:
        raise WordingFileError(f"rules/{lang}/tradeoff.yaml: {exc}") from exc
    if not isinstance(data, dict):
        raise WordingFileError(f"rules/{lang}/tradeoff.yaml: expected a mapping")
    for key in _REQUIRED:
        node: Any = data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise WordingFileError(f"rules/{lang}/tradeoff.yaml: missing {key!r}")
            node = node[part]
    return data


def number_in_words(n: int, lang: str) -> str:
    numbers: list[str] = wording(lang)["numbers"]
    return numbers[n] if 0 <= n < len(numbers) else str(n)


def _duration(weeks: float, lang: str, table: str) -> str:
    words: Mapping[str, str] = wording(lang)[table]
    weeks = abs(weeks)
    if weeks < 0.75:
        return words["under_one"]
    if weeks < 1.5:
        return words["one"]
    if weeks < 8.5:
        return words["many"].format(n=number_in_words(round(weeks), lang))
    months = round(weeks / WEEKS_PER_MONTH)
    if months <= 12:
        return words["months"].format(n=number_in_words(months, lang))
    return words["over_year"]


def weeks_in_words(weeks: float, lang: str) -> str:
    """A duration as a business reader says it: "about three weeks", "less than a week"."""
    return _duration(weeks, lang, "weeks")


def moved_by_in_words(weeks: float, lang: str) -> str:
    """The same after a verb of moving: "by about three weeks", « d’environ trois semaines »."""
    return _duration(weeks, lang, "by_weeks")


def quoted(title: str, lang: str) -> str:
    return str(wording(lang)["quote"]).format(title=title)


def listing(titles: Sequence[str], lang: str) -> str:
    """Quoted titles joined as a sentence does: "“A”, “B” and 2 more"."""
    w = wording(lang)
    named = [quoted(t, lang) for t in titles[:_MAX_ITEMS]]
    rest = len(titles) - len(named)
    if rest:
        named.append(w["list"]["more"].format(count=number_in_words(rest, lang)))
    if len(named) <= 1:
        return "".join(named)
    return ", ".join(named[:-1]) + str(w["list"]["and"]) + named[-1]


def period_words(period: str, lang: str) -> str:
    if period not in PERIODS:
        raise UnknownPeriodError(f"unknown period {period!r}: one of {', '.join(PERIODS)}")
    return str(wording(lang)["periods"][period])


@dataclass(frozen=True, slots=True)
class Tradeoff:
    """What a decision on one request means for the others, in numbers."""

    title: str
    status: RequestStatus
    size_weeks: float  # how long the request takes the team
    start_weeks: float = 0.0  # when it can start, in weeks from now
    moved: tuple[Shift, ...] = ()  # requests pushed back by this decision
    room: int = 0  # requests finished this period in the resulting plan
    ahead: tuple[str, ...] = ()  # titles that come first
    weeks_late: float = 0.0  # past the requester's desired date
    fits_this_period: bool = False
    reason: str = ""  # the CTO's own words, added to the explanation
    period: str = "month"


def tradeoff_for(
    key: str,
    status: RequestStatus,
    before: Plan,
    after: Plan,
    *,
    start: date | None = None,
    reason: str = "",
    period: str = "month",
) -> Tradeoff:
    """The trade-off of a decision on request ``key``, from the plan before and after it.

    Accepted: ``after`` is the plan with the request started now. Planned: ``before`` is the
    plan without it, ``after`` the plan with it in its place. Declined: ``before`` holds it,
    ``after`` does not.
    """
    if status not in DECIDED:
        raise TradeoffError(f"a trade-off is written for {', '.join(DECIDED)}, not {status}")
    period_words(period, "en")
    holder = before if status is RequestStatus.DECLINED else after
    placed = holder.find(key)
    per_week = holder.capacity.points_per_week
    moved = tuple(s for s in shifts(before, after) if s.key != key and s.weeks > 0)
    ahead_of = after.placements if status is RequestStatus.PLANNED else before.this_period
    ahead = tuple(
        p.candidate.title
        for p in ahead_of
        if p.candidate.key != key and (status is RequestStatus.DECLINED or p.rank < placed.rank)
    )
    late = 0.0
    if start is not None and status is not RequestStatus.DECLINED:
        late = after.weeks_late(key, start)
    return Tradeoff(
        title=placed.candidate.title,
        status=status,
        size_weeks=placed.candidate.score.job_size / per_week,
        start_weeks=placed.start_week if status is RequestStatus.PLANNED else 0.0,
        moved=moved,
        room=len(after.this_period),
        ahead=ahead,
        weeks_late=late,
        fits_this_period=placed.fits_this_period,
        reason=reason.strip(),
        period=period,
    )


def render(t: Tradeoff, lang: str) -> str:
    """The trade-off as the requester reads it, in their language."""
    w = wording(lang)
    title = quoted(t.title, lang)
    period = period_words(t.period, lang)
    if t.status is RequestStatus.ACCEPTED:
        text = _accepted(t, lang, title, period)
    elif t.status is RequestStatus.PLANNED:
        if t.fits_this_period:
            text = w["planned"]["this_period"].format(title=title, period=period)
        else:
            text = w["planned"]["later"].format(
                title=title,
                weeks=weeks_in_words(t.start_weeks, lang),
                ahead=listing(t.ahead, lang),
            )
        if t.weeks_late >= 0.75:
            text += w["planned"]["late"].format(weeks=weeks_in_words(t.weeks_late, lang))
        if t.moved:
            text += w["planned"]["moves"].format(
                other=quoted(t.moved[0].title, lang),
                by_weeks=moved_by_in_words(t.moved[0].weeks, lang),
            )
    else:
        text = w["declined"]["base"].format(title=title)
        if t.reason:
            text += w["reason"].format(reason=t.reason)
        text += w["declined"]["size"].format(weeks=weeks_in_words(t.size_weeks, lang))
        if t.ahead:
            text += w["declined"]["ahead"].format(ahead=listing(t.ahead, lang))
        return str(text + w["declined"]["door"])
    if t.reason:
        text += w["reason"].format(reason=t.reason)
    return str(text)


def _accepted(t: Tradeoff, lang: str, title: str, period: str) -> str:
    w = wording(lang)
    if not t.moved:
        return str(
            w["accepted"]["alone"].format(title=title, weeks=weeks_in_words(t.size_weeks, lang))
        )
    room_key = "none" if t.room == 0 else "one" if t.room == 1 else "many"
    room = w["room"][room_key].format(n=number_in_words(t.room, lang), period=period)
    first = t.moved[0]
    key = "one_moved" if len(t.moved) == 1 else "many_moved"
    return str(
        w["accepted"][key].format(
            title=title,
            other=quoted(first.title, lang),
            by_weeks=moved_by_in_words(first.weeks, lang),
            count=number_in_words(len(t.moved), lang),
            room=room,
        )
    )


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One step in a request's history, with the explanation the requester reads."""

    title: str
    old: RequestStatus
    new: RequestStatus
    on: date
    explanation: str
    lang: str


def change_status(
    title: str,
    old: RequestStatus,
    new: RequestStatus,
    on: date,
    lang: str,
    *,
    tradeoff: Tradeoff | None = None,
    note: str = "",
) -> StatusChange:
    """Move a request to ``new``, writing why. Accepting, planning and declining need the
    trade-off; dropping accepted work and reopening a declined request need the CTO's note."""
    if new not in TRANSITIONS[old]:
        raise InvalidTransitionError(f"a request cannot go from {old} to {new}")
    w = wording(lang)
    note = note.strip()
    quoted_title = quoted(title, lang)
    if new in DECIDED:
        if tradeoff is None or tradeoff.status is not new:
            raise MissingExplanationError(f"moving a request to {new} needs its trade-off")
        text = render(tradeoff, lang)
        if old is RequestStatus.ACCEPTED:
            if new is RequestStatus.DECLINED:
                if not note:
                    raise MissingExplanationError("stopping accepted work needs a note saying why")
                text = w["changes"]["dropped"].format(title=quoted_title)
            else:
                text = w["changes"]["replanned"] + text
    elif new is RequestStatus.DONE:
        text = w["changes"]["done"].format(title=quoted_title)
    else:
        if not note:
            raise MissingExplanationError("reopening a declined request needs a note saying why")
        text = w["changes"]["reopened"].format(title=quoted_title)
    if note:
        text += w["reason"].format(reason=note)
    return StatusChange(title, old, new, on, str(text), lang)
