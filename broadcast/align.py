"""Conforming to real timings: read a word-timing file, align its words to the script's.

The readers turn each format into recognised words with times (`WordTiming`). `align`
matches the script's words to them by a sequence alignment over spoken forms ("1949" and
"nineteen forty-nine" are the same three spoken words) that accepts near-misses, then gives
every script word a time, interpolating where nothing was matched. `conform` does both for
a report and refuses a file that belongs to another script.
"""

from __future__ import annotations

import html
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pysubs2
from rapidfuzz.distance import Indel, Levenshtein

from broadcast.errors import UnusableInput
from broadcast.model import Report, TimedSegment, WordAlignment, WordTiming
from broadcast.profiles import StyleProfile
from broadcast.reading import decode
from broadcast.timing import number_words, year_words

#: below this share of script words matched, the file is taken to belong to another script:
#: unrelated English text still shares its function words ("the", "of", "and"), which
#: match about a fifth to a third of a script, while a real transcript matches over 80%
MIN_MATCH_RATE = 0.5
#: below this share the timings are used, with a warning to check them
WARN_MATCH_RATE = 0.8
#: two spoken words at least this similar (Indel ratio) are a near-miss of one another
NEAR_MISS = 0.7
#: ms a character of text lasts in speech (about 165 words a minute), where the file gives
#: too few times to measure the speaker
_MS_PER_CHAR = 60
#: a stretch between exact matches larger than this (script words x recognised words) is
#: left to interpolation instead of the quadratic fuzzy alignment
_MAX_CELLS = 2_000_000


# --- reading ---------------------------------------------------------------------------

def read_timings(data: bytes) -> tuple[str, tuple[WordTiming, ...]]:
    """The format's name and the recognised words of a word-timing file, detected from content."""
    try:
        text = decode(data)
    except UnusableInput:
        raise UnusableInput("the word-timing file is binary, not JSON, SRT or WebVTT") from None
    if not text.strip():
        raise UnusableInput("the word-timing file is empty")
    head = text.lstrip()[:13]
    if head[:1] == "{" or head[:1] == "[" and head != "[Script Info]":
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            raise UnusableInput(f"the word-timing file is not valid JSON (line {exc.lineno}: {exc.msg})") from None
        except RecursionError:
            raise UnusableInput("the word-timing file nests JSON deeper than any timing format") from None
        except ValueError as exc:  # a number of more digits than Python reads
            raise UnusableInput(f"the word-timing file is not usable JSON ({exc})") from None
        try:
            source, words = _read_json(doc)
        except (TypeError, AttributeError, RecursionError) as exc:  # a known format's keys, wrong values
            raise UnusableInput(f"the word-timing file is JSON of no known word-timing format "
                                f"(WhisperX, stable-ts, Gentle or aeneas): {exc}") from None
    elif "-->" in text or head == "[Script Info]":
        source, words = _read_subtitles(text)
    else:
        raise UnusableInput("not a word-timing file: expected WhisperX, stable-ts, Gentle or aeneas "
                            "JSON, or SRT or WebVTT subtitles")
    if not any(w.start is not None or w.end is not None for w in words):
        raise UnusableInput(f"the {source} file has no word with a time")
    check_order(words)
    return source, tuple(words)


def _read_json(doc) -> tuple[str, list[WordTiming]]:
    if isinstance(doc, dict):
        if isinstance(doc.get("fragments"), list):
            return "aeneas", list(_aeneas(doc["fragments"]))
        words = doc.get("words")
        if isinstance(words, list) and ("transcript" in doc or any(_has(w, "case") for w in words)):
            return "gentle", [_gentle(w) for w in words if _has(w, "word")]
        segments = doc.get("segments")
        if isinstance(segments, list) and segments:
            entries = [w for s in segments if _has(s, "words") for w in s["words"] or ()]
            if entries:  # stable-ts (and Whisper) give each word a probability, WhisperX a score
                source = "stable-ts" if any(_has(w, "probability") for w in entries) else "whisperx"
                return source, [_entry(w) for w in entries if _has(w, "word")]
        if isinstance(doc.get("word_segments"), list):
            return "whisperx", [_entry(w) for w in doc["word_segments"] if _has(w, "word")]
        if isinstance(segments, list) and segments and all(_has(s, "text") for s in segments):
            # Whisper without word times: each segment's time spread over its words
            return "whisper", [w for s in segments
                               for w in _spread(str(s["text"]).split(), _ms(s.get("start"), s["text"]),
                                                _ms(s.get("end"), s["text"]))]
    raise UnusableInput("JSON of no known word-timing format (WhisperX, stable-ts, Gentle or aeneas)")


