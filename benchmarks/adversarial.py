"""Build time on adversarial inputs: each shape at 5, 10, 20 and 40 KB, and how it grows.

    python benchmarks/adversarial.py [--sizes 5 10 20 40] [--runs 3] [--shape NAME ...]

A build here is what `broadcast build` computes before writing: the script read, segmented,
timed and captioned, and every output rendered (a script the tool refuses counts with the
time it took to refuse it). Linear work doubles with the input: the last column is the
growth from the smallest size to the largest, against the input's own growth (8 for 5 to
40 KB). Add a shape by adding a function to SHAPES: it takes a size in bytes and returns a
script of about that size.
"""

from __future__ import annotations

import argparse
import random
import statistics
import string
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from broadcast.errors import UnusableInput  # noqa: E402
from broadcast.exporters import render_all  # noqa: E402
from broadcast.pipeline import build_text  # noqa: E402
from broadcast.profiles import load_profile  # noqa: E402
from broadcast.reading import read_script  # noqa: E402

STORY = ("Curfew tightened in border town\n[]\n"
         "Authorities extended the curfew. Our correspondent Julia Lyubova reports from the town.\n"
         "Residents spent the night in basements.\n"
         "JULIA LYUBOVA NOVAYA SLOBODA Officials say the curfew will stay. JL, CGTN, Novaya Sloboda.\n")


def _fill(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def dnp_repeated(size: int) -> str:
    """`DO NOT PUBLISH ` over and over on one line, then the name it governs."""
    return _fill("DO NOT PUBLISH ", size) + "Julia Lyubova\n" + STORY


def dnp_repeated_alone(size: int) -> str:
    """`DO NOT PUBLISH ` over and over, naming no one: refused."""
    return _fill("DO NOT PUBLISH ", size) + "\n" + STORY


def dnp_many_names(size: int) -> str:
    """A mark line for each of many different names, each mentioned once in the story."""
    rng = random.Random(1)
    names = []
    while sum(len(n) + 40 for n in names) < size:
        names.append(" ".join("".join(rng.choices(string.ascii_lowercase, k=7)).capitalize() for _ in range(2)))
    marks = "".join(f"DO NOT PUBLISH: {n}\n" for n in names)
    mentions = " ".join(f"{n} spoke." for n in names)
    return marks + STORY.replace("Residents spent", mentions + " Residents spent")


def name_mentions(size: int) -> str:
    """One marked name mentioned in every form (initials, handle, possessive) all through a
    long narration."""
    unit = "Lyubova's crew met J.L. and @julialyubova; JULIA LYUBOVA wrote to julia.lyubova@cgtn.com. "
    return "DO NOT PUBLISH: Julia Lyubova\n" + STORY.replace("Residents spent", _fill(unit, size) + " Residents spent")


def one_long_handle(size: int) -> str:
    """One run with no space, shaped like a handle (`@`, dots, underscores), that every name
    part is looked for inside."""
    return "DO NOT PUBLISH: Julia Lyubova\n" + STORY.replace(
        "Residents spent", "@" + _fill("julia_ly.bova", size) + " Residents spent")


def mark_words_in_a_line(size: int) -> str:
    """Mark-like words inside sentences (`we do not name`), each read as words with a warning."""
    filler = _fill("we do not name, not for us to use, publish ", size)
    return STORY.replace("Residents spent", filler + "Residents spent")


def long_capitals_token(size: int) -> str:
    """One word of capitals as long as the script, in the intro."""
    return STORY.replace("Authorities extended", "A" * size + " extended")


def copy_opened_repeated(size: int) -> str:
    """`[[` over and over, never closed."""
    return "((INTRO))\n" + _fill("[[", size) + "\n((NARRATOR))\nThe track.\n"


def notes_opened_repeated(size: int) -> str:
    """`((` over and over on one line, never closed, then on many lines."""
    return "((INTRO))\n[[Copy.]]\n" + _fill("((", size // 2) + "\n" + _fill("((x\n", size // 2) + "The track.\n"


def many_labelled_lines(size: int) -> str:
    """A newsroom layout of many short labelled blocks (TRACK, SOT with CG)."""
    unit = ("TRACK:\nThe water rose overnight.\nSOT: ANA DIAZ, RESIDENT\nCG: Ana Diaz / Resident\n"
            "\"We lost everything.\"\n")
    return "SLUG: FLOODS\nANCHOR:\nFloods hit the coast.\nTAKE PKG\n" + _fill(unit, size)


SHAPES = {f.__name__.replace("_", "-"): f for f in (dnp_repeated, dnp_repeated_alone, dnp_many_names,
                                                     name_mentions, one_long_handle, mark_words_in_a_line,
                                                     long_capitals_token, copy_opened_repeated,
                                                     notes_opened_repeated, many_labelled_lines)}


def build_seconds(script: str, profile, runs: int) -> tuple[float, str]:
    times, outcome = [], "built"
    for _ in range(runs):
        started = time.perf_counter()
        try:
            render_all(build_text(read_script(script.encode("utf-8")), profile))
        except UnusableInput:
            outcome = "refused"
        times.append(time.perf_counter() - started)
    return statistics.median(times), outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 10, 20, 40], help="sizes in KB")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shape", nargs="+", choices=sorted(SHAPES), help="only these shapes")
    args = parser.parse_args()
    profile = load_profile("broadcast")
    build_seconds(STORY, profile, 1)  # imports and caches, so that the first size is not charged them
    sizes = sorted(args.sizes)
    print(f"seconds per build{'':<7}" + "".join(f"{s:>6} KB" for s in sizes) + "   growth (input x"
          f"{sizes[-1] / sizes[0]:g})")
    for name in args.shape or SHAPES:
        row, outcome = [], ""
        for size in sizes:
            seconds, outcome = build_seconds(SHAPES[name](size * 1024), profile, args.runs)
            row.append(seconds)
        growth = row[-1] / row[0] if row[0] else float("inf")
        print(f"{name:<24}" + "".join(f"{t:>9.3f}" for t in row) + f"   x{growth:.1f} ({outcome})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
