"""`broadcast check`: every breach of a style profile in an SRT, WebVTT or ASS file.

Files made elsewhere are welcome, so formatting is read past rather than counted: SRT's
`<i>`-style tags and `{\\an8}`-style overrides, WebVTT's tags and character references,
ASS override blocks and drawings. SRT is read with the `srt` library (its cue numbers are
the file's own), ASS with pysubs2; WebVTT is read here, because pysubs2 takes a cue
identifier for text and keeps character references as they are. WebVTT and ASS cues are
numbered by their place in the file, as subtitle editors show them.

ASS lower-thirds (styles named `LowerThird...`) are graphics, not subtitles, and are left
out. ASS times are whole centiseconds, so a time can be 5 ms off the frame it was made
for: durations and gaps read from ASS are allowed 10 ms either way.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import pysubs2
import srt

from broadcast.errors import UnusableInput
from broadcast.cue_text import timestamp
from broadcast.model import Subtitle
from broadcast.profiles import StyleProfile
from broadcast.reading import decode

#: the rules, in the order a cue's breaches are listed
RULES = ("characters per line", "lines", "reading speed", "duration", "gap", "overlap")
#: how far a time read from a file may be from the time meant, in ms, by format
RESOLUTION = {"srt": 0, "vtt": 0, "ass": 10}
LOWER_THIRD_STYLE = "LowerThird"
#: the latest time a cue may have: a day's programmes several times over
MAX_TIME_MS = 100 * 3_600_000
#: the largest subtitle file read: ten hours of subtitles are about 2 MB
MAX_SUBTITLE_BYTES = 20_000_000

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_SRT_TAG = re.compile(r"</?(?:i|b|u|s|font)(?:\s[^>]*)?>|\{\\[^}]*\}", re.IGNORECASE)
_VTT_TAG = re.compile(r"<[^>]*>")
_VTT_TIME = r"(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})"
_VTT_TIMING = re.compile(rf"^\s*{_VTT_TIME}\s+-->\s+{_VTT_TIME}(?:\s|$)")
_ASS_HEADER = re.compile(r"^\s*\[(?:Script Info|V4\+? Styles|Events)\]", re.IGNORECASE | re.MULTILINE)
_ASS_DRAWING = re.compile(r"\{[^}]*\\p[1-9]")


#: what a breach's value and limit count, by rule (times in seconds, for `--format json`)
UNITS = {"characters per line": "characters", "lines": "lines", "reading speed": "characters per second",
         "duration": "seconds", "gap": "seconds", "overlap": "seconds"}
#: a timing line of any of the formats read, to tell a subtitle file from any other text
_ANY_TIMING = re.compile(r"\d+:\d{2}[,.:]\d{2,3}\s*-->|^Dialogue:", re.MULTILINE)
NOT_SUBTITLES = ("is not a subtitle file: {why} (check reads SRT, WebVTT and ASS; "
                 "a script is made into subtitles with `broadcast build`)")


@dataclass(frozen=True)
class Breach:
    cue: int  # the cue's number in the file
    start: int  # ms
    end: int  # ms
    rule: str  # one of RULES
    message: str  # what is wrong, beside the profile's limit
    value: float | None = None  # what the cue has, in UNITS[rule]; None for an unbounded speed
    limit: float | None = None  # what the profile allows, in UNITS[rule]


def _visible_lines(lines: list[str]) -> tuple[str, ...]:
    """Lines as the viewer reads them: invisible characters and blank lines gone."""
    cleaned = (" ".join(_ZERO_WIDTH.sub("", line).split()) for line in lines)
    return tuple(line for line in cleaned if line)


def read_srt(text: str) -> list[Subtitle]:
    try:
        subtitles = list(srt.parse(text))
    except srt.SRTParseError as exc:
        # The parser's own words name character offsets; a person looks for a line.
        content = exc.unmatched_content
        at = exc.expected_start + len(content) - len(content.lstrip())
        line = text.count("\n", 0, at) + 1
        stray = content.strip().split("\n", 1)[0][:60]
        raise UnusableInput(f"not a readable SRT file: line {line} is not part of a cue "
                            f"(number, timing line, text): {stray!r}") from None
    return [
        Subtitle(sub.index if sub.index is not None else number, _ms(sub.start), _ms(sub.end),
                _visible_lines(_SRT_TAG.sub("", sub.content).split("\n")))
        for number, sub in enumerate(subtitles, 1)
    ]


def _ms(delta) -> int:
    return round(delta.total_seconds() * 1000)


def _vtt_ms(hours: str | None, minutes: str, seconds: str, millis: str) -> int:
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(millis)


def read_vtt(text: str) -> list[Subtitle]:
    """Cues of a WebVTT file: blocks with a timing line; NOTE, STYLE and REGION are skipped."""
    blocks = re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"))
    header = blocks[0].split("\n", 1)[0]
    if not re.match(r"WEBVTT(?:[ \t]|$)", header):
        raise UnusableInput("not a readable WebVTT file: it does not start with WEBVTT")
    cues = []
    for block in blocks[1:]:
        lines = block.strip("\n").split("\n")
        at = next((i for i, line in enumerate(lines[:2]) if "-->" in line), None)
        if at is None or lines[0].startswith(("NOTE", "STYLE", "REGION")):
            continue
        timing = _VTT_TIMING.match(lines[at])
        if not timing:
            raise UnusableInput(f"not a readable WebVTT file: cue {len(cues) + 1} has the "
                                f"timing line {lines[at].strip()!r}")
        payload = [html.unescape(_VTT_TAG.sub("", line)) for line in lines[at + 1:]]
        cues.append(Subtitle(len(cues) + 1, _vtt_ms(*timing.groups()[:4]), _vtt_ms(*timing.groups()[4:]),
                            _visible_lines(payload)))
    return cues


def read_ass(text: str) -> list[Subtitle]:
    """Subtitle events of an ASS or SSA file: not comments, drawings or lower-thirds."""
    try:
        subs = pysubs2.SSAFile.from_string(text)
    except Exception as exc:  # pysubs2 raises several kinds on a broken file
        raise UnusableInput(f"not a readable ASS file: {exc}") from None
    events = [e for e in subs.events
              if not e.is_comment and not e.style.startswith(LOWER_THIRD_STYLE)
              and not _ASS_DRAWING.search(e.text)]
    return [Subtitle(number, e.start, e.end, _visible_lines(e.plaintext.split("\n")))
            for number, e in enumerate(events, 1)]


_READERS = {"vtt": read_vtt, "ass": read_ass, "srt": read_srt}
_NAMES = {"vtt": "WebVTT", "ass": "ASS", "srt": "SRT"}


def read_cues(text: str) -> tuple[str, list[Subtitle]]:
    """The format of a subtitle file's text (by its content, not its name) and its cues."""
    head = text.lstrip("\ufeff \t\r\n")
    kind = "vtt" if head.startswith("WEBVTT") else "ass" if _ASS_HEADER.search(text) else "srt"
    try:
        return kind, _READERS[kind](text)
    except (ValueError, OverflowError) as exc:  # the parsers' own errors on numbers out of range
        raise UnusableInput(f"not a readable {_NAMES[kind]} file: {exc}") from None


