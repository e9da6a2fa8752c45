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
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from broadcast.errors import EXIT_FAILED, EXIT_OK, BroadcastError, DoubtfulReading, UnusableInput, printable
from broadcast.files import directory_entry, replaced_input, temp_prefix
from broadcast.inputs import read_input
from broadcast.profiles import StyleProfile
from broadcast.wording import count

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
    #: the files the options were read from, each with what it is ("the word-timing file"):
    #: no deliverable may replace one
    inputs: tuple[tuple[Path, str], ...] = ()
    #: a reading the segmenter is unsure of is refused (nothing written) rather than built
    strict: bool = False


@dataclass(frozen=True)
class FileResult:
    """How the build of one script went."""

    path: Path
    written: tuple[Path, ...] = ()
    warnings: tuple[str, ...] = ()
    #: (words read as speech, prose words of the script)
    prose_read: tuple[int, int] | None = None
    #: why the script was skipped, in one line; None when it was built
    error: str | None = None
    #: the failure is a fault of the tool, not of the script
    internal: bool = False
    #: the traceback of an internal failure, for BROADCAST_DEBUG
    detail: str = ""
    #: refused under --strict: the reading was in doubt (exit 1, not a fault of the input's form)
    doubtful: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None


def deliverable_names(stem: str, only: Iterable[str] = ()) -> list[str]:
    """The file names a script with this stem gets: `STEM.srt`, `STEM.prompter.txt`, ..."""
    from broadcast.exporters import exporters
    table = exporters()
    return [f"{stem}{table[name].suffix}" for name in (only or table)]


def refuse_replacing_inputs(targets: Iterable[Path], inputs: dict[Path, str], script: Path | None = None) -> None:
    """UnusableInput when writing a target would replace a file the command reads."""
    clash = replaced_input(targets, inputs)
    if clash is not None:
        target, original, what = clash
        prefix = f"{script}: its " if script is not None else ""
        raise UnusableInput(f"{prefix}{target.name} would overwrite {what} {original}; "
                            f"write to another folder")


def input_clash(scripts: Iterable[Path], out_dir: Path, settings: Settings) -> None:
    """Before a build or a batch writes anything: refuse it when a deliverable of any of its
    scripts would replace a file the options name (timings, pronouncer, video)."""
    if settings.inputs:
        refuse_replacing_inputs((out_dir / name for p in scripts for name in deliverable_names(p.stem, settings.only)),
                                dict(settings.inputs))


def build_one(path: Path, out_dir: Path, settings: Settings,
              protected: frozenset[Path] = frozenset(), lock: bool = True,
              stem: str | None = None) -> FileResult:
    """Build one script into `out_dir`, named `stem` (the file's own stem unless given); never
    raises for bad input.

    `protected` holds the other inputs of a batch (as `directory_entry` paths): a deliverable that
    would land on one of them, or on the script itself, fails the build before anything is
    written. The files are written holding the folder's lock (`broadcast.files.folder_lock`),
    unless `lock` is False because the caller holds it for a whole batch.
    """
    from broadcast.files import folder_lock, write_all_atomic

    path, out_dir = Path(path), Path(out_dir)
    stem = stem or path.stem
    started = time.perf_counter()
    # A build makes many small objects and almost no reference cycles, and the cyclic
    # collector's full passes over them cost more the longer the script (a two-hour script
    # built 10-15% slower with it on); it runs again once the script is done.
    collecting = gc.isenabled()
    gc.disable()
    try:
        notes: list[str] = []
        outputs, warnings, prose_read = script_outputs(stem, read_input(path, notes), settings)
        targets = {out_dir / name: text for name, text in outputs.items()}
        refuse_replacing_inputs(targets, {**dict.fromkeys(protected, "an input script"), path: "an input script",
                                          **dict(settings.inputs)}, path)
        prepare_output(out_dir)
        try:
            with folder_lock(out_dir) if lock else nullcontext():
                write_all_atomic(targets)
        except OSError as exc:
            raise UnusableInput(f"cannot write {exc.filename}: {exc.strerror or exc}") from None
        written = list(targets)
    except BroadcastError as exc:
        return FileResult(path, error=str(exc), seconds=time.perf_counter() - started,
                          doubtful=isinstance(exc, DoubtfulReading))
    except Exception as exc:  # a fault of the tool on this script; the batch goes on
        import traceback
        return FileResult(path, error=f"{type(exc).__name__}: {exc}", internal=True,
                          detail=traceback.format_exc(), seconds=time.perf_counter() - started)
    finally:
        if collecting:
            gc.enable()
    return FileResult(path, tuple(written), (*notes, *warnings), seconds=time.perf_counter() - started,
                      prose_read=prose_read)


