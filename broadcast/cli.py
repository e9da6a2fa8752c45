"""The command line (contract: shared spec CLI.md). I/O, options and exit codes live here;
every stage is called as a pure function. Heavy modules load inside the command that needs
them so that `broadcast --help` stays fast."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from broadcast.errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE, DoubtfulReading, printable
from broadcast.inputs import is_stdin, path_argument, read_bytes, read_input
from broadcast.wording import count


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line and exit 2, as for any unusable input
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")

    def format_help(self) -> str:
        # The lists of formats, profiles and conventions come from their tables, which take
        # a moment to load: only when help is shown.
        for action in self._actions:
            listing = getattr(action, "listing", None)
            if listing is not None:
                action.help = action.help.replace("{known}", ", ".join(listing()))
                action.listing = None
        return super().format_help()


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Help lines wrapped between words only: `supers-csv` is one name, never `supers-` `csv`."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        import textwrap
        return textwrap.wrap(" ".join(text.split()), width, break_on_hyphens=False)


def _listing(action: argparse.Action, names) -> None:
    """Show `names()` in place of {known} in the action's help."""
    action.listing = names


def _formats() -> list[str]:
    from broadcast.exporters import exporters
    return list(exporters())


def _profiles() -> list[str]:
    from broadcast.profiles import profile_names
    return profile_names()


def _conventions() -> list[str]:
    from broadcast.segment import CONVENTIONS
    return list(CONVENTIONS)


#: each command's examples, shown at the end of its --help
EXAMPLES = {
    "segment": ["broadcast segment story.txt --explain",
                "broadcast segment story.txt --format json > story.report.json",
                "cat story.txt | broadcast segment - --convention agency"],
    "build": ["broadcast build story.txt scripts/ -o out --jobs 4 --profile bbc",
              "broadcast build - --name story -o out < story.txt",
              "broadcast build story.txt --only srt -o - > story.srt"],
    "break": ["broadcast break --max-chars 37 < paragraphs.txt"],
    "check": ["broadcast check story.srt --profile netflix",
              "broadcast check out/*.srt out/*.vtt --format json > breaches.json",
              "broadcast build story.txt --only vtt -o - | broadcast check -"],
    "schema": ["broadcast schema > report.schema.json"],
    "preview": ["broadcast preview story.txt",
                "broadcast preview story.txt --play --speed 2",
                "broadcast preview story.txt --timings story.words.json --start 10:00:00:00"],
    "render": ["broadcast render story.txt -o out",
               "broadcast render story.txt -o out --video story.mp4 --profile bbc"],
}


def _command(sub, name: str, help: str) -> argparse.ArgumentParser:
    examples = "\n".join(f"  {line}" for line in EXAMPLES[name])
    return sub.add_parser(name, help=help, description=help[:1].upper() + help[1:] + ".",
                          epilog=f"examples:\n{examples}", formatter_class=_Formatter)


def _add_script(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=path_argument, metavar="SCRIPT", help="the script (a text file); - reads standard input")


def _add_convention(p: argparse.ArgumentParser) -> None:
    _listing(p.add_argument("--convention", metavar="NAME",
                            help="read the script in this convention rather than the one detected: {known}"),
             _conventions)


def _add_strict(p: argparse.ArgumentParser) -> None:
    p.add_argument("--strict", action="store_true",
                   help="exit 1 when the reading is in doubt (the convention chosen with doubt, prose no "
                        "rule placed); build then writes nothing")


def _add_profile(p: argparse.ArgumentParser) -> None:
    _listing(p.add_argument("--profile", default="broadcast", metavar="NAME",
                            help="style profile: {known} (default broadcast), or the path of a .toml file"),
             _profiles)
    p.add_argument("--fps", metavar="RATE",
                   help="frame rate: 23.976, 24, 25, 29.97, 30, 50, 59.94 (default: the profile's)")


def _add_timing_options(p: argparse.ArgumentParser) -> None:
    """What every command that captions a script takes."""
    _add_profile(p)
    _add_convention(p)
    p.add_argument("--timings", type=Path, metavar="WORDS.json",
                   help="recognised word timings (WhisperX, stable-ts, Gentle, aeneas, SRT, WebVTT)")
    p.add_argument("--start", metavar="TIMECODE",
                   help="programme time of the report's start, e.g. 10:00:00:00 (drop-frame at 29.97 and 59.94)")


