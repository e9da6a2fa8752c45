"""A long fuzz run (not in CI): generated scripts of every convention through the segmenter,
and every Nth through the whole build with every output read back.

    python benchmarks/fuzz.py [--count 100000] [--full-every 20] [--seed 1]

Prints how many inputs ran, how fast, and each kind of failure with its count and the
shortest script that showed it. Exit 1 when anything failed.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from broadcast.errors import UnusableInput  # noqa: E402
from broadcast.exporters import render_all  # noqa: E402
from broadcast.model import Kind  # noqa: E402
from broadcast.pipeline import build_report  # noqa: E402
from broadcast.profiles import load_profile  # noqa: E402
from broadcast.reading import read_script  # noqa: E402
from broadcast.segment import segment  # noqa: E402
from tests.hostile import check_outputs, words  # noqa: E402
from tests.hostile_scripts import STRATEGIES, Script  # noqa: E402

PROFILES = {name: load_profile(name) for name in ("broadcast", "netflix", "bbc", "dcmp")}


def failure_of(script: Script, full: bool, profile: str) -> str | None:
    """What went wrong with one script, as a short kind of failure, or None."""
    try:
        report = segment(read_script(script.text.encode("utf-8")))
    except UnusableInput as exc:
        return f"refused: {exc}"
    except Exception as exc:  # noqa: BLE001 - every crash is a finding
        return f"segmenter crash: {type(exc).__name__}: {exc}"
    if report.convention != script.convention:
        return f"read as {report.convention}, not {script.convention}"
    if words(s.text for s in report.segments) != list(script.spoken):
        return f"{script.convention}: spoken words lost or changed"
    if sum(s.kind is Kind.SOUNDBITE for s in report.segments) != script.soundbites:
        return f"{script.convention}: soundbites miscounted"
    if not full:
        return None
    try:
        outputs = render_all(build_report(report, PROFILES[profile]))
    except Exception as exc:  # noqa: BLE001
        return f"build crash: {type(exc).__name__}: {exc}"
    try:
        check_outputs(outputs)
    except AssertionError as exc:
        return f"output check: {(str(exc) or 'assertion').splitlines()[0][:120]}"
    except Exception as exc:  # noqa: BLE001
        return f"output unreadable: {type(exc).__name__}: {exc}"
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--full-every", type=int, default=20, help="build and read back every Nth script")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    ran: Counter[str] = Counter()
    full_runs = 0
    failures: Counter[str] = Counter()
    shortest: dict[str, str] = {}

    @seed(args.seed)
    @settings(max_examples=args.count, phases=[Phase.generate], database=None, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(st.one_of(*STRATEGIES.values()), st.sampled_from(sorted(PROFILES)))
    def run(script: Script, profile: str):
        nonlocal full_runs
        n = sum(ran.values())
        ran[script.convention] += 1
        full = n % args.full_every == 0
        full_runs += full
        try:
            failure = failure_of(script, full, profile)
        except Exception:  # noqa: BLE001 - a fault in this script itself
            failure = "fuzz harness: " + traceback.format_exc().splitlines()[-1]
        if failure:
            kind = failure.split(":")[0] if failure.startswith(("segmenter crash", "build crash")) else failure
            failures[kind] += 1
            if kind not in shortest or len(script.text) < len(shortest[kind]):
                shortest[kind] = script.text
        if (n + 1) % 5000 == 0:
            print(f"  {n + 1:,} scripts, {sum(failures.values())} failures", file=sys.stderr, flush=True)

    started = time.perf_counter()
    run()
    elapsed = time.perf_counter() - started
    total = sum(ran.values())
    print(f"fuzz: {total:,} generated scripts in {elapsed:.0f} s ({total / elapsed:.0f} a second), seed {args.seed}")
    print("  by convention: " + ", ".join(f"{c} {n:,}" for c, n in sorted(ran.items())))
    print(f"  segmented and checked word for word: {total:,}; built with every output read back: {full_runs:,}")
    print(f"  failures: {sum(failures.values())}")
    for kind, count in failures.most_common():
        print(f"    {count:>6}  {kind}")
        print("            shortest: " + repr(shortest[kind])[:400])
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
