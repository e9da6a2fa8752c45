"""`STEM.srt` through the `srt` library, and the cue checks every subtitle file shares.

`srt.compose` silently drops a subtitle with empty text or an end not after its start, so
the cues are checked first: a cue no subtitle file can hold is a fault of the cue maker and
stops the export rather than losing words. SRT has no escapes, yet players obey tags and
override blocks in it and parsers take a `-->` line for a new subtitle: the script's text is
made inert with look-alikes (`broadcast/exporters/_inert.py`) so every player shows it as
written and every parser reads the same subtitles.
"""

from __future__ import annotations

from datetime import timedelta

import srt

from broadcast.exporters import Exporter
from broadcast.exporters._inert import inert_srt_line
from broadcast.model import Build, Cue
from broadcast.timecode import timecode_label_ms


class CueError(ValueError):
    """A cue that a subtitle file cannot hold (no text, or no time on screen)."""


def cue_lines(cue: Cue) -> tuple[str, ...]:
    """The cue's lines with runs of white space made single spaces and blank lines left out.

    A blank line ends a block in SRT and WebVTT, and a line break inside a line would
    add a line the cue maker did not count, so both are removed here; no word is lost.
    """
    return tuple(" ".join(line.split()) for line in cue.lines if line.strip())


def checked_cues(cues: tuple[Cue, ...]) -> list[tuple[Cue, tuple[str, ...]]]:
    """Each cue with its lines, after making sure every subtitle format can hold it."""
    checked = []
    previous_start = 0
    for cue in cues:
        lines = cue_lines(cue)
        if not lines:
            raise CueError(f"cue {cue.index} has no text")
        if cue.start < 0 or cue.end <= cue.start:
            raise CueError(f"cue {cue.index} runs from {cue.start} ms to {cue.end} ms")
        if cue.start < previous_start:
            raise CueError(f"cue {cue.index} starts before the cue ahead of it")
        previous_start = cue.start
        checked.append((cue, lines))
    return checked


def programme_zero(build: Build) -> int:
    """Where the report's zero sits on the SRT's clock (ms): at `--start` as its digits read.
    The frame a label names is not always that many milliseconds in: at 29.97 drop-frame
    `10:00:00;00` comes 36 ms sooner (an SRT from it would start at 09:59:59,964, before the
    programme), at 23.976 36 s later. From the label, the SRT starts where the rundown says."""
    start = build.options.get("start")
    return timecode_label_ms(start, build.profile.fps) if start else build.offset


def export(build: Build) -> str:
    zero = programme_zero(build)
    subtitles = [
        srt.Subtitle(cue.index, timedelta(milliseconds=zero + cue.start),
                     timedelta(milliseconds=zero + cue.end),
                     "\n".join(inert_srt_line(line) for line in lines))
        for cue, lines in checked_cues(build.cues)
    ]
    # In programme time (--start), as playout takes it. Numbered as the cues are (and as in
    # the JSON and WebVTT), not renumbered by srt.
    return srt.compose(subtitles, reindex=False)


EXPORTER = Exporter("srt", ".srt", export, "SubRip subtitles")
