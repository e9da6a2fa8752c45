"""The word lists every lexer rule shares (`vocabulary.toml`), loaded once.

A phrase is compared in its `bare` form: upper case, brackets, colons and stray punctuation
dropped, runs of spaces, hyphens, slashes and underscores read as one space. So `Stand-Up:`,
`STAND UP` and `((stand up))` are one phrase, and one line in the data file covers them all.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

_SEPARATORS = re.compile(r"[\s\-/_\u2013\u2014]+")
_MARKUP = re.compile(r"[:,()\[\]{}*]")
_EDGES = " :.,;*{}()[]#!?\"'\u201c\u201d\u2018\u2019"


def bare(text: str) -> str:
    """`((Stand-Up:))` as `STAND UP`, `{***TAKE VO***}` as `TAKE VO`, `B-roll: the studio` as
    `B ROLL THE STUDIO`: the form every phrase is compared in."""
    return _SEPARATORS.sub(" ", _MARKUP.sub(" ", text.upper())).strip(_EDGES).strip()


@cache
def _data() -> dict:
    with (Path(__file__).with_name("vocabulary.toml")).open("rb") as handle:
        return tomllib.load(handle)


def _bare_set(phrases: list[str]) -> frozenset[str]:
    return frozenset(bare(p) for p in phrases)


@cache
def metadata_keys() -> dict[str, str]:
    """Every metadata key (bare) and the field it fills: title, slug, correspondent, ..., other."""
    return {bare(key): field for field, keys in _data()["metadata"].items() for key in keys}


@cache
def modes() -> dict[str, str]:
    """Every direction phrase (bare) and the mode it sets: intro, narration, soundbite, ..."""
    return {bare(p): mode for mode, phrases in _data()["modes"].items() for p in phrases}


@cache
def words(name: str) -> frozenset[str]:
    """One of the shared word lists, bare: credit_openers, direction_openers, voice_words,
    languages, roles, unnamed_speakers, no_name, clutter, end_marks, shot_openers."""
    return _bare_set(_data()["words"][name])


def _alternation(phrases) -> str:
    """Bare phrases as a regex alternation (longest first), any separator between the words."""
    return "|".join(r"[\s\-/_]+".join(re.escape(w) for w in p.split(" "))
                    for p in sorted(phrases, key=len, reverse=True))


@cache
def alternation(name: str) -> str:
    """A word list as a regex alternation of its bare phrases; for rules that find a phrase
    inside a line."""
    return _alternation(words(name))


@cache
def mode_alternation() -> str:
    """Every direction phrase as a regex alternation in capitals: `NARRATOR`, `TAKE SOT`, `VO/SOT`."""
    return _alternation(modes())


@cache
def metadata_key_pattern(any_case: bool = False) -> re.Pattern:
    """A metadata key followed by a colon, where a header field starts: at the start of a line
    or after white space (headers pasted onto one line). In capitals, as a header is typed (a
    mixed-case "Note:" inside prose is no header), unless `any_case`: a bracketed note that
    opens with a key (`((Reporter/Camera: Gabrielle Weiss))`) is a field however it is cased."""
    keys = sorted(metadata_keys(), key=len, reverse=True)
    alt = "|".join(r"[\s\-/_]*".join(re.escape(w) for w in k.split(" ")) for k in keys)
    return re.compile(rf"(?:(?<=\s)|(?<=^)|(?<=\(\())(?P<key>{alt})(?:\s*\([^()\n:]{{0,24}}\))?\s*:",
                      re.MULTILINE | (re.IGNORECASE if any_case else 0))
