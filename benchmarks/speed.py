"""Speed as a user meets it: whole processes, the median of several runs, against the aims.

    python benchmarks/speed.py [--runs 7] [--batch 1000] [--batch-runs 3] [--profile]

Measures `broadcast --help`, `broadcast build` of the reference, a one-hour script (about
9,000 words) beside pysubs2 alone writing the same subtitles, the growth from one hour to
two, and a batch of generated scripts with `--jobs 2`. With --profile, also prints where an
in-process build of the hour spends its time, by function.
"""

from __future__ import annotations

import argparse
import compileall
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from broadcast.exporters import exporters

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "examples" / "syria-peace-process.txt"
BROADCAST = [sys.executable, "-m", "broadcast"]
#: the broadcast delivery formats, whose cost the hour is also timed without
DELIVERY = ("ttml", "ebuttd", "scc", "stl")

# pysubs2 alone: the cues of our JSON as SubRip, WebVTT and ASS, in one process.
PYSUBS2_ALONE = """
import json, sys, pysubs2
data = json.load(open(sys.argv[1], encoding="utf-8"))
subs = pysubs2.SSAFile()
for cue in data["cues"]:
    subs.append(pysubs2.SSAEvent(start=round(cue["start"] * 1000), end=round(cue["end"] * 1000),
                                 text=r"\\N".join(cue["lines"])))
for ext in ("srt", "vtt", "ass"):
    subs.save(f"{sys.argv[2]}.{ext}")
"""


def median_seconds(command: list[str], runs: int) -> float:
    return interleaved({"": command}, runs)[""][0]


def interleaved(commands: dict[str, list[str]], runs: int) -> dict[str, tuple[float, float]]:
    """The median (wall, CPU) seconds of each command, run in turn, so that a shared machine's
    changing load falls on all of them alike. CPU time (user and system, of the process and
    its children) is what other users of the machine disturb least: ratios are taken on it."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
            times[name].append((wall, cpu))
    return {name: (statistics.median(w for w, _ in runs_), statistics.median(c for _, c in runs_))
            for name, runs_ in times.items()}


def reference_parts() -> tuple[list[str], list[str], str]:
    """The reference as (head: title, tags, intro), body paragraphs, and the closing stand-up."""
    lines = [line for line in REFERENCE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines[:3], lines[3:-1], lines[-1]


def long_script(words: int, rng: random.Random) -> str:
    """A report of about `words` words: the reference's body paragraphs over and over, shuffled."""
    head, body, standup = reference_parts()
    paragraphs, count = [], sum(len(p.split()) for p in head + [standup])
    while count < words:
        paragraph = rng.choice(body)
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return "\n".join(head + paragraphs + [standup]) + "\n"


def variant(rng: random.Random, number: int) -> str:
    """A report shaped like the reference: some of its body paragraphs, in another order."""
    head, body, standup = reference_parts()
    chosen = rng.sample(body, rng.randint(3, len(body)))
    title = f"{head[0]} ({number})"
    return "\n".join([title, *head[1:], *chosen, standup]) + "\n"


def row(what: str, measured: str, aim: str, met: bool | None) -> str:
    mark = "" if met is None else ("yes" if met else "NO")
    return f"| {what} | {measured} | {aim} | {mark} |"