def _add_name(p: argparse.ArgumentParser) -> None:
    p.add_argument("--name", metavar="STEM",
                   help="name the outputs STEM.srt, STEM.vtt, ... (default: the script's file name; "
                        "'stdin' for standard input)")


def _add_prompter_options(p: argparse.ArgumentParser) -> None:
    prompter = p.add_argument_group("prompter")
    prompter.add_argument("--on-air", metavar="HH:MM:SS", help="clock time the report goes to air: the prompter and the script show "
                          "the clock time each block starts, the time left, and the off-air time")
    prompter.add_argument("--pronouncer", type=Path, metavar="FILE",
                          help="pronunciation guide: one 'Name = respelling' a line")
    prompter.add_argument("--prompter-width", type=int, default=32, metavar="N",
                          help="prompter line width in characters (default 32)")
    prompter.add_argument("--prompter-case", choices=("upper", "as-written"), default="upper",
                          help="prompter copy in capitals (default) or as written")


def parser() -> argparse.ArgumentParser:
    top = _Parser(prog="broadcast", description="From a TV news script to subtitles, lower-thirds, "
                  "teleprompter copy and caption previews.")
    top.add_argument("--version", action="version", version=_version())
    sub = top.add_subparsers(dest="command", required=True, parser_class=_Parser, metavar="COMMAND")

    p = _command(sub, "segment", "print the segmented report")
    _add_script(p)
    p.add_argument("--format", choices=("json", "text"), default="text",
                   help="text: an outline for a person (default); json: report.schema.json")
    _add_convention(p)
    p.add_argument("--explain", action="store_true",
                   help="print each input line with the tokens it became and the rule that matched")
    _add_strict(p)

    p = _command(sub, "build", "write every deliverable for each script into a folder")
    p.add_argument("files", type=path_argument, nargs="+", metavar="FILE_OR_DIR",
                   help="scripts (.txt or Word .docx), or folders of them (built as a batch); - reads "
                        "one script from standard input")
    p.add_argument("-o", "--output", type=path_argument, required=True, metavar="DIR",
                   help="folder for the outputs (made if missing); - writes the one --only format "
                        "to standard output")
    _listing(p.add_argument("--only", action="append", metavar="FORMAT",
                            help="write only this format (repeatable): {known}"), _formats)
    _add_name(p)
    _add_timing_options(p)
    p.add_argument("--video", type=Path, metavar="IN.mp4", help="the report's video, played in STEM.preview.html")
    _add_strict(p)
    _add_prompter_options(p)
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="scripts built at once in a batch (default 1)")

    p = _command(sub, "break", "break paragraphs from standard input into subtitles (MuST-Cinema marks), "
                 "cut as build cuts a narration paragraph")
    p.add_argument("--max-chars", type=int, default=42, metavar="N", help="characters a line (default 42)")
    p.add_argument("--max-lines", type=int, default=2, metavar="N", help="lines a subtitle (default 2)")
    p.add_argument("--blocks", action="store_true",
                   help="print each subtitle as its lines, a blank line after it, instead of the marks")

    p = _command(sub, "check", "list every breach of a profile in SRT, WebVTT or ASS files")
    p.add_argument("files", type=path_argument, nargs="+", metavar="FILE",
                   help="subtitle files (SRT, WebVTT, ASS, told apart by content); - reads standard input")
    _add_profile(p)
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text: a line per breach (default); json: an array of objects with file, cue, "
                        "start, end, rule, value, limit, unit and message")

    _command(sub, "schema", "print report.schema.json, the schema of `segment --format json` and STEM.json")

    p = _command(sub, "preview", "print the caption timeline of a script")
    _add_script(p)
    _add_timing_options(p)
    p.add_argument("--play", action="store_true", help="show the captions in real time")
    p.add_argument("--speed", type=float, default=1.0, metavar="FACTOR",
                   help="with --play: times real time (default 1, 2 plays twice as fast)")

    p = _command(sub, "render", "burn subtitles and lower-thirds onto video with ffmpeg")
    _add_script(p)
    p.add_argument("-o", "--output", type=path_argument, required=True, metavar="DIR",
                   help="folder for STEM.preview.mp4 and STEM.contact.png (made if missing)")
    _add_name(p)
    _add_timing_options(p)
    p.add_argument("--video", type=Path, metavar="IN.mp4",
                   help="the video to burn the captions onto (default: a plain background)")
    return top