def script_outputs(stem: str, text: str, settings: Settings
                   ) -> tuple[dict[str, str], tuple[str, ...], tuple[int, int]]:
    """Every deliverable of a script file, by file name, the build's warnings (and why any
    format was left out), and (words read as speech, prose words) over its stories.

    A script of one story gets `STEM.srt`, `STEM.json`, ...; a file holding several stories of
    a rundown (`broadcast.rundown`) gets a set per story, `STEM-NN-SLUG.srt`, ..., and the
    rundown summary `STEM.rundown.txt` and `STEM.rundown.json`."""
    from broadcast import rundown
    from broadcast.exporters import export_warnings, render_set
    from broadcast.pipeline import build_text

    only = list(settings.only) or None
    found = rundown.split(text)
    if len(found.stories) == 1:
        build = build_text(text, settings.profile, convention=settings.convention, **settings.options)
        if settings.strict and build.report.doubts:
            raise DoubtfulReading(build.report.doubts)
        outputs, left_out = render_set(build, only)
        return ({f"{stem}{suffix}": out for suffix, out in outputs.items()},
                build.warnings + export_warnings(build, only) + left_out + found.warnings,
                build.report.prose_read())
    if settings.options.get("timings"):
        raise UnusableInput(f"--timings belong to one recording, and this file holds "
                            f"{len(found.stories)} stories; build each story's script on its own")
    outputs, warnings, runs, read = {}, list(found.warnings), [], [0, 0]
    for story in found.stories:
        story_stem = story.stem(stem)
        try:
            build = build_text(story.text, settings.profile, convention=settings.convention,
                               **settings.options)
        except UnusableInput as exc:
            raise UnusableInput(f"story {story.number:02d} ({story.slug or 'no slug'}): {exc}") from None
        if settings.strict and build.report.doubts:
            raise DoubtfulReading(tuple(f"story {story.number:02d}: {d}" for d in build.report.doubts))
        story_outputs, left_out = render_set(build, only)
        outputs.update({f"{story_stem}{suffix}": out for suffix, out in story_outputs.items()})
        warnings.extend(f"story {story.number:02d}: {warning}"
                        for warning in build.warnings + export_warnings(build, only) + left_out)
        read = [a + b for a, b in zip(read, build.report.prose_read())]
        runs.append(rundown.StoryRun(story.number, story.slug, story_stem, build.report.form,
                                     build.total, build.report.stated_trt))
    outputs[f"{stem}.rundown.txt"] = rundown.summary_text(stem, runs)
    outputs[f"{stem}.rundown.json"] = rundown.summary_json(stem, runs)
    return outputs, tuple(warnings), (read[0], read[1])


def expand_inputs(paths: Iterable[Path]) -> list[Path]:
    """Files as given and folders as their `*.txt` and `*.docx` scripts, sorted, each once.

    A folder's hidden files, Word's lock files (`~$story.docx`) and the tool's own text
    deliverables (`*.prompter.txt`, `*.rundown.txt`) are left out, so that building a folder
    into itself twice does not take the outputs for scripts.
    """
    from broadcast.exporters import exporters
    own = tuple(e.suffix for e in exporters().values() if e.suffix.endswith(".txt") and e.suffix != ".txt")
    own += (".rundown.txt",)
    seen, out = set(), []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            found = sorted(p for p in chain(path.glob("*.txt"), path.glob("*.docx"))
                           if not p.name.startswith((".", "~$")) and not p.name.endswith(own) and p.is_file())
            if not found:
                raise UnusableInput(f"{path}: no scripts (*.txt, *.docx) in this folder")
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


