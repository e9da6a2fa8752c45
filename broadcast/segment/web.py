"""Web transcripts, as broadcasters publish them (the CGTN reference shape).

    Title line
    [tags]
    Anchor intro ... Our correspondent Julia Lyubova reports from Moscow.
    Narration paragraphs.
    VLADIMIR PUTIN RUSSIAN PRESIDENT "The soundbite."
    JULIA LYUBOVA MOSCOW The stand-up ... JL, CGTN, Moscow.

Variants read the same way: a comma or colon after the name (`SERGEY LAVROV, RUSSIAN FOREIGN
MINISTER "..."`), a title in normal case (`VLADIMIR PUTIN Russian President "..."`), the title
first (`EUROPEAN COMMISSION PRESIDENT, JEAN-CLAUDE JUNCKER: "..."`), a later bite under the
surname alone (`PUTIN "..."`), a bite running on in a second quoted paragraph, the stand-up
quoted or in the middle, and paragraphs hard-wrapped over several lines.

A script with no correspondent (no "X reports", no sign-off, no stand-up) is an anchor
reader: all its copy is the anchor's.

The assembler reads the page's lines as a whole first, for what only the whole page says (the
correspondent, named by the intro's hand-over, the sign-off's initials or a stand-up's super;
a page typed all in capitals; the body's own spellings for casing the supers), then walks the
lexer's tokens: the title and tag lines are metadata, each paragraph's words are a part of
their own with the super opening it kept as a note, the sign-off is a part; every other token
is kept as a note of its kind. None of these shapes is a lexer rule: a title or tag line is one
by its place on the page, a super by the page's case, which no single line shows.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from broadcast.model import Kind, LowerThird, NoteKind
from broadcast.segment import common
from broadcast.segment.assembly import NOTE_OF, Assembly
from broadcast.segment.common import Clip
from broadcast.segment.lexer import Token, TokenKind
from broadcast.segment.supers import (
    ACRONYMS, Spellings, is_capitals, is_caseless, is_titleish, lower_third, proper_case, title_case,
)

NAME = "web"

_TOKEN = re.compile(r"\S+")
_TAGS = re.compile(r"\[[^\]]*\]")


def _leading_capitals(text: str) -> tuple[int, int]:
    """(number of words, end offset) of the capitals run opening `text`.

    A lone "A" or "I" followed by a lower-case word starts the speech, not the super.
    """
    count, end = 0, 0
    for m in _TOKEN.finditer(text):  # token by token: the run ends long before a paragraph does
        word = m.group(0)
        if word.startswith('"') or word.startswith("'") and count:
            break
        if not (is_capitals(word.rstrip(",:")) or is_caseless(word) and count or word == "," and count):
            break
        if word in ("A", "I"):
            following = _TOKEN.search(text, m.end())
            if following and following.group(0)[:1].islower():
                break
        count, end = count + 1, m.end()
        if word.endswith(":"):
            break
    return count, end


def _is_super(words: list[str]) -> bool:
    """Two or more words of capitals that are not all acronyms ("UN, NATO ...")."""
    letters = [w.strip(",:") for w in words]
    if any(w[-1:] in ".!?" and "." not in w[:-1] and len(w) > 2 for w in letters):
        return False  # `NATO. JL, CGTN, Moscow.`: a sentence ends there (U.S. and initials aside)
    return len(letters) >= 2 and sum(1 for w in letters if w not in ACRONYMS and len(w) > 1) >= 2


def _opens_with_super(text: str) -> bool:
    count, end = _leading_capitals(text)
    return bool(count) and _is_super(text[:end].split())


def score(text: str, tokens: list[Token]) -> float:
    """How much this looks like a web transcript: supers opening paragraphs and quoted bites
    (read in `text`, the script's body), a tag line among its first lines (read in the tokens:
    the body has an empty `[]` blanked as page clutter)."""
    paragraphs = [line.text.strip() for line in common.lines(text) if line.text.strip()]
    hits = 0.0
    for p in paragraphs:
        count, end = _leading_capitals(p)
        if count and _is_super(p[:end].split()):
            hits += 1.5 if p[end:].lstrip(" ,:").startswith('"') else 0.5
    return hits + (2 if _has_tag_line(tokens) else 0) + 0.5


def _has_tag_line(tokens: list[Token]) -> bool:
    """`[Russia, EU]` or `[]` on one of the first three lines after the header fields."""
    lines: set[int] = set()
    for t in tokens:
        if t.kind is TokenKind.METADATA:
            continue
        lines.add(t.line)
        if len(lines) > 3:
            return False
        if t.kind in (TokenKind.PROSE, TokenKind.CLUTTER) and _TAGS.fullmatch(t.text):
            return True
    return False


@dataclass
class _Piece:
    """A paragraph and, when it opens with a super, the super's capitals and the words after."""

    para: Clip
    capitals: list[str]
    rest: Clip  # the paragraph after the super (all of it when there is none)


