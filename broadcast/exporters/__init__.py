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
    export: Callable[[Build], str]
    description: str


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


def render_all(build: Build, names: list[str] | None = None) -> dict[str, str]:
    """Every deliverable as {suffix: text}, computed before anything is written."""
    table = exporters()
    chosen = [table[n] for n in names] if names else list(table.values())
    return {e.suffix: e.export(build) for e in chosen}
