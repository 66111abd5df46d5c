"""Rule files that cannot be used are refused with the file and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from passerelle.analysis.rules import RuleError, load_folder, load_rules

GOOD = """\
rules:
  - id: fr.house.rule
    kind: existence
    category: jargon
    level: warning
    message: m
    source: s
    tokens: [bidule]
    examples: {fail: [un bidule], pass: [un truc]}
"""


def _write(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "fr" / "plain"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "house.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_a_good_file_loads(tmp_path: Path) -> None:
    _write(tmp_path, GOOD)
    [rule] = load_folder(tmp_path / "fr", "fr")
    assert rule.head.id == "fr.house.rule"
    assert rule.head.line == 2


@pytest.mark.parametrize(
    ("body", "line", "reason"),
    [
        ("rules:\n  - id: [unclosed\n", 3, "malformed YAML"),
        (GOOD.replace("    level: warning\n", ""), 2, "missing field 'level'"),
        (GOOD.replace("kind: existence", "kind: magic"), 2, "'kind' is 'magic'"),
        (GOOD.replace("level: warning", "level: fatal"), 2, "'level' is 'fatal'"),
        (GOOD.replace("tokens: [bidule]", "patterns: ['(unclosed']"), 2, "invalid pattern"),
        (GOOD.replace("id: fr.house.rule", "id: en.house.rule"), 2, "must start with"),
        (GOOD.replace("    tokens: [bidule]\n", ""), 2, "needs 'tokens' or 'patterns'"),
        ("just text\n", 0, "must be a mapping"),
    ],
)
def test_errors_name_the_file_and_line(tmp_path: Path, body: str, line: int, reason: str) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(RuleError) as caught:
        load_folder(tmp_path / "fr", "fr")
    assert caught.value.path == str(path)
    assert caught.value.line == line
    assert reason in caught.value.reason
    assert str(caught.value).startswith(f"{path}:{line}:")


def test_invalid_utf8_names_the_byte(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD)
    path.write_bytes(GOOD.encode() + b"# caf\xe9\n")
    with pytest.raises(RuleError, match=r"invalid UTF-8 at byte \d+"):
        load_folder(tmp_path / "fr", "fr")


def test_a_user_rule_cannot_reuse_a_built_in_id(tmp_path: Path) -> None:
    _write(tmp_path, GOOD.replace("fr.house.rule", "fr.overpromise.guarantee"))
    with pytest.raises(RuleError, match="duplicate rule id"):
        load_rules("fr", (tmp_path,))