def _pieces(paragraphs: list[Clip], standup_super: list[str] | None = None) -> list[_Piece]:
    """Paragraphs with their supers. In a script typed all in capitals (`standup_super` given,
    possibly empty), capitals are no evidence of a super: a super is the run before a quote,
    or the correspondent's name and place the intro gives, nothing else."""
    pieces: list[_Piece] = []
    for para in paragraphs:
        previous = pieces[-1] if pieces else None
        count, end = _leading_capitals(para.text)
        if standup_super is not None and count and not para.text[end:].lstrip(" ,:").startswith('"'):
            count, end = _bounded_super(para.text, standup_super)
        words = para.text[:end].split()
        if count and (_is_super(words) or _short_super(para.text, end)):
            pieces.append(_Piece(para, words, para[end:]))
        elif previous and previous.capitals and not previous.rest.text.strip(" :,"):
            # The super on a line of its own, the words on the next.
            pieces[-1] = _Piece(Clip.join([previous.para, para]), previous.capitals, para)
        else:
            pieces.append(_Piece(para, [], para))
    return pieces


def _bounded_super(text: str, standup_super: list[str]) -> tuple[int, int]:
    """(words, end) of the stand-up super opening an all-capitals paragraph, or (0, 0)."""
    words = list(_TOKEN.finditer(text))
    k = len(standup_super)
    if k and len(words) > k and [w.group(0).strip(",:").upper() for w in words[:k]] == standup_super:
        return k, words[k - 1].end()
    return 0, 0


#: words of an intro's hand-over ("OUR CORRESPONDENT X REPORTS FROM Y"), for reading it in capitals
_HANDOVER = re.compile(r"\b(OUR|CORRESPONDENT|REPORTER|PRODUCER|EDITOR|REPORTS|FROM|HAS|MORE|THE|STORY|"
                       r"DETAILS|EXPLAINS|TAKES|A|LOOK|TELLS|US|LOOKS)\b")


def _is_all_capitals(paragraphs: list[Clip]) -> bool:
    letters = "".join(p.text for p in paragraphs)
    return is_capitals(letters) if any(c.isalpha() for c in letters) else False


def _looks_like_copy(line: str) -> bool:
    """A first line that is a paragraph of copy, not a headline: a long sentence, or sentences.
    (A headline never ends in a full stop, however long its words.)"""
    return len(line) > 160 and bool(re.search(r"[.!?]['\")\]]*$", line)) or \
        len(line.split()) > 12 and bool(re.search(r"[.!]\s+\S.*[.!]$", line))


def _short_super(text: str, end: int) -> bool:
    """`PUTIN "..."`: one word of capitals (not an acronym) right before a quote."""
    words = text[:end].split()
    return len(words) == 1 and words[0].strip(",:") not in ACRONYMS and len(words[0]) > 2 and \
        text[end:].lstrip(" ,:").startswith('"')


def _mixed_case_title(rest: Clip) -> tuple[list[str], Clip]:
    """`VLADIMIR PUTIN Russian President "..."`: a title in normal case before a quotation
    that runs to the end of the paragraph (not a stand-up that quotes a word)."""
    if rest.text.lstrip().startswith('"'):
        return [], rest
    m = re.match(r'\s*,?\s*([^"]{1,80}?)\s*[,:]?\s*(?=")', rest.text)
    if m and not _sentence_like(m.group(1)) and m.group(1)[:1].isupper() and \
            re.search(r'"[.,]?\s*$', rest.text) and rest.text.count('"') == 2:
        return m.group(1).split(), rest[m.end():]
    return [], rest


def _sentence_like(text: str) -> bool:
    """Text before a quote that is speech, not a title: long, or with a full stop."""
    return len(text.split()) > 8 or bool(re.search(r"[.!?]\s", text))


