"""Pieces every script convention needs: clips of the script that remember where each
character came from, paragraphs (unwrapping hard-wrapped lines), segments with spans, the
correspondent named in an intro, and the sign-off.

A segment's `span` is [start, end) in the normalised script: the offset of its first and
one past its last character. Where the words run unbroken in the script, `text` is exactly
`script[start:end]`, or that with each run of white space (a wrapped line end) read as one
space. Where the segmenter dropped markup inside the region (a production note, a speaker
label, a shot line between two lines of a bite), the span still covers the whole region and
`text` is the region with that markup removed: its characters are always an ordered subset
of the region's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from broadcast.model import Kind, LowerThird, Segment
from broadcast.segment import vocabulary as vocab
from broadcast.segment.supers import LOWER, UPPER, is_acronym

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Clip:
    """Text cut from the script, with the script offset of each of its characters."""

    text: str
    offsets: tuple[int, ...]

    @classmethod
    def of(cls, script: str, start: int = 0, end: int | None = None) -> Clip:
        end = len(script) if end is None else end
        return cls(script[start:end], tuple(range(start, end)))

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, index: slice) -> Clip:
        return Clip(self.text[index], self.offsets[index])

    @property
    def start(self) -> int:
        return self.offsets[0] if self.offsets else 0

    @property
    def span(self) -> tuple[int, int]:
        if not self.offsets:
            return (0, 0)
        return (self.offsets[0], self.offsets[-1] + 1)

    def strip(self, chars: str | None = None) -> Clip:
        text = self.text
        lead = len(text) - len(text.lstrip(chars))
        stripped = text.strip(chars)
        return self[lead:lead + len(stripped)]

    def cut(self, pattern: str | re.Pattern, flags: int = 0) -> Clip:
        """The clip without every match of `pattern` (recognised markup)."""
        keep = []
        last = 0
        for m in re.finditer(pattern, self.text, flags):
            keep.append(self[last:m.start()])
            last = m.end()
        keep.append(self[last:])
        return Clip.concat(keep)

    def squeeze(self) -> Clip:
        """White space runs (line ends of wrapped text, gaps left by cut markup) as one space."""
        # Already single-spaced and cut from one stretch of the script, as most clips are:
        # nothing to squeeze, and each space keeps its own offset as it would below.
        offsets = self.offsets
        if " ".join(self.text.split()) == self.text and (
                not offsets or offsets[-1] - offsets[0] == len(offsets) - 1):
            return self
        text, offsets = [], []
        for m in re.finditer(r"\S+", self.text):
            if text:
                text.append(" ")
                offsets.append(offsets[-1] + 1)
            text.append(m.group(0))
            offsets.extend(self.offsets[m.start():m.end()])
        return Clip("".join(text), tuple(offsets))

    @staticmethod
    def concat(clips: list[Clip]) -> Clip:
        return Clip("".join(c.text for c in clips), tuple(o for c in clips for o in c.offsets))

    @staticmethod
    def join(clips: list[Clip], sep: str = " ") -> Clip:
        """Clips joined by `sep`; the separator takes the offsets just after the clip before it."""
        text, offsets = [], []
        for clip in clips:
            if text and sep:
                text.append(sep)
                offsets.extend(range(offsets[-1] + 1, offsets[-1] + 1 + len(sep)))
            text.append(clip.text)
            offsets.extend(clip.offsets)
        return Clip("".join(text), tuple(offsets))


def lines(script: str) -> list[Clip]:
    """Every line of the script, blank ones included, without its line end."""
    out, pos = [], 0
    for line in script.split("\n"):
        out.append(Clip.of(script, pos, pos + len(line)))
        pos += len(line) + 1
    return out


def wrap_width(texts: list[str]) -> int | None:
    """The width a hard-wrapped script was wrapped at, or None when its lines run free.

    Wrapped text has most lines ending just short of one width; free paragraphs have lines of
    every length (the reference runs to hundreds of characters a line).
    """
    # Prose lines only: labels, notes and titles are short whatever the wrapping.
    prose = [t.rstrip() for t in texts if len(t.split()) >= 6]
    lengths = sorted(len(t) for t in prose)
    if len(lengths) < 4:
        return None
    # A wrap breaks lines mid-sentence; a paragraph a line ends each at a full stop.
    if sum(1 for t in prose if re.search(r"[.!?:\"']$", t)) >= 0.5 * len(prose):
        return None
    typical = lengths[int(len(lengths) * 0.9) - 1 if len(lengths) >= 10 else -1]
    if typical > 110 or typical < 30:
        return None
    near = [n for n in lengths if typical - 20 <= n <= typical + 10]
    return max(near) if len(near) >= 0.5 * len(lengths) else None


def unwrap(lines_: list[Clip], starts_paragraph=lambda text: False, width: int | None = None) -> list[Clip]:
    """Paragraphs from lines, stripped, joining the lines a hard wrap broke.

    Blank lines always end a paragraph. A script that separates its paragraphs by blank lines
    and breaks lines inside them (most line ends fall mid-sentence) has its blocks joined. In
    a hard-wrapped script without blank lines, a line joins the one before where that one was
    broken for want of room (the next word would not have fitted within the wrap width).
    Otherwise each line is a paragraph, as in the reference. `starts_paragraph(text)` marks
    lines that always open one (a super, a label); a caller cutting the script into pieces
    passes the `width` measured on the whole script.
    """
    width = width or wrap_width([line.text for line in lines_])
    texts = [line.text.strip() for line in lines_]
    runs = [a for a, b in zip(texts, texts[1:]) if a and b]
    ended = sum(1 for a in runs if re.search(r"[.!?:\"']$", a))
    has_blank_lines = any(not a and b for a, b in zip(texts, texts[1:]))
    blank_separated = has_blank_lines and ended < 0.5 * len(runs)
    out: list[Clip] = []
    current: list[Clip] = []
    quote_open = False  # the paragraph so far leaves a quotation open
    for line, text in zip(lines_, texts):
        if not text:
            if current:
                out.append(Clip.join(current))
            current = []
            continue
        if current and not starts_paragraph(text) and (
                blank_separated or width is not None and _broken(current[-1].text, text, width)
                or quote_open and _continues_quote(text, has_blank_lines)):
            current.append(line.strip())
        else:
            if current:
                out.append(Clip.join(current))
            current, quote_open = [line.strip()], False
        quote_open ^= text.count('"') % 2 == 1
    if current:
        out.append(Clip.join(current))
    return out


def _continues_quote(following: str, has_blank_lines: bool) -> bool:
    """The next line goes on with a quotation the paragraph left open: a wrapped quote, not
    a new quoted paragraph (which opens with a quotation mark). Where blank lines part the
    paragraphs, every line of the block goes on with it; where they do not, only a line that
    closes it (so that a quote left open by mistake takes in no more than one line)."""
    if following.startswith('"'):
        return False
    return has_blank_lines or following.count('"') % 2 == 1


def _broken(line: str, following: str, width: int) -> bool:
    """The line ended because the next word would not have fitted within the width."""
    first = following.split()[0]
    return len(line) + 1 + len(first) > width


def make_segment(
    kind: Kind,
    clip: Clip,
    *,
    speaker: LowerThird | None = None,
    unquote: bool = False,
    language: str | None = None,
    translated: bool = False,
) -> Segment | None:
    """The segment for a clip, trimmed (and its outer quotes dropped); None when no words are left."""
    piece = words_of(clip, unquote)
    if piece is None:
        return None
    return Segment(kind=kind, text=piece.text, span=piece.span, speaker=speaker, language=language,
                   translated=translated)


def words_of(clip: Clip, unquote: bool = False) -> Clip | None:
    """The words of a clip as its segment holds them: trimmed, white space squeezed, outer quotes
    dropped when asked; None when no words are left."""
    piece = clip.strip(" ,:\n").squeeze()
    if unquote:
        piece = unquoted(piece)
    return piece if piece.text.strip(" \"'.,:;-") else None


def unquoted(piece: Clip) -> Clip:
    """Drop a pair of outer quotation marks; a quote left open still loses its opening mark.

    Quotes opening each paragraph of a long bite ("... end of one.  "Start of the next ...")
    are kept only where they pair up inside the text.
    """
    text = piece.text
    if not text.startswith('"'):
        return piece
    inner = piece[1:]
    if inner.text.endswith('"') and inner.text.count('"') % 2 == 1:
        inner = inner[:-1]
    else:
        m = re.search(r'"([.,]?)$', inner.text)
        if m and inner.text.count('"') % 2 == 1:
            inner = Clip.concat([inner[:m.start()], inner[m.start() + 1:]])
    return inner.strip()


# a name starts a word: the lookbehind keeps a search linear on a long run of letters
_NAME = rf"(?<![\w'.-]){UPPER}[\w'.-]+(?:\s+(?:{UPPER}[\w'.-]+|al-[\w'-]+|bin|de|van|von|da|el-[\w'-]+)){{1,4}}"
_INTRO_PATTERNS = (
    rf"(?:(?i:correspondent|reporter|producer|editor)|CGTN's|[A-Z]{{2,5}}['\u2019]s|[Oo]ur)\s+(?P<name>{_NAME})\s+"
    rf"(?:reports|has (?:more|the story|the details)|explains|takes a look|tells us more|looks)"
    rf"(?:\s+from\s+(?P<place>{UPPER}[\w' -]+?))?[.,]",
    rf"(?P<name>{_NAME})\s+(?:reports|has more|has the story)\s+from\s+(?P<place>{UPPER}[\w' -]+?)[.,]",
    rf"(?P<name>{_NAME})\s+(?:reports|has more|has the story|has the details)[.,]",
)


#: how an intro hands over to the package: the anchor's words end with this sentence
_HANDOVER = re.compile(rf"{UPPER}[\w'\u2019-]+\s+(?:reports|has (?:more|the latest|the story|the details)|"
                       r"takes a look|explains|tells us more)\b(?:[^.!?]|\.(?=\S|\s+[a-z])){0,80}[.!?][\"'\u201d]?\s*$")


def hands_over(text: str) -> bool:
    """The text ends with the anchor's hand-over (`... Laurel Bowman reports on reaction.`)."""
    return bool(_HANDOVER.search(text))


def correspondent_from_intro(intro: str) -> tuple[str | None, str | None]:
    """(correspondent, location) from "Our correspondent Julia Lyubova reports from Moscow."."""
    for pattern in _INTRO_PATTERNS:
        m = re.search(pattern, intro)
        if m:
            name = _without_titles(m.group("name"))
            if name:
                return name, (m.groupdict().get("place") or None)
    return None, None


def _without_titles(name: str) -> str | None:
    """The name of `VOA Pakistan Bureau Chief Sarah Zaman`, `For VOA News Antoni Belchi`: what
    follows the network, a journalist's title or a word that opens the sentence (None when
    fewer than two words are left)."""
    words = name.split()
    titles = vocab.words("journalist_titles")
    cut = 0
    for i, word in enumerate(words):
        bare = vocab.bare(word)
        if bare in titles or is_acronym(word.rstrip("'\u2019s")) or word.endswith(("'s", "\u2019s")) or \
                (i == 0 and bare in _OPENING_WORDS):
            cut = i + 1
    kept = words[cut:]
    return " ".join(kept) if len(kept) >= 2 else None


#: words that open a sentence before the name it hands over to ("For VOA News, ...")
_OPENING_WORDS = frozenset({"FOR", "FROM", "AND", "BUT", "NOW", "HERE", "THAT", "THIS"})


@dataclass(frozen=True)
class SignOff:
    initials: str  # "JL" or a full name
    network: str
    location: str
    start: int  # offset of the sign-off within its paragraph


_SIGNOFF = re.compile(
    rf"(?:^|(?<=[.!?\"'])\s+)(?P<who>{UPPER}{{1,4}}|{UPPER}{LOWER}+(?: {UPPER}[\w'-]+){{1,3}}|"
    rf"{UPPER}{{2,}}(?: {UPPER}[{UPPER[1:-1]}'-]+){{1,3}}),\s*"
    rf"(?P<net>{UPPER}\w*(?: {UPPER}\w*){{0,2}}),\s*(?P<place>{UPPER}[\w' .-]{{1,40}}?(?:, {UPPER}[\w' .-]{{1,30}}?)?)\.?\s*$"
)
_NETWORK_WORDS = frozenset("News Reuters Euronews Jazeera World 24 Africa America Asia Europe".split())


def _is_network(name: str) -> bool:
    """CGTN, VOA News, Al Jazeera, Reuters: an acronym or a news word, not a place list."""
    words = name.split()
    return any(2 <= len(w) <= 6 and w.isupper() for w in words) or words[-1] in _NETWORK_WORDS


def find_signoff(paragraph: str) -> SignOff | None:
    """`JL, CGTN, Moscow.` at the end of the last paragraph."""
    m = _SIGNOFF.search(paragraph)
    if not m or not _is_network(m.group("net")):
        return None
    start = m.start("who")
    return SignOff(m.group("who"), m.group("net"), m.group("place").strip(), start)


def name_from_initials(initials: str, capital_runs: list[list[str]]) -> str | None:
    """The correspondent's name from sign-off initials and the supers (`JULIA LYUBOVA` for JL)."""
    if not (2 <= len(initials) <= 4 and initials.isalpha() and initials.isupper()):
        return initials if " " in initials else None
    for words in capital_runs:
        k = len(initials)
        if len(words) >= k and "".join(w[0] for w in words[:k]) == initials:
            return " ".join(w.capitalize() for w in words[:k])
    return None
