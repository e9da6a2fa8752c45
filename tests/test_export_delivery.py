"""The delivery formats (IMSC1, EBU-TT-D, SCC, EBU STL) read back by ttconv, a reader that is
not ours: the same cues, lines, times and positions as `STEM.json`; each format's own
constraints; the script's text shown as written or, where a character set lacks a character,
in its nearest form with a warning."""

from __future__ import annotations

import json
import re
import struct
import subprocess
import sys
import unicodedata
from dataclasses import replace
from fractions import Fraction
from xml.etree import ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadcast.exporters import export_warnings, exporters, render_all
from broadcast.exporters import scc as scc_format
from broadcast.exporters import stl as stl_format
from broadcast.exporters._ttml import TT, XML
from broadcast.model import Cue, LowerThird
from broadcast.pipeline import build_text
from broadcast.profiles import load_profile
from broadcast.timecode import timecode_to_ms
from tests.delivery import read_scc, read_stl, read_ttml
from tests.subtitles import HOSTILE, hand_build, reference_build, spoken_words

READERS = {".ttml": read_ttml, ".ebuttd.xml": read_ttml, ".scc": read_scc, ".stl": read_stl}
NAMES = {".ttml": "ttml", ".ebuttd.xml": "ebuttd", ".scc": "scc", ".stl": "stl"}


def json_cues(build) -> list[tuple[int, int, list[str], str]]:
    """The cues as `STEM.json` has them, in ms of report time."""
    return [(round(c["start"] * 1000), round(c["end"] * 1000), c["lines"], "top" if c["raised"] else "bottom")
            for c in json.loads(render_all(build, ["json"])[".json"])["cues"]]


def assert_same_cues(read, expected, tolerance_ms: int = 0, offset: int = 0):
    assert len(read) == len(expected)
    for got, want in zip(read, expected, strict=True):
        assert got[2] == want[2] and got[3] == want[3], (got, want)
        assert abs(got[0] - offset - want[0]) <= tolerance_ms, (got, want)
        assert abs(got[1] - offset - want[1]) <= tolerance_ms, (got, want)


@pytest.mark.parametrize("suffix", [".ttml", ".ebuttd.xml"])
@pytest.mark.parametrize("profile", ["broadcast", "bbc"])
def test_ttml_reads_back_as_the_json(suffix, profile):
    build = reference_build(profile)
    assert any(c.raised for c in build.cues)
    assert_same_cues(read_ttml(render_all(build, [NAMES[suffix]])[suffix]), json_cues(build))


@pytest.mark.parametrize("profile, teletext, double", [("broadcast", b"0", False), ("bbc", b"1", True),
                                                        ("dcmp", b"1", False)])
def test_stl_reads_back_as_the_json(profile, teletext, double):
    build = reference_build(profile)
    data = render_all(build, ["stl"])[".stl"]
    # 25 fps profiles: STL25.01 frames are the profile's frames, so times are exact
    assert_same_cues(read_stl(data), json_cues(build))
    gsi = data[:1024]
    assert gsi[:3] == b"850" and gsi[3:11] == b"STL25.01" and gsi[11:12] == teletext and gsi[12:14] == b"00"
    assert gsi[16:48].decode("cp850").strip() == build.report.title[:32].strip()
    assert int(gsi[238:243]) == (len(data) - 1024) // 128 and int(gsi[243:248]) == len(build.cues)
    blocks = [data[i:i + 128] for i in range(1024, len(data), 128)]
    assert all(len(b) == 128 for b in blocks)
    assert any(0x0D in b[16:] for b in blocks) is double
    rows = {struct.unpack("<BHBB4s4sBBB112s", b)[6] for b in blocks}
    assert 2 in rows and max(rows) <= 23  # raised cues on row 2, the rest at the foot


def test_stl_at_29_97_counts_thirty_frames_a_second():
    build = reference_build("cea608")
    data = render_all(build, ["stl"])[".stl"]
    assert data[3:11] == b"STL30.01"
    assert_same_cues(read_stl(data), json_cues(build), tolerance_ms=1)