def check_cues(cues: list[Subtitle], profile: StyleProfile, resolution: int = 0) -> list[Breach]:
    """Every breach of the profile, cue by cue, in the order the cues are shown.

    `cues` may be any objects with `index`, `start`, `end` and `lines` (a Cue will do);
    `resolution` is how far the file's times may be from the times meant, in ms.
    """
    breaches = []
    latest = None  # the cue shown before, that ends last
    for cue in sorted(cues, key=lambda c: (c.start, c.end)):
        def breach(rule: str, message: str, value: float | None, limit: float, cue=cue) -> None:
            breaches.append(Breach(cue.index, cue.start, cue.end, rule, message, value, limit))

        for number, line in enumerate(cue.lines, 1):
            if len(line) > profile.max_chars_per_line:
                breach("characters per line", f"line {number} has {len(line)} characters "
                       f"(max {profile.max_chars_per_line})", len(line), profile.max_chars_per_line)
        if len(cue.lines) > profile.max_lines:
            breach("lines", f"{len(cue.lines)} lines (max {profile.max_lines})", len(cue.lines),
                   profile.max_lines)
        duration = cue.end - cue.start
        chars = len(" ".join(cue.lines))  # a line break is read as a space
        if chars * 1000 > profile.max_chars_per_second * (duration + resolution):
            speed = f"{chars * 1000 / duration:.1f}" if duration > 0 else "unbounded"
            breach("reading speed", f"{speed} characters a second, {chars} characters in "
                   f"{duration / 1000:.3f} s (max {profile.max_chars_per_second:g})",
                   round(chars * 1000 / duration, 1) if duration > 0 else None,
                   profile.max_chars_per_second)
        if duration + resolution < profile.min_duration:
            breach("duration", f"{duration / 1000:.3f} s on screen (min {profile.min_duration / 1000:g} s)",
                   duration / 1000, profile.min_duration / 1000)
        elif duration - resolution > profile.max_duration:
            breach("duration", f"{duration / 1000:.3f} s on screen (max {profile.max_duration / 1000:g} s)",
                   duration / 1000, profile.max_duration / 1000)
        if latest is not None:
            gap = cue.start - latest.end
            if gap < 0:
                breach("overlap", f"overlaps cue {latest.index} by {-gap / 1000:.3f} s", -gap / 1000, 0)
            elif gap + resolution < profile.min_gap:
                breach("gap", f"{gap} ms after cue {latest.index} (min {profile.min_gap_frames} "
                       f"frames, {profile.min_gap} ms at {float(profile.fps):g} fps)",
                       gap / 1000, profile.min_gap / 1000)
        if latest is None or cue.end >= latest.end:
            latest = cue
    return breaches


