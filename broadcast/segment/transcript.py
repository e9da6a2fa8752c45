"""Broadcast transcripts, as networks publish what went to air:

    Return to Transcripts main page                     the page: clutter
    GLOBAL NEWS TONIGHT                                 the show
    Wildfires Force Evacuations Near Athens. Aired 8-9p ET      the title
    Aired July 22, 2025 - 20:00 ET                      clutter, as is THIS IS A RUSH TRANSCRIPT.
    [20:14:05]                                          the time it went to air: clutter
    HELEN MARSH, GNT ANCHOR: Anchor copy ... Our David Okafor reports.
    (BEGIN VIDEOTAPE)
    DAVID OKAFOR, GNT CORRESPONDENT (voice-over): The narration ...
    NIKOS PAPADAKIS, MAYOR OF MARATHON (through translator): The bite ... (CROSSTALK) ...
    OKAFOR: More narration ...
    OKAFOR (on camera): The stand-up ... David Okafor, GNT, Varnavas, Greece.
    (END VIDEOTAPE)
    MARSH: The anchor's tag.
    (COMMERCIAL BREAK)

A turn label is a name in capitals, a title after a comma (or the title first:
`EUROPEAN COMMISSION PRESIDENT, JEAN-CLAUDE JUNCKER:`), a party after the name
(`SEN. JOHN MCCAIN (R), ARIZONA:`), notes in brackets, and a colon; later turns give the
surname alone; a paragraph without a label goes on with the turn before. The anchor is the
host who opens (or whose title says ANCHOR or HOST), the correspondent the one the anchor
hands to (or whose title says CORRESPONDENT or REPORTER, or who speaks in voice-over).
Inside the videotape the correspondent narrates unless on camera; a question the
correspondent asks on camera is part of the interview, a soundbite. Bracketed directions,
the transcriber's notes, time stamps and the page around the transcript are not speech.

The assembler reads the lexer's tokens (labels, `(BEGIN VIDEOTAPE)`, the page's clutter,
prose) in two passes: the first gathers the turns, the cast with its surname aliases, who
anchors and who reports, and where the story was; the second speaks each turn's words as
what the first decided (settled), cuts the transcriber's notes and time stamps out of them,
and keeps every other token as a note of its kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache

from broadcast.model import Kind, LowerThird, NoteKind
from broadcast.segment import common
from broadcast.segment import vocabulary as vocab
from broadcast.segment.assembly import NOTE_OF, Assembly, Part
from broadcast.segment.common import Clip
from broadcast.segment.lexer import AIR_TIME, TAPE, Token, TokenKind, tape_begins, transcriber_note
from broadcast.segment.supers import Spellings, is_capitals, lower_third, proper_case

NAME = "transcript"

_ANCHOR = re.compile(r"\b(?:ANCHOR|HOST|PRESENTER|NEWSREADER)\b", re.I)
_REPORTER = re.compile(r"\b(?:CORRESPONDENT|REPORTER|BUREAU CHIEF|CONTRIBUTOR|JOURNALIST)\b", re.I)
_PARTY = re.compile(r"\([A-Z]{1,2}(?:-[A-Z]{2})?\)")
_QUESTION = re.compile(r"\?[\"']?\s*$")
_LABEL_RULES = ("line_speaker_label", "line_speaker_label_mode", "line_label_only")


def _is_label(token: Token) -> bool:
    return token.rule in _LABEL_RULES and token.kind in (TokenKind.SPEAKER, TokenKind.DIRECTION)


@cache
def _inline() -> re.Pattern:
    """What a transcriber cuts into a turn: `(CROSSTALK)`, `(BEGIN VIDEOTAPE)`, `[10:02:31]`."""
    return re.compile(rf"\((?:{transcriber_note().pattern}|{TAPE.pattern})\)|{AIR_TIME}", re.I)


def _inline_kind(text: str) -> NoteKind:
    """A time stamp is the page's; a transcriber's note in brackets is a direction."""
    return NoteKind.CLUTTER if re.fullmatch(AIR_TIME, text.strip()) else NoteKind.DIRECTION


def score(tokens: list[Token]) -> float:
    """Evidence for this convention: turn labels (a quoted bite after one is the web's way,
    weighed less) and the videotape's BEGIN and END."""
    labels = 0.0
    for token, following in zip(tokens, tokens[1:] + [None]):
        if _is_label(token) and is_capitals(_read_label(token.text)[0]):
            quoted = following is not None and following.line == token.line and following.text.startswith('"')
            labels += 0.5 if quoted else 1.5
    return labels + 3 * sum(1 for t in tokens if tape_begins(t) is not None)


