"""Cues timed from recognised words: in on the first word, out soon after the last."""

from __future__ import annotations

import random

import pytest

from broadcast.captions import make_cues, place_supers
from broadcast.check import check_cues
from broadcast.model import ROLE, Kind, LowerThird, Report, Segment, TimedSegment
from broadcast.profiles import load_profile
from broadcast.timing import time_report, word_spans

SEGMENTS = (
    Segment(Kind.ANCHOR_INTRO, "Russia, Iran and Turkey have launched a major diplomatic push to end "
            "the Syrian crisis. Our correspondent Julia Lyubova reports from Moscow.", (0, 1)),
    Segment(Kind.SOUNDBITE, "We have agreed to continue to apply the most active efforts for reaching "
            "of our main goal of establishing peace and stability in this country.", (1, 2),
            LowerThird("Vladimir Putin", "Russian President")),
    Segment(Kind.NARRATION, "The trilateral talks came two days after Putin hosted Syria's President "
            "Bashar al-Assad in Sochi.", (2, 3)),
)


def recognised(profile, speed: float = 1.0, seed: int = 7):
    """A timeline and word times as a recogniser gives them: the read-time model's words,
    said `speed` times as fast, with a second of silence between segments and some jitter."""
    rng = random.Random(seed)
    planned = time_report(Report("t", (), None, None, None, SEGMENTS), profile)
    timeline, word_times, t = [], [], 0.0
    for timed in planned:
        length = timed.duration / speed
        spans = word_spans(timed.segment.text.split(), ROLE[timed.segment.kind], profile, t, t + length)
        times = []
        for a, b in spans:
            jitter = rng.uniform(-15, 15)
            times.append((round(a + jitter), round(b + jitter)))
        times = [(max(a, times[k - 1][1] if k else a), b) for k, (a, b) in enumerate(times)]
        word_times.append(tuple(times))
        timeline.append(TimedSegment(timed.segment, round(t), round(t + length)))
        t += length + 1000
    return tuple(timeline), tuple(word_times)


@pytest.fixture(scope="module")
def profile():
    return load_profile("broadcast")


def _first_and_last_words(cues, word_times):
    k, segment, out = 0, None, []
    for cue in cues:
        if cue.segment_index != segment:
            segment, k = cue.segment_index, 0
        count = len(cue.text.split())
        out.append((word_times[segment][k][0], word_times[segment][k + count - 1][1]))
        k += count
    return out


def test_each_cue_comes_up_within_a_frame_of_its_first_word(profile):
    timeline, word_times = recognised(profile)
    cues, _ = make_cues(timeline, place_supers(timeline, profile), profile, word_times)
    for cue, (first, _) in zip(cues, _first_and_last_words(cues, word_times)):
        assert abs(cue.start - first) <= profile.frame_ms / 2 + 1, cue


def test_a_cue_goes_down_soon_after_its_last_word(profile):
    timeline, word_times = recognised(profile)
    cues, warnings = make_cues(timeline, place_supers(timeline, profile), profile, word_times)
    assert warnings == ()
    spans = _first_and_last_words(cues, word_times)
    for k, (cue, (_, last)) in enumerate(zip(cues, spans)):
        needed = max(profile.min_duration, len(cue.text) * 1000 / profile.max_chars_per_second)
        assert cue.end <= last + 12 * profile.frame_ms + profile.frame_ms / 2 or cue.duration <= needed + profile.frame_ms
        if k + 1 < len(cues):
            assert cues[k + 1].start - cue.end >= profile.min_gap
    # before a second of silence the cue goes down 12 frames after the last word
    ends_of_segments = [k for k, cue in enumerate(cues[:-1]) if cues[k + 1].segment_index != cue.segment_index]
    for k in ends_of_segments:
        assert cues[k].end == pytest.approx(spans[k][1] + 12 * profile.frame_ms, abs=profile.frame_ms)
    assert check_cues(list(cues), profile) == []


def test_every_word_in_order_and_names_whole(profile):
    timeline, word_times = recognised(profile)
    cues, _ = make_cues(timeline, place_supers(timeline, profile), profile, word_times)
    assert " ".join(c.text for c in cues).split() == " ".join(s.text for s in SEGMENTS).split()
    lines = [line for c in cues for line in c.lines]
    assert not any(line.endswith(("Julia", "Vladimir", "Bashar")) for line in lines)


def test_a_warning_quotes_the_cue_s_programme_time(profile):
    timeline, word_times = recognised(profile, speed=1.6)
    _, report_time = make_cues(timeline, (), profile, word_times)
    _, programme_time = make_cues(timeline, (), profile, word_times, offset=10 * 3600 * 1000)
    assert report_time and len(programme_time) == len(report_time)
    for plain, shifted in zip(report_time, programme_time):
        number, at = plain.split(": ")[0].split(" at ")
        assert shifted.startswith(f"{number} at 10:{at[3:]}:"), (plain, shifted)


def test_speech_faster_than_the_reading_speed_is_warned_by_cue_number(profile):
    timeline, word_times = recognised(profile, speed=1.6)
    cues, warnings = make_cues(timeline, place_supers(timeline, profile), profile, word_times)
    assert warnings
    breaches = check_cues(list(cues), profile)
    assert {b.rule for b in breaches} <= {"reading speed", "duration"}
    for breach in breaches:
        assert any(w.startswith(f"cue {breach.cue} ") for w in warnings)
    # still on the words: the cue does not come up late to buy reading time
    for cue, (first, _) in zip(cues, _first_and_last_words(cues, word_times)):
        assert abs(cue.start - first) <= profile.frame_ms / 2 + 1


def test_word_times_that_do_not_fit_the_segments_are_refused(profile):
    timeline, word_times = recognised(profile)
    with pytest.raises(ValueError):
        make_cues(timeline, (), profile, word_times[:-1])
    with pytest.raises(ValueError):
        make_cues(timeline, (), profile, (word_times[0][:-1],) + word_times[1:])


@pytest.mark.parametrize("fps", ["23.976", "29.97", "50", "59.94"])
def test_other_frame_rates_keep_gaps_and_frames(fps):
    profile = load_profile("broadcast", fps)
    timeline, word_times = recognised(profile)
    cues, _ = make_cues(timeline, place_supers(timeline, profile), profile, word_times)
    for cue in cues:
        assert profile.snap(cue.start) == cue.start and profile.snap(cue.end) == cue.end
    assert check_cues(list(cues), profile) == []
