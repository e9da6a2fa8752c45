"""Lex: a script as an ordered list of typed tokens, each with its span and the rule that
matched it.

Two passes, as a tolerant parser of human text works. The scan cuts the script into
pieces: bracketed notes `((...))`, bracketed copy `[[...]]`, and the lines of text between
them (headers pasted onto one line, notes in the middle of a sentence and mismatched
brackets, `((INTRO: ... ]]`, are all common). Then each piece goes through an ordered
registry of small named rules, one function each; the first that claims it makes its
tokens. A note no rule claims is a direction (it is bracketed: never speech); a line no rule
claims is prose. Every non-blank character of the script lands in exactly one token.

The vocabularies the rules share (metadata keys, direction words, role words, languages)
live once in `vocabulary.toml`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache

from broadcast.segment import vocabulary as vocab
from broadcast.segment.supers import UPPER, is_acronym, is_capitals, title_case


class TokenKind(StrEnum):
    METADATA = "metadata"  # header fields: value is the field (title, correspondent, ...)
    DIRECTION = "direction"  # value is the mode it sets (intro, narration, ...) or None
    SPEAKER = "speaker"  # a super naming who speaks: text is the label as typed
    SUPER = "super"  # a CG:/SUPER:/ASTON: line: the super as the producer typed it
    CREDIT = "credit"  # an on-screen credit the script asks for
    VOICE = "voice"  # a note on the voice: language, gender, duration; value the language
    CUE = "cue"  # IN: / OUT: / RUNS: / DUR:, and a bite's running time `(:09)`
    SHOT = "shot"  # a shot line: what the pictures show (`GVs flooded high street`)
    COPY = "copy"  # bracketed anchor copy [[...]]; value is the mode when a note set it inline
    PROSE = "prose"  # a line of text outside brackets; value is the mode a label gave it
    RADIO = "radio"  # copy or notes for the radio version
    WEB = "web"  # copy or notes for the web version
    CLUTTER = "clutter"  # the page around the script, stray brackets, end marks


@dataclass(frozen=True)
class Token:
    kind: TokenKind
    rule: str
    #: [start, end) of the whole token in the script, brackets included
    span: tuple[int, int]
    #: [start, end) of what the token says (inside brackets, after a label)
    inner: tuple[int, int]
    text: str  # the script's characters in `inner`
    line: int  # 1-based line of the token's start
    value: str | None = None
    #: metadata fields as (key, field, value) triples
    fields: tuple[tuple[str, str, str], ...] = ()


# --- the scan ---------------------------------------------------------------------------

@dataclass(frozen=True)
class _Piece:
    shape: str  # "note" (( )), "copy" [[ ]], "line" text outside brackets
    span: tuple[int, int]
    inner: tuple[int, int]


_OPENERS = re.compile(r"\({2,}|\[{2,}")
#: the time a broadcast transcript's next words went to air: `[20:14:05]`
AIR_TIME = r"\[\d{1,2}:\d\d(?::\d\d)?\]"
_LEADING_PIECE = re.compile(rf"(?:\([^()\n]{{1,60}}\)[)\]]*|\d{{1,2}}:\d\d(?:[:;.]\d\d){{0,2}}|{AIR_TIME})\s+(?=\S)")
_INLINE_PIECE = re.compile(r"[\])]{2,}[.,;]?(?=\s*$)|\(\s*\d{0,2}:\d\d\s*\)(?=\s*$)|\*\*(?P<note>[^*\n]+)\*\*|"
                           r"\((?P<translation>(?i:(?:[a-z]+\s+)?translation)\s*:[^()\n]*)\)|"
                           # a direction in single brackets, in capitals, inside a line:
                           # `... Ukraine. (NARRATOR) Within ten days ...`; not a shot list's
                           # `6. (SOUNDBITE) ...` nor a label's `SMITH (ON CAM):`, read by their rules
                           rf"(?<!\d\.\s)(?<!\d\)\s)\(\s*(?P<direction>(?:{vocab.mode_alternation()})\s*:?)\s*\)(?!\s*:)|"
                           # a credit or a note on the pictures: `(Mandatory cg: AP)`, `(VIDEO: ...)`
                           rf"\((?P<aside>(?i:{vocab.alternation('credit_openers')}|"
                           rf"{vocab.alternation('direction_openers')})\s*:[^()\n]{{0,160}})\)|"
                           # and a speaker's `(Name Surname, Title)` right before the quote
                           rf"\((?P<speaker>{UPPER}[\w.'\u2019-]+(?:\s+{UPPER}[\w.'\u2019-]+){{1,3}}\s*[,/]\s*"
                           r"[^()\n]{2,60}?(?:\([^()\n]{1,40}\)[^()\n]{0,20})?)\)\s*(?=[\"\u201c])")
_NOTE_CLOSERS = re.compile(r"\){2,}|\]{2,}")


def _scan(script: str) -> list[_Piece]:
    """Notes, copy and lines, in order; linear in the script's length (every search starts
    where the last ended, and closers are looked up in one pre-computed list)."""
    closers = [(m.start(), m.end()) for m in _NOTE_CLOSERS.finditer(script)]
    closer_starts = [c[0] for c in closers]
    openers = [m.start() for m in _OPENERS.finditer(script)]
    pieces: list[_Piece] = []
    pos = 0
    n = len(script)
    for m in _OPENERS.finditer(script):
        if m.start() < pos:
            continue
        _lines(script, pos, m.start(), pieces)
        line_end = script.find("\n", m.end())
        line_end = n if line_end < 0 else line_end
        i = bisect.bisect_left(closer_starts, m.end())
        close = closers[i] if i < len(closers) else None
        next_open = openers[bisect.bisect_right(openers, m.start())] if bisect.bisect_right(
            openers, m.start()) < len(openers) else n
        if m.group(0)[0] == "(":
            end, inner_end = _note_end(script, m.end(), line_end, close, next_open)
            pieces.append(_Piece("note", (m.start(), end), (m.end(), inner_end)))
        else:
            # Copy runs to its closer, `]]` or a mismatched `))`, across lines, unless a new
            # note or copy opens first; left open, it runs to the end of its line.
            if close and close[0] < next_open:
                pieces.append(_Piece("copy", (m.start(), close[1]), (m.end(), close[0])))
                end = close[1]
            else:
                pieces.append(_Piece("copy", (m.start(), line_end), (m.end(), line_end)))
                end = line_end
        pos = end
    _lines(script, pos, n, pieces)
    return pieces


def _note_end(script: str, start: int, line_end: int, close, next_open: int) -> tuple[int, int]:
    """Where a note opened at `start` ends: (end, end of its content)."""
    if close and close[0] <= line_end:
        end = close[1]
        inner = script[start:close[0]]
        # `((Name, Title (in Dari)))`: a third `)` closes the inner bracket, not the line
        while end < len(script) and script[end] == ")" and inner.count("(") > inner.count(")"):
            end += 1
        return end, close[0]
    stripped = script[start:line_end].rstrip()
    if stripped.endswith(")") and stripped.count(")") > stripped.count("("):
        # `((Zoom)`: closed with one bracket (in `((TITLE: President (TV)` the bracket is the TV's)
        return start + len(stripped), start + len(stripped) - 1
    # A note wrapped onto the next line or two: `((Video: ... BROLL\n41 seconds))`
    if close and close[0] < next_open and script.count("\n", line_end, close[0]) <= 2 \
            and close[0] - start <= 400:
        return close[1], close[0]
    return line_end, line_end  # left open: the note is the rest of its line


def _lines(script: str, start: int, end: int, pieces: list[_Piece]) -> None:
    """The non-blank lines of script[start:end], each stripped, as pieces."""
    pos = start
    mid_sentence = False  # the line before broke off mid-sentence: this one goes on with it
    while pos < end:
        nl = script.find("\n", pos, end)
        stop = end if nl < 0 else nl
        text = script[pos:stop]
        if text.strip():
            a = pos + len(text) - len(text.lstrip())
            b = pos + len(text.rstrip())
            # a line opening with a note or a time code before the words: `(English, 12 secs))
            # "His tongue ...`, `18:47:35 "We're the largest ...`, `[10:02:31] PUTIN: ...`; not a
            # wrapped line that happens to open with a bracket (`... the\n(about ten) the.`)
            lead = None if mid_sentence else _LEADING_PIECE.match(script, a, b)
            mid_sentence = script[b - 1].isalnum() or script[b - 1] in ",;"
            if lead and lead.end() < b:
                lead_end = a + len(script[a:lead.end()].rstrip())
                pieces.append(_Piece("line", (a, lead_end), (a, lead_end)))
                a = lead.end()
            # a bracket closed here that no note opened (`... from Odesa.]]`), a bite's running
            # time (`"... alive." (:09)`), a producer's `**note**`, a `(Translation: ...)` for
            # the desk and a `(NARRATOR)` pasted into the line are pieces of their own
            for m in _INLINE_PIECE.finditer(script, a, b):
                single = m.group("direction") or m.group("aside") or m.group("speaker")
                if single and not script[a:m.start()].strip() and not script[m.end():b].strip():
                    continue  # `(ON CAM)` on a line of its own: the line rules read it
                if m.start() > a and script[a:m.start()].strip():
                    s_end = a + len(script[a:m.start()].rstrip())
                    pieces.append(_Piece("line", (a, s_end), (a, s_end)))
                group = next((g for g in ("note", "translation", "direction", "aside", "speaker")
                              if m.group(g) is not None), None)
                inner = (m.start(group), m.end(group)) if group else (m.start(), m.end())
                pieces.append(_Piece("note" if group else "line", (m.start(), m.end()), inner))
                a = m.end() + len(script[m.end():b]) - len(script[m.end():b].lstrip())
            if a < b:
                pieces.append(_Piece("line", (a, b), (a, b)))
        pos = stop + 1


# --- the rules --------------------------------------------------------------------------

#: a rule takes the script and a piece and returns its tokens, or None to pass it on
Rule = Callable[[str, _Piece, int], "list[Token] | None"]

NOTE_RULES: list[tuple[str, Rule]] = []
LINE_RULES: list[tuple[str, Rule]] = []


def note_rule(name: str):
    def register(fn: Rule) -> Rule:
        NOTE_RULES.append((name, fn))
        return fn
    return register


def line_rule(name: str):
    def register(fn: Rule) -> Rule:
        LINE_RULES.append((name, fn))
        return fn
    return register


def _token(kind, rule, piece: _Piece, script: str, line: int, value=None, inner=None, fields=()) -> Token:
    inner = inner or piece.inner
    a, b = inner
    text = script[a:b]
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    inner = (a + lead, b - trail) if text.strip() else (a, a)
    return Token(kind, rule, piece.span, inner, script[inner[0]:inner[1]], line, value, fields)


def _content(script: str, piece: _Piece) -> str:
    return script[piece.inner[0]:piece.inner[1]]


def _strip_number(phrase: str) -> str:
    """`TRACK 2`, `SOT 1`, `VOX 3` as their phrase."""
    return re.sub(r"(?:\s+(?:NO\s+)?\d{1,2}[A-Z]?)+$", "", phrase)


def mode_of(text: str) -> str | None:
    """The mode a direction phrase sets, or None when it is not one."""
    phrase = vocab.bare(text)
    modes = vocab.modes()
    return modes.get(phrase) or modes.get(_strip_number(phrase))


def _fields(script: str, start: int, end: int, any_case: bool = False) -> list[tuple[int, int, str, int, int]]:
    """Metadata fields in script[start:end]: (key start, key end, key, value start, value end)."""
    out = []
    matches = list(vocab.metadata_key_pattern(any_case).finditer(script, start, end))
    for i, m in enumerate(matches):
        value_end = matches[i + 1].start() if i + 1 < len(matches) else end
        out.append((m.start(), m.end(), m.group("key"), m.end(), value_end))
    return out


def _metadata_token(script: str, piece: _Piece, line: int, rule: str, start: int, any_case: bool = False) -> Token:
    keys = vocab.metadata_keys()
    fields = tuple(
        (key, keys[vocab.bare(key)], _field_value(keys[vocab.bare(key)], script[vs:ve]))
        for _, _, key, vs, ve in _fields(script, start, piece.inner[1], any_case))
    return _token(TokenKind.METADATA, rule, piece, script, line, value=fields[0][1] if fields else None,
                  inner=(start, piece.inner[1]), fields=fields)


def _field_value(field: str, text: str) -> str:
    """A field's value on one line, without a stray closing bracket (`TRT: 2:31)`; a bracket
    that closes one of the value's own, `President (TV)`, stays); a dateline's is its place
    (`DATELINE: Beirut - 3 Aug 2021`)."""
    value = " ".join(text.split())
    while value.endswith(")") and value.count(")") > value.count("("):
        value = value[:-1].rstrip()
    return _DATED.sub("", value) or value if field == "location" else value


def _and_rest(head: Token, end: int, script: str, piece: _Piece, line: int, rule: str | None = None) -> list[Token]:
    """A label's token and, after it on the line (from `end`), the words as prose."""
    if end >= piece.inner[1]:
        return [head]
    rest = _Piece("line", (end, piece.span[1]), (end, piece.inner[1]))
    return [head, _token(TokenKind.PROSE, rule or head.rule, rest, script, line)]


