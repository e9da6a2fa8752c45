"""Captions: cut each timed segment into cues of lines, time them, and place the lower-thirds.

Each segment is broken on its own (an event never spans two segments, so never two
speakers). The breaker knows when each word is said, either estimated by the read-time
model or recognised from the audio, so it can keep every event within the profile's
durations and reading speed. A cue comes up on the frame of its first word and goes
down up to half a second after its last (12 frames at 25 fps), or sooner to leave the
minimum gap before the next; it stays longer when the reading speed or the minimum
duration asks for it and the next cue leaves room. Where they cannot be met, a warning
names the cue.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from functools import cache
from typing import Sequence

from broadcast.linebreak import Timing, break_events
from broadcast.model import ROLE, Cue, Kind, LowerThird, Note, NoteKind, Segment, SignOff, SuperCue, TimedSegment
from broadcast.profiles import StyleProfile
from broadcast.timecode import frames_to_ms, ms_to_timecode
from broadcast.timing import read_time, word_spans

#: how long a cue may stay up after its last word: 12 frames at 24 or 25 fps
LINGER = 500

WordTimes = Sequence[Sequence[tuple[int, int]]]


#: a super is not cut shorter than this to leave the gap before the next one (ms)
MIN_SUPER = 2000
#: what a credit note says before its text, which is not put on screen
_CREDIT_LABEL = re.compile(r"^\s*(?:mandatory\b\s*)?(?:(?:cg|super|graphic|aston|credit)\b\s*:?\s*)?", re.I)


def place_supers(timeline: tuple[TimedSegment, ...], profile: StyleProfile) -> tuple[SuperCue, ...]:
    """A lower-third at the start of each soundbite and stand-up whose speaker is named: once
    a person (again only `resuper_after` later), the profile's `super_gap` clear of the one
    before, which is cut short for it or, when that would leave it under MIN_SUPER, waited for."""
    placed: list[SuperCue] = []
    shown: dict[LowerThird, int] = {}  # each person and when their last super went off
    for i, timed in enumerate(timeline):
        speaker = timed.segment.speaker
        if timed.segment.kind not in (Kind.SOUNDBITE, Kind.STANDUP) or not speaker:
            continue
        if speaker in shown and timed.start - shown[speaker] < profile.resuper_after:
            continue
        start = timed.start
        if placed and start < placed[-1].end + profile.super_gap:
            before = placed[-1]
            cut = profile.snap(start - profile.super_gap)
            if cut - before.start >= MIN_SUPER:
                placed[-1] = replace(before, end=cut)
                shown[before.lower_third] = cut
            else:
                start = profile.snap(before.end + profile.super_gap)
        end = min(timed.end, start + profile.lower_third_hold)
        if end <= start:
            continue  # nothing of the segment left: the speaker is supered when they return
        placed.append(SuperCue(speaker, start, end, i))
        shown[speaker] = end
    return tuple(placed)


def credit_text(note: str) -> str:
    """What a credit note puts on screen: `((Mandatory cg: Skype))` is `Skype`,
    `((COURTESY: NEUTRA FAMILY))` is `COURTESY: NEUTRA FAMILY`."""
    text = " ".join(_CREDIT_LABEL.sub("", note.strip().strip("()[]{}").strip()).split())
    return text[:1].upper() + text[1:]


def place_credits(notes: Sequence[Note], timeline: tuple[TimedSegment, ...],
                  profile: StyleProfile) -> tuple[SuperCue, ...]:
    """A credit super for each credit note, over the first seconds of the segment it belongs
    to: the first that starts after the note in the script (the note heads its shot), else
    the last before it."""
    credits = []
    for note in notes:
        if note.kind is not NoteKind.CREDIT or not credit_text(note.text):
            continue
        after = [i for i, t in enumerate(timeline) if t.segment.span[0] >= note.span[0]]
        if not after and not timeline:
            continue
        i = after[0] if after else len(timeline) - 1
        timed = timeline[i]
        end = min(timed.end, timed.start + profile.lower_third_hold)
        credits.append(SuperCue(LowerThird("", credit_text(note.text)), timed.start, end, i, credit=True))
    return tuple(sorted(credits, key=lambda c: c.start))


def fit_supers_to_cues(supers: tuple[SuperCue, ...], cues: tuple[Cue, ...],
                       profile: StyleProfile) -> tuple[SuperCue, ...]:
    """Each lower-third put on and taken off as a subtitle changes, so that the subtitles
    raised above it go up and come down with it, never mid-quote: it goes off at the end of
    the subtitle of its segment that ends nearest its hold (not under MIN_SUPER), and the
    next comes on with the first of its own subtitles at least `super_gap` later; where none
    is left for it, the one before is taken off sooner, at a subtitle's end, to make room."""
    by_segment: dict[int, list[Cue]] = {}
    for cue in cues:
        by_segment.setdefault(cue.segment_index, []).append(cue)

    def on_at(sup: SuperCue, earliest: float, least: int = MIN_SUPER) -> int | None:
        """The first subtitle start of the super's segment from `earliest` that leaves it room."""
        own = by_segment.get(sup.segment_index, ())
        if not own:
            return None
        room = min(least, own[-1].end - own[0].start)  # a short segment's own length
        return next((c.start for c in own if c.start >= earliest and own[-1].end - c.start >= room), None)

    def off_at(sup: SuperCue, start: int, latest: float) -> int | None:
        """The subtitle end of the super's segment nearest its hold, by `latest`."""
        ends = [c.end for c in by_segment.get(sup.segment_index, ())
                if start < c.end <= latest and (c.end - start >= MIN_SUPER or c.end >= sup.end)]
        return min(ends, key=lambda e: (abs(e - (start + sup.end - sup.start)), e)) if ends else None

    fitted: list[SuperCue] = []
    for sup in sorted((s for s in supers if not s.credit), key=lambda s: s.start):
        earliest = fitted[-1].end + profile.super_gap if fitted else -math.inf
        # (place_supers may have held it back from its segment's start for the super before,
        # whose end has moved since: the segment's own subtitles are the choice)
        start = on_at(sup, earliest)
        if start is None and fitted:
            # no subtitle of its own far enough on: the one before goes off sooner
            before = fitted[-1]
            cut = off_at(before, before.start, sup.start - profile.super_gap)
            if cut is not None and cut - before.start >= MIN_SUPER:
                fitted[-1] = replace(before, end=cut)
                start = on_at(sup, cut + profile.super_gap)
        if start is None:
            start = sup.start if sup.start >= earliest else None
        if start is None:
            # a speaker on screen unnamed is worse than a short super: on with a later subtitle
            # of their own, if a second of it is left
            start = on_at(sup, earliest, MIN_SUPER // 2)
        if start is None:
            continue  # nowhere to put it clear of the one before
        end = off_at(sup, start, math.inf) or sup.end
        fitted.append(replace(sup, start=start, end=max(end, start + 1)))
    return tuple(sorted(fitted + [s for s in supers if s.credit], key=lambda s: (s.start, s.credit)))


def raise_under(cues: tuple[Cue, ...], supers: tuple[SuperCue, ...]) -> tuple[Cue, ...]:
    """Each cue raised while a lower-third (not a credit) shares the screen with it."""
    # The cues come in time order and the lower-thirds do not overlap: one that is down
    # before a cue starts is down for every later cue too.
    ordered, k = sorted((s for s in supers if not s.credit), key=lambda s: s.start), 0
    out = []
    for cue in cues:
        while k < len(ordered) and ordered[k].end <= cue.start:
            k += 1
        raised = k < len(ordered) and ordered[k].start < cue.end
        out.append(cue if cue.raised == raised else replace(cue, raised=raised))
    return tuple(out)


def break_paragraph(words: list[str], max_chars: int, max_lines: int,
                    profile: StyleProfile | None = None) -> list[list[str]]:
    """Subtitles for one paragraph of plain text: a list of events, each a list of lines.

    The paragraph is cut as `build` cuts a narration paragraph: timed by the read-time model
    in the profile's correspondent voice (the broadcast profile by default), so that
    `broadcast break` and `broadcast build` give one answer for the same words."""
    profile = replace(profile or _broadcast_profile(), max_chars_per_line=max_chars, max_lines=max_lines)
    role = ROLE[Kind.NARRATION]
    end = profile.snap(read_time(" ".join(words), role, profile))
    spans = word_spans(words, role, profile, 0, end)
    return break_events(words, max_chars, max_lines, timing=_timing(spans, math.inf, profile))


@cache
def _broadcast_profile() -> StyleProfile:
    from broadcast.profiles import load_profile
    return load_profile()


def _timing(spans: list[tuple[float, float]], until: float, profile: StyleProfile) -> Timing:
    """The breaker's view of when a segment's words are said and the profile's time limits."""
    return Timing(starts=[a for a, _ in spans], ends=[b for _, b in spans], until=until,
                  gap=profile.min_gap, min_duration=profile.min_duration,
                  max_duration=profile.max_duration, max_cps=profile.max_chars_per_second)


def _names(timeline: tuple[TimedSegment, ...]) -> list[tuple[str, ...]]:
    """The names the script gives (lower-thirds), which a break must not split, each once."""
    names: dict[tuple[str, ...], None] = {}
    for timed in timeline:
        speaker = timed.segment.speaker
        if speaker:
            names.update(dict.fromkeys(tuple(part.split()) for part in (speaker.name, speaker.title) if part))
    return list(names)


def heard_words(segment: Segment, signoff: SignOff | None) -> list[str]:
    """The words a segment's subtitles show: as written, but the sign-off as the viewer
    hears it (`JL, CGTN, Moscow.` is said `Julia Lyubova, CGTN, Moscow.`)."""
    if segment.kind is Kind.SIGNOFF and signoff is not None and signoff.spoken:
        spoken = signoff.spoken
        # the written sign-off's closing stop, which `spoken` (a list of parts) leaves off
        if segment.text.rstrip()[-1:] in ".!" and not spoken.endswith((".", "!")):
            spoken += segment.text.rstrip()[-1]
        return spoken.split()
    return segment.text.split()


def _spans(timeline: tuple[TimedSegment, ...], profile: StyleProfile, word_times: WordTimes | None,
           words: list[list[str]]) -> list[list[tuple[float, float]]]:
    """When each word of each segment is said: recognised, or estimated by the read-time model.
    A sign-off heard in full, whose written form was timed, is spread over the same time."""
    if word_times is None:
        return [word_spans(said, ROLE[t.segment.kind], profile, t.start, t.end)
                for t, said in zip(timeline, words)]
    if len(word_times) != len(timeline):
        raise ValueError(f"word times for {len(word_times)} segments, the report has {len(timeline)}")
    spans = []
    for i, (timed, times, said) in enumerate(zip(timeline, word_times, words)):
        if len(times) != len(timed.segment.text.split()):
            raise ValueError(f"segment {i + 1}: {len(times)} word times for "
                             f"{len(timed.segment.text.split())} words")
        if len(said) != len(times) and times:
            spans.append(word_spans(said, ROLE[timed.segment.kind], profile, times[0][0], times[-1][1]))
        else:
            spans.append([(float(a), float(b)) for a, b in times])
    return spans


def _frames_for(ms: float, start_frame: int, profile: StyleProfile) -> int:
    """The fewest frames from start_frame that last at least ms (whole milliseconds)."""
    n = max(0, math.ceil(ms * float(profile.fps) / 1000) - 1)
    while frames_to_ms(start_frame + n, profile.fps) - frames_to_ms(start_frame, profile.fps) < ms:
        n += 1
    return n


def _gap_before(frame: int, profile: StyleProfile) -> int:
    """The last frame a cue may end on before one that starts at `frame`: the minimum gap in
    whole milliseconds, which at 29.97 fps can take a frame more than the frame count."""
    end = frame - profile.min_gap_frames
    while frames_to_ms(frame, profile.fps) - frames_to_ms(end, profile.fps) < profile.min_gap:
        end -= 1
    return end


def make_cues(
    timeline: tuple[TimedSegment, ...], supers: tuple[SuperCue, ...], profile: StyleProfile,
    word_times: WordTimes | None = None, offset: int = 0, signoff: SignOff | None = None,
    cut: dict | None = None,
) -> tuple[tuple[Cue, ...], tuple[str, ...]]:
    """Cues for every segment and the warnings where the profile could not be kept.

    word_times, when given, has for each segment (in timeline order) the (start, end) in ms
    of each whitespace-separated word of its text. offset is the programme time of the
    report's start (ms): a warning quotes a cue's time as the SRT and the script show it.
    signoff, the report's, is subtitled as it is heard. cut, a dict shared by the captioning
    of one report and of its package, keeps how each segment was cut: the package's segments
    are the report's moved in time, and the breaker answers alike for words timed alike.
    """
    said = [heard_words(t.segment, signoff) for t in timeline]
    spans = _spans(timeline, profile, word_times, said)
    names = _names(timeline)
    names_key = tuple(names)
    events: list[tuple[tuple[str, ...], int, float, float]] = []  # lines, segment, first start, last end
    for i, words in enumerate(said):
        if not words:
            continue
        following = next((s[0][0] for s in spans[i + 1:] if s), None)
        timing = _timing(spans[i], math.inf if following is None else following - profile.min_gap, profile)
        base = timing.starts[0]
        key = (tuple(words), names_key, round(timing.until - base, 3),
               tuple(round(t - base, 3) for t in timing.starts), tuple(round(t - base, 3) for t in timing.ends))
        cut_events = None if cut is None else cut.get(key)
        if cut_events is None:
            cut_events = break_events(words, profile.max_chars_per_line, profile.max_lines,
                                      names=names, timing=timing)
            if cut is not None:
                cut[key] = cut_events
        k = 0
        for lines in cut_events:
            count = sum(len(line.split()) for line in lines)
            events.append((tuple(lines), i, spans[i][k][0], spans[i][k + count - 1][1]))
            k += count
    cues, warnings = _time_cues(events, profile, estimated=word_times is None, offset=offset)
    return raise_under(cues, supers), warnings


def _gap_after(frame: int, profile: StyleProfile) -> int:
    """The first frame a cue may start on after one that ends on `frame`."""
    start = frame + profile.min_gap_frames
    while frames_to_ms(start, profile.fps) - frames_to_ms(frame, profile.fps) < profile.min_gap:
        start += 1
    return start


def _time_cues(events: list[tuple[tuple[str, ...], int, float, float]],
               profile: StyleProfile, estimated: bool,
               offset: int) -> tuple[tuple[Cue, ...], tuple[str, ...]]:
    """In- and out-frames for each event, then the cues and the warnings.

    A cue comes up on its first word's frame. With recognised words it goes down up to
    LINGER after its last word; with estimated ones it runs on to the next cue, as the
    speech does. It stays up longer where the minimum duration or the reading speed asks,
    up to the gap before the next cue; with estimated words, whose times are only a
    forecast, the next cue may then come up to LINGER late.
    """
    fps = profile.fps
    linger = int(LINGER * float(fps) / 1000)
    lag = linger if estimated else 0
    nominal = [profile.frame(first) for _, _, first, _ in events]
    cues: list[Cue] = []
    warnings: list[str] = []
    start = nominal[0] if events else 0
    for k, (lines, segment_index, _, last) in enumerate(events):
        if k + 1 < len(events):
            limit = _gap_before(nominal[k + 1], profile)
            stretch = _gap_before(nominal[k + 1] + lag, profile)
        else:
            limit = stretch = math.inf
        natural = limit if estimated and k + 1 < len(events) else min(profile.frame(last) + linger, limit)
        chars = len(" ".join(lines))
        need = _frames_for(max(profile.min_duration, chars * 1000 / profile.max_chars_per_second),
                           start, profile)
        longest = _frames_for(profile.max_duration, start, profile)
        if frames_to_ms(start + longest, fps) - frames_to_ms(start, fps) > profile.max_duration:
            longest -= 1
        end = max(int(min(stretch, max(natural, start + need), start + longest)), start + 1)
        start_ms, end_ms = frames_to_ms(start, fps), frames_to_ms(end, fps)
        index = len(cues) + 1
        cue = Cue(index, start_ms, end_ms, lines, segment_index)
        cues.append(cue)
        at = ms_to_timecode(start_ms + offset, fps)
        if cue.duration < profile.min_duration:
            warnings.append(f"cue {index} at {at}: {cue.duration / 1000:.2f} s on screen, under the "
                            f"profile's {profile.min_duration / 1000:g} s: the words go by too fast")
        elif chars * 1000 > profile.max_chars_per_second * cue.duration:
            warnings.append(f"cue {index} at {at}: {chars * 1000 / cue.duration:.1f} characters a "
                            f"second, above the profile's {profile.max_chars_per_second:g}: the speech "
                            f"is faster than the reading speed")
        if k + 1 < len(events):
            start = max(nominal[k + 1], _gap_after(end, profile))
    return tuple(cues), tuple(warnings)
