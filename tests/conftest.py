"""Shared fixtures: the reference script and its labels from ../shared, and helpers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
EXAMPLES = ROOT / "examples"
REFERENCE = EXAMPLES / "syria-peace-process.txt"


@pytest.fixture(scope="session")
def reference_text() -> str:
    from broadcast.reading import read_script
    return read_script(REFERENCE.read_bytes())


@pytest.fixture(scope="session")
def reference_labels() -> dict:
    path = SHARED / "syria-peace-process.labels.json"
    if not path.exists():
        pytest.skip("shared data not beside the checkout")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def reference_report(reference_text):
    from broadcast.segment import segment
    return segment(reference_text)
