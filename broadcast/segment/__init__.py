"""Segmentation: script text to a Report, one module per script convention.

Each convention module has `NAME`, `score(text) -> float` (how much the text looks like it)
and `parse(text) -> Report`. The detector picks the highest score; adding a convention is
adding a module and naming it in CONVENTIONS.
"""

from __future__ import annotations

from importlib import import_module

from broadcast.errors import UnusableInput
from broadcast.model import Report

CONVENTIONS = ("web",)


def _modules():
    return [import_module(f"broadcast.segment.{name}") for name in CONVENTIONS]


def detect(text: str):
    """The convention module that best explains the text."""
    return max(_modules(), key=lambda module: module.score(text))


def segment(text: str, convention: str | None = None) -> Report:
    """Segment normalised script text into a Report."""
    if convention is not None:
        if convention not in CONVENTIONS:
            raise UnusableInput(f"unknown script convention {convention!r}; "
                                f"known: {', '.join(CONVENTIONS)}")
        module = import_module(f"broadcast.segment.{convention}")
    else:
        module = detect(text)
    report = module.parse(text)
    if not report.segments:
        raise UnusableInput("no spoken text found in the script")
    return report
