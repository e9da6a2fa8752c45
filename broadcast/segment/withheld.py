"""DO NOT PUBLISH: names a script marks for withholding (a reporter's or a witness's safety).

A mark is any spelling in `withheld_marks.txt` (DO NOT PUBLISH, DNP, NOT FOR PUBLICATION,
DO NOT USE NAME, DON'T NAME, DO NOT IDENTIFY, NAME WITHHELD, ...), matched word by word on a
folded copy of the script, so that case, accents, hyphens, dots, full-width letters and
invisible characters do not hide it. Each mark is tied to the name it governs:

    DO NOT PUBLISH: Julia Lyubova (reporter's safety)    after it, on its line
    *** DNP: omar sidorov ***  /  DO NOT PUBLISH "Name"  after it, in any case or quotes
    PLEASE DO NOT PUBLISH Name's name                    after it, the words around dropped
    DO NOT PUBLISH THE NAME OF Name                      after it, past the words that lead
    DO NOT PUBLISH:                                      on the next line
    Julia Lyubova
    JULIA LYUBOVA (DO NOT PUBLISH) MOSCOW "..."          before it: a super, a turn label
    Witness Name (DO NOT PUBLISH) said                   before it, past a role word
    BYLINE: Ricardo Marquina DO NOT PUBLISH NAME         before it, in a metadata line
    ((Ahmad Khalil, resident - MALE IN ARABIC - DNP))    the first part of a note that names
    ((DO NOT PUBLISH REPORTER'S NAME))                   the correspondent, whoever that is

A mark that cannot be tied to a name stops the build (`UnusableInput`, naming the line):
a name the tool cannot find is a name it cannot withhold. A spelling that states a name is
already left out (`RESIDENT (NAME WITHHELD)`) may stand alone; one about the material, not a
name (`DO NOT PUBLISH BEFORE 18:00 GMT`, `NOT FOR PUBLICATION - EDITORS PLEASE NOTE`), is
blanked out and kept as a note. Typed in lower case inside a sentence (`we do not publish the
names of minors`) the words are words, and a warning says so.

`find` blanks the marks out of the script (offsets kept, so spans still point into it)
before a convention reads it; `redact` then replaces every form of every tied name in every
field of the Report: the name in any case, with accents or not, any part of it alone, a
possessive, the initials (`JL`, `J.L.`, `J. Lyubova`), a handle or e-mail address holding
it. It adds a note for each mark, says in a warning where the name was withheld, and checks
the result once more with a different test: if any form is left, the build stops rather than
claim the name was withheld.

Every step is linear in the script's length: tokens are looked up in sets, marks in a word
trie of bounded depth, and a mark looks at a bounded number of words around it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise
from importlib.resources import files

from broadcast.errors import UnusableInput
from broadcast.model import Kind, LowerThird, Note, NoteKind, Report
from broadcast.segment.common import find_signoff
from broadcast.segment import vocabulary as vocab
from broadcast.segment.supers import ACRONYMS, DEMONYMS, PARTICLES, SMALL_WORDS, TITLE_WORDS, is_capitals

PLACEHOLDER = "[name withheld]"
#: what stands for each character of a withheld name where offsets must not move
WITHHELD_CHARACTER = "\u2592"

# -- folding: one spelling for every way a word can be typed ------------------------------------

_WORD = re.compile(r"[^\W_]+")


# Cyrillic and Greek letters drawn like Latin ones (a Latin name typed with a Cyrillic о in
# it is still that name); both sides of every match are folded alike, so Cyrillic and Greek
# names still match themselves.
_LOOKALIKE = str.maketrans("аеорсхуіјѕԁһӏԛԝαοκνρτυχιϲ", "aeopcxyijsdhlqwaokvptuxic")


@cache
def _fold_char(c: str) -> str:
    """A character as matched: compatibility-decomposed (full-width, ligatures), case-folded
    (ß is ss), without accents, a Cyrillic or Greek look-alike as its Latin letter; format
    characters (ZWJ, ZWSP, soft hyphen, tags) and controls are dropped, so that a word typed
    with one inside is still that word."""
    if c in "\n\t\r":
        return c
    if unicodedata.category(c) in ("Cf", "Cc", "Co", "Cs", "Mn", "Me"):
        return ""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", c).casefold())
    return "".join(ch for ch in folded if not unicodedata.combining(ch)).translate(_LOOKALIKE)


@dataclass(frozen=True, slots=True)
class _Token:
    """A run of letters and digits of the folded text, with its place in the original."""

    folded: str
    start: int
    end: int


def _fold(text: str) -> tuple[str, list[int] | None]:
    """The folded text and, for each of its characters, the original's index (None: the same)."""
    if text.isascii():
        return text.lower(), None
    out: list[str] = []
    origin: list[int] = []
    for i, c in enumerate(text):
        f = _fold_char(c)
        if f:
            out.append(f)
            origin.extend([i] * len(f))
    return "".join(out), origin


def _tokens(text: str) -> list[_Token]:
    folded, origin = _fold(text)
    if origin is None:
        return [_Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(folded)]
    return [_Token(m.group(), origin[m.start()], origin[m.end() - 1] + 1) for m in _WORD.finditer(folded)]


def _folded_word(word: str) -> str:
    return "".join(_WORD.findall(_fold(word)[0]))


# -- the words around a mark --------------------------------------------------------------------

_STOP = SMALL_WORDS | frozenset("""
i me my we us our you your he him his she her they them their it its this that these those who
whom whose which what where when why how there here is are was were be been being am has have
had do does did done not no nor so than then too very can could will would shall should may
might must said says say saying told tells tell spoke speaks speaking asked asks added adds
reports reported reporting according also just only all any each every some such own same
other another about after before again against because between during over under up down out
off if while until please pls name names named identity identities person people withheld
publish published publication use used reveal disclose identify air onair safety security
reasons reason sake protection
""".split()) - PARTICLES

