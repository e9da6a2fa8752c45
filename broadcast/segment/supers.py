"""Lower-thirds: split a run of capitals into name and title, and restore proper case.

A graphics operator types `Recep Tayyip Erdogan` / `Turkish President` from a script line
`RECEP TAYYIP ERDOGAN TURKISH PRESIDENT`. We do the same from evidence: how the script's own
body spells the words, known demonyms and title words, then a short-name rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from broadcast.model import LowerThird

ACRONYMS = frozenset("""
UN U.N. US U.S. USA U.S.A. UK U.K. EU E.U. NATO CGTN CNN BBC AP AFP UNESCO UNICEF WHO WTO IMF
OPEC ASEAN BRICS G7 G20 SCO CIS CSTO OSCE IAEA ICC ICJ NGO FSB KGB CIA FBI NSA MP MEP CEO CFO
CTO COO PR TV TASS RIA RT CPC PLA NPC CPPCC SDF ISIS ISIL IS HTS YPG PKK PYD IDF PA PLO UAE
DPRK ROK PRC AU ECOWAS SADC MERCOSUR NASA ESA DC D.C. LA NYC UNHCR UNDP WFP OCHA UNRWA IOC
FIFA UEFA NBA NFL MIT UCLA LSE HSBC IT AI EV GDP PM II III IV VI VII VIII IX XI XII
""".split())

DEMONYMS = frozenset("""
russian turkish iranian syrian american british chinese french german italian spanish
japanese korean indian pakistani afghan iraqi israeli palestinian saudi egyptian lebanese
jordanian qatari emirati kuwaiti yemeni libyan tunisian algerian moroccan sudanese ethiopian
kenyan nigerian south ukrainian belarusian polish georgian armenian azerbaijani kazakh uzbek
turkmen kyrgyz tajik mongolian vietnamese thai malaysian indonesian filipino australian
canadian mexican brazilian argentine argentinian chilean venezuelan cuban colombian peruvian
dutch belgian swiss austrian swedish norwegian danish finnish greek cypriot serbian croatian
hungarian czech slovak romanian bulgarian european african asian arab kurdish
""".split())

TITLE_WORDS = frozenset("""
president vice prime minister ministry deputy secretary general state foreign defense defence
interior spokesperson spokesman spokeswoman professor analyst resident center centre
university institute director chairman chairwoman chair chief head ambassador envoy special
senior fellow researcher expert correspondent reporter council commission committee affairs
international national mayor governor senator congressman congresswoman representative
leader official member adviser advisor lecturer dean economist commander officer colonel
general major captain lieutenant sergeant spokesman executive founder co-founder manager
editor journalist chancellor king queen prince emir sheikh pope cardinal bishop imam
student teacher doctor nurse farmer worker owner citizen activist lawyer judge prosecutor
party opposition government parliament assembly agency organization organisation foundation
company corporation bank school college academy association union federation movement
council club group forum office department bureau service army navy force forces police
political science studies research policy relations economics economy business studies
witness survivor refugee protester local shopkeeper voter volunteer fan visitor
""".split())

# Kept in lower case inside a title unless first: "Minister of Foreign Affairs".
SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with via".split())
# Name particles kept in lower case unless first: "Bashar al-Assad", "Ludwig van Beethoven".
PARTICLES = frozenset("al el bin ibn bint de del della der di du da van von den ter le la dos das".split())

_WORD = re.compile(r"[\w'.&-]+", re.UNICODE)


def is_capitals(token: str) -> bool:
    """A word typed in capitals: letters present and none lower case."""
    letters = [c for c in token if c.isalpha()]
    return bool(letters) and not any(c.islower() for c in letters)


def is_caseless(token: str) -> bool:
    """A word with letters but no case at all (Chinese, Arabic, ...): neutral in a caps run."""
    letters = [c for c in token if c.isalpha()]
    return bool(letters) and not any(c.isupper() or c.islower() for c in letters)


@dataclass(frozen=True)
class Spellings:
    """How the script's body spells words, to restore the case of a capitals line."""

    by_upper: dict[str, str]
    phrases: str  # the body, for finding a name as a run of words

    @classmethod
    def from_text(cls, body: str) -> Spellings:
        by_upper: dict[str, str] = {}
        for token in _WORD.findall(body):
            token = token.strip(".'-&")
            if not token or is_capitals(token) and len(token) < 2:
                continue
            # Mixed-case spellings ("al-Assad") and capitals the body itself uses ("NATO").
            if is_capitals(token) or token[0].isupper() or "-" in token:
                by_upper.setdefault(token.upper(), token)
        return cls(by_upper, body)

    def spelled(self, token: str) -> str | None:
        return self.by_upper.get(token.upper())

    def has_name(self, words: list[str]) -> bool:
        """The body writes these words in a row, in proper case (not as another capitals line)."""
        pattern = r"\b" + r"[\s]+".join(re.escape(w) for w in words) + r"\b"
        return any(not is_capitals(m.group(0)) for m in re.finditer(pattern, self.phrases, re.IGNORECASE))