# Notes, in order: the first that claims a note makes its tokens.

@note_rule("note_empty")
def _note_empty(script, piece, line):
    if not _content(script, piece).strip(" :.-"):
        return [_token(TokenKind.CLUTTER, "note_empty", piece, script, line)]
    return None


@note_rule("note_metadata")
def _note_metadata(script, piece, line):
    text = _content(script, piece)
    lead = len(text) - len(text.lstrip())
    m = vocab.metadata_key_pattern(any_case=True).match(script, piece.inner[0] + lead, piece.inner[1])
    if m:
        return [_metadata_token(script, piece, line, "note_metadata", m.start(), any_case=True)]
    return None


@note_rule("note_alternate_version")
def _note_alternate_version(script, piece, line):
    """`((Narrator, nonstandup version))`: the same words in another version; who speaks
    does not change."""
    if re.search(r"(?i)\bnon[- ]?(?:stand[- ]?up|sot)\b.*\bversion\b", _content(script, piece)):
        return [_token(TokenKind.DIRECTION, "note_alternate_version", piece, script, line)]
    return None


@note_rule("note_camera")
def _note_camera(script, piece, line):
    """`(CAM 2 -- RACHEL)`: the studio camera on the anchor."""
    if re.match(r"(?i)\s*cam(?:era)?\s*\d+\b", _content(script, piece)):
        return [_token(TokenKind.DIRECTION, "note_camera", piece, script, line, value="intro")]
    return None


