"""The package's own subtitle files: clip-relative, the package's words only, none for a reader."""

from __future__ import annotations

import json

import pysubs2
import srt
from hypothesis import given, settings
from hypothesis import strategies as st

from broadcast.exporters import render_all
from broadcast.model import Kind, LowerThird, Report, Segment, SignOff
from broadcast.pipeline import build_report, package_segments
from broadcast.preview.render import fit_to_video
from broadcast.profiles import load_profile
from tests.hostile import ass_words, srt_words, vtt_words

PACKAGE_SUFFIXES = (".package.srt", ".package.vtt", ".package.ass")


def report(*kinds_and_texts, form=None, signoff=None) -> Report:
    segments, at = [], 0
    for kind, text in kinds_and_texts:
        speaker = LowerThird("Ana Diaz", "Farmer") if kind is Kind.SOUNDBITE else None
        segments.append(Segment(kind, text, (at, at + len(text)), speaker=speaker))
        at += len(text) + 1
    return Report("Story", (), "GNT", "Sam Lee", "Athens", tuple(segments), form=form, signoff=signoff)


STORY = report(
    (Kind.ANCHOR_INTRO, "Fires are burning near Athens tonight. Sam Lee reports."),
    (Kind.NARRATION, "By late afternoon the smoke had reached the suburbs of the capital."),
    (Kind.SOUNDBITE, "We have lived here for forty years and never seen anything like it."),
    (Kind.STANDUP, "The wind is expected to ease overnight."),
    (Kind.SIGNOFF, "SL, GNT, Athens."),
    (Kind.ANCHOR_INTRO, "Sam, thank you. More on that later in the programme."),
    signoff=SignOff("SL, GNT, Athens.", "Sam Lee", "GNT", "Athens"),
)


def test_package_files_start_at_the_clip_and_hold_only_the_package():
    build = build_report(STORY, load_profile())
    files = render_all(build)
    subtitles = list(srt.parse(files[".package.srt"]))
    assert subtitles[0].start.total_seconds() == 0
    assert subtitles[0].index == 1
    expected = " ".join(s.text for s in STORY.segments[1:4]).split() + "Sam Lee, GNT, Athens.".split()
    assert srt_words(files[".package.srt"]) == expected
    assert vtt_words(files[".package.vtt"]) == expected
    assert ass_words(files[".package.ass"]) == expected
    # the anchor's intro and the tag after the package are live: not in the clip
    assert "thank" not in files[".package.srt"] and "tonight" not in files[".package.srt"]
    # the whole-report files keep them, from the anchor's first word
    assert "tonight." in files[".srt"] and "thank" in files[".srt"]


def test_package_supers_move_with_the_clip():
    build = build_report(STORY, load_profile())
    whole, clip = build.supers[0], build.package.supers[0]
    package_start = build.timeline[1].start
    assert clip.start == whole.start - package_start
    events = [e for e in pysubs2.SSAFile.from_string(render_all(build)[".package.ass"]) if "LowerThird" in e.style]
    assert min(e.start for e in events) == clip.start


def test_package_files_begin_at_start_timecode():
    build = build_report(STORY, load_profile(), start="10:00:00:00")
    first = next(srt.parse(render_all(build)[".package.srt"]))
    assert first.start.total_seconds() == 36000


def test_json_says_which_files_play_against_what():
    build = build_report(STORY, load_profile())
    data = json.loads(render_all(build)[".json"])
    assert data["package"]["segments"] == [1, 2, 3, 4]
    assert data["package"]["start"] == build.timeline[1].start / 1000
    assert set(data["package"]["files"]["package"]) == set(PACKAGE_SUFFIXES)
    assert ".srt" in data["package"]["files"]["report"]


def test_a_reader_has_no_package_files():
    reader = report((Kind.ANCHOR_INTRO, "The markets closed higher today."),
                    (Kind.ANCHOR_INTRO, "Oil prices fell for a third day."))
    build = build_report(reader, load_profile())
    files = render_all(build)
    assert build.package is None
    assert not set(PACKAGE_SUFFIXES) & set(files)
    assert json.loads(files[".json"])["package"] is None


def test_a_form_the_anchor_reads_live_has_no_package():
    live = report((Kind.ANCHOR_INTRO, "The markets closed higher."), (Kind.NARRATION, "Traders cheered."),
                  form="reader")
    assert build_report(live, load_profile()).package is None


KINDS = st.sampled_from(list(Kind))


@settings(max_examples=40, deadline=None)
@given(st.lists(KINDS, min_size=1, max_size=7))
def test_package_is_the_taped_run_less_live_copy(kinds):
    story = report(*((k, f"Words of segment {i} here.") for i, k in enumerate(kinds)))
    chosen = package_segments(story)
    taped = [i for i, k in enumerate(kinds) if k is not Kind.ANCHOR_INTRO]
    assert chosen == taped
    build = build_report(story, load_profile())
    if not taped:
        assert build.package is None
        return
    package = build.package
    assert package.timeline[0].start == 0
    assert [t.segment for t in package.timeline] == [story.segments[i] for i in taped]
    words = [w for c in package.cues for line in c.lines for w in line.split()]
    assert words == " ".join(story.segments[i].text for i in taped).split()


def test_render_takes_the_package_timeline_for_a_clip_as_long_as_the_package():
    build = build_report(STORY, load_profile())
    chosen, warnings = fit_to_video(build, build.package.total + 200)
    assert chosen is build.package and warnings == []
    chosen, warnings = fit_to_video(build, build.total)
    assert chosen is build and warnings == []


def test_render_warns_by_how_much_a_video_is_too_short():
    build = build_report(STORY, load_profile())
    short = build.total - 4000
    chosen, warnings = fit_to_video(build, short)
    assert chosen is build
    assert len(warnings) == 1 and "4.00 s shorter than the report" in warnings[0]
