"""The read policy (``domain.visibility``) as the services use it: a reader's role from its
name, the visibilities to put in a query, and a named error when a whole read path is the
owner's (trust, the weekly review, the backup).

Every service read function takes a ``reader`` (a ``Role``, the owner by default) and asks
``allowed`` for the visibilities of the kind of record it reads, so the filter is part of the
query: records a reader may not read are never loaded.
"""

from __future__ import annotations

from passerelle.domain.circles import Bilingual
from passerelle.domain.visibility import (
    Kind,
    ReadRefusedError,
    Role,
    UnknownRoleError,
    hidden_circles,
    values,
)
from passerelle.domain.visibility import require as require_kind
from passerelle.domain.visibility import role_of as parse_role
from passerelle.services.errors import InvalidInputError, PasserelleError

OWNER = Role.OWNER


class AccessRefusedError(PasserelleError):
    """This reader never reads this kind of record (exit code 3)."""

    exit_code = 3

    def __init__(self, message: Bilingual, role: Role, kind: Kind) -> None:
        super().__init__(message)
        self.role = role
        self.kind = kind


def role_of(text: str | Role) -> Role:
    """A reader's role from its name (owner, member, stakeholder); bad input otherwise."""
    try:
        return parse_role(text)
    except UnknownRoleError as error:
        raise InvalidInputError(Bilingual(error.fr, error.en)) from None


def require(reader: Role, kind: Kind) -> None:
    """Refuse a read path that returns only ``kind`` records to a reader who never reads them."""
    try:
        require_kind(reader, kind)
    except ReadRefusedError as error:
        raise AccessRefusedError(Bilingual(error.fr, error.en), reader, kind) from None


def allowed(reader: Role, kind: Kind) -> tuple[str, ...]:
    """The visibility column values ``reader`` may read for ``kind`` (empty: none)."""
    return values(reader, kind)


def circles_hidden(reader: Role) -> tuple[str, ...]:
    """The circles whose people ``reader`` never reads, for a query's ``NOT IN``."""
    return tuple(sorted(hidden_circles(reader)))


__all__ = [
    "OWNER",
    "AccessRefusedError",
    "Kind",
    "Role",
    "allowed",
    "circles_hidden",
    "require",
    "role_of",
]
