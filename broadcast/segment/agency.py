"""Agency shot lists (news agency and broadcaster feeds):

    Headline
    Moscow, Russia - May 8, 2025 (CGTN - No access Chinese mainland)
    1. Wide of station concourse
    2. SOUNDBITE (Russian) Andrei Voronin, deputy head, Moscow Metro construction department:
    "We opened three stations this morning ..."
    3. SOUNDBITE (Russian) Resident of Moscow (no name given):
    "..."
    STORYLINE:
    Background for the writer ...

What is spoken is the soundbites (and an anchor lead-in where the feed suggests one). Shot
descriptions, datelines, restrictions and the STORYLINE block are for the newsroom, not for
air: they never become segment text. A bite in another language than English is marked as
translated; `(no name given)` makes a vox pop, its description the lower-third's title.

The assembler is a state machine over the lexer's tokens (`line_agency_soundbite`,
`line_numbered_shot`, `line_dateline`, header fields): a soundbite header opens a bite, its
quotation runs until it closes (a long quote reopens each paragraph with a quotation mark), a
shot, a dateline or a header field ends it. The lines before the first of these are the
headline and the feed's name; a `LEAD IN:` block is the anchor's; the STORYLINE block is
background. Every token is used as speech or kept as a note of its kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from broadcast.model import Kind, LowerThird, NoteKind
from broadcast.segment import vocabulary as vocab
from broadcast.segment.assembly import NOTE_OF, Assembly
from broadcast.segment.common import Clip
from broadcast.segment.lexer import Token, TokenKind, language_in
from broadcast.segment.supers import Spellings, is_capitals, speaker_label

NAME = "agency"

_TRANSLATED_NOTE = re.compile(
    r"^\s*\"?\s*(?P<note>\((?:english )?(?:translation|translated|interpreted|voice ?over)\)\s*)", re.I)
_NUMBERED = re.compile(r"\s*\d{1,3}[.)]\s")
_SENTENCE = re.compile(r"[.!?][\"\u201d']?\s*$")
#: tokens that say nothing of who speaks next: kept as their notes
_ASIDE = (TokenKind.CLUTTER, TokenKind.CREDIT, TokenKind.CUE, TokenKind.RADIO, TokenKind.WEB)


def score(tokens: list[Token]) -> float:
    """Evidence for this convention: soundbite headers, numbered shots, datelines, a storyline."""
    bites = sum(1 for t in tokens if t.rule == "line_agency_soundbite" and t.kind is not TokenKind.PROSE)
    shots = sum(1 for t in tokens if t.rule == "line_numbered_shot")
    datelines = sum(1 for t in tokens if t.rule == "line_dateline")
    storyline = any(_opens_storyline(t) for t in tokens if t.kind is TokenKind.METADATA)
    return 3 * bites + shots + 2 * datelines + (4 if storyline else 0)


@dataclass
class _State:
    #: header (before the first dateline, shot or bite), shots, bite, intro, storyline
    mode: str = "header"
    speaker: LowerThird | None = None
    language: str | None = None
    translated: bool = False
    heard: bool = False  # the bite has words
    quoted: bool = False  # ... which opened with a quotation mark
    quote_open: bool = False  # ... not closed again so far
    closed: bool = False  # ... and its last line closes it
    header: Token | None = None  # the last soundbite header
    heading: list[str] = field(default_factory=list)  # the headline, a slug, the feed's name
    paragraph_ended: bool = True  # the anchor's last line ended a paragraph


def assemble(script: str, tokens: list[Token], out: Assembly) -> None:
    spellings = _spellings(script, tokens)
    state = _State()
    last_end = 0
    for token in tokens:
        # a blank line ends a bite that is closed or was never quoted
        if script.count("\n", last_end, token.span[0]) >= 2 and state.mode == "bite" and state.heard \
                and (state.closed or not state.quoted):
            state.mode = "shots"
        last_end = token.span[1]
        kind = token.kind
        if token.rule == "line_agency_soundbite" and kind is not TokenKind.PROSE:
            named = kind is TokenKind.SPEAKER  # natural sound names no one
            _bite(token, state, out, speaker_label(token.text, spellings) if named else None)
            _set_language(state, token.value)
        elif kind is TokenKind.METADATA:
            _metadata(token, state, out)
        elif kind is TokenKind.SHOT:
            out.note(token, NoteKind.SHOT)
            state.mode = "shots"
        elif kind in _ASIDE:
            out.note(token, NOTE_OF[kind])
        elif kind is TokenKind.VOICE:  # `(Arabic)` on a line of its own: the bite's language
            out.note(token, NoteKind.DIRECTION)
            if state.mode == "bite" and token.value:
                _set_language(state, token.value)
        elif kind is TokenKind.DIRECTION and token.value in ("soundbite", "nat"):
            # `(SOUNDBITE)` cut from the head of its line, `VOX POP:`: who speaks may follow
            _bite(token, state, out, None)
        elif kind is TokenKind.DIRECTION:
            out.note(token, NoteKind.DIRECTION)
            if token.value in ("intro", "tag"):  # `LEAD IN:`: the anchor's copy follows
                state.mode, state.paragraph_ended = "intro", True
        elif kind is TokenKind.SPEAKER:
            out.note(token, NoteKind.SUPER)
            if state.mode == "bite" and not state.heard and state.speaker is None:
                # the rest of a `(SOUNDBITE) (Russian) NAME, SAYING:` header: who speaks, in what
                state.speaker = speaker_label(token.text, spellings)
                _set_language(state, state.language or language_in(token.text))
            # any other `NAME:` label is one this layout does not write: the words after it
            # are placed as the lines around them are
        elif kind is TokenKind.COPY:
            out.speech(token, Kind.ANCHOR_INTRO)
        else:
            _prose(token, state, out)
    _unheard(state, out)
    if state.heading:
        out.facts["title"] = next((t for t in state.heading if not is_capitals(t)), state.heading[0])


def _spellings(script: str, tokens: list[Token]) -> Spellings:
    """Names in the storyline and the shot descriptions show how the script spells them."""
    headers = {t.line for t in tokens if t.rule == "line_agency_soundbite"}
    return Spellings.from_text("\n".join(line for number, line in enumerate(script.split("\n"), 1)
                                         if number not in headers))


def _opens_storyline(token: Token) -> bool:
    """`STORYLINE:`, or Reuters' `STORY:` (a slug elsewhere, the background here)."""
    return any(f == "storyline" or vocab.bare(key) == "STORY" for key, f, _ in token.fields)