def _kind_of_mode(mode: str | None) -> TokenKind:
    """Copy under RADIO or WEB is for another medium; any other mode is a direction."""
    return {"radio": TokenKind.RADIO, "web": TokenKind.WEB}.get(mode, TokenKind.DIRECTION)


def _whole_direction(name: str) -> Rule:
    """A rule for a piece that is a direction phrase and nothing else: `((NARRATOR))`, `TAKE PKG`."""
    def rule(script, piece, line):
        mode = mode_of(_content(script, piece))
        return [_token(_kind_of_mode(mode), name, piece, script, line, value=mode)] if mode else None
    return rule


note_rule("note_mode")(_whole_direction("note_mode"))


_LABEL_HEAD = re.compile(r"\s*(?P<label>[^:\n]{1,40}?)\s*:+\s*")


@note_rule("note_mode_with_copy")
def _note_mode_with_copy(script, piece, line):
    """`((INTRO: The anchor's copy ... ]]`, `((Radio: the radio version))`."""
    m = _LABEL_HEAD.match(script, piece.inner[0], piece.inner[1])
    if not m:
        return None
    mode = mode_of(m.group("label"))
    if not mode:
        return None
    rest = script[m.end():piece.inner[1]]
    if mode in ("radio", "web", "skip", "nat") or len(re.findall(r"[^\W\d_]{2,}", rest)) < 3:
        # another medium's copy, or no words to speak (`SOT In: 2:44 approx.`)
        return [_token(_kind_of_mode(mode), "note_mode_with_copy", piece, script, line, value=mode)]
    if mode in ("soundbite", "standup") and _is_label_super(rest):
        # `((SOT: Maria Silva, firefighter (in Portuguese)))`, `((STANDUP: Ana Costa))`: who speaks
        if mode == "standup":
            return [_token(TokenKind.DIRECTION, "note_mode_with_speaker", piece, script, line, value=mode)]
        head = _Piece("note", (piece.span[0], m.end()), (piece.inner[0], m.start("label") + len(m.group("label"))))
        who = _Piece("note", (m.end(), piece.span[1]), (m.end(), piece.inner[1]))
        return [_token(TokenKind.DIRECTION, "note_mode_with_speaker", head, script, line, value=mode),
                _token(TokenKind.SPEAKER, "note_mode_with_speaker", who, script, line)]
    head = _Piece("note", (piece.span[0], m.end()), (piece.inner[0], m.start("label") + len(m.group("label"))))
    return [_token(TokenKind.DIRECTION, "note_mode_with_copy", head, script, line, value=mode),
            _token(TokenKind.COPY, "note_mode_with_copy", _Piece("copy", (m.end(), piece.span[1]),
                                                                  (m.end(), piece.inner[1])),
                   script, line, value=mode)]


def _starts_with(text: str, list_name: str) -> bool:
    phrase = vocab.bare(text)
    return any(phrase == w or phrase.startswith(w + " ") for w in vocab.words(list_name))