def profile_hour(text: str) -> None:
    import cProfile
    import pstats

    from broadcast.exporters import render_all
    from broadcast.pipeline import build_text
    from broadcast.profiles import load_profile
    from broadcast.reading import read_script

    profile = load_profile()
    profiler = cProfile.Profile()
    profiler.enable()
    render_all(build_text(read_script(text.encode()), profile))
    profiler.disable()
    stats = pstats.Stats(profiler)
    print("\nWhere an in-process build of the hour spends its time (by function, own time):")
    stats.sort_stats("tottime").print_stats(15)
    by_module: dict[str, float] = {}
    for (filename, _, _), (_, _, own, _, _) in stats.stats.items():
        key = filename.split("/broadcast/")[-1] if "/broadcast/" in filename else "(python and libraries)"
        by_module[key] = by_module.get(key, 0.0) + own
    print("By module (own time):")
    for module, seconds in sorted(by_module.items(), key=lambda kv: -kv[1])[:10]:
        print(f"  {seconds:7.3f} s  {module}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each command (the median is shown)")
    parser.add_argument("--batch", type=int, default=1000, help="scripts in the batch")
    parser.add_argument("--batch-runs", type=int, default=3, help="runs of the batch (the median is shown)")
    parser.add_argument("--profile", action="store_true", help="profile an in-process build of the hour")
    args = parser.parse_args()
    # An installed wheel has its bytecode compiled by pip. A checkout installed in editable
    # mode where PYTHONDONTWRITEBYTECODE is set would compile every module at every start
    # (~60 ms), which no user's installation does.
    compileall.compile_dir(ROOT / "broadcast", quiet=1)
    rng = random.Random(1)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        out = tmp / "out"

        helped = median_seconds(BROADCAST + ["--help"], args.runs)
        rows.append(row("`broadcast --help`", f"{helped:.3f} s", "< 0.15 s", helped < 0.15))

        built = median_seconds(BROADCAST + ["build", str(REFERENCE), "-o", str(out)], args.runs)
        rows.append(row("`broadcast build` of the reference", f"{built:.3f} s", "< 0.4 s", built < 0.4))

        hour = tmp / "hour.txt"
        hour.write_text(long_script(9000, rng), encoding="utf-8")
        two_hours = tmp / "two-hours.txt"
        two_hours.write_text(long_script(18000, rng), encoding="utf-8")
        hour_words = len(hour.read_text(encoding="utf-8").split())
        two_words = len(two_hours.read_text(encoding="utf-8").split())
        subprocess.run(BROADCAST + ["build", str(hour), "-o", str(out)], check=True, capture_output=True)
        alone = tmp / "subtitles_alone.py"
        alone.write_text(PYSUBS2_ALONE, encoding="utf-8")
        subtitles_only = [arg for name in ("srt", "vtt", "ass") for arg in ("--only", name)]
        files = len(exporters())
        without_delivery = [arg for name in exporters() if name not in DELIVERY for arg in ("--only", name)]
        timed = interleaved({
            "hour": BROADCAST + ["build", str(hour), "-o", str(out)],
            "hour's subtitles": BROADCAST + ["build", str(hour), "-o", str(tmp / "subtitles"), *subtitles_only],
            "hour without delivery": BROADCAST + ["build", str(hour), "-o", str(tmp / "nodelivery"),
                                                  *without_delivery],
            "two hours": BROADCAST + ["build", str(two_hours), "-o", str(tmp / "two")],
            "pysubs2": [sys.executable, str(alone), str(out / "hour.json"), str(tmp / "alone")],
        }, args.runs)
        (hour_time, hour_cpu), (subtitles_time, subtitles_cpu), (two_time, two_cpu), (pysubs2_time, pysubs2_cpu) = \
            timed["hour"], timed["hour's subtitles"], timed["two hours"], timed["pysubs2"]
        bare_time, bare_cpu = timed["hour without delivery"]
        rows.append(row(f"build of one hour ({hour_words:,} words)", f"{hour_time:.3f} s ({hour_cpu:.3f} s CPU)",
                        "< 1 s", hour_time < 1))

        cues = len(json.loads((out / "hour.json").read_text(encoding="utf-8"))["cues"])
        ratio = hour_cpu / pysubs2_cpu
        rows.append(row(f"pysubs2 alone writing its {cues:,} cues (SRT, WebVTT, ASS)",
                        f"{pysubs2_time:.3f} s ({pysubs2_cpu:.3f} s CPU)", "", None))
        rows.append(row(f"the hour's build ({files} files) against pysubs2 alone (CPU)", f"{ratio:.1f}x", "<= 3x",
                        ratio <= 3))
        rows.append(row(f"the hour without the delivery formats ({', '.join(DELIVERY)})",
                        f"{bare_time:.3f} s ({bare_cpu:.3f} s CPU); they add {hour_cpu - bare_cpu:.3f} s CPU",
                        "", None))
        same = subtitles_cpu / pysubs2_cpu
        rows.append(row("the hour's build of the same three files (`--only srt --only vtt --only ass`) "
                        "against pysubs2 alone (CPU)",
                        f"{subtitles_time:.3f} s ({subtitles_cpu:.3f} s CPU), {same:.1f}x", "<= 3x", same <= 3))

        growth = two_cpu / hour_cpu
        rows.append(row(f"two hours ({two_words:,} words) against one (CPU)",
                        f"{two_time:.3f} s ({two_cpu:.3f} s CPU), {growth:.2f}x", "<= 2.1x", growth <= 2.1))

        scripts = tmp / "scripts"
        scripts.mkdir()
        for i in range(args.batch):
            (scripts / f"report-{i:04d}.txt").write_text(variant(rng, i), encoding="utf-8")
        def batch_rate(out_dir: Path) -> tuple[float, float]:
            """(scripts a second, seconds): the median of the batch's runs into out_dir."""
            times = []
            for run in range(args.batch_runs):
                started = time.perf_counter()
                subprocess.run(BROADCAST + ["build", str(scripts), "-o", str(out_dir / f"batch{run}"), "--jobs", "2"],
                               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                times.append(time.perf_counter() - started)
            return args.batch / statistics.median(times), statistics.median(times)

        rate, batch_time = batch_rate(tmp)
        rows.append(row(f"batch of {args.batch:,} scripts, `--jobs 2`", f"{rate:.0f} scripts/s ({batch_time:.1f} s)",
                        "100 scripts/s", rate >= 100))
        # The same batch into memory: what the build costs without the disk's share of writing
        # 10,000 files (which varies with the disk and its other users).
        if Path("/dev/shm").is_dir():
            with tempfile.TemporaryDirectory(dir="/dev/shm") as memory:
                rate, batch_time = batch_rate(Path(memory))
            rows.append(row("the same batch written to memory (`/dev/shm`)",
                            f"{rate:.0f} scripts/s ({batch_time:.1f} s)", "", None))

        print(f"Whole processes, median of {args.runs} runs (the batch: of {args.batch_runs}), Python "
              f"{sys.version.split()[0]}\n")
        print("| measure | measured | aim | met |\n|---|---|---|---|")
        print("\n".join(rows))
        if args.profile:
            profile_hour(hour.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
