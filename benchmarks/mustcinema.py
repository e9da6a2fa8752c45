"""How the line breaker compares with human subtitlers: the MuST-Cinema "amara" test set.

Reads ../shared/data/mustcinema/amara.en (beside the checkout; never copied into it), takes
the words of each sentence, breaks them at 42 characters and two lines as `broadcast break`
does, and prints break F1 (any break, <eob>, <eol>; Alvarez et al. 2016, as EvalSubtitle
computes it), Sigma (Karakanta et al. 2022) and the share of subtitles within the limits,
beside the baselines in the data's README.

Sigma needs sacrebleu (`pip install -e '.[bench]'`).

    python3 benchmarks/mustcinema.py [PATH/TO/amara.en]
"""

from __future__ import annotations

import re
import sys
import time
from math import exp, log
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "mustcinema" / "amara.en"
EOL, EOB = "<eol>", "<eob>"
MAX_CHARS, MAX_LINES = 42, 2

#: the README's figures: (F1 any, F1 <eob>, F1 <eol>, Sigma)
BASELINES = {
    "fill each line to 42 characters": (42.0, 56.8, 6.7, 65.2),
    "balanced two-line split (Subtitle Edit)": (46.1, 56.7, 15.9, 68.1),
    "punctuation and function-word rules": (70.9, 75.8, 39.9, 80.6),
}
PUBLISHED = "81.5-89.2"
#: the breaker's aim, at every subtitle within the limits
SIGMA_AIM = 86.0


def _vector(line: str, symbol: str) -> list[int]:
    """For each word, whether the symbol follows it (EvalSubtitle's get_vectors)."""
    marks = []
    for token in line.split():
        if token == symbol:
            marks[-1] = 1
        elif token not in (EOL, EOB):
            marks.append(0)
    return marks


def break_f1(refs: list[str], hyps: list[str], kind: str) -> float:
    """F1 of break positions: kind is "any", EOB or EOL (the other kind of mark is ignored)."""
    def prepare(line: str) -> str:
        if kind == "any":
            return line.replace(EOL, "<eox>").replace(EOB, "<eox>")
        other = EOL if kind == EOB else EOB
        return " ".join(t for t in line.split() if t != other)

    symbol = "<eox>" if kind == "any" else kind
    correct = in_ref = in_hyp = 0
    for ref, hyp in zip(refs, hyps, strict=True):
        r, h = _vector(prepare(ref), symbol), _vector(prepare(hyp), symbol)
        in_ref += sum(r)
        in_hyp += sum(h)
        correct += sum(a and b for a, b in zip(r, h))
    if not correct:
        return 0.0
    precision, recall = correct / in_hyp, correct / in_ref
    return 100 * 2 * precision * recall / (precision + recall)


_LINE_HOLDER, _CAPTION_HOLDER = "\u00b5", "\u00a7"  # EvalSubtitle's one-character stand-ins


def _sigma_side(lines: list[str]) -> tuple[float, list[str], list[str]]:
    """EvalSubtitle's sigma_preprocess on in-memory lines: (alpha, plain, with boundaries)."""
    from sacrebleu.tokenizers.tokenizer_13a import Tokenizer13a
    text = re.sub(r" {2,}", " ", "\n".join(lines) + "\n")
    text = re.sub(r"\n ", "\n", text)
    text = re.sub(rf"( )?({EOL}|{EOB})( )?", r"\2", text)
    text = text.replace(EOL, _LINE_HOLDER).replace(EOB, _CAPTION_HOLDER)
    boundaries = len(re.findall(f"{_LINE_HOLDER}|{_CAPTION_HOLDER}", text))
    plain = re.sub(r" {2,}", " ", re.sub(f"{_LINE_HOLDER}|{_CAPTION_HOLDER}", " ", text))
    words = len(re.findall(rf"[^ {_LINE_HOLDER}{_CAPTION_HOLDER}\r\n]+", Tokenizer13a()(plain)))
    tagged = re.sub(r" {2,}", " ", re.sub(f"({_LINE_HOLDER}|{_CAPTION_HOLDER})", r" \1 ", text))
    return (boundaries / words, [s.strip() for s in plain.splitlines()],
            [s.strip() for s in tagged.splitlines()])


