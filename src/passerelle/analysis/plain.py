"""The plain-language checker: ``check_text`` and ``explain``.

Jargon, undefined acronyms, over-promises, long sentences and a readability score, in French
and English, on plain text or Markdown, with every position given in the original text.
"""

from __future__ import annotations

from itertools import chain

from passerelle.analysis.engine import Options, Run, Segment, compiled
from passerelle.analysis.findings import (
    LEVEL_ORDER,
    Audience,
    CheckResult,
    Finding,
    Level,
    Readability,
)
from passerelle.analysis.lang import LANGS, Lang, detect, paragraphs
from passerelle.analysis.markdown import Ignore, ignores, mask
from passerelle.analysis.readability import score
from passerelle.analysis.sentences import sentences
from passerelle.analysis.text import fold, fold_case

_DEFAULT = Options()


def segments(masked: str, lowered: str, lang: str | None) -> list[Segment]:
    """Runs of paragraphs in one language; one run when the language is forced.

    ``lowered`` is the masked text after ``fold_case``; detection reads it.
    """
    if lang is not None:
        return [Segment(0, len(masked), lang)]
    runs: list[Segment] = []
    whole = detect(lowered[:4000], folded=True)
    for start, end in paragraphs(lowered):
        # A short paragraph, or one without function words, is read in the text's language.
        found = (
            detect(lowered[start:end], whole, folded=True, guess=False)
            if end - start > 24
            else whole
        )
        if runs and runs[-1].lang == found:
            runs[-1].end = end
        else:
            runs.append(Segment(runs[-1].end if runs else 0, end, found))
    if not runs:
        return [Segment(0, len(masked), whole)]
    runs[-1].end = len(masked)
    return runs


def _main_lang(runs: list[Segment]) -> str:
    sizes: dict[str, int] = {}
    for run in runs:
        sizes[run.lang] = sizes.get(run.lang, 0) + run.end - run.start
    return max(sizes, key=lambda name: (sizes[name], name == runs[0].lang))


def check_text(
    text: str,
    audience: Audience | str = Audience.BUSINESS,
    lang: Lang | str | None = None,
    options: Options = _DEFAULT,
) -> CheckResult:
    """Check a text for a business (default) or tech audience.

    ``lang`` forces the language; otherwise it is detected per paragraph, so a memo that mixes
    French and English is checked with the right rules in each part.
    """
    audience = Audience(audience)
    if lang is not None and lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}: expected one of {', '.join(LANGS)}")
    masked = mask(text)
    run = Run(text, masked, fold(masked), fold_case(masked), audience, options)
    runs = segments(masked, run.lowered, lang)
    main = _main_lang(runs)
    flagged: set[str] = set()
    findings: list[Finding] = []
    main_sentences = 0
    main_words: list[str] = []
    for seg in runs:
        rules = compiled(seg.lang, options.rule_folders)
        reading = run.read(rules, seg)
        jargon = list(run.jargon(reading))
        taken = [(hit.start, hit.end) for hit, _ in jargon]
        said = sentences(run.folded, seg.start, seg.end, run.length_limit(rules))
        findings.extend(
            chain(
                (finding for _, finding in jargon),
                run.existence(rules, seg, reading),
                run.acronyms(rules, seg, taken, flagged),
                run.lengths(rules, said.long),
            )
        )
        if seg.lang == main:
            main_sentences += said.count
            main_words.extend(masked[seg.start : seg.end].split())
    readability = _readability(run, main, main_words, main_sentences, findings)
    findings = _in_order(_without_ignored(text, findings))
    return CheckResult(
        lang=main,
        findings=tuple(findings),
        readability=readability,
        langs=tuple(dict.fromkeys(seg.lang for seg in runs)),
    )


def _readability(
    run: Run, lang: str, words: list[str], n_sentences: int, findings: list[Finding]
) -> Readability | None:
    result: Readability | None = None
    for rule in compiled(lang, run.options.rule_folders).readability:
        result = score(rule.formula, words, n_sentences)
        if result.words < rule.min_words or not run.wanted(rule.head):
            continue
        gate = run.options.min_score
        minimum = gate if gate is not None else rule.min_score.get(run.audience)
        if minimum is not None and result.score < minimum:
            values = {"score": f"{result.score:.0f}", "min": f"{minimum:.0f}"}
            findings.append(
                Finding(
                    rule=rule.head.id,
                    category=rule.head.category,
                    level=Level.ERROR if gate is not None else rule.head.level,
                    offset=0,
                    length=0,
                    match="",
                    message=rule.head.message.format(**values),
                    suggestion=rule.head.suggestion.format(**values),
                    line=1,
                    column=1,
                )
            )
    return result


def _without_ignored(text: str, findings: list[Finding]) -> list[Finding]:
    directives = ignores(text) if "passerelle" in text else []
    if not directives:
        return findings
    by_line: dict[int, list[Ignore]] = {}
    for directive in directives:
        by_line.setdefault(directive.line, []).append(directive)
    return [
        f
        for f in findings
        if not any(d.covers(f.rule, f.category) for d in by_line.get(f.line, []))
    ]


def _in_order(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.offset, LEVEL_ORDER[f.level], f.rule))


def _gloss(explanation: str) -> str:
    """An explanation sentence turned into a parenthesis: no final stop, lower-case start."""
    text = explanation.strip().rstrip(".")
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def explain(
    text: str,
    style: str = "inline",
    lang: Lang | str | None = None,
    options: Options = _DEFAULT,
) -> str:
    """The text rewritten for a business reader: each jargon term explained the first time it
    appears (in a parenthesis, or as numbered notes with ``style="notes"``), and acronyms
    spelled out."""
    if style not in ("inline", "notes"):
        raise ValueError(f"unknown style {style!r}: expected 'inline' or 'notes'")
    result = check_text(text, Audience.BUSINESS, lang, options)
    seen: set[str] = set()
    inserts: list[tuple[int, str]] = []
    notes: list[str] = []
    for finding in result.findings:
        if finding.category == "jargon" and finding.explanation and finding.rule not in seen:
            seen.add(finding.rule)
            if style == "notes":
                colon = " :" if result.lang == "fr" else ":"
                notes.append(f"[{len(notes) + 1}] {finding.match}{colon} {finding.explanation}")
                inserts.append((finding.offset + finding.length, f"[{len(notes)}]"))
            else:
                inserts.append(
                    (finding.offset + finding.length, f" ({_gloss(finding.explanation)})")
                )
        elif finding.category == "acronym" and finding.explanation:
            inserts.append((finding.offset + finding.length, f" ({finding.explanation})"))
    out = text
    for offset, addition in sorted(inserts, reverse=True):
        out = out[:offset] + addition + out[offset:]
    if notes:
        out = out.rstrip("\n") + "\n\n---\nNotes\n\n" + "\n".join(notes) + "\n"
    return out