def _version() -> str:
    from broadcast import __version__
    return f"broadcast {__version__}"


#: the largest word-timing file read: WhisperX JSON of ten hours of speech is about 20 MB
MAX_TIMINGS_BYTES = 50_000_000


def build_options(args) -> dict:
    """The exporters' options from the command line (files read here, at the edge); a
    command without an option (preview has no prompter) leaves the exporters' default."""
    options = {"start": args.start, "video": getattr(args, "video", None),
               # where the files go, so a page can refer to --video relative to itself
               "output_dir": None if _to_stdout(args) else getattr(args, "output", None)}
    if hasattr(args, "prompter_width"):
        options.update(prompter_width=args.prompter_width, prompter_case=args.prompter_case,
                       on_air=args.on_air)
        if args.pronouncer:
            options["pronouncer"] = read_input(args.pronouncer)
    if args.timings:
        options["timings"] = read_bytes(args.timings, "word-timing file", MAX_TIMINGS_BYTES)
    return options


def input_files(args) -> tuple[tuple[Path, str], ...]:
    """The files the options name, with what each is: no output may replace one."""
    named = (("timings", "the word-timing file"), ("pronouncer", "the pronouncer"), ("video", "the video"))
    return tuple((getattr(args, key), what) for key, what in named if getattr(args, key, None))


def _to_stdout(args) -> bool:
    return is_stdin(getattr(args, "output", None) or "")


def output_stem(path: Path, name: str | None) -> str:
    """What a script's outputs are named after: --name, else its file name, else `stdin`."""
    from broadcast.errors import UnusableInput
    if name is not None:
        if not name or name in (".", "..") or Path(name).name != name or name.startswith("."):
            raise UnusableInput(f"--name {name!r} is not a plain file name (no folder, not hidden)")
        return name
    return "stdin" if is_stdin(path) else path.stem


def _build(path: Path, args) -> "Build":  # noqa: F821
    from broadcast.pipeline import build_text
    from broadcast.profiles import load_profile
    profile = load_profile(args.profile, args.fps)
    return build_text(read_input(path), profile, convention=args.convention, **build_options(args))