@note_rule("note_radio_web")
def _note_radio_web(script, piece, line):
    """`((For radio, Jane Doe is ...))`, `((Radio Track: ...))`, `((WEB LEAD))`."""
    phrase = vocab.bare(_content(script, piece))
    for mode, kind in (("radio", TokenKind.RADIO), ("web", TokenKind.WEB)):
        for p, m in vocab.modes().items():
            if m == mode and (phrase == p or phrase.startswith(p + " ")):
                return [_token(kind, "note_radio_web", piece, script, line, value=mode)]
    return None


_STANDUP_WORDS = re.compile(r"(?i)\b(?:stand[- ]?up(?:per)?|on[- ]cam(?:era)?|off[- ]cam(?:era)?|PTC|"
                            r"piece to camera)\b")


@note_rule("note_standup")
def _note_standup(script, piece, line):
    """`((KANE FARABAUGH ON CAMERA))`, `((Ayesha Tanzeem, VOA News) stand up version))`,
    `((Reporter off-camera))`: the correspondent speaks."""
    if _STANDUP_WORDS.search(_content(script, piece)):
        return [_token(TokenKind.DIRECTION, "note_standup", piece, script, line, value="standup")]
    return None


@note_rule("note_nat")
def _note_nat(script, piece, line):
    """`((NATS))`, `((nat sound – "thank you"))`, `((nats of sirens))`: sound, not speech;
    quoted words after it are a nat-sound pop."""
    if re.match(r"(?i)\s*nat(?:s|ural)?\b|\s*(?:sound ?up|music|sfx)\b", _content(script, piece)):
        return [_token(TokenKind.DIRECTION, "note_nat", piece, script, line, value="nat")]
    return None


@note_rule("note_credit")
def _note_credit(script, piece, line):
    """`((Mandatory cg: Skype))`, `((COURTESY: NEUTRA FAMILY))`, `((Via Zoom))`, `((end courtesy))`."""
    text = _content(script, piece)
    if _starts_with(text, "credit_openers") or re.search(r"(?i)\bcourtesy\b", text):
        return [_token(TokenKind.CREDIT, "note_credit", piece, script, line)]
    return None


#: a language no list names, in a note that says who speaks it: `Female, in Borana`
_SPEAKS_IN = re.compile(r"(?i:\b(?:male|female|man|woman|boy|girl|speaking)\b)\W+(?:(?i:speaking)\s+)?(?i:in)\s+"
                        rf"({UPPER}[a-z]+(?:-[A-Z]?[a-z]+)?)\b")


def language_in(text: str) -> str | None:
    """The language a voice note names (`Female in Dari`, `IN SPANISH`, `english, Male`)."""
    m = re.search(rf"(?i)(?<![\w])({vocab.alternation('languages')})(?![\w])", text)
    if m:
        return m.group(1).title()
    m = _SPEAKS_IN.search(text)
    return m.group(1) if m else None


def is_voice_note(text: str) -> bool:
    """A note about the voice only: its words are all voice words, languages, numbers."""
    unlisted = language_in(text)
    words = [w for w in re.split(r"[\s,;/&+()\-\u2013\u2014]+", vocab.bare(text)) if w]
    voice = vocab.words("voice_words") | vocab.words("languages") | {"IN", "AND", "WITH", "APPROX", "S"}
    if unlisted:
        voice = voice | {vocab.bare(unlisted)}
    return bool(words) and all(w in voice or re.fullmatch(r"\d+|:\d+|\d+SECS?", w) for w in words)


@note_rule("note_duration")
def _note_duration(script, piece, line):
    """`(:09)`, `(0:14)`, `(14 secs)`: a bite's running time."""
    if re.fullmatch(r"(?i)\s*(?:runs\s*)?(?:\d{0,2}:\d\d|\d{1,3}\s*(?:s|secs?|seconds))\s*",
                    _content(script, piece)):
        return [_token(TokenKind.CUE, "note_duration", piece, script, line)]
    return None


@note_rule("note_voice")
def _note_voice(script, piece, line):
    text = _content(script, piece)
    if is_voice_note(text):
        return [_token(TokenKind.VOICE, "note_voice", piece, script, line, value=language_in(text))]
    return None


# Broadcast transcripts (`transcript.py`): the page a network publishes around what went to air,
# and the transcriber's marks inside it. Their shapes are precise (a time in square brackets,
# BEGIN/END with a tape, a closed list of sounds), so they claim nothing of other scripts.

TAPE = re.compile(r"\s*(?P<edge>BEGIN|END)\s+(?:VIDEO\s*TAPE|VIDEO\s+CLIP|AUDIO\s*TAPE|AUDIO\s+CLIP|LIVE\s+FEED)\s*",
                  re.I)


def tape_begins(token: Token) -> bool | None:
    """True at `(BEGIN VIDEOTAPE)`, False at `(END VIDEO CLIP)`, None for any other token."""
    m = TAPE.fullmatch(token.text) if token.rule == "note_videotape" else None
    return m.group("edge").upper() == "BEGIN" if m else None


@note_rule("note_videotape")
def _note_videotape(script, piece, line):
    """`(BEGIN VIDEOTAPE)`, `(END VIDEO CLIP)`: where the tape rolls and stops; inside it a
    correspondent's words are the track (no other rule names it: `BEGIN ...` read as a speaker)."""
    if TAPE.fullmatch(_content(script, piece)):
        return [_token(TokenKind.DIRECTION, "note_videotape", piece, script, line)]
    return None


@cache
def transcriber_note() -> re.Pattern:
    """A transcriber's note of what is heard that is no one's words: `CROSSTALK`, `LAUGHTER`,
    `COMMERCIAL BREAK`, `SPEAKING IN SPANISH`, `FOREIGN LANGUAGE SPOKEN` (inside its brackets)."""
    return re.compile(rf"\s*(?:{vocab.alternation('transcriber_notes')}|(?:[A-Z]+\s+)?SPEAKING\s+(?:IN\s+)?"
                      rf"[A-Z]+(?:\s+LANGUAGE)?|(?:[A-Z]+\s+){{1,2}}SPOKEN)\s*", re.I)


