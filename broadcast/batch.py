"""Building many scripts: the per-file work as one function, and the runner around it.

`build_one` reads one script, builds it, renders every deliverable in memory and only then
writes them, each atomically. It never raises for a bad script: the failure comes back in
its `FileResult`, so the same function can be mapped over an archive by a process pool
here or by a distributed engine (`broadcast.dask_batch`), and one bad file never stops
the rest.

A run killed mid-write (`kill -9`) can leave hidden temporary files named
`.STEM.SUFFIX.PID-N.part` beside the deliverables (see `broadcast.files.write_all_atomic`):
they are never named like a deliverable, and the next build of that script into the same
folder removes them.
"""

from __future__ import annotations

import gc
import os
import signal
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from broadcast.errors import BroadcastError, UnusableInput
from broadcast.profiles import StyleProfile

#: a temporary file older than this was left by a killed run, not by a build in progress
STALE_PART_SECONDS = 60


@dataclass(frozen=True)
class Settings:
    """What every script of a batch is built with (picklable, for worker processes)."""

    profile: StyleProfile
    convention: str | None = None
    #: exporter names to write; empty for all of them
    only: tuple[str, ...] = ()
    #: the exporters' options (build_options in the CLI)
    options: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class FileResult:
    """How the build of one script went."""

    path: Path
    written: tuple[Path, ...] = ()
    warnings: tuple[str, ...] = ()
    #: why the script was skipped, in one line; None when it was built
    error: str | None = None
    #: the failure is a fault of the tool, not of the script
    internal: bool = False
    #: the traceback of an internal failure, for BROADCAST_DEBUG
    detail: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None


def deliverable_names(stem: str, only: Iterable[str] = ()) -> list[str]:
    """The file names a script with this stem gets: `STEM.srt`, `STEM.prompter.txt`, ..."""
    from broadcast.exporters import exporters
    table = exporters()
    return [f"{stem}{table[name].suffix}" for name in (only or table)]


def directory_entry(path: Path) -> Path:
    """The directory entry a path names (its folder resolved, the name itself not followed)."""
    return path.absolute().parent.resolve() / path.name


def build_one(path: Path, out_dir: Path, settings: Settings,
              protected: frozenset[Path] = frozenset()) -> FileResult:
    """Build one script into `out_dir`, named after the file's stem; never raises for bad input.

    `protected` holds the other inputs of a batch (as `directory_entry` paths): a deliverable that
    would land on one of them, or on the script itself, fails the build before anything is
    written.
    """
    from broadcast.cli import read_input
    from broadcast.exporters import export_warnings, render_all
    from broadcast.files import write_all_atomic
    from broadcast.pipeline import build_text

    path, out_dir = Path(path), Path(out_dir)
    started = time.perf_counter()
    # A build makes many small objects and almost no reference cycles, and the cyclic
    # collector's full passes over them cost more the longer the script (a two-hour script
    # built 10-15% slower with it on); it runs again once the script is done.
    collecting = gc.isenabled()
    gc.disable()
    try:
        build = build_text(read_input(path), settings.profile, convention=settings.convention,
                           **settings.options)
        outputs = render_all(build, list(settings.only) or None)
        warnings = build.warnings + export_warnings(build, list(settings.only) or None)
        targets = {out_dir / f"{path.stem}{suffix}": text for suffix, text in outputs.items()}
        inputs = protected | {directory_entry(path)}
        out_entry = out_dir.absolute().resolve()
        for target in targets:
            if out_entry / target.name in inputs:
                raise UnusableInput(f"{path}: its {target.name} would overwrite an input script; "
                                    f"write to another folder")
        prepare_output(out_dir)
        try:
            write_all_atomic(targets)
        except OSError as exc:
            raise UnusableInput(f"cannot write {exc.filename}: {exc.strerror or exc}") from None
        written = list(targets)
    except BroadcastError as exc:
        return FileResult(path, error=str(exc), seconds=time.perf_counter() - started)
    except Exception as exc:  # a fault of the tool on this script; the batch goes on
        import traceback
        return FileResult(path, error=f"{type(exc).__name__}: {exc}", internal=True,
                          detail=traceback.format_exc(), seconds=time.perf_counter() - started)
    finally:
        if collecting:
            gc.enable()
    return FileResult(path, tuple(written), warnings, seconds=time.perf_counter() - started)


