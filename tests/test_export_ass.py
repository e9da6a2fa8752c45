"""STEM.ass: the profile's style sheet, every word in order, lower-thirds for every soundbite
and stand-up on their own layers, subtitles lifted above them, script text escaped."""

from __future__ import annotations

import subprocess
from dataclasses import replace

import pysubs2
import pytest
from hypothesis import given
from hypothesis import strategies as st

from broadcast.errors import UnusableInput
from broadcast.exporters.ass import (BAR, EXPORTER, NAME, SUBTITLE, SUBTITLE_TOP, TITLE, escape,
                                     unescape)
from broadcast.model import Kind, LowerThird
from tests.golden import golden_path, rendered
from tests.subtitles import HOSTILE, PROFILES, hand_build, reference_build, spoken_words, squeeze, words

SUBTITLE_STYLES = (SUBTITLE, SUBTITLE_TOP)


def parse(build) -> pysubs2.SSAFile:
    return pysubs2.SSAFile.from_string(EXPORTER.export(build))


def subtitles(subs: pysubs2.SSAFile) -> list[pysubs2.SSAEvent]:
    return [e for e in subs.events if e.style in SUBTITLE_STYLES]


def visible(event: pysubs2.SSAEvent) -> str:
    return unescape(event.plaintext)


@pytest.mark.parametrize("profile", PROFILES)
def test_every_spoken_word_reaches_the_ass_in_order(profile):
    build = reference_build(profile)
    events = subtitles(parse(build))
    assert words(visible(e) for e in events) == spoken_words(build)
    assert [tuple(visible(e).split("\n")) for e in events] == [c.lines for c in build.cues]
    assert [(e.start, e.end) for e in events] == [(c.start, c.end) for c in build.cues]


@pytest.mark.parametrize("profile", PROFILES)
def test_the_profile_style_sheet_is_kept_with_play_res_and_our_line_breaks(profile):
    build = reference_build(profile)
    subs = parse(build)
    sheet = pysubs2.load(str(build.profile.style_sheet_path()))
    assert (subs.info["PlayResX"], subs.info["PlayResY"]) == ("1920", "1080")
    assert subs.info["WrapStyle"] == "2"
    assert subs.info["ScaledBorderAndShadow"] == "yes"
    assert dict(subs.styles) == dict(sheet.styles)


@pytest.mark.parametrize("profile", PROFILES)
def test_raised_cues_use_the_top_style(profile):
    build = reference_build(profile)
    styles = [e.style for e in subtitles(parse(build))]
    assert styles == [SUBTITLE_TOP if c.raised else SUBTITLE for c in build.cues]


@pytest.mark.parametrize("profile", PROFILES)
def test_every_soundbite_speaker_and_the_standup_get_a_lower_third(profile):
    build = reference_build(profile)
    subs = parse(build)
    wanted = [(s.speaker.name, s.speaker.title) for s in build.report.segments
              if s.kind in (Kind.SOUNDBITE, Kind.STANDUP)]
    assert any(s.kind == Kind.STANDUP for s in build.report.segments)
    names = [(e.start, visible(e)) for e in subs.events if e.style == NAME]
    titles = [(e.start, visible(e)) for e in subs.events if e.style == TITLE]
    assert [(n, t) for (_, n), (_, t) in zip(names, titles, strict=True)] == wanted
    assert [start for start, _ in names] == [start for start, _ in titles]
    for e in subs.events:
        if e.style.startswith("LowerThird"):
            assert e.layer > 0 and r"\fad(" in e.text
        else:
            assert e.layer == 0


@pytest.mark.parametrize("profile", PROFILES)
def test_no_subtitle_stays_at_the_bottom_beneath_a_lower_third(profile):
    subs = parse(reference_build(profile))
    supers = [e for e in subs.events if e.style == NAME]
    assert supers
    for e in subs.events:
        if e.style == SUBTITLE:
            under = [s for s in supers if s.start < e.end and e.start < s.end]
            assert not under, f"{visible(e)!r} at the bottom under {visible(under[0])!r}"


def test_reference_ass_matches_the_golden_file():
    assert rendered("ass") == golden_path("ass").read_text(encoding="utf-8"), \
        "the ASS changed: look at it (frames), then `python -m tests.golden` and commit the diff"


