"""Hostile and broken scripts: each gets correct, escaped deliverables, or exit 2 with one
line on stderr; never a traceback, never a file outside -o, never a changed input.

A representative set runs through the command line as a user would; the rest through
`build_one`, the function every build goes through.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from broadcast.batch import Settings, build_one
from broadcast.profiles import load_profile
from tests.hostile import check_deliverables, deliverables, squashed, vtt_words, words

INTRO = "Talks resumed today in Geneva. Our correspondent Julia Lyubova reports from Moscow."
NARRATION = "The leaders met in Sochi and agreed to convene a congress."
BITE = 'VLADIMIR PUTIN RUSSIAN PRESIDENT "We have agreed to continue our efforts."'
STANDUP = "JULIA LYUBOVA MOSCOW The three sides say they are eager to press on. JL, CGTN, Moscow."


def script(*body: str, title: str = "Syria talks resume", tags: str = "[Syria, Russia]") -> str:
    """A web-transcript script around the given paragraphs."""
    return "\n".join([title, tags, INTRO, *body, STANDUP])


def cli(*args, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "broadcast", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, env={**os.environ, "BROADCAST_DEBUG": ""})


def assert_refused(run: subprocess.CompletedProcess, *, says: str = "") -> None:
    """Exit 2 with one line on stderr, naming the trouble."""
    assert run.returncode == 2, run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("broadcast: error: "), run.stderr
    assert says in lines[0]


def assert_no_traceback(run: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr, run.stderr


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*")}


SETTINGS = Settings(load_profile("broadcast"))

#: known faults, each named for the module that has it (strict: the test says when it is fixed)

#: (id, bytes of the script, a phrase that must be spoken, or None when it must be refused)
BUILT = [
    ("utf-16-with-bom", script(NARRATION).encode("utf-16"), "agreed to convene"),
    ("utf-8-with-bom", b"\xef\xbb\xbf" + script(NARRATION).encode(), "agreed to convene"),
    ("cp1252", script("The caf\xe9 owner said \u201cno\u201d \u2013 twice.").encode("cp1252"),
     "The caf\xe9 owner said"),
    ("latin-1", script("Se\xf1or M\xfcller \xa9 2024 \xbd done.").encode("latin-1"), "Se\xf1or M\xfcller"),
    ("mixed-line-ends", "\r\n".join(["Title", "[]", INTRO]).encode() + b"\r" + NARRATION.encode()
     + b"\n" + BITE.encode() + b"\r\n" + STANDUP.encode() + b"\r", "agreed to convene"),
    ("no-soundbites", "\n".join(["Title", "[]", INTRO, NARRATION, NARRATION]).encode(), "agreed to convene"),
    ("unbalanced-quotes", script('VLADIMIR PUTIN RUSSIAN PRESIDENT "We agreed, he said "twice.',
                                 'Narration with a stray " quote and "another.').encode(), "stray"),
    ("capitals-line-without-quote", script("VLADIMIR PUTIN RUSSIAN PRESIDENT", NARRATION).encode(),
     "agreed to convene"),
    ("emoji-rtl-cjk", script('Crowds cheered \U0001F1F8\U0001F1FE \U0001F54A\ufe0f \U0001F468\u200d\U0001F469'
                             '\u200d\U0001F467 in the square.',
                             'LI MING \u674e\u660e SPOKESMAN "\u6211\u4eec\u540c\u610f\u7ee7\u7eed\u8c08\u5224\u3002 '
                             'We agree."',
                             'AHMED ALI \u0623\u062d\u0645\u062f \u0639\u0644\u064a MINISTER "\u0627\u0644\u0633\u0644\u0627\u0645 '
                             '\u05e9\u05dc\u05d5\u05dd peace."').encode(), "Crowds cheered"),
    ("zero-width", script("Pu\u200btin and Erdo\u2060gan met\ufeff in So\u00adchi.").encode(), "Putin and Erdogan"),
    ("srt-lookalike", script("1", "00:00:01,000 --> 00:00:02,000", "Hello there.", "", "2 --> 3").encode(),
     "00:00:01,000 --> 00:00:02,000"),
    ("webvtt-lookalike", "\n".join(["WEBVTT", "[]", "WEBVTT", "NOTE this is not a note",
                                    "00:01.000 --> 00:02.000 line:0", INTRO, STANDUP]).encode(),
     "00:01.000 --> 00:02.000"),
    ("ass-override-tags", script(r"{\pos(0,0)}Hidden? {\an8}top and a\Nbreak, \h hard, \\ double, {\fs200}big.",
                                 r'VLADIMIR {\b1}PUTIN RUSSIAN PRESIDENT "{\c&H0000FF&}Red\N text."').encode(),
     "Hidden?"),
    ("html", script("<script>alert(1)</script> & <img src=x onerror=alert(2)> &amp; <b>bold</b> 5 < 6 > 4.",
                    'VLADIMIR PUTIN RUSSIAN PRESIDENT "<iframe src=x></iframe> Tom & Jerry."',
                    title="<script>alert('title')</script> & co").encode(), "alert(1)"),
    ("passwd-title", script(NARRATION, title="../../etc/passwd").encode(), "agreed to convene"),
    ("windows-path-title", script(NARRATION, title="..\\..\\Windows\\System32\\x").encode(), "agreed"),
    ("one-long-word", script("Long " + "a" * 10_000 + " word.").encode(), "a" * 10_000),
    ("many-blank-lines", ("\n" * 100_000 + script(NARRATION) + "\n \n" * 50_000).encode(), "agreed"),
    ("only-a-title", b"Syria talks resume in Geneva today", "Syria talks resume"),
    ("control-bytes", script("The bell\x07 rang\x1b[2J and stopped.").encode(), "rang"),
    ("csv-formula", script('=HYPERLINK("http://x") SAID "Numbers =1+1 and @SUM(A1)."').encode(), "Numbers"),
]

REFUSED = [
    ("empty", b"", "empty"),
    ("blank", "  \n\t\n \r\n\u3000\u00a0".encode(), "white space"),
    ("binary", bytes(range(256)) * 64, "binary"),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(4000), "binary"),
    ("nul-late", script(NARRATION).encode() + b"x" * 5000 + b"\x00" * 10, "binary"),
    ("bad-utf-8-bom", b"\xef\xbb\xbf\xff\xfe not utf-8", "utf-8"),
]


def build_bytes(tmp_path: Path, data: bytes, name: str = "report.txt"):
    source = tmp_path / "in" / name
    source.parent.mkdir(exist_ok=True)
    source.write_bytes(data)
    out = tmp_path / "out"
    return source, out, build_one(source, out, SETTINGS)


@pytest.mark.parametrize("case", BUILT, ids=[c[0] for c in BUILT])
def test_hostile_script_is_built_with_every_word_and_escaped(tmp_path, case):
    _, data, phrase = case
    source, out, result = build_bytes(tmp_path, data)
    assert result.ok, result.error
    report = check_deliverables(out, "report")
    spoken = " ".join(s["text"] for s in report["segments"])
    assert " ".join(phrase.split()) in " ".join(spoken.split())
    assert files_under(tmp_path) == {source.parent, source, out, *result.written}


@pytest.mark.parametrize("case", REFUSED, ids=[c[0] for c in REFUSED])
def test_unusable_script_is_refused_in_one_line_and_writes_nothing(tmp_path, case):
    _, data, says = case
    source, out, result = build_bytes(tmp_path, data)
    assert not result.ok and not result.internal
    assert says in result.error.lower() and "\n" not in result.error
    assert not out.exists()


def test_utf16_reads_as_the_same_script_as_utf8(tmp_path):
    from broadcast.reading import read_script
    text = script(NARRATION, BITE)
    assert read_script(text.encode("utf-16")) == read_script(text.encode("utf-8"))


def test_utf16_without_a_mark_is_read_or_refused_in_one_line(tmp_path):
    source, out, result = build_bytes(tmp_path, script(NARRATION).encode("utf-16-le"))
    if result.ok:
        assert "agreed to convene" in " ".join(s["text"] for s in check_deliverables(out, "report")["segments"])
    else:
        assert not result.internal and "\n" not in result.error


def test_mixed_line_ends_segment_as_plain_line_feeds():
    from broadcast.reading import read_script
    from broadcast.segment import segment
    lines = ["Title", "[]", INTRO, NARRATION, BITE, STANDUP]
    mixed = b"".join(line.encode() + end for line, end in zip(lines, [b"\r\n", b"\r", b"\n"] * 2))
    plain = "\n".join(lines).encode()
    assert [(s.kind, s.text, s.speaker) for s in segment(read_script(mixed)).segments] == \
        [(s.kind, s.text, s.speaker) for s in segment(read_script(plain)).segments]


def test_zero_width_characters_do_not_split_or_glue_words(tmp_path):
    source, out, result = build_bytes(tmp_path, script("Pu\u200btin and Erdo\u2060gan met\ufeff in So\u00adchi.").encode())
    srt_text = (out / "report.srt").read_text(encoding="utf-8")
    assert "Putin and Erdogan met in Sochi." in " ".join(srt_text.split())
    assert not any(c in srt_text for c in "\u200b\u2060\ufeff\u00ad")


def test_the_emoji_joiners_survive(tmp_path):
    family = "\U0001F468\u200d\U0001F469\u200d\U0001F467"
    source, out, result = build_bytes(tmp_path, script(f"A family {family} waited.").encode())
    assert family in (out / "report.vtt").read_text(encoding="utf-8")


def test_a_lone_signoff_is_built_or_refused_in_one_line(tmp_path):
    source, out, result = build_bytes(tmp_path, b"JL, CGTN, Moscow.")
    if result.ok:
        report = check_deliverables(out, "report")
        assert words(s["text"] for s in report["segments"]) == ["JL,", "CGTN,", "Moscow."]
    else:
        assert not result.internal and "\n" not in result.error


def test_webvtt_cues_never_carry_an_arrow_from_the_script(tmp_path):
    source, out, result = build_bytes(tmp_path, script("2 --> 3 and 00:01.000 --> 00:02.000").encode())
    vtt = (out / "report.vtt").read_text(encoding="utf-8")
    body = vtt.split("\n\n", 2)[2]
    timing_lines = [line for line in body.splitlines() if "-->" in line]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert len(timing_lines) == len(report["cues"])


@pytest.mark.parametrize("line", ["The log read 00:00:01.000 to 00:00:09.000.",
                                  "Clocks showed 01:02.500 then 01:09.250 on the board.",
                                  "From 0:00:01.00 until 10:00:00.000 --> nothing."])
def test_a_time_in_the_script_never_becomes_a_webvtt_cue(tmp_path, line):
    import pysubs2
    source, out, result = build_bytes(tmp_path, script(line).encode())
    vtt = (out / "report.vtt").read_text(encoding="utf-8")
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert len(pysubs2.SSAFile.from_string(vtt, format_="vtt").events) == len(report["cues"])
    assert " ".join(line.split()) in " ".join(vtt_words(vtt))


def test_srt_lookalike_text_stays_inside_its_cues(tmp_path):
    import srt
    source, out, result = build_bytes(tmp_path, script("1\n00:00:01,000 --> 00:00:02,000\nHello.").encode())
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    subtitles = list(srt.parse((out / "report.srt").read_text(encoding="utf-8")))
    assert [s.index for s in subtitles] == [c["index"] for c in report["cues"]]


def test_outputs_are_named_by_the_file_never_by_the_title(tmp_path):
    source, out, result = build_bytes(tmp_path, script(NARRATION, title="../../etc/passwd").encode(),
                                      name="syria.txt")
    assert result.ok
    assert sorted(p.name for p in out.iterdir()) == sorted(f"syria{e}" for e in deliverables(out, "syria"))
    assert not (tmp_path / "etc").exists()


@pytest.mark.parametrize("name", ["Сирия — отчёт.txt", "report with spaces.txt", "-rf.txt", "..txt",
                                  "$(touch pwned).txt", "a'b\"c.txt"])
def test_odd_file_names_name_the_outputs_inside_the_folder(tmp_path, name):
    source, out, result = build_bytes(tmp_path, script(NARRATION).encode(), name=name)
    assert result.ok, result.error
    stem = Path(name).stem
    assert {p.name for p in out.iterdir()} == {f"{stem}{e}" for e in deliverables(out, stem)}
    check_deliverables(out, stem)
    assert files_under(tmp_path) == {source.parent, source, out, *result.written}


# Through the command line, as a user or an automation system calls it.

def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


@pytest.mark.parametrize("case", [c for c in REFUSED if c[0] in ("empty", "blank", "binary")],
                         ids=lambda c: c[0])
def test_command_line_refuses_unusable_input_in_one_line(tmp_path, case):
    _, data, says = case
    source = write(tmp_path / "bad.txt", data)
    run = cli("build", source, "-o", tmp_path / "out")
    assert_refused(run, says=says)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("case", [c for c in BUILT if c[0] in
                                  ("utf-16-with-bom", "cp1252", "html", "ass-override-tags", "passwd-title",
                                   "webvtt-lookalike", "emoji-rtl-cjk")], ids=lambda c: c[0])
def test_command_line_builds_hostile_input(tmp_path, case):
    _, data, phrase = case
    source = write(tmp_path / "in" / "story.txt", data)
    run = cli("build", source, "-o", tmp_path / "out", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert_no_traceback(run)
    assert run.stderr.splitlines()[-1] == f"wrote {len(deliverables(tmp_path / 'out', 'story'))} files for " \
                                          f"story.txt to {tmp_path / 'out'}"
    check_deliverables(tmp_path / "out", "story")
    assert {p.parent for p in files_under(tmp_path) if p.is_file()} == {tmp_path / "in", tmp_path / "out"}


@pytest.mark.parametrize("args, says", [
    (["missing.txt"], "No such file"),
    (["."], "no scripts"),
    (["story.txt", "--jobs", "0"], "--jobs"),
    (["story.txt", "--only", "nonsense"], "nonsense"),
    (["story.txt", "--profile", "../../etc/passwd"], "profile"),
    (["story.txt", "--fps", "0"], "frame rate"),
    (["story.txt", "--convention", "nonsense"], "convention"),
])
def test_command_line_refuses_bad_arguments_in_one_line(tmp_path, args, says):
    write(tmp_path / "story.txt", script(NARRATION))
    (tmp_path / "empty").mkdir()
    args = ["empty" if a == "." else a for a in args]
    run = cli("build", *args, "-o", tmp_path / "out", cwd=tmp_path)
    assert_refused(run, says=says)


def test_an_output_path_that_is_a_file_is_refused_in_one_line(tmp_path):
    source = write(tmp_path / "story.txt", script(NARRATION))
    taken = write(tmp_path / "taken", "not a folder")
    assert_refused(cli("build", source, "-o", taken), says="not a folder")
    assert taken.read_text() == "not a folder"


def test_output_beside_the_input_never_overwrites_it(tmp_path):
    source = write(tmp_path / "story.txt", script(NARRATION))
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    for _ in range(2):  # the second run must not take the first run's outputs for scripts
        run = cli("build", tmp_path, "-o", tmp_path)
        assert run.returncode == 0, run.stdout + run.stderr
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before
    check_deliverables(tmp_path, "story")


def test_an_output_that_would_land_on_another_input_fails_that_script_only(tmp_path):
    story = write(tmp_path / "story.txt", script(NARRATION))
    # A script that happens to be named like the first one's prompter copy.
    other = write(tmp_path / "story.prompter.txt", script("A different story altogether."))
    before = other.read_bytes()
    run = cli("build", story, other, "-o", tmp_path)
    assert run.returncode == 1
    assert_no_traceback(run)
    assert other.read_bytes() == before
    assert "would overwrite an input" in run.stdout + run.stderr
    check_deliverables(tmp_path, "story.prompter")


def test_scripts_with_the_same_name_in_two_folders_do_not_overwrite_each_other(tmp_path):
    first = write(tmp_path / "monday" / "story.txt", script("Monday's story is this one."))
    write(tmp_path / "tuesday" / "story.txt", script("Tuesday's story is another."))
    run = cli("build", tmp_path / "monday", tmp_path / "tuesday", "-o", tmp_path / "out")
    assert run.returncode == 1
    assert_no_traceback(run)
    assert "same name" in run.stdout + run.stderr
    srt_text = (tmp_path / "out" / "story.srt").read_text(encoding="utf-8")
    assert "Monday" in srt_text and "Tuesday" not in srt_text
    assert first.read_text().startswith("Syria")


def test_internal_error_is_one_line_without_a_traceback(tmp_path, monkeypatch, capsys):
    """A fault of the tool on one script is one line (exit 1) with the traceback on request."""
    from broadcast import cli as command_line
    from broadcast import pipeline

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a fault in the tool")

    monkeypatch.setattr(pipeline, "build_text", broken)
    source = write(tmp_path / "story.txt", script(NARRATION))
    monkeypatch.delenv("BROADCAST_DEBUG", raising=False)
    assert command_line.main(["build", str(source), "-o", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == ("broadcast: internal error: ZeroDivisionError: a fault in the tool "
                                       "(set BROADCAST_DEBUG=1 for the traceback)\n")
    assert not (tmp_path / "out").exists()
    monkeypatch.setenv("BROADCAST_DEBUG", "1")
    assert command_line.main(["build", str(source), "-o", str(tmp_path / "out")]) == 1
    assert "Traceback" in capsys.readouterr().err


def test_the_prompter_check_would_see_a_lost_line():
    """The read-back helper itself: a prompter missing a sentence fails the order check."""
    from tests.hostile import in_order
    assert in_order([squashed("one two"), squashed("three")], squashed("ONE TWO\n[MARK]\nTHREE")) is None
    assert in_order([squashed("one two"), squashed("three")], squashed("THREE ONE TWO")) == "THREE"


# Through the players' own readers: ffmpeg (libavformat's SRT reader, libass for ASS).

def libass_text(event_text: str) -> str:
    """What libass shows of event text: override blocks hidden, `\\{ \\}` escapes shown as braces."""
    import re
    text = event_text.replace("\\{", "\0").replace("\\}", "\1")
    text = re.sub(r"\{[^}]*\}", "", text)
    text = re.sub(r"\\[Nnh]", " ", text)
    return text.replace("\0", "{").replace("\1", "}")


def ffmpeg_dialogue(ffmpeg: str, subtitles: Path, tmp_path: Path) -> list[str]:
    """What ffmpeg makes of a subtitle file: its events' visible words, via its ASS conversion."""
    import pysubs2
    converted = tmp_path / f"{subtitles.name}.ffmpeg.ass"
    subprocess.run([ffmpeg, "-v", "error", "-y", "-i", str(subtitles), str(converted)], check=True)
    from broadcast.exporters._inert import restore
    return words(restore(libass_text(e.text)) for e in pysubs2.load(str(converted)).events)


