"""The whole pipeline on plain values: script text to a Build the exporters can write."""

from __future__ import annotations

from broadcast.captions import make_cues, place_supers
from broadcast.model import Build, Report
from broadcast.profiles import StyleProfile
from broadcast.segment import segment
from broadcast.timing import time_report


def build_report(report: Report, profile: StyleProfile, **options) -> Build:
    """Time and caption a segmented report."""
    timeline = time_report(report, profile)
    supers = place_supers(timeline, profile)
    cues, warnings = make_cues(timeline, supers, profile)
    return Build(report, profile, timeline, cues, supers, report.warnings + warnings, options=options)


def build_text(text: str, profile: StyleProfile, convention: str | None = None, **options) -> Build:
    """Segment, time and caption normalised script text."""
    return build_report(segment(text, convention), profile, **options)
