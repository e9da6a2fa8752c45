"""The command line (contract: shared spec CLI.md). I/O, options and exit codes live here;
every stage is called as a pure function. Heavy modules load inside the command that needs
them so that `broadcast --help` stays fast."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line and exit 2, as for any unusable input
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _add_build_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--profile", default="broadcast",
                   help="style profile: broadcast (default), netflix, bbc, dcmp, or a .toml path")
    p.add_argument("--fps", help="frame rate: 23.976, 24, 25, 29.97, 30, 50, 59.94 (default: the profile's)")
    p.add_argument("--convention", help="script convention, when detection should be overridden")
    p.add_argument("--timings", type=Path, metavar="WORDS.json",
                   help="recognised word timings (WhisperX, stable-ts, Gentle, aeneas, SRT, WebVTT)")
    p.add_argument("--start", metavar="TIMECODE",
                   help="programme time of the report's start, e.g. 10:00:00:00 (drop-frame at 29.97 and 59.94)")
    p.add_argument("--video", type=Path, metavar="IN.mp4", help="video to preview or burn the captions onto")
    prompter = p.add_argument_group("prompter")
    prompter.add_argument("--on-air", metavar="HH:MM:SS", help="clock time the report goes to air: the prompter and the script show "
                          "the clock time each block starts, the time left, and the off-air time")
    prompter.add_argument("--pronouncer", type=Path, metavar="FILE",
                          help="pronunciation guide: one 'Name = respelling' a line")
    prompter.add_argument("--prompter-width", type=int, default=32, metavar="N", help="prompter line width")
    prompter.add_argument("--prompter-case", choices=("upper", "as-written"), default="upper",
                          help="prompter copy in capitals (default) or as written")


def parser() -> argparse.ArgumentParser:
    top = _Parser(prog="broadcast", description="From a TV news script to subtitles, lower-thirds, "
                  "teleprompter copy and caption previews.")
    top.add_argument("--version", action="version", version=_version())
    sub = top.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("segment", help="print the segmented report")
    p.add_argument("file", type=Path)
    p.add_argument("--format", choices=("json", "text"), default="text")
    p.add_argument("--convention", help="script convention, when detection should be overridden")
    p.add_argument("--explain", action="store_true",
                   help="print each input line with the tokens it became and the rule that matched")
    p.add_argument("--strict", action="store_true",
                   help="exit 1 when detection is in doubt or prose was left unclassified")

    p = sub.add_parser("build", help="write every deliverable for each script into a folder")
    p.add_argument("files", type=Path, nargs="+", metavar="FILE_OR_DIR",
                   help="scripts, or folders of *.txt and *.docx scripts (built as a batch)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    _add_build_options(p)
    p.add_argument("--only", action="append", metavar="FORMAT", help="write only this format (repeatable)")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="scripts built at once (batch)")

    p = sub.add_parser("break", help="break stdin paragraphs into subtitles (MuST-Cinema marks)",
                       description="Cut each line of stdin as `build` cuts a narration paragraph "
                       "(timed by the broadcast profile's read rate).")
    p.add_argument("--max-chars", type=int, default=42)
    p.add_argument("--max-lines", type=int, default=2)
    p.add_argument("--blocks", action="store_true",
                   help="print each subtitle as its lines, a blank line after it, instead of the marks")

    p = sub.add_parser("check", help="list every breach of a profile in an SRT, WebVTT or ASS file")
    p.add_argument("file", type=Path)
    p.add_argument("--profile", default="broadcast")
    p.add_argument("--fps")

    p = sub.add_parser("preview", help="print the caption timeline of a script")
    p.add_argument("file", type=Path)
    _add_build_options(p)
    p.add_argument("--play", action="store_true", help="show the captions in real time")
    p.add_argument("--speed", type=float, default=1.0, metavar="FACTOR",
                   help="with --play: times real time (default 1, 2 plays twice as fast)")

    p = sub.add_parser("render", help="burn subtitles and lower-thirds onto video with ffmpeg")
    p.add_argument("file", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    _add_build_options(p)
    return top


def _version() -> str:
    from broadcast import __version__
    return f"broadcast {__version__}"


#: the largest script read: well over ten hours of speech (an hour is about 60 KB); a bigger
#: file is a log or a dump, not a script, and would keep a batch busy for minutes
MAX_SCRIPT_BYTES = 1_000_000


#: the largest word-timing file read: WhisperX JSON of ten hours of speech is about 20 MB
MAX_TIMINGS_BYTES = 50_000_000


def read_input(path: Path, notes: list[str] | None = None) -> str:
    """The normalised text of a script file. What reading it repaired (stray bytes) is added
    to `notes`, or printed as warnings when no list is given."""
    from broadcast.errors import UnusableInput
    from broadcast.files import read_regular
    from broadcast.reading import read_script_noted
    data = read_regular(path, MAX_SCRIPT_BYTES, "script")
    try:
        text, found = read_script_noted(data)
    except UnusableInput as exc:
        raise UnusableInput(f"{path}: {exc}") from None
    if notes is None:
        for note in found:
            warn(note)
    else:
        notes.extend(found)
    return text


def build_options(args) -> dict:
    """The exporters' options from the command line (files read here, at the edge)."""
    options = {"prompter_width": args.prompter_width, "prompter_case": args.prompter_case,
               "on_air": args.on_air, "video": args.video, "start": args.start,
               # where the files go, so a page can refer to --video relative to itself
               "output_dir": getattr(args, "output", None)}
    if args.pronouncer:
        options["pronouncer"] = read_input(args.pronouncer)
    if args.timings:
        options["timings"] = _read_bytes(args.timings)
    return options