def _has(entry, key: str) -> bool:
    return isinstance(entry, dict) and key in entry


def _ms(value, word: str) -> int | None:
    """Seconds (a number or a numeric string) as whole ms; None when the file gives none.

    A time that is given but is no time (negative, infinite, not a number) makes the file
    unusable: a recogniser never writes one, so the file was damaged or made by hand."""
    if value is None:
        return None
    ms = math.nan
    if isinstance(value, int | float | str) and not isinstance(value, bool):
        try:
            ms = float(value) * 1000
        except (ValueError, OverflowError):
            pass
    if not math.isfinite(ms) or ms < 0:
        raise UnusableInput(f"the word-timing file gives the word {_quoted(word)} the time {str(value)[:40]!r}, "
                            f"which is not a time in seconds")
    return round(ms)


def _quoted(word: str) -> str:
    """A word of the timing file for a message: quoted, on one line, not too long."""
    word = " ".join(str(word).split())
    return repr(word if len(word) <= 40 else word[:39] + "\u2026")


def _timing(word: str, start, end) -> WordTiming:
    start, end = _ms(start, word), _ms(end, word)
    return WordTiming(word.strip(), start, end)


def check_order(words: Sequence[WordTiming]) -> None:
    """Refuse a file whose times go backwards: a word ending before it starts, or starting
    before the word ahead of it started."""
    latest = None  # the start of the last timed word
    for number, w in enumerate(words, 1):
        if w.start is not None and w.end is not None and w.end < w.start:
            raise UnusableInput(f"the word-timing file has word {number}, {_quoted(w.word)}, ending at "
                                f"{w.end / 1000:g} s before it starts at {w.start / 1000:g} s")
        start = w.start if w.start is not None else w.end
        if start is None:
            continue
        if latest is not None and start < latest:
            raise UnusableInput(f"the word-timing file has word {number}, {_quoted(w.word)}, at "
                                f"{start / 1000:g} s, before the word ahead of it ({latest / 1000:g} s)")
        latest = start


#: how far past the script's own length (at an ordinary pace) a word's time may be: a day,
#: so a recording with long silences fits and a typing slip (`1e9` seconds) does not
TIME_SLACK_MS = 86_400_000


def check_span(words: Sequence[WordTiming], script: Sequence[str]) -> None:
    """Refuse a file with a time later than a day past the script's length at a slow pace."""
    limit = TIME_SLACK_MS + 2 * _MS_PER_CHAR * sum(len(w) + 1 for w in script)
    for number, w in enumerate(words, 1):
        latest = max(t for t in (w.start, w.end, 0) if t is not None)
        if latest > limit:
            raise UnusableInput(f"the word-timing file has word {number}, {_quoted(w.word)}, at "
                                f"{latest / 1000:g} s, more than a day past the script's length; "
                                f"times are in seconds from the start of the recording")


def _entry(w: dict) -> WordTiming:
    """A WhisperX or stable-ts word; numerals and symbols often come without times."""
    return _timing(str(w["word"]), w.get("start"), w.get("end"))


def _gentle(w: dict) -> WordTiming:
    if w.get("case", "success") != "success":  # "not-found-in-audio": a word but no time
        return WordTiming(str(w["word"]).strip(), None, None)
    return _timing(str(w["word"]), w.get("start"), w.get("end"))