def expand_inputs(paths: Iterable[Path]) -> list[Path]:
    """Files as given and folders as their `*.txt` scripts, sorted, each once.

    A folder's hidden files and the tool's own text deliverables (`*.prompter.txt`) are left
    out, so that building a folder into itself twice does not take the outputs for scripts.
    """
    from broadcast.exporters import exporters
    own = tuple(e.suffix for e in exporters().values() if e.suffix.endswith(".txt") and e.suffix != ".txt")
    seen, out = set(), []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = sorted(p for p in path.glob("*.txt")
                           if not p.name.startswith(".") and not p.name.endswith(own) and p.is_file())
            if not found:
                raise UnusableInput(f"{path}: no scripts (*.txt) in this folder")
        else:
            found = [path]
        for p in found:
            if directory_entry(p) not in seen:
                seen.add(directory_entry(p))
                out.append(p)
    return out


def plan(paths: list[Path], out_dir: Path) -> tuple[list[Path], list[FileResult], frozenset[Path]]:
    """The scripts to build; failed results for those whose stem an earlier script already
    has (their outputs would overwrite its); and the inputs no deliverable may land on."""
    first: dict[str, Path] = {}
    todo, clashes = [], []
    for path in paths:
        if path.stem in first:
            clashes.append(FileResult(path, error=f"{path}: has the same name as {first[path.stem]}, "
                                                  f"whose outputs it would overwrite in {out_dir}"))
        else:
            first[path.stem] = path
            todo.append(path)
    return todo, clashes, frozenset(directory_entry(p) for p in paths)


def prepare_output(out_dir: Path) -> None:
    """Create the output folder, or say in one line why it cannot be one."""
    if out_dir.exists() and not out_dir.is_dir():
        raise UnusableInput(f"{out_dir}: is a file, not a folder for the outputs")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UnusableInput(f"cannot create {out_dir}: {exc.strerror or exc}") from None


def remove_stale_parts(out_dir: Path, names: Iterable[str]) -> int:
    """Remove temporary files a killed run left for these deliverables; how many went."""
    wanted = set(names)
    removed, now = 0, time.time()
    if not out_dir.is_dir():
        return 0
    with os.scandir(out_dir) as entries:
        for entry in entries:
            name = entry.name
            if not (name.startswith(".") and name.endswith(".part")):
                continue
            deliverable = name[1:-len(".part")].rpartition(".")[0]
            if deliverable not in wanted:
                continue
            try:
                if now - entry.stat().st_mtime > STALE_PART_SECONDS:
                    os.unlink(entry.path)
                    removed += 1
            except FileNotFoundError:  # another run finished with it first
                pass
    return removed


