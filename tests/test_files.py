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
