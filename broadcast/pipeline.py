"""The whole pipeline on plain values: script text to a Build the exporters can write."""

from __future__ import annotations

from dataclasses import replace

from broadcast.captions import fit_supers_to_cues, make_cues, place_credits, place_supers, raise_under
from broadcast.model import Build, Kind, Report, TimedSegment, WordAlignment
from broadcast.profiles import StyleProfile
from broadcast.segment import segment
from broadcast.timecode import frames_to_ms, is_drop_frame_rate, timecode_to_ms
from broadcast.timing import time_report

#: story forms with no clip of their own: the anchor reads every word live
LIVE_FORMS = frozenset({"reader", "vo"})


def build_report(report: Report, profile: StyleProfile, **options) -> Build:
    """Time and caption a segmented report, and its package on the package's own time line.

    options["timings"], the bytes of a word-timing file, times it from the recorded words
    instead of the read-time model. options["start"], a timecode, is the programme time of
    the report's start (`Build.offset`). At 29.97 and 59.94 it counts in drop-frame whichever
    separator it is typed with, as timecodes at those rates are shown, so that
    10:00:00:00 reads back as 10:00:00;00.
    """
    start = options.get("start")
    offset = timecode_to_ms(start, profile.fps, drop_frame=is_drop_frame_rate(profile.fps)) if start else 0
    alignment, notes = None, ()
    if options.get("timings") is not None:  # an empty file is refused, not ignored
        # The aligner (and its string-distance library) only when there are timings to conform.
        from broadcast.align import conform, timeline_from_words
        alignment, notes = conform(report, options["timings"])
        timeline = timeline_from_words(report, alignment.word_times, profile)
    else:
        timeline = time_report(report, profile)
    cut: dict = {}  # how each segment was cut, for the package's captioning to reuse
    build = _caption(report, timeline, profile, alignment, offset, options, report.warnings + notes, cut)
    build = replace(build, package=package_build(build, cut))
    trt = running_time_warning(build)
    return replace(build, warnings=build.warnings + (trt,)) if trt else build


#: a stated running time further than this share from the computed one is warned about
TRT_TOLERANCE = 0.10


def _minutes(ms: int) -> str:
    seconds = round(ms / 1000)
    return f"{seconds // 60}:{seconds % 60:02d}"


def running_time_warning(build: Build) -> str | None:
    """The script's stated running time (`TRT: 2:31`, `PKG TRT: 1:52`) against the computed
    one, of the package or of the whole report, whichever it is nearer: more than 10% apart,
    a warning naming both."""
    stated = build.report.stated_trt
    if not stated:
        return None
    computed = [("report", build.total)] + ([("package", build.package.total)] if build.package else [])
    what, total = min(computed, key=lambda c: abs(c[1] - stated))
    if abs(total - stated) <= TRT_TOLERANCE * stated:
        return None
    basis = "recorded words" if build.alignment else "read-time estimate"
    return (f"the script states a running time of {_minutes(stated)}, the {what} runs {_minutes(total)} "
            f"({basis}): {abs(total - stated) / stated:.0%} {'longer' if total > stated else 'shorter'}")


def _caption(report: Report, timeline: tuple[TimedSegment, ...], profile: StyleProfile,
             alignment: WordAlignment | None, offset: int, options: dict,
             warnings: tuple[str, ...], cut: dict | None = None) -> Build:
    """The supers and cues of a timed report."""
    supers = place_supers(timeline, profile)
    cues, cue_warnings = make_cues(timeline, supers, profile,
                                   word_times=alignment.word_times if alignment else None,
                                   offset=offset, signoff=report.signoff, cut=cut)
    # lower-thirds go off as a subtitle changes, and the subtitles come down with them
    supers = fit_supers_to_cues(supers + place_credits(report.notes, timeline, profile), cues, profile)
    cues = raise_under(cues, supers)
    return Build(report, profile, timeline, cues, supers, warnings + cue_warnings,
                 offset=offset, options=options, alignment=alignment)


def package_segments(report: Report) -> list[int]:
    """The segments the package clip holds: from the first that is not the anchor's to the
    last, less any anchor copy among them (the anchor is live, the package is a clip). A
    reader, or anchor voice-over, has none."""
    if report.form in LIVE_FORMS:
        return []
    taped = [i for i, s in enumerate(report.segments) if s.kind is not Kind.ANCHOR_INTRO]
    return [i for i in taped if taped[0] <= i <= taped[-1]] if taped else []


def package_build(build: Build, cut: dict | None = None) -> Build | None:
    """The same pipeline on the package's time line: its segments moved to start at the
    clip's first frame (programme time `--start`, as for the whole report), so that its
    subtitles and supers play against the package video as it is cut."""
    chosen = package_segments(build.report)
    if not chosen:
        return None
    profile = build.profile
    zero = profile.frame(build.timeline[chosen[0]].start)

    def moved(ms: int) -> int:
        return frames_to_ms(profile.frame(ms) - zero, profile.fps)

    timeline = tuple(TimedSegment(build.timeline[i].segment, moved(build.timeline[i].start),
                                  moved(build.timeline[i].end)) for i in chosen)
    alignment = None
    if build.alignment:
        shift = frames_to_ms(zero, profile.fps)
        alignment = replace(build.alignment, word_times=tuple(
            tuple((a - shift, b - shift) for a, b in build.alignment.word_times[i]) for i in chosen))
    report = replace(build.report, segments=tuple(build.report.segments[i] for i in chosen))
    return _caption(report, timeline, profile, alignment, build.offset, build.options, (), cut)


def build_text(text: str, profile: StyleProfile, convention: str | None = None, **options) -> Build:
    """Segment, time and caption normalised script text."""
    return build_report(segment(text, convention), profile, **options)


def recaption(build: Build, profile: StyleProfile) -> Build:
    """The same speech captioned under another profile's limits (the SCC's 32 columns): the
    timeline and any recognised word times stand, the cues and lower-thirds are cut anew by
    the line breaker, and the warnings are those of the new cues."""
    return _caption(build.report, build.timeline, profile, build.alignment, build.offset, build.options, ())
