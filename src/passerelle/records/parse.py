"""Read one Markdown decision record (MADR 4, 3, 2, log4brains, Nygard) into a ``Decision``.

``parse_record(text, source)`` never raises on bad input: it returns a result that says whether
the file was read, skipped (a README, an index, a template) or failed, with each problem named
and located. Supersede links are kept as written (``links``); the folder reader resolves them
across files. Pure: text in, values out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import PurePosixPath
from typing import Any

import yaml

from passerelle.domain.circles import Bilingual
from passerelle.domain.decisions import Decision, DecisionError, Status
from passerelle.records import body, fields
from passerelle.records import markdown as md
from passerelle.records.reading import FailError, RecordReader, SkipError, error
from passerelle.records.results import Format, Outcome, Problem, RecordResult, Severity
from passerelle.records.stems import DATE_STEM, id_from_stem, is_skipped_name, record_key, stem_date

B = Bilingual
# The safe loader (no arbitrary objects), in its C version when libyaml is there.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_NYGARD_TITLE = re.compile(r"^(\d+)\.\s+(.+)$")
# "[short title of solved problem]", "{short title, representative of...}": a template's title.
_PLACEHOLDER = re.compile(r"^(?:\[[^\[\]]*\s[^\[\]]*\]|\{[^{}]*\s[^{}]*\})$")
FRONT_MATTER_KEYS = ("status", "date", "decision-makers", "deciders", "consulted", "informed")


def _load_yaml(text: str) -> Any:
    try:
        return yaml.load(text, Loader=_SAFE_LOADER)
    except yaml.YAMLError:
        # The pure-Python loader points at the faulty line more precisely: ask it why.
        return yaml.safe_load(text)


def content_hash(text: str) -> str:
    """The sha256 of a record's text, to tell an unchanged file."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def parse_record(text: str, source: str) -> RecordResult:
    path = PurePosixPath(source)
    key = record_key(source)
    digest = content_hash(text)
    if is_skipped_name(path.stem):
        why = B(
            "pas une décision (README, index ou modèle)",
            "not a decision (README, index or template)",
        )
        problem = Problem("not-a-decision", Severity.WARNING, why)
        return RecordResult(source, Outcome.SKIPPED, key, digest, problems=(problem,))
    reader = _Reader(text, path.stem)
    try:
        decision, fmt = reader.read()
    except FailError as failed:
        return RecordResult(
            source,
            Outcome.FAILED,
            key,
            digest,
            problems=(*reader.problems, failed.problem),
        )
    except SkipError as skip:
        problem = Problem("not-a-decision", Severity.WARNING, skip.why)
        return RecordResult(source, Outcome.SKIPPED, key, digest, problems=(problem,))
    return RecordResult(
        source,
        Outcome.READ,
        key,
        digest,
        fmt,
        decision,
        tuple(reader.links),
        tuple(reader.problems),
    )