@note_rule("note_transcriber")
def _note_transcriber(script, piece, line):
    """`(CROSSTALK)`, `(LAUGHTER)`, `(COMMERCIAL BREAK)`: a transcriber's note, not a speaker."""
    if transcriber_note().fullmatch(_content(script, piece)):
        return [_token(TokenKind.DIRECTION, "note_transcriber", piece, script, line)]
    return None


@line_rule("line_air_time")
def _line_air_time(script, piece, line):
    """`[20:14:05]`: the time the next words went to air, the page's, not the story's."""
    if re.fullmatch(AIR_TIME, _content(script, piece).strip()):
        return [_token(TokenKind.CLUTTER, "line_air_time", piece, script, line)]
    return None


@line_rule("line_aired")
def _line_aired(script, piece, line):
    """`Aired July 22, 2025 - 20:00 ET`: when the programme went out, the page's."""
    if re.fullmatch(r"Aired\s+[^.!?\n]{0,60}?\d[^.!?\n]{0,40}?\b(?:ET|PT|CT|MT|EST|EDT|PST|PDT|GMT|UTC|BST|CET)\.?",
                    _content(script, piece).strip()):
        return [_token(TokenKind.CLUTTER, "line_aired", piece, script, line)]
    return None


_TIMECODE = re.compile(r"\b\d{1,2}[:;.]\d\d(?:[:;.]\d\d){1,2}\b|\bV0{2,}_\w+|\bTC\s*\d")


@note_rule("note_direction")
def _note_direction(script, piece, line):
    """A note about pictures, graphics or production: `((VIDEO: ...))`, `((AP: 00:00-00:06))`,
    `((WS BRIDGE AT DAWN))`."""
    text = _content(script, piece)
    if _starts_with(text, "direction_openers") or _starts_with(text, "shot_openers") or _TIMECODE.search(text):
        return [_token(TokenKind.DIRECTION, "note_direction", piece, script, line)]
    return None


@note_rule("note_speaker")
def _note_speaker(script, piece, line):
    """`((Name, Title (notes)))`, `((Title Name))`, `((Description (Boy 1)))`, `((Surname))`."""
    from broadcast.segment.people import parse_label
    if parse_label(_content(script, piece)) is not None:
        return [_token(TokenKind.SPEAKER, "note_speaker", piece, script, line)]
    return None


# Lines outside brackets, in order.

@line_rule("line_stray_bracket")
def _line_stray_bracket(script, piece, line):
    if re.fullmatch(r"[\s()\[\].,;:{}*]+", _content(script, piece)):
        return [_token(TokenKind.CLUTTER, "line_stray_bracket", piece, script, line)]
    return None


@line_rule("line_timecode")
def _line_timecode(script, piece, line):
    """`1:40`, `18:47:35`, `00:06:27-00:18:06`: where a clip sits in the source, not speech."""
    if re.fullmatch(r"[\d:;.,\s\-\u2013]+", _content(script, piece)) and ":" in _content(script, piece):
        return [_token(TokenKind.CUE, "line_timecode", piece, script, line)]
    return None


@line_rule("line_end_mark")
def _line_end_mark(script, piece, line):
    text = _content(script, piece).strip()
    if text.upper() in {w for w in vocab.words("end_marks")} | {"##", "###", "-30-", "- 30 -"} or \
            re.fullmatch(r"#{2,}|-+\s*(?:30|end|ends)\s*-+|\*{3,}|={3,}|-{3,}", text, re.I):
        return [_token(TokenKind.CLUTTER, "line_end_mark", piece, script, line)]
    return None


@line_rule("line_clutter")
def _line_clutter(script, piece, line):
    """The page around the script: cookie banners, `Metadata` lists, page numbers."""
    text = _content(script, piece)
    phrase = vocab.bare(text)
    # a one-word phrase (`Metadata`, `Printed`) only as the whole line; a longer one (`We use
    # cookies`) may open a banner
    fields = _fields(script, piece.inner[0], piece.inner[1])
    if any(phrase == w or " " in w and phrase.startswith(w) and (
            len(text.split()) <= 12 or fields or len(w.split()) >= 3)  # a long phrase is telling alone
            for w in vocab.words("clutter")) \
            or re.fullmatch(r"(?i)page \d+(?: of \d+)?|\d+\s*/\s*\d+|https?://\S+", text.strip()) \
            or len(text.split()) <= 12 and re.search(r"(?i)\bpage \d+ of \d+\s*$|^printed\b.*\d", text) \
            or re.fullmatch(r"-\s+\S.*", text.strip()) and (fields or len(text) <= 80) \
            and not re.search(r"[.!?]\W*$", text):
        # A metadata field among the clutter (`Transcript/Script ... HEADLINE: ...`) is kept as one.
        if fields:
            first = fields[0][0]
            head = _Piece("line", (piece.span[0], first), (piece.inner[0], first))
            rest = _Piece("line", (first, piece.span[1]), (first, piece.inner[1]))
            return [_token(TokenKind.CLUTTER, "line_clutter", head, script, line),
                    _metadata_token(script, rest, line, "line_metadata", first)]
        return [_token(TokenKind.CLUTTER, "line_clutter", piece, script, line)]
    return None


def _label(script: str, piece: _Piece) -> re.Match | None:
    return _LABEL_HEAD.match(script, piece.inner[0], piece.inner[1])


@line_rule("line_metadata")
def _line_metadata(script, piece, line):
    """`BYLINE: Jane Doe`, or a header pasted onto one line: `HEADLINE: ... BYLINE: ... TRT: 2:31`."""
    fields = _fields(script, piece.inner[0], piece.inner[1])
    if not fields or fields[0][0] != piece.inner[0]:
        return None
    key = vocab.bare(fields[0][2])
    value = script[fields[0][3]:fields[0][4]]
    # `REPORTER: Jane Doe` is a header field; `REPORTER: The flood came at night...` is copy.
    if len(fields) == 1 and mode_of(key) not in (None, "skip", "radio", "web") and not _names_a_person(value):
        return None
    return [_metadata_token(script, piece, line, "line_metadata", piece.inner[0])]


