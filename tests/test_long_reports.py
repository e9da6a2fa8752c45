"""Reports longer than a format can time: ASS times stop at 9:59:59.99, so a longer build
leaves the ASS (and the preview page drawn from it) out with a warning, or refuses it when
it is asked for by name; never an event clamped to the last time, never pysubs2's warning."""

from __future__ import annotations

import json
import warnings
from dataclasses import replace

import pysubs2
import pytest

from broadcast.errors import BeyondFormat
from broadcast.exporters import exporters, render_set
from broadcast.exporters.ass import LATEST_TIME
from broadcast.pipeline import build_text
from broadcast.profiles import load_profile
from tests.test_hostile_inputs import NARRATION, assert_refused, cli, script

HOUR = 3_600_000


def shifted(build, ms: int):
    """The build with every cue and lower-third `ms` later, as in a long recording."""
    return replace(build, cues=tuple(replace(c, start=c.start + ms, end=c.end + ms) for c in build.cues),
                   supers=tuple(replace(s, start=s.start + ms, end=s.end + ms) for s in build.supers))


@pytest.fixture(scope="module")
def build():
    return build_text(script(NARRATION), load_profile("broadcast"))


def test_an_ass_past_ten_hours_is_refused_saying_why(build):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # pysubs2's RuntimeWarning would be an error here
        with pytest.raises(BeyondFormat, match="ASS times stop at 9:59:59.99"):
            exporters()["ass"].export(shifted(build, 10 * HOUR))


def test_an_ass_just_inside_ten_hours_keeps_every_event_with_its_length(build):
    last = max(c.end for c in build.cues)
    late = shifted(build, LATEST_TIME - last)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        events = pysubs2.SSAFile.from_string(exporters()["ass"].export(late), format_="ass").events
    assert all(e.end > e.start for e in events)
    assert max(e.end for e in events) == LATEST_TIME


def test_a_full_build_past_ten_hours_leaves_out_the_ass_and_the_page_drawn_from_it(build):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        outputs, left_out = render_set(shifted(build, 13 * HOUR))
    assert ".ass" not in outputs and ".preview.html" not in outputs
    assert {".srt", ".vtt", ".json", ".prompter.txt"} <= set(outputs)
    assert len(left_out) == 2 and all("9:59:59.99" in note for note in left_out)
    # the SRT and WebVTT hold the late cues whole
    assert "13:00:" in outputs[".srt"] and "13:00:" in outputs[".vtt"]


def test_the_command_line_warns_for_a_full_build_and_refuses_only_ass(tmp_path):
    words = NARRATION.split()
    source = tmp_path / "story.txt"
    source.write_text("Title\n[]\n" + NARRATION + "\n", encoding="utf-8")
    timings = tmp_path / "words.json"
    start = 11 * 3600.0
    timings.write_text(json.dumps({"word_segments": [
        {"word": w, "start": start + k * 0.4, "end": start + k * 0.4 + 0.3} for k, w in enumerate(words)]}))
    run = cli("build", source, "-o", tmp_path / "out", "--timings", timings)
    assert run.returncode == 0, run.stderr
    assert "RuntimeWarning" not in run.stderr and "no .ass written" in run.stderr
    assert not (tmp_path / "out" / "story.ass").exists() and (tmp_path / "out" / "story.srt").exists()
    assert_refused(cli("build", source, "-o", tmp_path / "only", "--timings", timings, "--only", "ass"),
                   says="ASS times stop at 9:59:59.99")
    assert not (tmp_path / "only").exists() or not any((tmp_path / "only").iterdir())
