"""Bounded work on any input: every file read is a regular file of bounded size, every
profile value and every word time is checked when it is read, and the options of
`broadcast break` stay within what a subtitle can be. Each refusal is exit 2 with one line
naming what is wrong, never an internal error."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from broadcast.errors import UnusableInput
from broadcast.files import read_regular
from broadcast.profiles import load_profile, styles_dir
from tests.test_hostile_inputs import NARRATION, assert_refused, cli, script


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


# --- reads ---------------------------------------------------------------------------------

def test_a_device_is_refused_without_reading_it():
    with pytest.raises(UnusableInput, match="not a regular file"):
        read_regular(Path("/dev/zero"), 1000, "script")


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    with pytest.raises(UnusableInput, match="not a regular file"):
        read_regular(fifo, 1000, "script")


def test_a_file_over_the_limit_is_refused_and_one_at_the_limit_read(tmp_path):
    path = write(tmp_path / "f", b"x" * 1000)
    assert read_regular(path, 1000) == b"x" * 1000
    with pytest.raises(UnusableInput, match="at most 999"):
        read_regular(path, 999)


def test_a_folder_is_named_as_one(tmp_path):
    with pytest.raises(UnusableInput, match="is a folder, not a script"):
        read_regular(tmp_path, 1000, "script")


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
@pytest.mark.parametrize("role", ["script", "timings", "pronouncer", "check", "profile"])
def test_every_input_of_the_command_line_is_refused_when_not_a_regular_file(tmp_path, special, role):
    source = write(tmp_path / "story.txt", script(NARRATION))
    if special == "fifo":
        special = tmp_path / "special.txt"
        os.mkfifo(special)
    args = {"script": ["build", special, "-o", tmp_path / "out"],
            "timings": ["build", source, "-o", tmp_path / "out", "--timings", special],
            "pronouncer": ["build", source, "-o", tmp_path / "out", "--pronouncer", special],
            "check": ["check", special],
            "profile": ["build", source, "-o", tmp_path / "out", "--profile", f"{special}.toml"]}[role]
    if role == "profile":
        if str(special) == "/dev/zero":
            pytest.skip("a profile is named by a .toml path")
        os.rename(special, f"{special}.toml")
    run = subprocess.run([sys.executable, "-m", "broadcast", *map(str, args)], capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 2, run.stderr
    assert len(run.stderr.splitlines()) == 1 and "regular file" in run.stderr
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


# --- profiles ------------------------------------------------------------------------------

def profile_with(tmp_path: Path, **changes) -> Path:
    """The broadcast profile with some keys changed (None removes a key)."""
    import tomllib
    data = tomllib.loads((styles_dir() / "broadcast.toml").read_text(encoding="utf-8"))
    rates = data.pop("read_rate")
    data.update(changes)
    lines = [f"{k} = {v!r}".replace("'", '"') if isinstance(v, str) else f"{k} = {v}"
             for k, v in data.items() if v is not None]
    lines += ["[read_rate]"] + [f"{k} = {v}" for k, v in rates.items()]
    path = tmp_path / "mine.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("key, value", [
    ("max_duration", "1e300"), ("max_duration", "-7.0"), ("max_duration", "nan"), ("max_duration", "inf"),
    ("min_duration", "-1"), ("max_lines", "0"), ("max_lines", "1000"), ("max_chars_per_line", "0"),
    ("max_chars_per_line", "10000"), ("max_chars_per_line", "4.5"), ("max_chars_per_second", "0"),
    ("max_chars_per_second", "1e-300"), ("min_gap_frames", "-2"), ("lower_third_hold", "0"),
    ("lower_third_hold", "1e300"), ("max_lines", '"two"'), ("max_lines", "true"),
])
def test_an_unusable_profile_value_is_refused_naming_the_key(tmp_path, key, value):
    path = profile_with(tmp_path)
    text = path.read_text().replace(f"\n{key} = ", f"\n{key} = {value}\n#", 1)
    path.write_text(text)
    with pytest.raises(UnusableInput, match=key):
        load_profile(str(path))


@pytest.mark.parametrize("rate", ["1e-300", "0", "-150", "1e300", '"fast"'])
def test_an_unusable_read_rate_is_refused_naming_the_role(tmp_path, rate):
    path = profile_with(tmp_path)
    path.write_text(path.read_text().replace("anchor = 170", f"anchor = {rate}"))
    with pytest.raises(UnusableInput, match="read_rate.anchor"):
        load_profile(str(path))


def test_a_minimum_above_the_maximum_duration_is_refused(tmp_path):
    with pytest.raises(UnusableInput, match="min_duration"):
        load_profile(str(profile_with(tmp_path, min_duration=9.0, max_duration=7.0)))


def test_a_missing_key_or_style_sheet_is_refused_naming_it(tmp_path):
    with pytest.raises(UnusableInput, match="max_lines"):
        load_profile(str(profile_with(tmp_path, max_lines=None)))
    with pytest.raises(UnusableInput, match="ass_style_sheet"):
        load_profile(str(profile_with(tmp_path, ass_style_sheet="nowhere.ass")))


def test_the_shipped_profiles_load():
    for path in styles_dir().glob("*.toml"):
        assert load_profile(path.stem).max_lines >= 1


def test_an_unusable_profile_is_exit_2_on_the_command_line(tmp_path):
    source = write(tmp_path / "story.txt", script(NARRATION))
    path = profile_with(tmp_path)
    path.write_text(path.read_text().replace("max_lines = 2", "max_lines = 0"))
    for args in (["build", source, "-o", tmp_path / "out"], ["preview", source], ["check", source]):
        assert_refused(cli(*args, "--profile", path), says="max_lines")
    assert not (tmp_path / "out").exists()


# --- check input ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "1\n99999999999:00:00,000 --> 99999999999:00:01,000\nhi\n",
    "WEBVTT\n\n99999999999999999999:00:00.000 --> 00:00:01.000\nhi\n",
    "[Script Info]\n[Events]\nFormat: Layer, Start, End, Style, Text\n"
    "Dialogue: 0,999999999999:00:00.00,0:00:01.00,Default,hi\n",
    "hello",
    "",
])
def test_unusable_check_input_is_exit_2(tmp_path, text):
    run = cli("check", write(tmp_path / "in.srt", text))
    assert run.returncode == 2, run.stderr
    assert len(run.stderr.splitlines()) == 1 and "internal error" not in run.stderr


# --- word timings --------------------------------------------------------------------------

def timings_file(tmp_path: Path, last_start) -> Path:
    import json
    words = NARRATION.split()
    entries = [{"word": w, "start": k * 0.4, "end": k * 0.4 + 0.3} for k, w in enumerate(words)]
    entries[-1].update(start=last_start, end=last_start)
    path = tmp_path / "story.words.json"
    path.write_text(json.dumps({"word_segments": entries}), encoding="utf-8")
    return path


@pytest.mark.parametrize("last_start", [1e300, 1e20, 1e16, 1e14, 1e9, 200_000.0])
def test_a_word_timed_far_past_the_script_is_refused_at_once_naming_it(tmp_path, last_start):
    source = write(tmp_path / "story.txt", "Title\n[]\n" + NARRATION + "\n")
    run = cli("build", source, "-o", tmp_path / "out", "--timings", timings_file(tmp_path, last_start))
    assert_refused(run, says="'congress.'")
    assert "more than a day" in run.stderr
    assert not (tmp_path / "out").exists()


def test_a_word_within_a_day_is_built(tmp_path):
    source = write(tmp_path / "story.txt", "Title\n[]\n" + NARRATION + "\n")
    run = cli("build", source, "-o", tmp_path / "out", "--timings", timings_file(tmp_path, 3600.0),
              "--only", "srt")
    assert run.returncode == 0, run.stderr
    assert "01:00:00," in (tmp_path / "out" / "story.srt").read_text(encoding="utf-8")


@pytest.mark.parametrize("data", [b"", b"   \n", b"{}", b'{"word_segments": [{"word": "a", "start": "NaN"}]}'])
def test_an_empty_or_unusable_timings_file_is_exit_2(tmp_path, data):
    source = write(tmp_path / "story.txt", script(NARRATION))
    run = cli("build", source, "-o", tmp_path / "out", "--timings", write(tmp_path / "t.json", data))
    assert_refused(run)
    assert not (tmp_path / "out").exists()


# --- broadcast break -----------------------------------------------------------------------

@pytest.mark.parametrize("args", [["--max-chars", "200"], ["--max-lines", "100"], ["--max-lines", "1000"],
                                  ["--max-chars", "0"], ["--max-lines", "0"], ["--max-chars", "-5"]])
def test_break_options_beyond_a_subtitle_are_refused(args):
    run = subprocess.run([sys.executable, "-m", "broadcast", "break", *args], input="a b c\n",
                         capture_output=True, text=True, timeout=60)
    assert_refused(run, says=args[0])


def test_break_at_the_largest_options_keeps_every_word():
    words = (NARRATION.split() * 40)[:400]
    run = subprocess.run([sys.executable, "-m", "broadcast", "break", "--max-chars", "100", "--max-lines", "4"],
                         input=" ".join(words) + "\n", capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    out = run.stdout.replace("<eol>", " ").replace("<eob>", " ").split()
    assert out == words
    assert all(event.count("<eol>") <= 3 for event in run.stdout.split("<eob>"))


def test_the_breaker_s_memory_grows_linearly_with_the_words():
    import tracemalloc

    from broadcast.linebreak import break_events
    words = NARRATION.split() * 300

    def peak(n: int) -> int:
        tracemalloc.start()
        break_events(words[:n], 100, 4)
        size = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return size

    small, large = peak(500), peak(2000)
    assert large < 6 * small, (small, large)  # four times the words: about four times the memory
    # and a few hundred bytes a word: no table of every event's settings is kept (it took
    # kilobytes a word at four lines, gigabytes at a hundred)
    assert large < 1000 * 2000, large


# --- inputs are never harmed ---------------------------------------------------------------

def digest(path: Path) -> bytes:
    import hashlib
    return hashlib.sha256(path.read_bytes()).digest()


def whisperx(tmp_path: Path, name: str) -> Path:
    import json
    words = (script(NARRATION)).split()
    path = tmp_path / name
    path.write_text(json.dumps({"word_segments": [{"word": w, "start": k * 0.4, "end": k * 0.4 + 0.3}
                                                  for k, w in enumerate(words)]}), encoding="utf-8")
    return path


@pytest.mark.parametrize("option, name", [
    ("--timings", "story.json"),  # WhisperX names story.wav's words story.json
    ("--pronouncer", "story.prompter.txt"), ("--pronouncer", "story.srt"),
    ("--video", "story.vtt"), ("--timings", "story.vtt"),
])
def test_no_output_replaces_a_file_the_build_reads(tmp_path, option, name):
    source = write(tmp_path / "story.txt", script(NARRATION))
    given = whisperx(tmp_path, name) if option == "--timings" and name.endswith(".json") else \
        write(tmp_path / name, "WEBVTT\n\n00:00.000 --> 00:01.000\nTalks resumed\n" if name.endswith(".vtt")
              else "Sochi = SOH-chee\n")
    before = {p.name: digest(p) for p in tmp_path.iterdir()}
    run = cli("build", source, "-o", tmp_path, option, given)
    assert_refused(run, says=name)
    assert {p.name: digest(p) for p in tmp_path.iterdir()} == before  # nothing written, nothing changed


def test_an_input_reached_by_another_name_is_recognised(tmp_path):
    source = write(tmp_path / "story.txt", script(NARRATION))
    (tmp_path / "out").mkdir()
    timings = whisperx(tmp_path, "words.json")
    os.link(timings, tmp_path / "out" / "story.json")  # the same file under the output's name
    before = digest(timings)
    assert_refused(cli("build", source, "-o", tmp_path / "out", "--timings", tmp_path / "out" / ".." / "words.json"),
                   says="story.json")
    assert digest(timings) == before


def test_a_batch_whose_outputs_would_replace_the_pronouncer_writes_nothing(tmp_path):
    for name in ("a.txt", "b.txt"):
        write(tmp_path / name, script(NARRATION))
    pronouncer = write(tmp_path / "b.prompter.txt", "Sochi = SOH-chee\n")
    before = {p.name: digest(p) for p in tmp_path.iterdir()}
    run = cli("build", tmp_path / "a.txt", tmp_path / "b.txt", "-o", tmp_path, "--pronouncer", pronouncer)
    assert_refused(run, says="b.prompter.txt")
    assert {p.name: digest(p) for p in tmp_path.iterdir()} == before


def test_render_never_replaces_its_video(tmp_path):
    source = write(tmp_path / "story.txt", script(NARRATION))
    video = write(tmp_path / "story.preview.mp4", b"not really a video")
    assert_refused(cli("render", source, "-o", tmp_path, "--video", video), says="story.preview.mp4")
    assert video.read_bytes() == b"not really a video"
