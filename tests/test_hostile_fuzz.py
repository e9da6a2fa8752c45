"""Scripts of every convention, generated with hostile words: the segmenter never crashes and
never loses a spoken word, and every output reads back in its own format's parser."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from broadcast.exporters import render_all
from broadcast.model import Kind
from broadcast.pipeline import build_report
from broadcast.profiles import load_profile
from broadcast.reading import read_script
from broadcast.segment import CONVENTIONS, segment
from tests.hostile import check_outputs, words
from tests.hostile_scripts import STRATEGIES, Script, any_script

PROFILE = load_profile("broadcast")
# The same examples on every run, so that the suite passes or fails for a reason; the wide
# search is benchmarks/fuzz.py.
SLOW = dict(deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def test_every_convention_has_a_script_strategy():
    assert set(CONVENTIONS) <= set(STRATEGIES), "add a strategy for the new convention to tests/hostile_scripts.py"


def segmented(script: Script):
    """The script through the reader (as UTF-8 bytes) and the segmenter, as the CLI does."""
    return segment(read_script(script.text.encode("utf-8")))


@pytest.mark.parametrize("convention", sorted(STRATEGIES))
def test_the_segmenter_keeps_every_spoken_word_in_order(convention):
    @settings(max_examples=150, **SLOW)
    @given(STRATEGIES[convention])
    def check(script: Script):
        report = segmented(script)
        assert report.convention == script.convention
        assert words(s.text for s in report.segments) == list(script.spoken)
        assert sum(s.kind is Kind.SOUNDBITE for s in report.segments) == script.soundbites

    check()


@settings(max_examples=40, **SLOW)
@given(any_script(), st.sampled_from(("broadcast", "netflix", "bbc", "dcmp")))
def test_every_output_reads_back_with_every_word(script, profile):
    build = build_report(segmented(script), load_profile(profile))
    outputs = render_all(build)
    report = check_outputs(outputs)
    assert words(s["text"] for s in report["segments"]) == list(script.spoken)


@pytest.mark.ffmpeg
@settings(max_examples=5, **SLOW)
@given(any_script())
def test_libass_loads_the_ass_of_generated_scripts(ffmpeg, script):
    build = build_report(segmented(script), PROFILE)
    with tempfile.TemporaryDirectory() as folder:
        ass = Path(folder) / "fuzz.ass"
        ass.write_text(render_all(build, ["ass"])[".ass"], encoding="utf-8")
        at = build.cues[len(build.cues) // 2].start / 1000 + 0.05
        run = subprocess.run(
            [ffmpeg, "-v", "error", "-f", "lavfi", "-i", f"color=c=black:s=640x360:d={at + 1}:r=25",
             "-vf", f"ass={ass}", "-ss", f"{at:.3f}", "-frames:v", "1", "-f", "null", "-"],
            capture_output=True, text=True)
    assert run.returncode == 0 and not run.stderr.strip(), run.stderr


@pytest.mark.parametrize("ending", ["ÖZ, TRT, Ankara.", "José Álvarez, CGTN, Madrid.", "Zoë Kowalska, BBC News, Warsaw."])
def test_a_signoff_in_accented_letters_is_found(ending):
    from broadcast.segment.common import find_signoff
    assert find_signoff(f"The talks will go on. {ending}") is not None


@pytest.mark.parametrize("anchor", ["JOSÉ DÍAZ", "ZOË KOWALSKA"])
def test_a_transcript_turn_labelled_in_accented_capitals_keeps_its_words(anchor):
    text = (f"{anchor}, GNT ANCHOR: Talks resume tonight. David Okafor reports from Athens.\n\n"
            "(BEGIN VIDEOTAPE)\n\nDAVID OKAFOR, GNT CORRESPONDENT (voice-over): The fires spread.\n\n"
            "NIKOS PAPADÁKIS, MAYOR OF MARATHON (through translator): We need planes.\n\n(END VIDEOTAPE)\n")
    report = segment(read_script(text.encode()))
    assert [(s.kind, s.text) for s in report.segments] == [
        (Kind.ANCHOR_INTRO, "Talks resume tonight. David Okafor reports from Athens."),
        (Kind.NARRATION, "The fires spread."), (Kind.SOUNDBITE, "We need planes.")]


def test_narration_after_two_bites_stays_narration():
    text = "\n".join(["Syria talks", "[]", "Talks went on. They will resume.",
                      'LI MING SPOKESMAN "We agree. Yes."', 'VLADIMIR PUTIN RUSSIAN PRESIDENT "We agree."',
                      "The talks resume. JL, CGTN, Beirut."])
    report = segment(read_script(text.encode()))
    assert [(s.kind, s.text) for s in report.segments] == [
        (Kind.ANCHOR_INTRO, "Talks went on. They will resume."), (Kind.SOUNDBITE, "We agree. Yes."),
        (Kind.SOUNDBITE, "We agree."), (Kind.NARRATION, "The talks resume."), (Kind.SIGNOFF, "JL, CGTN, Beirut.")]