# Words that may stand between a mark and its name, or follow the name, and belong to the mark.
_LEAD = frozenset("""
name names the of his her their its this that person persons people s full real identity
identities on air onair please pls surname first given last family or and
""".split())
# Marks that mean the correspondent: ((DO NOT PUBLISH REPORTER'S NAME)).
_REPORTER = frozenset("""
reporter reporters correspondent correspondents journalist journalists byline bylines
stringer author writer reporting
""".split())
# Marks about the material, not a name: DO NOT PUBLISH BEFORE 18:00 GMT (an embargo), NOT FOR
# PUBLICATION - EDITORS PLEASE NOTE (an agency advisory), DO NOT PUBLISH WITHOUT PERMISSION.
# Who a mark may speak of before it names them: DO NOT PUBLISH THE NAMES OF THE VICTIMS: ...
_ROLES = frozenset("""
source sources witness witnesses victim victims interviewee interviewees contributor
contributors guest guests caller callers informant whistleblower subject subjects individual
man woman men women boy girl child children minor minors family relative relatives resident
residents survivor survivors patient patients
""".split())
_NAMING = frozenset("name names identity identities of".split())  # words that lead to a name
_MATERIAL = frozenset("""
before until till prior ahead embargo embargoed after without unless except story stories item
items material advisory advisories note notes video videos footage pictures picture images image
photos photo script copy text content yet anywhere online outside internal internally editors
editor desk desks newsroom clients client subscribers broadcasters
""".split())
# Words of a production note around a speaker's name: ((Name - MALE IN ARABIC - DNP)).
_NOTE_WORDS = DEMONYMS | frozenset("""
male female voice voiceover original translation translated translator interpreter sot vo nat
sound english arabic mandarin cantonese hebrew persian farsi urdu hindi pashto dari swahili
portuguese amharic somali bengali tamil
""".split())
_HONORIFICS = frozenset(w.lower() for w in vocab.words("honorifics"))
_TITLES = frozenset(w for w in TITLE_WORDS if w.isalpha()) | _REPORTER
_ACRONYMS = frozenset(_folded_word(a) for a in ACRONYMS)
_PARTICLES = frozenset(PARTICLES)

_OPENERS = {"(": ")", "[": "]", "{": "}", "*": "*"}
_CLOSERS = ")]}"
_NAME_END = set(",;:()[]{}\"\u201c\u201d/&!?*|<>=+")
_JOINABLE = re.compile(r"[ \t\u00a0\u3000\-\u2010-\u2015_'\u2018\u2019.\u200b-\u200d\u2060\ufeff\u00ad]{1,12}")
_MAX_NAME_WORDS = 5
_MAX_WORD = 40
_WINDOW = 24  # words a mark looks at on either side
_REACH = 400  # characters a mark looks at for the bracket that closes it