def test_stl_long_text_goes_on_in_extension_blocks():
    line = "Ça été ŝŭŗė ćõüľ ĝĥ ķļ " * 3
    build = hand_build([(line.strip(), line.strip())])
    data = render_all(build, ["stl"])[".stl"]
    blocks = [data[i:i + 128] for i in range(1024, len(data), 128)]
    assert [b[3] for b in blocks] == [0, 1, 0xFF] and {b[1] for b in blocks} == {1}
    assert read_stl(data)[0][2] == [line.strip()] * 2
    assert export_warnings(build, ["stl"]) == ()


def test_a_word_longer_than_a_teletext_row_goes_on_over_the_next_rows():
    word = "x" * 80
    data = render_all(hand_build([(word,)], "dcmp"), ["stl"])[".stl"]
    assert data[11:12] == b"1" and int(data[251:253]) == 38  # teletext, longest row 38 cells of text
    assert read_stl(data)[0][2] == [word[:38], word[38:76], word[76:]]


def test_stl_programme_start_is_in_the_gsi_and_the_times():
    build = build_text(_reference_text(), load_profile("broadcast"),
                       start="10:00:00:00")
    data = render_all(build, ["stl"])[".stl"]
    assert data[256:264] == b"10000000"
    assert_same_cues(read_stl(data), json_cues(build), offset=36_000_000)


def _reference_text() -> str:
    from broadcast.reading import read_script
    from tests.conftest import REFERENCE
    return read_script(REFERENCE.read_bytes())


def test_scc_of_the_cea608_profile_reads_back_as_its_json():
    build = build_text(_reference_text(), load_profile("cea608"), start="10:00:00;00")
    text = render_all(build, ["scc"])[".scc"]
    offset = timecode_to_ms("10:00:00;00", Fraction(30000, 1001))
    assert_same_cues(read_scc(text), json_cues(build), tolerance_ms=1, offset=offset)
    assert export_warnings(build, ["scc"]) == ()  # nothing late, no character missing


def test_scc_is_broken_for_32_columns_by_the_line_breaker_not_cut():
    broadcast, cea608 = (build_text(_reference_text(), load_profile(p)) for p in ("broadcast", "cea608"))
    assert max(len(line) for c in broadcast.cues for line in c.lines) > 32
    text = render_all(broadcast, ["scc"])[".scc"]
    captions = read_scc(text)
    # the lines of the cea608 profile's own cues: the 42-character lines were never cut
    assert [lines for _, _, lines, _ in captions] == [list(c.lines) for c in cea608.cues]
    assert all(len(line) <= 32 for _, _, lines, _ in captions for line in lines)
    assert all(len(lines) <= 4 for _, _, lines, _ in captions)
    assert " ".join(" ".join(lines) for _, _, lines, _ in captions).split() == spoken_words(broadcast)
    assert {where for *_, where in captions} == {"top", "bottom"}


def test_scc_is_pop_on_in_drop_frame_timecode():
    text = render_all(reference_build(), ["scc"])[".scc"]
    head, *blocks = text.split("\n\n")
    assert head == "Scenarist_SCC V1.0"
    stamps = [block.split("\t")[0] for block in blocks]
    assert all(re.fullmatch(r"\d\d:\d\d:\d\d;\d\d", s) for s in stamps)
    # drop-frame: frames 00 and 01 do not exist at the start of a minute but every tenth
    assert not any(re.fullmatch(r"\d\d:(?!\d0)\d\d:00;0[01]", s) for s in stamps)
    assert text.count("942f 942f") == len(read_scc(text))  # each caption shown by EOC
    words = " ".join(block.split("\t")[1] for block in blocks).split()
    assert all(re.fullmatch(r"[0-9a-f]{4}", w) and _odd(int(w[:2], 16)) and _odd(int(w[2:], 16))
               for w in words)


def _odd(byte: int) -> bool:
    return bin(byte).count("1") % 2 == 1