def _is_question(text: str) -> bool:
    """Words that only ask: every sentence ends with a question mark."""
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", text.strip().strip('"')) if s.strip()]
    return bool(sentences) and all(s.rstrip("\"' ").endswith("?") for s in sentences)


def assemble(script: str, tokens: list[Token], out: Assembly) -> None:
    """The page's lines read as a whole first (see `_read`), then every token used: the title
    and tag lines are metadata, each paragraph's words a part of their own (its super a note),
    the sign-off a part; the lexer's other tokens are kept as notes of their kind."""
    if not tokens:
        return
    lines = _text_lines(script, tokens)
    first = tokens[0].line
    title_clip = lines[first - 1]
    title, title_line, body_from = title_clip.text, first, first
    if _looks_like_copy(title):
        title, title_line, body_from = "", None, first - 1
    following = next((t.line for t in tokens if t.line > first), None) if title_line else None
    raw_lines = script.split("\n")
    tags_line = None
    if following is not None and _TAGS.fullmatch(raw_lines[following - 1].strip()):
        tags_line, body_from = following, following
        out.tags = tuple(t.strip() for t in raw_lines[following - 1].strip()[1:-1].split(",") if t.strip())
    paragraphs = common.unwrap(lines[body_from:], _opens_with_super)
    if not paragraphs and title_clip.text:
        # A one-paragraph script is all anchor copy; the first line is then not a title.
        paragraphs, title, title_line = [title_clip], "", None
    if title:
        out.facts["title"] = title
    readings = _read(paragraphs, out)
    # the web reader looks for the sign-off itself, at the end of the last paragraph only
    out.signoff_read = True

    starts = [r.para.start for r in readings]
    current = None
    aside: list[tuple[Token, NoteKind | None]] = []  # noted once the paragraph they interrupt ends
    for token in tokens:
        text = _is_text(script, token)
        if token.line == tags_line:
            out.note(token, NoteKind.METADATA, "web_tags")
            continue
        if token.line == title_line and text:
            out.note(token, NoteKind.METADATA, "web_title")
            continue
        k = bisect_right(starts, token.span[0]) - 1
        if not text or k < 0 or token.span[0] >= readings[k].para.span[1]:
            aside.append((token, None))
            continue
        if k != current:
            _set_aside(aside, out)
            out.end_part()
            current = k
        _speak(script, token, readings[k], out, aside)
    _set_aside(aside, out)


def _is_text(script: str, token: Token) -> bool:
    """A token of the page's text: prose, a super the lexer cut off its line (`EUROPEAN
    COMMISSION PRESIDENT, JEAN-CLAUDE JUNCKER: "..."`), or a writer's parenthesis the lexer
    took for a direction (`(about ten).` wrapped onto a line of its own): a web page writes no
    directions in single brackets. One that sets who speaks (`(ON CAM)`) or a note on the voice
    (`(in Russian)`) stays a note."""
    if token.kind in (TokenKind.PROSE, TokenKind.SPEAKER):
        return True
    return token.kind is TokenKind.DIRECTION and token.value is None and script[token.span[0]] == "(" and \
        script[token.span[0] + 1:token.span[0] + 2] != "("


def _text_lines(script: str, tokens: list[Token]) -> list[Clip]:
    """Each line of the script as the page's text on it (its text tokens, joined where
    another token parts them), empty where it has none: the lines `common.unwrap` makes
    paragraphs of, a line of notes or fields parting them as a blank line does."""
    runs: dict[int, list[tuple[int, int]]] = {}
    for t in tokens:
        if _is_text(script, t):
            spans = runs.setdefault(t.line, [])
            if spans and not script[spans[-1][1]:t.span[0]].strip():
                spans[-1] = (spans[-1][0], t.span[1])
            else:
                spans.append(t.span)
    count = script.count("\n") + 1
    return [Clip.join([Clip.of(script, a, b) for a, b in runs.get(n, [])]) for n in range(1, count + 1)]


@dataclass
class _Reading:
    """One paragraph as read: a super opening it (up to its words), the words with who says
    them, and a sign-off closing it."""

    para: Clip
    kind: Kind
    words: Clip | None  # None: no words left (a super on its own, a stray quotation mark)
    speaker: LowerThird | None = None
    super_: bool = False
    signoff: Clip | None = None

    def stretches(self) -> list[tuple[int, int, Kind | None, Clip | None]]:
        """[start, end) of the paragraph's super (kind None), words and sign-off, in order."""
        start, end = self.para.span
        words_end = self.signoff.start if self.signoff else end
        out = []
        if self.super_:
            out.append((start, self.words.start if self.words else words_end, None, None))
        if self.words or not self.super_:
            out.append((self.words.start if self.super_ else start, words_end, self.kind, self.words))
        if self.signoff:
            out.append((self.signoff.start, end, Kind.SIGNOFF, self.signoff))
        return out


