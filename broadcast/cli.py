"""The command line (contract: shared spec CLI.md). I/O, options and exit codes live here;
every stage is called as a pure function. Heavy modules load inside the command that needs
them so that `broadcast --help` stays fast."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from broadcast.errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from broadcast.inputs import read_bytes, read_input


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
    prompter.add_argument("--on-air", metavar="HH:MM:SS", help="back-time the prompter to this on-air time")
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

    p = sub.add_parser("build", help="write every deliverable for each script into a folder")
    p.add_argument("files", type=Path, nargs="+", metavar="FILE_OR_DIR",
                   help="scripts, or folders of *.txt scripts (built as a batch)")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    _add_build_options(p)
    p.add_argument("--only", action="append", metavar="FORMAT", help="write only this format (repeatable)")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="scripts built at once (batch)")

    p = sub.add_parser("break", help="break stdin paragraphs into subtitles (MuST-Cinema marks)")
    p.add_argument("--max-chars", type=int, default=42)
    p.add_argument("--max-lines", type=int, default=2)

    p = sub.add_parser("check", help="list every breach of a profile in an SRT, WebVTT or ASS file")
    p.add_argument("file", type=Path)
    p.add_argument("--profile", default="broadcast")
    p.add_argument("--fps")

    sub.add_parser("schema", help="print report.schema.json, the schema of `segment --format json` and STEM.json")

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


def build_options(args) -> dict:
    """The exporters' options from the command line (files read here, at the edge)."""
    options = {"prompter_width": args.prompter_width, "prompter_case": args.prompter_case,
               "on_air": args.on_air, "video": args.video, "start": args.start,
               # where the files go, so a page can refer to --video relative to itself
               "output_dir": getattr(args, "output", None)}
    if args.pronouncer:
        options["pronouncer"] = read_input(args.pronouncer)
    if args.timings:
        options["timings"] = read_bytes(args.timings)
    return options


def _build(path: Path, args) -> "Build":  # noqa: F821
    from broadcast.pipeline import build_text
    from broadcast.profiles import load_profile
    profile = load_profile(args.profile, args.fps)
    return build_text(read_input(path), profile, convention=args.convention, **build_options(args))


def cmd_segment(args) -> int:
    from broadcast.segment import segment
    text = read_input(args.file)
    report = segment(text, args.convention)
    if args.format == "json":
        from broadcast.exporters.json import dumps, report_dict
        sys.stdout.write(dumps(report_dict(report)))
    else:
        from broadcast.outline import outline
        sys.stdout.write(outline(report))
    for warning in report.warnings:
        print(f"broadcast: warning: {warning}", file=sys.stderr)
    return EXIT_OK


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
                              tuple(args.only or ()), build_options(args))
    if not single:
        return batch.run_batch(args.files, args.output, settings, args.jobs)
    path = args.files[0]
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
        print(f"broadcast: warning: {warning}", file=sys.stderr)
    print(f"wrote {len(result.written)} files for {path.name} to {args.output}", file=sys.stderr)
    return EXIT_OK


def cmd_break(args) -> int:
    from broadcast.captions import break_paragraph
    from broadcast.errors import UnusableInput
    if args.max_chars < 1 or args.max_lines < 1:
        raise UnusableInput("--max-chars and --max-lines must be at least 1")
    for line in sys.stdin:
        words = line.split()
        if not words:
            print()
            continue
        events = break_paragraph(words, args.max_chars, args.max_lines)
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


def cmd_schema(args) -> int:
    from importlib.resources import files
    sys.stdout.write(files("broadcast").joinpath("report.schema.json").read_text(encoding="utf-8"))
    return EXIT_OK


def cmd_preview(args) -> int:
    from broadcast.preview.terminal import show
    show(_build(args.file, args), play=args.play, speed=args.speed)
    return EXIT_OK


def cmd_render(args) -> int:
    from broadcast.preview.render import render
    build = _build(args.file, args)
    args.output.mkdir(parents=True, exist_ok=True)
    for path in render(build, args.output, args.file.stem, video=args.video):
        print(f"wrote {path}", file=sys.stderr)
    return EXIT_OK


COMMANDS = {
    "segment": cmd_segment, "build": cmd_build, "break": cmd_break, "check": cmd_check,
    "schema": cmd_schema, "preview": cmd_preview, "render": cmd_render,
}


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    from broadcast.errors import BroadcastError
    try:
        return COMMANDS[args.command](args)
    except BroadcastError as exc:
        print(f"broadcast: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
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
    return f"broadcast: internal error: {error} (set BROADCAST_DEBUG=1 for the traceback)"