def _aeneas(fragments: list) -> Iterable[WordTiming]:
    """The finest level of a (possibly hierarchical) sync map, spread over each fragment's words."""
    for fragment in fragments:
        if not isinstance(fragment, dict):
            continue
        if fragment.get("children"):
            yield from _aeneas(fragment["children"])
            continue
        lines = fragment.get("lines") or []
        words = " ".join(str(line) for line in lines).split()
        yield from _spread(words, _ms(fragment.get("begin"), " ".join(words)),
                           _ms(fragment.get("end"), " ".join(words)))


def _read_subtitles(text: str) -> tuple[str, list[WordTiming]]:
    try:
        subs = pysubs2.SSAFile.from_string(text)
    except (pysubs2.Pysubs2Error, ValueError) as exc:
        raise UnusableInput(f"the word-timing file is not readable subtitles ({exc})") from None
    if subs.format not in ("srt", "vtt"):
        raise UnusableInput(f"subtitles as {subs.format} are not a word-timing file; use SRT or WebVTT")
    words = []
    for event in subs:
        if event.is_comment:
            continue
        plain = html.unescape(event.plaintext) if subs.format == "vtt" else event.plaintext
        words += _spread(plain.split(), event.start, event.end)
    return ("webvtt" if subs.format == "vtt" else "srt"), words


def _spread(words: Sequence[str], start: int | None, end: int | None) -> list[WordTiming]:
    """Words sharing one span (a subtitle, a sync-map fragment), each timed by its length."""
    if start is None or end is None or end < start:
        return [WordTiming(w, None, None) for w in words]
    times = _share(start, end, [len(w) for w in words])
    return [WordTiming(w, s, e) for w, (s, e) in zip(words, times)]


def _share(start: float, end: float, weights: Sequence[int]) -> list[tuple[int, int]]:
    """[start, end] cut into consecutive pieces in proportion to `weights`."""
    total = sum(weights) or 1
    out, done = [], 0
    for weight in weights:
        a = start + (end - start) * done / total
        done += weight
        out.append((round(a), round(start + (end - start) * done / total)))
    return out


# --- spoken forms ----------------------------------------------------------------------

_ORDINALS = {"one": "first", "two": "second", "three": "third", "five": "fifth", "eight": "eighth",
             "nine": "ninth", "twelve": "twelfth"}
_CURRENCY = {"$": "dollars", "£": "pounds", "€": "euros"}
_NUMBER = re.compile(r"^(?P<cur>[$£€])?(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<dec>\d+))?"
                     r"(?P<suffix>st|nd|rd|th|s|%)?$")
_SPLIT = re.compile(r"[-\u2010-\u2015/\s]+")  # hyphens, dashes and slashes join spoken words
_OUTER = ".,;:!?\"'()[]{}\u2026"
_NOT_WORD = re.compile(r"[\W_]+")


def _number_units(m: re.Match) -> list[str]:
    digits = m["int"].replace(",", "")
    value = int(digits)
    plain = "," not in m["int"] and not m["dec"] and not m["cur"] and m["suffix"] in (None, "s")
    words = year_words(value) if plain and len(digits) == 4 and 1100 <= value <= 2099 else number_words(value)
    if m["dec"]:
        words += ["point"] + [number_words(int(d))[0] for d in m["dec"]]
    suffix = m["suffix"]
    if suffix in ("st", "nd", "rd", "th"):
        last = words[-1]
        words[-1] = _ORDINALS.get(last) or (last[:-1] + "ieth" if last.endswith("y") else last + "th")
    elif suffix == "s":  # the 1990s
        words[-1] = words[-1][:-1] + "ies" if words[-1].endswith("y") else words[-1] + "s"
    elif suffix == "%":
        words.append("percent")
    if m["cur"]:
        words.append(_CURRENCY[m["cur"]])
    return words


