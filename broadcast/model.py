"""The data that flows through the pipeline, as frozen dataclasses.

Times are whole milliseconds from the start of the report: exact, and what `srt` and
`pysubs2` take. Programme time (`--start`) is that plus `Build.offset`: the timecodes shown
to people and the SRT file, which goes to playout, carry it. WebVTT and ASS are played
against the video (browsers, libass, whose ASS clock stops at 9:59:59.99) and keep report time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from broadcast.profiles import StyleProfile


class Kind(StrEnum):
    ANCHOR_INTRO = "anchor_intro"
    NARRATION = "narration"
    SOUNDBITE = "soundbite"
    STANDUP = "standup"
    SIGNOFF = "signoff"


#: who voices each kind of segment, for read rates and prompter marks
ROLE = {
    Kind.ANCHOR_INTRO: "anchor",
    Kind.NARRATION: "correspondent",
    Kind.SOUNDBITE: "soundbite",
    Kind.STANDUP: "correspondent",
    Kind.SIGNOFF: "correspondent",
}


@dataclass(frozen=True)
class LowerThird:
    """A super: name and title in proper case, as typed on air.

    For a stand-up the title is the location. For an unnamed speaker (vox pop) the
    name is empty and the title holds the description.
    """

    name: str
    title: str
    #: the split of name and title is a guess (`Dr Miguel` / `Angel Ortega ...`): to be
    #: checked before air; not part of what the super says, so not of its equality
    guessed: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class Segment:
    kind: Kind
    text: str
    #: character offsets [start, end) of `text` in the normalised script; a segment whose
    #: words were cleaned (stripped notes, joined lines) spans the whole source region
    span: tuple[int, int]
    speaker: LowerThird | None = None
    #: language spoken, when the script names it ("Russian")
    language: str | None = None
    #: the words are a translation of what was said (voice-over or subtitles on air)
    translated: bool = False
    #: the running time the script states for a clip (`RUNS: :14`), in ms
    runs: int | None = None
    #: a clip the script gives only by its first and last words (`IN:` / `OUT:`): its words
    #: are unknown (`text` is empty) until a transcript or word timings supply them
    cue_words: tuple[str, str] | None = None

    @property
    def words_known(self) -> bool:
        return bool(self.text)


class NoteKind(StrEnum):
    """What a part of the script that is not spoken is."""

    METADATA = "metadata"  # SLUG:, BYLINE:, TRT: ... header fields
    DIRECTION = "direction"  # ((NARRATOR)), TAKE PKG, (ON CAM), NAT SOUND, video descriptions
    SUPER = "super"  # a speaker marker or CG:/ASTON: line that names who speaks
    CREDIT = "credit"  # ((Mandatory cg: Skype)), ((COURTESY: ...)): to go on screen
    SHOT = "shot"  # an agency shot-list line
    CUE = "cue"  # IN: / OUT: / RUNS: / DUR: lines
    RADIO = "radio"  # radio-only copy
    WEB = "web"  # web-only copy
    WITHHELD = "withheld"  # a DO NOT PUBLISH mark (its text never holds the name)
    CLUTTER = "clutter"  # the page around the script
    UNCLASSIFIED = "unclassified"  # prose no rule claimed: warned about, never silently lost


@dataclass(frozen=True)
class Note:
    """A part of the input that is not spoken, kept with what it is and where it was."""

    kind: NoteKind
    text: str
    span: tuple[int, int]
    rule: str  # the lexer rule that classified it


@dataclass(frozen=True)
class SignOff:
    """The correspondent's sign-off as written (`JL, CGTN, Moscow.`) and as heard."""

    written: str
    #: who signs off in full (`Julia Lyubova`), when the script says who the initials are
    name: str | None
    network: str | None
    location: str | None

    @property
    def spoken(self) -> str:
        """What the viewer hears: the full name where the script gives it."""
        parts = [self.name or self.written.split(",")[0].strip(), self.network, self.location]
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class Report:
    title: str
    tags: tuple[str, ...]
    network: str | None
    correspondent: str | None
    location: str | None
    segments: tuple[Segment, ...]
    #: which script convention was read ("web", "agency", ...)
    convention: str = "web"
    #: doubts the segmenter had, for the user to check
    warnings: tuple[str, ...] = ()
    #: every non-spoken part of the script; with the segments' spans they cover the input
    notes: tuple[Note, ...] = ()
    #: the sign-off, resolved once for every consumer (subtitles, prompter, script)
    signoff: SignOff | None = None
    #: the running time the script states (`TRT: 2:31`), in ms
    stated_trt: int | None = None
    #: story form: reader, vo, vo-sot, package (None when the script does not say or show)
    form: str | None = None
    #: the story's slug, as the newsroom system names it
    slug: str | None = None
    #: what the reading is unsure of, one line each (the convention chosen with doubt, a line
    #: of prose no rule placed): `--strict` refuses a reading with any. Line numbers and
    #: convention names only, never script text, so nothing here can hold a withheld name
    doubts: tuple[str, ...] = ()

    def prose_read(self) -> tuple[int, int]:
        """(words read as speech, words of prose in the script): the prose being the spoken
        words and the notes that read like sentences a person could have meant to be heard
        (prose no rule claimed, directions of a sentence or more). Radio and web copy, header
        fields and credits are set aside on purpose and do not count."""
        spoken = sum(len(s.text.split()) for s in self.segments)
        set_aside = sum(len(n.text.split()) for n in self.notes if n.kind is NoteKind.UNCLASSIFIED or (
            n.kind is NoteKind.DIRECTION and len(n.text.split()) >= 8
            and n.text.rstrip(" )]").endswith((".", "!", "?", '"'))))
        return spoken, spoken + set_aside


