"""Who may read what: the workspace's one read policy.

Every record carries a visibility (``private``: the owner only, ``team``: the tech team too,
``business``: business partners too). A reader has a role: the CTO (``owner``), the tech team
(``member``) or business partners (``stakeholder``). A role reads the visibilities of
``READABLE``, except the kinds of record in ``NEVER``, which it never reads whatever their
visibility (trust data, asks, interactions and private notes stay with the owner), and, for a
stakeholder, the people of the circles in ``HIDDEN_CIRCLES`` (mentors and peer CTOs).

Every read path (listing, show, search, export, digest, review) asks ``visible`` for the
visibilities to put in its query, or ``require`` when the whole path is the owner's.
The table is documented in ``docs/visibility.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType


class Visibility(StrEnum):
    """Who may read a record: the owner only, the tech team too, or business partners too.
    The values are the store's column values: never rename them."""

    PRIVATE = "private"
    TEAM = "team"
    BUSINESS = "business"


class Role(StrEnum):
    """Who reads."""

    OWNER = "owner"  # the CTO: everything
    MEMBER = "member"  # the tech team
    STAKEHOLDER = "stakeholder"  # business partners: CEO, directors, board


class Kind(StrEnum):
    """The kinds of record a read path returns."""

    DECISION = "decision"
    DELEGATION = "delegation"  # the delegation board's areas and holders
    PERSON = "person"
    INTERACTION = "interaction"
    ASK = "ask"
    ANSWER = "answer"
    LEARNING = "learning"
    COMMITMENT = "commitment"
    COMMUNICATION = "communication"
    REQUEST = "request"
    OBJECTIVE = "objective"
    DIGEST = "digest"
    NOTE = "note"  # the owner's free notes on a record (a person's notes)
    TRUST = "trust"  # trust scores, trust events, surprises, the trust part of the review
    REVIEW = "review"  # the owner's weekly review
    BACKUP = "backup"  # the whole workspace, every table


READABLE: Mapping[Role, frozenset[Visibility]] = MappingProxyType(
    {
        Role.OWNER: frozenset(Visibility),
        Role.MEMBER: frozenset({Visibility.TEAM, Visibility.BUSINESS}),
        Role.STAKEHOLDER: frozenset({Visibility.BUSINESS}),
    }
)

# Kinds a role never reads, whatever the record's visibility.
NEVER: Mapping[Role, frozenset[Kind]] = MappingProxyType(
    {
        Role.OWNER: frozenset(),
        Role.MEMBER: frozenset({Kind.TRUST, Kind.NOTE, Kind.REVIEW, Kind.BACKUP}),
        Role.STAKEHOLDER: frozenset(
            {
                Kind.TRUST,
                Kind.ASK,
                Kind.ANSWER,
                Kind.INTERACTION,
                Kind.NOTE,
                Kind.REVIEW,
                Kind.BACKUP,
            }
        ),
    }
)

# Circles whose people a role never reads (the circle values of ``domain.circles.Circle``).
HIDDEN_CIRCLES: Mapping[Role, frozenset[str]] = MappingProxyType(
    {
        Role.OWNER: frozenset(),
        Role.MEMBER: frozenset(),
        Role.STAKEHOLDER: frozenset({"mentor", "peer"}),
    }
)

ROLES_TEXT = ", ".join(r.value for r in Role)


class VisibilityError(ValueError):
    """Base of the policy's refusals."""

    def __init__(self, fr: str, en: str) -> None:
        super().__init__(en)
        self.fr = fr
        self.en = en


class UnknownRoleError(VisibilityError):
    """A role name that is not owner, member or stakeholder."""

    def __init__(self, text: str) -> None:
        super().__init__(
            f"Rôle inconnu : {text!r} ({ROLES_TEXT}).", f"Unknown role: {text!r} ({ROLES_TEXT})."
        )


KIND_LABELS: Mapping[Kind, tuple[str, str]] = MappingProxyType(
    {
        Kind.TRUST: ("la confiance", "trust"),
        Kind.REVIEW: ("la revue hebdomadaire", "the weekly review"),
        Kind.BACKUP: ("la sauvegarde de l’espace", "the workspace backup"),
        Kind.ASK: ("les demandes d’aide", "asks for help"),
        Kind.ANSWER: ("les réponses aux demandes", "answers to asks"),
        Kind.INTERACTION: ("les échanges", "interactions"),
        Kind.NOTE: ("les notes privées", "private notes"),
    }
)


class ReadRefusedError(VisibilityError):
    """A role asked for a kind of record it never reads."""

    def __init__(self, role: Role, kind: Kind) -> None:
        fr, en = KIND_LABELS.get(kind, (kind.value, kind.value))
        super().__init__(
            f"Lecture refusée : {fr} est réservé(e) au propriétaire (rôle {role.value}).",
            f"Read refused: {en} is for the owner only (role {role.value}).",
        )
        self.role = role
        self.kind = kind


def role_of(text: str | Role) -> Role:
    """The role a name stands for, case and spaces aside."""
    try:
        return Role(str(text).strip().lower())
    except ValueError:
        raise UnknownRoleError(str(text)) from None


def readable(role: Role) -> frozenset[Visibility]:
    """The visibilities a role may read, for any kind it reads at all."""
    return READABLE[role]


def never(role: Role, kind: Kind) -> bool:
    """Whether ``role`` never reads records of ``kind``, whatever their visibility."""
    return kind in NEVER[role]


def visible(role: Role, kind: Kind) -> frozenset[Visibility]:
    """The visibilities of ``kind`` records ``role`` may read; empty when it reads none."""
    return frozenset() if never(role, kind) else READABLE[role]


def values(role: Role, kind: Kind) -> tuple[str, ...]:
    """``visible`` as sorted column values, ready for a query's ``IN``."""
    return tuple(sorted(v.value for v in visible(role, kind)))


def hidden_circles(role: Role) -> frozenset[str]:
    """The circles whose people ``role`` never reads."""
    return HIDDEN_CIRCLES[role]


def may_read(role: Role, kind: Kind, visibility: str, *, circle: str | None = None) -> bool:
    """Whether ``role`` may read one record of ``kind`` at ``visibility`` (``circle``: the
    person's circle, for people)."""
    if circle is not None and circle in hidden_circles(role):
        return False
    try:
        seen = Visibility(visibility)
    except ValueError:
        return role is Role.OWNER  # a value the policy does not know: the owner's only
    return seen in visible(role, kind)


def require(role: Role, kind: Kind) -> None:
    """Refuse, with ``ReadRefusedError``, a read path that returns only ``kind`` records
    when ``role`` never reads them (trust, the review, the backup)."""
    if never(role, kind):
        raise ReadRefusedError(role, kind)
