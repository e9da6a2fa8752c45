"""Growth on adversarial input: how the time of a build grows with the size of a hostile
shape, which should be linear (the ratio about 2 for each doubling).

    python benchmarks/adversarial.py [--sizes 5 10 20 40] [--only NAME ...]

Each shape in `SHAPES` makes an input of about N KB and names the work it stresses; its
time is the best of three in-process runs of that work, so start-up is not counted. The
table prints the seconds for each size and, last, the growth from the smallest to the
largest size over the growth of the size itself (1.0 is linear, 2.0 at 8x the size is
quadratic-ish, and so on). Adding a shape is adding a row to `SHAPES`.
"""

from __future__ import annotations

import argparse
import json
import random
import string
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from broadcast.captions import break_paragraph  # noqa: E402
from broadcast.errors import UnusableInput  # noqa: E402
from broadcast.exporters import render_set  # noqa: E402
from broadcast.pipeline import build_text  # noqa: E402
from broadcast.profiles import load_profile  # noqa: E402
from broadcast.reading import read_script  # noqa: E402

PROFILE = load_profile("broadcast")
SENTENCE = ("The leaders met in Sochi and agreed to convene a congress of the Syrian people, "
            "said the minister, who spoke after the talks. ")


def _script(body: str) -> str:
    return f"Syria talks resume\n[Syria, Russia]\n{body}\n"


