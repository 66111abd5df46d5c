"""The product's settings, read from the environment (``PASSERELLE_*``) with safe defaults.

The database URL defaults to a SQLite file in the user's data directory (XDG on Linux), so
that ``passerelle`` works with nothing to set up. ``PASSERELLE_DATABASE_URL`` (or ``--db PATH``
on the command line) points it elsewhere, PostgreSQL included.

Nested values use ``__``: ``PASSERELLE_RADAR__DAYS_WITHOUT_ASK=45``,
``PASSERELLE_CADENCES__PEER=21``.
"""

from __future__ import annotations

import locale
import os
from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

Lang = Literal["fr", "en"]


class RadarThresholds(BaseModel):
    """When the radar of frequent mistakes speaks up. Every figure can be overridden."""

    days_without_ask: int = Field(default=45, ge=1, description="no ask sent for this many days")
    window_days: int = Field(
        default=180, ge=1, description="the period the shares are computed over"
    )
    crisis_share: float = Field(default=0.4, ge=0, le=1, description="share of asks sent in crisis")
    min_asks_for_share: int = Field(
        default=3, ge=1, description="fewest asks before a share means much"
    )
    min_peers: int = Field(default=3, ge=0, description="fewer peers than this is a thin circle")
    min_mentors: int = Field(default=1, ge=0, description="fewer mentors than this is a gap")
    learning_grace_days: int = Field(
        default=14, ge=0, description="days after an answer to write it down"
    )
    overdue_grace_days: int = Field(
        default=0, ge=0, description="days late before a contact is overdue"
    )
    answer_wait_days: int = Field(
        default=14, ge=0, description="days an ask may wait for an answer"
    )


class Cadences(BaseModel):
    """Default days between two contacts, per circle; a person may override their own."""

    peer: int = Field(default=30, ge=1)
    mentor: int = Field(default=90, ge=1)
    team: int = Field(default=14, ge=1)
    ceo: int = Field(default=7, ge=1)
    business: int = Field(default=30, ge=1)
    expert: int = Field(default=180, ge=1)
    board: int = Field(default=90, ge=1)

    def as_dict(self) -> dict[str, int]:
        return dict(self.model_dump())


class Planning(BaseModel):
    """The team's capacity for business requests, in job-size points per period."""

    points_per_period: float = Field(default=20, gt=0, description="job-size points per period")
    weeks_per_period: float = Field(default=4, gt=0, description="a period's length in weeks")
    period: Literal["week", "sprint", "month", "quarter"] = "month"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="PASSERELLE_", env_nested_delimiter="__", extra="ignore"
    )

    database_url: str | None = None
    data_dir: Path = Field(default_factory=lambda: platformdirs.user_data_path("passerelle"))
    lang: Lang | None = None
    busy_timeout_ms: int = Field(default=5000, ge=0)
    radar: RadarThresholds = Field(default_factory=RadarThresholds)
    cadences: Cadences = Field(default_factory=Cadences)
    # The trust model's weights and half-lives per kind of evidence, e.g.
    # PASSERELLE_TRUST__BROKEN__WEIGHT=6 (domain.trust.TrustParams; defaults in docs/trust.md).
    trust: dict[str, dict[str, float]] = Field(default_factory=dict)
    # The review's trust signal thresholds, e.g. PASSERELLE_TRUST_SIGNALS__TRUST_LOW=0.35
    # (domain.trust_signals.Thresholds).
    trust_signals: dict[str, float] = Field(default_factory=dict)
    planning: Planning = Field(default_factory=Planning)

    @property
    def url(self) -> str:
        """The database URL in use: the explicit one, else the SQLite file in the data dir."""
        if self.database_url:
            return self.database_url
        return sqlite_url(self.data_dir / "passerelle.sqlite")

    @property
    def ui_lang(self) -> Lang:
        """The interface language: ``PASSERELLE_LANG``, else the locale, else English."""
        if self.lang:
            return self.lang
        for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
            value = os.environ.get(name, "")
            if value:
                return "fr" if value.lower().startswith("fr") else "en"
        code = locale.getlocale()[0] or ""
        return "fr" if code.lower().startswith("fr") else "en"

    def with_db(self, path: Path | str | None) -> Settings:
        """A copy pointing at ``path`` (a file path or a full URL), or self when it is None."""
        if path is None:
            return self
        text = str(path)
        url = text if "://" in text else sqlite_url(Path(text))
        return self.model_copy(update={"database_url": url})


def sqlite_url(path: Path) -> str:
    return f"sqlite+pysqlite:///{path.expanduser().absolute()}"
