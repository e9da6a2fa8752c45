"""Make a WhisperX word-timing file for a script, as speech recognition of a reading of it
would give: each voice at its own pace, pauses at commas, sentence ends and between
segments, and the recogniser's usual faults. Deterministic for a seed.

    python benchmarks/make_word_timings.py examples/syria-peace-process.txt \\
        -o examples/syria-peace-process.words.json

Faults, drawn per script word: about a tenth mis-recognised (a homophone or a one-letter
slip), numbers written the other way ("three" as "3", "1949" as "nineteen forty-nine"),
hyphenated words joined or split, a few words missed and a few fillers or stutters heard
that the script does not have, and some words left without times (as WhisperX leaves
digits, which its phoneme model cannot place). `simulate` also returns the true time of
every script word, which the tests compare the alignment against.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

import pyphen

from broadcast.align import spoken_units
from broadcast.model import ROLE, Report
from broadcast.reading import read_script
from broadcast.segment import segment
from broadcast.timing import number_words

#: words a minute of each voice, as spoken on air (anchors read fastest, translated
#: soundbites slowest)
PACE = {"anchor": 172, "correspondent": 162, "soundbite": 145}
SYLLABLES_PER_WORD = 1.5  # of English news copy
MIS_RECOGNISED, MISSED, FILLER, UNTIMED, NUMBER_SWAP, HYPHEN_CHANGE = 0.10, 0.03, 0.03, 0.04, 0.8, 0.5
HOMOPHONES = {
    "their": "there", "there": "their", "to": "too", "too": "to", "for": "four", "peace": "piece",
    "its": "it's", "it's": "its", "right": "write", "new": "knew", "which": "witch", "hour": "our",
    "by": "buy", "one": "won", "would": "wood", "whether": "weather", "here": "hear", "in": "and",
    "and": "an", "of": "a", "the": "a", "a": "the", "on": "in", "is": "was", "have": "had",
}
FILLERS = ("uh", "um", "the", "and")
_DIGITS = {" ".join(number_words(n)): n for n in range(0, 100)}
_TRAIL = re.compile(r"^(.*?)([^\w]*)$")

_dictionary = pyphen.Pyphen(lang="en_US")


def syllables(token: str) -> int:
    return sum(len(_dictionary.positions(w)) + 1 for w in spoken_units(token)) or 1


def speak(report: Report, rng: random.Random) -> list[tuple[int | None, str, int, int]]:
    """(script word index or None for a filler, word, start ms, end ms) of a reading."""
    out, t, k = [], 600, 0
    for n, seg in enumerate(report.segments):
        if n:
            t += rng.randint(650, 1300)  # a cut, or the next voice drawing breath
        ms_per_syllable = 60_000 / PACE[ROLE[seg.kind]] / SYLLABLES_PER_WORD * rng.uniform(0.93, 1.07)
        for token in seg.text.split():
            if rng.random() < FILLER:
                filler = rng.choice(FILLERS + (token.strip(",.;:!?\"'"),))  # a filler or a stutter
                out.append((None, filler, t, t + rng.randint(140, 260)))
                t = out[-1][3] + rng.randint(30, 90)
            weight = syllables(token) if len(token.strip(",.;:!?\"'")) > 3 else 0.6  # "a", "of": unstressed
            length = round(weight * ms_per_syllable * rng.uniform(0.85, 1.15)) + 40
            out.append((k, token, t, t + length))
            t += length
            t += (rng.randint(330, 700) if token[-1] in ".?!\"" else
                  rng.randint(140, 320) if token[-1] in ",;:" else rng.randint(5, 60))
            k += 1
    return out


def _slip(word: str, rng: random.Random) -> str:
    """A one-letter slip of a recogniser: a letter lost, doubled or changed."""
    if len(word) < 3:
        return word + rng.choice("sdn")
    i = rng.randrange(1, len(word))
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1:]
    if kind == 1:
        return word[:i] + word[i] + word[i:]
    vowels = "aeiouy"
    letter = rng.choice(vowels if word[i].lower() in vowels else "bcdfghklmnprstvz")
    return word[:i] + letter + word[i + 1:]


def _renumber(core: str) -> str | None:
    """A number written the other way, or None when `core` is not one."""
    if core.isdigit():
        value = int(core)
        if 1100 <= value <= 1999:
            head, tail = divmod(value, 100)
            return f"{' '.join(number_words(head))} {'-'.join(number_words(tail))}"
        return "-".join(number_words(value)) if value < 100 else None
    return str(_DIGITS[core.lower()]) if core.lower() in _DIGITS else None


def recognise(spoken, rng: random.Random) -> tuple[list[dict], dict[str, int]]:
    """WhisperX words for a reading, with the faults of recognition, and their counts."""
    counts = dict.fromkeys(("words", "mis-recognised", "numbers", "hyphens", "missed", "extra",
                            "untimed"), 0)
    words = []
    for index, token, start, end in spoken:
        core, trail = _TRAIL.match(token).groups()
        heard = [core]
        if index is None:
            counts["extra"] += 1
        elif rng.random() < MISSED:
            counts["missed"] += 1
            continue
        elif (number := _renumber(core)) is not None and rng.random() < NUMBER_SWAP:
            heard = number.split()
            counts["numbers"] += 1
        elif "-" in core.strip("-") and rng.random() < HYPHEN_CHANGE:
            parts = core.replace(".", "").split("-")
            heard = ["".join(parts)] if rng.random() < 0.5 else parts
            counts["hyphens"] += 1
        elif rng.random() < MIS_RECOGNISED:
            heard = [HOMOPHONES.get(core.lower()) or _slip(core, rng)]
            counts["mis-recognised"] += 1
        if rng.random() < 0.3:
            trail = ""  # the recogniser's punctuation is its own
        heard[-1] += trail
        share = (end - start) / sum(len(w) for w in heard)
        t = start
        for w in heard:
            entry = {"word": w}
            untimed = any(c.isdigit() for c in w) or rng.random() < UNTIMED
            if untimed:
                counts["untimed"] += 1
            else:
                entry |= {"start": round(t / 1000, 3), "end": round((t + len(w) * share) / 1000, 3),
                          "score": round(rng.uniform(0.45, 0.99), 3)}
            t += len(w) * share
            words.append(entry)
            counts["words"] += 1
    return words, counts


def whisperx(words: list[dict]) -> dict:
    """WhisperX's output: sentence segments with their words, and the flat word_segments."""
    segments, current = [], []
    for entry in words:
        current.append(entry)
        if entry["word"][-1] in ".?!":
            segments.append(current)
            current = []
    if current:
        segments.append(current)
    out = []
    for seg in segments:
        timed = [w for w in seg if "start" in w]
        out.append({"start": timed[0]["start"] if timed else None, "end": timed[-1]["end"] if timed else None,
                    "text": " " + " ".join(w["word"] for w in seg), "words": seg})
    return {"segments": out, "word_segments": [w for seg in segments for w in seg], "language": "en"}


def simulate(script: str, seed: int) -> tuple[dict, list[tuple[int, int]], dict[str, int]]:
    """A WhisperX document for a reading of `script`, the true (start, end) ms of each
    script word, and the count of each fault."""
    rng = random.Random(seed)
    spoken = speak(segment(script), rng)
    truth = [(start, end) for index, _, start, end in spoken if index is not None]
    words, counts = recognise(spoken, rng)
    return whisperx(words), truth, counts


def dumps(doc: dict) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("script", type=Path)
    p.add_argument("-o", "--output", type=Path, required=True)
    p.add_argument("--seed", type=int, default=6)
    args = p.parse_args(argv)
    doc, truth, counts = simulate(read_script(args.script.read_bytes()), args.seed)
    args.output.write_text(dumps(doc), encoding="utf-8")
    print(f"{args.output}: {len(truth)} script words read in {truth[-1][1] / 1000:.1f} s; "
          + ", ".join(f"{n} {name}" for name, n in counts.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
