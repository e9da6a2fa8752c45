"""Times a playout operator trusts, and the sign-off subtitled as it is heard."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
import srt

from broadcast.cli import parser
from broadcast.exporters import render_all
from broadcast.model import Kind, LowerThird, Report, Segment, SignOff
from broadcast.pipeline import build_report, running_time_warning
from broadcast.profiles import load_profile
from broadcast.timecode import timecode_label_ms


def report(signoff=None, stated_trt=None) -> Report:
    parts = [(Kind.ANCHOR_INTRO, "Russia, Iran and Turkey have launched a diplomatic push. Julia Lyubova reports."),
             (Kind.NARRATION, "The leaders of Russia, Turkey and Iran have agreed to convene a congress."),
             (Kind.SOUNDBITE, "We have agreed to continue to apply the most active efforts."),
             (Kind.SIGNOFF, "JL, CGTN, Moscow.")]
    segments, at = [], 0
    for kind, text in parts:
        speaker = LowerThird("Vladimir Putin", "Russian President") if kind is Kind.SOUNDBITE else None
        segments.append(Segment(kind, text, (at, at + len(text)), speaker=speaker))
        at += len(text) + 1
    return Report("Talks", (), "CGTN", "Julia Lyubova", "Moscow", tuple(segments), signoff=signoff,
                  stated_trt=stated_trt)


SIGNOFF = SignOff("JL, CGTN, Moscow.", "Julia Lyubova", "CGTN", "Moscow")


def test_signoff_is_subtitled_as_heard_and_kept_as_written_in_the_json():
    build = build_report(report(SIGNOFF), load_profile())
    files = render_all(build)
    last = list(srt.parse(files[".srt"]))[-1].content.replace("\n", " ")
    assert last == "Julia Lyubova, CGTN, Moscow."
    assert "JL," not in files[".srt"] and "JL," not in files[".vtt"] and "JL," not in files[".package.srt"]
    data = json.loads(files[".json"])
    assert data["segments"][-1]["text"] == "JL, CGTN, Moscow."
    assert data["signoff"]["spoken"] == "Julia Lyubova, CGTN, Moscow"
    # only the sign-off's words change
    shown = [w for c in build.cues for line in c.lines for w in line.split()]
    written = " ".join(s.text for s in build.report.segments).split()
    assert shown[:-4] == written[:-3] and shown[-4:] == "Julia Lyubova, CGTN, Moscow.".split()


def test_without_a_resolved_signoff_the_written_one_is_subtitled():
    build = build_report(report(None), load_profile())
    assert build.cues[-1].text == "JL, CGTN, Moscow."


def test_signoff_heard_in_full_keeps_word_timings_in_step():
    """With recognised words (three for `JL, CGTN, Moscow.`), the four heard words are spread
    over the same time."""
    from broadcast.captions import make_cues
    profile = load_profile()
    timeline = build_report(report(SIGNOFF), profile).timeline
    word_times = tuple(
        tuple((t.start + k * 300, t.start + k * 300 + 250) for k in range(len(t.segment.text.split())))
        for t in timeline)
    cues, _ = make_cues(timeline, (), profile, word_times=word_times, signoff=SIGNOFF)
    last = cues[-1]
    assert last.text == "Julia Lyubova, CGTN, Moscow."
    assert timeline[-1].start <= last.start <= word_times[-1][0][0] + 40


@pytest.mark.parametrize("fps", ["25", "29.97", "59.94", "23.976", "30"])
def test_programme_time_never_precedes_start(fps):
    profile = load_profile("broadcast", fps)
    build = build_report(report(SIGNOFF), profile, start="10:00:00:00")
    first = next(srt.parse(render_all(build)[".srt"]))
    assert first.start.total_seconds() * 1000 >= 36_000_000
    assert first.start.total_seconds() * 1000 < 36_000_000 + 1000 / float(profile.fps)
    package_first = next(srt.parse(render_all(build)[".package.srt"]))
    assert package_first.start.total_seconds() * 1000 >= 36_000_000


def test_timecode_label_reads_as_its_digits():
    profile = load_profile("broadcast", "29.97")
    assert timecode_label_ms("10:00:00;00", profile.fps) == 36_000_000
    assert timecode_label_ms("00:00:01;15", profile.fps) == 1500


def test_stated_running_time_far_from_the_computed_one_is_warned_naming_both():
    build = build_report(report(SIGNOFF), load_profile())
    total = build.total
    far = build_report(report(SIGNOFF, stated_trt=round(total * 1.5)), load_profile())
    warning = running_time_warning(far)
    assert warning in far.warnings
    minutes = lambda ms: f"{round(ms / 1000) // 60}:{round(ms / 1000) % 60:02d}"  # noqa: E731
    assert minutes(round(total * 1.5)) in warning and minutes(total) in warning


def test_stated_running_time_within_ten_percent_of_the_report_or_package_is_quiet():
    build = build_report(report(SIGNOFF), load_profile())
    for stated in (build.total, round(build.total * 1.08), build.package.total):
        assert running_time_warning(build_report(report(SIGNOFF, stated_trt=stated), load_profile())) is None


def test_on_air_help_says_what_it_does():
    build = next(a for a in parser()._subparsers._group_actions[0].choices["build"]._actions
                 if "--on-air" in a.option_strings)
    assert "clock time" in build.help and "back-time" not in build.help


def test_replace_keeps_guessed_out_of_equality():
    lt = LowerThird("Dr Miguel", "Angel Ortega")
    assert replace(lt, guessed=True) == lt