def cmd_segment(args) -> int:
    from broadcast.segment import segment
    text = read_input(args.file)
    if args.explain:  # shown even when nothing is read as speech: that is when it is needed
        from broadcast.segment import explain
        sys.stdout.write(explain(text, args.convention))
        sys.stdout.flush()
    report = segment(text, args.convention)
    if not args.explain and args.format == "json":
        from broadcast.exporters.json import dumps, report_dict
        sys.stdout.write(dumps(report_dict(report)))
    elif not args.explain:
        from broadcast.outline import outline
        sys.stdout.write(outline(report))
    for warning in report.warnings + _rundown_warnings(text):
        warn(warning)
    if args.strict and report.doubts:
        print(printable(f"broadcast: {DoubtfulReading(report.doubts)}"), file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _rundown_warnings(text: str) -> tuple[str, ...]:
    """A file of several stories is segmented as one report; `build` builds each on its own."""
    from broadcast.rundown import split
    found = split(text)
    if len(found.stories) == 1:
        return found.warnings
    return found.warnings + ("segmented here as one report; `broadcast build` builds each story on its own",)


def cmd_build(args) -> int:
    """One script as before; several, or folders of `*.txt` scripts, as a batch."""
    from broadcast import batch
    from broadcast.errors import UnusableInput
    from broadcast.exporters import exporters
    from broadcast.profiles import load_profile
    if args.jobs < 1:
        raise UnusableInput("--jobs must be at least 1")
    unknown = [name for name in args.only or () if name not in exporters()]
    if unknown:
        raise UnusableInput(f"no output format {unknown[0]!r}; known: {', '.join(exporters())}")
    single = len(args.files) == 1 and (is_stdin(args.files[0]) or not args.files[0].is_dir())
    if not single:
        if any(is_stdin(path) for path in args.files):
            raise UnusableInput("- (standard input) is one script: build it on its own")
        if args.timings:
            raise UnusableInput("--timings belong to one recording: build its script on its own")
        if args.name is not None:
            raise UnusableInput("--name names one script's outputs: build it on its own")
    if _to_stdout(args) and (not single or len(set(args.only or ())) != 1):
        raise UnusableInput("-o - writes one format of one script to standard output: "
                            "name it with --only (e.g. --only srt)")
    settings = batch.Settings(load_profile(args.profile, args.fps), args.convention,
                              tuple(args.only or ()), build_options(args), input_files(args), args.strict)
    if not single:
        return batch.run_batch(args.files, args.output, settings, args.jobs)
    path = args.files[0]
    stem = output_stem(path, args.name)
    if _to_stdout(args):
        return _build_to_stdout(path, settings)
    batch.input_clash([path], args.output, settings)
    batch.remove_stale_parts(args.output, batch.deliverable_names(stem, settings.only))
    result = batch.build_one(path, args.output, settings, stem=stem)
    if result.internal:
        if os.environ.get("BROADCAST_DEBUG"):
            sys.stderr.write(result.detail)
        print(internal_error_line(result.error), file=sys.stderr)
        return EXIT_FAILED
    if result.doubtful:
        print(printable(f"broadcast: {result.error}"), file=sys.stderr)
        return EXIT_FAILED
    if result.error:
        raise UnusableInput(result.error)
    for warning in result.warnings:
        warn(warning)
    if result.prose_read:
        spoken, prose = result.prose_read
        print(f"read {spoken} of {prose} prose words as speech ({spoken / max(1, prose):.0%})", file=sys.stderr)
    source = "standard input" if is_stdin(path) else path.name
    print(printable(f"wrote {count(len(result.written), 'file')} for {source} to {args.output}"),
          file=sys.stderr)
    return EXIT_OK


def _build_to_stdout(path: Path, settings) -> int:
    """`-o -`: the one format asked for, whole, on standard output; warnings on stderr."""
    from broadcast.exporters import render_all
    from broadcast.pipeline import build_text
    notes: list[str] = []
    build = build_text(read_input(path, notes), settings.profile, convention=settings.convention,
                       **settings.options)
    if settings.strict and build.report.doubts:
        print(printable(f"broadcast: {DoubtfulReading(build.report.doubts)}"), file=sys.stderr)
        return EXIT_FAILED
    (output,) = render_all(build, list(settings.only)).values()  # all made before any is written
    for warning in (*notes, *build.warnings):
        warn(warning)
    if isinstance(output, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(output)
    else:
        sys.stdout.write(output)
    sys.stdout.flush()
    return EXIT_OK


def cmd_break(args) -> int:
    from broadcast.captions import break_paragraph
    from broadcast.errors import UnusableInput
    from broadcast.profiles import LIMITS
    # what a subtitle can be, as a profile may set it: more would only cost time and memory
    for option, key in (("--max-chars", "max_chars_per_line"), ("--max-lines", "max_lines")):
        low, high, unit = LIMITS[key]
        if not low <= getattr(args, option[2:].replace("-", "_")) <= high:
            raise UnusableInput(f"{option} must be {low} to {high} ({unit} a subtitle can have)")
    for line in sys.stdin:
        words = line.split()
        if not words:
            print()
            continue
        events = break_paragraph(words, args.max_chars, args.max_lines)
        if args.blocks:
            print("\n\n".join("\n".join(event_lines) for event_lines in events) + "\n")
        else:
            print(" ".join(" <eol> ".join(event_lines) + " <eob>" for event_lines in events))
    return EXIT_OK


def cmd_check(args) -> int:
    """Every file is checked; one that cannot be read is said so and the others still are."""
    import json

    from broadcast.check import breach_record, check_file, format_breach
    from broadcast.errors import UnusableInput
    from broadcast.profiles import load_profile
    profile = load_profile(args.profile, args.fps)
    if sum(is_stdin(path) for path in args.files) > 1:
        raise UnusableInput("- (standard input) can be read once")
    records, found, unusable = [], 0, 0
    for path in args.files:
        name = "-" if is_stdin(path) else str(path)
        try:
            breaches = check_file(path, profile)
        except UnusableInput as exc:
            print(f"broadcast: error: {exc}", file=sys.stderr)
            unusable += 1
            continue
        found += len(breaches)
        if args.format == "json":
            records += [breach_record(breach, name) for breach in breaches]
        else:
            prefix = f"{name}: " if len(args.files) > 1 else ""
            for breach in breaches:
                print(prefix + format_breach(breach))
    if unusable == len(args.files):
        return EXIT_USAGE
    if args.format == "json":
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=1) + "\n")
    files = f" in {count(len(args.files) - unusable, 'file')}" if len(args.files) > 1 else ""
    print(f"{count(found, 'breach', 'breaches')} of profile {profile.name}{files}", file=sys.stderr)
    if unusable:
        return EXIT_USAGE
    return EXIT_FAILED if found else EXIT_OK