def test_a_caption_that_cannot_be_loaded_in_time_comes_up_late_and_says_so():
    build = reference_build()  # no --start: the first caption cannot be loaded before 00:00:00;00
    warnings = export_warnings(build, ["scc"])
    assert any(w.startswith("SCC: caption 1 at 00:00:00;00 comes up") and "--start" in w for w in warnings)


@pytest.mark.parametrize("char", sorted(set(scc_format.BASIC) - {" "} | set(scc_format.SPECIAL) | set(scc_format.EXTENDED)))
def test_every_cea608_character_reads_back_as_itself(char):
    build = hand_build([(f"a{char}b {char}{char}",)], "cea608")
    expected = f"a{char}b {char}{char}"
    if char == "\u2019":  # ttconv reads 0x12 0x29 as a plain apostrophe
        expected = expected.replace(char, "'")
    assert read_scc(render_all(build, ["scc"])[".scc"])[0][2] == [expected]


def test_characters_608_lacks_are_mapped_and_named_in_a_warning():
    build = hand_build([("Łódź – naïve 😀 cœur",)], "cea608")
    assert read_scc(render_all(build, ["scc"])[".scc"])[0][2] == ["Lódz - naïve ? coeur"]
    warnings = "\n".join(export_warnings(build, ["scc"]))
    for char, shown in (("Ł", "L"), ("ź", "z"), ("–", "-"), ("😀", "?"), ("œ", "oe")):
        assert f"CEA-608 has no {char!r}" in warnings and f"shown as {shown!r}" in warnings
    assert "'ó'" not in warnings and "'ï'" not in warnings


ACCENTED = {unicodedata.normalize("NFC", letter + mark) for mark, (_, letters) in stl_format.DIACRITICS.items()
            for letter in letters} | {"ģ"}


@pytest.mark.parametrize("char", sorted(set(stl_format.SINGLE) - {"\u2126"} | ACCENTED))
def test_every_iso_6937_character_reads_back_as_itself(char):
    build = hand_build([(f"a{char}b",)])
    assert read_stl(render_all(build, ["stl"])[".stl"])[0][2] == [f"a{char}b"]


def test_characters_iso_6937_lacks_are_mapped_and_named_in_a_warning():
    build = hand_build([("Москва 😀 ok",)])
    assert read_stl(render_all(build, ["stl"])[".stl"])[0][2] == ["?????? ? ok"]
    warnings = export_warnings(build, ["stl"])
    assert len(warnings) == 7 and all(w.startswith("STL: ISO 6937 has no") for w in warnings)


@pytest.mark.parametrize("suffix", list(READERS))
def test_script_markup_is_shown_as_written_never_as_look_alikes(suffix):
    build = hand_build([(line,) for line in HOSTILE], "cea608" if suffix == ".scc" else "broadcast")
    output = render_all(build, [NAMES[suffix]])[suffix]
    raw = output.decode("latin-1") if isinstance(output, bytes) else output
    assert "\u2774" not in raw and "\u2060" not in raw  # the SRT/ASS look-alikes stay there
    read = [" ".join(lines) for _, _, lines, _ in READERS[suffix](output)]
    assert " ".join(read).split() == " ".join(HOSTILE).split()


@pytest.mark.parametrize("suffix", list(READERS))
def test_a_raised_cue_stays_raised(suffix):
    build = hand_build([("Before the super.",), ("Over the super.",), ("After it.",)],
                       "cea608" if suffix == ".scc" else "broadcast",
                       speaker=LowerThird("Li Ming", "Spokesman"), raised=(2,))
    read = READERS[suffix](render_all(build, [NAMES[suffix]])[suffix])
    # the SCC's captions are cut anew, and raised where they meet the lower-third
    cues = scc_format.caption_build(build).cues if suffix == ".scc" else build.cues
    assert [where for *_, where in read] == ["top" if c.raised else "bottom" for c in cues]
    assert {where for *_, where in read} == {"top", "bottom"}


