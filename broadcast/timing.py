"""Read-time model: how long each segment takes to say, without recorded audio.

A role's words-a-minute rate (profile.read_rate) is what that voice manages on ordinary
copy. The model spreads that time over syllables, so that "territorial integrity" takes
longer than "the end of it", and adds the pauses a reader makes at full stops and commas.
Numbers, dates and abbreviations count as they are spoken: "1949" is "nineteen
forty-nine", "U.S." is two letters, "15%" is "fifteen percent".
"""

from __future__ import annotations

import re
from functools import lru_cache

from broadcast.model import ROLE, Report, TimedSegment
from broadcast.profiles import StyleProfile

#: words a minute for a role the profile does not name
DEFAULT_RATE = 160.0

# Pauses a reader makes, in ms: a breath between sentences, a beat at a comma.
SENTENCE_PAUSE = 350
CLAUSE_PAUSE = 150
# What "ordinary copy" means for the rate: Flesch's standard English prose has 1.5 syllables a
# word; news sentences run about 18 words with a comma every 12.
SYLLABLES_PER_WORD = 1.5
TYPICAL_PAUSE_PER_WORD = SENTENCE_PAUSE / 18 + CLAUSE_PAUSE / 12

_SENTENCE_END = re.compile(r"""[.!?]['")\]]*$""")
_CLAUSE_END = re.compile(r"""([,;:]|--|[\u2013\u2014])['")\]]*$""")
_ABBREVIATION = re.compile(r"^(?:[A-Za-z]\.){2,}$|^(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Prof|Jr|Sr|No|vs|etc)\.$")


# --- numbers as spoken ------------------------------------------------------------------

_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
         "fifteen sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (1000, "thousand"))
# Syllables of the words numbers are read with; counted by hand, as the spelling misleads
# ("million" is two, "seventy" three).
_NUMBER_SYLLABLES = {
    "zero": 2, "one": 1, "two": 1, "three": 1, "four": 1, "five": 1, "six": 1, "seven": 2,
    "eight": 1, "nine": 1, "ten": 1, "eleven": 3, "twelve": 1, "thirteen": 2, "fourteen": 2,
    "fifteen": 2, "sixteen": 2, "seventeen": 3, "eighteen": 2, "nineteen": 2, "twenty": 2,
    "thirty": 2, "forty": 2, "fifty": 2, "sixty": 2, "seventy": 3, "eighty": 2, "ninety": 2,
    "hundred": 2, "thousand": 2, "million": 2, "billion": 2, "trillion": 2, "point": 1,
    "oh": 1, "and": 1,
}
_SYMBOL_WORDS = {"%": "percent", "$": "dollars", "£": "pounds", "€": "euros", "&": "and",
                 "+": "plus", "°": "degrees"}


def number_words(n: int) -> list[str]:
    """A whole number as English words: 342 -> three hundred and forty two."""
    if n < 20:
        return [_ONES[n]]
    if n < 100:
        tens, ones = divmod(n, 10)
        return [_TENS[tens]] + ([_ONES[ones]] if ones else [])
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return [_ONES[hundreds], "hundred"] + (["and"] + number_words(rest) if rest else [])
    for value, name in _SCALES:
        if n >= value:
            high, rest = divmod(n, value)
            return number_words(high) + [name] + (number_words(rest) if rest else [])
    raise AssertionError(n)


def year_words(n: int) -> list[str]:
    """A year as it is said: 1949 -> nineteen forty nine; 2005 -> two thousand and five."""
    high, low = divmod(n, 100)
    if 2000 <= n < 2010:
        return number_words(n)
    if low == 0:
        return number_words(high) + ["hundred"]
    return number_words(high) + (["oh"] if low < 10 else []) + number_words(low)


def _digits_words(text: str) -> list[str]:
    """Words for a run of digits with its separators: 140,000 / 3.5 / 1990s / 10:30 / 21st."""
    text = text.replace(",", "")
    if ":" in text:  # a clock time: ten thirty
        words: list[str] = []
        for part in text.split(":"):
            if part.isdigit():
                words += number_words(int(part)) if int(part) or not words else []
        return words
    whole, _, fraction = text.partition(".")
    if not whole.isdigit():
        return []
    n = int(whole)
    is_year = len(whole) == 4 and 1100 <= n <= 2099 and not fraction
    words = year_words(n) if is_year else number_words(n)
    if fraction.isdigit():
        words += ["point"] + [_ONES[int(d)] for d in fraction]
    return words


# --- syllables of ordinary words --------------------------------------------------------

_VOWEL_GROUP = re.compile(r"[aeiouy]+")
# Vowel pairs said as two syllables ("Syr-i-a", "vi-de-o", "qui-et"); the exceptions are the
# spellings where they merge ("Rus-sia", "na-tion", "peo-ple", "pa-tient").
_HIATUS = re.compile(r"(?<![cstg])ia|[ct]iat|(?<![cstgx])io(?!n$)|(?<![stcx])iou|iu|(?<!p)eo|(?<![gq])ua|"
                     r"(?:(?<=sc)|(?<![ct]))ie(?=t|nt|nce)|ea$|eate|oem|ao|^coo[pr]|[aeiou]ing$|[^aeiou]ism$")
