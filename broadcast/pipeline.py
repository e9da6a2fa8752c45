"""The whole pipeline on plain values: script text to a Build the exporters can write."""

from __future__ import annotations

from dataclasses import replace

from broadcast.captions import make_cues, place_supers
from broadcast.model import Build, Report
from broadcast.profiles import StyleProfile
from broadcast.segment import segment
from broadcast.timecode import is_drop_frame_rate, timecode_to_ms
from broadcast.timing import time_report


def build_report(report: Report, profile: StyleProfile, **options) -> Build:
    """Time and caption a segmented report.

    options["timings"], the bytes of a word-timing file, times it from the recorded words
    instead of the read-time model. options["start"], a timecode, is the programme time of
    the report's start (`Build.offset`). At 29.97 and 59.94 it counts in drop-frame whichever
    separator it is typed with, as timecodes at those rates are shown, so that
    10:00:00:00 reads back as 10:00:00;00.
    """
    start = options.get("start")
    offset = timecode_to_ms(start, profile.fps, drop_frame=is_drop_frame_rate(profile.fps)) if start else 0
    alignment, notes = None, ()
    if options.get("timings"):
        # The aligner (and its string-distance library) only when there are timings to conform.
        from broadcast.align import conform, timeline_from_words
        alignment, notes = conform(report, options["timings"])
        timeline = timeline_from_words(report, alignment.word_times, profile)
    else:
        timeline = time_report(report, profile)
    supers = place_supers(timeline, profile)
    cues, warnings = make_cues(timeline, supers, profile,
                               word_times=alignment.word_times if alignment else None, offset=offset)
    return Build(report, profile, timeline, cues, supers, report.warnings + notes + warnings,
                 offset=offset, options=options, alignment=alignment)


def build_text(text: str, profile: StyleProfile, convention: str | None = None, **options) -> Build:
    """Segment, time and caption normalised script text."""
    return build_report(segment(text, convention), profile, **options)


def recaption(build: Build, profile: StyleProfile) -> Build:
    """The same speech captioned under another profile's limits (the SCC's 32 columns): the
    timeline and any recognised word times stand, the cues and lower-thirds are cut anew by
    the line breaker, and the warnings are those of the new cues."""
    word_times = build.alignment.word_times if build.alignment else None
    supers = place_supers(build.timeline, profile)
    cues, warnings = make_cues(build.timeline, supers, profile, word_times=word_times, offset=build.offset)
    return replace(build, profile=profile, cues=cues, supers=supers, warnings=warnings)
