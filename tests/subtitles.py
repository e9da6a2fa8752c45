"""Builds for the subtitle tests: the reference report under a profile, and hand-made cues."""

from __future__ import annotations

import re
from functools import cache

from broadcast.model import Build, Cue, Kind, LowerThird, Report, Segment, SuperCue, TimedSegment
from broadcast.profiles import load_profile

PROFILES = ("broadcast", "netflix", "bbc", "dcmp")


@cache
def reference_build(profile: str = "broadcast") -> Build:
    from broadcast.pipeline import build_text
    from broadcast.reading import read_script
    from tests.conftest import REFERENCE
    return build_text(read_script(REFERENCE.read_bytes()), load_profile(profile))


def spoken_words(build: Build) -> list[str]:
    """Every word of the report's segments as heard (the sign-off in full), in order: what
    every subtitle file must carry."""
    from broadcast.captions import heard_words
    return [w for s in build.report.segments for w in heard_words(s, build.report.signoff)]


def words(texts) -> list[str]:
    return " ".join(texts).split()


def hand_build(cue_lines: list[tuple[str, ...]], profile: str = "broadcast", *, step: int = 3000,
               speaker: LowerThird | None = None, raised: tuple[int, ...] = (),
               title: str = "Hand-made report") -> Build:
    """One segment whose cues are given line by line, `step` ms apart (each on for step - 200).

    With a speaker the segment is a soundbite with a lower-third over its first cue.
    """
    text = " ".join(" ".join(lines) for lines in cue_lines)
    kind = Kind.SOUNDBITE if speaker else Kind.NARRATION
    segment = Segment(kind, text, (0, len(text)), speaker=speaker)
    end = step * len(cue_lines)
    cues = tuple(Cue(i + 1, i * step, (i + 1) * step - 200, tuple(lines), 0, raised=i + 1 in raised)
                 for i, lines in enumerate(cue_lines))
    supers = (SuperCue(speaker, 0, step - 200, 0),) if speaker else ()
    report = Report(title, (), None, None, None, (segment,))
    return Build(report, load_profile(profile), (TimedSegment(segment, 0, end),), cues, supers)


#: text a script might hold that each format must show as written, never obey
HOSTILE = (
    r"{\pos(0,0)}Hidden? {\an8}top",
    r"A line\Nbreak and a \h hard space, \n too",
    "<script>alert('x')</script> & <b>bold</b>",
    r"back\slash at the end \\",
    "-->  arrows --> in text & &amp; entities",
    "{unclosed brace and } closing",
)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