_SILENT_ENDINGS = re.compile(r"(?:[^aeiou]e(?:ly|ment|ful|ness|less)$)")


@lru_cache(maxsize=8192)
def word_syllables(word: str) -> int:
    """Syllables of one English word by spelling rules (about nine words in ten exact)."""
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 0
    w = w.replace("qu", "q")
    w = re.sub(r"y(?=[aeiou])", "j", w)  # y before a vowel is a consonant: "loyal", "beyond"
    count = len(_VOWEL_GROUP.findall(w))
    count += len(_HIATUS.findall(w))
    if count > 1:
        if w.endswith("e") and not re.search(r"(?:[^aeiou]le|ee|[^gq]ue)$", w):
            count -= 1  # silent final e: "make", "whole", but "table", "agree", "continue"
        elif re.search(r"[^aeiou]es$", w) and not re.search(r"(?:[sxzcg]|ch|sh|[^aeiou]l)es$", w):
            count -= 1  # "makes", but "forces", "pushes"
        elif re.search(r"[^aeiou]ed$", w) and not re.search(r"[td]ed$", w):
            count -= 1  # "pushed", but "wanted"
        count -= len(_SILENT_ENDINGS.findall(w))
    return max(1, count)


def _letter_syllables(letters: str) -> int:
    return sum(3 if c in "Ww" else 1 for c in letters)


def _is_spelled_out(token: str) -> bool:
    """An abbreviation read letter by letter: U.S., CGTN, UN (not NATO or UNESCO)."""
    if re.fullmatch(r"(?:[A-Za-z]\.){2,}", token):
        return True
    letters = re.sub(r"[^A-Za-z]", "", token)
    if not letters.isupper() or len(letters) < 2:
        return False
    return len(letters) <= 3 or not re.search(r"[AEIOU]", letters) or bool(
        re.search(r"[^AEIOUY]{3}", letters))


@lru_cache(maxsize=1 << 16)  # a script says the same words over and over
def token_syllables(token: str) -> int:
    """Syllables of one whitespace-separated token of a script, as it is spoken."""
    total = 0
    for symbol, word in _SYMBOL_WORDS.items():
        if symbol in token:
            total += sum(word_syllables(w) for w in word.split())
    # Split the token into spoken pieces: numbers, abbreviations and words.
    for piece in re.findall(r"\d[\d,.:]*\d(?:st|nd|rd|th|s)?|\d(?:st|nd|rd|th|s)?|(?:[A-Za-z]\.){2,}|[A-Za-z']+",
                            token):
        if piece[0].isdigit():
            digits = re.match(r"[\d,.:]+", piece).group().rstrip(".,:")
            words = _digits_words(digits)
            total += sum(_NUMBER_SYLLABLES.get(w, 1) for w in words)
        elif _is_spelled_out(piece):
            total += _letter_syllables(re.sub(r"[^A-Za-z]", "", piece))
        else:
            base = re.sub(r"'s?$", "", piece)
            total += word_syllables(base)
            if piece.endswith("'s") and re.search(r"(?:[sxz]|ch|sh|ce|ge)$", base.lower()):
                total += 1  # "Congress's", "Assad's" is not
    return total


@lru_cache(maxsize=1 << 16)
def pause_after(token: str) -> int:
    """The pause a reader makes after a token: a breath at a full stop, a beat at a comma."""
    if _SENTENCE_END.search(token) and not _ABBREVIATION.match(token.rstrip("'\")]")):
        return SENTENCE_PAUSE
    if _CLAUSE_END.search(token):
        return CLAUSE_PAUSE
    return 0


def _ms_per_syllable(role: str, profile: StyleProfile) -> float:
    wpm = profile.read_rate.get(role, DEFAULT_RATE)
    return (60_000 / wpm - TYPICAL_PAUSE_PER_WORD) / SYLLABLES_PER_WORD


def word_spans(tokens: list[str] | tuple[str, ...], role: str, profile: StyleProfile,
               start: float, end: float) -> list[tuple[float, float]]:
    """When each token is said, if the tokens fill [start, end): (start, end) in ms, the
    pauses falling between the words."""
    per_syllable = _ms_per_syllable(role, profile)
    speech = [token_syllables(t) * per_syllable for t in tokens]
    pauses = [pause_after(t) for t in tokens]
    scale = (end - start) / (sum(speech) + sum(pauses) or 1)
    spans, t = [], start
    for said, pause in zip(speech, pauses):
        spans.append((t, t + said * scale))
        t += (said + pause) * scale
    return spans


def read_time(text: str, role: str, profile: StyleProfile) -> int:
    """Milliseconds to say `text` in the voice of `role`."""
    per_syllable = _ms_per_syllable(role, profile)
    return round(sum(token_syllables(t) * per_syllable + pause_after(t) for t in text.split()))


def time_report(report: Report, profile: StyleProfile) -> tuple[TimedSegment, ...]:
    """Place the segments one after another on the report's time line, frame-aligned."""
    out, t = [], 0
    for segment in report.segments:
        # a clip's stated running time wins over a read-time estimate (and is all there is
        # for a clip whose words the script does not give)
        duration = segment.runs if segment.runs else read_time(segment.text, ROLE[segment.kind], profile)
        end = profile.snap(t + duration)
        out.append(TimedSegment(segment, t, end))
        t = end
    return tuple(out)
