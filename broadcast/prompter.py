"""Prompter copy from a Build: who reads what, cues for the soundbites, read times and
back-timing. Pure functions; the text and HTML prompters and the two-column script format
what these return.

Pronouncer files (`--pronouncer FILE`) hold one guide a line, `Name = respelling`:

    # names in this report
    Erdogan = AIR-doh-wahn
    Khlebnikov = KHLEB-nee-kov

Blank lines and lines starting with `#` are ignored. A name is matched as whole words,
ignoring case, with a possessive `'s` kept with it; the respelling is written as typed, in
parentheses after the first mention of the name in each block, which keeps its stressed
syllable readable when the copy is in capitals. The name itself is never replaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from broadcast.errors import UnusableInput
from broadcast.model import Build, Kind, Report, Segment

CASES = ("upper", "as-written")

#: the control-room mark for each kind of read copy
READ_MARK = {Kind.ANCHOR_INTRO: "ANCHOR", Kind.NARRATION: "VO", Kind.STANDUP: "STANDUP",
             Kind.SIGNOFF: "SOC"}

# A cue must be recognisable by ear: at least two words and this many characters, at most
# four words ("we have" is too common to cue on; "we have agreed" is not).
CUE_MIN_WORDS, CUE_MAX_WORDS, CUE_MIN_CHARS = 2, 4, 12
_CUE_TRIM = " \t.,;:!?\"'()[]\u2014\u2013-\u2018\u2019\u201c\u201d"


@dataclass(frozen=True)
class Pronunciation:
    name: str
    respelling: str


@dataclass(frozen=True)
class SoundbiteCue:
    """What the prompter shows in place of a soundbite: who, in-cue, out-cue, duration."""

    who: str
    in_cue: str
    out_cue: str
    runs: int  # whole seconds
    language: str | None = None
    translated: bool = False

    def parts(self) -> list[str]:
        parts = [f"SOT: {self.who}", f'IN: "{self.in_cue}"', f'OUT: "{self.out_cue}"']
        if self.language:
            parts.append(self.language.upper() + (" (TRANSLATED)" if self.translated else ""))
        return parts + [f"RUNS {format_duration(self.runs)}"]

    def __str__(self) -> str:
        return "[" + " | ".join(self.parts()) + "]"


@dataclass(frozen=True)
class PrompterBlock:
    """One segment on the prompter: read copy with its reader, or a soundbite's cue."""

    segment_index: int
    kind: Kind
    mark: str  # "ANCHOR", "VO: JULIA LYUBOVA", "SOT: ..."
    copy: str  # the words to read, cased and with respellings; empty for a soundbite
    start: int  # ms from the report's start
    end: int
    at: int  # whole seconds from the report's start
    reads: int  # whole seconds; the blocks' `reads` add up to the total exactly
    soundbite: SoundbiteCue | None = None

    @property
    def is_read(self) -> bool:
        return self.soundbite is None


# -- times --------------------------------------------------------------------------------

def whole_seconds(ms: int) -> int:
    """ms to the nearest second, halves up (running orders count in whole seconds)."""
    return (ms + 500) // 1000


def format_duration(seconds: int) -> str:
    """`0:14`, `2:31`, `1:02:05`: a running time as newsrooms write it."""
    sign = "-" if seconds < 0 else ""
    minutes, s = divmod(abs(seconds), 60)
    hours, m = divmod(minutes, 60)
    return f"{sign}{hours}:{m:02d}:{s:02d}" if hours else f"{sign}{m}:{s:02d}"


_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$")


def parse_clock(text: str) -> int:
    """Seconds after midnight from an on-air time `HH:MM:SS` or `HH:MM`."""
    m = _CLOCK.match(text.strip())
    if not m or int(m.group(1)) > 23 or int(m.group(2)) > 59 or int(m.group(3) or 0) > 59:
        raise UnusableInput(f"on-air time {text!r} is not a clock time HH:MM:SS")
    return int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3) or 0)


