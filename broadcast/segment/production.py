"""Production scripts from a newsroom system, with notes in double brackets:

    ((PLAYBOOK SLUG: KENYA FLOODS  BYLINE: Mariama Diallo  DATELINE: Nairobi  TRT: 2:31))
    ((INTRO))
    [[Anchor copy ... Mariama Diallo reports.]]
    ((NARRATOR))                      or ((NARRATION)), ((TRACK)), ((VO))
    The voice-over ...
    ((Joseph Kamau, Mathare resident - MALE IN SWAHILI - ORIGINAL))
    "The bite ..."
    ((Via Zoom))  ((Mandatory cg: Skype))          credits, not speech
    [[RADIO VERSION: ...]]                          not for television
    ((STANDUP))  ...  ((SIGNOFF))  Mariama Diallo, VOA News, Nairobi.

and the labelled layouts of local and network newsrooms, which are the same state machine
over other tokens (`ANCHOR:`, `TRACK 1:`, `SOT: NAME, TITLE`, `CG: Name / Title`, `PTC`,
`(ON CAM)`, `TAKE PKG`).

The assembler is a state machine over the lexer's tokens: directions set who speaks, a
speaker marker opens a soundbite, copy in `[[...]]` is the anchor's, prose goes to whoever
speaks. Every token is used as speech or kept as a note of its kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from broadcast.model import Kind, LowerThird, NoteKind
from broadcast.segment.assembly import Assembly
from broadcast.segment.common import hands_over
from broadcast.segment.lexer import Token, TokenKind
from broadcast.segment.people import parse_label, resolve_surname
from broadcast.segment.supers import is_capitals

NAME = "production"

#: who speaks in each mode; None: nobody (the words are a note)
_KIND = {"intro": Kind.ANCHOR_INTRO, "tag": Kind.ANCHOR_INTRO, "narration": Kind.NARRATION,
         "soundbite": Kind.SOUNDBITE, "standup": Kind.STANDUP, "signoff": Kind.SIGNOFF,
         "vo": Kind.NARRATION}
_PICTURES = re.compile(r"(?i)\b(?:video|broll|b-roll|graphic|gfx|map|shots?|footage|pictures)\b")
_OPENS_QUOTE = re.compile(r'^\s*"')
_TRANSLATION = re.compile(r"(?i)\b(?:translat\w*|interpret\w*|dubbed|voice[- ]?over)\b")


def score(tokens: list[Token]) -> tuple[float, list[str]]:
    """Evidence for this convention: notes and copy in double brackets."""
    brackets = sum(1 for t in tokens if t.span[0] < t.inner[0] and t.rule.startswith(("note_", "copy"))
                   and t.rule != "note_camera")
    return 1.5 * brackets, [f"{brackets} bracketed notes and copy blocks"] if brackets else []


@dataclass
class _State:
    mode: str | None = None  # None before the first direction: the page header
    speaker: LowerThird | None = None
    language: str | None = None
    translated: bool = False  # the bite's words are a translation
    started: bool = False  # the package has begun (a track, bite or stand-up was heard)
    copy_done: bool = False  # the anchor's bracketed copy has closed, or its words handed over
    bite_quoted: bool = False  # the bite opened with a quotation mark
    quote_open: bool = False  # ... and has not closed it yet
    bite_closed: bool = False  # a quoted bite whose quotation is closed
    known: list[LowerThird] = field(default_factory=list)
    pending_super: LowerThird | None = None  # a CG:/SUPER: line waiting for its bite
    parts_at_marker: int = 0  # how many parts there were when the last speaker or mode was set
    cue_in: str | None = None  # a clip's cue words and running time, as the script gives them
    cue_out: str | None = None
    cue_line: int = 0
    cue_span: tuple[int, int] | None = None
    runs: int | None = None
    parts_ref: list = field(default_factory=list)  # the assembly's parts, for a running time
    #: a marker in capitals with no title after a sound or track direction (`((NATS))
    #: ((SCHOOL BELL RINGS))`): a speaker only if a quote follows. (its note's index, the mode
    #: and speaker before it)
    doubtful_speaker: tuple[int, str | None, LowerThird | None] | None = None


def assemble(script: str, tokens: list[Token], out: Assembly) -> None:
    state = _State(parts_ref=out.parts)
    for token in tokens:
        kind = token.kind
        if kind not in (TokenKind.PROSE, TokenKind.VOICE):
            state.doubtful_speaker = None
        if kind is TokenKind.METADATA:
            out.metadata(token)
        elif kind is TokenKind.CLUTTER:
            out.note(token, NoteKind.CLUTTER)
        elif kind is TokenKind.CREDIT:
            out.note(token, NoteKind.CREDIT)
        elif kind is TokenKind.CUE:
            _cue(token, state)
            out.note(token, NoteKind.CUE)
        elif kind is TokenKind.SHOT:
            out.note(token, NoteKind.SHOT)
        elif kind is TokenKind.VOICE:
            # `((English translation))`: the bite is heard in English over another language
            translation = bool(_TRANSLATION.search(token.text))
            language = None if translation and (token.value or "").lower() == "english" else token.value
            state.language = language or state.language
            state.translated = state.translated or translation or bool(
                state.language and state.language.lower() != "english")
            out.note(token, NoteKind.DIRECTION)
        elif kind in (TokenKind.RADIO, TokenKind.WEB):
            if token.rule in ("note_mode", "line_mode") or token.value and token.text == "":
                state.mode = token.value
            out.note(token, NoteKind.RADIO if kind is TokenKind.RADIO else NoteKind.WEB)
        elif kind is TokenKind.DIRECTION:
            if token.value:
                _close_clip(state, out)
            _direction(token, state, out)
        elif kind is TokenKind.SPEAKER:
            _close_clip(state, out)
            _speaker(token, state, out)
        elif kind is TokenKind.SUPER:
            _super(token, state, out)
        elif kind is TokenKind.COPY:
            _close_clip(state, out)
            _copy(token, state, out)
        else:
            _prose(token, state, out)
    _close_clip(state, out)


_CUE = re.compile(r"(?i)\s*\(?\s*(?P<what>IN|OUT|IN ?WORDS|OUT ?WORDS|IN ?CUE|OUT ?CUE|INCUE|OUTCUE|RUNS|RUNNING|"
                  r"DUR|DURATION|TIME)?\s*:?\s*(?P<value>.*?)\)?\s*$")


def _cue(token: Token, state: _State) -> None:
    """`IN: "We have never seen`, `OUT: before the storm."`, `RUNS: :14`, `(:09)`: kept for the
    clip they describe."""
    from broadcast.segment.resolve import running_time
    m = _CUE.match(token.text)
    what = (m.group("what") or "RUNS").upper().replace(" ", "")
    value = (m.group("value") if m.group("what") else token.text).strip(" \"'.\u2026()")
    a, b = token.span
    state.cue_span = (min(a, state.cue_span[0]), max(b, state.cue_span[1])) if state.cue_span else (a, b)
    if what.startswith("IN"):
        state.cue_in, state.cue_line = value, token.line
    elif what.startswith("OUT"):
        state.cue_out = value
    else:
        state.runs = running_time(value) or state.runs
        if state.mode == "soundbite" and len(out_parts := state.parts_ref) > state.parts_at_marker:
            out_parts[-1].runs = state.runs  # the bite just read runs this long


def _close_clip(state: _State, out: Assembly) -> None:
    """A soundbite marker followed only by cue words: a clip whose words the script lacks."""
    if state.mode == "soundbite" and (state.cue_in or state.cue_out) and len(out.parts) == state.parts_at_marker:
        out.unknown_words(state.speaker, (state.cue_in or "", state.cue_out or ""), state.runs, state.cue_line,
                          state.cue_span)
        state.parts_at_marker = len(out.parts)
    state.cue_in = state.cue_out = state.cue_span = None
    state.runs = None


def _super(token: Token, state: _State, out: Assembly) -> None:
    """`CG: Name / Title`: the super as the producer typed it. It wins over a name read from a
    label; under a stand-up it is the correspondent's own; before its bite it waits for it."""
    out.note(token, NoteKind.SUPER)
    name, _, title = token.text.partition("/")
    label = parse_label(f"{name.strip()}, {title.strip()}" if title.strip() else name)
    if label is None or label.surname_only:
        return
    person = LowerThird(label.name, label.title) if title.strip() else label.lower_third()
    if state.mode in ("soundbite", "standup"):
        state.speaker = person
        for part in out.parts[state.parts_at_marker:]:  # words already read under this marker
            if part.kind in (Kind.SOUNDBITE, Kind.STANDUP):
                part.speaker = person
        if state.mode == "standup" and person.name:
            out.people.correspondent_named(person.name)
    else:
        state.pending_super = person