@dataclass(frozen=True)
class TimedSegment:
    """A segment placed on the report's time line."""

    segment: Segment
    start: int
    end: int

    @property
    def duration(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class WordTiming:
    """One recognised word with its times; either time may be missing."""

    word: str
    start: int | None
    end: int | None


@dataclass(frozen=True)
class WordAlignment:
    """The script's words matched to a word-timing file (`--timings`)."""

    source: str  # the file's format: "whisperx", "stable-ts", "gentle", "aeneas", "srt", "webvtt"
    recognised: int  # words in the file
    matched: int  # script words found in the file, exactly or as a near-miss
    #: per segment (timeline order), (start, end) ms of each whitespace token of its text
    word_times: tuple[tuple[tuple[int, int], ...], ...]

    @property
    def words(self) -> int:
        return sum(len(times) for times in self.word_times)

    @property
    def match_rate(self) -> float:
        return self.matched / self.words if self.words else 0.0


@dataclass(frozen=True)
class Subtitle:
    """One subtitle event: its number, times in ms and lines, as any subtitle file has them."""

    index: int  # 1-based, as in SRT
    start: int
    end: int
    lines: tuple[str, ...]

    @property
    def duration(self) -> int:
        return self.end - self.start

    @property
    def text(self) -> str:
        return " ".join(self.lines)


@dataclass(frozen=True)
class Cue(Subtitle):
    """A subtitle the tool made: which segment it says, and whether it is raised."""

    segment_index: int
    #: moved to the top of the picture because a lower-third is on screen
    raised: bool = False


@dataclass(frozen=True)
class SuperCue:
    """A lower-third on screen (once a person per package), or a credit the script asks for
    (`((COURTESY: ...))`), shown during the segment it belongs to."""

    lower_third: LowerThird
    start: int
    end: int
    segment_index: int
    #: a credit (`Courtesy Neutra Family`, `Skype`) in its title, not a name super
    credit: bool = False


@dataclass(frozen=True)
class Build:
    """Everything the exporters and previews need, computed once."""

    report: Report
    profile: StyleProfile
    timeline: tuple[TimedSegment, ...]
    cues: tuple[Cue, ...]
    supers: tuple[SuperCue, ...]
    warnings: tuple[str, ...] = ()
    #: programme time of the report's zero, in ms (from --start)
    offset: int = 0
    #: extra inputs exporters may use (pronouncer guide, on-air time)
    options: dict = field(default_factory=dict, compare=False)
    #: how the words were matched to real timings, when `--timings` was given
    alignment: WordAlignment | None = None
    #: texts derived from this build and asked for more than once (the ASS events the
    #: preview page draws), kept with the build rather than in a module; not an init field,
    #: so a build changed by dataclasses.replace starts with its own, empty
    memo: dict = field(default_factory=dict, init=False, compare=False, repr=False)
    #: the package alone, on the clip's time line (its first frame is zero, or `offset`):
    #: what plays against the package video; None when the report has no package
    package: Build | None = field(default=None, compare=False, repr=False)

    @property
    def total(self) -> int:
        return self.timeline[-1].end if self.timeline else 0
