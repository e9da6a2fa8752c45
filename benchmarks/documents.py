"""How fast Word scripts are read, and rundown files split, from one report to an hour.

    python benchmarks/documents.py [--copies 1 6 18]

A .docx of N copies of the reference report (18 run about an hour), every paragraph as
typed, is read to script text; then the same text, each copy a story ending in `##` with a
`SLUG:` header, is split as a rundown. Prints the size, the words and the time of each.
"""

from __future__ import annotations

import argparse
import io
import time
from pathlib import Path

import docx

from broadcast.reading import read_script
from broadcast.rundown import split

REFERENCE = Path(__file__).parent.parent / "examples" / "syria-peace-process.txt"


def word_document(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def timed(fn, *args):
    began = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - began


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--copies", type=int, nargs="+", default=[1, 6, 18])
    args = p.parse_args(argv)
    lines = read_script(REFERENCE.read_bytes()).split("\n")
    for copies in args.copies:
        data = word_document(lines * copies)
        text, read_seconds = timed(read_script, data)
        rundown = "".join(f"SLUG: STORY {n}\n" + "\n".join(lines) + "\n##\n\n" for n in range(copies))
        found, split_seconds = timed(split, rundown)
        print(f"{copies:3d} copies: .docx {len(data) / 1000:7.1f} KB, {len(text.split()):6d} words "
              f"read in {read_seconds * 1000:7.1f} ms; rundown of {len(found.stories):2d} stories "
              f"split in {split_seconds * 1000:7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