def _names_a_person(value: str) -> bool:
    """`Jane Smith`, `JANE SMITH`: two to four capitalised words, no sentence."""
    words = value.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not re.search(r"[.!?:\d]", value)


# Agency shot lists (AP, Reuters, CGTN feeds): soundbite headers, numbered shot lines and
# datelines. Each is a whole-line shape that a production or newsroom script does not write:
# a number or a bracketed language before the bite word, a number before a description with
# no quotation and no sentence, a place and a date alone on a line.

_MONTH = r"(?i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[A-Za-z]*\.?"
_DATE = (rf"(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|\d{{4}}-\d\d-\d\d|"
         rf"\d{{1,2}}/\d{{1,2}}/\d{{2,4}})")
#: a date after a place: `Beirut - 3 Aug 2021`, `Kyiv, Monday, March 3, 2025`
_DATED = re.compile(rf"\s*[-\u2013\u2014,]\s*(?:[A-Z][a-z]+day,?\s+)?{_DATE}.*$")
_NUMBER = r"(?P<number>\d{1,3})[.)]\s+"
_TIMED = r"(?:\(?\d{1,2}:\d\d(?::\d\d)?\)?\s+)?"  # a time code in the source: `00:13`, `(0:24)`
_AGENCY_BITE = re.compile(
    rf"\s*(?:{_NUMBER})?{_TIMED}(?P<bracket>\()?(?P<what>{vocab.alternation('bite_headers')})\)?"
    r"\s*:?\s*(?:\((?P<lang>[^)\n]*)\)\s*:?\s*)?(?P<who>[^\n:]*?)\s*:\s*")
_NUMBERED_LINE = re.compile(rf"\s*{_NUMBER}{_TIMED}\S")
_DATELINE = re.compile(
    rf"\s*(?:SHOWS:\s*)?(?P<place>{UPPER}[^\n():]{{0,80}}?)\s*(?:[-\u2013\u2014,]\s*(?:[A-Z][a-z]+day,?\s+)?"
    rf"{_DATE}|\((?:[A-Z]+DAY,?\s+)?{_DATE}\))"
    rf"\s*(?:\((?P<source>[^)\n]*)\))?\s*(?:\[[^\]\n]*\])?\s*")


def _bite_language(written: str | None) -> str | None:
    """`(Russian)`, `(English/Arabic)`: the bite's language; `(Nat sound)`, `(No dialogue)`: none."""
    if not written or re.search(r"(?i)no dialogue|nat|natural|sound|music|silent", written):
        return None
    return re.split(r"[/,;]| and ", written)[0].strip().title() or None


@line_rule("line_agency_soundbite")
def _line_agency_soundbite(script, piece, line):
    """`5. SOUNDBITE (Russian) Andrei Voronin, deputy head, ...:`, `3. (SOUNDBITE) (Russian)
    RUSSIAN PRESIDENT, VLADIMIR PUTIN, SAYING:`, `4. 00:24 UPSOUND (Arabic) Protesters
    chanting:`: who speaks next (value: the language), the bite on the following lines or
    after the colon. Natural sound names no one: its header is a note on the sound."""
    m = _AGENCY_BITE.match(script, piece.inner[0], piece.inner[1])
    # numbered, bracketed or with its language: never a newsroom's `SOT: NAME, TITLE` label
    if not m or not (m.group("number") or m.group("bracket") or m.group("lang") is not None):
        return None
    language = _bite_language(m.group("lang"))
    head = _Piece("line", (piece.span[0], m.end()), (m.start("who"), m.end("who")))
    nat = vocab.bare(m.group("what")) in vocab.words("sound_headers") or not m.group("who").strip()
    return _and_rest(_token(TokenKind.VOICE if nat else TokenKind.SPEAKER, "line_agency_soundbite", head, script,
                            line, value=language), m.end(), script, piece, line)


@line_rule("line_numbered_shot")
def _line_numbered_shot(script, piece, line):
    """`1. Wide of station concourse`, `2. 00:08 Close of woman holding photograph`: a shot of
    a shot list. It describes the pictures: no quotation, no sentence."""
    text = _content(script, piece)
    if _NUMBERED_LINE.match(text) and '"' not in text and not re.search(r"[.!?]\s*$", text):
        return [_token(TokenKind.SHOT, "line_numbered_shot", piece, script, line)]
    return None


@line_rule("line_dateline")
def _line_dateline(script, piece, line):
    """`Moscow, Russia - May 8, 2025 (CGTN - No access Chinese mainland)`, `SHOWS: SOCHI,
    RUSSIA (NOVEMBER 22, 2017) (REUTERS - ACCESS ALL)`: where and when the pictures were shot,
    and whose feed they are. Its fields: the place (its town, as named) and the network."""
    m = _DATELINE.fullmatch(script, piece.inner[0], piece.inner[1])
    if not m:
        return None
    fields = [("DATELINE", "location", _as_named(m.group("place").split(",")[0].strip()))]
    feed = re.split(r"\s+[-\u2013\u2014/]\s*|,", m.group("source") or "")[0].strip()
    if feed:
        fields.append(("SOURCE", "network", _as_named(feed)))
    return [_token(TokenKind.METADATA, "line_dateline", piece, script, line, value="location",
                   fields=tuple(fields))]


def _as_named(words: str) -> str:
    """`SOCHI` as Sochi, `REUTERS` as Reuters; a network's acronym (CGTN, AP) stays."""
    return title_case(words) if is_capitals(words) and not is_acronym(words) else words


_CUE_LABELS = re.compile(r"(?i)\s*(?:IN|OUT|IN ?WORDS|OUT ?WORDS|IN ?CUE|OUT ?CUE|OUTCUE|INCUE|RUNS|RUNNING|"
                         r"DUR|DURATION|TIME|TC|ENDS)\s*:")


