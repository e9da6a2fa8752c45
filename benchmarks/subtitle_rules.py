"""What a subtitler checks in the subtitles of real scripts, counted over the examples
(`examples/*.txt`), the reference and the scripts beside the checkout
(../shared/data/syria-peace-process.txt, ../shared/data/scripts/*.txt), built with the
broadcast profile as `broadcast build` builds them:

- list splits: a subtitle ending inside a list ("Russia, Turkey | and Iran"); aim 0;
- binding ends: a subtitle ending on a word that binds to the next (an article, a
  preposition, a verb before its particle, a name's first part...); aim at most 1%;
- short orphans: a subtitle of three words or under a second that is not a whole
  sentence (the tail or head of a sentence left alone on screen); aim at most 2%;
- every spoken word in order (the sign-off as heard).

    python3 benchmarks/subtitle_rules.py [SCRIPT.txt ...]
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
#: the aims of the issue, as shares of subtitles
AIMS = {"list splits": 0, "binding ends": 0.01, "short orphans": 0.02}
SHORT_WORDS, SHORT_MS = 3, 1000


@dataclass
class Tally:
    scripts: int = 0
    subtitles: int = 0
    list_splits: int = 0
    binding_ends: int = 0
    short_orphans: int = 0
    words_out_of_order: int = 0


def default_scripts() -> list[Path]:
    return [*sorted((ROOT / "examples").glob("*.txt")), SHARED / "syria-peace-process.txt",
            *sorted((SHARED / "scripts").glob("*.txt"))]


def tally_build(build, tally: Tally, examples: dict[str, list[str]]) -> None:
    """Count one build's subtitles against the rules."""
    from broadcast.captions import heard_words
    from broadcast.linebreak import binds, list_spans, sentence_end
    by_segment: dict[int, list] = {}
    for cue in build.cues:
        by_segment.setdefault(cue.segment_index, []).append(cue)
    for index, timed in enumerate(build.timeline):
        words = heard_words(timed.segment, build.report.signoff)
        cues = by_segment.get(index, [])
        shown = [w for c in cues for w in c.text.split()]
        if shown != words:
            tally.words_out_of_order += 1
            continue
        ends, at = [], 0  # the index of each cue's last word in the segment
        for cue in cues:
            at += len(cue.text.split())
            ends.append(at - 1)
        lists = list_spans(words)
        starts = [0, *(e + 1 for e in ends[:-1])]
        for cue, first, last in zip(cues, starts, ends):
            tally.subtitles += 1
            inner = last < len(words) - 1
            if inner and any(a <= last < b - 1 for a, b in lists):
                tally.list_splits += 1
                examples["list splits"].append(f"{cue.text} | {words[last + 1]}")
            if inner and binds(words[last], words[last + 1]):
                tally.binding_ends += 1
                examples["binding ends"].append(f"{cue.text} | {words[last + 1]}")
            whole = (first == 0 or sentence_end(words[first - 1])) and (not inner or sentence_end(words[last]))
            if not whole and (last - first + 1 <= SHORT_WORDS or cue.duration < SHORT_MS):
                tally.short_orphans += 1
                examples["short orphans"].append(cue.text)


def main(argv: list[str]) -> int:
    from broadcast.cli import read_input
    from broadcast.pipeline import build_text
    from broadcast.profiles import load_profile
    paths = [Path(a) for a in argv] or default_scripts()
    profile = load_profile("broadcast")
    tally = Tally()
    examples: dict[str, list[str]] = {name: [] for name in AIMS}
    for path in paths:
        if not path.is_file():
            print(f"no script at {path}", file=sys.stderr)
            continue
        tally.scripts += 1
        tally_build(build_text(read_input(path), profile), tally, examples)
    n = max(tally.subtitles, 1)
    print(f"{tally.scripts} scripts, {tally.subtitles} subtitles (broadcast profile)")
    print(f"{'rule':<16} {'count':>6} {'share':>7} {'aim':>6}")
    for name, count in (("list splits", tally.list_splits), ("binding ends", tally.binding_ends),
                        ("short orphans", tally.short_orphans)):
        print(f"{name:<16} {count:>6} {100 * count / n:>6.2f}% {100 * AIMS[name]:>5.0f}%")
    print(f"segments whose subtitles lose or move a word: {tally.words_out_of_order}")
    if "-v" in sys.argv:
        for name, found in examples.items():
            for text in found:
                print(f"  {name}: {text}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main([a for a in sys.argv[1:] if a != "-v"]))
