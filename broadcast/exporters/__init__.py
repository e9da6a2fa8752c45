"""Exporters: one module per output, each defining `EXPORTER`.

The table is built from the modules in this package, keyed by format name and by file
suffix, as pysubs2 keys its formats: adding an output is adding one module.
"""

from __future__ import annotations

import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import import_module

from broadcast.model import Build


@dataclass(frozen=True)
class Exporter:
    name: str  # "srt"
    suffix: str  # what follows the stem: ".srt", ".prompter.txt"
    export: Callable[[Build], str | bytes]  # bytes for a binary format (EBU STL)
    description: str
    #: what this format had to change or could not keep (a character it lacks), for the user
    warnings: Callable[[Build], tuple[str, ...]] | None = None


@cache
def exporters() -> dict[str, Exporter]:
    """Every exporter by name, in a stable order."""
    table = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = import_module(f"{__name__}.{info.name}")
        exporter = getattr(module, "EXPORTER", None)
        if exporter is not None:
            table[exporter.name] = exporter
    return table


def by_suffix(suffix: str) -> Exporter | None:
    return next((e for e in exporters().values() if e.suffix == suffix), None)


def render_all(build: Build, names: list[str] | None = None) -> dict[str, str | bytes]:
    """Every deliverable as {suffix: text}, computed before anything is written."""
    return {e.suffix: e.export(build) for e in _chosen(names)}


def export_warnings(build: Build, names: list[str] | None = None) -> tuple[str, ...]:
    """The warnings of the chosen formats themselves, beyond the build's, each once (the
    TTML formats share theirs)."""
    return tuple(dict.fromkeys(w for e in _chosen(names) if e.warnings for w in e.warnings(build)))


def _chosen(names: list[str] | None) -> list[Exporter]:
    table = exporters()
    return [table[n] for n in names] if names else list(table.values())