@line_rule("line_cue")
def _line_cue(script, piece, line):
    """`IN: "we have agreed"`, `OUT: ...against terrorism"`, `RUNS: :21`, `DUR: 2'04"`."""
    if _CUE_LABELS.match(script, piece.inner[0], piece.inner[1]):
        return [_token(TokenKind.CUE, "line_cue", piece, script, line)]
    return None


_SUPER_LABELS = re.compile(r"(?i)\s*(?:CG|SUPER|ASTON|LOWER ?THIRD|L3|CHYRON|NAME ?SUPER|KEY|LOCATOR)\s*\d*\s*:\s*")


@line_rule("line_super")
def _line_super(script, piece, line):
    """`CG: Carmen Ruiz / Paiporta Resident`, `ASTON: ...`: the super as the producer typed it."""
    m = _SUPER_LABELS.match(script, piece.inner[0], piece.inner[1])
    if m:
        return [_token(TokenKind.SUPER, "line_super", piece, script, line, inner=(m.end(), piece.inner[1]))]
    return None


@line_rule("line_shot")
def _line_shot(script, piece, line):
    """`GVs flooded high street`, `WS harbour at dawn`, `Various of traders`: the pictures."""
    text = _content(script, piece)
    # a shot line describes; it quotes no one and ends no sentence
    if _starts_with(text, "shot_openers") and '"' not in text and not re.search(r"[.!?]\s*$", text):
        return [_token(TokenKind.SHOT, "line_shot", piece, script, line)]
    return None


_COLUMN = re.compile(r"(?i)\s*(?P<column>VIDEO|PICTURES?|VISION|AUDIO|SOUND)\s*:\s*")


@line_rule("line_two_column")
def _line_two_column(script, piece, line):
    """A two-column script flattened to text: `VIDEO: ...` is a direction, `AUDIO: ...` is
    read as a line of its own (copy, a label, a bite)."""
    m = _COLUMN.match(script, piece.inner[0], piece.inner[1])
    if not m:
        return None
    head = _Piece("line", (piece.span[0], m.end()), (piece.inner[0], m.end()))
    rest = _Piece("line", (m.end(), piece.span[1]), (m.end(), piece.inner[1]))
    if m.group("column").upper() in ("AUDIO", "SOUND"):
        tokens = [_token(TokenKind.DIRECTION, "line_two_column", head, script, line)]
        if rest.inner[0] < rest.inner[1]:
            # the audio column's own words are a voice over the video column: the anchor's,
            # or the reporter's in a package
            tokens += [t if t.kind is not TokenKind.PROSE or t.value else replace(t, rule="audio_column")
                       for t in _classify_line(script, rest, line)]
        return tokens
    return [_token(TokenKind.DIRECTION, "line_two_column", piece, script, line)]


# A direction on its own line: `TAKE PKG`, `{***TAKE VO***}`, `(ON CAM)`, `SYNC`, `PTC`.
line_rule("line_mode")(_whole_direction("line_mode"))


@line_rule("line_label")
def _line_label(script, piece, line):
    """`ANCHOR: copy`, `TRACK 1: copy`, `SOT: CARMEN RUIZ, RESIDENT`, `PTC: copy`."""
    m = _label(script, piece)
    if not m:
        return None
    mode = mode_of(m.group("label"))
    if not mode:
        return None
    rest_text = script[m.end():piece.inner[1]].strip()
    if mode in ("intro", "narration") and _names_a_person(rest_text):
        # `ANCHOR: JANE SMITH`, `REPORTER: Marcus Bell`: who reads, a header field
        field = (m.group("label").upper(), "correspondent" if mode == "narration" else "other", rest_text)
        return [_token(TokenKind.METADATA, "line_label_person", piece, script, line, value=field[1],
                       fields=(field,))]
    head = _Piece("line", (piece.span[0], m.end()), (piece.inner[0], m.start("label") + len(m.group("label"))))
    rest = _Piece("line", (m.end(), piece.span[1]), (m.end(), piece.inner[1]))
    tokens = [_token(TokenKind.DIRECTION, "line_label", head, script, line, value=mode)]
    if rest.inner[0] < rest.inner[1]:
        if mode == "nat" and rest_text.startswith('"'):
            tokens.append(_token(TokenKind.PROSE, "line_label", rest, script, line, value=mode))  # a nat pop
        elif mode in ("radio", "web", "skip", "nat"):
            tokens.append(_token(_kind_of_mode(mode), "line_label", rest, script, line, value=mode))
        elif mode == "soundbite" and _is_label_super(rest_text):
            tokens.append(_token(TokenKind.SPEAKER, "line_label", rest, script, line))
        elif mode == "standup" and _is_label_super(rest_text):
            # `PTC: Louise Hart, Leeds`: the correspondent's own super
            tokens = [_token(TokenKind.DIRECTION, "line_label_with_speaker", piece, script, line, value=mode)]
        else:
            tokens.append(_token(TokenKind.PROSE, "line_label", rest, script, line, value=mode))
    return tokens


def _is_label_super(text: str) -> bool:
    """`SOT: CARMEN RUIZ, PAIPORTA RESIDENT (:09)`: a super after the label, not the bite."""
    from broadcast.segment.people import parse_label
    return not text.lstrip().startswith(('"', "\u201c")) and parse_label(text) is not None and \
        not re.search(r"[.!?][\"\u201d']?\s*$", text.strip())


_CAPS = r"A-Z\u00c0-\u00de .'\u2019"
#: a label in capitals: a name, a party after it (`SEN. JOHN MCCAIN (R), ARIZONA`), a title after a
#: comma (digits and `&` allowed there: `COMMANDER, 82ND AIRBORNE`), notes in brackets, a colon
_TURN = re.compile(rf"\s*(?P<who>{UPPER}[{_CAPS},-]{{1,80}}?(?:\s*\([A-Z]{{1,2}}(?:-[A-Z]{{2}})?\))?"
                   rf"(?:\s*,\s*[{_CAPS},0-9&/-]{{1,120}}?)?)\s*(?P<notes>(?:\([^()\n:]{{1,40}}\)\s*)*):\s*")


