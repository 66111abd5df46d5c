"""Named errors raised by the use cases, each with its message in French and English."""

from __future__ import annotations

from passerelle.domain.circles import Bilingual
from passerelle.store.errors import (
    ConcurrentEditError,
    DatabaseError,
    DatabaseUnavailableError,
    NewerDatabaseError,
    OutdatedDatabaseError,
    PasserelleError,
    WorkspaceBusyError,
)


class NotFoundError(PasserelleError):
    pass


class AmbiguousError(PasserelleError):
    pass


class DuplicateError(PasserelleError):
    pass


class InvalidInputError(PasserelleError):
    exit_code = 2


class InvalidStateError(PasserelleError):
    pass


def invalid(fr: str, en: str) -> InvalidInputError:
    return InvalidInputError(Bilingual(fr, en))


__all__ = [
    "AmbiguousError",
    "ConcurrentEditError",
    "DatabaseError",
    "DatabaseUnavailableError",
    "DuplicateError",
    "InvalidInputError",
    "InvalidStateError",
    "NewerDatabaseError",
    "NotFoundError",
    "OutdatedDatabaseError",
    "PasserelleError",
    "WorkspaceBusyError",
    "invalid",
]