def spoken(out: Path, stem: str = "report") -> list[str]:
    """The words the viewer hears, from the build's JSON: the sign-off in full."""
    data = json.loads((out / f"{stem}.json").read_text(encoding="utf-8"))
    heard = []
    for s in data["segments"]:
        text = s["text"]
        if s["kind"] == "signoff" and data.get("signoff"):
            text = data["signoff"]["spoken"] + (text.rstrip()[-1] if text.rstrip()[-1:] in ".!" else "")
        heard.append(text)
    return words(heard)


def test_an_srt_cue_line_that_looks_like_timing_reads_back_as_one_subtitle():
    from broadcast.exporters.srt import EXPORTER
    from tests.hostile import srt_words
    from tests.subtitles import hand_build
    build = hand_build([("Before.",), ("00:00:01,000 --> 00:00:02,000",), ("The answer is", "42")])
    assert srt_words(EXPORTER.export(build)) == "Before. 00:00:01,000 --> 00:00:02,000 The answer is 42".split()


@pytest.mark.ffmpeg
def test_ffmpeg_reads_every_word_of_an_srt_with_a_timing_line_in_the_script(ffmpeg, tmp_path):
    source, out, result = build_bytes(tmp_path, script("00:00:01,000 --> 00:00:02,000").encode())
    assert ffmpeg_dialogue(ffmpeg, out / "report.srt", tmp_path) == spoken(out)