@line_rule("line_speaker_label")
def _line_speaker_label(script, piece, line):
    """`WELLS: "We will finish by spring."`: a speaker's label in capitals (a surname, or a
    name met before), then the words; never a role or direction word, never a header key."""
    m = _TURN.match(script, piece.inner[0], piece.inner[1])
    if not m:
        return None
    who = m.group("who")
    head_words = who.split(",")[0].split()
    phrase = vocab.bare(who.split(",")[0])
    if phrase in vocab.words("roles") or mode_of(who) or phrase in vocab.metadata_keys() or \
            len(head_words) > 4 or sum(c.isalpha() for c in who) < 3 or is_acronym(who):
        return None  # `US: officials deny it` is a sentence, not a turn
    label_end = m.end("notes") if m.group("notes") else m.end("who")
    head = _Piece("line", (piece.span[0], m.end()), (m.start("who"), label_end))
    how = next(filter(None, map(mode_of, _GROUP.findall(m.group("notes")))), None)
    if how:  # `JANE SMITH (ON CAM):`, `KANE FARABAUGH (VO):`: who reads, and how
        label = _token(TokenKind.DIRECTION, "line_speaker_label_mode", head, script, line, value=how)
    else:
        label = _token(TokenKind.SPEAKER, "line_speaker_label", head, script, line)
    return _and_rest(label, m.end(), script, piece, line, "line_speaker_label")


@line_rule("line_label_only")
def _line_label_only(script, piece, line):
    """`Amoré (Presenter lady):`: a speaker's label alone on its line, the words to follow."""
    from broadcast.segment.people import parse_label
    text = _content(script, piece).strip()
    if text.endswith(":") and len(text.split()) <= 8 and parse_label(text[:-1]) is not None:
        return [_token(TokenKind.SPEAKER, "line_label_only", piece, script, line,
                       inner=(piece.inner[0], piece.inner[0] + len(text) - 1))]
    return None


@line_rule("line_single_note")
def _line_single_note(script, piece, line):
    """A line in single brackets, `(Nestor Espinosa, NASA Astronomer)`, read as a note."""
    text = _content(script, piece)
    if re.fullmatch(r"\((?!\()[^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)", text.strip()):
        inner = _Piece("note", piece.span, (piece.inner[0] + 1, piece.inner[1] - 1))
        return _classify_note(script, inner, line)
    return None


_GROUP = re.compile(r"\([^()\n]*\)")


@line_rule("line_notes")
def _line_notes(script, piece, line):
    """A line of bracketed notes and stray brackets only: `(Male, Pashto))) (Video1: 00:50)`."""
    text = _content(script, piece)
    rest = text
    while _GROUP.search(rest):
        rest = _GROUP.sub(" ", rest)
    # a bracket closing a sentence (`(about ten).`) ends wrapped prose: notes end no sentence
    if "(" in text and not rest.strip(" ()[].,;:") and not re.search(r"\)\s*[.!?]\s*$", text):
        language = language_in(text)
        kind = TokenKind.VOICE if language else TokenKind.DIRECTION
        return [_token(kind, "line_notes", piece, script, line, value=language)]
    return None


@line_rule("line_prose")
def _line_prose(script, piece, line):
    return [_token(TokenKind.PROSE, "line_prose", piece, script, line)]


def _classify_note(script: str, piece: _Piece, line: int) -> list[Token]:
    for _, rule in NOTE_RULES:
        tokens = rule(script, piece, line)
        if tokens is not None:
            return tokens
    # Bracketed, so never speech: a direction no rule named (a description of the pictures).
    return [_token(TokenKind.DIRECTION, "note_other", piece, script, line)]


def lex(script: str) -> list[Token]:
    """Every piece of the script as tokens, in order."""
    line_starts = [0] + [m.end() for m in re.finditer("\n", script)]
    tokens: list[Token] = []
    for piece in _scan(script):
        line = bisect.bisect_right(line_starts, piece.span[0])
        if piece.shape == "note":
            tokens.extend(_classify_note(script, piece, line))
        elif piece.shape == "copy":
            tokens.extend(_copy(script, piece, line))
        else:
            tokens.extend(_classify_line(script, piece, line))
    return tokens


def _classify_line(script: str, piece: _Piece, line: int) -> list[Token]:
    for _, rule in LINE_RULES:
        found = rule(script, piece, line)
        if found is not None:
            return found
    raise AssertionError("line_prose claims every line")


def _copy(script: str, piece: _Piece, line: int) -> list[Token]:
    """`[[anchor copy]]`; `[[RADIO TRACK: ...]]` and `[[WEB: ...]]` belong to another medium;
    a short `[[confirm date]]` after words on its line is a producer's note in the copy."""
    line_start = script.rfind("\n", 0, piece.span[0]) + 1
    inside = _content(script, piece)
    if script[line_start:piece.span[0]].strip() and len(inside.split()) <= 6 and \
            not re.search(r"[.!?]\W*$", inside.strip()):
        return [_token(TokenKind.DIRECTION, "copy_inline_note", piece, script, line)]
    m = _LABEL_HEAD.match(script, piece.inner[0], piece.inner[1])
    if m:
        mode = mode_of(m.group("label"))
        if mode in ("radio", "web"):
            kind = TokenKind.RADIO if mode == "radio" else TokenKind.WEB
            return [_token(kind, "copy_other_medium", piece, script, line, value=mode)]
        if mode:  # `[[INTRO: The anchor's copy ...]]`: the label is a direction
            head = _Piece("copy", (piece.span[0], m.end()), (m.start("label"), m.start("label") + len(m.group("label"))))
            words = _Piece("copy", (m.end(), piece.span[1]), (m.end(), piece.inner[1]))
            return [_token(TokenKind.DIRECTION, "copy_label", head, script, line, value=mode),
                    _token(TokenKind.COPY, "copy", words, script, line, value=mode)]
    return [_token(TokenKind.COPY, "copy", piece, script, line)]