def input_files(args) -> tuple[tuple[Path, str], ...]:
    """The files the options name, with what each is: no output may replace one."""
    named = (("timings", "the word-timing file"), ("pronouncer", "the pronouncer"), ("video", "the video"))
    return tuple((getattr(args, key), what) for key, what in named if getattr(args, key, None))


def _read_bytes(path: Path) -> bytes:
    from broadcast.files import read_regular
    return read_regular(path, MAX_TIMINGS_BYTES, "word-timing file")


def _build(path: Path, args) -> "Build":  # noqa: F821
    from broadcast.pipeline import build_text
    from broadcast.profiles import load_profile
    profile = load_profile(args.profile, args.fps)
    return build_text(read_input(path), profile, convention=args.convention, **build_options(args))


def cmd_segment(args) -> int:
    from broadcast.segment import segment
    text = read_input(args.file)
    report = segment(text, args.convention)
    if args.explain:
        from broadcast.segment import explain
        sys.stdout.write(explain(text, args.convention))
    elif args.format == "json":
        from broadcast.exporters.json import dumps, report_dict
        sys.stdout.write(dumps(report_dict(report)))
    else:
        from broadcast.outline import outline
        sys.stdout.write(outline(report))
    for warning in report.warnings + _rundown_warnings(text):
        warn(warning)
    if args.strict and doubts(report):
        print(f"broadcast: --strict: {doubts(report)} doubt(s) in the reading", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _rundown_warnings(text: str) -> tuple[str, ...]:
    """A file of several stories is segmented as one report; `build` builds each on its own."""
    from broadcast.rundown import split
    found = split(text)
    if len(found.stories) == 1:
        return found.warnings
    return found.warnings + ("segmented here as one report; `broadcast build` builds each story on its own",)


def doubts(report) -> int:
    """Doubts --strict refuses: prose no rule claimed, a convention chosen with doubt."""
    from broadcast.model import NoteKind
    unclassified = sum(1 for n in report.notes if n.kind is NoteKind.UNCLASSIFIED)
    return unclassified + sum(1 for w in report.warnings if "--convention" in w)


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
    single = len(args.files) == 1 and not args.files[0].is_dir()
    if not single and args.timings:
        raise UnusableInput("--timings belong to one recording: build its script on its own")
    settings = batch.Settings(load_profile(args.profile, args.fps), args.convention,
                              tuple(args.only or ()), build_options(args), input_files(args))
    if not single:
        return batch.run_batch(args.files, args.output, settings, args.jobs)
    path = args.files[0]
    batch.input_clash([path], args.output, settings)
    batch.remove_stale_parts(args.output, batch.deliverable_names(path.stem, settings.only))
    result = batch.build_one(path, args.output, settings)
    if result.internal:
        if os.environ.get("BROADCAST_DEBUG"):
            sys.stderr.write(result.detail)
        print(internal_error_line(result.error), file=sys.stderr)
        return EXIT_FAILED
    if result.error:
        raise UnusableInput(result.error)
    for warning in result.warnings:
        warn(warning)
    from broadcast.errors import printable
    if result.prose_read:
        spoken, prose = result.prose_read
        print(f"read {spoken} of {prose} prose words as speech ({spoken / max(1, prose):.0%})", file=sys.stderr)
    print(printable(f"wrote {len(result.written)} files for {path.name} to {args.output}"), file=sys.stderr)
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
    from broadcast.check import check_file, format_breach
    from broadcast.profiles import load_profile
    breaches = check_file(args.file, load_profile(args.profile, args.fps))
    for breach in breaches:
        print(format_breach(breach))
    print(f"{len(breaches)} breach{'es' if len(breaches) != 1 else ''} of profile {args.profile}",
          file=sys.stderr)
    return EXIT_FAILED if breaches else EXIT_OK


def cmd_preview(args) -> int:
    from broadcast.preview.terminal import show
    show(_build(args.file, args), play=args.play, speed=args.speed)
    return EXIT_OK


def cmd_render(args) -> int:
    from broadcast.batch import refuse_replacing_inputs
    from broadcast.errors import printable
    from broadcast.files import folder_lock
    from broadcast.preview.render import OUTPUTS, fit_to_video, render, video_duration
    refuse_replacing_inputs([args.output / f"{args.file.stem}{suffix}" for _, suffix in OUTPUTS],
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
        written = render(build, args.output, args.file.stem, video=args.video)
    for path in written:
        print(printable(f"wrote {path}"), file=sys.stderr)
    return EXIT_OK


COMMANDS = {
    "segment": cmd_segment, "build": cmd_build, "break": cmd_break, "check": cmd_check,
    "preview": cmd_preview, "render": cmd_render,
}


def _stop(signum, frame) -> None:
    """SIGTERM stops a command as Ctrl-C does: temporary files and work folders are removed
    and a running ffmpeg is killed on the way out."""
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    import signal

    from broadcast.errors import BroadcastError, printable
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
    from broadcast.errors import printable
    return f"broadcast: internal error: {printable(error)} (set BROADCAST_DEBUG=1 for the traceback)"


def warn(message: str) -> None:
    """A warning on stderr, on one line whatever file name it quotes."""
    from broadcast.errors import printable
    print(f"broadcast: warning: {printable(message)}", file=sys.stderr)
