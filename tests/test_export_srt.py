"""STEM.srt: every word in order, numbered as the cues, bad cues refused rather than dropped."""

from __future__ import annotations

import re
from dataclasses import replace

import pysubs2
import pytest
import srt
from hypothesis import given
from hypothesis import strategies as st

from broadcast.exporters._inert import restore
from broadcast.exporters.srt import EXPORTER, CueError, checked_cues
from tests.golden import golden_path, rendered
from tests.subtitles import HOSTILE, PROFILES, hand_build, reference_build, spoken_words, squeeze, words


@pytest.mark.parametrize("profile", PROFILES)
def test_every_spoken_word_reaches_the_srt_in_order(profile):
    build = reference_build(profile)
    subtitles = list(srt.parse(EXPORTER.export(build)))
    assert words(s.content for s in subtitles) == spoken_words(build)
    assert [s.index for s in subtitles] == [c.index for c in build.cues]
    assert [(round(s.start.total_seconds() * 1000), round(s.end.total_seconds() * 1000)) for s in subtitles] == \
        [(c.start, c.end) for c in build.cues]
    assert [tuple(s.content.split("\n")) for s in subtitles] == [c.lines for c in build.cues]


def test_reference_srt_matches_the_golden_file():
    assert rendered("srt") == golden_path("srt").read_text(encoding="utf-8"), \
        "the SRT changed: read it, then `python -m tests.golden` and commit the diff"


def test_hostile_text_is_written_inert_and_reads_back_as_written():
    build = hand_build([(line,) for line in HOSTILE] + [("The answer is", "42"), ("00:00:01,000 --> 00:00:02,000",)])
    text = EXPORTER.export(build)
    contents = [s.content for s in srt.parse(text)]
    assert [restore(c) for c in contents] == [squeeze(line) for line in HOSTILE] + \
        ["The answer is\n42", "00:00:01,000 --> 00:00:02,000"]
    # nothing a player obeys or a parser splits on is left
    for content in contents:
        assert not re.search(r"\{|<[/A-Za-z]|\\[A-Za-z]|-->", content), content
    assert len(pysubs2.SSAFile.from_string(text, format_="srt").events) == len(contents)


@pytest.mark.parametrize("lines, fault", [
    (("", "  "), "no text"),
    ((), "no text"),
])
def test_a_cue_without_text_is_refused(lines, fault):
    build = hand_build([("one",), lines, ("three",)])
    with pytest.raises(CueError, match=f"cue 2 has {fault}"):
        EXPORTER.export(build)


@pytest.mark.parametrize("start, end, fault", [
    (3000, 3000, "cue 2 runs from 3000 ms to 3000 ms"),
    (3000, 2000, "cue 2 runs from 3000 ms to 2000 ms"),
    (-40, 1000, "cue 2 runs from -40 ms"),
    (1000, 1500, "cue 2 starts before the cue ahead of it"),
])
def test_a_cue_the_file_cannot_hold_is_refused_not_dropped(start, end, fault):
    build = hand_build([("one",), ("two",)])
    build = replace(build, cues=(replace(build.cues[0], start=2000),
                                 replace(build.cues[1], start=start, end=end)))
    with pytest.raises(CueError, match=fault):
        EXPORTER.export(build)


def test_blank_lines_and_runs_of_space_inside_a_cue_are_tidied_without_losing_words():
    build = hand_build([("first  line", "   ", "second\nline\ttoo")])
    (cue, lines), = checked_cues(build.cues)
    assert lines == ("first line", "second line too")
    assert list(srt.parse(EXPORTER.export(build)))[0].content == "first line\nsecond line too"


line_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=50) \
    .filter(lambda s: s.strip())


@given(st.lists(st.lists(line_text, min_size=1, max_size=3).map(tuple), min_size=1, max_size=6))
def test_any_text_survives_the_round_trip(cue_lines):
    build = hand_build(cue_lines)
    subtitles = list(srt.parse(EXPORTER.export(build)))
    assert len(subtitles) == len(cue_lines)
    assert words(restore(s.content) for s in subtitles) == words(" ".join(lines) for lines in cue_lines)
