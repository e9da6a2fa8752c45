"""`-` for standard input and standard output, as every filter takes it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REFERENCE


def cli(*args, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "broadcast", *map(str, args)], input=stdin,
                          capture_output=True)


def test_build_reads_the_script_from_standard_input_named_stdin(tmp_path):
    piped = cli("build", "-", "-o", tmp_path / "piped", stdin=REFERENCE.read_bytes())
    assert piped.returncode == 0, piped.stderr
    named = cli("build", REFERENCE, "-o", tmp_path / "named")
    stem = REFERENCE.stem
    made = sorted(p.name for p in (tmp_path / "piped").iterdir())
    assert made == sorted(p.name.replace(stem, "stdin") for p in (tmp_path / "named").iterdir())
    assert named.returncode == 0
    for name in ("srt", "vtt", "ass", "prompter.txt"):
        assert (tmp_path / "piped" / f"stdin.{name}").read_bytes() == \
            (tmp_path / "named" / f"{stem}.{name}").read_bytes()
    assert piped.stderr.decode().endswith(f"wrote {len(made)} files for standard input to {tmp_path / 'piped'}\n")


def test_name_gives_the_outputs_their_stem(tmp_path):
    run = cli("build", "-", "--name", "evening-news", "-o", tmp_path, "--only", "srt", "--only", "json",
              stdin=REFERENCE.read_bytes())
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evening-news.json", "evening-news.srt"]
    assert run.stderr.decode().endswith("wrote 2 files for standard input to " + str(tmp_path) + "\n")


def test_one_file_written_is_said_in_the_singular(tmp_path):
    run = cli("build", REFERENCE, "-o", tmp_path, "--only", "srt")
    assert run.stderr.decode().endswith(f"wrote 1 file for {REFERENCE.name} to {tmp_path}\n")


@pytest.mark.parametrize("name", ["", "../up", "a/b", ".hidden", ".."])
def test_a_name_that_is_not_a_plain_file_name_is_refused(name, tmp_path):
    run = cli("build", REFERENCE, "--name", name, "-o", tmp_path / "out")
    assert run.returncode == 2 and len(run.stderr.splitlines()) == 1
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("fmt", ["srt", "vtt", "ass", "json", "prompter"])
def test_one_format_to_standard_output_is_the_file_build_writes(fmt, tmp_path):
    run = cli("build", REFERENCE, "--only", fmt, "-o", "-")
    assert run.returncode == 0, run.stderr
    cli("build", REFERENCE, "--only", fmt, "-o", tmp_path)
    (written,) = tmp_path.iterdir()
    assert run.stdout == written.read_bytes()
    assert b"wrote" not in run.stderr  # nothing but the file on stdout, nothing claimed on stderr


def test_standard_input_to_standard_output(tmp_path):
    run = cli("build", "-", "--only", "vtt", "-o", "-", stdin=REFERENCE.read_bytes())
    assert run.returncode == 0 and run.stdout.startswith(b"WEBVTT")


@pytest.mark.parametrize("args", [
    ["build", "REF", "-o", "-"],  # every format at once has no one stream
    ["build", "REF", "--only", "srt", "--only", "vtt", "-o", "-"],
    ["build", "REF", "REF2", "--only", "srt", "-o", "-"],
    ["build", "REF", "-", "-o", "OUT"],  # standard input is one script, not part of a batch
    ["build", "REF", "REF2", "--name", "x", "-o", "OUT"],
])
def test_what_standard_streams_cannot_carry_is_refused_in_one_line(args, tmp_path):
    second = tmp_path / "other.txt"
    second.write_bytes(REFERENCE.read_bytes())
    swap = {"REF": REFERENCE, "REF2": second, "OUT": tmp_path / "out"}
    run = cli(*[swap.get(a, a) for a in args], stdin=b"")
    assert run.returncode == 2 and len(run.stderr.splitlines()) == 1, run.stderr
    assert run.stdout == b"" and not (tmp_path / "out").exists()


def test_an_empty_standard_input_is_refused_naming_it(tmp_path):
    run = cli("build", "-", "-o", tmp_path / "out", stdin=b"")
    assert run.returncode == 2
    assert run.stderr.decode().startswith("broadcast: error: standard input: ")
    assert not (tmp_path / "out").exists()


def test_segment_reads_standard_input():
    piped = cli("segment", "-", "--format", "json", stdin=REFERENCE.read_bytes())
    named = cli("segment", REFERENCE, "--format", "json")
    assert piped.returncode == 0 and json.loads(piped.stdout) == json.loads(named.stdout)


def test_check_reads_standard_input():
    srt = cli("build", REFERENCE, "--only", "srt", "-o", "-").stdout
    run = cli("check", "-", "--profile", "netflix", stdin=srt)
    assert run.returncode in (0, 1) and run.stderr.decode().strip().endswith("of profile netflix")
    assert cli("check", "-", stdin=b"not subtitles at all\n").returncode == 2


def test_a_script_larger_than_the_limit_on_standard_input_is_refused(tmp_path):
    from broadcast.inputs import MAX_SCRIPT_BYTES
    run = cli("segment", "-", stdin=b"Title\n" + b"word " * (MAX_SCRIPT_BYTES // 5 + 10))
    assert run.returncode == 2 and b"a script has at most" in run.stderr
    assert len(run.stderr.splitlines()) == 1


def test_a_file_named_dash_in_a_folder_is_still_a_file(tmp_path):
    """Only the bare `-` means standard input; `./-` is a file of that name."""
    (tmp_path / "-").write_bytes(REFERENCE.read_bytes())
    run = subprocess.run([sys.executable, "-m", "broadcast", "segment", "./-"], capture_output=True, cwd=tmp_path)
    assert run.returncode == 0 and run.stdout
    assert Path(tmp_path / "-").is_file()
