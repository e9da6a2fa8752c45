"""Segmentation: script text to a Report, in four stages (see docs/DESIGN.md):

1. lex (`lexer`): one ordered registry of small named rules makes every piece of the script a
   typed token with its span and the rule that matched;
2. detect (`detect`): evidence for each convention, the choice with its margin and reasons,
   and a warning when two conventions fit alike;
3. assemble: a state machine per convention over the tokens, which speaks every token or
   keeps it as a note of its kind;
4. resolve (`resolve`): metadata, people, stand-ups and the sign-off, once for all.

Every non-blank character ends in a segment or a note (`uncovered` checks it). DO NOT PUBLISH
marks are handled around all of it (`withheld`): blanked before lexing, names withheld from
the Report after.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from importlib import import_module

from broadcast.errors import UnusableInput
from broadcast.model import NoteKind, Report
from broadcast.segment import withheld
from broadcast.segment.assembly import Assembly
from broadcast.segment.detect import Detection, detect
from broadcast.segment.lexer import Token, TokenKind, lex
from broadcast.segment.resolve import finish

#: each a module with `score` (detection's evidence) and `assemble` (a state machine over the tokens)
CONVENTIONS = ("web", "agency", "production", "newsroom", "transcript")
#: a reading that speaks less than this share of a script's prose is warned about
LOW_SHARE = 0.6


def segment(text: str, convention: str | None = None) -> Report:
    """Segment normalised script text into a Report."""
    reading = _read(text, convention)
    report = withheld.redact(reading.report, reading.marks)
    if not report.segments:
        raise UnusableInput(f"no spoken text found in the script (read as the {report.convention} convention)")
    return report


@dataclass(frozen=True)
class _Reading:
    """A script read, before any withheld name is taken out of it."""

    report: Report
    marks: withheld.Withheld
    tokens: list[Token]
    detection: Detection


def _read(text: str, convention: str | None) -> _Reading:
    if convention is not None and convention not in CONVENTIONS:
        raise UnusableInput(f"unknown script convention {convention!r}; known: {', '.join(CONVENTIONS)}")
    marks = withheld.find(text)
    masked = marks.masked
    tokens = lex(masked)
    detection = detect(masked, tokens)
    name = convention or detection.convention
    report = _assemble(name, masked, tokens)
    warnings = report.warnings + (detection.warnings if convention is None else ())
    report = replace(report, warnings=warnings)
    spoken, prose = report.prose_read()
    if prose and spoken < LOW_SHARE * prose:
        report = replace(report, warnings=report.warnings + (
            f"only {spoken} of the script's {prose} prose words were read as speech; the rest went to "
            f"notes (see `broadcast segment --explain`)",))
    report = replace(report, doubts=_doubts(masked, report, detection if convention is None else None))
    return _Reading(report, marks, tokens, detection)


def _doubts(script: str, report: Report, detection: Detection | None) -> tuple[str, ...]:
    doubts = []
    if detection is not None and detection.doubtful:
        second = sorted(detection.scores, key=lambda k: -detection.scores[k])[1]
        doubts.append(f"the script reads as the {detection.convention} convention but also as {second} "
                      f"(pass --convention)")
    doubts.extend(f"line {script.count(chr(10), 0, n.span[0]) + 1}: prose no rule placed "
                  f"({len(n.text.split())} words)" for n in report.notes if n.kind is NoteKind.UNCLASSIFIED)
    return tuple(doubts)


def _assemble(name: str, script: str, tokens: list[Token]) -> Report:
    out = Assembly(script)
    import_module(f"broadcast.segment.{name}").assemble(script, tokens, out)
    return finish(out, name)


def uncovered(script: str, report: Report) -> list[tuple[int, int]]:
    """The runs of non-blank characters of the script in no segment's and no note's span."""
    covered = bytearray(len(script))
    for a, b in [s.span for s in report.segments] + [n.span for n in report.notes]:
        covered[a:b] = b"\x01" * (b - a)
    runs, start = [], None
    for i, c in enumerate(script):
        hole = not covered[i] and not c.isspace()
        if hole and start is None:
            start = i
        elif not hole and start is not None and not c.isspace():
            runs.append((start, i))
            start = None
        elif covered[i] and start is not None:
            runs.append((start, i))
            start = None
    if start is not None:
        runs.append((start, len(script)))
    return runs


def explain(text: str, convention: str | None = None) -> str:
    """Each line of the script with the tokens it became, the rule that matched, and what the
    assembler made of them (a segment's kind, or a note's)."""
    reading = _read(text, convention)
    report = withheld.redact(reading.report, reading.marks)
    # the script as shown: marks and every form of a withheld name blanked, offsets kept
    shown_script = withheld.blank_names(reading.report, reading.marks)
    notes = {n.span: str(n.kind) for n in report.notes}
    out = [_detection_line(reading.detection, convention)]
    if not report.segments:
        out.append("no spoken text found: no line below was read as speech")
    by_line: dict[int, list[Token]] = {}
    for t in reading.tokens:
        by_line.setdefault(t.line, []).append(t)
    starts = [0] + [i + 1 for i, c in enumerate(shown_script) if c == "\n"]
    for note in report.notes:
        if note.kind is NoteKind.WITHHELD:  # a mark is blanked before lexing: no token shows it
            line = bisect_right(starts, note.span[0])
            by_line.setdefault(line, []).append(Token(TokenKind.CLUTTER, note.rule, note.span, note.span, "", line))
    for number, line in enumerate(shown_script.split("\n"), 1):
        shown = line if len(line) <= 70 else line[:67] + "..."
        out.append(f"{number:>4} | {shown}")
        for t in by_line.get(number, []):
            if not t.text:
                out.append(f"     -> a DO NOT PUBLISH mark [{t.rule}] => withheld: its name is not shown")
                continue
            became = notes.get(t.span) or _became(t, report)
            value = f" {t.value}" if t.value else ""
            said = shown_script[t.inner[0]:t.inner[1]]
            snippet = said if len(said) <= 40 else said[:37] + "..."
            out.append(f"     -> {t.kind}{value} [{t.rule}] => {became}: {snippet!r}")
    return "\n".join(out) + "\n"


def _became(token: Token, report: Report) -> str:
    """What the stretches of a token not noted whole became, in order: the segment that took
    its words and the notes cut from it (`super + soundbite`), or the note around it."""
    a, b = token.span
    found = sorted([(max(s.span[0], a), str(s.kind)) for s in report.segments if s.span[0] < b and a < s.span[1]] +
                   [(n.span[0], str(n.kind)) for n in report.notes if a <= n.span[0] < b])
    if found:
        return " + ".join(dict.fromkeys(kind for _, kind in found))
    return next((str(n.kind) for n in report.notes if n.span[0] <= a < n.span[1]), "?")


def _detection_line(d: Detection, forced: str | None) -> str:
    scores = ", ".join(f"{k} {v:g}" for k, v in sorted(d.scores.items(), key=lambda kv: -kv[1]))
    head = f"convention: {forced} (given)" if forced else f"convention: {d.convention} (margin {d.margin:.0%})"
    return f"{head}; evidence: {scores}" + (f"; {'; '.join(d.reasons)}" if d.reasons else "")


__all__ = ["segment", "explain", "uncovered", "CONVENTIONS", "detect", "lex", "Detection"]