@dataclass
class _Turn:
    """One paragraph of a speaker's words: the label it goes under, its lines' words."""

    label: str  # the speaker part of the label, as written
    notes: str  # "(through translator)", "(voice-over)"
    on_tape: bool
    clips: list[Clip] = field(default_factory=list)  # its lines' words, the transcriber's notes cut out

    @property
    def text(self) -> str:
        return Clip.join(self.clips).text


def _read_label(text: str) -> tuple[str, str]:
    """(who, notes) of `SEN. JOHN MCCAIN (R), ARIZONA (voice-over)`: the party stays with the name."""
    notes = [g for g in re.findall(r"\([^()]*\)", text) if not _PARTY.fullmatch(g)]
    who = text
    for group in notes:
        who = who.replace(group, " ", 1)
    return who.strip(), " ".join(notes)


#: the videotape's BEGIN or END typed inside a turn rather than on a line of its own
_TAPE_IN_TURN = re.compile(rf"\((?i:{TAPE.pattern})\)")


def _turns(script: str, tokens: list[Token]) -> tuple[list[_Turn], dict[int, tuple[int, Clip]]]:
    """The turns, and for each token of spoken words (by its index) its turn and its words.
    A blank line or any other token between two lines of words starts a new paragraph."""
    inline = _inline()
    turns: list[_Turn] = []
    owner: dict[int, tuple[int, Clip]] = {}
    label: tuple[str, str] | None = None
    on_tape, current, last_end = False, None, 0
    for i, token in enumerate(tokens):
        begins = tape_begins(token)
        if _is_label(token):
            label, current = _read_label(token.text), None
        elif begins is not None:
            on_tape, current = begins, None
        elif token.kind in (TokenKind.PROSE, TokenKind.COPY) and label:
            if current is None or "\n\n" in re.sub(r"[ \t]+", "", script[last_end:token.span[0]]):
                current = _Turn(*label, on_tape)
                turns.append(current)
            current.clips.append(Clip.of(script, *token.inner).cut(inline))
            owner[i] = len(turns) - 1, current.clips[-1]
            last_end = token.span[1]
            for edge in _TAPE_IN_TURN.finditer(token.text):  # `... Okafor reports. (BEGIN VIDEOTAPE)`
                on_tape, current = edge.group("edge").upper() == "BEGIN", None
        else:
            current = None
    return turns, owner


@dataclass
class _Person:
    lower_third: LowerThird | None
    title: str  # the title as the label wrote it, for telling anchor and correspondent apart
    voice_over: bool = False


def _unnamed(label: str) -> bool:
    """`UNIDENTIFIED FEMALE`, `CROWD`: a speaker the transcript does not name."""
    words = vocab.bare(label).split()
    return bool(words) and (words[0] in vocab.words("unnamed_speakers") or " ".join(words[:2]) in
                            vocab.words("unnamed_speakers"))


