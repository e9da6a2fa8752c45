"""Segmentation: script text to a Report, in four stages (see docs/DESIGN.md):

1. lex (`lexer`): one ordered registry of small named rules makes every piece of the script a
   typed token with its span and the rule that matched;
2. detect (`detect`): evidence for each convention, the choice with its margin and reasons,
   and a warning when two conventions fit alike;
3. assemble: a state machine per convention over the tokens (`production`, `web`), or the
   convention's own reader over the script's body (`agency`, `transcript`), whose unused
   tokens are then kept as notes;
4. resolve (`resolve`): metadata, people, stand-ups and the sign-off, once for all.

Every non-blank character ends in a segment or a note (`uncovered` checks it). DO NOT PUBLISH
marks are handled around all of it (`withheld`): blanked before lexing, names withheld from
the Report after.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from importlib import import_module

from broadcast.errors import UnusableInput
from broadcast.model import Note, NoteKind, Report
from broadcast.segment import withheld
from broadcast.segment.assembly import NOTE_OF
from broadcast.segment.detect import Detection, body, detect
from broadcast.segment.lexer import Token, TokenKind, lex
from broadcast.segment.resolve import form_of, running_time, signoff_of

CONVENTIONS = ("web", "agency", "production", "newsroom", "transcript")
#: conventions assembled from the lexer's tokens; the others read the script's body themselves
TOKEN_CONVENTIONS = ("production", "newsroom", "web")
READ_WITHOUT_HEADER = ("transcript",)
#: a reading that speaks less than this share of a script's prose is warned about
LOW_SHARE = 0.6


def segment(text: str, convention: str | None = None) -> Report:
    """Segment normalised script text into a Report."""
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
    report = withheld.redact(report, marks)
    if not report.segments:
        raise UnusableInput(f"no spoken text found in the script (read as the {name} convention)")
    return report


def _assemble(name: str, script: str, tokens: list[Token]) -> Report:
    if name in TOKEN_CONVENTIONS:
        from broadcast.segment.assembly import Assembly
        from broadcast.segment.resolve import finish
        out = Assembly(script)
        import_module(f"broadcast.segment.{name}").assemble(script, tokens, out)
        return finish(out, name)
    # A transcript reads `NAME:` turns, so it gets the script without its header fields
    # (`BYLINE:` is no speaker); the web and agency readers read their own headers.
    text = body(script, tokens) if name in READ_WITHOUT_HEADER else script
    report = import_module(f"broadcast.segment.{name}").parse(text)
    return _with_notes(report, script, tokens)


def _with_notes(report: Report, script: str, tokens: list[Token]) -> Report:
    """A report read by a convention's own reader, with every token it did not speak kept as
    a note: the header, clutter, directions, and prose it passed over (warned about)."""
    # A reader's segments are in script order and do not overlap, so their starts and ends
    # both ascend: each token finds the segments over it by bisection, not by a scan.
    spoken = sorted(report.segments, key=lambda s: s.span)
    starts, ends = [s.span[0] for s in spoken], [s.span[1] for s in spoken]
    notes: list[Note] = list(report.notes)
    warnings = list(report.warnings)
    fields = [f for t in tokens for f in t.fields]
    for token in tokens:
        a, b = token.span
        first = bisect_right(starts, a) - 1
        if first >= 0 and ends[first] >= b:  # inside one segment's region
            continue
        inside = spoken[bisect_right(ends, a):bisect_left(starts, b)]
        if inside and token.kind is TokenKind.PROSE:
            # Words of the line are spoken (`VLADIMIR PUTIN RUSSIAN PRESIDENT "..."`); what
            # stands before the first of them is the super, the rest the reader's markup.
            for start, end in _gaps((a, b), [s.span for s in inside]):
                if script[start:end].strip():
                    super_ = start == a and inside[0].speaker is not None
                    notes.append(Note(NoteKind.SUPER if super_ else NoteKind.DIRECTION, script[start:end],
                                      (start, end), token.rule))
            continue
        kind = NOTE_OF.get(token.kind)
        if kind is None:  # prose the reader did not speak
            text = token.text
            if report.convention == "agency":
                kind = NoteKind.SHOT
            elif text == report.title or text.strip("[]") == ", ".join(report.tags) or text.startswith("["):
                kind = NoteKind.METADATA
            elif len(text.split()) >= 8 and text.rstrip()[-1:] in ".!?\"'":
                kind = NoteKind.UNCLASSIFIED
                warnings.append(f"line {token.line}: prose not read as speech ({_quoted(text)}); "
                                f"check who says it")
            else:
                kind = NoteKind.DIRECTION
        notes.append(Note(kind, script[a:b], (a, b), token.rule))
    facts = _facts(fields)
    # a reader that takes the first line for the title may have taken a header field (`BYLINE: ...`)
    field_lines = {t.text.strip() for t in tokens if t.kind is TokenKind.METADATA}
    title = "" if report.title.strip() in field_lines else report.title
    report = replace(report, notes=tuple(sorted(notes, key=lambda n: n.span)), warnings=tuple(warnings),
                     title=title or facts.get("title") or "",
                     correspondent=report.correspondent or facts.get("correspondent"),
                     location=report.location or facts.get("location"),
                     stated_trt=running_time(facts["trt"]) if facts.get("trt") else None,
                     slug=facts.get("slug"))
    return replace(report, signoff=signoff_of(report), form=form_of(report))


def _facts(fields) -> dict[str, str]:
    out: dict[str, str] = {}
    for _, name, value in fields:
        if value.strip(" _-") and name not in out:
            out[name] = value
    return out


def _gaps(region: tuple[int, int], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of `region` that no span covers."""
    out, pos = [], region[0]
    for start, end in sorted(spans):
        if start > pos:
            out.append((pos, min(start, region[1])))
        pos = max(pos, end)
    if pos < region[1]:
        out.append((pos, region[1]))
    return out


def _quoted(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


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
    report = segment(text, convention)
    marks = withheld.find(text)
    tokens = lex(marks.masked)
    detection = detect(marks.masked, tokens)
    notes = {n.span: str(n.kind) for n in report.notes}
    out = [_detection_line(detection, convention)]
    lines = marks.masked.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    by_line: dict[int, list[Token]] = {}
    for t in tokens:
        by_line.setdefault(t.line, []).append(t)
    for number, line in enumerate(text.split("\n"), 1):
        shown = line if len(line) <= 70 else line[:67] + "..."
        out.append(f"{number:>4} | {shown}")
        for t in by_line.get(number, []):
            became = notes.get(t.span) or _became(t, report)
            value = f" {t.value}" if t.value else ""
            snippet = t.text if len(t.text) <= 40 else t.text[:37] + "..."
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