def _bite(token: Token, state: _State, out: Assembly, speaker: LowerThird | None) -> None:
    """`5. SOUNDBITE (Russian) Name, title:` opens a bite: its header is the super, or a
    direction where it names no one."""
    out.note(token, NoteKind.SUPER if speaker else NoteKind.DIRECTION)
    out.end_part()
    _unheard(state, out)
    state.header, state.mode, state.speaker = token, "bite", speaker
    state.language, state.translated = None, False
    state.heard = state.quoted = state.quote_open = state.closed = False


def _set_language(state: _State, language: str | None) -> None:
    """The bite's language; translated when it is not English."""
    if language:
        state.language = language
        state.translated = state.translated or language.lower() != "english"


def _unheard(state: _State, out: Assembly) -> None:
    if state.header and not state.heard:
        out.warnings.append(f"line {state.header.line}: soundbite {state.header.text!r} has no words under it")


def _metadata(token: Token, state: _State, out: Assembly) -> None:
    if _opens_storyline(token):
        out.note(token, NoteKind.METADATA)  # its text, if any, is background like the lines under it
        state.mode = "storyline"
        return
    out.metadata(token)
    for key, _, value in token.fields:
        if vocab.bare(key) == "SOURCE" and value:
            out.facts.setdefault("network", value)  # the feed: `SOURCE: AP Television`
    # a dateline or `SHOTLIST:` opens the shots; any other field ends a bite or the anchor's copy
    if token.rule == "line_dateline" or state.mode in ("bite", "intro") or any(
            vocab.bare(key) in ("SHOTLIST", "SHOT LIST") for key, _, _ in token.fields):
        state.mode = "shots"


def _prose(token: Token, state: _State, out: Assembly) -> None:
    text = token.text
    if token.value in ("intro", "tag") and state.mode != "intro":  # `INTRO: copy` on one line
        state.mode, state.paragraph_ended = "intro", True
    if state.mode == "bite" and state.heard and state.closed:
        state.mode = "shots"  # an unnumbered line after a closed quotation
    if state.mode == "bite":
        _bite_line(token, state, out)
    elif state.mode == "intro":
        if state.paragraph_ended:
            out.end_part()  # each paragraph of the lead-in is a segment; a wrapped line joins its own
        out.speech(token, Kind.ANCHOR_INTRO)
        state.paragraph_ended = bool(re.search(r"[.!?:\"']$", text))
    elif state.mode == "storyline":
        out.note(token, NoteKind.METADATA, "storyline")
    elif state.mode == "header":
        if len(text.split()) >= 8 and _SENTENCE.search(text):
            out.header_line(token)  # prose before the shot list: nobody reads it; warned about
        else:
            out.note(token, NoteKind.METADATA, "headline")
            state.heading.append(text)
    elif _NUMBERED.match(text) or not _SENTENCE.search(text):
        out.note(token, NoteKind.SHOT, "shot_description")  # a shot the lexer left as prose
    else:
        out.note(token, NoteKind.UNCLASSIFIED, "shot_list_prose")
        out.warnings.append(f"line {token.line}: prose in the shot list outside any soundbite was not read as "
                            f"speech ({text[:57] + '...' if len(text) > 60 else text!r}); check who says it")


def _bite_line(token: Token, state: _State, out: Assembly) -> None:
    """A line of the bite. A quotation mark reopening a quotation that never closed (each
    paragraph of a long quote opens with one) is typography, kept as clutter; a translation
    note before the words marks the bite translated."""
    clip = Clip.of(out.script, *token.inner)
    markup, markup_rule, translated = NoteKind.CLUTTER, "reopened_quote", False
    if not state.heard:
        state.quoted = clip.text.startswith('"')
        note = _TRANSLATED_NOTE.match(clip.text)
        if note:
            clip = Clip.concat([clip[:note.start("note")], clip[note.end():]])
            markup, markup_rule, translated = NoteKind.DIRECTION, "translation_note", True
    elif clip.text.startswith('"') and state.quote_open:
        clip = clip[1:]
    state.quote_open ^= clip.text.count('"') % 2 == 1
    state.closed = state.quoted and clip.text.rstrip().endswith(('"', '".', '",'))
    state.translated = state.translated or translated
    state.heard = True
    out.speech(token, Kind.SOUNDBITE, speaker=state.speaker, language=state.language, unquote=True,
               translated=state.translated, clip=clip, markup=markup, markup_rule=markup_rule, settled=True)