def cmd_schema(args) -> int:
    from importlib.resources import files
    sys.stdout.write(files("broadcast").joinpath("report.schema.json").read_text(encoding="utf-8"))
    return EXIT_OK


def cmd_preview(args) -> int:
    from broadcast.preview.terminal import show
    show(_build(args.file, args), play=args.play, speed=args.speed)
    return EXIT_OK


def cmd_render(args) -> int:
    """ffmpeg's progress drawn as a bar on a terminal; nothing but the result when piped."""
    from broadcast.batch import refuse_replacing_inputs
    from broadcast.files import folder_lock
    from broadcast.preview.render import OUTPUTS, fit_to_video, render, video_duration
    stem = output_stem(args.file, args.name)
    refuse_replacing_inputs([args.output / f"{stem}{suffix}" for _, suffix in OUTPUTS],
                            {args.file: "the input script", **dict(input_files(args))})
    build = _build(args.file, args)
    if args.video is not None and args.video.is_file():
        whole = build
        build, warnings = fit_to_video(build, video_duration(args.video))
        if build is not whole:
            print("broadcast: the video is as long as the package: subtitled on the package's "
                  "time line", file=sys.stderr)
        for warning in warnings:
            warn(warning)
    args.output.mkdir(parents=True, exist_ok=True)
    with folder_lock(args.output):
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn
            with Progress(TextColumn(f"rendering {stem}"), BarColumn(), TaskProgressColumn(),
                          TimeRemainingColumn(), console=Console(stderr=True), transient=True) as bar:
                task = bar.add_task("render", total=None)
                paths = render(build, args.output, stem, video=args.video,
                               progress=lambda done, total: bar.update(task, completed=done, total=total))
        else:
            paths = render(build, args.output, stem, video=args.video)
    for path in paths:
        print(printable(f"wrote {path}"), file=sys.stderr)
    return EXIT_OK


COMMANDS = {
    "segment": cmd_segment, "build": cmd_build, "break": cmd_break, "check": cmd_check,
    "schema": cmd_schema, "preview": cmd_preview, "render": cmd_render,
}


def _stop(signum, frame) -> None:
    """SIGTERM stops a command as Ctrl-C does: temporary files and work folders are removed
    and a running ffmpeg is killed on the way out."""
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    import signal

    from broadcast.errors import BroadcastError
    signal.signal(signal.SIGTERM, _stop)
    try:
        return COMMANDS[args.command](args)
    except BroadcastError as exc:
        print(f"broadcast: error: {printable(str(exc))}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        # Stopping already: a second signal (Ctrl-C pressed twice) must not cut the clean-up short.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        if os.environ.get("BROADCAST_DEBUG"):
            import traceback
            traceback.print_exc()
        print("broadcast: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`); quiet, as a filter should be.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # an internal error is still one line, unless asked for detail
        if os.environ.get("BROADCAST_DEBUG"):
            raise
        print(internal_error_line(f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return EXIT_FAILED


def internal_error_line(error: str) -> str:
    return f"broadcast: internal error: {printable(error)} (set BROADCAST_DEBUG=1 for the traceback)"


def warn(message: str) -> None:
    """A warning on stderr, on one line whatever file name it quotes."""
    print(f"broadcast: warning: {printable(message)}", file=sys.stderr)