def build_many(paths: list[Path], out_dir: Path, settings: Settings, jobs: int = 1) -> Iterator[FileResult]:
    """Results in the order the builds finish, with `jobs` worker processes when above 1.

    Scripts whose stem clashes with an earlier one are skipped (reported as failed). The
    workers are started here, before the caller starts any thread of its own (a progress
    bar), and get the batch's settings once rather than with every script.
    """
    todo, clashes, protected = plan(paths, out_dir)
    remove_stale_parts(out_dir, (n for p in todo for n in deliverable_names(p.stem, settings.only)))
    if jobs <= 1 or len(todo) <= 1:
        return chain(clashes, (build_one(path, out_dir, settings, protected) for path in todo))
    from multiprocessing import Pool
    pool = Pool(jobs, initializer=_start_worker, initargs=(out_dir, settings, protected))
    # Scripts go to the workers a few at a time: one at a time, the hand-over costs as much
    # as a small script's build; many at a time, one worker is left with the tail alone.
    chunk = max(1, min(16, len(todo) // (jobs * 8)))
    return chain(clashes, _finish(pool, pool.imap_unordered(_build_in_worker, todo, chunk)))


def _finish(pool, results: Iterator[FileResult]) -> Iterator[FileResult]:
    """The workers' results; the pool is stopped when they are all in, or when the caller
    stops asking (an interrupt, an error)."""
    try:
        yield from results
    except BaseException:
        pool.terminate()
        raise
    finally:
        pool.close()
        pool.join()


_worker_batch: tuple[Path, Settings, frozenset[Path]] | None = None


def _start_worker(out_dir: Path, settings: Settings, protected: frozenset[Path]) -> None:
    global _worker_batch
    _worker_batch = (out_dir, settings, protected)
    # What the worker inherits (the modules, their tables) lives as long as it does: out of
    # the collector's sight, its passes stay short and the pages shared with the parent
    # stay shared.
    gc.freeze()
    # Ctrl-C reaches the whole process group: the parent stops the pool and says so in one
    # line; a worker taking it too would print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _build_in_worker(path: Path) -> FileResult:
    out_dir, settings, protected = _worker_batch
    return build_one(path, out_dir, settings, protected)


def run_batch(paths: list[Path], out_dir: Path, settings: Settings, jobs: int = 1) -> int:
    """Build every script with a progress bar, then print a summary; exit 1 if any failed."""
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from broadcast.cli import EXIT_FAILED, EXIT_OK

    scripts = expand_inputs(paths)
    prepare_output(out_dir)
    errors = Console(stderr=True)
    results: dict[Path, FileResult] = {}
    started = time.perf_counter()
    columns = (TextColumn("building"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TextColumn("{task.fields[failed]} failed"))
    builds = build_many(scripts, out_dir, settings, jobs)
    with Progress(*columns, console=errors, transient=False) as progress:
        task = progress.add_task("build", total=len(scripts), failed=0)
        failed = 0
        for result in builds:
            results[result.path] = result
            if not result.ok:
                failed += 1
                # One line each, never wrapped, so that a log of a night's run can be searched.
                progress.console.print(f"broadcast: error: {escape(_reason(result))}", highlight=False,
                                       soft_wrap=True, style="red")
                if result.internal and os.environ.get("BROADCAST_DEBUG"):
                    progress.console.print(escape(result.detail), highlight=False, soft_wrap=True)
            progress.update(task, advance=1, failed=failed)
    elapsed = time.perf_counter() - started
    ordered = [results[p] for p in scripts]
    Console(highlight=False).print(summary_table(ordered, out_dir, elapsed))
    return EXIT_FAILED if any(not r.ok for r in ordered) else EXIT_OK


#: beyond this many scripts the summary lists only the failed ones and the totals
TABLE_ROWS = 30


def _reason(result: FileResult) -> str:
    """The failure with the script's path in front, once."""
    error = result.error or ""
    shown = error if error.startswith(f"{result.path}") else f"{result.path}: {error}"
    return f"{shown} (internal error)" if result.internal else shown


def summary_table(results: list[FileResult], out_dir: Path, elapsed: float):
    """A rich Table: a row per script (or per failed script in a big batch) and the totals."""
    from rich.markup import escape
    from rich.table import Table

    built = [r for r in results if r.ok]
    rate = len(results) / elapsed if elapsed > 0 else 0.0
    table = Table(title=f"{len(built)} of {len(results)} scripts built into {escape(str(out_dir))} "
                        f"in {elapsed:.1f} s ({rate:.0f} scripts/s)", title_justify="left")
    table.add_column("script", overflow="fold")
    table.add_column("result")
    table.add_column("files", justify="right")
    table.add_column("warnings", justify="right")
    table.add_column("reason", overflow="fold")
    shown = results if len(results) <= TABLE_ROWS else [r for r in results if not r.ok]
    for r in shown:
        reason = "" if r.ok else (r.error or "").removeprefix(f"{r.path}: ")
        table.add_row(escape(str(r.path)), "built" if r.ok else "[red]failed[/red]",
                      str(len(r.written)), str(len(r.warnings)),
                      escape(reason + (" (internal error)" if r.internal else "")))
    if len(shown) < len(results):
        table.add_row(f"... {len(built)} more built", "", str(sum(len(r.written) for r in built)),
                      str(sum(len(r.warnings) for r in built)), "")
    return table