def format_clock(seconds: int) -> str:
    """`HH:MM:SS` on the 24-hour clock, past midnight wrapping to 00."""
    seconds %= 86400
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


@dataclass(frozen=True)
class BackTime:
    """When each block goes to air, from the report's on-air time."""

    on_air: int  # seconds after midnight
    total: int  # whole seconds

    @property
    def off_air(self) -> int:
        return self.on_air + self.total

    def clock(self, block: PrompterBlock) -> str:
        return format_clock(self.on_air + block.at)

    def left(self, block: PrompterBlock) -> int:
        """Seconds from the block's start to the end of the report."""
        return self.total - block.at


def back_time(build: Build, blocks: tuple[PrompterBlock, ...]) -> BackTime | None:
    on_air = build.options.get("on_air")
    if not on_air:
        return None
    return BackTime(parse_clock(on_air), sum(b.reads for b in blocks))


def block_marks(block: PrompterBlock, timing: BackTime | None) -> list[str]:
    """What the prompter shows above a block: reader and read time, or the soundbite's cue;
    with an on-air time, the block's clock time and the time left."""
    if block.soundbite:
        return block.soundbite.parts()
    parts = [block.mark, f"READS {format_duration(block.reads)}", f"AT {format_duration(block.at)}"]
    if timing:
        parts += [timing.clock(block), f"LEFT {format_duration(timing.left(block))}"]
    return parts


def runs(blocks: tuple[PrompterBlock, ...]) -> list[tuple[PrompterBlock, ...]]:
    """The blocks grouped into the anchor's reads and the package runs between them."""
    grouped: list[list[PrompterBlock]] = []
    for block in blocks:
        anchor = block.kind is Kind.ANCHOR_INTRO
        if grouped and (grouped[-1][0].kind is Kind.ANCHOR_INTRO) == anchor:
            grouped[-1].append(block)
        else:
            grouped.append([block])
    return [tuple(run) for run in grouped]


def package_marks(run: tuple[PrompterBlock, ...]) -> list[str] | None:
    """`PKG: JULIA LYUBOVA`, `RUNS 2:06` for a package run; None for the anchor's reads."""
    if run[0].kind is Kind.ANCHOR_INTRO:
        return None
    reader = next((b.mark.partition(": ")[2] for b in run if b.is_read), "")
    return [f"PKG: {reader}" if reader else "PKG", f"RUNS {format_duration(sum(b.reads for b in run))}"]


# -- pronouncer -----------------------------------------------------------------------------

def parse_pronouncer(text: str) -> tuple[Pronunciation, ...]:
    """The guides of a pronouncer file; a later line for the same name replaces an earlier."""
    guides: dict[str, Pronunciation] = {}
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, respelling = (part.strip() for part in line.partition("="))
        if not sep or not name or not respelling:
            raise UnusableInput(f"pronouncer line {number}: {line!r} is not 'Name = respelling'")
        guides[" ".join(name.split()).casefold()] = Pronunciation(" ".join(name.split()), respelling)
    return tuple(guides.values())


def with_pronunciations(copy: str, guides: tuple[Pronunciation, ...]) -> str:
    """`copy` with each guide's respelling in parentheses after the name's first mention."""
    if not guides:
        return copy
    # Longest names first, so "Bashar al-Assad" is found before "Assad" can be.
    ordered = sorted(guides, key=lambda g: len(g.name), reverse=True)
    names = (r"\s+".join(map(re.escape, g.name.split())) for g in ordered)
    pattern = re.compile(
        "|".join(rf"(?<!\w)(?P<g{i}>{name}(?:['\u2019]s)?)(?!\w)" for i, name in enumerate(names)),
        re.IGNORECASE,
    )
    seen: set[int] = set()

    def insert(m: re.Match) -> str:
        i = int(m.lastgroup[1:])
        if i in seen:
            return m.group(0)
        seen.add(i)
        return f"{m.group(0)} ({ordered[i].respelling})"

    return pattern.sub(insert, copy)