def _cast(turns: list[_Turn], spellings: Spellings) -> tuple[dict[str, _Person], dict[str, str], list[str]]:
    """Everyone who speaks, by the capitals of their full name, and each label's person.

    Full labels first (`DAVID OKAFOR, GNT CORRESPONDENT`), then the short ones (`OKAFOR`)
    found by surname or by the end of a full name.
    """
    people: dict[str, _Person] = {}
    alias: dict[str, str] = {}
    warnings: list[str] = []
    short = []
    for turn in turns:
        label = turn.label
        if label in alias:
            continue
        if _unnamed(label):
            people.setdefault(label, _Person(None, label))
            alias[label] = label
        elif "," in label:
            # A party after the name (`SEN. JOHN MCCAIN (R), ARIZONA`) belongs with the title.
            party = re.search(rf"\s*({_PARTY.pattern})", label)
            bare = label.replace(party.group(0), "", 1) if party else label
            lt, warning = lower_third(bare.split(), [], spellings)
            if party:
                lt = LowerThird(lt.name, f"{party.group(1)} {lt.title}".strip())
            if warning:
                lt = replace(lt, guessed=True)  # the split of name and title: marked for checking
            key = lt.name.upper()
            title_part = label.upper().replace(key, "", 1) if key in label.upper() else label
            people.setdefault(key, _Person(lt, title_part.strip(" ,")))
            alias[label] = key
            if warning:
                warnings.append(warning)
        else:
            short.append(label)
    for label in short:
        if label in alias:
            continue
        words = label.upper().split()
        match = [k for k in people if k.split()[-len(words):] == words] or \
                [k for k in people if k.split()[-1:] == words[-1:]]
        if match:
            alias[label] = match[0]
        else:
            # A name never given in full: the label is all there is.
            lt = LowerThird(proper_case(re.sub(r"\s*\(.*\)", "", label).split(), spellings, is_name=True), "")
            people.setdefault(label.upper(), _Person(lt, ""))
            alias[label] = label.upper()
            if len(words) == 1:
                warnings.append(f"speaker {label!r} is never named in full; the lower-third shows the surname only")
    for turn in turns:
        if "voice" in turn.notes.lower():
            people[alias[turn.label]].voice_over = True
    return people, alias, warnings


def _correspondent(people: dict[str, _Person], named: str | None, anchor: str | None) -> str | None:
    """The correspondent: the one the anchor hands to, else a reporter by title or voice-over."""
    candidates = [k for k in people if k != anchor and people[k].lower_third]
    surname = named.upper().split()[-1] if named else None
    tests = (lambda k: named and people[k].lower_third.name.upper() == named.upper(),
             lambda k: _REPORTER.search(people[k].title), lambda k: people[k].voice_over,
             lambda k: surname and k.split()[-1] == surname and not people[k].title)
    for test in tests:
        found = [k for k in candidates if test(k)]
        if found:
            return found[0]
    return None


def _network(people: dict[str, _Person], *keys: str | None) -> str | None:
    """`GNT` from `GNT ANCHOR` or `CNN SENIOR INTERNATIONAL CORRESPONDENT`."""
    for key in keys:
        if key and people[key].title:
            m = re.match(r"([A-Z][A-Z0-9]{1,5})\s+(?:[A-Z]+\s+)*(?:ANCHOR|HOST|PRESENTER|CORRESPONDENT|REPORTER)",
                         people[key].title)
            if m:
                return m.group(1)
    return None


@dataclass(frozen=True)
class _Voice:
    """How a turn is spoken: its kind, its speaker, whether its words are a translation."""

    kind: Kind
    speaker: LowerThird | None = None
    translated: bool = False
    signs_off: bool = False  # the turn ends with the correspondent's sign-off