def _direction(token: Token, state: _State, out: Assembly) -> None:
    mode = token.value
    after_speaker = out.last_was_speaker
    out.note(token, NoteKind.DIRECTION)
    if mode is None:
        if state.mode == "standup" and _PICTURES.search(token.text):
            state.mode = "narration"  # new pictures: the correspondent is off camera, on the track
        return
    if mode == "soundbite" and state.mode == "soundbite" and after_speaker:
        return  # ((TAKE SOT)) after the speaker's marker keeps the speaker
    if mode == "standup" and token.rule in ("note_standup", "note_mode_with_speaker", "line_label_with_speaker"):
        who = token.text.split(":", 1)[1] if ":" in token.text else token.text
        label = parse_label(re.split(r"(?i)\b(?:stand|on[- ]cam|off[- ]cam|ptc|piece)", who)[0])
        if label and label.name and not label.surname_only:
            out.people.correspondent_named(label.name)  # `PTC: Louise Hart, Leeds`
    if token.rule == "line_speaker_label_mode":
        # the correspondent on camera is a stand-up, over pictures the track; anyone else named
        # with (ON CAM) or (VO) reads copy: the anchor
        label = parse_label(token.text.split("(")[0])
        if label and out.people.is_correspondent(label.lower_third()):
            mode = "standup" if mode == "intro" else "narration"
    if mode in ("skip",):
        state.mode = mode
        return
    state.mode = mode
    state.parts_at_marker = len(out.parts)
    state.speaker = state.pending_super if mode == "soundbite" else None
    state.pending_super = None
    state.language = None
    state.translated = False
    state.bite_closed = False