def spoken_units(token: str) -> list[str]:
    """The words a written token is spoken as, folded for matching.

    "U.S.-backed" -> ["us", "backed"]; "1949" -> ["nineteen", "forty", "nine"]; "Erdoğan's" ->
    ["erdogans"]; a dash alone -> [].
    """
    text = unicodedata.normalize("NFKD", token.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("&", " and ")
    units: list[str] = []
    for piece in _SPLIT.split(text):
        piece = piece.strip(_OUTER)
        m = _NUMBER.match(piece)
        if m:
            units += _number_units(m)
        elif word := _NOT_WORD.sub("", piece):
            units.append(word)
    return units


# --- alignment -------------------------------------------------------------------------

@dataclass(frozen=True)
class Aligned:
    """Script words against recognised words."""

    #: (start, end) ms of each script word; s0 <= e0 <= s1 <= e1 ...
    times: tuple[tuple[int, int], ...]
    #: the recognised word each script word was aligned to (its first), or None
    links: tuple[int | None, ...]
    #: the script word matched a recognised word exactly or as a near-miss
    matched: tuple[bool, ...]

    @property
    def match_rate(self) -> float:
        return sum(self.matched) / len(self.matched) if self.matched else 0.0


def align(script: Sequence[str], recognised: Sequence[WordTiming]) -> Aligned:
    """Time every script word from the recognised words (see the module's docstring)."""
    heard = _fill([(w.start, w.end) if w.start is not None or w.end is not None else None
                   for w in recognised], [w.word for w in recognised])
    s_units, s_owner = _expand(script)
    # hesitations are no part of a script: leaving them out keeps them from standing in
    # for a script word the recogniser missed
    skip = _HESITATIONS - set(s_units)
    r_units, r_owner = _expand((w.word for w in recognised), skip)
    r_times = _unit_times(heard, r_units, r_owner)

    spans: list[tuple[int, int] | None] = [None] * len(script)
    links: list[int | None] = [None] * len(script)
    matched = [False] * len(script)
    for i, j, near in _align_units(s_units, r_units):
        token = s_owner[i]
        s, e = r_times[j]
        spans[token] = (s, e) if spans[token] is None else (spans[token][0], max(spans[token][1], e))
        if links[token] is None:
            links[token] = r_owner[j]
        matched[token] |= near
    if any(spans):
        times = _fill(spans, script)
    else:  # nothing in common: the script spread over the recognised speech
        times = _share(heard[0][0], heard[-1][1], [len(t) for t in script])
    return Aligned(tuple(times), tuple(links), tuple(matched))


_HESITATIONS = frozenset("uh um uhm er erm ah eh hm hmm mm mhm".split())


def _expand(tokens: Iterable[str], skip: frozenset[str] = frozenset()) -> tuple[list[str], list[int]]:
    """Spoken units of every token, with the index of the token each came from."""
    units, owner = [], []
    for k, token in enumerate(tokens):
        for unit in spoken_units(token):
            if unit not in skip:
                units.append(unit)
                owner.append(k)
    return units, owner


def _unit_times(heard, units, owner) -> list[tuple[int, int]]:
    """Each recognised word's time shared among its spoken units by length."""
    out: list[tuple[int, int]] = []
    k = 0
    while k < len(units):
        word = owner[k]
        n = 1
        while k + n < len(units) and owner[k + n] == word:
            n += 1
        out += _share(*heard[word], [len(u) for u in units[k:k + n]])
        k += n
    return out


def _align_units(a: list[str], b: list[str]) -> list[tuple[int, int, bool]]:
    """Monotone pairs (i, j, near-miss or exact) of script unit i and recognised unit j.

    Exact matches found by rapidfuzz's Levenshtein alignment (bit-parallel, fast on hours of
    words) anchor the alignment; each stretch between them is aligned word by word with
    similarity scores, so that "Sochy" pairs with "Sochi" and "cooperated" with "operated".
    """
    pairs: list[tuple[int, int, bool]] = []
    block: list[int] | None = None  # [a0, a1, b0, b1] of consecutive unequal stretches
    for op in Levenshtein.opcodes(a, b):
        if op.tag != "equal":
            block = ([op.src_start, op.src_end, op.dest_start, op.dest_end] if block is None
                     else [block[0], op.src_end, block[2], op.dest_end])
            continue
        if block is not None:
            pairs += _fuzzy(a, b, *block)
            block = None
        pairs += [(op.src_start + k, op.dest_start + k, True) for k in range(op.src_end - op.src_start)]
    if block is not None:
        pairs += _fuzzy(a, b, *block)
    return pairs


_GAP = 1.0


def _pair_score(similarity: float) -> float:
    """Needleman-Wunsch score of pairing two units: +2 for the same word, falling with
    similarity to -1.5 for unrelated words (still better than two gaps: a recogniser's
    wrong word usually stands where the right one was spoken)."""
    return 2.0 if similarity == 1.0 else 3.5 * similarity - 1.5


def _fuzzy(a: list[str], b: list[str], a0: int, a1: int, b0: int, b1: int) -> list[tuple[int, int, bool]]:
    """Needleman-Wunsch over a[a0:a1] and b[b0:b1] with fuzzy pair scores."""
    n, m = a1 - a0, b1 - b0
    if n == 0 or m == 0 or n * m > _MAX_CELLS:
        return []
    sim = [[Indel.normalized_similarity(a[a0 + i], b[b0 + j]) for j in range(m)] for i in range(n)]
    score = [[-_GAP * j for j in range(m + 1)]] + [[-_GAP * i] + [0.0] * m for i in range(1, n + 1)]
    for i in range(1, n + 1):
        row, above, sim_row = score[i], score[i - 1], sim[i - 1]
        for j in range(1, m + 1):
            row[j] = max(above[j - 1] + _pair_score(sim_row[j - 1]), above[j] - _GAP, row[j - 1] - _GAP)
    pairs = []
    i, j = n, m
    while i and j:
        s = sim[i - 1][j - 1]
        if score[i][j] == score[i - 1][j - 1] + _pair_score(s):
            pairs.append((a0 + i - 1, b0 + j - 1, s >= NEAR_MISS))
            i, j = i - 1, j - 1
        elif score[i][j] == score[i - 1][j] - _GAP:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


#: a pause after punctuation is about ten times the gap between words of a phrase
_PAUSE = 10
_PUNCTUATION = frozenset(".,;:!?\"')\u2026\u2014")


def _fill(known: Sequence[tuple[int | None, int | None] | None], words: Sequence[str]) -> list[tuple[int, int]]:
    """A time for every word: known times kept in order, the others placed between them.

    Each untimed word lasts as long as its spoken form takes at the speaker's own pace
    (measured on the timed words); in a gap longer than that, the spare time is silence,
    put mostly where the text has punctuation. Words before the first timed word or after
    the last keep the same pace. The result never goes back in time and words do not
    overlap: s0 <= e0 <= s1 <= e1 ...
    """
    weights = [max(1, sum(len(u) for u in spoken_units(w))) for w in words]
    pauses = [bool(w) and w[-1] in _PUNCTUATION for w in words]
    spans: list[tuple[int, int] | None] = []
    last = 0
    for item in known:  # one time missing: the word is an instant; times kept non-decreasing
        if item is None:
            spans.append(None)
            continue
        s, e = item
        s = e if s is None else s
        e = s if e is None else e
        s = max(s, last)
        spans.append((s, max(e, s)))
        last = s
    timed = [k for k, span in enumerate(spans) if span is not None]
    if not timed:
        raise UnusableInput("no word has a time")
    spoken = sum(spans[k][1] - spans[k][0] for k in timed)
    pace = spoken / sum(weights[k] for k in timed) or _MS_PER_CHAR  # ms a character, pauses aside
    first, final = timed[0], timed[-1]

    out: list[tuple[int, int] | None] = list(spans)
    lead = sum(weights[:first]) * pace * 1.15  # words and the gaps between them
    out[:first] = _place(max(0.0, spans[first][0] - lead), spans[first][0], weights[:first], pauses[:first],
                         pace, False)
    k = first
    while k <= final:
        if out[k] is not None:
            k += 1
            continue
        run_end = k
        while out[run_end] is None:
            run_end += 1
        before, after = out[k - 1], out[run_end]
        lo = max(before[0], min(before[1], after[0]))  # from the word before, never past the next
        out[k:run_end] = _place(lo, after[0], weights[k:run_end], pauses[k:run_end], pace, pauses[k - 1])
        k = run_end
    tail = weights[final + 1:]
    e = out[final][1]
    out[final + 1:] = _place(e, e + sum(tail) * pace * 1.15, tail, pauses[final + 1:], pace, pauses[final])
    # keep each word's start (what cues are timed from) and end it by the next one's start
    times = [(int(s), int(e)) for s, e in out]
    for k in range(len(times) - 1):
        s, e = times[k]
        times[k] = (s, min(e, times[k + 1][0]))
    return times


def _place(lo: float, hi: float, weights: Sequence[int], pauses: Sequence[bool], pace: float,
           pause_before: bool) -> list[tuple[int, int]]:
    """Words in [lo, hi], each `pace` ms a character; the spare time goes to the gaps before,
    between and after them, ten times as much to a gap at punctuation."""
    if not weights:
        return []
    need = [pace * w for w in weights]
    spare = hi - lo - sum(need)
    if spare <= 0:
        return _share(lo, hi, weights)
    gaps = [1 + _PAUSE * pause_before] + [1 + _PAUSE * p for p in pauses]
    unit = spare / sum(gaps)
    out, t = [], lo
    for gap, length in zip(gaps, need):
        t += gap * unit
        out.append((round(t), round(t + length)))
        t += length
    return out


# --- a report against a word-timing file -----------------------------------------------

def conform(report: Report, data: bytes) -> tuple[WordAlignment, tuple[str, ...]]:
    """Each segment's word times from a word-timing file, and the notes for the user; a file
    for another script is refused."""
    source, recognised = read_timings(data)
    per_segment = [s.text.split() for s in report.segments]
    script = [w for words in per_segment for w in words]
    if not script:
        raise UnusableInput("the script has no words to time")
    check_span(recognised, script)
    aligned = align(script, recognised)
    matched, rate = sum(aligned.matched), aligned.match_rate
    summary = (f"{source} timings: {matched} of {len(script)} script words matched ({rate:.1%}); "
               f"the other {len(script) - matched} timed between their neighbours")
    if rate < MIN_MATCH_RATE:
        raise UnusableInput(f"the word timings are not for this script: only {matched} of its {len(script)} "
                            f"words found ({rate:.0%}, at least {MIN_MATCH_RATE:.0%} needed)")
    notes = (summary,)
    if rate < WARN_MATCH_RATE:
        notes += (f"under {WARN_MATCH_RATE:.0%} of the words matched the {source} timings: check that "
                  "the recording and the script are the same cut",)
    times = iter(aligned.times)
    word_times = tuple(tuple(next(times) for _ in words) for words in per_segment)
    return WordAlignment(source, len(recognised), matched, word_times), notes


def timeline_from_words(report: Report, word_times: Sequence[Sequence[tuple[int, int]]],
                        profile: StyleProfile) -> tuple[TimedSegment, ...]:
    """Segments placed where their words were spoken: each starts at its first word (on the
    frame) and runs until the next one starts; the last ends after its last word."""
    starts, last = [], 0
    for times in word_times:
        last = max(last, profile.snap(times[0][0])) if times else last
        starts.append(last)
    final = max(starts[-1], profile.snap(word_times[-1][-1][1])) if word_times and word_times[-1] else last
    ends = starts[1:] + [final]
    return tuple(TimedSegment(seg, s, e) for seg, s, e in zip(report.segments, starts, ends))