@cache
def _mark_trie() -> dict:
    """The spellings of `withheld_marks.txt` as a trie of folded words; a terminal (key None)
    says whether the spelling may stand alone. Each is also entered as one word, as it folds
    when typed with no space or with zero-width spaces (DONOTPUBLISH)."""
    root: dict = {}
    text = files("broadcast.segment").joinpath("withheld_marks.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        spelling, _, flag = line.partition(";")
        words = _WORD.findall(_fold(spelling)[0])
        for path in (words, ["".join(words)]):
            node = root
            for word in path:
                node = node.setdefault(word, {})
            node[None] = flag.strip() == "alone"
    return root


# -- what `find` returns ------------------------------------------------------------------------

@dataclass(frozen=True)
class Mark:
    """One mark in the script: where it is, how it is written, and whom it withholds."""

    line: int  # 1-based
    spelling: str  # as written: "DO NOT PUBLISH"
    span: tuple[int, int]  # what was blanked out of the script
    names: tuple[str, ...]  # as written in the script
    correspondent: bool  # withholds the correspondent, whoever the script names
    rule: str  # how it was tied: "withheld.after", "withheld.before", "withheld.next-line", ...


@dataclass(frozen=True)
class Withheld:
    """What the marks ask: names to withhold and whether the correspondent is one of them."""

    names: tuple[str, ...]
    correspondent: bool
    masked: str  # the script with every mark blanked, offsets unchanged
    script: str = ""  # the script as read, to say on which lines the names were
    marks: tuple[Mark, ...] = ()
    #: names the script gives the correspondent in its metadata (BYLINE:, REPORTER:)
    bylines: tuple[str, ...] = ()
    #: marks about the material, not a name (DO NOT PUBLISH BEFORE 18:00), blanked out and
    #: kept as notes
    material: tuple[Mark, ...] = ()
    warnings: tuple[str, ...] = ()


class _Script:
    """The script's tokens and lines, and the reading of the words around a mark."""

    def __init__(self, script: str):
        self.text = script
        self.tokens = _tokens(script)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", script)]
        self.token_line = [bisect_right(self.line_starts, t.start) for t in self.tokens]
        self.token_starts = [t.start for t in self.tokens]
        self.in_marks: set[int] = set()  # tokens of marks: never part of a name

    def gap(self, j: int) -> str:
        """The text before token j (after token j-1)."""
        start = self.tokens[j - 1].end if j > 0 else 0
        end = self.tokens[j].start if j < len(self.tokens) else len(self.text)
        return self.text[start:end]

    def original(self, j: int) -> str:
        t = self.tokens[j]
        return self.text[t.start:t.end]

    def line_span(self, line: int) -> tuple[int, int]:
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.text)
        return start, end

    def line_of(self, pos: int) -> int:
        return bisect_right(self.line_starts, pos)

    def line_in_capitals(self, line: int) -> bool:
        """A line of prose typed all in capitals (a few words in capitals are a label)."""
        start, end = self.line_span(line)
        text = self.text[start:end]
        return sum(c.isalpha() for c in text) >= 40 and is_capitals(text)

    # -- finding the marks --

    def marks(self) -> list[tuple[int, int, int, bool]]:
        """(first token, last token of its first spelling, last token, may stand alone) of
        every mark; marks with nothing but spaces and punctuation between them are one
        ("DO NOT PUBLISH DO NOT PUBLISH Name")."""
        trie, tokens, found = _mark_trie(), self.tokens, []
        i = 0
        while i < len(tokens):
            node, j, best = trie, i, None
            while j < len(tokens) and tokens[j].folded in node:
                if j > i and not _JOINABLE.fullmatch(self.gap(j)):
                    break
                node = node[tokens[j].folded]
                if None in node:
                    best = (j, node[None])
                j += 1
            if best is None:
                i += 1
                continue
            end, alone = best
            if found and found[-1][2] == i - 1:
                found[-1] = (found[-1][0], found[-1][1], end, found[-1][3] and alone)
            else:
                found.append((i, end, end, alone))
            i = end + 1
        return found

    def in_running_text(self, a: int) -> bool:
        """`we do not publish the names of minors`, `"Please, do not publish my name"`: a mark's
        words inside a sentence, typed in lower case after a lower-case word, are words, not a
        mark, unless a name stands right before them (`julia lyubova, do not publish`). On a
        line typed all in capitals case says nothing: there a sentence's own words before the
        mark's (`HAT TO PROTECT HER IDENTITY`) make it running text."""
        if a == 0 or self.token_line[a - 1] != self.token_line[a]:
            return False
        if not (self.original(a)[:1].islower() or self.line_in_capitals(self.token_line[a])):
            return False
        before = self.original(a - 1)
        return not self.gap(a).strip(" \t,;\"'\u201c\u201d\u2018\u2019") \
            and (before[:1].islower() or self.tokens[a - 1].folded in _STOP)

    # -- reading names --

    def _name_like(self, j: int) -> bool:
        t = self.tokens[j].folded
        return t.isalpha() and len(t) <= _MAX_WORD and t not in _STOP

    def _style(self, j: int) -> str:
        word = self.original(j)
        letters = [c for c in word if c.isalpha()]
        if letters and all(c.isupper() for c in letters) and len(letters) > 1:
            return "upper"
        if letters and letters[0].islower():
            return "lower"
        return "title"

    def _fits(self, j: int, style: str) -> bool:
        """Whether word j continues a name begun in `style`."""
        if self.tokens[j].folded in _PARTICLES:
            return True
        own = self._style(j)
        if style == "lower":
            return own == "lower"
        if style == "upper":
            return own == "upper" or len(self.tokens[j].folded) == 1
        return own in ("title", "upper")

    def _is_key(self, j: int) -> bool:
        """`TRT:` `DATELINE:`: a metadata key, which ends a name before it."""
        return j + 1 < len(self.tokens) and self.gap(j + 1).lstrip(" \t").startswith(":") \
            and self._style(j) == "upper"

    def _ends_name(self, j: int) -> bool:
        """Whether a name cannot run on from token j-1 to token j: a line end, a bracket, a
        comma, a spaced dash, a full stop (not after an initial or Dr)."""
        gap = self.gap(j)
        if "\n" in gap or any(c in _NAME_END for c in gap):
            return True
        bare = gap.strip(" \t\u00a0")
        if not bare:
            return False
        if bare[0] in "-\u2013\u2014" and bare != gap:
            return True
        previous = self.tokens[j - 1].folded if j > 0 else ""
        return "." in bare and len(previous) > 1 and previous not in _HONORIFICS

    def _good(self, words: list[int]) -> bool:
        """A run of words that can be a person's name: not a title, a note, an acronym."""
        folded = [self.tokens[j].folded for j in words if self.tokens[j].folded not in _PARTICLES]
        if not folded:
            return False
        if all(w in _TITLES or w in _HONORIFICS for w in folded):
            return False
        if any(w in _NOTE_WORDS for w in folded):
            return False
        if len(folded) == 1 and (folded[0] in _ACRONYMS or self.original(words[-1]) in ACRONYMS):
            return False
        return not (self._style(words[0]) == "lower" and len(words) > 3)

    def _trimmed(self, words: list[int]) -> list[int]:
        """A name without the title or honorific before it (`Mayor Julia Lyubova`)."""
        k = 0
        while k < len(words) - 1 and self.tokens[words[k]].folded in _TITLES | _HONORIFICS:
            k += 1
        return words[k:]

    def names_after(self, first: int, close: str | None, *, fresh_line: bool = False):
        """Names from token `first` on, to the end of its line or a closing bracket:
        [(token indices)], whether the words name the correspondent or are about the material, the last
        token the mark takes, and where a closing bracket stopped the reading (or None).
        With `fresh_line`, `first` starts the line read (a name on the line after a mark)."""
        tokens = self.tokens
        names: list[list[int]] = []
        reporter = material = False
        last = first - 1
        j, depth, phase = first, 0, "lead"
        current: list[int] = []
        style = ""
        stop = None
        while True:
            gap = self.gap(j)
            if not (fresh_line and j == first):
                here = gap.split("\n", 1)[0]
                offset = tokens[j - 1].end if j > 0 else 0
                for k, c in enumerate(here):
                    if c in "([{":
                        depth += 1
                    elif c in _CLOSERS or (c == "*" and close == "*"):
                        if depth == 0:
                            stop = offset + k
                            break
                        depth -= 1
                if stop is not None or "\n" in gap:
                    break
            if j >= len(tokens) or j >= first + _WINDOW or j in self.in_marks:
                break
            word = tokens[j].folded
            if ":" in gap and not names and phase != "lead" and not self._good(current):
                phase, current = "lead", []  # DO NOT PUBLISH NAME OF WITNESS: Name
            if phase == "lead":
                if word in _REPORTER:
                    reporter, last = True, j
                elif word in _LEAD:
                    last = j
                elif word in _MATERIAL:  # DO NOT PUBLISH PICTURES (OR THE NAME) OF Name
                    material, last = True, j
                elif word in _ROLES or self._is_key(j) and word in _TITLES:
                    last = j  # DO NOT PUBLISH SOURCE'S NAME (Name), NAME OF WITNESS: Name
                elif self._name_like(j) and not self._is_key(j) and (
                        not material or tokens[j - 1].folded in _NAMING):
                    phase, current, style, last = "name", [j], self._style(j), j
                else:
                    break
            elif phase == "name":
                if word in ("and", "or") or (any(c in ",;&/" for c in gap) and self._name_like(j)):
                    if self._good(current):
                        names.append(self._trimmed(current))
                    current = []
                    if word in ("and", "or"):
                        phase, last = "next", j
                    elif self._is_key(j):
                        break
                    else:
                        current, style, last = [j], self._style(j), j
                elif word == "s" and ("'" in gap or "\u2019" in gap):
                    phase, last = "tail", j  # a possessive ends the name: Name's name
                elif self._ends_name(j) or not self._name_like(j) or not self._fits(j, style) \
                        or len(current) >= _MAX_NAME_WORDS or self._is_key(j):
                    if word in _LEAD and not self._ends_name(j):
                        phase, last = "tail", j
                    else:
                        break
                else:
                    current.append(j)
                    last = j
            elif phase == "next":
                if self._name_like(j) and not self._is_key(j):
                    phase, current, style, last = "name", [j], self._style(j), j
                else:
                    break
            elif word in _LEAD and not self._ends_name(j):  # tail: words of the mark after a name
                last = j
            else:
                break
            j += 1
        if current and self._good(current):
            names.append(self._trimmed(current))
        return names, reporter, material and not names, last, stop

    def name_before(self, a: int) -> tuple[list[int], bool]:
        """The name just before token `a` on its line, nearest part first (a part ends at a
        comma, colon, bracket or dash), and whether a reporter's key (BYLINE:) precedes it."""
        line = self.token_line[a]
        parts: list[list[int]] = []
        current: list[int] = []
        j = a - 1
        while j >= 0 and a - j <= _WINDOW and len(parts) < 4:
            if self.token_line[j] != line or j in self.in_marks:
                break
            current.insert(0, j)
            gap = self.gap(j)
            if "\n" in gap or j == 0:
                break
            if self._ends_name(j):
                parts.append(current)
                current = []
            j -= 1
        if current:
            parts.append(current)
        for n, part in enumerate(parts):
            words = self._suffix_name(part)
            if words:
                reporter_key = n + 1 < len(parts) and len(parts[n + 1]) == 1 \
                    and self.tokens[parts[n + 1][0]].folded in _REPORTER
                return words, reporter_key
        return [], False

    def _suffix_name(self, part: list[int]) -> list[int]:
        if not part:
            return []
        style = self._style(part[-1])
        if style == "lower":
            if len(part) > 3 or not all(self._name_like(j) for j in part):
                return []
            words = [j for j in part if self.tokens[j].folded not in _TITLES]
            if not words or words != part[len(part) - len(words):]:
                return []
            return words if self._good(words) else []
        words: list[int] = []
        for j in reversed(part):
            folded = self.tokens[j].folded
            if not self._name_like(j) or not self._fits(j, style) or len(words) >= _MAX_NAME_WORDS:
                break
            if words and (folded in _TITLES or folded in _HONORIFICS) and folded not in _PARTICLES:
                break
            words.insert(0, j)
        while words and self.tokens[words[0]].folded in _PARTICLES | _TITLES:
            words.pop(0)
        if not words:
            return []
        before = part.index(words[0]) - 1
        if before >= 0 and self.tokens[part[before]].folded in SMALL_WORDS:
            return []  # "resident of Aleppo": a title ending in a place
        return words if self._good(words) else []

    def text_of(self, words: list[int]) -> str:
        return self.text[self.tokens[words[0]].start:self.tokens[words[-1]].end]

    def line_tokens(self, line: int, start: int, step: int) -> list[int]:
        """Indices of the tokens of `line`, from token `start` walking by `step`, at most a
        window's worth (a longer line is no name line)."""
        out = []
        j = start
        while 0 <= j < len(self.tokens) and self.token_line[j] == line and len(out) <= _WINDOW:
            out.append(j)
            j += step
        return sorted(out)


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def _opening(gap: str) -> tuple[str, int] | None:
    """The bracket that opens right before a mark (`((`, `[`, `***`): its closing character
    and how many characters of the gap's end it takes."""
    bare = gap.rstrip(" \t")
    if not bare or bare[-1] not in _OPENERS:
        return None
    run = len(bare) - len(bare.rstrip(bare[-1]))
    return _OPENERS[bare[-1]], len(gap) - len(bare) + run


