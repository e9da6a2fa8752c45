"""Captions: cut each timed segment into cues of lines, and place the lower-thirds."""

from __future__ import annotations

from broadcast.model import Cue, Kind, SuperCue, TimedSegment
from broadcast.profiles import StyleProfile


def _chunks(words: list[str], width: int, lines: int) -> list[list[str]]:
    """Greedy fill: lines of at most `width` characters, `lines` lines an event."""
    events, current, line = [], [], ""
    for word in words:
        candidate = f"{line} {word}".strip()
        if len(candidate) <= width or not line:
            line = candidate
            continue
        current.append(line)
        line = word
        if len(current) == lines:
            events.append(current)
            current = []
    if line:
        current.append(line)
    if current:
        events.append(current)
    return events


def place_supers(timeline: tuple[TimedSegment, ...], profile: StyleProfile) -> tuple[SuperCue, ...]:
    """A lower-third for each soundbite and stand-up, for its first seconds."""
    return tuple(
        SuperCue(t.segment.speaker, t.start, min(t.end, t.start + profile.lower_third_hold), i)
        for i, t in enumerate(timeline)
        if t.segment.kind in (Kind.SOUNDBITE, Kind.STANDUP) and t.segment.speaker
    )


def make_cues(
    timeline: tuple[TimedSegment, ...], supers: tuple[SuperCue, ...], profile: StyleProfile
) -> tuple[tuple[Cue, ...], tuple[str, ...]]:
    """Cues for every segment, each segment's time spread over its events by length."""
    cues: list[Cue] = []
    for i, timed in enumerate(timeline):
        events = _chunks(timed.segment.text.split(), profile.max_chars_per_line, profile.max_lines)
        total = sum(len(" ".join(e)) for e in events) or 1
        t = timed.start
        for event in events:
            share = len(" ".join(event)) / total * timed.duration
            start, end = profile.snap(t), profile.snap(t + share)
            end = max(start + 1, end - profile.min_gap)
            raised = any(s.start < end and start < s.end for s in supers)
            cues.append(Cue(len(cues) + 1, start, end, tuple(event), i, raised))
            t += share
    return tuple(cues), ()


def break_paragraph(words: list[str], max_chars: int, max_lines: int) -> list[list[str]]:
    """Subtitles for one paragraph of plain text: a list of events, each a list of lines."""
    return _chunks(words, max_chars, max_lines)