@pytest.mark.ffmpeg
def test_ffmpeg_shows_markup_in_an_srt_as_written(ffmpeg, tmp_path):
    source, out, result = build_bytes(tmp_path, script(r"{\pos(0,0)}Hidden? {\an8}top, <b>bold</b> <script>x").encode())
    assert ffmpeg_dialogue(ffmpeg, out / "report.srt", tmp_path) == spoken(out)


@pytest.mark.ffmpeg
def test_ffmpeg_reads_every_word_of_the_webvtt_of_hostile_text(ffmpeg, tmp_path):
    # (ffmpeg passes a backslash through, so a script's \\N would break the line there: its quirk.)
    source, out, result = build_bytes(tmp_path, script(r"{\pos(0,0)}Hidden? <b>bold</b> & 5 < 6 -->").encode())
    assert ffmpeg_dialogue(ffmpeg, out / "report.vtt", tmp_path) == spoken(out)


@pytest.mark.ffmpeg
@pytest.mark.parametrize("case", [c for c in BUILT if c[0] in
                                  ("ass-override-tags", "emoji-rtl-cjk", "html", "one-long-word")],
                         ids=lambda c: c[0])
def test_libass_loads_the_ass_of_hostile_input(ffmpeg, tmp_path, case):
    """libass (through ffmpeg's ass filter) renders a frame of every cue's time without a complaint."""
    _, data, _ = case
    source, out, result = build_bytes(tmp_path, data)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    at = report["cues"][-1]["start"] + 0.1
    run = subprocess.run(
        [ffmpeg, "-v", "error", "-f", "lavfi", "-i", f"color=c=black:s=640x360:d={at + 1}:r=25",
         "-vf", f"ass={out / 'report.ass'}", "-ss", str(at), "-frames:v", "1", "-f", "null", "-"],
        capture_output=True, text=True)
    assert run.returncode == 0 and not run.stderr.strip(), run.stderr