def check_text(text: str, profile: StyleProfile) -> list[Breach]:
    if not text.strip():
        raise UnusableInput("the file is empty: no subtitles in it")
    if not text.lstrip("\ufeff \t\r\n").startswith("WEBVTT") and not _ANY_TIMING.search(text):
        raise UnusableInput(NOT_SUBTITLES.format(
            why="no line in it is a cue's timing, such as 00:00:01,000 --> 00:00:04,000"))
    kind, cues = read_cues(text)
    if not cues:
        raise UnusableInput("no subtitles in it")
    for cue in cues:
        if not 0 <= cue.start <= MAX_TIME_MS or not 0 <= cue.end <= MAX_TIME_MS:
            raise UnusableInput(f"cue {cue.index} is timed outside 0 to {MAX_TIME_MS // 3_600_000} hours; "
                                f"not a time a subtitle file holds")
    return check_cues(cues, profile, RESOLUTION[kind])


def check_bytes(data: bytes, profile: StyleProfile) -> list[Breach]:
    """Every breach of the profile in the bytes of a subtitle file."""
    try:
        text = decode(data)
    except UnusableInput:  # the reader's words are about scripts; these are about subtitles
        raise UnusableInput(NOT_SUBTITLES.format(why="it is binary, not text")) from None
    return check_text(text, profile)


def check_file(path: Path, profile: StyleProfile) -> list[Breach]:
    """Every breach of the profile in the subtitle file at `path` (`-`: standard input)."""
    from broadcast.inputs import is_stdin, read_bytes
    path = Path(path)
    data = read_bytes(path, "subtitle file", MAX_SUBTITLE_BYTES)
    try:
        return check_bytes(data, profile)
    except UnusableInput as exc:
        raise UnusableInput(f"{'standard input' if is_stdin(path) else path}: {exc}") from None


def breach_record(breach: Breach, file: str) -> dict:
    """A breach as one JSON object, for automation (`broadcast check --format json`)."""
    return {"file": file, "cue": breach.cue, "start": timestamp(breach.start), "end": timestamp(breach.end),
            "rule": breach.rule, "value": breach.value, "limit": breach.limit, "unit": UNITS[breach.rule],
            "message": breach.message}


def format_breach(breach: Breach) -> str:
    """One line: cue number, its times, the rule and what is wrong."""
    return (f"cue {breach.cue} {timestamp(breach.start)} --> {timestamp(breach.end)}: "
            f"{breach.rule}: {breach.message}")