def sigma(refs: list[str], hyps: list[str]) -> float:
    """Sigma: BLEU with breaks as tokens, over the best it could be for these words."""
    from sacrebleu.metrics import BLEU
    _, ref_plain, ref_tagged = _sigma_side(refs)
    alpha, hyp_plain, hyp_tagged = _sigma_side(hyps)
    bleu = BLEU()
    p1, p2, p3, p4 = bleu.corpus_score(hyp_plain, [ref_plain]).precisions
    with_breaks = bleu.corpus_score(hyp_tagged, [ref_tagged])
    upper = [
        (p1 + alpha * 100) / (1 + alpha),
        ((1 - alpha) * p2 + 2 * alpha * p1) / (1 + alpha),
        ((1 - 2 * alpha) * p3 + 3 * alpha * p2) / (1 + alpha),
        ((1 - 3 * alpha) * p4 + 4 * alpha * p3) / (1 + alpha),
    ]
    bound = with_breaks.bp * exp(sum(log(p) for p in upper) / 4)
    return 100 * with_breaks.score / bound


def within_limits(hyps: list[str], max_chars: int = MAX_CHARS, max_lines: int = MAX_LINES) -> float:
    """The share of subtitles whose lines all fit and that have no more lines than allowed."""
    subtitles = [s for line in hyps for s in line.split(EOB) if s.strip()]
    ok = sum(1 for s in subtitles if len(s.split(EOL)) <= max_lines
             and all(len(part.strip()) <= max_chars for part in s.split(EOL)))
    return 100 * ok / len(subtitles)


def mark(events: list[list[str]]) -> str:
    """Events of lines in the MuST-Cinema notation, as `broadcast break` prints them."""
    return " ".join(f" {EOL} ".join(lines) + f" {EOB}" for lines in events)


def fill(words: list[str]) -> list[list[str]]:
    """The first baseline, measured here to check the metrics against the README."""
    events, lines, line = [], [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > MAX_CHARS:
            lines.append(line)
            line = ""
            if len(lines) == MAX_LINES:
                events.append(lines)
                lines = []
        line = f"{line} {word}".strip()
    events.append(lines + [line])
    return events


def scores(refs: list[str], hyps: list[str]) -> tuple[float, ...]:
    return (break_f1(refs, hyps, "any"), break_f1(refs, hyps, EOB), break_f1(refs, hyps, EOL),
            sigma(refs, hyps), within_limits(hyps))


def main(argv: list[str]) -> int:
    from broadcast.captions import break_paragraph
    path = Path(argv[0]) if argv else DATA
    if not path.is_file():
        print(f"no test set at {path}", file=sys.stderr)
        return 2
    refs = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    sentences = [[t for t in ref.split() if t not in (EOL, EOB)] for ref in refs]
    began = time.perf_counter()
    ours = [mark(break_paragraph(words, MAX_CHARS, MAX_LINES)) for words in sentences]
    elapsed = time.perf_counter() - began
    filled = [mark(fill(words)) for words in sentences]

    row = "{:<44} {:>6} {:>6} {:>6} {:>6} {:>8}"
    print(f"MuST-Cinema amara.en: {len(refs)} sentences, {MAX_CHARS} characters, {MAX_LINES} lines")
    print(row.format("system", "F1 any", "<eob>", "<eol>", "Sigma", "in limits"))
    for name, figures in BASELINES.items():
        print(row.format(name + " (README)", *(f"{f:.1f}" for f in figures), "100%"))
    print(row.format("published end-to-end systems (README)", "", "", "", PUBLISHED, ""))
    *f, limits = scores(refs, filled)
    print(row.format("fill to 42 (measured here, checks the metrics)", *(f"{x:.1f}" for x in f), f"{limits:.1f}%"))
    *f, limits = scores(refs, ours)
    print(row.format("broadcast break", *(f"{x:.1f}" for x in f), f"{limits:.1f}%"))
    halves = [scores(refs[k::2], ours[k::2])[3] for k in (0, 1)]
    print(f"Sigma on the odd and even sentences apart: {halves[0]:.1f}, {halves[1]:.1f} "
          f"(aim {SIGMA_AIM:g} at 100% within the limits)")
    print(f"broke {len(sentences)} sentences in {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
