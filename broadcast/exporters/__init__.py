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

from broadcast.errors import BeyondFormat
from broadcast.model import Build


@dataclass(frozen=True)
class Exporter:
    name: str  # "srt"
    suffix: str  # what follows the stem: ".srt", ".prompter.txt"
    #: the text (bytes for a binary format, EBU STL), or None when the build has nothing
    #: for this file (the package files of a reader)
    export: Callable[[Build], str | bytes | None]
    description: str
    #: what this format had to change or could not keep (a character it lacks), for the user
    warnings: Callable[[Build], tuple[str, ...]] | None = None


def on_package(export: Callable[[Build], str]) -> Callable[[Build], str | None]:
    """An exporter run on the build's package, on the clip's time line; none without one."""
    return lambda build: None if build.package is None else export(build.package)


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
    """Every deliverable as {suffix: text}, computed before anything is written; an output
    the build has nothing for (the package files of a reader) is left out."""
    texts = {e.suffix: e.export(build) for e in _chosen(names)}
    return {suffix: text for suffix, text in texts.items() if text is not None}


def render_set(build: Build, names: list[str] | None = None) -> tuple[dict[str, str | bytes], tuple[str, ...]]:
    """The deliverables of a build as {suffix: text}, and why any was left out.

    Asked for by name, a format that cannot hold the build stops it (`BeyondFormat`, exit 2);
    in a full build it is left out and said so, and the other formats are written."""
    if names:
        return render_all(build, names), ()
    outputs, left_out = {}, []
    for exporter in exporters().values():
        try:
            text = exporter.export(build)
        except BeyondFormat as exc:
            left_out.append(f"no {exporter.suffix} written: {exc}")
            continue
        if text is not None:
            outputs[exporter.suffix] = text
    return outputs, tuple(left_out)


def export_warnings(build: Build, names: list[str] | None = None) -> tuple[str, ...]:
    """The warnings of the chosen formats themselves, beyond the build's, each once (the
    TTML formats share theirs)."""
    return tuple(dict.fromkeys(w for e in _chosen(names) if e.warnings for w in e.warnings(build)))


def _chosen(names: list[str] | None) -> list[Exporter]:
    table = exporters()
    return [table[n] for n in names] if names else list(table.values())
