"""Lower-thirds: split a run of capitals into name and title, and restore proper case.

A graphics operator types `Recep Tayyip Erdogan` / `Turkish President` from a script line
`RECEP TAYYIP ERDOGAN TURKISH PRESIDENT`. We do the same from evidence: how the script's own
body spells the words, known demonyms and title words, then a short-name rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from broadcast.model import LowerThird
from broadcast.segment.letters import character_class, ranges as letter_ranges

ACRONYMS = frozenset("""
OCHA ASEAN APEC OECD NAACP ACLU GOP DNC RNC EPA FDA CDC NHS EFE DPA ANSA AFP VOA RFE RFI DW
NHK KBS CCTV ABC CBS NBC MSNBC PBS NPR ITV SABC UNSC UNGA UNEP UNFCCC COP ILO ITU WIPO ECB
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
former acting interim retired honorary assistant associate executive board trustee partner
consultant strategist observer inspector investigator detective firefighter soldier veteran
rescuer paramedic medic midwife negotiator mediator diplomat delegate consul coordinator
organiser organizer organising organizing coach player athlete team race festival event champion
engineer architect designer scientist physician surgeon pharmacist psychologist sociologist
historian archaeologist curator artist musician singer actor actress author poet filmmaker
producer photographer chef vendor trader merchant pilot sailor fisherman pensioner retiree
tourist traveller traveler passenger commuter pilgrim migrant evacuee victim patient mother
father parent grandmother grandfather daughter wife husband neighbour neighbor relative
regional provincial municipal federal city district county village town metropolitan
agriculture agricultural health education finance financial trade energy environment
environmental transport justice culture cultural tourism labour labor industry industrial
technology communications information emergency emergencies water housing development
planning security intelligence public media press museum hospital clinic laboratory
observatory society network alliance coalition front league church mosque temple embassy
consulate court tribunal administration authority holdings inc ltd plc fund trust exchange
market port airport railway airline metro station unit division branch studio lab newspaper
magazine radio television council's think-tank program programme project campaign
construction operations operator farm factory plant mine
""".split())

# Kept in lower case inside a title unless first: "Minister of Foreign Affairs".
SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with via per".split())
# Name particles kept in lower case unless first: "Bashar al-Assad", "Ludwig van Beethoven".
# Not "Le", "La" or "Di": French and Italian surnames keep theirs (Marine Le Pen, Luigi Di Maio).
PARTICLES = frozenset("al el bin ibn bint de del der du da van von den ter dos das".split())
# Scottish and Irish names written with a capital after Mac; any other Mac- name is written as
# plain capitals suggest (Machado, Macron), unless the script's body spells it otherwise.
MAC_NAMES = frozenset("""
arthur aulay bride callum dermott donald dougall farlane gillivray gregor guire innes intyre
iver kay kenzie kinnon laren lean leod mahon millan neil pherson queen rae
""".split())

# The words (runs of [\w'.&-]) that may tell a spelling: all but those of plain lower-case
# letters with no hyphen, which are passed over inside the regex engine, not one by one.
_TELLING_WORD = re.compile(r"(?<![\w'.&-])(?:(?![a-z])|(?=[\w'.&]*-))[\w'.&-]+")


#: an upper-case letter in any alphabet (É, Ö, Д), and a lower-case one, for names in patterns
UPPER, LOWER = (character_class(runs) for runs in letter_ranges())


def is_capitals(token: str) -> bool:
    """A word typed in capitals: letters present and none lower case."""
    if token.isascii():  # the usual case, and there every letter has a case
        return token.isupper()
    letters = [c for c in token if c.isalpha()]
    return bool(letters) and not any(c.islower() for c in letters)


def is_caseless(token: str) -> bool:
    """A word with letters but no case at all (Chinese, Arabic, ...): neutral in a caps run."""
    if token.isascii():
        return False
    letters = [c for c in token if c.isalpha()]
    return bool(letters) and not any(c.isupper() or c.islower() for c in letters)


def is_acronym(token: str) -> bool:
    bare = token.strip(",.:;()'\"")
    return bare in ACRONYMS or bare.replace(".", "") in ACRONYMS or (
        bare.endswith("S") and len(bare) > 2 and bare[:-1] in ACRONYMS)


@dataclass(frozen=True)
class Spellings:
    """How the script's body spells words, to restore the case of a capitals line."""

    by_upper: dict[str, str]
    phrases: str  # the body, for finding a name as a run of words
    common: frozenset[str] = frozenset()  # words the body writes in lower case: not names
    mid_sentence: frozenset[str] = frozenset()  # capitalised words seen inside a sentence

    @classmethod
    def from_text(cls, body: str) -> Spellings:
        # Lines all in capitals (shot lists, labels, supers) say nothing about spelling.
        body = "\n".join(line for line in body.split("\n") if not is_capitals(line))
        by_upper: dict[str, str] = {}
        sentence_start: dict[str, str] = {}
        for m in _TELLING_WORD.finditer(body):
            token = m.group(0).strip(".'-&")
            if token[:1].islower() and "-" not in token:  # a plain word: most of them
                continue
            if token and not (is_capitals(token) and len(token) < 2):
                # Mixed-case spellings ("al-Assad") and capitals the body itself uses ("NATO").
                if is_capitals(token) or token[0].isupper() or "-" in token:
                    before = body[max(0, m.start() - 40):m.start()].rstrip()[-1:] or "."
                    # A capital that only opens a sentence says nothing about the word.
                    table = sentence_start if before in '.!?:"' else by_upper
                    table.setdefault(token.upper(), token)
        mid = frozenset(by_upper)
        for upper, token in sentence_start.items():
            by_upper.setdefault(upper, token)
        common = frozenset(t.lower() for t in re.findall(r"(?<![\w'-])[a-z][a-z'-]+", body))
        return cls(by_upper, body, common - PARTICLES, mid)

    def spelled(self, token: str) -> str | None:
        return self.by_upper.get(token.upper())

    def is_place(self, word: str) -> bool:
        """The body names the word as a place: "in Dublin", "from Sochi"."""
        seen = self.spelled(word)
        if not seen or is_capitals(seen):
            return False
        return bool(re.search(rf"\b(?:in|from|at|near|outside|across|around|to|of)\s+(?:the\s+)?"
                              rf"{re.escape(seen)}\b", self.phrases))

    def is_surname(self, word: str) -> bool:
        """The body uses the word as a name: capitalised mid-sentence, not after "in", "from"..."""
        seen = self.spelled(word)
        return bool(seen) and not is_capitals(seen) and seen.upper() in self.mid_sentence and not self.is_place(word)

    def is_common(self, word: str) -> bool:
        """The body uses the word in lower case, as a plain word (`race`, `races`)."""
        low = word.lower().strip(",.:")
        return low in self.common or low + "s" in self.common

    def has_name(self, words: list[str]) -> bool:
        """The body writes these words in a row, in proper case (not as another capitals line)."""
        pattern = r"(?<![\w-])" + r"\s+".join(re.escape(w.strip(",")) for w in words) + r"(?![\w-])"
        return any(not is_capitals(m.group(0)) and m.group(0)[0].isupper()
                   for m in re.finditer(pattern, self.phrases, re.IGNORECASE))


