"""Golden subtitle files of the reference report (broadcast profile), checked by eye.

The cue maker decides every line and time in them, so they change when it does. After
such a change, regenerate them, read the diff, and commit it with the change:

    python -m tests.golden          # from the repository root
    git diff tests/golden/
"""

from __future__ import annotations

from pathlib import Path

from broadcast.exporters import ass, srt, vtt
from tests.subtitles import reference_build

GOLDEN = Path(__file__).resolve().parent
EXPORTERS = {m.EXPORTER.name: m.EXPORTER for m in (srt, vtt, ass)}


def golden_path(name: str) -> Path:
    from tests.conftest import REFERENCE
    return GOLDEN / f"{REFERENCE.stem}{EXPORTERS[name].suffix}"


def rendered(name: str) -> str:
    return EXPORTERS[name].export(reference_build())
