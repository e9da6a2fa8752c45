"""The MuST-Cinema measurement: the metrics as EvalSubtitle computes them, and the bar.

The test set stays beside the checkout (../shared/data/mustcinema), never in it."""

from __future__ import annotations

import pytest

from tests.conftest import SHARED

pytest.importorskip("sacrebleu")
mustcinema = pytest.importorskip("benchmarks.mustcinema")

DATA = SHARED / "mustcinema" / "amara.en"
SAMPLE = [
    "The kind of harassment that women <eol> face in Pakistan is very serious <eob> and leads to "
    "sometimes deadly outcomes. <eob>",
    "It's a form of oppression. <eob>",
    "Let me say this very clearly: <eob> it's not honor; <eob> it's a cold-blooded murder. <eob>",
]


def test_a_segmentation_scores_full_marks_against_itself():
    for kind in ("any", "<eob>", "<eol>"):
        assert mustcinema.break_f1(SAMPLE, SAMPLE, kind) == pytest.approx(100)
    assert mustcinema.sigma(SAMPLE, SAMPLE) == pytest.approx(100)


def test_a_different_segmentation_scores_less():
    other = [s.replace(" <eol>", "") for s in SAMPLE]
    assert mustcinema.break_f1(SAMPLE, other, "<eol>") == 0
    assert mustcinema.break_f1(SAMPLE, other, "<eob>") == pytest.approx(100)
    assert mustcinema.sigma(SAMPLE, other) < 100


@pytest.fixture(scope="module")
def amara():
    if not DATA.exists():
        pytest.skip("MuST-Cinema test set not beside the checkout")
    refs = [line.strip() for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    sentences = [[t for t in ref.split() if t not in ("<eol>", "<eob>")] for ref in refs]
    return refs, sentences


def test_the_metrics_reproduce_the_readmes_fill_baseline(amara):
    refs, sentences = amara
    filled = [mustcinema.mark(mustcinema.fill(words)) for words in sentences]
    f1_any, f1_eob, f1_eol, sigma, _ = mustcinema.scores(refs, filled)
    assert (round(f1_any, 1), round(f1_eob, 1), round(f1_eol, 1), round(sigma, 1)) == \
        mustcinema.BASELINES["fill each line to 42 characters"]


def test_the_breaker_beats_the_best_rule_baseline_within_the_limits(amara):
    from broadcast.captions import break_paragraph
    refs, sentences = amara
    ours = [mustcinema.mark(break_paragraph(words, 42, 2)) for words in sentences]
    *_, sigma, within = mustcinema.scores(refs, ours)
    assert within == 100
    assert sigma > mustcinema.BASELINES["punctuation and function-word rules"][3]
    assert sigma >= mustcinema.SIGMA_AIM
