"""``passerelle check`` and ``passerelle explain``: exit codes, formats, inputs, configuration."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from passerelle.cli.app import _register, app

_register()
runner = CliRunner()


def run(*args: str, stdin: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=stdin)


@pytest.fixture(autouse=True)
def rule_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test session gets its own cache of compiled rules, never the user's."""
    folder = tmp_path_factory.getbasetemp() / "rule-cache"
    monkeypatch.setenv("PASSERELLE_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def memo(tmp_path: Path) -> Path:
    path = tmp_path / "memo.md"
    path.write_text(
        "# Point\n\nOn migre sur Kubernetes.\nCe sera prêt vendredi, c'est garanti.\n",
        encoding="utf-8",
    )
    return path


def test_text_output_is_path_line_column(memo: Path) -> None:
    result = run("check", str(memo), "--no-color")
    assert result.exit_code == 1  # an over-promise is an error
    lines = result.stdout.splitlines()
    assert f"{memo}:3:14: warning [fr.jargon.kubernetes]" in lines[0]
    assert any(f"{memo}:4:" in line and "error [fr.overpromise" in line for line in lines)


def test_clean_text_exits_zero(tmp_path: Path) -> None:
    path = tmp_path / "ok.txt"
    path.write_text("Nous visons vendredi pour la nouvelle offre.\n", encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""


def test_json_follows_the_documented_contract(memo: Path) -> None:
    result = run("check", str(memo), "--format", "json")
    data = json.loads(result.stdout)
    assert set(data) == {"files", "summary"}
    [file] = data["files"]
    assert set(file) == {"path", "lang", "readability", "findings"}
    assert file["lang"] == "fr"
    finding = file["findings"][0]
    assert set(finding) == {
        "rule",
        "category",
        "level",
        "line",
        "column",
        "offset",
        "length",
        "match",
        "message",
        "suggestion",
    }
    text = memo.read_text(encoding="utf-8")
    for f in file["findings"]:
        assert text[f["offset"] : f["offset"] + f["length"]] == f["match"]
    assert data["summary"] == {"files": 1, "errors": 1, "warnings": 1, "suggestions": 0}


def test_stdin_and_tech_audience() -> None:
    result = run("check", "-", "--audience", "tech", stdin="Le rollback est prêt.\n")
    assert result.exit_code == 0
    assert result.stdout == ""


def test_folders_are_walked_for_prose(tmp_path: Path, memo: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("The rollback is ready.\n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    result = run("check", str(tmp_path), "--format", "json")
    paths = sorted(Path(f["path"]).name for f in json.loads(result.stdout)["files"])
    assert paths == ["b.txt", "memo.md"]


def test_invalid_utf8_says_which_byte(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(b"Bonjour\nd\xe9j\xe0 vu\n")
    result = run("check", str(path))
    assert result.exit_code == 2
    assert "invalid UTF-8 at byte 9 (line 2, byte 0xe9)" in result.stderr


def test_missing_file_is_a_usage_error_and_others_are_still_checked(memo: Path) -> None:
    result = run("check", "nowhere.md", str(memo))
    assert result.exit_code == 2
    assert "nowhere.md: no such file or folder" in result.stderr
    assert "fr.jargon.kubernetes" in result.stdout


def test_unknown_option_is_a_usage_error() -> None:
    assert run("check", "--colour-me-pink").exit_code == 2


def test_files_over_the_size_limit_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * (1024 * 1024 + 10))
    result = run("check", str(path), "--max-size", "1")
    assert result.exit_code == 2
    assert "larger than 1 MB" in result.stderr


def test_min_score_gates_readability(tmp_path: Path) -> None:
    path = tmp_path / "dense.md"
    path.write_text(" ".join(["Réorganisation institutionnelle opérationnelle."] * 20))
    assert run("check", str(path), "--min-score", "70").exit_code == 1


def test_configuration_is_found_upwards(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.passerelle]\naccept = ["Kubernetes"]\ndisable = ["overpromise"]\n'
    )
    (tmp_path / "docs").mkdir()
    path = tmp_path / "docs" / "memo.md"
    path.write_text("On migre sur Kubernetes, c'est garanti.\n", encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""


def test_a_malformed_rule_file_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "passerelle.toml").write_text('[check]\nrules = ["house"]\n')
    plain = tmp_path / "house" / "fr" / "plain"
    plain.mkdir(parents=True)
    (plain / "bad.yaml").write_text("rules:\n  - id: [oops\n")
    (tmp_path / "memo.md").write_text("Bonjour à toutes et à tous.\n")
    result = run("check", str(tmp_path / "memo.md"), "--lang", "fr")
    assert result.exit_code == 2
    assert f"{plain / 'bad.yaml'}:3: malformed YAML" in result.stderr


def test_a_bad_configuration_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "passerelle.toml").write_text("[check]\nmax_wrds = 3\n")
    (tmp_path / "memo.md").write_text("Bonjour.\n")
    result = run("check", str(tmp_path / "memo.md"))
    assert result.exit_code == 2
    assert "unknown setting(s): max_wrds" in result.stderr


def test_explain_rewrites_for_business_readers(memo: Path) -> None:
    result = run("explain", str(memo))
    assert result.exit_code == 0
    assert "Kubernetes (" in result.stdout
    notes = run("explain", str(memo), "--style", "notes")
    assert "Kubernetes[1]" in notes.stdout


def test_explain_missing_file() -> None:
    result = run("explain", "nowhere.md")
    assert result.exit_code == 2
    assert "nowhere.md" in result.stderr


def test_compiled_rules_are_cached_and_a_corrupt_cache_is_rebuilt(
    memo: Path, rule_cache: Path
) -> None:
    assert run("check", str(memo)).exit_code == 1
    [cached] = rule_cache.glob("rules-fr-*.pickle")
    cached.write_bytes(b"not a pickle")
    from passerelle.analysis.engine import compiled

    compiled.cache_clear()
    result = run("check", str(memo), "--no-color")
    assert result.exit_code == 1
    assert "fr.jargon.kubernetes" in result.stdout
    assert cached.read_bytes() != b"not a pickle"


@pytest.mark.slow
def test_the_installed_command_runs_as_a_process(memo: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "passerelle", "check", str(memo), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert json.loads(done.stdout)["summary"]["errors"] == 1