def _lower(text: str) -> str:
    """Lower case without the combining dot str.lower() puts after İ (`TAYYİP` is `Tayyip`,
    not `Tayyi̇p`): a word typed with the Turkish İ is cased the Turkish way, İ to i, I to ı."""
    if "\u0130" in text:
        text = text.replace("\u0130", "i").replace("I", "\u0131")
    return text.lower()


def _cap_part(part: str) -> str:
    """One hyphen-free piece of a word in proper case: O'Brien, McCain, MacDonald, U.S."""
    if not part:
        return part
    if is_acronym(part):
        return part
    low = _lower(part)
    if re.match(r"^[a-z]'[a-z]", low):  # O'Brien, D'Souza
        return low[0].upper() + "'" + low[2].upper() + low[3:]
    if low.startswith("mc") and len(low) > 3 and low[2].isalpha():
        return "Mc" + low[2].upper() + low[3:]
    if low.startswith("mac") and low[3:] in MAC_NAMES:
        return "Mac" + low[3].upper() + low[4:]
    # A capital stays as typed: İ (whose lower case is i) does not come back as I.
    return (part[0] if part[0].isupper() else low[0].upper()) + low[1:]


def _cap_word(word: str) -> str:
    """Capitalise one word, minding Mc, Mac, O', acronyms and hyphens (Jean-Claude, U.S.-Backed)."""
    return "-".join(_cap_part(part) for part in word.split("-"))