def _closing(text: str, pos: int, end: int, close: str) -> int:
    """Past the run of `close` characters that first follows `pos` before `end` (looked for
    within a bounded reach, so that many unclosed marks on one line cost no more than one);
    `pos` itself when there is none."""
    at = text.find(close, pos, min(end, pos + _REACH))
    if at < 0:
        return pos
    while at < end and text[at] == close:
        at += 1
    return at


def _whole_line(s: _Script, a: int, start: int, end: int) -> tuple[int, int]:
    """The mark's whole line when nothing else is on it but a label (`NOTE:`) and punctuation;
    `a` is the mark's first token."""
    line = s.token_line[a]
    line_start, line_end = s.line_span(line)
    if s.line_of(max(end - 1, start)) != line:
        return start, end
    before = [j for j in range(max(0, a - 3), a) if s.token_line[j] == line and s.tokens[j].start < start]
    after = bisect_right(s.token_starts, end - 1)
    words_after = after < len(s.tokens) and s.token_line[after] == line
    label = len(before) <= 2 and s.text[s.tokens[before[-1]].end:start].lstrip().startswith(":") if before else False
    if not words_after and (not before or label and len(before) < 3):
        return line_start, line_end
    return start, end


def find(script: str) -> Withheld:
    """The marks in a script, each tied to a name, and the script with them blanked out.

    Raises UnusableInput for a mark that names no one the tool can find."""
    s = _Script(script)
    chars = list(script)
    marks: list[Mark] = []
    material: list[Mark] = []
    warnings: list[str] = []
    found_marks = s.marks()
    s.in_marks = {j for a, _, b, _ in found_marks for j in range(a, b + 1)}
    for a, first_end, b, alone in found_marks:
        line = s.token_line[a]
        spelling = " ".join(s.text[s.tokens[a].start:s.tokens[first_end].end].split())
        # a small word right before the mark (`to protect her identity`) leaves no room for a name
        if s.in_running_text(a) and (s.tokens[a - 1].folded in _STOP or not s.name_before(a)[0]):
            if alone:
                continue  # "the name withheld by the police": words, and nothing to withhold
            warnings.append(f"line {line}: '{spelling}' inside a sentence is read as words, not as a mark")
            continue
        opened = _opening(s.gap(a))
        close = opened[0] if opened else None
        mark_start = s.tokens[a].start - (opened[1] if opened else 0)
        names, reporter, about_material, last, stop = s.names_after(b + 1, close)
        line_end = s.line_span(line)[1]
        stop = line_end if stop is None else min(stop, line_end)
        taken_end = s.tokens[max(last, b)].end
        rule, extra, tied = "withheld.after", None, [s.text_of(n) for n in names]
        if about_material:
            rule = "withheld.material"
        elif tied and not opened and s.line_in_capitals(line) and not s.gap(a).strip(" \t"):
            # `JOHN DOE DO NOT PUBLISH LOST HIS HOME`: case cannot say which side is the name
            before, _ = s.name_before(a)
            if before:
                tied.append(s.text_of(before))
                warnings.append(f"line {line}: in capitals, '{spelling}' may mean the words before it or "
                                f"after it; both are withheld: check")
        elif not tied:
            before, reporter_key = s.name_before(a)
            if before:
                tied, reporter, rule = [s.text_of(before)], reporter or reporter_key, "withheld.before"
                if not opened:  # "Name - DO NOT PUBLISH": the dash goes with the mark
                    gap = s.gap(a)
                    mark_start = max(s.tokens[a].start - (len(gap) - len(gap.rstrip(" \t-\u2013\u2014,"))),
                                     s.tokens[before[-1]].end)
            elif reporter:
                rule = "withheld.correspondent"
            else:
                tied, extra = _other_line(s, a, max(last, b))
                rule = "withheld.next-line" if extra else "withheld.previous-line"
        if not tied and not reporter and not about_material:
            if alone:
                continue  # a name already left out: nothing to withhold
            raise UnusableInput(
                f"line {line}: the mark '{spelling}' names no one: write the name beside it "
                f"(DO NOT PUBLISH: Full Name) so that it can be withheld from every output")
        # what is blanked: the mark and what belongs to it (the name after it, a reason)
        if opened:
            end = _closing(s.text, taken_end, line_end, close)
        elif not about_material and _words_follow(s.text, taken_end, stop):  # DNP: Name TRT: 2:31 keeps its TRT
            end = taken_end
        else:
            end = stop
        start, end = _whole_line(s, a, mark_start, end)
        _blank(chars, start, end)
        span = (start, end)
        if extra:
            _blank(chars, *extra)
            span = (start, extra[1])
        found = Mark(line, spelling, span, tuple(tied), reporter, rule)
        (material if about_material else marks).append(found)
    correspondent = any(m.correspondent for m in marks)
    return Withheld(
        names=tuple(dict.fromkeys(n for m in marks for n in m.names)),
        correspondent=correspondent,
        masked="".join(chars),
        script=script,
        marks=tuple(marks),
        bylines=_bylines(s) if correspondent else (),
        material=tuple(material),
        warnings=tuple(warnings),
    )


