"""DO NOT PUBLISH: a marked name reaches no output, in any convention, in any form."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadcast.errors import UnusableInput
from broadcast.exporters import render_all
from tests.delivery import read_scc, read_stl
from broadcast.exporters.json import report_dict
from broadcast.model import Kind, Note, NoteKind, Report, Segment, SignOff
from broadcast.pipeline import build_text
from broadcast.profiles import load_profile
from broadcast.reading import read_script
from broadcast.segment import segment
from broadcast.segment.withheld import PLACEHOLDER, find, redact
from tests.conftest import SHARED

FIXTURES = Path(__file__).parent / "fixtures" / "scripts"
SCHEMA = json.loads((SHARED.parent / "spec" / "report.schema.json").read_text(encoding="utf-8"))

# The withheld names of each fixture, and the initials its sign-off would give away.
WITHHELD = {
    "withheld-web": (["Julia", "Lyubova"], "JL"),
    "withheld-production": (["Omar", "Haddad", "Ahmad", "Khalil"], "OH"),
    "withheld-agency": (["Mariam", "Haddad"], None),
    "withheld-transcript": (["Ahmad", "Khalil"], None),
}


def _leaks(text: str, words: list[str], initials: str | None) -> list[str]:
    found = [w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text, re.IGNORECASE)]
    if initials and re.search(rf"\b{initials}\b", text):
        found.append(initials)
    return found


DELIVERY_READERS = {".scc": read_scc, ".stl": read_stl}


def as_text(suffix: str, output: str | bytes) -> str:
    """An output as text to search: SCC is hex codes and STL binary, so their text as read back."""
    if suffix in DELIVERY_READERS:
        return "\n".join(" ".join(lines) for _, _, lines, _ in DELIVERY_READERS[suffix](output))
    return output


@pytest.mark.parametrize("stem", sorted(WITHHELD))
def test_withheld_name_reaches_no_exporter_output(stem):
    words, initials = WITHHELD[stem]
    text = read_script((FIXTURES / f"{stem}.txt").read_bytes())
    assert _leaks(text, words, initials), "the fixture must name the person it withholds"
    build = build_text(text, load_profile("broadcast"))
    outputs = render_all(build)
    assert outputs
    for suffix, output in outputs.items():
        assert not _leaks(as_text(suffix, output), words, initials), suffix
    assert not _leaks(json.dumps(report_dict(build.report)), words, initials)
    assert not _leaks("\n".join(build.warnings), words, initials)


@pytest.mark.parametrize("stem", sorted(WITHHELD))
def test_mark_itself_is_not_spoken(stem):
    report = segment(read_script((FIXTURES / f"{stem}.txt").read_bytes()))
    assert all("PUBLISH" not in s.text.upper() for s in report.segments)
    assert any(PLACEHOLDER in s.text for s in report.segments)
    assert any("DO NOT PUBLISH" in w for w in report.warnings)


@pytest.mark.parametrize("line, names", [
    ("DO NOT PUBLISH: Julia Lyubova", ["Julia Lyubova"]),
    ("DO NOT PUBLISH NAME: Julia Lyubova (reporter's safety)", ["Julia Lyubova"]),
    ("((DO NOT PUBLISH NAME: Julia Lyubova))", ["Julia Lyubova"]),
    ("[[DO NOT PUBLISH: Omar al-Hassan and Mariam Haddad]]", ["Omar al-Hassan", "Mariam Haddad"]),
    ('JULIA LYUBOVA (DO NOT PUBLISH) MOSCOW "Words."', ["JULIA LYUBOVA"]),
    ("AHMAD KHALIL (DO NOT PUBLISH), RESIDENT: Words.", ["AHMAD KHALIL"]),
    ("AHMAD KHALIL, RESIDENT OF ALEPPO (DO NOT PUBLISH NAME): Words.", ["AHMAD KHALIL"]),
    ("SOUNDBITE (Arabic) Ahmad Khalil (DO NOT PUBLISH NAME), resident of Aleppo:", ["Ahmad Khalil"]),
    ("((Ahmad Khalil, resident of Aleppo - MALE IN ARABIC - DO NOT PUBLISH))", ["Ahmad Khalil"]),
    ("BYLINE: Julia Lyubova - DO NOT PUBLISH", ["Julia Lyubova"]),
    ("((SLUG: X BYLINE: Julia Lyubova DO NOT PUBLISH: Julia Lyubova TRT: 2:31))", ["Julia Lyubova"]),
    ("Do not publish: Julia Lyubova", ["Julia Lyubova"]),
    ("NB: DO NOT PUBLISH SOURCE'S NAME (Julia Lyubova)", ["Julia Lyubova"]),
    ("DO NOT PUBLISH THE NAMES OF THE VICTIMS: Julia Lyubova, Omar Sidorov", ["Julia Lyubova", "Omar Sidorov"]),
    ("DO NOT PUBLISH (MINOR): Julia Lyubova", ["Julia Lyubova"]),
    ("DO NOT PUBLISH: Mayor Julia Lyubova", ["Julia Lyubova"]),
    ("Julia Lyubova (anonymity requested)", ["Julia Lyubova"]),
    ("DO NOT USE REAL NAME: Julia Lyubova", ["Julia Lyubova"]),
    ("DO NOT PUBLISH IMAGES OR THE NAME OF Julia Lyubova", ["Julia Lyubova"]),
    ("DNP: Julia Lyubova TRT: 2:31", ["Julia Lyubova"]),
    ("DO NOT PUBLISH: \u5f20\u4f1f", ["\u5f20\u4f1f"]),
])
def test_marking_forms(line, names):
    marks = find(line)
    assert list(marks.names) == names
    assert "PUBLISH" not in marks.masked.upper()
    assert len(marks.masked) == len(line)  # offsets kept for spans


def test_reporter_mark_without_a_name_withholds_the_correspondent():
    marks = find("((DO NOT PUBLISH REPORTER'S NAME))")
    assert marks.correspondent and not marks.names


def test_mark_naming_no_one_stops_the_build_naming_its_line():
    text = ("A curfew is in force tonight. Our correspondent Ivan Petrov reports.\n"
            "DO NOT PUBLISH\nThe streets are empty. IP, CGTN, Kherson.\n")
    with pytest.raises(UnusableInput, match=r"^line 3: the mark 'DO NOT PUBLISH' names no one"):
        segment("Curfew in Kherson\n" + text)


_NAME = st.tuples(st.sampled_from(["Olena", "Rustam", "Leila", "Tomas", "Ines"]),
                  st.sampled_from(["Marchenko", "Aziz", "Kowalczyk", "Okonkwo", "Brandt"]))


@settings(max_examples=60, deadline=None)
@given(name=_NAME, form=st.sampled_from(["line", "note", "after"]), caps_super=st.booleans(),
       mentions=st.integers(0, 3))
def test_any_marked_name_never_reaches_the_report(name, form, caps_super, mentions):
    first, last = name
    full = f"{first} {last}"
    mark = {"line": f"DO NOT PUBLISH: {full}\n", "note": f"((DO NOT PUBLISH NAME: {full}))\n", "after": ""}[form]
    label = f"{first.upper()} {last.upper()}" + (" (DO NOT PUBLISH)" if form == "after" else "")
    body = " ".join([f"{last} says the road was closed."] * mentions)
    script = (f"{mark}Floods close mountain road\n[]\nHeavy rain has closed the only road to the valley. "
              f"Our correspondent {full} reports. {body}\nThe water rose overnight.\n"
              f"{label if caps_super else label.title()} RESIDENT \"We could not leave, {first}.\"\n"
              f"The road may reopen on Friday. {first[0]}{last[0]}, CGTN, Tbilisi.\n")
    report = segment(script)
    out = json.dumps(report_dict(report))
    assert not _leaks(out, [first, last], f"{first[0]}{last[0]}")


def test_accented_marked_name_is_withheld():
    script = ("DO NOT PUBLISH: José Álvarez\nProtests in Caracas\n[]\nCrowds gathered again. "
              "Our correspondent José Álvarez reports from Caracas.\nThe streets filled by noon.\n"
              "JOSÉ ÁLVAREZ CARACAS Police stayed back. JÁ, CGTN, Caracas.\n")
    out = json.dumps(report_dict(segment(script)), ensure_ascii=False)
    assert not _leaks(out, ["José", "Álvarez"], "JÁ")


# -- every shape a newsroom writes the mark in, through a full build --------------------------

# Cyrillic letters a reader takes for Latin ones, by their Unicode names
_READS_AS = {unicodedata.lookup(f"CYRILLIC SMALL LETTER {name}"): latin
             for name, latin in (("A", "a"), ("O", "o"), ("IE", "e"), ("ES", "c"), ("ER", "p"), ("HA", "x"),
                                 ("U", "y"))}


def _fold(text: str) -> str:
    """How a reader might still recognise a name: compatibility forms, case, accents,
    invisible characters and Cyrillic look-alikes set aside (written here apart from the
    module under test)."""
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    return "".join(_READS_AS.get(c, c) for c in text if unicodedata.category(c) not in ("Mn", "Cf"))


def leaked(output: str, given: str, surname: str) -> list[str]:
    """Every form of the name still in an output: either part inside any word (a handle, an
    address, a possessive), both run together, or the initials as a sign-off writes them."""
    words = re.findall(r"[^\W_]+", _fold(output))
    squeezed = "".join(words)
    found = [part for part in (given, surname) if any(_fold(part) in word for word in words)]
    if _fold(given + surname) in squeezed:
        found.append(given + surname)
    # initials as they sign: dotted anywhere (J.L.), or bare before a comma, a slash, the
    # line's end or "reports", or after "by" (JL, CGTN; by JL); a bare JL elsewhere is a word
    first, last = _fold(given)[0].upper(), _fold(surname)[0].upper()
    text = unicodedata.normalize("NFKC", output)
    if re.search(rf"(?<![\w.]){first}\.\s?{last}\.", text, re.IGNORECASE) or re.search(
            rf"(?<![\w.]){first}{last}(?=\s*[,/]|\.?[ \t]*$|\s+reports)|\b[Bb][Yy]\s+{first}{last}\b", text,
            re.MULTILINE):
        found.append(first + last)
    return found


def build_outputs(script: str) -> tuple[dict[str, str], object]:
    build = build_text(read_script(script.encode("utf-8")), load_profile("broadcast"))
    outputs = {suffix: as_text(suffix, output) for suffix, output in render_all(build).items()}
    outputs["warnings"] = "\n".join(build.warnings)
    return outputs, build


def story(mark: str, given: str = "Julia", surname: str = "Lyubova", *, first_line: str = "",
          body: str | None = None) -> str:
    """A web script whose correspondent is the person marked, named in many forms, with a
    line after the stand-up (where the initials once leaked)."""
    full = f"{given} {surname}"
    body = body if body is not None else (
        f"{surname}'s crew filmed it; {given.lower()} {surname.lower()} wrote to "
        f"{given.lower()}.{surname.lower()}@cgtn.com and posted as @{given}{surname}.")
    return (f"{first_line}{mark}\nCurfew tightened in border town\n[]\n"
            f"Authorities extended the curfew. Our correspondent {full} reports from the town.\n"
            f"Residents spent the night in basements. {body}\n"
            f"ANNA GRIGORYEVA SCHOOL TEACHER \"The children did not sleep at all.\"\n"
            f"{full.upper()} NOVAYA SLOBODA Officials say the curfew will stay. "
            f"{given[0]}{_fold(surname)[0].upper()}, CGTN, Novaya Sloboda.\n"
            f"The next bulletin is at nine.\n")


ISSUE_SHAPES = [
    "DO NOT PUBLISH: julia lyubova",
    "DO NOT PUBLISH:\nJulia Lyubova",
    "DNP: Julia Lyubova",
    "DO-NOT-PUBLISH: Julia Lyubova",
    "Not for publication: Julia Lyubova",
    "NAME WITHHELD: Julia Lyubova",
    "Julia Lyubova (DO NOT USE NAME)",
    "Julia Lyubova - DO NOT USE NAME (ON AIR)",
    "DON'T NAME Julia Lyubova",
    "DO NOT NAME: Julia Lyubova",
    "DO NOT IDENTIFY: Julia Lyubova",
    "*** DO NOT PUBLISH: Julia Lyubova ***",
    "DO NOT PUBLISH (Julia Lyubova)",
    'DO NOT PUBLISH "Julia Lyubova"',
    "DO NOT PUBLISH THE NAME OF Julia Lyubova",
    "DO NOT PUBLISH Julia Lyubova's identity",
    "Witness Julia Lyubova (DO NOT PUBLISH) said the town was quiet.",
    "PLEASE DO NOT PUBLISH Julia Lyubova's name",
    "BYLINE: Julia Lyubova DO NOT PUBLISH NAME",
    "((DO NOT PUBLISH REPORTER'S NAME))",
    "DO NOT PUBLISH: JULIA LYUBOVA",
    "do not publish: Julia Lyubova",
    "D.N.P. Julia Lyubova",
    "DO NOT PUBLISH: Jul\u200dia Lyu\u00adbova",
    "DO NOT PUBLISH: \uff2a\uff55\uff4c\uff49\uff41 Lyubova",
    "\uff24\uff2f \uff2e\uff2f\uff34 \uff30\uff35\uff22\uff2c\uff29\uff33\uff28: Julia Lyubova",
    "DO NOT PUB\u200bLISH: Julia Lyubova",
    "DO NOT PUBLISH NAME OF WITNESS: Julia Lyubova",
    "DO NOT PUBLISH: the witness, Julia Lyubova",
    "Julia Lyubova\nDO NOT PUBLISH",
]


@pytest.mark.parametrize("mark", ISSUE_SHAPES)
def test_issue_shapes_reach_no_output(mark):
    outputs, build = build_outputs(story(mark))
    for name, output in outputs.items():
        assert not leaked(output, "Julia", "Lyubova"), (name, leaked(output, "Julia", "Lyubova"))
    notes = [n for n in build.report.notes if n.kind is NoteKind.WITHHELD]
    assert notes and all(not leaked(n.text, "Julia", "Lyubova") for n in notes)
    jsonschema.validate(report_dict(build.report), SCHEMA)
    assert any(re.match(r"withheld (a name|the correspondent's name) marked on line \d+ \(.+\) in \d+ places: "
                        r"lines \d", w) for w in build.warnings)
    assert "PUBLISH" not in " ".join(s.text.upper() for s in build.report.segments)


def test_sharp_s_mark_withholds_the_capitals_spelling():
    script = story("DO NOT PUBLISH: Olga Strauß", "Olga", "Strauß",
                   body="STRAUSS and Strauss and Strauß's team stayed.")
    outputs, _ = build_outputs(script)
    for name, output in outputs.items():
        assert not leaked(output, "Olga", "Strauss"), name


def test_marked_byline_keeps_the_reporter_off_the_prompter():
    script = ("BYLINE: Ricardo Marquina DO NOT PUBLISH NAME\nPort reopens after storm\n[]\n"
              "The port reopened on Monday. Ricardo Marquina reports.\nShips queued offshore.\n"
              "RICARDO MARQUINA VALPARAISO Trade resumes tomorrow. RM, CGTN, Valparaiso.\n")
    outputs, build = build_outputs(script)
    assert build.report.correspondent is None
    for name, output in outputs.items():
        assert not leaked(output, "Ricardo", "Marquina"), name
    assert "[VO: CORRESPONDENT" in outputs[".prompter.txt"]


def test_where_it_was_withheld_is_said_line_by_line():
    script = ("DO NOT PUBLISH: Julia Lyubova\nCurfew tightened\n[]\nThe curfew holds. Julia Lyubova reports.\n"
              "Residents waited.\nLyubova filmed the square.\n")
    _, build = build_outputs(script)
    assert "withheld a name marked on line 1 (DO NOT PUBLISH) in 3 places: lines 1, 4, 6" in build.warnings


def test_a_lower_case_word_spelt_like_the_name_is_withheld_and_said():
    script = ("DO NOT PUBLISH: Rose Brandt\nFloods\n[]\nThe river rose overnight. Rose Brandt reports.\n"
              "Water covered the fields.\n")
    outputs, build = build_outputs(script)
    assert "rose" not in outputs[".srt"].lower()
    assert any("on line 4 a lower-case word spelt like part of it was withheld too" in w for w in build.warnings)


@pytest.mark.parametrize("script", [
    "DO NOT PUBLISH\nThe streets are empty.\n",
    "Curfew\n[]\nThe streets are empty.\nDO NOT NAME THE WITNESS\nShe left at dawn.\n",
    "Curfew\n[]\nThe streets are empty (DNP).\n",
])
def test_a_mark_tied_to_no_name_stops_the_build(script):
    with pytest.raises(UnusableInput, match=r"^line \d+: the mark '[^']+' names no one"):
        segment(script)


def test_an_untied_mark_exits_2_through_the_cli_writing_nothing(tmp_path, capsys):
    from broadcast.cli import main
    source = tmp_path / "story.txt"
    source.write_text("Curfew in Kherson\n[]\nThe curfew holds.\nDO NOT PUBLISH\nThe streets are empty.\n",
                      encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(source), "-o", str(out)]) == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and "line 4" in error[0] and "DO NOT PUBLISH" in error[0]
    assert not out.exists() or not any(out.iterdir())


def test_correspondent_mark_with_no_correspondent_anywhere_stops_the_build():
    with pytest.raises(UnusableInput, match=r"^line 1: .*names no correspondent"):
        segment("((DO NOT PUBLISH REPORTER'S NAME))\nFloods\n[]\nThe river rose overnight.\n")


def test_spellings_that_are_not_name_marks():
    marks = find("DO NOT PUBLISH BEFORE 18:00 GMT\nRESIDENT (NAME WITHHELD): We left.\n"
                 "NOT FOR PUBLICATION - EDITORS PLEASE NOTE: pictures follow.\n")
    assert not marks.names and not marks.marks and len(marks.material) == 2
    assert marks.masked.startswith(" " * 31 + "\nRESIDENT (NAME WITHHELD)")
    running = find("We do not publish the names of minors.\n")
    assert not running.marks and running.masked.startswith("We do not publish")
    assert running.warnings == ("line 1: 'do not publish' inside a sentence is read as words, not as a mark",)
    quoted = find('Curfew\n[]\n"Please, do not publish my name," she said.\n')
    assert not quoted.marks and quoted.warnings == (
        "line 3: 'do not publish' inside a sentence is read as words, not as a mark",)
    assert find("julia lyubova, do not publish\n").names == ("julia lyubova",)


def test_every_report_field_is_withheld_and_nothing_can_rebuild_the_name():
    script = "DO NOT PUBLISH: Julia Lyubova\nThe curfew holds. JL, CGTN, Moscow.\n"
    report = Report(
        title="Julia Lyubova in Moscow", tags=("lyubova",), network="CGTN", correspondent="Julia Lyubova",
        location="Moscow", segments=(Segment(Kind.SIGNOFF, "JL, CGTN, Moscow.", (31, 48)),),
        warnings=("check Lyubova's super",),
        notes=(Note(NoteKind.METADATA, "BYLINE: J. Lyubova", (0, 1), "test"),),
        signoff=SignOff("J.L., CGTN, Moscow.", "Julia Lyubova", "CGTN", "Moscow"), slug="LYUBOVA-CURFEW")
    out = redact(report, find(script))
    fields = [out.title, *out.tags, out.correspondent or "", *out.warnings, out.slug,
              *(n.text for n in out.notes), out.signoff.written, out.signoff.name or "", out.signoff.spoken,
              *(s.text for s in out.segments)]
    for text in fields:
        assert not leaked(text, "Julia", "Lyubova"), text
    assert out.correspondent is None and out.signoff.name is None
    assert [n.kind for n in out.notes] == [NoteKind.METADATA, NoteKind.WITHHELD]
    assert out.notes[1].text == f"DO NOT PUBLISH: {PLACEHOLDER}" and out.notes[1].span == (0, 29)


def test_a_form_the_scrub_cannot_see_stops_the_build_instead_of_claiming_success():
    script = "DO NOT PUBLISH: Julia Lyubova\nThe curfew holds.\n"
    report = Report("Curfew", (), None, None, None,
                    (Segment(Kind.NARRATION, "Signed Ju lia Lyu bova.", (30, 47)),))
    with pytest.raises(UnusableInput, match="could not be withheld from the segments; nothing is written"):
        redact(report, find(script))


# -- generated: marks and mentions in every shape ---------------------------------------------

_SPELLINGS = ["DO NOT PUBLISH", "DNP", "DO-NOT-PUBLISH", "Not for publication", "NAME WITHHELD",
              "DO NOT USE NAME", "DON'T NAME", "DO NOT NAME", "DO NOT IDENTIFY", "Do not publish",
              "PLEASE DO NOT PUBLISH", "do not publish"]
_POSITIONS = {
    "after": lambda m, n: f"{m}: {n}",
    "next-line": lambda m, n: f"{m}:\n{n}",
    "stars": lambda m, n: f"*** {m}: {n} ***",
    "brackets": lambda m, n: f"{m} ({n})",
    "quoted": lambda m, n: f'{m} "{n}"',
    "the-name-of": lambda m, n: f"{m} THE NAME OF {n}",
    "possessive": lambda m, n: f"{m} {n}'s name",
    "note": lambda m, n: f"(({m}: {n}))",
    "before": lambda m, n: f"Witness {n} ({m}) said the town was quiet.",
    "dash": lambda m, n: f"{n} - {m}",
    "byline": lambda m, n: f"BYLINE: {n} {m} NAME",
    "source": lambda m, n: f"NB: {m} SOURCE'S NAME ({n})",
    "line-before": lambda m, n: f"{n}\n{m}",
}
_CASINGS = {"as-written": lambda n: n, "capitals": str.upper, "lower": str.lower}
_ZWJ, _SOFT, _ZWSP = "\u200d", "\u00ad", "\u200b"


def _full_width(word: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in word)


def _lookalike(word: str) -> str:
    """The word with one Latin letter typed as its Cyrillic look-alike."""
    for latin, cyrillic in zip("aoecpxy", "\u0430\u043e\u0435\u0441\u0440\u0445\u0443"):
        if latin in word:
            return word.replace(latin, cyrillic, 1)
    return word


_MENTIONS = {
    "full": lambda g, s: f"{g} {s} spoke.",
    "surname": lambda g, s: f"{s} spoke.",
    "given": lambda g, s: f"{g} spoke.",
    "possessive": lambda g, s: f"{s}'s car waited.",
    "capitals": lambda g, s: f"{g.upper()} {s.upper()} SPOKE.",
    "lower": lambda g, s: f"then {g.lower()} {s.lower()} spoke.",
    "initials": lambda g, s: f"Filed by {g[0]}{s[0]}.",
    "initials-reports": lambda g, s: f"Correspondent {g[0]}{s[0]} reports.",
    "dotted": lambda g, s: f"{g[0]}.{s[0]}., CGTN, Kyiv.",
    "spaced-initial": lambda g, s: f"{g[0]}. {s} spoke.",
    "handle": lambda g, s: f"Follow @{g.lower()}_{s.lower()} for more.",
    "email": lambda g, s: f"Write to {g.lower()}.{s.lower()}@news.example.",
    "zwj": lambda g, s: f"{s[:3]}{_ZWJ}{s[3:]} spoke.",
    "soft-hyphen": lambda g, s: f"{g[:2]}{_SOFT}{g[2:]} spoke.",
    "zwsp": lambda g, s: f"{g}{_ZWSP}{s} spoke.",
    "full-width": lambda g, s: f"{_full_width(g)} {s} spoke.",
    "lookalike": lambda g, s: f"{_lookalike(s)} spoke.",
}
def production_story(mark: str, given: str, surname: str, *, body: str) -> str:
    full = f"{given} {surname}"
    return (f"((SLUG: CURFEW BYLINE: {full} DATELINE: Moscow))\n{mark}\n\n((INTRO))\n"
            f"[[The curfew was extended. {full} reports.]]\n\n((NARRATOR))\n{body}\n\n"
            f"((Anna Grigoryeva, teacher - FEMALE IN RUSSIAN))\n\"The children did not sleep.\"\n\n"
            f"((NARRATOR))\nThe curfew will stay. {full}, CGTN, Moscow.\n")


def transcript_story(mark: str, given: str, surname: str, *, body: str) -> str:
    full = f"{given} {surname}"
    return (f"[14:02:10] LENA VOGEL, WNN ANCHOR: The curfew was extended. {full} reports.\n\n{mark}\n\n"
            f"(BEGIN VIDEOTAPE)\n\n{full.upper()}, WNN CORRESPONDENT (voice-over): {body}\n\n"
            f"{surname.upper()} (on camera): The curfew will stay. {full}, WNN, Moscow.\n\n(END VIDEOTAPE)\n")


_TEMPLATES = {"web": story, "production": production_story, "transcript": transcript_story}
_GIVEN = ["Julia", "Omar", "Rustam", "Tomasz", "Ebru", "Olga"]
_SURNAMES = ["Lyubova", "Sidorov", "Marchenko", "Vasquez", "Zhukova", "Strauß"]


def test_the_leak_detector_sees_every_mention_form():
    for form, mention in _MENTIONS.items():
        for given_name, surname in zip(_GIVEN, _SURNAMES):
            assert leaked(mention(given_name, surname), given_name, surname), (form, given_name, surname)


@settings(max_examples=80, deadline=None)
@given(spelling=st.sampled_from(_SPELLINGS), position=st.sampled_from(sorted(_POSITIONS)),
       casing=st.sampled_from(sorted(_CASINGS)), given_name=st.sampled_from(_GIVEN),
       surname=st.sampled_from(_SURNAMES),
       mentions=st.lists(st.sampled_from(sorted(_MENTIONS)), min_size=1, max_size=5),
       template=st.sampled_from(sorted(_TEMPLATES)))
def test_generated_marks_and_mentions_reach_no_output(spelling, position, casing, given_name, surname,
                                                      mentions, template):
    name = _CASINGS[casing](f"{given_name} {surname}")
    mark = _POSITIONS[position](spelling, name)
    body = " ".join(_MENTIONS[m](given_name, surname) for m in mentions)
    outputs, build = build_outputs(_TEMPLATES[template](mark, given_name, surname, body=body))
    for output_name, output in outputs.items():
        assert not leaked(output, given_name, surname), (output_name, leaked(output, given_name, surname))


@pytest.mark.parametrize("path", sorted((Path(__file__).parent / "fixtures" / "scripts").glob("withheld-*.txt")),
                         ids=lambda p: p.stem)
def test_explain_shows_the_script_without_a_withheld_name(path):
    from broadcast.segment import explain
    text = read_script(path.read_bytes())
    names = [n for n in find(text).names if n]
    shown = explain(text).casefold()
    assert names and not [n for n in names if n.casefold() in shown or n.split()[-1].casefold() in shown]
    assert "withheld: its name is not shown" in shown


def test_explain_still_shows_the_lines_when_nothing_is_read_as_speech():
    from broadcast.segment import explain
    shown = explain("((SLUG: X))\n((VIDEO: a street at night))\n")
    assert "no spoken text found" in shown and "   2 | ((VIDEO: a street at night))" in shown


def test_in_capitals_a_mark_after_a_small_word_is_words_and_a_mark_between_two_names_withholds_both():
    running = segment("((INTRO))\n[[SHE IS WEARING A FACE MASK AND HAT TO PROTECT HER IDENTITY FOR SECURITY "
                      "REASONS, HER EDITOR SAYS.]]\n")
    assert "TO PROTECT HER IDENTITY FOR SECURITY" in running.segments[0].text
    both = segment("((INTRO))\n[[THE FLOODS HIT THE VALLEY AND THE FAMILY FLED. JOHN DOE DO NOT PUBLISH LOST HIS "
                   "HOME TO THE WATER.]]\n")
    assert "JOHN" not in both.segments[0].text and "DOE" not in both.segments[0].text
    assert any("both are withheld" in w for w in both.warnings)
