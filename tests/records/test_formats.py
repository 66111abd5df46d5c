"""Each format read from the fixture folders in tests/data/records, field by field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from passerelle.domain.circles import Visibility
from passerelle.domain.decisions import Decision, Status
from passerelle.domain.delegation import DelegationLevel
from passerelle.records import Format, Outcome, RecordResult, parse_record, read_folder

DATA = Path(__file__).resolve().parents[1] / "data" / "records"


def read(folder: str) -> dict[str, RecordResult]:
    return {Path(r.source).stem: r for r in read_folder(DATA / folder).results}


def decision(result: RecordResult) -> Decision:
    assert result.outcome is Outcome.READ, result.problems
    assert result.decision is not None
    return result.decision


def test_madr4_front_matter_body_and_business_rendering() -> None:
    r = read("madr4")["2026-03-02-use-postgresql-for-the-workspace"]
    d = decision(r)
    assert r.format is Format.MADR4
    assert d.id == "2026-03-02-use-postgresql-for-the-workspace"
    assert d.title == "Use PostgreSQL for the team workspace"
    assert (d.status, d.date) == (Status.ACCEPTED, dt.date(2026, 3, 2))
    assert d.deciders == ("Camille Martin", "Équipe Données")
    assert d.consulted == ("Léa Dupont",)
    assert d.informed == ("Direction financière", "CEO")  # a comma-separated string
    assert d.delegation_level is DelegationLevel.ADVISE
    assert d.area == "Choix des bases de données"
    assert d.review_on == dt.date(2026, 9, 1)
    assert d.visibility is Visibility.TEAM
    assert d.drivers[0] == "Several stateless workers write at once"
    assert [o.title for o in d.options] == ["PostgreSQL", "SQLite on a shared disk"]
    sqlite = d.options[1]
    assert sqlite.description == "Network file systems break SQLite's locking."
    assert sqlite.pros == ("there is nothing to install",)
    assert sqlite.cons == ("locks are unreliable over the network",)
    assert d.chosen_option == "PostgreSQL"
    assert d.rationale.startswith("it is the only option that takes concurrent writers\nwithout")
    assert d.consequences.startswith("* Good, because backups")
    assert d.business.cost == "No licence; about two days of setup."
    assert d.business.timing == "Ready before the end of March."
    assert r.problems == ()


def test_madr3_deciders_key_and_superseded_status_link() -> None:
    folder = read("madr4")
    old = decision(folder["2026-04-10-keep-sqlite-for-laptops"])
    new = decision(folder["2026-05-20-one-database-file-per-laptop"])
    assert folder["2026-04-10-keep-sqlite-for-laptops"].format is Format.MADR3
    assert old.deciders == ("Camille Martin",)
    assert old.status is Status.SUPERSEDED
    assert old.superseded_by == new.id
    assert new.supersedes == (old.id,)


def test_readme_and_template_are_skipped_not_failed() -> None:
    report = read_folder(DATA / "madr4")
    assert report.counts() == {"read": 3, "skipped": 2, "failed": 0}
    assert {r.source for r in report.of(Outcome.SKIPPED)} == {"README.md", "adr-template.md"}


def test_madr2_header_list_and_split_consequences() -> None:
    folder = read("madr2")
    d = decision(folder["0001-choose-a-message-broker"])
    assert folder["0001-choose-a-message-broker"].format is Format.MADR2
    assert d.id == "2025-11-03-choose-a-message-broker"  # the number gives way to the date
    assert d.deciders == ("Paul Girard", "Ana Souza")
    assert d.context.startswith("Technical Story: ticket 42\n\nOrders must reach")
    assert "Positive Consequences:\n\n* One broker" in d.consequences
    assert "Negative Consequences:\n\n* No replay" in d.consequences
    assert d.options[0].cons == ("messages are gone once read",)
    assert "**Links**" in d.more_information  # a link that is not a supersede link is kept


def test_french_status_and_tags() -> None:
    r = read("madr2")["0002-retry-policy"]
    d = decision(r)
    assert d.status is Status.PROPOSED
    assert d.tags == ("messaging", "reliability")
    assert not r.warnings  # "proposée" is a status name, not an alias


def test_log4brains_supersede_both_ways_and_draft_alias() -> None:
    folder = read("log4brains")
    old = decision(folder["20240602-release-on-fridays-only"])
    new = decision(folder["20250114-use-feature-flags"])
    assert folder["20250114-use-feature-flags"].format is Format.LOG4BRAINS
    assert old.superseded_by == new.id == "2025-01-14-use-feature-flags"
    assert new.supersedes == ("2024-06-02-release-on-fridays-only",)
    draft = folder["20250301-draft-idea"]
    assert decision(draft).status is Status.PROPOSED
    assert [p.code for p in draft.warnings] == ["status-alias"]
    assert draft.warnings[0].line == 3
    assert decision(draft).date == dt.date(2025, 3, 1)  # from the file name
    assert {k for k, v in folder.items() if v.outcome is Outcome.SKIPPED} == {"index", "template"}


def test_nygard_numbered_title_status_section_and_links() -> None:
    folder = read("nygard")
    first = decision(folder["0001-record-architecture-decisions"])
    assert folder["0001-record-architecture-decisions"].format is Format.NYGARD
    assert first.title == "Record architecture decisions"
    assert first.rationale == "We will keep decision records, one Markdown file each."
    assert first.consequences == "Anyone can read why things are the way they are."
    scripts = decision(folder["0002-deploy-with-scripts"])
    pipeline = decision(folder["0003-deploy-with-a-pipeline"])
    assert scripts.superseded_by == pipeline.id == "2024-09-15-deploy-with-a-pipeline"
    assert pipeline.supersedes == (scripts.id,)
    assert "Amended by" in pipeline.more_information
    assert "Supersedes" not in pipeline.more_information


@pytest.mark.parametrize(
    ("name", "code", "line", "words"),
    [
        ("0001", "no-title", 0, "no title"),
        ("2025-01-01-malformed-yaml", "malformed-yaml", 4, "malformed YAML"),
        ("2025-01-02-unknown-status", "unknown-status", 3, "maybe later"),
        ("2025-01-03-superseded-by-a-ghost", "supersede-target-missing", 3, "20250105-ghost"),
        ("2025-01-04-just-notes", "not-a-record", 0, "no decision record structure"),
        ("2025-01-06-front-matter-not-closed", "front-matter-open", 1, "never closed"),
    ],
)
def test_broken_files_fail_with_a_named_located_reason(
    name: str, code: str, line: int, words: str
) -> None:
    r = read("broken")[name]
    assert r.outcome is Outcome.FAILED
    assert r.decision is None  # nothing half-read
    error = r.errors[-1]
    assert (error.code, error.line) == (code, line)
    assert words in error.describe("en")
    assert error.message.fr and error.message.fr != error.message.en


def test_a_cycle_fails_its_members_only() -> None:
    report = read_folder(DATA / "cycle")
    failed = {r.source for r in report.of(Outcome.FAILED)}
    assert failed == {"20250201-first.md", "20250202-second.md"}
    assert all(r.errors[-1].code == "supersede-cycle" for r in report.of(Outcome.FAILED))
    assert [d.id for d in report.decisions] == ["2025-02-03-outside"]


def test_no_title_but_a_telling_file_name_is_read_with_a_warning() -> None:
    text = "- Status: accepted\n- Date: 2025-01-01\n\n## Context and Problem Statement\n\nX.\n"
    r = parse_record(text, "20250101-cache-the-catalogue.md")
    assert decision(r).title == "Cache the catalogue"
    assert [p.code for p in r.warnings] == ["title-from-file-name"]


def test_heading_inside_a_code_fence_is_not_a_section() -> None:
    text = (
        "---\nstatus: accepted\n---\n# Real title\n\n## Context and Problem Statement\n\n"
        "```markdown\n# Not a title\n## Decision Outcome\n```\n"
    )
    d = decision(parse_record(text, "x.md"))
    assert d.title == "Real title"
    assert "## Decision Outcome" in d.context
    assert d.rationale == ""


def test_key_and_hash_make_a_second_import_recognisable() -> None:
    text = (DATA / "nygard" / "0001-record-architecture-decisions.md").read_text()
    first = parse_record(text, "adr/0001-record-architecture-decisions.md")
    again = parse_record(text, "adr/0001-record-architecture-decisions.md")
    edited = parse_record(text + "\nMore.\n", "adr/0001-record-architecture-decisions.md")
    assert first.key == "adr/0001-record-architecture-decisions"
    assert (first.key, first.content_hash) == (again.key, again.content_hash)
    assert edited.key == first.key and edited.content_hash != first.content_hash