def _voices(turns: list[_Turn], out: Assembly) -> list[_Voice]:
    """Each turn's kind and speaker, from the whole cast (who anchors, who reports, where the
    sign-off says the story was); the correspondent, location and network go to `out`."""
    spellings = Spellings.from_text("\n".join(t.text for t in turns))
    people, alias, warnings = _cast(turns, spellings)
    out.warnings.extend(warnings)
    anchor = next((k for k, p in people.items() if _ANCHOR.search(p.title)), None)
    if anchor is None and turns and not turns[0].on_tape and not _REPORTER.search(people[alias[turns[0].label]].title):
        anchor = alias[turns[0].label]
    intro = " ".join(t.text for t in turns if alias[t.label] == anchor and not t.on_tape)
    named, place = common.correspondent_from_intro(intro)
    reporter = _correspondent(people, named, anchor)
    correspondent = people[reporter].lower_third.name if reporter else named
    if correspondent:
        out.people.correspondent_named(correspondent)
    # The sign-off closes the correspondent's last turn.
    theirs = [i for i, t in enumerate(turns) if reporter and alias[t.label] == reporter]
    signoff = common.find_signoff(turns[theirs[-1]].text) if theirs else None
    location = (signoff.location if signoff else None) or place
    if location:
        out.facts["location"] = location
    network = _network(people, anchor, reporter)
    if network:
        out.facts["network"] = network

    voices = []
    signs_off = theirs[-1] if signoff else None
    for i, turn in enumerate(turns):
        key = alias[turn.label]
        lt = people[key].lower_third
        notes = turn.notes.lower()
        translated = "translat" in notes or "interpret" in notes
        if key == anchor:
            voices.append(_Voice(Kind.ANCHOR_INTRO))
        elif key == reporter:
            on_camera = "on camera" in notes or "on-camera" in notes
            kind = Kind.STANDUP if on_camera or not (turn.on_tape or "voice" in notes) else Kind.NARRATION
            following = turns[i + 1] if i + 1 < len(turns) else None
            if kind is Kind.STANDUP and following and alias[following.label] not in (key, anchor) \
                    and _QUESTION.search(turn.text):
                kind = Kind.SOUNDBITE  # a question on camera, answered in the next bite
            voices.append(_Voice(kind, LowerThird(lt.name, location or lt.title) if kind is not Kind.NARRATION
                                 else None, signs_off=i == signs_off))
        else:
            voices.append(_Voice(Kind.SOUNDBITE, lt, translated))
    return voices


def assemble(script: str, tokens: list[Token], out: Assembly) -> None:
    turns, owner = _turns(script, tokens)
    voices = _voices(turns, out)
    opened: dict[int, int] = {}  # the turns whose words have begun, and the part of each
    for i, token in enumerate(tokens):
        if i in owner:
            n, words = owner[i]
            if n not in opened:
                out.end_part()  # a paragraph is a segment of its own
                opened[n] = len(out.parts)
            voice = voices[n]
            out.speech(token, voice.kind, speaker=voice.speaker, translated=voice.translated, clip=words,
                       markup=_inline_kind, markup_rule="transcript_inline", settled=True)
        elif _is_label(token):
            out.note(token, NoteKind.SUPER)
        elif token.kind is TokenKind.METADATA:
            out.metadata(token)
        elif token.kind in (TokenKind.PROSE, TokenKind.COPY):
            _header(token, out)
        else:
            out.note(token, NOTE_OF[token.kind])
    signing = next((opened[n] for n, voice in enumerate(voices) if voice.signs_off and n in opened), None)
    if signing is not None:
        _sign_off(out, signing)
    out.signoff_read = True  # the correspondent's last turn has the sign-off, or there is none


def _sign_off(out: Assembly, index: int) -> None:
    """The correspondent's last turn cut at the sign-off, which becomes a part of its own."""
    part = out.parts[index]
    joined = Clip.join(part.clips, "\n").squeeze()
    found = common.find_signoff(joined.text)
    if found is None:
        return
    if found.start:
        out.parts[index] = replace(part, clips=[joined[:found.start].strip()])
        out.parts.insert(index + 1, Part(Kind.SIGNOFF, [joined[found.start:]], line=part.line, settled=True))
    else:
        out.parts[index] = replace(part, kind=Kind.SIGNOFF, speaker=None)


def _header(token: Token, out: Assembly) -> None:
    """Words before the first turn: the show's name in capitals, the story's title (with
    when it aired), or prose nobody claimed (kept and warned about when resolving)."""
    text = token.text
    sentence = len(text.split()) >= 8 and re.search(r"[.!?][\"']?$", text)
    if is_capitals(text) and len(text.split()) <= 8:
        out.note(token, NoteKind.METADATA, "transcript_show")
    elif "title" not in out.facts and not is_capitals(text) and (not sentence or re.search(r"\bAired\b", text)):
        out.facts["title"] = re.split(r"[;.]\s*Aired\b", text)[0].strip()
        out.note(token, NoteKind.METADATA, "transcript_title")
    else:
        out.header_line(token)
