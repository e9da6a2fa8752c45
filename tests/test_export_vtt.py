"""STEM.vtt: every word in order, `& < >` escaped, speakers as voices, raised cues lifted."""

from __future__ import annotations

import html
import io

import pytest
import webvtt
from hypothesis import given
from hypothesis import strategies as st

from broadcast.exporters.vtt import EXPORTER, RAISED, timestamp
from broadcast.model import LowerThird
from tests.golden import golden_path, rendered
from tests.subtitles import HOSTILE, PROFILES, hand_build, reference_build, spoken_words, squeeze, words


def parse(text: str) -> list:
    return webvtt.from_buffer(io.StringIO(text)).captions


@pytest.mark.parametrize("profile", PROFILES)
def test_every_spoken_word_reaches_the_vtt_in_order(profile):
    build = reference_build(profile)
    captions = parse(EXPORTER.export(build))
    assert words(html.unescape(c.text) for c in captions) == spoken_words(build)
    assert [c.identifier for c in captions] == [str(c.index) for c in build.cues]
    assert [(c.start, c.end) for c in captions] == \
        [(timestamp(c.start), timestamp(c.end)) for c in build.cues]


@pytest.mark.parametrize("profile", PROFILES)
def test_raised_cues_are_lifted_and_others_left_at_the_bottom(profile):
    build = reference_build(profile)
    for caption, cue in zip(parse(EXPORTER.export(build)), build.cues, strict=True):
        assert (str(caption.settings) or None) == (RAISED if cue.raised else None), cue


def test_soundbite_speakers_are_voices():
    build = reference_build()
    captions = parse(EXPORTER.export(build))
    for caption, cue in zip(captions, build.cues, strict=True):
        speaker = build.report.segments[cue.segment_index].speaker
        assert caption.voice == (speaker.name if speaker else None)


def test_reference_vtt_matches_the_golden_file():
    assert rendered("vtt") == golden_path("vtt").read_text(encoding="utf-8"), \
        "the WebVTT changed: read it, then `python -m tests.golden` and commit the diff"


def test_hostile_text_is_escaped_and_reads_back_as_written():
    speaker = LowerThird("Tom & <Jerry>", "Cat > mouse")
    build = hand_build([(line,) for line in HOSTILE], speaker=speaker,
                       title="Arrows --> & <tags> in the title")
    text = EXPORTER.export(build)
    body = text.split("\n\n", 2)[2]
    assert "<script>" not in text and "<b>" not in body
    captions = parse(text)
    assert [html.unescape(c.text) for c in captions] == [squeeze(line) for line in HOSTILE]
    assert {html.unescape(c.voice) for c in captions} == {speaker.name}
    note = text.split("\n\n")[1]
    assert note.startswith("NOTE\n") and "-->" not in note


def test_note_names_the_profile():
    note = EXPORTER.export(hand_build([("one",)], "bbc")).split("\n\n")[1]
    assert "Profile bbc: 37 characters a line, 2 lines, 17 characters a second" in note


#: any text but control and format characters (the checker drops zero-width ones)
line_text = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Cf")), min_size=1, max_size=50) \
    .filter(lambda s: s.strip())


@given(st.lists(st.lists(line_text, min_size=1, max_size=3).map(tuple), min_size=1, max_size=6))
def test_any_text_survives_the_round_trip(cue_lines):
    from broadcast.check import read_vtt
    build = hand_build(cue_lines)
    cues = read_vtt(EXPORTER.export(build))
    assert [c.lines for c in cues] == [tuple(squeeze(line) for line in lines) for lines in cue_lines]