# Size: a script has at most MAX_SCRIPT_BYTES; within that, nothing is refused for its shape.

def test_a_ten_megabyte_file_is_refused_in_one_line_without_reading_it_all(tmp_path):
    from broadcast.inputs import MAX_SCRIPT_BYTES
    body = script(NARRATION, BITE).encode() + b"\n"
    source = write(tmp_path / "huge.txt", body * (10_000_000 // len(body) + 1))
    run = cli("build", source, "-o", tmp_path / "out")
    assert_refused(run, says=f"a script has at most {MAX_SCRIPT_BYTES:,}")
    assert not (tmp_path / "out").exists()


def test_one_line_of_a_million_characters_is_refused_in_one_line(tmp_path):
    source = write(tmp_path / "line.txt", "Title\n" + "x" * 1_000_000)
    assert_refused(cli("segment", source), says="bytes")
    assert_refused(cli("build", source, "-o", tmp_path / "out"), says="bytes")


def test_one_long_paragraph_of_fifty_thousand_characters_is_built_whole(tmp_path):
    sentence = "The talks in Geneva went on late into the night and resumed at dawn. "
    source, out, result = build_bytes(tmp_path, script(sentence * (50_000 // len(sentence))).encode())
    assert result.ok, result.error
    report = check_deliverables(out, "report")
    assert sum(s["text"].count("dawn.") for s in report["segments"]) == 50_000 // len(sentence)
