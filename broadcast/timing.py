"""Read-time model: how long each segment takes to say, without recorded audio."""

from __future__ import annotations

from broadcast.model import ROLE, Report, TimedSegment
from broadcast.profiles import StyleProfile


def read_time(text: str, role: str, profile: StyleProfile) -> int:
    """Milliseconds to say `text` at the role's words-a-minute rate."""
    words = len(text.split())
    wpm = profile.read_rate.get(role, 160)
    return round(words * 60_000 / wpm)


def time_report(report: Report, profile: StyleProfile) -> tuple[TimedSegment, ...]:
    """Place the segments one after another on the report's time line, frame-aligned."""
    out, t = [], 0
    for segment in report.segments:
        end = profile.snap(t + read_time(segment.text, ROLE[segment.kind], profile))
        out.append(TimedSegment(segment, t, end))
        t = end
    return tuple(out)