class _Reader(RecordReader):
    # --- the whole file -------------------------------------------------------------------

    def read(self) -> tuple[Decision, Format]:
        meta, content = self.front_matter()
        lines = content.split("\n")
        marks = md.headings(content)
        title_mark = next((h for h in marks if h.level == 1), None)
        top = md.split(lines, marks, 0, len(lines), 2)
        preamble = top[0]
        sections = {s.key: s for s in reversed(top[1:])}  # the first of a name wins
        header = self.header_list(preamble, title_mark)
        nygard_date = self.nygard_date(preamble, title_mark)

        title = self.title(title_mark)
        fmt = self.detect(meta, header, nygard_date, title_mark, sections)
        if fmt is None:
            raise error(
                "not-a-record",
                "aucune structure de décision : ni statut, ni date, ni section de décision",
                "no decision record structure: no status, no date, no decision section",
            )
        on = self.read_date(meta, header, nygard_date)
        status_text, status_line = self.status_text(meta, header, sections)
        deciders = fields.names(
            self, meta.get("decision-makers", meta.get("deciders")), "decision-makers"
        )
        deciders = deciders or fields.split_names(
            header.get("deciders", header.get("decision-makers"))
        )
        drivers = tuple(t for t, _ in md.list_items(body.lines_of(sections, "decision drivers")))
        context = body.context(preamble, title_mark, sections)
        options = body.options(sections)
        chosen, rationale, consequences, extra = body.outcome(sections, options)
        more = body.more_information(top[1:], extra)
        status = self.status(status_text, status_line, bool(chosen or rationale))
        superseded_by = self.supersede_links(status_text, status_line, meta, sections)
        if status is Status.SUPERSEDED and superseded_by is None:
            raise error(
                "supersede-target-missing",
                "statut « remplacée » sans lien vers la décision qui la remplace",
                "status 'superseded' with no link to the decision that replaces it",
                status_line,
            )
        supersedes = tuple(
            id_from_stem(link.target, None) for link in self.links if link.kind == "supersedes"
        )
        try:
            decision = Decision(
                id=id_from_stem(self.stem, on),
                title=title,
                status=status,
                date=on,
                context=context,
                drivers=drivers,
                options=options,
                chosen_option=chosen,
                rationale=rationale,
                consequences=consequences,
                deciders=deciders,
                consulted=fields.names(self, meta.get("consulted"), "consulted")
                or fields.split_names(header.get("consulted")),
                informed=fields.names(self, meta.get("informed"), "informed")
                or fields.split_names(header.get("informed")),
                area=md.normalize_line(str(meta.get("area") or "")),
                delegation_level=fields.level(self, meta.get("delegation-level")),
                review_on=fields.meta_date(self, meta, "review-date"),
                tags=fields.names(self, meta.get("tags"), "tags")
                or fields.split_tags(header.get("tags")),
                visibility=fields.visibility(self, meta.get("visibility")),
                history=fields.history(self, meta.get("status-history")),
                supersedes=tuple(dict.fromkeys(supersedes)),
                superseded_by=superseded_by,
                business=body.business(sections),
                more_information=more,
                share_override=md.normalize_text(str(meta.get("share-override") or "")),
            )
        except DecisionError as invalid:
            raise FailError(Problem("invalid-decision", Severity.ERROR, invalid.message)) from None
        return decision, fmt

    def front_matter(self) -> tuple[dict[str, Any], str]:
        text = self.text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
        if not text.startswith("---\n"):
            return {}, text
        lines = text.split("\n")
        end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
        if end is None:
            raise error(
                "front-matter-open",
                "l’en-tête YAML ouvert par « --- » n’est jamais fermé",
                "the YAML front matter opened with '---' is never closed",
                1,
            )
        try:
            data = _load_yaml("\n".join(lines[1:end]))
        except yaml.YAMLError as bad:
            mark = getattr(bad, "problem_mark", None)
            line = mark.line + 2 if mark is not None else 1
            what = getattr(bad, "problem", None) or str(bad).split("\n")[0]
            raise error(
                "malformed-yaml",
                f"en-tête YAML illisible : {what}",
                f"malformed YAML front matter: {what}",
                line,
            ) from None
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise error(
                "front-matter-not-mapping",
                "l’en-tête YAML doit être une liste de clés et de valeurs",
                "the YAML front matter must be a mapping of keys to values",
                2,
            )
        self.offset = end + 1
        return {str(k).casefold(): v for k, v in data.items()}, "\n".join(lines[end + 1 :])

    def title(self, mark: md.Heading | None) -> str:
        if mark is not None and mark.text:
            text = md.normalize_line(mark.text)
            if not mark.escaped and _PLACEHOLDER.match(text):
                raise SkipError(
                    B("un modèle de décision, pas une décision", "a template, not a decision")
                )
            nygard = None if self.offset else _NYGARD_TITLE.match(text)
            return nygard.group(2) if nygard else text
        words = re.findall(r"[^\W_]+", DATE_STEM.sub(r"\4", self.stem))
        words = words[1:] if words and words[0].isdigit() else words
        if not words or all(w.isdigit() for w in words):
            raise error(
                "no-title",
                "pas de titre : ni ligne « # Titre », ni nom de fichier parlant",
                "no title: no '# Title' line, and the file name says nothing",
            )
        title = " ".join(words)
        self.warn(
            "title-from-file-name",
            f"pas de ligne « # Titre » ; titre tiré du nom du fichier : « {title} »",
            f"no '# Title' line; title taken from the file name: '{title}'",
        )
        return title[:1].upper() + title[1:]

    # --- metadata -------------------------------------------------------------------------

    def header_list(self, preamble: md.Section, title: md.Heading | None) -> dict[str, str]:
        found: dict[str, str] = {}
        for n, line in enumerate(preamble.lines):
            m = body.HEADER.match(line)
            if m:
                found.setdefault(
                    m.group(1).casefold().replace(" ", "-"), _strip_comment(m.group(2))
                )
                self.header_lines.setdefault(m.group(1).casefold(), self.offset + n + 1)
        return found

    def nygard_date(self, preamble: md.Section, title: md.Heading | None) -> str | None:
        for line in preamble.lines:
            m = body.DATE_LINE.match(line)
            if m:
                return m.group(1).strip()
        return None

    def detect(
        self,
        meta: dict[str, Any],
        header: dict[str, str],
        nygard_date: str | None,
        title: md.Heading | None,
        sections: dict[str, md.Section],
    ) -> Format | None:
        dated_name = stem_date(self.stem) is not None
        if self.offset:
            return Format.MADR3 if "deciders" in meta else Format.MADR4
        if header:
            return Format.LOG4BRAINS if dated_name else Format.MADR2
        nygard_title = title is not None and _NYGARD_TITLE.match(title.text)
        if nygard_date or "status" in sections or nygard_title:
            return Format.NYGARD
        if body.KNOWN_SECTIONS & set(sections):
            return Format.LOG4BRAINS if dated_name else Format.MADR2
        return None

    def read_date(
        self, meta: dict[str, Any], header: dict[str, str], nygard: str | None
    ) -> dt.date | None:
        if "date" in meta:
            return fields.meta_date(self, meta, "date")
        raw = header.get("date") or nygard
        if raw:
            return fields.to_date(self, raw, "date")
        return stem_date(self.stem)


def _strip_comment(text: str) -> str:
    return re.sub(r"\s*<!--.*?-->\s*", " ", text).strip()
