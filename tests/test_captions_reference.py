"""The reference report's cues under each profile: every word, good breaks, the profile kept."""

from __future__ import annotations

import re

import pytest

from broadcast.captions import heard_words
from broadcast.check import check_cues
from broadcast.linebreak import is_weak
from broadcast.pipeline import build_text
from broadcast.profiles import load_profile

PROFILES = ("broadcast", "netflix", "bbc", "dcmp")
# Names in the reference that are not on a lower-third; a break must not split them either.
NAMES = ("Bashar al-Assad", "Saudi Arabia", "Syrian Democratic Forces", "Syrian People's Congress",
         "Russian President Vladimir Putin", "Syria's President Bashar al-Assad")


@pytest.fixture(scope="module", params=PROFILES)
def build(request, reference_text):
    return build_text(reference_text, load_profile(request.param))


def _bare(word: str) -> str:
    return re.sub(r"[^\w'-]", "", word).lower()


def test_every_spoken_word_is_there_in_order(build):
    spoken = [w for s in build.report.segments for w in heard_words(s, build.report.signoff)]
    assert " ".join(c.text for c in build.cues).split() == spoken


def test_the_sign_off_is_subtitled_as_heard(build):
    signoff = [c.text for c in build.cues if build.report.segments[c.segment_index].kind == "signoff"]
    assert " ".join(signoff) == "Julia Lyubova, CGTN, Moscow."


def test_no_cue_spans_two_segments(build):
    for i, segment in enumerate(build.report.segments):
        words = " ".join(c.text for c in build.cues if c.segment_index == i).split()
        assert words == heard_words(segment, build.report.signoff)
    assert [c.segment_index for c in build.cues] == sorted(c.segment_index for c in build.cues)


def test_few_lines_or_events_end_on_a_weak_word(build):
    lines = [line for cue in build.cues for line in cue.lines]
    weak_lines = [line for line in lines if is_weak(line.split()[-1])]
    weak_events = [cue.text for cue in build.cues if is_weak(cue.text.split()[-1])]
    assert len(weak_lines) <= 0.02 * len(lines), weak_lines
    assert len(weak_events) <= 0.02 * len(build.cues), weak_events


def test_no_name_is_split(build):
    words, breaks = [], set()
    for cue in build.cues:
        for line in cue.lines:
            words += [_bare(w) for w in line.split()]
            breaks.add(len(words) - 1)  # a line or event ends after this word
    names = [s.speaker.name for s in build.report.segments if s.speaker] + list(NAMES)
    found = 0
    for name in names:
        if len(name) > build.profile.max_chars_per_line:
            continue  # it cannot fit on one line
        parts = [_bare(p) for p in name.split()]
        for i in range(len(words) - len(parts) + 1):
            if words[i:i + len(parts)] == parts:
                found += 1
                assert not breaks & set(range(i, i + len(parts) - 1)), f"{name} split at {i}"
    assert found >= len(NAMES)


def test_cues_keep_the_profile(build):
    breaches = check_cues(list(build.cues), build.profile)
    assert breaches == []
    assert not [w for w in build.warnings if w.startswith("cue ")]


def test_cues_sit_on_frames_and_keep_the_gap(build):
    profile = build.profile
    for cue in build.cues:
        assert profile.snap(cue.start) == cue.start and profile.snap(cue.end) == cue.end
    for before, after in zip(build.cues, build.cues[1:]):
        assert after.start - before.end >= profile.min_gap


def test_cues_beneath_a_lower_third_are_raised(build):
    assert build.supers
    for cue in build.cues:
        on_screen = any(s.start < cue.end and cue.start < s.end for s in build.supers)
        assert cue.raised == on_screen
    assert any(c.raised for c in build.cues) and not all(c.raised for c in build.cues)


def test_estimated_cues_stay_close_to_their_words(build, reference_report):
    """A cue comes up at most 12 frames after its first word's estimated time."""
    from broadcast.model import ROLE
    from broadcast.timing import word_spans
    firsts = []
    for i, timed in enumerate(build.timeline):
        spans = word_spans(timed.segment.text.split(), ROLE[timed.segment.kind], build.profile,
                           timed.start, timed.end)
        k = 0
        for cue in (c for c in build.cues if c.segment_index == i):
            firsts.append(spans[k][0])
            k += len(cue.text.split())
    for cue, first in zip(build.cues, firsts):
        assert -build.profile.frame_ms / 2 <= cue.start - first <= 12.5 * build.profile.frame_ms + 1
