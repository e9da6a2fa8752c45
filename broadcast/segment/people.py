"""Who speaks: a speaker marker as a production script writes it, read into name, title and
voice notes, and later references (`((Sahar))`) resolved to the person named in full before.

    Joseph Kamau, Mathare resident - MALE IN SWAHILI - ORIGINAL
    Shataba Jalal, Herat Resident (Female in Dari)
    Hadi Sahar, senior producer, 1TV) male in English
    Rep. Gregory Meeks/Democrat (name is already on C-SPAN graphic)
    House Speaker Nancy Pelosi                       title first, no comma
    Uyghur Student (Boy 1)   Student 3, Girl          no name given: a description
    Sahar                                            a surname alone
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from broadcast.model import LowerThird
from broadcast.segment import vocabulary as vocab
from broadcast.segment.supers import (
    PARTICLES, TITLE_WORDS, UPPER, Spellings, is_capitals, proper_case, title_case,
)


@dataclass(frozen=True)
class Label:
    """A speaker marker, read."""

    name: str  # "" when no name is given
    title: str
    language: str | None = None
    #: a single capitalised word that may be a surname met before (`Sahar`)
    surname_only: bool = False
    #: the notes say the voice is heard over pictures (`(voice-over)`)
    voice_over: bool = False
    #: the notes say the words are a translation (`(through translator)`)
    translated: bool = False

    def lower_third(self) -> LowerThird:
        return LowerThird(self.name, self.title)


# Words that may stand before a name as its title, with no comma between: `House Speaker
# Nancy Pelosi`, `President Joe Biden`.
_TITLE_FIRST = TITLE_WORDS | {"house", "speaker", "senate", "sen.", "rep.", "gov.", "gen.", "dr.", "prof.",
                              "first", "lady", "white", "press", "councilmember", "councilman", "councilwoman",
                              "alderman", "commissioner", "sheriff", "trooper", "superintendent", "city"}

_NAME_WORD = re.compile(rf"(?:{UPPER}[\w'\u2019.-]*|[a-z]{{1,3}}-{UPPER}[\w'\u2019-]*)$")
_SENTENCE_END = re.compile(r"[.!?][\"\u201d']?$")


def _notes_off(label: str) -> tuple[str, list[str]]:
    """The label without its production notes, and the notes: bracketed groups (closed or
    left open at the end), what follows a stray `)`, and ` - MALE IN RUSSIAN - ORIGINAL`."""
    notes: list[str] = []
    depth, kept, current = 0, [], []
    for i, c in enumerate(label):
        if c == "(":
            depth += 1
            if depth == 1:
                current = []
                continue
        elif c == ")":
            if depth == 0:  # a stray `)`: the rest is a note (`1TV) male in English`)
                notes.append(label[i + 1:])
                break
            depth -= 1
            if depth == 0:
                notes.append("".join(current))
                continue
        (current if depth else kept).append(c)
    if depth:
        notes.append("".join(current))
    text = "".join(kept)
    parts = re.split(r"\s+[-\u2013\u2014]+\s+|\s*;\s*", text)
    return parts[0], notes + parts[1:]


def _honorific(word: str) -> bool:
    return vocab.bare(word) in vocab.words("honorifics")


def _is_name(words: list[str]) -> bool:
    """Two to five capitalised words (particles and honorifics allowed), not all title words."""
    core = [w for w in words if not _honorific(w)]
    if not 2 <= len(core) <= 5:
        return False
    if any(re.search(r"\d", w) for w in words):
        return False
    if not all(_NAME_WORD.match(w) or w.lower() in PARTICLES or _honorific(w) for w in words):
        return False
    return not all(w.lower().strip(".,") in TITLE_WORDS for w in core)


def _is_description(words: list[str]) -> bool:
    """`Uyghur Student`, `Herat resident`, `Student 3`, `Resident of Moscow`: who someone is,
    with no name; its head noun (the last word, or the first before `of`) is a title word."""
    words = [w for w in words if not re.fullmatch(r"\d{1,2}", w)]
    if not 1 <= len(words) <= 8 or not words[0][:1].isupper():
        return False
    heads = [words[-1]] + [words[i - 1] for i, w in enumerate(words) if w.lower() == "of" and i]
    return any(re.sub(r"(?:'s|\u2019s|[.,])$", "", h.lower()) in TITLE_WORDS for h in heads)


def parse_label(text: str) -> Label | None:
    """A speaker marker read, or None when the text is not one."""
    label = _parse_label(text)
    if label is not None:
        label = replace(label, voice_over=bool(re.search(r"(?i)\(\s*(?:voice[- ]?over|v/?o)\s*\)", text)),
                        translated=bool(re.search(r"(?i)\b(?:translat\w*|interpret\w*|dubbed)\b", text))
                        or bool(label.language and label.language.lower() != "english"))
    return label


def _parse_label(text: str) -> Label | None:
    text = " ".join(text.split()).strip(" :,")
    text = re.sub(r"(?i)^(?:sot|soundbite|bite|sync|interview)\s*[:\-\u2013]\s*", "", text)
    if not text or len(text) > 160:
        return None
    label, notes = _notes_off(text)
    language = None
    for note in notes:
        from broadcast.segment.lexer import language_in
        language = language or language_in(note)
    no_name = any(vocab.bare(n) in vocab.words("no_name") for n in notes)
    label = label.strip(" ,:")
    if ":" in label:  # `B-roll: the studio`, `Video: ...`: a direction, not a name
        return None
    if "," not in label and re.search(rf"{UPPER}[\w.]*/{UPPER}", label):
        label = label.replace("/", ", ", 1)  # `Rep. Gregory Meeks/Democrat`
    from broadcast.segment.lexer import is_voice_note, language_in, mode_of
    parts = [p.strip() for p in label.split(",") if p.strip()]
    kept = []
    for part in parts:
        if kept and is_voice_note(part):  # `male in Hindi`, `Girl`, `English`
            language = language or language_in(part)
            continue
        kept.append(part)
    if not kept or _SENTENCE_END.search(label) and len(label.split()) > 6:
        return None
    first, rest = kept[0].split(), kept[1:]
    if any(w in vocab.words("roles") for w in vocab.bare(kept[0]).split()) or mode_of(kept[0]):
        return None  # `TAKE VO/SOT`: directions, not a name
    title = ", ".join(_title(p, not is_capitals(label)) for p in rest)
    if vocab.bare(kept[0]) in vocab.words("unnamed_speakers"):
        # `UNIDENTIFIED MALE`; `Unidentified woman, Kyiv resident`: the description is the title
        return Label("", title or title_case(kept[0].lower()), language)
    if no_name:
        return Label("", title_case(" ".join(kept)), language)
    if not rest and len(first) >= 3:
        # Title first, no comma: `House Speaker Nancy Pelosi`.
        k = 0
        while k < len(first) - 2 and first[k].lower() in _TITLE_FIRST:
            k += 1
        if k and _is_name(first[k:]):
            return Label(_cased_name(first[k:]), title_case(" ".join(first[:k])), language)
    if _is_name(first) and not (_is_description(first) and not rest):
        return Label(_cased_name(first), title, language)
    if _is_description(first):
        description = re.sub(r"\s+\d{1,2}$", "", " ".join(first))  # `Student 3`
        return Label("", ", ".join([title_case(description), *([title] if title else [])]), language)
    if len(first) == 1 and not rest and _NAME_WORD.match(first[0]) and not re.search(r"\d", first[0]):
        return Label(first[0], "", language, surname_only=True)
    return None


def _title(part: str, mixed: bool) -> str:
    """A title part as typed on air; a short word in capitals in a mixed-case label (`RMT`,
    `CDC`) is an acronym the producer typed, kept."""
    if mixed and re.fullmatch(r"[A-Z0-9&.]{2,5}", part):
        return part
    return title_case(part)


def _cased_name(words: list[str]) -> str:
    if all(is_capitals(w) for w in words):
        return proper_case(words, Spellings.from_text(""), is_name=True)
    return " ".join(words)


def resolve_surname(label: Label, known: list[LowerThird]) -> LowerThird | None:
    """The person a surname alone refers to: the last one named in full whose name has it."""
    word = label.name.casefold()
    for person in reversed(known):
        if person.name and word in (w.casefold() for w in person.name.split()):
            return person
    return None
