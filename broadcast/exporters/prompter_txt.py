"""`STEM.prompter.txt`: prompter copy as plain text, wrapped for the prompter's line width.

Read copy is wrapped with `textwrap3` at `--prompter-width`, at spaces only: a break after
the hyphen of AL-ASSAD or CO-OPERATED would split a word the reader must say whole; marks in brackets are kept whole on their own lines so that a rundown
system can find them. Each block opens with who reads it and its read time; soundbites
appear only as their cue; the package opens with its running time; with `--on-air` each
block also carries its clock time and the time left to the end of the report.
"""

from __future__ import annotations

import textwrap3

from broadcast.exporters import Exporter
from broadcast.model import Build
from broadcast.prompter import back_time, block_marks, format_clock, format_duration, package_marks, \
    prompter_blocks, prompter_case, prompter_width, runs


def _wrap(text: str, width: int) -> list[str]:
    return textwrap3.wrap(text, width, break_long_words=False, break_on_hyphens=False)


def _bracketed(parts: list[str]) -> str:
    return "[" + " | ".join(parts) + "]"


def prompter_text(build: Build) -> str:
    width = prompter_width(build)
    blocks = prompter_blocks(build)
    timing = back_time(build, blocks)
    total = sum(b.reads for b in blocks)
    title = build.report.title.upper() if prompter_case(build) == "upper" else build.report.title
    summary = [f"TOTAL {format_duration(total)}"]
    if timing:
        summary += [f"ON AIR {format_clock(timing.on_air)}", f"OFF {format_clock(timing.off_air)}"]
    lines = _wrap(title, width) + [_bracketed(summary), ""]
    for run in runs(blocks):
        if package := package_marks(run):
            lines += [_bracketed(package), ""]
        for block in run:
            lines.append(_bracketed(block_marks(block, timing)))
            if block.is_read:
                lines += [""] + _wrap(block.copy, width)
            lines.append("")
    end = [f"END | TOTAL {format_duration(total)}"] + ([f"OFF {format_clock(timing.off_air)}"] if timing else [])
    lines.append(_bracketed(end))
    return "\n".join(lines) + "\n"


EXPORTER = Exporter("prompter", ".prompter.txt", prompter_text,
                    "prompter copy: who reads, soundbite cues, read times and back-timing")