def test_ebuttd_keeps_the_constraints_of_its_schema():
    text = render_all(reference_build(), ["ebuttd"])[".ebuttd.xml"]
    tt = ET.fromstring(text.encode("utf-8"))
    t = lambda name: f"{{{TT}}}{name}"  # noqa: E731
    assert tt.tag == t("tt") and tt.get(f"{{{XML}}}lang") == "en"
    assert tt.get("{http://www.w3.org/ns/ttml#parameter}timeBase") == "media"
    assert [c.tag for c in tt] == [t("head"), t("body")]
    head = tt.find(t("head"))
    assert [c.tag for c in head] == [t("metadata"), t("styling"), t("layout")]
    meta = head.find(f"{t('metadata')}/{{urn:ebu:tt:metadata}}documentMetadata")
    assert [c.tag.split("}")[1] for c in meta][:3] == ["conformsToStandard"] * 2 + ["authoredFrameRate"]
    assert meta[0].text == "urn:ebu:tt:distribution:2014-01"
    ids = [e.get(f"{{{XML}}}id") for e in tt.iter() if e.tag in (t("style"), t("region"), t("p"))]
    assert all(ids) and len(set(ids)) == len(ids)
    for region in tt.iter(t("region")):
        assert region.get(f"{{{TTS}}}origin") and region.get(f"{{{TTS}}}extent")
    body = tt.find(t("body"))
    assert all(c.tag == t("div") for c in body)
    for div in body:
        assert all(p.tag == t("p") for p in div)
        for p in div:
            assert all(re.fullmatch(r"\d\d:\d\d:\d\d\.\d{3}", p.get(k)) for k in ("begin", "end"))
            assert all(c.tag in (t("span"), t("br")) and not len(c) for c in p)
            assert not (p.text or "").strip() and p.get("region") in ("top", "bottom")


TTS = "http://www.w3.org/ns/ttml#styling"


def test_imsc_passes_the_hypothetical_render_model():
    import imschrm.doc_sequence
    import imschrm.hrm

    class Errors(imschrm.hrm.EventHandler):
        def __init__(self):
            self.errors = []

        def error(self, msg, doc_index, time_offset, available_time, stats):
            self.errors.append(msg)

    text = render_all(reference_build(), ["ttml"])[".ttml"]
    handler = Errors()
    imschrm.hrm.validate(imschrm.doc_sequence.iter_isd([(0, None, text)]), handler)
    assert handler.errors == []


