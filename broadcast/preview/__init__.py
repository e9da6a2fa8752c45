"""What the previews show of a build, computed once for the terminal and the HTML page:
each cue with its segment, speaker, reading speed and breaches of the profile."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from broadcast.check import check_cues
from broadcast.cue_text import speaker_label
from broadcast.model import Build, Cue, Kind
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


def reading_speed(cue: Cue) -> float:
    """Characters a second, spaces included, as the style guides count them."""
    return len(cue.text) * 1000 / cue.duration if cue.duration > 0 else float("inf")


def speed_level(cps: float, profile: StyleProfile) -> str:
    limit = profile.max_chars_per_second
    if cps > limit:
        return Speed.OVER
    return Speed.NEAR if cps > NEAR_LIMIT * limit else Speed.WITHIN


def cue_views(build: Build) -> tuple[CueView, ...]:
    """Each cue with what the previews show of it; its breaches are those `broadcast check`
    finds, in its words."""
    breaches = defaultdict(list)
    for breach in check_cues(list(build.cues), build.profile):
        breaches[breach.cue].append(breach.message)
    views = []
    for cue in build.cues:
        segment = build.timeline[cue.segment_index].segment
        cps = reading_speed(cue)
        views.append(CueView(cue, segment.kind, speaker_label(segment, build), cps,
                             speed_level(cps, build.profile), tuple(breaches[cue.index])))
    return tuple(views)