def _cap_word(word: str) -> str:
    """Capitalise one word, minding Mc, Mac (long names only), O' and hyphens."""
    parts = word.split("-")
    out = []
    for part in parts:
        low = part.lower()
        if not low:
            out.append(part)
            continue
        if re.match(r"^[a-z]'[a-z]", low):  # O'Brien, D'Souza
            out.append(low[0].upper() + "'" + low[2].upper() + low[3:])
        elif low.startswith("mc") and len(low) > 3:
            out.append("Mc" + low[2].upper() + low[3:])
        else:
            out.append(low[0].upper() + low[1:])
    return "-".join(out)


def proper_case(words: list[str], spellings: Spellings, *, is_name: bool) -> str:
    """Proper case for a run of capitals, as an operator would type it on air."""
    out = []
    for i, word in enumerate(words):
        if not is_capitals(word):
            out.append(word)  # already in mixed case, as the script wrote it
            continue
        seen = spellings.spelled(word)
        bare = word.strip(",.")
        if bare in ACRONYMS or bare.rstrip("S") in ACRONYMS and bare.endswith("S") and len(bare) > 2:
            out.append(word)
        elif seen and not (is_capitals(seen) and len(seen) > 4 and is_name):
            # The body's own spelling wins ("al-Assad", "McDonald", "UNICEF").
            out.append(seen + word[len(word.rstrip(",.")):])
        elif i > 0 and not is_name and word.lower() in SMALL_WORDS:
            out.append(word.lower())
        elif i > 0 and is_name and word.lower() in PARTICLES:
            out.append(word.lower())
        elif i > 0 and is_name and word.partition("-")[0].lower() in PARTICLES:
            head, _, rest = word.partition("-")
            out.append(f"{head.lower()}-{_cap_word(rest)}")
        else:
            out.append(_cap_word(word))
    return " ".join(out)


def _title_score(word: str) -> int:
    low = word.lower().strip(",.")
    if low in DEMONYMS:
        return 3
    if low in TITLE_WORDS:
        return 2
    if word.strip(",.") in ACRONYMS:
        return 2
    return 0


def split_name_title(
    words: list[str], spellings: Spellings, known_names: tuple[str, ...] = ()
) -> tuple[list[str], list[str], bool]:
    """Split a capitals run into (name words, title words, sure).

    Evidence in order: a name the script knows (the correspondent, a name in the body), the
    first demonym or title word, then the short-name rule (two words).
    """
    n = len(words)
    if n <= 1:
        return words, [], n == 1
    for name in sorted(known_names, key=lambda k: -len(k.split())):
        k = len(name.split())
        if k < n and [w.upper() for w in words[:k]] == name.upper().split():
            return words[:k], words[k:], True
    # Longest prefix the body spells as a name, provided the rest still has a title word
    # or the rest is not itself a name.
    for k in range(min(n - 1, 4), 0, -1):
        if k >= 2 and spellings.has_name(words[:k]) and not any(_title_score(w) for w in words[:k]):
            return words[:k], words[k:], True
    for k in range(1, n):
        if _title_score(words[k]) and not any(_title_score(w) for w in words[:k]):
            return words[:k], words[k:], k >= 2
    k = 2 if n > 2 else 1
    return words[:k], words[k:], False


def lower_third(
    capitals: list[str],
    title_words: list[str],
    spellings: Spellings,
    known_names: tuple[str, ...] = (),
) -> tuple[LowerThird, str | None]:
    """A LowerThird from a capitals run and an optional title already in mixed case.

    Returns the lower-third and a warning when the split between name and title was a guess.
    """
    warning = None
    if title_words:
        name_words, rest = capitals, []
    else:
        name_words, rest, sure = split_name_title(capitals, spellings, known_names)
        if not sure:
            warning = (f"lower-third {' '.join(capitals)!r}: name and title split by the short-name "
                       f"rule; check it")
    name = proper_case([w.strip(",") for w in name_words], spellings, is_name=True)
    title = proper_case([w for w in rest if w != ","], spellings, is_name=False) if rest else ""
    if title_words:
        title = " ".join(title_words)
    return LowerThird(name=name.strip(" ,"), title=title.strip(" ,:")), warning