def test_build_writes_the_delivery_formats_and_their_warnings(tmp_path):
    from tests.conftest import REFERENCE
    run = subprocess.run([sys.executable, "-m", "broadcast", "build", str(REFERENCE), "-o", str(tmp_path)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    for suffix, read in READERS.items():
        path = tmp_path / f"{REFERENCE.stem}{suffix}"
        assert len(read(path.read_bytes() if suffix == ".stl" else path.read_text(encoding="utf-8"))) > 40
    assert "broadcast: warning: SCC: caption 1 at 00:00:00;00 comes up" in run.stderr
    run = subprocess.run([sys.executable, "-m", "broadcast", "build", str(REFERENCE), "-o", str(tmp_path / "608"),
                          "--only", "scc", "--profile", "cea608", "--start", "10:00:00;00"],
                         capture_output=True, text=True)
    assert run.returncode == 0 and "warning" not in run.stderr, run.stderr


@pytest.mark.parametrize("name", ["ttml", "ebuttd"])
def test_characters_xml_cannot_carry_are_shown_as_a_question_mark_and_said(name):
    build = hand_build([("before \uffff after",)])
    text = render_all(build, [name])[EXPORTERS_BY_NAME[name].suffix]
    assert read_ttml(text)[0][2] == ["before ? after"]
    assert export_warnings(build, ["ttml", "ebuttd"]) == (
        "TTML: XML has no '\\uffff' (U+FFFF): shown as '?' (cue 1)",)


EXPORTERS_BY_NAME = exporters()


@pytest.mark.ffmpeg
def test_ffmpeg_reads_every_caption_of_the_scc(ffmpeg, tmp_path):
    build = build_text(_reference_text(), load_profile("cea608"), start="10:00:00;00")
    path = tmp_path / "report.scc"
    path.write_text(render_all(build, ["scc"])[".scc"], encoding="ascii")
    run = subprocess.run([ffmpeg, "-v", "error", "-i", str(path), "-f", "srt", "-"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    shown = re.findall(r"<font[^>]*>(?:\{\\an\d\}(?:\\h)*)?(.*?)</font>", run.stdout, re.S)
    # ffmpeg shows the apostrophe (0x27) as a typographer's one, a row's indent as \h
    assert [" ".join(s.replace("\u2019", "'").replace("\\h", " ").split()) for s in shown] == \
        [c.text for c in build.cues]


CEA608 = load_profile("cea608")
FRAME = Fraction(1001, 30)  # ms


@st.composite
def timed_captions(draw) -> list[Cue]:
    """Captions on 29.97 frames: one or two lines of up to 32 characters, at least 2 frames on
    screen and 2 frames apart, some raised."""
    cues, frame = [], draw(st.integers(0, 200))
    for index in range(1, draw(st.integers(1, 12)) + 1):
        end = frame + draw(st.integers(2, 90))
        lines = draw(st.lists(st.text("abcdefgh ÉéñÑ{}\\♪", min_size=1, max_size=32)
                              .map(lambda s: " ".join(s.split()) or "x"), min_size=1, max_size=2))
        cues.append(Cue(index, round(frame * FRAME), round(end * FRAME), tuple(lines), 0, draw(st.booleans())))
        frame = end + draw(st.integers(2, 60))
    return cues


@settings(max_examples=60, deadline=None, derandomize=True)
@given(timed_captions())
def test_every_scc_caption_comes_up_on_time_or_says_how_late(cues):
    build = replace(hand_build([c.lines for c in cues], "cea608"), cues=tuple(cues))
    frames, late = scc_format.schedule(build)
    read = read_scc(scc_format.scc_text(frames, CEA608.fps))
    assert [lines for _, _, lines, _ in read] == [list(c.lines) for c in cues]
    assert [where for *_, where in read] == ["top" if c.raised else "bottom" for c in cues]
    delayed = {int(re.match(r"SCC: caption (\d+)", w).group(1)): int(re.search(r"up (\d+) frame", w).group(1))
               for w in late}
    for (start, end, _, _), cue in zip(read, cues, strict=True):
        shift = delayed.get(cue.index, 0)
        assert abs(start - cue.start - shift * FRAME) <= 1, (start, cue)
        assert abs(end - cue.end) <= 1 or (shift and abs(end - start - 2 * FRAME) <= 1), (end, cue)


def test_scc_of_a_build_on_recognised_word_times_keeps_every_word_and_its_times():
    from tests.conftest import EXAMPLES
    timings = (EXAMPLES / "syria-peace-process.words.json").read_bytes()
    build = build_text(_reference_text(), load_profile("broadcast"), timings=timings, start="10:00:00:00")
    cea608 = build_text(_reference_text(), load_profile("cea608"), timings=timings, start="10:00:00:00")
    captions = read_scc(render_all(build, ["scc"])[".scc"])
    spoken = spoken_words(build)
    assert " ".join(" ".join(lines) for _, _, lines, _ in captions).split() == spoken
    # the recognised words time the captions as they time the cea608 profile's own cues
    assert len(captions) == len(cea608.cues)
    for (start, _, lines, _), cue in zip(captions[1:], cea608.cues[1:]):
        assert lines == list(cue.lines) and abs(start - 36_000_000 - cue.start) <= 34


def test_a_subtitle_too_long_for_ebu_stl_leaves_the_stl_out_of_a_full_build():
    from broadcast.errors import BeyondFormat
    from broadcast.exporters import render_set
    script = "Title\n[]\nThe anchor says " + "A" * 40_000 + " and goes on.\n"
    build = build_text(script, load_profile("broadcast"))
    outputs, left_out = render_set(build)
    assert ".stl" not in outputs and ".srt" in outputs
    assert any("EBU STL" in note for note in left_out)
    with pytest.raises(BeyondFormat):
        render_all(build, ["stl"])
