"""Batch builds: folders of scripts, one bad file skipped, worker processes, killed runs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from broadcast.batch import (STALE_PART_SECONDS, Settings, build_many, build_one, deliverable_names,
                             expand_inputs, remove_stale_parts)
from broadcast.files import LOCK_NAME
from broadcast.profiles import load_profile
from tests.conftest import EXAMPLES, REFERENCE
from tests.hostile import check_deliverables

SETTINGS = Settings(load_profile("broadcast"))


def cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "broadcast", *map(str, args)], capture_output=True, text=True)


def folder_of_scripts(folder: Path, count: int, broken: tuple[str, ...] = ()) -> list[Path]:
    """`count` copies of the reference under different names, and the named broken files."""
    folder.mkdir(parents=True, exist_ok=True)
    text = REFERENCE.read_bytes()
    paths = []
    for i in range(count):
        path = folder / f"story-{i:03d}.txt"
        path.write_bytes(text.replace(b"Sochi", f"Sochi {i}".encode(), 1))
        paths.append(path)
    for name in broken:
        (folder / name).write_bytes(b"\x00\x01binary\xff" * 100 if "binary" in name else b"")
        paths.append(folder / name)
    return paths


def visible_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.startswith(".")}


def test_a_folder_with_one_broken_script_builds_the_rest_and_exits_1(tmp_path):
    folder_of_scripts(tmp_path / "in", 3, broken=("broken-binary.txt",))
    run = cli("build", tmp_path / "in", "-o", tmp_path / "out")
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    for i in range(3):
        check_deliverables(tmp_path / "out", f"story-{i:03d}")
    assert not any(p.name.startswith("broken") for p in (tmp_path / "out").iterdir())
    failure, = (line for line in run.stderr.splitlines() if "broken-binary.txt" in line)
    assert failure == f"broadcast: error: {tmp_path / 'in' / 'broken-binary.txt'}: the file is binary, " \
                      f"not a script (it contains NUL bytes)"
    # The summary: every script with its result, the broken one with its reason.
    assert "3 of 4 scripts built" in run.stdout
    table = run.stdout.replace("\n", " ")
    assert table.count("built") >= 4 and "failed" in table and "binary" in table


def test_several_files_and_folders_together(tmp_path):
    paths = folder_of_scripts(tmp_path / "a", 2)
    single = tmp_path / "b" / "extra.txt"
    single.parent.mkdir()
    single.write_bytes(REFERENCE.read_bytes())
    run = cli("build", tmp_path / "a", single, paths[0], "-o", tmp_path / "out")  # paths[0] twice: built once
    assert run.returncode == 0, run.stderr
    assert "3 of 3 scripts built" in run.stdout
    for stem in ("story-000", "story-001", "extra"):
        check_deliverables(tmp_path / "out", stem)


def test_the_examples_folder_builds_in_two_processes_as_in_one(tmp_path):
    one = cli("build", EXAMPLES, "-o", tmp_path / "one")
    two = cli("build", EXAMPLES, "-o", tmp_path / "two", "--jobs", "2")
    assert one.returncode == two.returncode == 0, one.stderr + two.stderr
    assert visible_files(tmp_path / "one") == visible_files(tmp_path / "two")
    for script in EXAMPLES.glob("*.txt"):
        check_deliverables(tmp_path / "two", script.stem)


def test_one_bad_script_in_a_process_pool_is_reported_and_skipped(tmp_path):
    paths = folder_of_scripts(tmp_path / "in", 4, broken=("empty.txt",))
    results = {r.path: r for r in build_many(paths, tmp_path / "out", SETTINGS, jobs=2)}
    assert set(results) == set(paths)
    assert [p.name for p, r in results.items() if not r.ok] == ["empty.txt"]
    assert not results[tmp_path / "in" / "empty.txt"].internal
    assert all(len(r.written) == len(deliverable_names("x")) for r in results.values() if r.ok)


def test_timings_belong_to_one_script(tmp_path):
    folder_of_scripts(tmp_path / "in", 2)
    timings = tmp_path / "words.json"
    timings.write_text("[]")
    run = cli("build", tmp_path / "in", "-o", tmp_path / "out", "--timings", timings)
    assert run.returncode == 2 and run.stderr.count("\n") == 1 and "--timings" in run.stderr


def test_a_folder_expands_to_its_scripts_not_to_hidden_files_or_prompter_copy(tmp_path):
    paths = folder_of_scripts(tmp_path, 2)
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / "story-000.prompter.txt").write_text("PROMPTER COPY")
    (tmp_path / "notes.md").write_text("x")
    (tmp_path / "sub.txt").mkdir()
    assert expand_inputs([tmp_path]) == paths
    # Named on its own, a file is taken as a script whatever its name.
    assert expand_inputs([tmp_path / "story-000.prompter.txt"]) == [tmp_path / "story-000.prompter.txt"]


def test_stale_temporary_files_of_a_killed_run_are_removed_on_the_next_build(tmp_path):
    stale = tmp_path / ".story.srt.abc123.part"
    fresh = tmp_path / ".story.vtt.def456.part"
    someone_elses = tmp_path / ".other.srt.abc123.part"
    for path in (stale, fresh, someone_elses):
        path.write_text("half a file")
    old = time.time() - STALE_PART_SECONDS - 5
    os.utime(stale, (old, old))
    os.utime(someone_elses, (old, old))
    assert remove_stale_parts(tmp_path, deliverable_names("story")) == 1
    assert not stale.exists() and fresh.exists() and someone_elses.exists()


def test_a_failed_write_is_one_line_and_the_batch_goes_on(tmp_path):
    source = tmp_path / "story.txt"
    source.write_bytes(REFERENCE.read_bytes())
    out = tmp_path / "out"
    out.mkdir()
    (out / "story.srt").mkdir()  # a folder where a deliverable should go
    result = build_one(source, out, SETTINGS)
    assert not result.ok and not result.internal and "story.srt" in result.error


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_killed_batch_leaves_only_whole_deliverables(tmp_path, jobs):
    """kill -9 at several moments: every visible file is a whole deliverable, byte for byte."""
    scripts = folder_of_scripts(tmp_path / "in", 8)
    complete = tmp_path / "complete"
    started = time.perf_counter()
    assert cli("build", tmp_path / "in", "-o", complete, "--jobs", jobs).returncode == 0
    took = time.perf_counter() - started
    expected = visible_files(complete)
    out = tmp_path / "out"
    allowed = {name for p in scripts for name in deliverable_names(p.stem)}
    for share in (0.3, 0.6, 0.8, 0.9, 0.97):
        run = subprocess.Popen([sys.executable, "-m", "broadcast", "build", str(tmp_path / "in"), "-o", str(out),
                                "--jobs", str(jobs)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
        time.sleep(took * share)
        os.killpg(run.pid, signal.SIGKILL)  # the workers too, as an OOM killer or a power cut would
        run.wait()
        if not out.exists():
            continue
        for name, data in visible_files(out).items():
            assert name in allowed, f"{name} is not a deliverable"
            assert data == expected[name], f"{name} is a partial file after kill -9 at {share:.0%} of the run"
        for path in out.iterdir():
            if path.name.startswith(".") and path.name != LOCK_NAME:
                assert path.name.endswith(".part"), path.name
    assert cli("build", tmp_path / "in", "-o", out).returncode == 0
    assert visible_files(out) == expected
    assert (tmp_path / "in").exists() and sorted(tmp_path.joinpath("in").iterdir()) == scripts


def test_a_killed_build_of_a_big_script_leaves_no_partial_file(tmp_path):
    """One long script (about twenty minutes), killed while building and while writing."""
    body = REFERENCE.read_text(encoding="utf-8").splitlines()
    big = "\n".join(body[:2] + body[2:-1] * 6 + body[-1:])
    source = tmp_path / "long.txt"
    source.write_text(big, encoding="utf-8")
    complete = tmp_path / "complete"
    started = time.perf_counter()
    assert cli("build", source, "-o", complete).returncode == 0
    took = time.perf_counter() - started
    expected = visible_files(complete)
    out = tmp_path / "out"
    for share in (0.2, 0.5, 0.8, 0.9, 0.95, 0.99):
        run = subprocess.Popen([sys.executable, "-m", "broadcast", "build", str(source), "-o", str(out)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(took * share)
        run.send_signal(signal.SIGKILL)
        run.wait()
        if out.exists():
            for name, data in visible_files(out).items():
                assert data == expected[name], f"{name} is partial after kill -9 at {share:.0%} of the run"
            assert all(p.name.endswith(".part") for p in out.iterdir() if p.name.startswith(".")
                       and p.name != LOCK_NAME)
    assert source.read_text(encoding="utf-8") == big


def test_an_interrupted_batch_stops_in_one_line(tmp_path):
    """Ctrl-C reaches the workers too (one process group): no traceback from any of them."""
    folder_of_scripts(tmp_path / "in", 1000)  # more than a fast machine builds in the 1.5 s before Ctrl-C
    run = subprocess.Popen([sys.executable, "-m", "broadcast", "build", str(tmp_path / "in"), "-o", str(tmp_path / "out"),
                            "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           start_new_session=True)
    time.sleep(1.5)
    os.killpg(run.pid, signal.SIGINT)
    out, err = run.communicate(timeout=120)
    assert run.returncode == 130, err
    assert "Traceback" not in err and err.splitlines()[-1] == "broadcast: interrupted"


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) if folder.exists() else []


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
@pytest.mark.parametrize("after", [0.8, 1.6, 2.4])
def test_a_batch_stopped_by_a_signal_leaves_no_temporary_file(tmp_path, signum, after):
    """Ctrl-C (to the process group, as a terminal sends it) or SIGTERM (to the command):
    every worker's write under way removes its `.part` files, and the lock goes."""
    folder_of_scripts(tmp_path / "in", 400)
    out = tmp_path / "out"
    run = subprocess.Popen([sys.executable, "-m", "broadcast", "build", str(tmp_path / "in"), "-o", str(out),
                            "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           start_new_session=True)
    time.sleep(after)
    if signum == signal.SIGINT:
        os.killpg(run.pid, signum)
    else:
        run.send_signal(signum)
    _, err = run.communicate(timeout=120)
    # 130, or, when the signal lands while Python is still starting the workers, ended by
    # SIGINT after saying so
    assert run.returncode in (130, -signal.SIGINT), err
    assert "Traceback" not in err and err.splitlines()[-1] == "broadcast: interrupted"
    time.sleep(0.5)  # the workers are gone by now; nothing of theirs may be left
    assert hidden(out) == []


def test_workers_of_a_killed_batch_leave_quietly(tmp_path):
    """kill -9 to the parent alone: its workers stop without a BrokenPipeError traceback."""
    folder_of_scripts(tmp_path / "in", 400)
    out = tmp_path / "out"
    run = subprocess.Popen([sys.executable, "-m", "broadcast", "build", str(tmp_path / "in"), "-o", str(out),
                            "--jobs", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                           start_new_session=True)
    time.sleep(2.0)
    run.send_signal(signal.SIGKILL)
    err = run.stderr.read()  # returns once every process holding the pipe (the workers) has ended
    run.wait()
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
    assert [name for name in hidden(out) if name != LOCK_NAME] == []


@pytest.mark.parametrize("name", ["two\nlines.txt", "red\x1b[31m.txt", "bell\x07.txt", "c1\x9b2J.txt"])
def test_a_file_name_with_control_characters_is_quoted_on_one_line(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    run = cli("build", path, "-o", tmp_path / "out")
    assert run.returncode == 2
    assert len(run.stderr.splitlines()) == 1, run.stderr
    assert not any(c in run.stderr.rstrip("\n") for c in "\x1b\x07\x9b\n"), repr(run.stderr)
    batch = cli("build", path, tmp_path / "other.txt", "-o", tmp_path / "out")
    assert "\x1b" not in batch.stderr + batch.stdout and "\x07" not in batch.stderr + batch.stdout
