"""Named errors of the workspace, each with a message in French and English."""

from __future__ import annotations

from passerelle.domain.circles import Bilingual


class PasserelleError(Exception):
    """An error to show to the person, not a bug: it carries both languages."""

    exit_code = 1

    def __init__(self, message: Bilingual) -> None:
        super().__init__(message.en)
        self.message = message

    def text(self, lang: str) -> str:
        return self.message.get(lang)


class DatabaseError(PasserelleError):
    pass


class NewerDatabaseError(DatabaseError):
    """The database was written by a newer Passerelle: refuse rather than damage it."""


class OutdatedDatabaseError(DatabaseError):
    """The database predates this version: ``passerelle db upgrade`` migrates it."""


class DatabaseUnavailableError(DatabaseError):
    """Missing, unreadable or read-only database file, or a server that does not answer."""


class WorkspaceBusyError(DatabaseError):
    """Another process held the database locked for longer than the busy timeout."""


class ConcurrentEditError(DatabaseError):
    """The record changed since it was read: the edit is refused instead of lost."""