def test_hostile_text_is_shown_as_written_and_never_obeyed():
    speaker = LowerThird(r"{\pos(0,0)}Tom\NJerry", "Cat {\\b1} & mouse, \\h")
    build = hand_build([(line, "second line") for line in HOSTILE], speaker=speaker)
    subs = parse(build)
    events = subtitles(subs)
    for event, line in zip(events, HOSTILE, strict=True):
        assert event.text.count("{") == 0, event.text  # no override block at all
        assert event.text.count(r"\N") == 1  # only the break between the two lines
        assert visible(event) == f"{squeeze(line)}\nsecond line"
    name, = (e for e in subs.events if e.style == NAME)
    title, = (e for e in subs.events if e.style == TITLE)
    assert (visible(name), visible(title)) == (speaker.name, speaker.title)
    assert name.name == title.name == r"{\pos(0 0)}Tom\NJerry"  # no comma to end the field


def test_an_unnamed_speaker_gets_the_description_alone():
    build = hand_build([("Things are hard",)], speaker=LowerThird("", "Resident of Aleppo"))
    subs = parse(build)
    assert [(e.style, visible(e)) for e in subs.events if e.style in (NAME, TITLE)] == \
        [(TITLE, "Resident of Aleppo")]


def test_a_style_sheet_without_the_styles_is_refused(tmp_path):
    sheet = tmp_path / "plain.ass"
    sheet.write_text("[Script Info]\nScriptType: v4.00+\n\n[V4+ Styles]\n"
                     "Format: Name, Fontname, Fontsize\nStyle: Default,Arial,20\n")
    build = hand_build([("one",)])
    build = replace(build, profile=replace(build.profile, ass_style_sheet=str(sheet)))
    with pytest.raises(UnusableInput, match="lacks the styles Subtitle, SubtitleTop"):
        EXPORTER.export(build)


def test_a_style_sheet_without_play_res_gets_full_hd(tmp_path):
    build = hand_build([("one",)])
    source = build.profile.style_sheet_path().read_text(encoding="utf-8")
    sheet = tmp_path / "nores.ass"
    sheet.write_text("\n".join(line for line in source.split("\n") if not line.startswith("PlayRes")))
    build = replace(build, profile=replace(build.profile, ass_style_sheet=str(sheet)))
    info = parse(build).info
    assert (info["PlayResX"], info["PlayResY"]) == ("1920", "1080")


def test_the_bar_is_drawn_only_where_the_sheet_has_one():
    speaker = LowerThird("Julia Lyubova", "Moscow")
    with_bar = parse(hand_build([("one",)], "broadcast", speaker=speaker))
    without = parse(hand_build([("one",)], "bbc", speaker=speaker))
    assert [e.style for e in with_bar.events if e.style == BAR] == [BAR]
    assert BAR not in without.styles and not [e for e in without.events if e.style == BAR]


@given(st.text(st.characters(blacklist_characters="\u2774\u2775\u2060", blacklist_categories=("Cs",))))
def test_escaped_text_has_no_tags_or_escapes_and_unescapes_to_itself(text):
    escaped = escape(text)
    assert "{" not in escaped and "}" not in escaped
    assert all(escaped[i + 1] == "\u2060" for i, c in enumerate(escaped) if c == "\\")
    assert unescape(escaped) == text


def _gray(ffmpeg: str, ass_path, at: float) -> list[bytes]:
    """The frame at `at` seconds, 192x108 grey, as rows of bytes."""
    out = subprocess.run(
        [ffmpeg, "-v", "error", "-f", "lavfi", "-i", f"color=c=0x223344:s=1920x1080:d={at + 1}:r=25",
         "-vf", f"ass={ass_path},scale=192:108", "-ss", str(at), "-frames:v", "1",
         "-f", "rawvideo", "-pix_fmt", "gray", "-"], capture_output=True, check=True).stdout
    return [out[y * 192:(y + 1) * 192] for y in range(108)]


@pytest.mark.ffmpeg
def test_libass_draws_the_lower_third_and_the_raised_subtitle(ffmpeg, tmp_path):
    build = reference_build()
    path = tmp_path / "reference.ass"
    path.write_text(EXPORTER.export(build), encoding="utf-8")
    sup = build.supers[0]
    at = (sup.start + 1000) / 1000
    rows = _gray(ffmpeg, path, at)
    background = rows[54][96]

    def inked(y0, y1, x0, x1) -> bool:
        return any(abs(rows[y][x] - background) > 30 for y in range(y0, y1) for x in range(x0, x1))

    assert inked(75, 100, 10, 60), "no lower-third at the lower left"
    assert inked(0, 25, 40, 150), "no subtitle at the top"
    assert not inked(85, 108, 70, 192), "something at the bottom beside the lower-third"
