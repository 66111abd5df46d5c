"""Settings: environment overrides, --db, and every setting documented in docs/workspace.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from passerelle.settings import Cadences, RadarThresholds, Settings

DOC = (Path(__file__).resolve().parents[2] / "docs" / "workspace.md").read_text(encoding="utf-8")


def test_default_is_a_sqlite_file_in_the_data_dir(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    assert settings.url == f"sqlite+pysqlite:///{tmp_path / 'passerelle.sqlite'}"


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PASSERELLE_DATABASE_URL", "postgresql+psycopg://u:p@h/db")
    monkeypatch.setenv("PASSERELLE_RADAR__DAYS_WITHOUT_ASK", "60")
    monkeypatch.setenv("PASSERELLE_CADENCES__PEER", "21")
    monkeypatch.setenv("PASSERELLE_LANG", "fr")
    settings = Settings()
    assert settings.url == "postgresql+psycopg://u:p@h/db"
    assert settings.radar.days_without_ask == 60
    assert settings.cadences.peer == 21 and settings.cadences.mentor == 90
    assert settings.ui_lang == "fr"


def test_db_option_takes_a_path_or_a_url(tmp_path: Path) -> None:
    base = Settings(database_url="sqlite:///elsewhere.sqlite")
    assert base.with_db(None) is base
    assert base.with_db(tmp_path / "w.sqlite").url.endswith(f"{tmp_path}/w.sqlite")
    assert base.with_db("postgresql+psycopg://h/db").url == "postgresql+psycopg://h/db"


def test_bad_values_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PASSERELLE_RADAR__CRISIS_SHARE", "3")
    with pytest.raises(ValueError, match="crisis_share"):
        Settings()


@pytest.mark.parametrize("name", [*RadarThresholds.model_fields, *Cadences.model_fields])
def test_every_setting_is_documented(name: str) -> None:
    if name in RadarThresholds.model_fields:
        assert f"`PASSERELLE_RADAR__{name.upper()}`" in DOC, name
    else:  # the cadences share one row: each variable suffix and its default are named
        assert f"`__{name.upper()}`" in DOC or f"`PASSERELLE_CADENCES__{name.upper()}`" in DOC
        assert f"{name} {Cadences().as_dict()[name]}" in DOC, name


@pytest.mark.parametrize("name", ["database_url", "data_dir", "lang", "busy_timeout_ms"])
def test_every_top_level_setting_is_documented(name: str) -> None:
    assert f"PASSERELLE_{name.upper()}" in DOC
