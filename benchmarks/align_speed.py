"""How fast script words are aligned to a word-timing file, from one report to an hour.

    python benchmarks/align_speed.py [--copies 1 6 18]

A programme of N copies of the reference report (18 run about an hour) is read with the
faults of benchmarks/make_word_timings.py, then aligned; prints words, match rate and time.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from make_word_timings import dumps, simulate  # noqa: E402

from broadcast.align import conform  # noqa: E402
from broadcast.reading import read_script  # noqa: E402
from broadcast.segment import segment  # noqa: E402

REFERENCE = Path(__file__).parent.parent / "examples" / "syria-peace-process.txt"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--copies", type=int, nargs="+", default=[1, 6, 18])
    args = p.parse_args(argv)
    title, body = read_script(REFERENCE.read_bytes()).split("\n", 1)
    for copies in args.copies:
        script = title + "\n" + body * copies
        doc, truth, _ = simulate(script, seed=copies)
        data = dumps(doc).encode()
        report = segment(script)
        began = time.perf_counter()
        alignment, _ = conform(report, data)
        seconds = time.perf_counter() - began
        print(f"{copies:3d} copies: {alignment.words:6d} words, {truth[-1][1] / 60_000:5.1f} min of speech, "
              f"{alignment.match_rate:.1%} matched, aligned in {seconds:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
