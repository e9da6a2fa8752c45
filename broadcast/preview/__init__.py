"""What the previews show of a build, computed once for the terminal and the HTML page:
each cue with its segment, speaker, reading speed and breaches of the profile."""

from __future__ import annotations

from dataclasses import dataclass

from broadcast.model import ROLE, Build, Cue, Kind, Segment
from broadcast.profiles import StyleProfile

#: a reading speed above this share of the profile's limit is shown as near the limit
NEAR_LIMIT = 0.9


class Speed:
    """How a cue's reading speed stands against the profile: the colour it is shown in."""

    WITHIN, NEAR, OVER = "within", "near", "over"


@dataclass(frozen=True)
class CueView:
    cue: Cue
    kind: Kind
    speaker: str
    cps: float
    speed: str  # a Speed value
    breaches: tuple[str, ...]


def running_time(build: Build) -> int:
    """Until the last caption leaves the screen: a cue held to its minimum duration may end
    after the last segment."""
    return max([build.total, *(c.end for c in build.cues), *(s.end for s in build.supers)])


def count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def reading_speed(cue: Cue) -> float:
    """Characters a second, spaces included, as the style guides count them."""
    return len(cue.text) * 1000 / cue.duration if cue.duration > 0 else float("inf")


def speed_level(cps: float, profile: StyleProfile) -> str:
    limit = profile.max_chars_per_second
    if cps > limit:
        return Speed.OVER
    return Speed.NEAR if cps > NEAR_LIMIT * limit else Speed.WITHIN


def speaker_label(segment: Segment, build: Build) -> str:
    """Who is heard: the super's name (or description), else the correspondent or the role."""
    if segment.speaker:
        return segment.speaker.name or segment.speaker.title
    role = ROLE[segment.kind]
    if role == "correspondent" and build.report.correspondent:
        return build.report.correspondent
    return role


def cue_breaches(cue: Cue, following: Cue | None, profile: StyleProfile) -> tuple[str, ...]:
    """Each rule of the profile the cue breaks, in a few words."""
    out = []
    cps = reading_speed(cue)
    if cps > profile.max_chars_per_second:
        out.append(f"{cps:.1f} cps > {profile.max_chars_per_second:g}")
    if cue.duration < profile.min_duration:
        out.append(f"shorter than {profile.min_duration / 1000:g}s")
    if cue.duration > profile.max_duration:
        out.append(f"longer than {profile.max_duration / 1000:g}s")
    if len(cue.lines) > profile.max_lines:
        out.append(f"{len(cue.lines)} lines > {profile.max_lines}")
    longest = max((len(line) for line in cue.lines), default=0)
    if longest > profile.max_chars_per_line:
        out.append(f"line of {longest} chars > {profile.max_chars_per_line}")
    if following is not None:
        gap = following.start - cue.end
        if gap < 0:
            out.append(f"overlaps cue {following.index}")
        elif gap < profile.min_gap:
            out.append(f"gap {gap}ms < {profile.min_gap_frames} frames")
    return tuple(out)


def cue_views(build: Build) -> tuple[CueView, ...]:
    cues = build.cues
    views = []
    for i, cue in enumerate(cues):
        segment = build.timeline[cue.segment_index].segment
        cps = reading_speed(cue)
        following = cues[i + 1] if i + 1 < len(cues) else None
        views.append(CueView(cue, segment.kind, speaker_label(segment, build), cps,
                             speed_level(cps, build.profile), cue_breaches(cue, following, build.profile)))
    return tuple(views)
