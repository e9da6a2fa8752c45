"""Each lexer rule against its fixture (`tests/fixtures/rules/RULE.txt`): lines the rule must
claim (`+ `) and lines it must pass on (`- `), each tried on the rule alone, as mistune keeps a
fixture per rule. Note rules see the text inside `(( ))`."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadcast.reading import read_script
from broadcast.segment import lexer

RULES = Path(__file__).parent / "fixtures" / "rules"
REGISTRY = dict(lexer.NOTE_RULES) | dict(lexer.LINE_RULES)


def _cases():
    for path in sorted(RULES.glob("*.txt")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line[:2] in ("+ ", "- "):
                yield pytest.param(path.stem, line[0] == "+", line[2:], id=f"{path.stem}:{number}")


def _claims(rule: str, text: str) -> bool:
    text = read_script(text.encode())
    if rule.startswith("note_"):
        script = f"(({text}))"
        piece = lexer._Piece("note", (0, len(script)), (2, len(script) - 2))
    else:
        script = text
        piece = lexer._Piece("line", (0, len(script)), (0, len(script)))
    return REGISTRY[rule](script, piece, 1) is not None


@pytest.mark.parametrize("rule, claims, text", list(_cases()))
def test_rule_fixture(rule, claims, text):
    assert _claims(rule, text) is claims, f"{rule} {'should' if claims else 'should not'} claim {text!r}"


def test_every_rule_has_a_fixture():
    missing = [name for name in REGISTRY if name != "line_prose" and not (RULES / f"{name}.txt").exists()]
    assert not missing


def test_every_piece_is_one_token_at_least_and_spans_cover_the_script():
    script = ("Transcript/Script((PLAYBOOK SLUG: X HEADLINE: Y))\n((INTRO: The copy starts ]]\n"
              "((Zoom)\n(English, 12 secs)) \"A bite.\" (:09)\nWords **a note** more.\n")
    tokens = lexer.lex(script)
    covered = set()
    for t in tokens:
        covered.update(range(*t.span))
    assert all(i in covered for i, c in enumerate(script) if not c.isspace())