def proper_case(words: list[str], spellings: Spellings, *, is_name: bool) -> str:
    """Proper case for a run of capitals, as an operator would type it on air."""
    out = []
    for i, word in enumerate(words):
        if not is_capitals(word):
            out.append(word)  # already in mixed case, as the script wrote it
            continue
        bare = word.strip(",.")
        tail = word[len(word.rstrip(",.")):]
        low = bare.lower()
        seen = spellings.spelled(bare)
        if is_acronym(bare):
            out.append(word)
        elif i > 0 and not is_name and low in SMALL_WORDS:
            out.append(word.lower())
        elif i > 0 and is_name and low in PARTICLES:
            out.append(word.lower())
        elif seen and not (is_capitals(seen) and (is_name or len(seen) > 5) and not is_acronym(seen)):
            # The body's own spelling wins ("al-Assad", "McDonald", "UNICEF").
            out.append(seen + tail)
        elif i > 0 and is_name and "-" in bare and bare.partition("-")[0].lower() in PARTICLES:
            head, _, rest = bare.partition("-")
            out.append(f"{head.lower()}-{_cap_word(rest)}{tail}")
        elif i == 1 and is_name and _syllable_name(words[0], bare):
            # Cantonese and Korean given names after a short surname: Wong Ka-ming, Moon Jae-in.
            head, _, rest = bare.partition("-")
            out.append(f"{_cap_word(head)}-{rest.lower()}{tail}")
        else:
            out.append(_cap_word(word))
    return " ".join(out)


def _syllable_name(surname: str, given: str) -> bool:
    parts = given.split("-")
    return len(parts) == 2 and len(surname.strip(",")) <= 5 and all(1 < len(p) <= 4 for p in parts)


def title_case(title: str) -> str:
    """A title as typed on a lower-third: each word capitalised but the small ones; words the
    script already wrote with capitals inside (McKinsey, iPhone, NATO) stay as written."""
    out = []
    for i, word in enumerate(title.split()):
        if is_capitals(word) and not is_acronym(word) and len(word.strip(",.()")) > 1 \
                and not any(c.isdigit() for c in word):  # `1TV`, `G20`: a name, as typed
            if i > 0 and _lower(word).strip(",") in SMALL_WORDS:
                out.append(_lower(word))  # `SECRETARY OF STATE` -> Secretary of State
                continue
            word = _cap_word(_lower(word))
        if any(c.isupper() for c in word) or not any(c.isalpha() for c in word):
            # Keep what the script capitalised; a plain part after a hyphen still takes a capital.
            out.append("-".join(p[:1].upper() + p[1:] if p.isalpha() and p.islower() else p
                                for p in word.split("-")) if i or "-" in word else word)
        elif i > 0 and word.lower().strip(",") in SMALL_WORDS:
            out.append(word)
        else:
            out.append(_cap_word(word))
    return " ".join(out)


def _title_score(word: str) -> int:
    low = word.lower().strip(",.:")
    if low in DEMONYMS:
        return 3
    if low in TITLE_WORDS or any(p in TITLE_WORDS for p in low.split("-") if p):
        return 2
    if is_acronym(word):
        return 2
    return 0


def is_titleish(words: list[str]) -> bool:
    """Words that read as a title or organisation: a demonym, a title word or an acronym."""
    return any(_title_score(w) for w in words)


def split_name_title(
    words: list[str], spellings: Spellings, known_names: tuple[str, ...] = ()
) -> tuple[list[str], list[str], bool]:
    """Split a capitals run into (name words, title words, sure).

    Evidence in order: a name the script knows (the correspondent, an earlier super), a name
    the body spells, a demonym or title word (or a word the body writes in lower case) right
    after a name of two or three words, then the short-name rule (two words), which is a guess.
    A run that opens with title words (`RUSSIAN PRESIDENT VLADIMIR PUTIN`) is read title first.
    """
    n = len(words)
    if n <= 1:
        return words, [], n == 1
    upper = [w.upper().strip(",") for w in words]
    for name in sorted(known_names, key=lambda k: -len(k.split())):
        k = len(name.split())
        if k < n and upper[:k] == name.upper().split():
            return words[:k], words[k:], True
        if k < n and upper[-k:] == name.upper().split() and is_titleish(words[:-k]):
            return words[-k:], words[:-k], True
    if _title_score(words[0]):
        # Title first: the name is the longest tail free of title words.
        for k in range(1, n - 1):
            if not is_titleish(words[k:]) and is_titleish(words[:k]):
                tail = words[k:]
                return tail, words[:k], len(tail) >= 2 and spellings.has_name(tail)
    # Longest prefix the body spells as a name, provided it holds no title word.
    for k in range(min(n - 1, 4), 1, -1):
        if spellings.has_name(words[:k]) and not is_titleish(words[:k]):
            return words[:k], words[k:], True

    def starts_title(i: int) -> bool:
        return bool(_title_score(words[i])) or i >= 2 and (spellings.is_common(words[i]) or spellings.is_place(words[i]))

    for k in (2, 3):
        if k < n and starts_title(k) and not is_titleish(words[:k]):
            # A third name word is sure when a demonym follows it (nothing else comes before
            # "Turkish President") or the body uses it as a name (Erdogan, not Dublin).
            sure = k == 2 or _title_score(words[3]) == 3 or spellings.is_surname(words[2])
            return words[:k], words[k:], sure
    if starts_title(1) and not _title_score(words[0]):
        return words[:1], words[1:], False
    k = 3 if n > 3 and words[1].lower().split("-")[0] in PARTICLES else min(2, n - 1)
    return words[:k], words[k:], False