def _speak(script: str, token: Token, reading: _Reading, out: Assembly,
           aside: list[tuple[Token, NoteKind | None]]) -> None:
    """A token of a paragraph: its share of the super kept as a note, of the words and the
    sign-off spoken (the quotation marks around them kept as the words' markup)."""
    for start, end, kind, words in reading.stretches():
        a, b = max(start, token.span[0]), min(end, token.span[1])
        if a >= b or not script[a:b].strip():
            continue
        piece = _cut(script, token, a, b)
        if kind is None:
            aside.append((replace(piece, rule="web_super"), NoteKind.SUPER))
            continue
        clip = words[bisect_left(words.offsets, a):bisect_left(words.offsets, b)] if words else None
        if clip is None or not clip.text.strip():
            aside.append((piece, NoteKind.DIRECTION))  # a quotation mark on its own
            continue
        speaker = reading.speaker if kind in (Kind.SOUNDBITE, Kind.STANDUP) else None
        out.speech(piece, kind, speaker=speaker, clip=clip, settled=True)


def _cut(script: str, token: Token, a: int, b: int) -> Token:
    """The stretch [a, b) of a token as a token of its own (a line's super, words, sign-off)."""
    text = script[a:b]
    inner = (a + len(text) - len(text.lstrip()), b - len(text) + len(text.rstrip()))
    return replace(token, span=(a, b), inner=inner, text=script[inner[0]:inner[1]])


def _set_aside(aside: list[tuple[Token, NoteKind | None]], out: Assembly) -> None:
    """Notes for the tokens set aside: of the kind given, or of their own; bracketed copy
    or a stray line the page's text cannot place is unclassified, warned about."""
    for token, kind in aside:
        if kind is not None:
            out.note(token, kind)
        elif token.kind is TokenKind.METADATA:
            out.metadata(token)
        elif token.kind in NOTE_OF:
            out.note(token, NOTE_OF[token.kind])
        else:
            out.note(token, NoteKind.UNCLASSIFIED, "web_unplaced")
            out.warnings.append(f"line {token.line}: {_quoted(token.text)} is not a line of the web page's "
                                f"text and was not read as speech; check who reads it")
    aside.clear()


