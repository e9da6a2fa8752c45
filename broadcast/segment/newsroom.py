"""The labelled layouts local, network and UK newsrooms type:

    SLUG: PAIPORTA CLEANUP      REPORTER: Marcus Bell      PKG TRT: 1:52
    (CAM 2 -- RACHEL)
    ANCHOR:            copy the anchor reads          PRESENTER (IN VISION):
    TAKE PKG / VT
    TRACK 1:           the reporter's voice track      VO:
    SOT: CARMEN RUIZ, PAIPORTA RESIDENT                SYNC / VOX 1
    CG: Carmen Ruiz / Paiporta Resident                ASTON: Name / Title
    "The bite." (:09)
    STANDUP: / PTC     SIGNOFF:      ANCHOR TAG: / BACK ANNO:      ## / -30- / ENDS

Labels and directions are the same tokens as a production script's bracketed notes, so the
same state machine assembles both (`production.assemble`); this module only weighs the
evidence that a script is laid out this way.
"""

from __future__ import annotations

from broadcast.segment.lexer import Token
from broadcast.segment.production import assemble

NAME = "newsroom"

#: lexer rules that only this layout makes
_RULES = ("line_label", "line_mode", "line_super", "line_cue", "line_two_column", "line_shot", "note_camera")


def score(tokens: list[Token]) -> tuple[float, list[str]]:
    labels = sum(1 for t in tokens if t.rule in _RULES and t.span[0] == t.inner[0] or t.rule == "line_label")
    return 1.5 * labels, [f"{labels} labelled directions (ANCHOR:, TRACK:, SOT:, CG:, PTC ...)"] if labels else []


__all__ = ["NAME", "score", "assemble"]
