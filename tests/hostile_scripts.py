"""Hypothesis strategies for scripts in every convention the segmenter reads, each with the
words that are spoken in it, in order.

The structure (supers, labels, directions, shot numbers) comes from small vocabularies so that
what is speech is known; what is said is drawn from hostile words: markup of every output
format, subtitle look-alikes, path-like text, emoji with joiners, right-to-left and CJK text,
and arbitrary printable characters. Used by tests/test_hostile_fuzz.py and benchmarks/fuzz.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

from broadcast.reading import _mojibake_pair, normalise


@dataclass(frozen=True)
class Script:
    convention: str
    text: str
    #: every word that is spoken, in order, as the reader normalises it
    spoken: tuple[str, ...]
    soundbites: int


#: words each output format must show as written and never obey
HOSTILE_WORDS = (
    r"{\pos(0,0)}", r"\N", r"\h", r"{\an8}", "{", "}", "\\", "<b>", "</i>", "<script>alert(1)</script>",
    "&", "&amp;", "&lt;", "-->", "00:00:01,000", "00:01.000", "WEBVTT", "NOTE", "[Script", "Info]",
    "Dialogue:", "../../etc/passwd", "=1+1", "@SUM(A1)", "'", "(", ")", "%s", "{0}", "$HOME", "`rm`",
    "\U0001F54A\ufe0f", "\U0001F468\u200d\U0001F469\u200d\U0001F467", "\U0001F1F8\U0001F1FE", "\U0001F44D\U0001F3FD",
    "\u0633\u0644\u0627\u0645", "\u05e9\u05dc\u05d5\u05dd", "\u548c\u5e73", "\u0928\u092e\u0938\u094d\u0924\u0947",
    "na\u00efve", "co-operation", "U.S.-backed", "3.5%", "1,000", "#1", "e.g.", "a/b", "x" * 60,
)
PLAIN_WORDS = ("the", "talks", "peace", "were", "held", "in", "a", "city", "and", "said", "they", "would",
               "continue", "on", "Monday", "officials", "of", "to", "that", "it")
#: printable characters that are not white space, quotes or invisible (the reader changes
#: those), nor the first letters of UTF-8 read as Windows-1252 (the reader repairs "Ã©")
_FREE = st.characters(exclude_categories=("Cc", "Cs", "Co", "Cn", "Cf", "Zs", "Zl", "Zp"),
                      exclude_characters='"\u201c\u201d\u201e\u201f\u00ab\u00bb\u00c3\u00c2\u00e2')
#: (doubled brackets open a direction or anchor copy in production scripts; a word with the
#: character pairs of UTF-8 seen through a code page, "À¢", is mojibake the reader repairs)
FREE_WORDS = st.text(_FREE, min_size=1, max_size=10).filter(
    lambda w: not any(b in w for b in ("((", "))", "[[", "]]")) and not _mojibake_pair().search(w))

word = st.one_of(st.sampled_from(PLAIN_WORDS), st.sampled_from(HOSTILE_WORDS), FREE_WORDS)
SENTENCE_OPENERS = ("The", "Officials", "Tonight,", "In", "Later,", "Many", "Some", "Its")


@st.composite
def sentence(draw, max_words: int = 14) -> str:
    """A sentence that starts as prose does (never with capitals, a quote or a label)."""
    opener = draw(st.sampled_from(SENTENCE_OPENERS))
    rest = draw(st.lists(word, min_size=1, max_size=max_words))
    return " ".join([opener, *rest]) + "."


def paragraph(max_sentences: int = 3):
    return st.lists(sentence(), min_size=1, max_size=max_sentences).map(" ".join)


# People: capitals for supers, proper case for prose.
FIRST = ("VLADIMIR", "JULIA", "LI", "AHMED", "JOSÉ", "MARÍA", "SEAN", "ANNA", "RECEP TAYYIP", "NGOZI")
LAST = ("PUTIN", "LYUBOVA", "MING", "AL-SHARAA", "ÁLVAREZ", "O'BRIEN", "KOWALSKA", "ERDOGAN", "OKONJO-IWEALA")
TITLES = ("RUSSIAN PRESIDENT", "FOREIGN MINISTER", "UN ENVOY", "RESIDENT OF ALEPPO", "SPOKESMAN",
          "MIDDLE EAST ANALYST", "MAYOR OF MARATHON")
PLACES = ("Moscow", "Geneva", "Sochi", "Nairobi", "Athens", "Beirut")
NETWORKS = ("CGTN", "GNT", "VOA News", "BBC")

person = st.tuples(st.sampled_from(FIRST), st.sampled_from(LAST))
#: correspondents, who sign off and are named in labels, in any alphabet's capitals
reporter = person


def initials(name: tuple[str, str]) -> str:
    return "".join(w[0] for w in " ".join(name).split())


def someone_else(*people: tuple[str, str]):
    """A speaker no script could take for one of `people`: no shared name, other initials."""
    taken = {w for p in people for w in p}
    return person.filter(lambda p: not taken & set(p) and initials(p) not in {initials(q) for q in people})


def proper(name: tuple[str, str]) -> str:
    return " ".join(w.capitalize() if "-" not in w else "-".join(p.capitalize() for p in w.split("-"))
                    for w in " ".join(name).split())


def spoken_words(*texts: str) -> tuple[str, ...]:
    return tuple(normalise(" ".join(texts)).split())


@st.composite
def web_scripts(draw) -> Script:
    """Title, [tags], intro, narration and `NAME TITLE "bite"` paragraphs, a stand-up, a sign-off."""
    correspondent, place = draw(reporter), draw(st.sampled_from(PLACES))
    title = " ".join(draw(st.lists(word, min_size=1, max_size=8)))
    lines = [title]
    if draw(st.booleans()):
        lines.append("[" + ", ".join(draw(st.lists(st.sampled_from(PLAIN_WORDS), max_size=3))) + "]")
    intro = draw(paragraph())
    introduced, signs_off = draw(st.booleans()), draw(st.booleans())
    if introduced:
        intro += f" Our correspondent {proper(correspondent)} reports from {place}."
    lines.append(intro)
    spoken = [intro]
    bites = 0
    for is_bite in draw(st.lists(st.booleans(), max_size=6)):
        if is_bite:
            speaker = draw(someone_else(correspondent))
            title_words = draw(st.sampled_from(TITLES))
            said = draw(paragraph(2))
            lines.append(f'{" ".join(speaker)} {title_words} "{said}"')
            spoken.append(said)
            bites += 1
        else:
            text = draw(paragraph())
            lines.append(text)
            spoken.append(text)
    # A stand-up is told from a bite by its speaker being the correspondent, whom the intro
    # or the sign-off must name.
    last = draw(paragraph()) if (introduced or signs_off) and draw(st.booleans()) else None
    if last is not None:
        lines.append(f"{' '.join(correspondent)} {place.upper()} {last}")
        spoken.append(last)
    if signs_off:
        signoff = f"{initials(correspondent)}, {draw(st.sampled_from(NETWORKS))}, {place}."
        lines[-1] += " " + signoff
        spoken.append(signoff)
    return Script("web", "\n".join(lines), spoken_words(*spoken), bites)


@st.composite
def transcript_scripts(draw) -> Script:
    """Turns labelled `NAME, TITLE (notes): text`, videotape marks, surnames on later turns."""
    anchor = draw(reporter)
    correspondent = draw(reporter.filter(lambda p: not set(p) & set(anchor)))
    network, place = draw(st.sampled_from(("GNT", "CNN", "ABC"))), draw(st.sampled_from(PLACES))
    intro = draw(paragraph()) + f" {proper(correspondent)} reports from {place}."
    lines = ["THIS IS A RUSH TRANSCRIPT.", "", f"{' '.join(anchor)}, {network} ANCHOR: {intro}", "",
             "(BEGIN VIDEOTAPE)", ""]
    spoken = [intro]
    first_turn = True
    bites = 0
    for kind in draw(st.lists(st.sampled_from(("narration", "bite")), min_size=1, max_size=6)):
        text = draw(paragraph())
        if kind == "bite":
            speaker = draw(someone_else(correspondent, anchor))
            note = draw(st.sampled_from(("", " (through translator)")))
            lines.append(f"{' '.join(speaker)}, {draw(st.sampled_from(TITLES))}{note}: {text}")
            bites += 1
        elif first_turn:
            lines.append(f"{' '.join(correspondent)}, {network} CORRESPONDENT (voice-over): {text}")
            first_turn = False
        else:
            lines.append(f"{correspondent[-1]}: {text}")
        lines.append("")
        spoken.append(text)
    lines += ["(END VIDEOTAPE)", ""]
    if draw(st.booleans()):
        tag = draw(paragraph(1))
        lines.append(f"{anchor[-1]}: {tag}")
        spoken.append(tag)
    return Script("transcript", "\n".join(lines), spoken_words(*spoken), bites)


@st.composite
def production_scripts(draw) -> Script:
    """`((DIRECTIONS))`, `[[anchor copy]]`, speaker markers, the text between them."""
    correspondent, place = draw(reporter), draw(st.sampled_from(PLACES))
    intro = draw(paragraph())
    lines = [f"((PLAYBOOK SLUG: STORY  BYLINE: {proper(correspondent)}  DATELINE: {place}  TRT: 2:31))", "",
             "((INTRO))", f"[[{intro}]]", ""]
    spoken = [intro]
    bites = 0
    for kind in draw(st.lists(st.sampled_from(("narration", "bite")), min_size=1, max_size=6)):
        text = draw(paragraph())
        if kind == "bite":
            speaker = proper(draw(someone_else(correspondent)))
            lines += [f"(({speaker}, {draw(st.sampled_from(TITLES)).title()} - MALE IN ENGLISH))", f'"{text}"']
            bites += 1
        else:
            lines += [f"(({draw(st.sampled_from(('NARRATOR', 'NARRATION', 'TRACK')))}))", text]
        lines.append("")
        spoken.append(text)
    if draw(st.booleans()):
        signoff = f"{proper(correspondent)}, {draw(st.sampled_from(NETWORKS))}, {place}."
        lines += ["((SIGNOFF))", signoff]
        spoken.append(signoff)
    return Script("production", "\n".join(lines), spoken_words(*spoken), bites)


@st.composite
def newsroom_scripts(draw) -> Script:
    """`SLUG:` header, `ANCHOR:` copy, `TAKE PKG`, `TRACK n:`, `SOT: NAME, TITLE` with a `CG:` super,
    `STANDUP:` and `SIGNOFF:`, as local and network newsrooms type a package."""
    correspondent, place = draw(reporter), draw(st.sampled_from(PLACES))
    intro = draw(paragraph())
    lines = ["SLUG: STORY", f"REPORTER: {proper(correspondent)}", "PKG TRT: 1:52", "", "ANCHOR:", intro, "",
             draw(st.sampled_from(("TAKE PKG", "{***TAKE PKG***}", "VT"))), ""]
    spoken = [intro]
    bites = 0
    for number, kind in enumerate(draw(st.lists(st.sampled_from(("track", "bite")), min_size=1, max_size=6)), 1):
        text = draw(paragraph())
        if kind == "bite":
            who = draw(someone_else(correspondent))
            title = draw(st.sampled_from(TITLES))
            lines += [f"SOT: {proper(who).upper()}, {title.upper()}", f"CG: {proper(who)} / {title.title()}",
                      f'"{text}"']
            bites += 1
        else:
            lines += [f"TRACK {number}:", text]
        lines.append("")
        spoken.append(text)
    standup = draw(paragraph())
    signoff = f"{proper(correspondent)}, {draw(st.sampled_from(NETWORKS))}, {place}."
    lines += ["STANDUP:", standup, "SIGNOFF:", signoff, "##"]
    spoken += [standup, signoff]
    return Script("newsroom", "\n".join(lines), spoken_words(*spoken), bites)


@st.composite
def agency_scripts(draw) -> Script:
    """A shot list: headline, dateline, numbered shots, SOUNDBITE lines, a STORYLINE."""
    place = draw(st.sampled_from(PLACES))
    lines = [" ".join(draw(st.lists(st.sampled_from(PLAIN_WORDS), min_size=2, max_size=8))).capitalize(), "",
             f"{place}, Country - May 8, 2025 (CGTN - No access Chinese mainland)", ""]
    spoken = []
    number = 0
    kinds = draw(st.lists(st.sampled_from(("shot", "bite")), max_size=8))
    for kind in kinds + ([] if "bite" in kinds else ["bite"]):  # a shot list with no bite has no speech
        number += 1
        if kind == "shot":
            lines.append(f"{number}. {draw(st.sampled_from(('Wide of', 'Close-up of', 'Various of')))} "
                         f"{' '.join(draw(st.lists(st.sampled_from(PLAIN_WORDS), min_size=1, max_size=5)))}")
        else:
            said = draw(paragraph(2))
            language = draw(st.sampled_from(("English", "Russian", "Arabic")))
            lines += [f"{number}. SOUNDBITE ({language}) {proper(draw(person))}, "
                      f"{draw(st.sampled_from(TITLES)).lower()}:", f'"{said}"']
            spoken.append(said)
    lines += ["", "STORYLINE:", draw(paragraph())]
    return Script("agency", "\n".join(lines), spoken_words(*spoken), len(spoken))


#: a strategy for each convention the segmenter reads
STRATEGIES = {"web": web_scripts(), "transcript": transcript_scripts(), "production": production_scripts(),
              "newsroom": newsroom_scripts(),
              "agency": agency_scripts()}


def any_script():
    return st.one_of(*STRATEGIES.values())