def remove_stale_parts(out_dir: Path, names: Iterable[str], older_than: float = STALE_PART_SECONDS) -> int:
    """Remove temporary files a killed run left for these deliverables; how many went.
    `older_than` 0 removes them all: only while holding the folder's lock."""
    prefixes = {temp_prefix(name) for name in names}
    removed, now = 0, time.time()
    if not out_dir.is_dir():
        return 0
    with os.scandir(out_dir) as entries:
        for entry in entries:
            name = entry.name
            if not (name.startswith(".") and name.endswith(".part")):
                continue
            if name[:name.rindex(".", 0, -len(".part")) + 1] not in prefixes:
                continue
            try:
                if now - entry.stat().st_mtime >= older_than:
                    os.unlink(entry.path)
                    removed += 1
            except FileNotFoundError:  # another run finished with it first
                pass
    return removed


def build_many(paths: list[Path], out_dir: Path, settings: Settings, jobs: int = 1) -> Iterator[FileResult]:
    """Results in the order the builds finish, with `jobs` worker processes when above 1.

    Scripts whose stem clashes with an earlier one are skipped (reported as failed). The
    folder's lock is taken here and held until the last result is in, so no other build
    writes the folder meanwhile; an interrupted batch removes its temporary files. The
    workers are started here, before the caller starts any thread of its own (a progress
    bar), and get the batch's settings once rather than with every script.
    """
    from broadcast.files import folder_lock
    todo, clashes, protected = plan(paths, out_dir)
    prepare_output(out_dir)
    lock = folder_lock(out_dir)
    lock.__enter__()  # now, not when the first result is asked for: a second batch stops at once
    try:
        names = [n for p in todo for n in deliverable_names(p.stem, settings.only)]
        remove_stale_parts(out_dir, names)
        if jobs <= 1 or len(todo) <= 1:
            builds = (build_one(path, out_dir, settings, protected, lock=False) for path in todo)
            return _started(_finish(None, chain(clashes, builds), lock, out_dir, names))
        from multiprocessing import Pool
        pool = Pool(jobs, initializer=_start_worker, initargs=(out_dir, settings, protected, os.getpid()))
    except BaseException:
        lock.__exit__(*sys.exc_info())
        raise
    # Scripts go to the workers a few at a time: one at a time, the hand-over costs as much
    # as a small script's build; many at a time, one worker is left with the tail alone.
    chunk = max(1, min(16, len(todo) // (jobs * 8)))
    return chain(clashes, _started(_finish(pool, pool.imap_unordered(_build_in_worker, todo, chunk), lock, out_dir,
                                           names)))


def _started(results: Iterator[FileResult]) -> Iterator[FileResult]:
    """The `_finish` generator run to its first yield, so that its clean-up (the pool, the lock)
    runs even when no result is ever asked for: on an interrupt before the first, Python
    closes it as it lets go of it."""
    next(results)
    return results


def _finish(pool, results: Iterator[FileResult], lock, out_dir: Path, names: list[str]) -> Iterator[FileResult]:
    """The results; the pool is stopped and the folder's lock let go when they are all in,
    or when the caller stops asking (an interrupt, an error): then the workers' temporary
    files go too."""
    try:
        yield None  # started (see `_started`)
        yield from results
    except BaseException:
        if pool is not None:
            pool.terminate()
            pool.join()
        # Still holding the lock, so every temporary file of these deliverables is this
        # batch's own, whatever its age.
        remove_stale_parts(out_dir, names, older_than=0)
        raise
    finally:
        if pool is not None:
            pool.close()
            pool.join()
        lock.__exit__(None, None, None)


_worker_batch: tuple[Path, Settings, frozenset[Path]] | None = None
_parent: int | None = None  # the process that started this worker


def _start_worker(out_dir: Path, settings: Settings, protected: frozenset[Path], parent: int) -> None:
    global _worker_batch, _parent
    _worker_batch, _parent = (out_dir, settings, protected), parent
    # What the worker inherits (the modules, their tables) lives as long as it does: out of
    # the collector's sight, its passes stay short and the pages shared with the parent
    # stay shared.
    gc.freeze()
    # Ctrl-C reaches the whole process group: the parent stops the pool and says so in one
    # line; a worker taking it too would print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The parent stops the pool with SIGTERM: the worker leaves as from sys.exit, so the
    # write under way removes its temporary files, and quietly.
    signal.signal(signal.SIGTERM, _leave)
    _die_with_parent()


def _leave(signum, frame) -> None:
    if os.getppid() != _parent:  # the parent is gone: nothing is left to read what we print
        sys.stderr = open(os.devnull, "w")
    raise SystemExit(0)


def _die_with_parent() -> None:
    """Have the system send SIGTERM to this worker when its parent dies (Linux); without it a
    killed parent's workers would write their results to a closed pipe."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM)
    except (OSError, AttributeError):
        pass
    if os.getppid() != _parent:  # the parent died before the request was made
        os.kill(os.getpid(), signal.SIGTERM)


def _build_in_worker(path: Path) -> FileResult:
    out_dir, settings, protected = _worker_batch
    return build_one(path, out_dir, settings, protected, lock=False)  # the parent holds the lock


def run_batch(paths: list[Path], out_dir: Path, settings: Settings, jobs: int = 1) -> int:
    """Build every script with a progress bar, then print a summary; exit 1 if any failed."""
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    scripts = expand_inputs(paths)
    input_clash(scripts, out_dir, settings)
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
                progress.console.print(f"broadcast: error: {escape(printable(_reason(result)))}", highlight=False,
                                       soft_wrap=True, style="red")
                if result.internal and os.environ.get("BROADCAST_DEBUG"):
                    progress.console.print(escape(result.detail), highlight=False, soft_wrap=True)
            progress.update(task, advance=1, failed=failed)
    elapsed = time.perf_counter() - started
    ordered = [results[p] for p in scripts]
    print_summary(ordered, out_dir, elapsed)
    return EXIT_FAILED if any(not r.ok for r in ordered) else EXIT_OK


def print_summary(results: list[FileResult], out_dir: Path, elapsed: float) -> None:
    """The summary on stdout: a table on a terminal, plain lines for a log or another program;
    then every warning, so that they can be read after the run."""
    if sys.stdout.isatty():
        from rich.console import Console
        Console(highlight=False).print(summary_table(results, out_dir, elapsed))
    else:
        sys.stdout.write(summary_text(results, out_dir, elapsed))
    sys.stdout.write(warnings_text(results))


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

    table = Table(title=escape(_headline(results, out_dir, elapsed)), title_justify="left")
    table.add_column("script", overflow="fold")
    table.add_column("result")
    table.add_column("files", justify="right")
    table.add_column("warnings", justify="right")
    table.add_column("reason", overflow="fold")
    shown = results if len(results) <= TABLE_ROWS else [r for r in results if not r.ok]
    for r in shown:
        reason = "" if r.ok else (r.error or "").removeprefix(f"{r.path}: ")
        table.add_row(escape(printable(str(r.path))), "built" if r.ok else "[red]failed[/red]",
                      str(len(r.written)), str(len(r.warnings)),
                      escape(printable(reason + (" (internal error)" if r.internal else ""))))
    built = [r for r in results if r.ok]
    if len(shown) < len(results):
        table.add_row(f"... {len(built)} more built", "", str(sum(len(r.written) for r in built)),
                      str(sum(len(r.warnings) for r in built)), "")
    return table


def _headline(results: list[FileResult], out_dir: Path, elapsed: float) -> str:
    built = sum(r.ok for r in results)
    rate = len(results) / elapsed if elapsed > 0 else 0.0
    return (f"{built} of {count(len(results), 'script')} built into {printable(str(out_dir))} in {elapsed:.1f} s "
            f"({rate:.0f} scripts/s)")


def summary_text(results: list[FileResult], out_dir: Path, elapsed: float) -> str:
    """The summary as plain lines: the headline, then per script its result, files, warnings
    and the reason it failed, separated by tabs."""
    lines = [_headline(results, out_dir, elapsed)]
    for r in results:
        reason = "" if r.ok else _reason(r).removeprefix(f"{r.path}: ")
        lines.append("\t".join((printable(str(r.path)), "built" if r.ok else "failed", count(len(r.written), "file"),
                                count(len(r.warnings), "warning"), reason)).rstrip("\t"))
    return "\n".join(lines) + "\n"


def warnings_text(results: list[FileResult]) -> str:
    """Every warning of the batch, a line each with its script, for reading after the run."""
    lines = [f"{r.path}: {warning}" for r in results for warning in r.warnings]
    if not lines:
        return ""
    return f"\n{count(len(lines), 'warning')}:\n" + "\n".join(lines) + "\n"
