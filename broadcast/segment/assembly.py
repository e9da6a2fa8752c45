"""What an assembler builds as it walks the tokens: spoken parts in order, notes for every
token it sets aside, the metadata fields, the people met, and its doubts. An assembler calls
`speech` or `note` (or `metadata`) once for every token, so nothing is lost unaccounted."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from broadcast.model import Kind, LowerThird, Note, NoteKind
from broadcast.segment.common import Clip, hands_over
from broadcast.segment.lexer import Token, TokenKind

#: the note a token is kept as when it is not read as speech, by its kind (prose and copy have
#: none: where no assembler can place them they are unclassified, and warned about)
NOTE_OF = {
    TokenKind.METADATA: NoteKind.METADATA, TokenKind.DIRECTION: NoteKind.DIRECTION,
    TokenKind.SPEAKER: NoteKind.SUPER, TokenKind.SUPER: NoteKind.SUPER, TokenKind.CREDIT: NoteKind.CREDIT,
    TokenKind.VOICE: NoteKind.DIRECTION, TokenKind.CUE: NoteKind.CUE, TokenKind.SHOT: NoteKind.SHOT,
    TokenKind.RADIO: NoteKind.RADIO, TokenKind.WEB: NoteKind.WEB, TokenKind.CLUTTER: NoteKind.CLUTTER,
}


@dataclass
class Part:
    """Spoken words of one segment to be: the token clips joined, who speaks, how."""

    kind: Kind
    clips: list[Clip]
    speaker: LowerThird | None = None
    language: str | None = None
    unquote: bool = False
    vo: bool = False  # under a VO direction: the anchor's in a VO story, the track in a package
    translated: bool = False
    #: a clip given only by its cue words: (in words, out words); its own words are unknown
    cue_words: tuple[str, str] | None = None
    runs: int | None = None
    span: tuple[int, int] | None = None  # where a part with no words stands in the script
    line: int = 0
    #: the assembler decided kind and speaker with what it knows of the whole script (a
    #: correspondent's question on camera is a soundbite): resolving leaves them as they are
    settled: bool = False


@dataclass
class People:
    """The correspondent (from the byline, a stand-up marker or the intro)."""

    correspondent: str | None = None

    def correspondent_named(self, name: str) -> None:
        self.correspondent = self.correspondent or name

    def is_correspondent(self, person: LowerThird | None) -> bool:
        if not (person and person.name and self.correspondent):
            return False
        names = [n.strip().casefold() for n in re.split(r",|\band\b", self.correspondent) if n.strip()]
        return person.name.casefold() in names


@dataclass
class Assembly:
    script: str
    parts: list[Part] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    fields: list[tuple[str, str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    people: People = field(default_factory=People)
    last_was_speaker: bool = False
    header_prose: list[Token] = field(default_factory=list)
    #: what a convention read from the script's body rather than from header fields (a web
    #: page's first line is its title); a header field, where there is one, wins
    facts: dict[str, str] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    #: the assembler made the SIGNOFF part itself; resolving takes it as read
    signoff_read: bool = False
    _open: bool = False  # the last token was speech: more of it may join the same part

    def note(self, token: Token, kind: NoteKind, rule: str | None = None) -> None:
        a, b = token.span
        self.notes.append(Note(kind, self.script[a:b], (a, b), rule or token.rule))
        self._open = False
        self.last_was_speaker = False

    def metadata(self, token: Token) -> None:
        self.fields.extend(token.fields)
        for _, name, value in token.fields:
            if name == "correspondent" and value:
                self.people.correspondent_named(value)
        self.note(token, NoteKind.METADATA)

    def header_line(self, token: Token) -> None:
        """Text before the script's first direction: the page's title, or prose nobody claimed."""
        text = token.text
        if len(text.split()) >= 8 and re.search(r"[.!?][\"']?$", text):
            self.header_prose.append(token)  # a page description, or prose nobody claimed: see settle
            self._open = False
        else:
            self.note(token, NoteKind.CLUTTER, "header_text")

    def settle_header(self, intro: str) -> None:
        """Prose before the first direction: the page's description of the story when it
        repeats the intro (most of its words are the intro's), else prose no rule claimed. In
        a script with no intro at all, it is the intro whose brackets or direction were left
        out: the anchor's up to the hand-over, the track after it (a guess, warned about)."""
        if not intro and self.header_prose:
            self._header_as_intro()
            return
        intro_words = set(_words(intro))
        for token in self.header_prose:
            words = _words(token.text)
            if intro_words and sum(w in intro_words for w in words) >= 0.8 * len(words):
                self.note(token, NoteKind.CLUTTER, "page_description")
            else:
                self.note(token, NoteKind.UNCLASSIFIED, "header_prose")
                self.warnings.append(f"line {token.line}: prose before the script's first direction was not "
                                     f"read as speech ({_quote(token.text)}); mark who reads it")
        self.header_prose.clear()

    def _header_as_intro(self) -> None:
        tokens, self.header_prose = self.header_prose, []
        parts: list[Part] = []
        kind = Kind.ANCHOR_INTRO
        for token in tokens:
            clip = Clip.of(self.script, *token.inner)
            if parts and parts[-1].kind is kind:
                parts[-1].clips.append(clip)
            else:
                parts.append(Part(kind, [clip], line=token.line))
            if kind is Kind.ANCHOR_INTRO and hands_over(token.text):
                kind = Kind.NARRATION
        self.parts[:0] = parts
        first = tokens[0].line
        after = f"; from line {parts[1].line}, the reporter's track" if len(parts) > 1 else ""
        self.warnings.append(f"line {first}: no direction says who reads the prose before the first one; read as "
                             f"the anchor's intro{after}: check it, or mark it ((INTRO)) / [[...]]")

    def continues(self, kind: Kind, speaker: LowerThird | None) -> bool:
        return self._open and bool(self.parts) and self.parts[-1].kind is kind and self.parts[-1].speaker == speaker

    def speech(self, token: Token, kind: Kind, *, speaker: LowerThird | None = None, language: str | None = None,
               unquote: bool = False, vo: bool = False, translated: bool = False, clip: Clip | None = None,
               markup: NoteKind | Callable[[str], NoteKind] = NoteKind.DIRECTION, markup_rule: str | None = None,
               settled: bool = False) -> None:
        """The token's words spoken: its inner text, or `clip` (words cut from within the token).
        What of the token is not spoken (brackets, a label, a super before the words, a note
        cut from the middle) is kept as notes of kind `markup`, or of the kind `markup` gives
        each cut's text (a transcript's `(CROSSTALK)` is a direction, its `[20:14:05]` clutter)."""
        clip = clip if clip is not None else Clip.of(self.script, *token.inner)
        for a, b in _gaps(token.span, clip.offsets):
            if self.script[a:b].strip():
                cut = markup(self.script[a:b]) if callable(markup) else markup
                self.notes.append(Note(cut, self.script[a:b], (a, b), markup_rule or token.rule + "_markup"))
        if self.continues(kind, speaker):
            self.parts[-1].clips.append(clip)
        else:
            self.parts.append(Part(kind, [clip], speaker, language, unquote, vo, translated, line=token.line,
                                   settled=settled))
        self._open = True

    def end_part(self) -> None:
        """The next words, even of the same kind and speaker, start a part of their own (a
        new paragraph of a web transcript is a segment of its own)."""
        self._open = False

    def unknown_words(self, speaker: LowerThird | None, cue_words: tuple[str, str], runs: int | None,
                      line: int, span: tuple[int, int]) -> None:
        """A soundbite the script gives only by its cue words and running time (at `span`)."""
        self.parts.append(Part(Kind.SOUNDBITE, [], speaker, cue_words=cue_words, runs=runs, line=line, span=span))
        self.warnings.append(
            f"line {line}: a soundbite given only by its cue words (IN: {cue_words[0]!r} OUT: {cue_words[1]!r}); "
            f"its words are not in the script, so it has no subtitles: add its transcript, or build with "
            f"--timings")
        self._open = False


def _gaps(span: tuple[int, int], offsets: tuple[int, ...]) -> list[tuple[int, int]]:
    """The runs of `span` that no offset covers, in order."""
    taken = sorted(o for o in offsets if span[0] <= o < span[1])
    out, pos = [], span[0]
    for o in taken:
        if o > pos:
            out.append((pos, o))
        pos = max(pos, o + 1)
    if pos < span[1]:
        out.append((pos, span[1]))
    return out


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.casefold())


def _quote(text: str, width: int = 60) -> str:
    return repr(text if len(text) <= width else text[:width - 3] + "...")