def _paragraphs(nbytes: int) -> str:
    """Ordinary narration of about `nbytes`, a paragraph every four sentences."""
    count = max(1, nbytes // len(SENTENCE))
    return "\n".join(SENTENCE * 4 for _ in range(max(1, count // 4)))


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



def _words_of(text: str) -> list[str]:
    return text.split()


# --- the work each kind of shape stresses ---------------------------------------------------

def build(data: bytes, timings: bytes | None = None) -> None:
    """Read, segment, time and caption a script, and render every deliverable in memory."""
    options = {"timings": timings} if timings is not None else {}
    render_set(build_text(read_script(data), PROFILE, **options))


def break_words(words: list[str], max_chars: int = 100, max_lines: int = 4) -> None:
    """`broadcast break` at the largest options a subtitle allows."""
    break_paragraph(words, max_chars, max_lines)


# --- shapes ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Shape:
    name: str
    #: what the shape stresses, in a few words
    stresses: str
    #: the work to time, given the input the maker made for a size in bytes
    make: Callable[[int], Callable[[], None]]


def _timed_words(text: str, spacing: Callable[[int, int], float]) -> bytes:
    """WhisperX word timings for the script's words: word k of n starts at spacing(k, n) s."""
    words = _words_of(text)
    entries = [{"word": w, "start": spacing(k, len(words)), "end": spacing(k, len(words)) + 0.2}
               for k, w in enumerate(words)]
    return json.dumps({"word_segments": entries}).encode()


def _with_timings(spacing: Callable[[int, int], float], garble: bool = False):
    def make(nbytes: int) -> Callable[[], None]:
        body = _paragraphs(nbytes)
        spoken = body
        if garble:  # every other word misheard: the fuzzy alignment works between anchors
            spoken = " ".join(w if k % 2 else w[::-1] + "x" for k, w in enumerate(body.split()))
        timings = _timed_words(_script(spoken), spacing)
        data = _script(body).encode()
        return lambda: build(data, timings)
    return make


def _building(script_of: Callable[[int], str]):
    """A whole build of the script a maker writes (a script the tool refuses counts with the
    time it took to refuse it)."""
    def make(nbytes: int) -> Callable[[], None]:
        data = script_of(nbytes).encode()

        def work() -> None:
            try:
                build(data)
            except UnusableInput:
                pass
        return work
    return make


def _break(words_of: Callable[[int], list[str]]):
    def make(nbytes: int) -> Callable[[], None]:
        words = words_of(nbytes)
        return lambda: break_words(words)
    return make


def _reading(encode: Callable[[int], bytes]):
    def make(nbytes: int) -> Callable[[], None]:
        data = encode(nbytes)
        return lambda: read_script(data)
    return make


def _stray_bytes(nbytes: int) -> bytes:
    """UTF-8 with a Windows-1252 byte in every sentence: each repaired where it is."""
    text = _paragraphs(nbytes).replace("Sochi", "Soch\u00ed")
    return text.encode().replace("\u00ed".encode(), b"\xed")[: nbytes * 2]


def _cyrillic_in_english(nbytes: int) -> bytes:
    text = _paragraphs(nbytes).replace("Sochi", "\u0421\u043e\u0447\u0438")
    return text.encode("cp1251")


SHAPES: list[Shape] = [
    Shape("plain narration", "the baseline: an ordinary script",
          lambda n: (lambda data=_script(_paragraphs(n)).encode(): build(data))),
    Shape("timings spread over a day", "cue timing across 23 hours of silence",
          _with_timings(lambda k, n: k * 23 * 3600 / max(1, n))),
    Shape("timings all at one instant", "every word at the same time",
          _with_timings(lambda k, n: 5.0)),
    Shape("timings half misheard", "fuzzy alignment between exact matches",
          _with_timings(lambda k, n: k * 0.4, garble=True)),
    Shape("break one paragraph 100x4", "the breaker at the largest options",
          _break(lambda n: _words_of(_paragraphs(n)))),
    Shape("break one long token", "a word longer than any line, repeated",
          _break(lambda n: ["X" * 150] * max(1, n // 151))),
    Shape("break no spaces at all", "one token of the whole size",
          _break(lambda n: ["y" * n])),
    Shape("reading stray bytes", "UTF-8 with a Windows-1252 byte in each sentence",
          _reading(_stray_bytes)),
    Shape("reading cp1251 in English", "choosing the code page by coherence",
          _reading(_cyrillic_in_english)),
    Shape("DO NOT PUBLISH repeated", "marks read word by word, then the name",
          _building(dnp_repeated)),
    Shape("DO NOT PUBLISH, no name", "the same, refused", _building(dnp_repeated_alone)),
    Shape("many marked names", "a mark line for each of many names", _building(dnp_many_names)),
    Shape("one name in every form", "initials, handles, possessives all through",
          _building(name_mentions)),
    Shape("one long handle", "a run with no space that names are looked for in",
          _building(one_long_handle)),
    Shape("mark words in sentences", "mark-like words read as words", _building(mark_words_in_a_line)),
    Shape("long capitals token", "one word of capitals in an intro", _building(long_capitals_token)),
    Shape("copy opened, never closed", "[[ repeated", _building(copy_opened_repeated)),
    Shape("notes opened, never closed", "(( repeated, on one line and many", _building(notes_opened_repeated)),
    Shape("many labelled blocks", "a newsroom layout of TRACK / SOT / CG", _building(many_labelled_lines)),
]


def best_of(work: Callable[[], None], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[5, 10, 20, 40], metavar="KB")
    p.add_argument("--only", nargs="+", metavar="NAME", help="shapes whose name contains this")
    args = p.parse_args(argv)
    shapes = [s for s in SHAPES if not args.only or any(o in s.name for o in args.only)]
    sizes = sorted(args.sizes)
    header = f"{'shape':30} " + " ".join(f"{size:>6} KB" for size in sizes) + "   growth"
    print(header)
    print("-" * len(header))
    for shape in shapes:
        seconds = [best_of(shape.make(size * 1000)) for size in sizes]
        # growth of the time over growth of the size: 1.0 linear, more is worse than linear
        growth = (seconds[-1] / seconds[0]) / (sizes[-1] / sizes[0]) if seconds[0] > 0 else float("nan")
        print(f"{shape.name:30} " + " ".join(f"{s:8.3f} s" for s in seconds) + f"   {growth:5.2f}"
              f"   ({shape.stresses})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