# -- cues -----------------------------------------------------------------------------------

def _cue(words: list[str]) -> str:
    taken: list[str] = []
    for word in words:
        taken.append(word)
        phrase = " ".join(taken).strip(_CUE_TRIM)
        if len(taken) >= CUE_MAX_WORDS or len(taken) >= CUE_MIN_WORDS and len(phrase) >= CUE_MIN_CHARS:
            break
    return " ".join(taken)


def in_cue(text: str) -> str:
    """The first words of a soundbite, enough to recognise when it starts."""
    return _cue(text.split()).strip(_CUE_TRIM)


def out_cue(text: str) -> str:
    """The last words of a soundbite, enough to recognise when it ends."""
    return " ".join(reversed(_cue(list(reversed(text.split()))).split())).strip(_CUE_TRIM)


def standard_out_cue(report: Report, segment: Segment) -> str:
    """The sign-off in full: `Julia Lyubova, CGTN, Moscow`, the correspondent's name in place
    of the initials a transcript writes (resolved once by the segmenter: `Report.signoff`)."""
    signoff = report.signoff
    if signoff and signoff.network and signoff.location:
        return signoff.spoken
    return segment.text.rstrip(" .")


def _speaker_line(segment: Segment) -> str:
    s = segment.speaker
    parts = [p for p in ((s.name, s.title) if s else ()) if p]
    return ", ".join(parts).upper() if parts else "UNNAMED SPEAKER"


def _correspondent(report: Report, segment: Segment) -> str:
    if segment.kind is Kind.STANDUP and segment.speaker and segment.speaker.name:
        return segment.speaker.name.upper()
    return (report.correspondent or "correspondent").upper()


# -- blocks ---------------------------------------------------------------------------------

def prompter_case(build: Build) -> str:
    case = build.options.get("prompter_case") or "upper"
    if case not in CASES:
        raise UnusableInput(f"prompter case {case!r} is not one of: {', '.join(CASES)}")
    return case


def prompter_width(build: Build) -> int:
    width = build.options.get("prompter_width")
    width = 32 if width is None else width
    if width < 1:
        raise UnusableInput(f"prompter width {width} is less than one character")
    return width


def prompter_blocks(build: Build) -> tuple[PrompterBlock, ...]:
    """Every segment in order, as read copy or as a soundbite cue, with whole-second times."""
    upper = prompter_case(build) == "upper"
    guides = parse_pronouncer(build.options.get("pronouncer") or "")
    cased = (lambda text: text.upper()) if upper else (lambda text: text)
    blocks = []
    for i, timed in enumerate(build.timeline):
        segment = timed.segment
        start, end = timed.start, timed.end
        at = whole_seconds(start)
        # each block's seconds are the difference of rounded times, so that they sum to the total
        reads = whole_seconds(end) - at
        if segment.kind is Kind.SOUNDBITE:
            # a clip the script gives only by its cue words shows those
            first, last = segment.cue_words or (in_cue(segment.text), out_cue(segment.text))
            cue = SoundbiteCue(_speaker_line(segment), cased(first), cased(last), reads, segment.language,
                               segment.translated)
            blocks.append(PrompterBlock(i, segment.kind, f"SOT: {cue.who}", "", start, end, at, reads, cue))
            continue
        if segment.kind is Kind.SIGNOFF:
            words = standard_out_cue(build.report, segment)
        else:
            words = segment.text
        mark = READ_MARK[segment.kind]
        if segment.kind is not Kind.ANCHOR_INTRO:
            mark = f"{mark}: {_correspondent(build.report, segment)}"
        blocks.append(PrompterBlock(i, segment.kind, mark, with_pronunciations(cased(words), guides),
                                    start, end, at, reads))
    return tuple(blocks)

