"""Atomic writes: whole files or none, temporary files named so a later build can find them."""

import os
import stat

import pytest

from broadcast.files import write_all_atomic, write_atomic


def test_a_file_is_written_whole_with_the_usual_mode(tmp_path):
    target = tmp_path / "story.srt"
    write_atomic(target, "1\n00:00:00,000 --> 00:00:01,000\nÉté\n")
    assert target.read_text(encoding="utf-8") == "1\n00:00:00,000 --> 00:00:01,000\nÉté\n"
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.srt"]


def test_an_existing_file_is_replaced(tmp_path):
    target = tmp_path / "story.vtt"
    target.write_text("old and longer than the new text")
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"


def test_a_script_s_files_appear_together(tmp_path):
    files = {tmp_path / f"story{suffix}": f"text of {suffix}" for suffix in (".srt", ".vtt", ".ass")}
    write_all_atomic(files)
    assert {p: p.read_text() for p in files} == files
    assert not list(tmp_path.glob(".*.part"))


def test_a_failed_write_renames_nothing_and_leaves_no_temporary_file(tmp_path):
    first = tmp_path / "story.srt"
    unwritable = tmp_path / "missing-folder" / "story.vtt"
    with pytest.raises(OSError) as raised:
        write_all_atomic({first: "subtitles", unwritable: "more"})
    assert raised.value.filename == str(unwritable)  # the deliverable, not its temporary file
    assert list(tmp_path.iterdir()) == []


def test_a_temporary_file_left_by_a_killed_run_is_never_written_into(tmp_path, monkeypatch):
    import broadcast.files as files

    target = tmp_path / "story.srt"
    left = tmp_path / f".story.srt.{os.getpid()}-7.part"
    left.write_text("a killed run's half file")
    monkeypatch.setattr(files, "_serial", iter([7, 8]))
    write_atomic(target, "whole")
    assert target.read_text() == "whole" and left.read_text() == "a killed run's half file"


# --- a set of files, all or nothing ---------------------------------------------------------

def test_a_rename_that_fails_half_way_puts_back_every_file_of_the_set(tmp_path):
    from broadcast.files import write_all_atomic
    names = ["story.srt", "story.vtt", "story.ass", "story.json"]
    for name in names[:2] + names[3:]:
        (tmp_path / name).write_text(f"old {name}")
    (tmp_path / "story.ass").mkdir()  # a folder where a file of the set should go
    with pytest.raises(OSError) as raised:
        write_all_atomic({tmp_path / name: f"new {name}" for name in names})
    assert raised.value.filename == str(tmp_path / "story.ass")
    assert {p.name: p.read_text() for p in tmp_path.iterdir() if p.is_file()} == \
        {name: f"old {name}" for name in names if name != "story.ass"}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names)  # no temporary file left


def test_a_new_file_of_a_failed_set_is_removed_again(tmp_path):
    from broadcast.files import write_all_atomic
    (tmp_path / "b.vtt").mkdir()
    with pytest.raises(OSError):
        write_all_atomic({tmp_path / "a.srt": "new", tmp_path / "b.vtt": "new"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.vtt"]


def test_a_build_whose_output_is_taken_by_a_folder_leaves_the_previous_set_whole(tmp_path):
    from tests.test_hostile_inputs import NARRATION, assert_refused, cli, script
    source = tmp_path / "story.txt"
    source.write_text(script(NARRATION), encoding="utf-8")
    out = tmp_path / "out"
    assert cli("build", source, "-o", out).returncode == 0
    (out / "story.ass").unlink()
    (out / "story.ass").mkdir()
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    source.write_text(script("A different narration with new words in it."), encoding="utf-8")
    assert_refused(cli("build", source, "-o", out), says="story.ass")
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def test_temporary_names_stay_short_so_a_long_stem_builds(tmp_path):
    from tests.test_hostile_inputs import NARRATION, cli, script
    stem = "s" * 230  # with .prompter.html, 244 of the 255 bytes a name may have
    source = tmp_path / f"{stem}.txt"
    source.write_text(script(NARRATION), encoding="utf-8")
    run = cli("build", source, "-o", tmp_path / "out")
    assert run.returncode == 0, run.stderr
    assert (tmp_path / "out" / f"{stem}.prompter.html").is_file()
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(".")]


# --- one build writes a folder at a time ---------------------------------------------------

def test_a_second_build_into_a_locked_folder_is_refused_in_one_line(tmp_path):
    from broadcast.files import folder_lock
    from tests.test_hostile_inputs import NARRATION, assert_refused, cli, script
    source = tmp_path / "story.txt"
    source.write_text(script(NARRATION), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    with folder_lock(out):
        run = cli("build", source, "-o", out)
        batch = cli("build", source, tmp_path / "story.txt", "-o", out, "--jobs", "2")
    assert_refused(run, says=f"another build (process {os.getpid()}) is writing to")
    assert_refused(batch, says="another build")
    assert [p.name for p in out.iterdir()] == []  # nothing written, and the lock file gone
    assert cli("build", source, "-o", out).returncode == 0  # free again


def test_the_lock_is_let_go_and_can_be_taken_again(tmp_path):
    from broadcast.errors import UnusableInput
    from broadcast.files import LOCK_NAME, folder_lock
    with folder_lock(tmp_path):
        assert (tmp_path / LOCK_NAME).exists()
        with pytest.raises(UnusableInput, match="another build"):
            with folder_lock(tmp_path):
                pass
    assert not (tmp_path / LOCK_NAME).exists()
    with folder_lock(tmp_path):
        pass


def test_two_builds_at_once_leave_one_whole_set(tmp_path):
    """Two scripts of one name built into one folder at once, again and again: every time,
    the folder holds the whole set of one of them; a build that found the folder busy said so."""
    import subprocess
    import sys

    from tests.test_hostile_inputs import script
    sources = []
    for n, words in enumerate(["The first version of the story.", "A second, different telling of it."]):
        folder = tmp_path / f"v{n}"
        folder.mkdir()
        (folder / "story.txt").write_text(script(words), encoding="utf-8")
        sources.append(folder / "story.txt")
    out = tmp_path / "out"
    for _ in range(6):
        runs = [subprocess.Popen([sys.executable, "-m", "broadcast", "build", str(s), "-o", str(out)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for s in sources]
        for run in runs:
            _, err = run.communicate(timeout=120)
            assert run.returncode == 0 or (run.returncode == 2 and "another build" in err), err
        srt, vtt = (out / "story.srt").read_text(), (out / "story.vtt").read_text()
        json_text = (out / "story.json").read_text()
        first = "first version" in json_text
        assert ("first version" in srt) == first and ("first version" in vtt) == first


def test_without_hard_links_the_replaced_files_are_kept_as_copies(tmp_path, monkeypatch):
    import broadcast.files as files

    def no_links(*args, **kwargs):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(files.os, "link", no_links)
    (tmp_path / "story.srt").write_text("old srt")
    (tmp_path / "story.vtt").mkdir()
    with pytest.raises(OSError):
        files.write_all_atomic({tmp_path / "story.srt": "new srt", tmp_path / "story.vtt": "new vtt"})
    assert (tmp_path / "story.srt").read_text() == "old srt"
    files.write_all_atomic({tmp_path / "story.srt": "new srt"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["story.srt", "story.vtt"]
