"""`broadcast check`: planted breaches found with the right cue numbers in SRT, WebVTT and ASS
files made by hand; formatting read past; the tool's own files pass; clear exits."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadcast.check import RESOLUTION, Breach, check_cues, check_file, check_text, format_breach
from broadcast.errors import UnusableInput
from broadcast.exporters import ass, srt, vtt
from broadcast.profiles import load_profile
from tests.subtitles import PROFILES, hand_build, reference_build

BROADCAST = load_profile("broadcast")

# (start, end, lines) of a file with one breach planted in each cue from 2 on (broadcast
# profile: 42 characters, 2 lines, 20 a second, 0.833 to 7 s, 2 frames = 80 ms apart).
CUES = [
    (1000, 3000, ["Fine line here"]),
    (3200, 6000, ["This line is much too long for the profile at fifty", "two"]),
    (6200, 9000, ["one", "two", "three"]),
    (9200, 10200, ["This cue says far too much", "for one second on screen"]),
    (10400, 10800, ["Short"]),
    (11000, 19000, ["Too long on screen"]),
    (19040, 21000, ["Too close after six"]),
    (20500, 23000, ["Overlaps seven"]),
]
PLANTED = {(2, "characters per line"), (3, "lines"), (4, "reading speed"), (5, "duration"),
           (6, "duration"), (7, "gap"), (8, "overlap")}


def _srt_time(ms: int) -> str:
    return vtt.timestamp(ms).replace(".", ",")


def _ass_time(ms: int) -> str:
    return f"{ms // 3_600_000}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000 // 10:02d}"


def bad_srt() -> str:
    """Formatting a player reads (tags, an ASS override) that would break 42 if counted."""
    blocks = []
    for number, (start, end, lines) in enumerate(CUES, 1):
        if number == 1:
            lines = ['<font color="#FFFF00"><i>Fine line</i></font> {\\an8}here']
        blocks.append(f"{number}\n{_srt_time(start)} --> {_srt_time(end)}\n" + "\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def bad_vtt() -> str:
    blocks = ["WEBVTT - made elsewhere", "NOTE\na note that is not a cue, however long its lines are, at all",
              "STYLE\n::cue { color: yellow }"]
    for number, (start, end, lines) in enumerate(CUES, 1):
        if number == 1:
            lines = ["<v A Speaker With A Long Name>Fine &amp; line <c.yellow>here</c></v>"]
        ident = f"cue-{number}\n" if number % 2 else ""
        blocks.append(f"{ident}{vtt.timestamp(start)} --> {vtt.timestamp(end)} align:center\n" + "\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def bad_ass() -> str:
    head = ("[Script Info]\nScriptType: v4.00+\nPlayResX: 1920\nPlayResY: 1080\n\n[V4+ Styles]\n"
            "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, "
            "Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, "
            "Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n"
            "Style: Default,Arial,48,&H00FFFFFF,&H000000FF,&H00000000,&H00000000,0,0,0,0,100,100,0,0,1,2,0,2,10,10,10,1\n\n"
            "[Events]\nFormat: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n")
    events = []
    for number, (start, end, lines) in enumerate(CUES, 1):
        text = r"\N".join(lines)
        if number == 1:
            text = r"{\an8\c&H00FFFF&\pos(960,100)}Fine line{\i1}\hhere{\i0}"
        events.append(f"Dialogue: 0,{_ass_time(start)},{_ass_time(end)},Default,,0,0,0,,{text}")
        if number == 3:  # not subtitles: a comment, a drawing, a lower-third
            events.append(f"Comment: 0,{_ass_time(start)},{_ass_time(end)},Default,,0,0,0,,{'x' * 80}")
            events.append(f"Dialogue: 1,{_ass_time(start)},{_ass_time(end)},Default,,0,0,0,,"
                          r"{\p1}m 0 0 l 100 0 100 100 0 100{\p0}")
            events.append(f"Dialogue: 2,{_ass_time(start)},{_ass_time(end)},LowerThirdName,,0,0,0,,"
                          "A name far longer than any subtitle line could ever be allowed")
    return head + "\n".join(events) + "\n"


BAD_FILES = {"srt": bad_srt, "vtt": bad_vtt, "ass": bad_ass}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_planted_breaches_are_found_with_their_cue_numbers(kind, tmp_path):
    path = tmp_path / f"bad.{kind}"
    path.write_text(BAD_FILES[kind](), encoding="utf-8")
    breaches = check_file(path, BROADCAST)
    assert {(b.cue, b.rule) for b in breaches} == PLANTED
    assert [(b.start, b.end) for b in breaches if b.cue == 7] == [(19040, 21000)]
    lines = {b.cue: format_breach(b) for b in breaches}
    assert lines[2] == ("cue 2 00:00:03.200 --> 00:00:06.000: characters per line: "
                        "line 1 has 51 characters (max 42)")
    assert lines[3].endswith("lines: 3 lines (max 2)")
    assert "51 characters in 1.000 s (max 20)" in lines[4]
    assert lines[7].endswith("gap: 40 ms after cue 6 (min 2 frames, 80 ms at 25 fps)")
    assert lines[8].endswith("overlap: overlaps cue 7 by 0.500 s")


def test_srt_cues_keep_the_file_s_own_numbers():
    text = "".join(f"{n}\n{_srt_time(s)} --> {_srt_time(e)}\n{chr(10).join(lines)}\n\n"
                   for n, (s, e, lines) in zip(range(101, 200), CUES))
    assert {(b.cue, b.rule) for b in check_text(text, BROADCAST)} == {(c + 100, r) for c, r in PLANTED}


def test_the_same_file_breaks_a_stricter_profile_more():
    dcmp = check_text(bad_srt(), load_profile("dcmp"))
    assert {(b.cue, b.rule) for b in dcmp} >= PLANTED
    assert (7, "reading speed") not in {(b.cue, b.rule) for b in dcmp}
    assert (1, "characters per line") not in {(b.cue, b.rule) for b in dcmp}


def test_ass_times_are_allowed_their_centisecond_rounding():
    ntsc = load_profile("broadcast", "29.97")  # 2 frames = 67 ms, written as 0.07 or 0.06 s
    assert (7, "gap") in {(b.cue, b.rule) for b in check_text(bad_ass(), ntsc)}  # 40 ms
    text = bad_ass().replace("0:00:19.04", "0:00:19.06")  # 60 ms: 2 frames, rounded down
    assert (7, "gap") not in {(b.cue, b.rule) for b in check_text(text, ntsc)}


OWN_FILES = [srt.EXPORTER, vtt.EXPORTER, ass.EXPORTER]


def _own_breaches(profile: str, exporter, tmp_path) -> tuple[list[Breach], object]:
    build = reference_build(profile)
    path = tmp_path / f"reference{exporter.suffix}"
    path.write_text(exporter.export(build), encoding="utf-8")
    return check_file(path, build.profile), build


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("exporter", OWN_FILES, ids=lambda e: e.name)
def test_the_tools_own_files_pass_their_profile(profile, exporter, tmp_path):
    breaches, _ = _own_breaches(profile, exporter, tmp_path)
    assert not breaches, "\n".join(format_breach(b) for b in breaches)


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("exporter", OWN_FILES, ids=lambda e: e.name)
def test_every_breach_in_the_tools_own_files_was_warned_about(profile, exporter, tmp_path):
    breaches, build = _own_breaches(profile, exporter, tmp_path)
    warned = {int(m) for w in build.warnings for m in re.findall(r"^cue (\d+) at", w)}
    assert {b.cue for b in breaches} <= warned, "\n".join(format_breach(b) for b in breaches)


@pytest.mark.parametrize("content, message", [
    (b"", "no subtitles"),
    (b"\x00\x01\x02binary\x00", "is not a subtitle file: it is binary"),
    (b"just some prose, no times at all", "is not a subtitle file: no line in it is a cue's timing"),
    (b"hello there\n\n1\n00:00:01,000 --> 00:00:02,000\nhi\n",
     "not a readable SRT file: line 1 is not part of a cue .*'hello there'"),
    (b"WEBVTT\n\n00:01.000 --> soon\nhello\n", "timing line"),
])
def test_an_unreadable_file_is_unusable_input(content, message, tmp_path):
    path = tmp_path / "sub.srt"
    path.write_bytes(content)
    with pytest.raises(UnusableInput, match=message):
        check_file(path, BROADCAST)


def _check(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "broadcast", "check", *map(str, args)],
                          capture_output=True, text=True)


def test_command_exits_1_listing_breaches_and_0_on_a_clean_file(tmp_path):
    bad = tmp_path / "bad.vtt"
    bad.write_text(bad_vtt(), encoding="utf-8")
    run = _check(bad, "--profile", "broadcast")
    assert run.returncode == 1
    assert len(run.stdout.splitlines()) == len(PLANTED)
    assert run.stderr.strip() == "7 breaches of profile broadcast"
    good = tmp_path / "good.srt"
    good.write_text("1\n00:00:01,000 --> 00:00:03,000\nA fine subtitle\n", encoding="utf-8")
    run = _check(good, "--profile", "bbc")
    assert (run.returncode, run.stdout) == (0, "")


@pytest.mark.parametrize("args", [["missing.srt"], ["garbage.srt"], ["good.srt", "--profile", "nosuch"]])
def test_command_exits_2_with_one_line_on_unusable_input(args, tmp_path):
    (tmp_path / "garbage.srt").write_bytes(b"\xff\xfe\x00garbage")
    (tmp_path / "good.srt").write_text("1\n00:00:01,000 --> 00:00:03,000\nA fine subtitle\n")
    run = _check(*[tmp_path / a if a.endswith(".srt") else a for a in args])
    assert run.returncode == 2
    assert len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr
    assert run.stdout == ""


def test_cues_of_a_build_can_be_checked_directly():
    build = hand_build([("fine",), ("x" * 50,)])
    assert check_cues(build.cues, build.profile) == [
        Breach(2, 3000, 5800, "characters per line", "line 1 has 50 characters (max 42)", 50, 42)]


# Any cues, written by each exporter and read back, break the same rules as the cues do.
WORDS = {"plain": "abcdefghijXYZ0189,.'-&", "marked": "abcXYZ09,.'-&<>{}\\"}


@st.composite
def hand_cues(draw, alphabet: str):
    word = st.text(st.sampled_from(alphabet), min_size=1, max_size=14).filter(lambda w: w.strip())
    line = st.lists(word, min_size=1, max_size=6).map(" ".join)
    count = draw(st.integers(1, 6))
    t, cues = 0, []
    for _ in range(count):
        t += draw(st.integers(0, 10)) * 40  # 25 fps frames
        end = t + draw(st.integers(1, 200)) * 40
        cues.append((t, end, tuple(draw(st.lists(line, min_size=1, max_size=3)))))
        t = end
    return cues


@settings(max_examples=60, deadline=None)
@pytest.mark.parametrize("exporter, alphabet", [(srt.EXPORTER, WORDS["plain"]), (vtt.EXPORTER, WORDS["marked"]),
                                                (ass.EXPORTER, WORDS["marked"])], ids=["srt", "vtt", "ass"])
@given(data=st.data())
def test_files_break_the_same_rules_as_their_cues(exporter, alphabet, data):
    from dataclasses import replace
    spec = data.draw(hand_cues(alphabet))
    build = hand_build([lines for _, _, lines in spec])
    build = replace(build, cues=tuple(replace(c, start=s, end=e) for c, (s, e, _) in zip(build.cues, spec)))
    text = exporter.export(build)
    got = {(b.cue, b.rule) for b in check_text(text, build.profile)}
    assert got == {(b.cue, b.rule) for b in check_cues(build.cues, build.profile, RESOLUTION[exporter.name])}