def _quoted(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _read(paragraphs: list[Clip], out: Assembly) -> list[_Reading]:
    """The paragraphs read with what the whole page says: the correspondent (the intro's
    hand-over, the sign-off's initials, a stand-up's super), whether it is typed in capitals,
    the body's own spellings for casing the supers. Who is met goes into `out`."""
    if not paragraphs:
        return []
    all_capitals = _is_all_capitals(paragraphs)
    standup_super = None
    if all_capitals:
        # The intro's hand-over names the correspondent and the place: the one super that
        # no quote follows.
        named, place = common.correspondent_from_intro(
            _HANDOVER.sub(lambda m: m.group(1).lower(), paragraphs[0].text))
        standup_super = (named.upper().split() + (place or "").upper().split()) if named else []
    pieces = _pieces(paragraphs, standup_super)
    # The body's own spelling, learnt without the supers, restores their case.
    spellings = Spellings.from_text("\n".join(p.rest.text for p in pieces))

    intro = pieces[0].para.text if not pieces[0].capitals else ""
    if all_capitals:
        intro = _HANDOVER.sub(lambda m: m.group(1).lower(), intro)
    correspondent, location = common.correspondent_from_intro(intro)
    if all_capitals and correspondent:
        correspondent = proper_case(correspondent.split(), spellings, is_name=True)
        location = title_case(location) if location else None
    signoff = common.find_signoff(pieces[-1].para.text)
    if signoff and signoff.start == 0 and len(pieces) == 1:
        signoff = None
    location = (signoff.location if signoff else None) or location
    if all_capitals and location:
        location = title_case(location)
    if signoff and not correspondent:
        # Initials name the correspondent from a super that is not someone's quoted bite.
        runs = [p.capitals for p in pieces if p.capitals and not _is_titled_bite(p, spellings)]
        correspondent = common.name_from_initials(signoff.initials, runs)
    if not correspondent:
        correspondent = _standup_name(pieces, spellings)
    # An anchor reader (no correspondent, no sign-off): every word not in a bite is the anchor's.
    reader = not correspondent and not signoff

    readings: list[_Reading] = []
    speakers: dict[str, LowerThird] = {}  # by the capitals of full name and of surname
    previous: _Reading | None = None  # the last paragraph with words
    for i, piece in enumerate(pieces):
        if readings and readings[-1].words:
            previous = readings[-1]
        rest = piece.rest
        closing = None
        if signoff and i == len(pieces) - 1:
            rest = rest[:max(0, signoff.start - (len(piece.para) - len(piece.rest)))]
            closing = common.words_of(piece.para[signoff.start:])
        if not piece.capitals:
            if previous and previous.kind is Kind.SOUNDBITE and rest.text.startswith('"'):
                # The bite runs on in a second quoted paragraph.
                readings.append(_Reading(piece.para, Kind.SOUNDBITE, common.words_of(rest, unquote=True),
                                         previous.speaker, signoff=closing))
            else:
                kind = Kind.ANCHOR_INTRO if i == 0 or reader else Kind.NARRATION
                readings.append(_Reading(piece.para, kind, common.words_of(rest), signoff=closing))
            continue
        title_words, rest = _mixed_case_title(rest)
        run = " ".join(piece.capitals).strip(" ,:").upper()
        if run in speakers and not title_words:
            lt = speakers[run]
        else:
            known = tuple(n for n in (correspondent, *(s.name for s in speakers.values())) if n)
            lt, warning = lower_third(piece.capitals, title_words, spellings, known)
            if len(piece.capitals) == 1 and not title_words:
                warning = (f"soundbite under {run!r} alone: no earlier super names the speaker in full; "
                           f"check the lower-third")
            if warning:
                out.warnings.append(warning)
                lt = replace(lt, guessed=True)  # the split of name and title: marked for checking
        is_standup = bool(correspondent) and lt.name.lower() == correspondent.lower()
        if is_standup and not lt.title and location:
            lt = LowerThird(lt.name, location)
        if lt.name:
            speakers.setdefault(lt.name.upper(), lt)
            speakers.setdefault(lt.name.split()[-1].upper(), lt)
        following = pieces[i + 1] if i + 1 < len(pieces) else None
        asks = is_standup and _is_question(rest.text) and following is not None and bool(following.capitals)
        kind = Kind.STANDUP if is_standup and not asks else Kind.SOUNDBITE
        readings.append(_Reading(piece.para, kind, common.words_of(rest, unquote=True), lt, True, closing))
        if is_standup and not location:
            location = lt.title or None
    if correspondent:
        out.people.correspondent_named(correspondent)
    if location:
        out.facts["location"] = location
    if all_capitals and speakers:
        # Capitals say nothing of how a name is spelt: the rules (particles, Mc, acronyms) are a guess.
        cased = ", ".join(dict.fromkeys(lt.name for lt in speakers.values() if lt.name))
        out.warnings.append(f"the script is typed in capitals: the lower-thirds' case ({cased}) is inferred, "
                            f"not spelt by the script; check it")
    return readings


def _is_titled_bite(piece: _Piece, spellings: Spellings) -> bool:
    """`ANNA PETROVA RUSSIAN PRESIDENT "..."`: a title, not a place, over a quotation."""
    quoted = piece.rest.text.lstrip(" ,:").startswith('"') or bool(_mixed_case_title(piece.rest)[0])
    return quoted and is_titleish(lower_third(piece.capitals, [], spellings)[0].title.split())


def _standup_name(pieces: list[_Piece], spellings: Spellings) -> str | None:
    """The correspondent no intro or sign-off names: the one whose super gives a place, not a
    title, over words that are not quoted (`JULIA LYUBOVA MOSCOW Russia, Turkey and ...`)."""
    for piece in reversed(pieces):
        if len(piece.capitals) < 3 or piece.rest.text.lstrip(" ,:").startswith('"') or \
                _mixed_case_title(piece.rest)[0]:
            continue
        lt, _ = lower_third(piece.capitals, [], spellings)
        if lt.name and lt.title and not is_titleish(lt.title.split()):
            return lt.name
    return None