def _words_follow(text: str, start: int, end: int) -> bool:
    """Whether words follow a mark on its line, other than a reason in brackets (`(safety)`)."""
    rest = text[start:end].strip()
    return rest[:1] not in "([" and _WORD.search(rest) is not None


def _other_line(s: _Script, a: int, last: int) -> tuple[list[str], tuple[int, int] | None]:
    """A mark alone on its line governs the name alone on the next line (blanked with it) or
    on the line before (left for the convention, withheld after): after a colon the next,
    else the one before; with no colon and a name on both, both."""
    line = s.token_line[a]
    after, extra = [], None
    nxt = last + 1
    if nxt < len(s.tokens) and line < s.token_line[nxt] <= line + 2 \
            and s.gap(nxt).lstrip()[:1] not in ("(", "["):  # not ((INTRO)), [[...]]
        words = s.line_tokens(s.token_line[nxt], nxt, 1)
        names, _, about_material, taken, _ = s.names_after(nxt, None, fresh_line=True)
        if names and not about_material and taken == words[-1]:
            after, extra = [s.text_of(n) for n in names], s.line_span(s.token_line[nxt])
    before = []
    if a > 0 and line - 2 <= s.token_line[a - 1] < line:
        words = s.line_tokens(s.token_line[a - 1], a - 1, -1)
        if len(words) <= _MAX_NAME_WORDS and all(s._name_like(j) for j in words) \
                and not any(s._ends_name(j) for j in words[1:]) \
                and all(s._fits(j, s._style(words[0])) for j in words) and s._good(words):
            before = [s.text_of(words)]
    colon = s.text[s.tokens[last].end:s.line_span(line)[1]].strip()[:1] in (":", "-", "\u2013", "\u2014")
    if colon and after:
        return after, extra
    return before + after, extra if after else None


def _bylines(s: _Script) -> tuple[str, ...]:
    """Names after a reporter's key (BYLINE: Omar Haddad, REPORTER: ...), for a mark that
    withholds the correspondent."""
    out = []
    for j, token in enumerate(s.tokens):
        if token.folded in _REPORTER and j + 1 < len(s.tokens) and s.gap(j + 1).lstrip(" \t").startswith(":"):
            names, *_ = s.names_after(j + 1, None)
            out.extend(s.text_of(n) for n in names)
    return tuple(dict.fromkeys(out))


# -- withholding --------------------------------------------------------------------------------

_HYPHEN_JOIN = re.compile(r"-(?<=[^\W_]-)(?=[^\W_])")  # Lyu-bova (the hyphen first: fast to scan for)
_MANY_FORMS = 200


def _runs(text: str, marker: re.Pattern, inside) -> Iterable[tuple[int, int]]:
    """(start, end) of each run of characters for which `inside` holds that has `marker` in
    it, each run once however many markers it holds: linear in the text."""
    covered = 0
    for m in marker.finditer(text):
        if m.start() < covered:
            continue
        start, end = m.start(), m.end()
        while start > covered and inside(text[start - 1]):
            start -= 1
        while end < len(text) and inside(text[end]):
            end += 1
        covered = end
        yield start, end
_HANDLE = re.compile(r"[@#_/]|[^\W\d_]\.[^\W\d_]")  # what makes a run a handle or an address
_INITIAL_GAP = re.compile(r"\.?[ \u00a0]?|\.?-")
_CAMEL = re.compile(r"(?<=[^\W\d_])[A-Z]")  # a capital inside a word: JuliaLyubova


@dataclass
class _Hit:
    start: int
    end: int
    people: set[int]
    common: bool  # one part of a name in lower case: maybe a common word spelt like it


# Initials typed bare (JL) are withheld where initials stand: before a comma or a slash, at the
# start or end of a line or sentence, after a dash, "by" or "correspondent", before "reports"
# (`JL, CGTN, Moscow.` `-- JL` `By JL` `correspondent JL reports`); as a word elsewhere they
# are more often a word (`WE DO NOT`) or a model (`AK-47`).
_SIGN_AFTER = re.compile(r"[ \t]*(?:[,;/)\]]|\.?[ \t]*(?:\n|$)|\.[ \t]+[A-Z]|[ \t]*[-\u2013\u2014][ \t])"
                         r"|[ \t]+(?i:reports|reporting)\b")
_SIGN_BEFORE = re.compile(r"(?:^|\n|[-\u2013\u2014/]|\b(?i:by|correspondent|reporter|journalist))[ \t]*$")


_LOWER_SIGN = re.compile(r"[ \t]*[,/]")


