"""Segmentation: script text to a Report, one module per script convention.

Each convention module has `NAME`, `score(text) -> float` (how much the text looks like it)
and `parse(text) -> Report`. The detector picks the highest score; adding a convention is
adding a module and naming it in CONVENTIONS.

DO NOT PUBLISH marks are handled here, once for every convention: the marks are blanked out
before the convention reads the script, and the marked names are withheld from the Report it
returns (see `withheld`).
"""

from __future__ import annotations

from importlib import import_module

from broadcast.errors import UnusableInput
from broadcast.model import Report
from broadcast.segment import withheld

CONVENTIONS = ("web", "agency", "production", "transcript")


def _modules():
    return [import_module(f"broadcast.segment.{name}") for name in CONVENTIONS]


def detect(text: str):
    """The convention module that best explains the text."""
    return max(_modules(), key=lambda module: module.score(text))


def segment(text: str, convention: str | None = None) -> Report:
    """Segment normalised script text into a Report."""
    marks = withheld.find(text)
    text = marks.masked
    if convention is not None:
        if convention not in CONVENTIONS:
            raise UnusableInput(f"unknown script convention {convention!r}; "
                                f"known: {', '.join(CONVENTIONS)}")
        module = import_module(f"broadcast.segment.{convention}")
    else:
        module = detect(text)
    report = withheld.redact(module.parse(text), marks)
    if not report.segments:
        raise UnusableInput(f"no spoken text found in the script (read as the {module.NAME} convention)")
    return report
