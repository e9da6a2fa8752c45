"""The committed outputs in examples/built/ are what the tool makes from the example scripts
today: a change in any stage that alters them must come with the rebuilt files
(`examples/rebuild`), so the examples a newcomer reads are never stale."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLES

BUILT = EXAMPLES / "built"
SCRIPTS = sorted([*EXAMPLES.glob("*.txt"), *EXAMPLES.glob("*.docx")])
REBUILD = "outputs in examples/built/ are stale: run examples/rebuild and commit them"
#: the STL's creation date, fixed as examples/rebuild fixes it, so the examples stay current
SOURCE_DATE_EPOCH = "0"


def _build(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "broadcast", "build", *args], check=True,
                   capture_output=True, text=True, env={**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})


def _same_tree(made, kept) -> None:
    names = sorted(p.name for p in made.iterdir() if p.is_file())
    assert names == sorted(p.name for p in kept.iterdir() if p.is_file()), REBUILD
    for name in names:
        assert (made / name).read_bytes() == (kept / name).read_bytes(), f"{name}: {REBUILD}"


def test_every_example_script_has_its_outputs():
    assert len(SCRIPTS) >= 4
    for script in SCRIPTS:
        assert (BUILT / f"{script.stem}.srt").is_file(), f"{script.name}: {REBUILD}"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_example_outputs_are_current(script, tmp_path):
    _build(str(script), "-o", str(tmp_path))
    kept = tmp_path / "kept"
    kept.mkdir()
    for path in BUILT.glob(f"{script.stem}.*"):
        (kept / path.name).write_bytes(path.read_bytes())
    _same_tree(tmp_path, kept)


def test_timed_example_outputs_are_current(tmp_path):
    _build(str(EXAMPLES / "syria-peace-process.txt"), "-o", str(tmp_path),
           "--timings", str(EXAMPLES / "syria-peace-process.words.json"), "--start", "10:00:00:00")
    _same_tree(tmp_path, BUILT / "timed")