def name_title_parts(parts: list[str], spellings: Spellings) -> tuple[str, str]:
    """Which of the comma-separated parts of a label is the name: `NAME, TITLE, ORGANISATION`,
    or title first as some supers are written (`EUROPEAN COMMISSION PRESIDENT, JEAN-CLAUDE JUNCKER`)."""
    parts = [p.strip() for p in parts if p.strip()]
    if not parts:
        return "", ""
    if len(parts) > 1:
        first, last = parts[0].split(), parts[-1].split()
        last_is_name = not is_titleish(last) and (spellings.has_name(last) or len(last) in (2, 3))
        if is_titleish(first) and last_is_name and not (len(first) > 2 and not _title_score(first[0])):
            return parts[-1], ", ".join(parts[:-1])
    return parts[0], ", ".join(parts[1:])


def lower_third(
    capitals: list[str],
    title_words: list[str],
    spellings: Spellings,
    known_names: tuple[str, ...] = (),
) -> tuple[LowerThird, str | None]:
    """A LowerThird from a capitals run and an optional title already in mixed case.

    A comma in the run separates name and title (`SERGEY LAVROV, RUSSIAN FOREIGN MINISTER`).
    Returns the lower-third and a warning when the split between name and title was a guess.
    """
    warning = None
    run = " ".join(capitals)
    if title_words:
        name_words, rest = capitals, []
    elif "," in run:
        name, title = name_title_parts(run.split(","), spellings)
        name_words, rest = name.split(), title.split()
        if is_titleish(name_words) and len(name_words) > 2:
            # `MARIA O'CONNELL PROFESSOR, UNIVERSITY OF EDINBURGH`: a title before the comma too.
            name_words, before, sure = split_name_title(name_words, spellings, known_names)
            rest = before + [","] + rest if before else rest
            if not sure:
                warning = (f"lower-third {run!r} read as name {' '.join(name_words)!r}: no evidence "
                           f"for where the name ends; check it")
    else:
        name_words, rest, sure = split_name_title(capitals, spellings, known_names)
        if not sure:
            warning = (f"lower-third {run!r} read as name {' '.join(name_words)!r} and title "
                       f"{' '.join(rest)!r}: no evidence for where the name ends; check it")
    name = proper_case([w.strip(",") for w in name_words], spellings, is_name=True)
    title = proper_case(rest, spellings, is_name=False).replace(" ,", ",") if rest else ""
    if title_words:
        title = title_case(" ".join(title_words))
    return LowerThird(name=name.strip(" ,:"), title=title.strip(" ,:")), warning


_NO_NAME = re.compile(r"\s*\((?:no name(?: given)?|name not given|unnamed|not named|name withheld|"
                      r"no name available)\)|,?\s+who (?:did not|didn't|declined to) give (?:his|her|their) "
                      r"names?|,?\s+(?:not named|unnamed)$", re.I)


def speaker_label(label: str, spellings: Spellings) -> LowerThird:
    """The lower-third for a speaker label in normal case, as agencies and production notes
    write it: `Vladimir Putin, Russian President`, `Middle East expert, Russian International
    Affairs Council`, or a vox pop's description (`Resident of Moscow (no name given)`,
    `Moscow resident`), which becomes the title under an empty name."""
    label = re.sub(r"\s+", " ", label).strip(" ,:")
    label = re.sub(r"(?i),?\s+(?:saying|says|said)$", "", label)  # `..., VLADIMIR PUTIN, SAYING:`
    if _NO_NAME.search(label):
        return LowerThird("", title_case(_NO_NAME.sub("", label).strip(" ,")))
    label = re.sub(r"\s*\([^)]*\)", "", label)  # "(partially overlaid by shot 5)"
    name, title = name_title_parts(label.split(","), spellings)
    if is_capitals(name):
        name = proper_case(name.split(), spellings, is_name=True)
    elif not title and not re.search(rf"{UPPER}[\w'.-]* (?:\w+ )*{UPPER}", name):
        # No comma and not two capitalised words: a description, not a name.
        return LowerThird("", title_case(name))
    return LowerThird(name, title_case(title))