def _speaker(token: Token, state: _State, out: Assembly) -> None:
    label = parse_label(token.text)
    person = label.lower_third() if label else None
    if label and label.surname_only:
        correspondent = [LowerThird(out.people.correspondent, "")] if out.people.correspondent else []
        person = resolve_surname(label, state.known + correspondent)
        if person is None:  # not someone named before: a note we cannot read further
            out.note(token, NoteKind.DIRECTION)
            return
    out.note(token, NoteKind.SUPER)
    # no comma or slash parts a name from a title: in capitals, nothing shows it is a name
    untitled = not re.search(r"[,/]", token.text) and is_capitals(token.text)
    state.doubtful_speaker = (len(out.notes) - 1, state.mode, state.speaker) if untitled and state.mode in (
        "nat", "narration", "vo") else None
    state.parts_at_marker = len(out.parts)
    if out.people.is_correspondent(person):
        # the correspondent's voice over pictures is the track; on camera, a stand-up
        state.mode, state.speaker = ("narration" if label and label.voice_over else "standup"), None
    else:
        state.mode, state.speaker = "soundbite", person
        state.known.append(person)
    state.language = label.language if label else None
    state.translated = bool(label and label.translated)
    state.bite_closed = False
    out.last_was_speaker = True


def _copy(token: Token, state: _State, out: Assembly) -> None:
    if state.mode in ("web", "radio"):
        out.note(token, NoteKind.WEB if state.mode == "web" else NoteKind.RADIO)
        return
    mode = token.value or ("tag" if state.started else "intro")
    out.speech(token, _KIND[mode] if mode in _KIND else Kind.ANCHOR_INTRO)
    state.copy_done = True
    if state.mode in (None, "intro"):
        state.mode = "intro"


def _prose(token: Token, state: _State, out: Assembly) -> None:
    text = token.text
    if state.doubtful_speaker:
        index, mode, speaker = state.doubtful_speaker
        state.doubtful_speaker = None
        if not _OPENS_QUOTE.match(text):  # no quote: the marker described a sound or a picture
            out.notes[index] = replace(out.notes[index], kind=NoteKind.DIRECTION)
            state.mode, state.speaker = mode, speaker
    mode = token.value or state.mode or ("vo" if token.rule == "audio_column" else None)
    if mode is None:
        out.header_line(token)
        return
    if mode in ("skip", "radio", "web"):
        out.note(token, {"radio": NoteKind.RADIO, "web": NoteKind.WEB}.get(mode, NoteKind.DIRECTION))
        return
    if mode == "intro" and state.copy_done and token.value is None:
        mode = "narration"  # after the anchor's copy or hand-over, unmarked words are the package's
    if mode == "nat":
        mode = "soundbite" if _OPENS_QUOTE.match(text) else "narration"
        state.speaker = None
    if mode == "soundbite" and state.bite_closed and not _OPENS_QUOTE.match(text):
        mode = "narration"  # the bite closed its quotation: the track goes on, unmarked
        state.speaker = None
    if token.value is None and mode != state.mode:
        state.mode = mode
    kind = _KIND[mode]
    speaker = state.speaker if kind in (Kind.SOUNDBITE, Kind.STANDUP) else None
    if kind is Kind.SOUNDBITE:
        if not out.continues(kind, speaker):
            state.bite_quoted, state.quote_open = bool(_OPENS_QUOTE.match(text)), False
        state.quote_open ^= text.count('"') % 2 == 1
        # closed: a quoted bite whose quotation marks pair up again
        state.bite_closed = state.bite_quoted and not state.quote_open
    if kind in (Kind.NARRATION, Kind.SOUNDBITE, Kind.STANDUP):
        state.started = True
    bite = kind is Kind.SOUNDBITE
    out.speech(token, kind, speaker=speaker, language=state.language if bite else None,
               unquote=bite, vo=mode == "vo", translated=bite and state.translated)
    out.last_was_speaker = False
    if kind is Kind.ANCHOR_INTRO and token.value is None and hands_over(text):
        state.copy_done = True  # `... Laurel Bowman reports.` with no brackets: the intro ends here
