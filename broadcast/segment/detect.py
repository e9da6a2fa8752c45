"""Detect: which convention explains a script best, by how much, and why.

Each convention weighs the evidence it knows (bracketed notes and labelled directions for
production scripts, capitals supers for web transcripts, shot lines for agency feeds, turn
labels for broadcast transcripts). The header and the page around the script are set aside
first, so a `HEADLINE:` / `BYLINE:` block is never taken for speaker turns. A close call, or
strong evidence for two conventions at once, is said in a warning naming both."""

from __future__ import annotations

from dataclasses import dataclass

from broadcast.segment import agency, newsroom, production, transcript, web
from broadcast.segment.lexer import Token, TokenKind

#: the second convention's evidence, as a share of the first's, from which the choice is in doubt
DOUBT = 0.6
#: evidence too slight to count as a second convention
SLIGHT = 4.0
#: conventions read by the same token state machine
SHARED_ASSEMBLER = ("production", "newsroom")


@dataclass(frozen=True)
class Detection:
    convention: str
    scores: dict[str, float]
    reasons: tuple[str, ...]
    #: (best - second) / best: 1 when nothing else fits, near 0 when two fit alike
    margin: float
    warnings: tuple[str, ...] = ()

    @property
    def doubtful(self) -> bool:
        return bool(self.warnings)


#: tokens that are never speech in any convention: blanked before a reader weighs the rest
_NEVER_SPOKEN = (TokenKind.METADATA, TokenKind.CLUTTER, TokenKind.SUPER, TokenKind.CUE, TokenKind.SHOT)


def body(script: str, tokens: list[Token]) -> str:
    """The script with its header fields, page clutter, super, cue and shot lines blanked
    (offsets kept)."""
    chars = list(script)
    for t in tokens:
        if t.kind in _NEVER_SPOKEN:
            for i in range(*t.span):
                if chars[i] != "\n":
                    chars[i] = " "
    return "".join(chars)


def detect(script: str, tokens: list[Token]) -> Detection:
    text = body(script, tokens)
    made, made_reasons = production.score(tokens)
    labelled, labelled_reasons = newsroom.score(tokens)
    scores = {
        "production": made,
        "newsroom": labelled,
        "web": web.score(text, tokens),
        "agency": agency.score(tokens),
        "transcript": transcript.score(tokens),
    }
    reasons = {"production": made_reasons, "newsroom": labelled_reasons,
               "web": ["capitals supers before quoted bites"],
               "agency": ["shot lines, SOUNDBITE lines and datelines"],
               "transcript": ["NAME: turn labels"]}
    ranked = sorted(scores, key=lambda k: -scores[k])
    best, second = ranked[0], ranked[1]
    margin = (scores[best] - scores[second]) / scores[best] if scores[best] else 0.0
    warnings = []
    # Production and newsroom layouts share one state machine: a mix of the two is no doubt.
    shared = {best, second} <= set(SHARED_ASSEMBLER)
    if scores[second] >= SLIGHT and scores[second] >= DOUBT * scores[best] and not shared:
        warnings.append(
            f"the script reads as the {best} convention ({'; '.join(reasons[best]) or 'evidence'}, "
            f"{scores[best]:g}) but also as {second} ({'; '.join(reasons[second])}, {scores[second]:g}); "
            f"check the result, or pass --convention")
    return Detection(best, scores, tuple(reasons[best]), round(margin, 3), tuple(warnings))
