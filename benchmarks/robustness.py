"""Reading real scripts as other desks would type them: the labelled production scripts beside
the checkout, each rewritten by a change that leaves every spoken word and speaker as it was,
judged against the same labels.

    python3 benchmarks/robustness.py [DIR]

The rules were written with these 51 scripts in view; the scripts that judge the work are
others of the same kind. A rule tuned to a file breaks when the file changes its dress, so
each variation below is one a newsroom system or a writer makes every day: other spellings of
the directions, notes in lower case or with spaces inside the brackets, Windows line ends, a
blank line between every line, page headers and footers printed into the text, prose
hard-wrapped at 64 columns, no byline in the header; and three a desk's own habits make:
notes in single brackets, the anchor's copy without its square brackets, the whole script in
capitals (speakers are then judged on the case the reading infers). Each row is the judge's figures over the
whole set under one variation; the first row is the scripts as they are.
"""

from __future__ import annotations

import re
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def _respell(pattern: str, spellings: tuple[str, ...]) -> Callable[[str], str]:
    """Each match of `pattern` (a whole note) in turn as the next of `spellings`."""
    def rewrite(text: str) -> str:
        count = iter(range(10**6))
        return re.sub(pattern, lambda m: spellings[next(count) % len(spellings)], text)
    return rewrite


def _lower_directions(text: str) -> str:
    return re.sub(r"\(\((INTRO|NARRATOR|NARRATION|STANDUP|SIGNOFF|TAKE SOT)(:?)\)\)",
                  lambda m: f"(({m.group(1).lower()}{m.group(2)}))", text)


def _spaced_brackets(text: str) -> str:
    return re.sub(r"\(\(([^()\n]{1,60})\)\)", r"(( \1 ))", text)


def _blank_between(text: str) -> str:
    return "\n\n".join(text.split("\n"))


def _page_clutter(text: str) -> str:
    """A printed page's header on top and its footer after every twelfth line."""
    lines = text.split("\n")
    out = ["Page 1 of 2", "Printed: 3/4/2022 10:12 AM"]
    for i, line in enumerate(lines, 1):
        out.append(line)
        if i % 12 == 0 and line.strip() and not re.search(r"\(\([^)]*$|\[\[[^\]]*$", line):
            out.append(f"Page {i // 12 + 1} of 2")
    return "\n".join(out)


def _wrapped(text: str) -> str:
    """Lines of prose outside notes hard-wrapped at 64 columns (a note stays whole)."""
    out = []
    for line in text.split("\n"):
        if "((" in line or "))" in line or len(line) <= 64:
            out.append(line)
        else:
            out.extend(textwrap.wrap(line, 64, break_long_words=False, break_on_hyphens=False))
    return "\n".join(out)


def _single_brackets(text: str) -> str:
    return re.sub(r"\(\(([^()\n]{1,80})\)\)", r"(\1)", text)


def _bare_copy(text: str) -> str:
    """The anchor's copy without its double square brackets."""
    return re.sub(r"\[\[(.*?)\]\]", r"\1", text, flags=re.S)


def _no_byline(text: str) -> str:
    return re.sub(r"(?m)^BYLINE:[^\n]*\n", "", text)


VARIATIONS: dict[str, Callable[[str], str]] = {
    "as typed": lambda text: text,
    "NARRATION, TRACK for NARRATOR": _respell(r"\(\(NARRATOR\)\)", ("((NARRATION))", "((TRACK))")),
    "TV INTRO, INTRO: for INTRO": _respell(r"\(\(INTRO\)\)", ("((TV INTRO))", "((INTRO:))")),
    "directions in lower case": _lower_directions,
    "spaces inside brackets": _spaced_brackets,
    "Windows line ends": lambda text: text.replace("\n", "\r\n"),
    "a blank line between lines": _blank_between,
    "page headers and footers": _page_clutter,
    "prose wrapped at 64 columns": _wrapped,
    "no byline": _no_byline,
    "notes in single brackets": _single_brackets,
    "copy without [[ ]]": _bare_copy,
    "all in capitals": str.upper,
}


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else SHARED / "data" / "scripts"
    if not folder.is_dir():
        print(f"no labelled scripts at {folder}", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(SHARED / "eval"))
    import json

    from segjudge import judge

    from broadcast.errors import UnusableInput
    from broadcast.exporters.json import report_dict
    from broadcast.reading import read_script
    from broadcast.segment import segment

    pairs = [(path, json.loads(path.with_name(path.stem + ".labels.json").read_text(encoding="utf-8")))
             for path in sorted(folder.glob("*.txt")) if path.with_name(path.stem + ".labels.json").exists()]
    print(f"{len(pairs)} labelled scripts, each under every variation\n")
    print("| variation | kind accuracy | missing | extra | speakers exact | perfect |")
    print("|---|---|---|---|---|---|")
    for name, vary in VARIATIONS.items():
        words = same = missing = extra = speakers = speakers_ok = perfect = 0
        for path, labels in pairs:
            text = read_script(vary(read_script(path.read_bytes())).encode("utf-8"))
            try:
                predicted = report_dict(segment(text))
            except UnusableInput:  # nothing read as speech: every word missing
                predicted = {"segments": []}
            result = judge(labels, predicted)
            words += result["words"]
            same += result["same_kind"]
            missing += result["missing"]
            extra += result["extra"]
            speakers += result["speakers"]
            speakers_ok += result["speakers_ok"]
            perfect += result["same_kind"] == result["words"] and not result["extra"] and not result["misses"]
        print(f"| {name} | {same / max(1, words):.1%} | {missing} | {extra} | {speakers_ok}/{speakers} | "
              f"{perfect}/{len(pairs)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