def _caseless(word: str) -> bool:
    """A word with letters that have no case (Chinese, Japanese, Thai, Arabic)."""
    return not word.isascii() and any(c.isalpha() and not c.islower() and not c.isupper() for c in word)


def _signs(text: str, token: _Token) -> bool:
    return bool(_SIGN_AFTER.match(text, token.end) or _SIGN_BEFORE.search(text[max(0, token.start - 16):token.start]))


class _Matcher:
    """Every form of a set of names, found in any text in one pass over its words."""

    def __init__(self, people: list[str]):
        self.people = people
        self.forms: dict[str, set[int]] = {}
        self.initials: dict[str, set[int]] = {}
        self.letters: dict[str, set[int]] = {}
        self.particles: set[str] = set()
        self.joined: dict[str, set[int]] = {}  # whole names with no spaces, for the last check
        for pid, name in enumerate(people):
            words = _WORD.findall(_fold(name)[0])
            self.particles.update(w for w in words if w in _PARTICLES)
            core = [w for w in words if w not in _PARTICLES and w not in _HONORIFICS]
            for w in core:
                if len(w) >= 2:
                    for form in (w, w + "s"):
                        self.forms.setdefault(form, set()).add(pid)
                self.letters.setdefault(w[0], set()).add(pid)
            if len(core) >= 2:
                for form in ("".join(core), "".join(reversed(core)), core[0][0] + "".join(core[1:]),
                             "".join(words)):
                    self.forms.setdefault(form, set()).add(pid)
                # JL, and for Anna-Maria Lyubova or Sean O'Brien both AML and AL, SOB and SO
                spaced = [_folded_word(w) for w in name.split()]
                spaced = [w for w in spaced if w and w not in _PARTICLES and w not in _HONORIFICS]
                for letters in ("".join(w[0] for w in core), "".join(w[0] for w in words),
                                "".join(w[0] for w in spaced)):
                    if 2 <= len(letters) <= 5:
                        self.initials.setdefault(letters, set()).add(pid)
            if len(core) >= 2:
                self.joined.setdefault("".join(core), set()).add(pid)
        self.whole_names = [w for w in self.joined if len(w) >= 6]
        self.plain = sorted({f for f in self.forms if len(f) >= 3 or _caseless(f)} | set(self.initials))
        self.substrings = {f: p for f, p in self.forms.items() if len(f) >= 3 and f.isalpha()}
        self.lengths = sorted({len(f) for f in self.substrings})
        # names in scripts written without spaces or case (王伟, a name inside a longer run)
        self.caseless = {f: p for f, p in self.forms.items() if _caseless(f)}
        self.caseless_lengths = sorted({len(f) for f in self.caseless})

    def _inside(self, folded: str, forms: dict[str, set[int]], lengths: list[int]):
        """(offset, length, people) of every form inside a folded run (a handle, an address,
        a line of Chinese): linear in the run, times the few lengths a name part has."""
        for i in range(len(folded)):
            for n in lengths:
                if i + n > len(folded):
                    break
                people = forms.get(folded[i:i + n])
                if people:
                    yield i, n, people

    def _handles(self, text: str):
        """(start, end, people) of each handle or address (a run with no space holding `@`,
        `#`, `_`, `/` or a dot between letters) with a name inside."""
        for start, end in _runs(text, _HANDLE, lambda c: not c.isspace()):
            run = text[start:end]
            handle = run.rstrip(".,;:!?)]}\"'").lstrip("([{\"'")
            inside = self._inside(_folded_word(handle), self.substrings, self.lengths)
            people = set().union(*(found for _, _, found in inside))
            if people:
                at = start + run.index(handle)
                yield at, at + len(handle), people

    def _maybe(self, text: str) -> bool:
        """Whether any form can be in `text`, by what the string and regular-expression
        engines do fast (every form is looked for as plain text in the folded text; a name
        broken by hyphens or spelt in single letters is looked for apart); most of a script
        holds no name, and the word-by-word reading is kept for where one may be. With many
        names, every piece is read word by word, which costs the same whatever their number."""
        if len(self.plain) > _MANY_FORMS:
            return True
        folded = _fold(text)[0]
        if any(form in folded for form in self.plain):
            return True
        for start, end in _runs(folded, _HYPHEN_JOIN, lambda c: c.isalnum() or c == "-"):
            if folded[start:end].replace("-", "") in self.forms:
                return True
        return any(len(a) == 1 == len(b) for a, b in pairwise(_WORD.findall(folded)))

    def hits(self, text: str) -> list[_Hit]:
        """Where any form of any name is in `text`, merged into runs (`Julia Lyubova` is one).
        Read in pieces (lines, and long lines cut after a word of two letters or more, where
        no form can straddle), each read word by word only if a form may be in it."""
        if not text or not self.people:
            return []
        found: list[_Hit] = []
        for start, end in _pieces(text):
            piece = text[start:end]
            if self._maybe(piece):
                for hit in self._hits_in(piece):
                    hit.start += start
                    hit.end += start
                    found.append(hit)
        return _merged(text, found)

    def _hits_in(self, text: str) -> list[_Hit]:
        tokens = _tokens(text)
        hits: list[_Hit] = []
        run: list[int] = []  # single letters: J.L., J. L., J-u-l-i-a
        joined: list[int] = []  # words joined by hyphens: Lyu-bova

        def letters_hit() -> None:
            if len(run) >= 2:
                letters = "".join(tokens[k].folded for k in run)
                people = self.initials.get(letters) or self.forms.get(letters)
                if people:
                    end = tokens[run[-1]].end
                    end += text[end:end + 1] == "."
                    hits.append(_Hit(tokens[run[0]].start, end, set(people), False))
            run.clear()

        def joined_hit() -> None:
            if len(joined) >= 2:
                people = self.forms.get("".join(tokens[k].folded for k in joined))
                if people:
                    hits.append(_Hit(tokens[joined[0]].start, tokens[joined[-1]].end, set(people), False))
            joined.clear()

        for k, t in enumerate(tokens):
            gap = text[tokens[k - 1].end:t.start] if k else ""
            if joined and gap != "-":
                joined_hit()
            joined.append(k)
            if len(t.folded) == 1 and t.folded.isalpha():
                if run and not _INITIAL_GAP.fullmatch(gap):
                    letters_hit()
                run.append(k)
                continue
            letters_hit()
            word = text[t.start:t.end]
            people = self.forms.get(t.folded)
            if not people and self.caseless and _caseless(t.folded):
                exact = t.end - t.start == len(t.folded)  # offsets inside the word map one to one
                for i, n, found in self._inside(t.folded, self.caseless, self.caseless_lengths):
                    start, end = (t.start + i, t.start + i + n) if exact else (t.start, t.end)
                    hits.append(_Hit(start, end, set(found), False))
                continue
            if not people and (not t.folded.isalpha() or _CAMEL.search(word)):
                # Lyubova2, JuliaLyubovaCGTN: a name run into other letters or digits
                inside = self._inside(t.folded, self.substrings, self.lengths)
                people = set().union(*(found for _, _, found in inside)) or None
            if people:
                common = word == word.lower() and t.folded not in self.joined
                hits.append(_Hit(t.start, t.end, set(people), common))
            elif t.folded in self.initials and (word.isupper() and _signs(text, t)
                                                or _LOWER_SIGN.match(text, t.end)):
                hits.append(_Hit(t.start, t.end, set(self.initials[t.folded]), False))
        letters_hit()
        joined_hit()
        for start, end, people in self._handles(text):
            hits.append(_Hit(start, end, people, False))
        return self._extended(text, tokens, hits)

    def _extended(self, text: str, tokens: list[_Token], hits: list[_Hit]) -> list[_Hit]:
        if not hits:
            return []
        by_end = {t.end: t for t in tokens}
        hits.sort(key=lambda h: h.start)
        # an initial or a particle just before a name: J. Lyubova, al-Hassan
        for hit in hits:
            for _ in range(2):
                k = hit.start
                while k > 0 and hit.start - k < 2 and text[k - 1] in " .-'\u2019\u00a0":
                    k -= 1
                prev = by_end.get(k) if k < hit.start else None
                if prev is None:
                    break
                letter = len(prev.folded) == 1 and prev.folded in self.letters \
                    and self.letters[prev.folded] & hit.people and text[prev.start].isupper()
                if letter or prev.folded in self.particles:
                    hit.start = prev.start
                else:
                    break
        return hits

    def leaked(self, text: str) -> set[int]:
        """The last check, by another road: who is left in the text, as a whole name with its
        spaces and punctuation squeezed out (`Ju lia Lyu bova`), or in any form. (With many
        names, more than a few hundred, only the forms are looked for, which stays linear.)"""
        if not text:
            return set()
        found = set().union(*(hit.people for hit in self.hits(text)))
        if len(self.whole_names) <= _MANY_FORMS:
            squeezed = "".join(_WORD.findall(_fold(text)[0]))
            for whole in self.whole_names:
                if whole in squeezed:
                    found |= self.joined[whole]
        return found


