"""What a cue shows besides its lines, shared by the exporters, the previews and `check`:
who is heard, and the WebVTT clock. It sits below all of them, so that none imports another
for a helper."""

from __future__ import annotations

from broadcast.model import ROLE, Build, Segment


def speaker_label(segment: Segment, build: Build) -> str:
    """Who is heard: the super's name (or description), else the correspondent or the role."""
    if segment.speaker:
        return segment.speaker.name or segment.speaker.title
    role = ROLE[segment.kind]
    if role == "correspondent" and build.report.correspondent:
        return build.report.correspondent
    return role


def timestamp(ms: int) -> str:
    """A WebVTT timestamp, `HH:MM:SS.mmm`."""
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"