def _merged(text: str, hits: list[_Hit]) -> list[_Hit]:
    """Hits that overlap or stand together (`Julia Lyubova`, `[name] [name]`) as one."""
    if not hits:
        return []
    hits.sort(key=lambda h: h.start)
    merged = [hits[0]]
    for hit in hits[1:]:
        last = merged[-1]
        between = text[last.end:hit.start]
        if hit.start <= last.end or (len(between) <= 3 and not between.strip(" \t\u00a0-\u2010")):
            last.end = max(last.end, hit.end)
            last.people |= hit.people
            last.common = False  # two words of a name together are the name
        else:
            merged.append(hit)
    return merged


_PIECE = 2000
_CUT = re.compile(r"(?<=[^\W\d_]{2})[ \t]")  # a space after a word of two letters or more


def _pieces(text: str):
    """(start, end) of the lines of `text`, long ones cut at a space after a word."""
    start, n = 0, len(text)
    while start < n:
        end = min(n, start + _PIECE)
        if end < n:
            newline = text.rfind("\n", start, end)
            if newline >= start:
                end = newline + 1
            else:
                line_end = text.find("\n", end)
                limit = n if line_end < 0 else line_end + 1
                cut = _CUT.search(text, end, limit)
                end = cut.end() if cut else limit
        yield start, end
        start = end


class _Scrubber:
    """Replaces every form of the names, counting what it replaced."""

    def __init__(self, matcher: _Matcher):
        self.matcher = matcher
        self.count = 0

    def __call__(self, text: str | None) -> str | None:
        if not text:
            return text
        hits = self.matcher.hits(text)
        if not hits:
            return text
        self.count += len(hits)
        out, at = [], 0
        for hit in hits:
            out.append(text[at:hit.start])
            out.append(PLACEHOLDER)
            at = hit.end
        out.append(text[at:])
        return "".join(out)

    def name(self, text: str | None) -> str | None:
        """A name field: empty when any of it is withheld (no half-names on a super)."""
        scrubbed = self(text)
        return scrubbed if scrubbed == text else None


def _signoff_whos(report: Report) -> list[str]:
    """Who signs off (`JL`, `J.L.`, `Julia Lyubova`) in any segment, wherever it stands."""
    network = (report.signoff.network if report.signoff else None) or report.network
    found = []
    if report.signoff:
        found += [report.signoff.name or "", report.signoff.written.split(",")[0]]
    pattern = re.compile(r"(?<![\w.])([A-Z]\.?(?:[ -]?[A-Z]\.?){1,3})\s*,\s*" + (
        re.escape(network) if network else r"[A-Z][\w&'-]*(?: [A-Z][\w&'-]*){0,2},\s*[A-Z]"))
    for segment in report.segments:
        if segment.kind is Kind.SOUNDBITE:
            continue
        found += [m.group(1) for m in pattern.finditer(segment.text)]
        signoff = find_signoff(segment.text)
        if signoff:
            found.append(signoff.initials)
    return found


def _lines(lines: list[int]) -> str:
    shown = ", ".join(map(str, lines[:12]))
    return shown + (f" and {len(lines) - 12} more" if len(lines) > 12 else "")


def _people_of(mark: Mark, people: dict[str, int], correspondent: list[int]) -> set[int]:
    ids = {people[n] for n in mark.names}
    return ids | (set(correspondent) if mark.correspondent else set())


def _people(report: Report, withheld: Withheld) -> tuple[list[str], list[int]]:
    """Every name to withhold, and which of them are the correspondent's (a mark that withholds
    the correspondent takes the byline, the stand-ups' and the sign-off's names)."""
    people = list(withheld.names)
    correspondent: list[int] = []
    if withheld.correspondent:
        standups = [s.speaker.name for s in report.segments
                    if s.kind is Kind.STANDUP and s.speaker and s.speaker.name]
        for name in [*withheld.bylines, report.correspondent or "", *standups, *_signoff_whos(report)]:
            name = " ".join(name.split()).strip(" .,")
            if name and _WORD.search(_fold(name)[0]):
                if name not in people:
                    people.append(name)
                correspondent.append(people.index(name))
        if not correspondent:
            mark = next(m for m in withheld.marks if m.correspondent)
            raise UnusableInput(
                f"line {mark.line}: the mark '{mark.spelling}' withholds the correspondent, but "
                f"the script names no correspondent to withhold: write the name beside it "
                f"(DO NOT PUBLISH: Full Name)")
    return people, correspondent


def blank_names(report: Report, withheld: Withheld) -> str:
    """The script (its marks blanked already) with every form of a withheld name blanked too,
    character for character, so that offsets still match: for showing the script's own lines
    (`broadcast segment --explain`). `report` is the reading before `redact`."""
    people, _ = _people(report, withheld)
    chars = list(withheld.masked)
    for hit in _Matcher(people).hits(withheld.masked) if people else ():
        chars[hit.start:hit.end] = ["\n" if c == "\n" else WITHHELD_CHARACTER for c in chars[hit.start:hit.end]]
    return "".join(chars)


def redact(report: Report, withheld: Withheld) -> Report:
    """The report with every withheld name replaced, in every field, a note for each mark,
    and a warning saying where each name was withheld."""
    warnings = list(report.warnings) + list(withheld.warnings)
    people, correspondent = _people(report, withheld)
    notes = [Note(NoteKind.METADATA, " ".join(withheld.script[m.span[0]:m.span[1]].split()), m.span, m.rule)
             for m in withheld.material]
    if not people:
        return replace(report, warnings=tuple(warnings),
                       notes=tuple(sorted(report.notes + tuple(notes), key=lambda n: n.span)))
    matcher = _Matcher(people)
    scrub = _Scrubber(matcher)

    def speaker(lt: LowerThird | None) -> LowerThird | None:
        if lt is None:
            return None
        return LowerThird(scrub.name(lt.name) or "", scrub(lt.title))

    notes += [Note(NoteKind.WITHHELD, " ".join(withheld.script[m.span[0]:m.span[1]].split()), m.span, m.rule)
              for m in withheld.marks]
    signoff = report.signoff
    if signoff:
        signoff = replace(signoff, written=scrub(signoff.written), name=scrub.name(signoff.name),
                          network=scrub(signoff.network), location=scrub(signoff.location))
    out = replace(
        report,
        title=scrub(report.title),
        tags=tuple(scrub(t) for t in report.tags),
        network=scrub(report.network),
        correspondent=scrub.name(report.correspondent),
        location=scrub(report.location),
        segments=tuple(replace(s, text=scrub(s.text), speaker=speaker(s.speaker)) for s in report.segments),
        notes=tuple(sorted((replace(n, text=scrub(n.text)) for n in report.notes + tuple(notes)),
                           key=lambda n: n.span)),
        signoff=signoff,
        slug=scrub(report.slug),
        warnings=tuple(scrub(w) for w in warnings),
    )
    out = replace(out, warnings=out.warnings + tuple(_where(withheld, matcher, people, correspondent)))
    _check(out, matcher, withheld)
    return out


def _where(withheld: Withheld, matcher: _Matcher, people: list[str], correspondent: list[int]) -> Iterable[str]:
    """For each mark, the lines of the script where its names were, and which of those were
    lower-case words that may have been common words spelt like the name."""
    index = {name: pid for pid, name in enumerate(people)}
    found: dict[int, list[int]] = {pid: [] for pid in range(len(people))}  # hit numbers
    hit_lines: list[int] = []
    common: set[int] = set()
    line_starts = [0] + [m.end() for m in re.finditer("\n", withheld.script)]
    marked = sorted(m.span for m in withheld.marks)
    for n, hit in enumerate(matcher.hits(withheld.script)):
        hit_lines.append(bisect_right(line_starts, hit.start))
        k = bisect_right(marked, (hit.start, len(withheld.script))) - 1
        if hit.common and not (k >= 0 and marked[k][0] <= hit.start < marked[k][1]):
            common.add(n)
        for pid in hit.people:
            found[pid].append(n)
    for mark in withheld.marks:
        hits = set().union(*(found[pid] for pid in _people_of(mark, index, correspondent)))
        at = sorted({hit_lines[n] for n in hits})
        places = len(hits)
        whose = "the correspondent's name" if mark.correspondent and not mark.names else \
            "a name" if len(mark.names) <= 1 else f"{len(mark.names)} names"
        text = (f"withheld {whose} marked on line {mark.line} ({mark.spelling}) in {places} "
                f"place{'s' if places != 1 else ''}: line{'s' if len(at) != 1 else ''} {_lines(at)}")
        lower = sorted({hit_lines[n] for n in hits & common})
        if lower:
            text += (f"; on line{'s' if len(lower) != 1 else ''} {_lines(lower)} a lower-case word "
                     f"spelt like part of it was withheld too: check it was the name")
        yield text


def _check(report: Report, matcher: _Matcher, withheld: Withheld) -> None:
    """Stop the build rather than let a form of a name through that the scrub missed."""
    texts = [("title", report.title), ("network", report.network), ("correspondent", report.correspondent),
             ("location", report.location), ("slug", report.slug)]
    texts += [("tags", t) for t in report.tags]
    texts += [("warnings", w) for w in report.warnings]
    texts += [("notes", n.text) for n in report.notes]
    for s in report.segments:
        texts.append(("segments", s.text))
        if s.speaker:
            texts += [("supers", s.speaker.name), ("supers", s.speaker.title)]
    if report.signoff:
        texts += [("sign-off", report.signoff.written), ("sign-off", report.signoff.name),
                  ("sign-off", report.signoff.network), ("sign-off", report.signoff.location)]
    for where, text in texts:
        left = matcher.leaked(text.replace(PLACEHOLDER, " ")) if text else set()
        if left:
            names = {matcher.people[pid] for pid in left}
            mark = next((m for m in withheld.marks if names & set(m.names)),
                        next((m for m in withheld.marks if m.correspondent), withheld.marks[0]))
            raise UnusableInput(
                f"line {mark.line}: a name marked '{mark.spelling}' could not be withheld from the "
                f"{where}; nothing is written")
