"""DO NOT PUBLISH: a marked name reaches no output, in any convention, in any form."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from broadcast.exporters import render_all
from tests.delivery import read_scc, read_stl
from broadcast.exporters.json import report_dict
from broadcast.pipeline import build_text
from broadcast.profiles import load_profile
from broadcast.reading import read_script
from broadcast.segment import segment
from broadcast.segment.withheld import PLACEHOLDER, find

FIXTURES = Path(__file__).parent / "fixtures" / "scripts"

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


@pytest.mark.parametrize("stem", sorted(WITHHELD))
def test_withheld_name_reaches_no_exporter_output(stem):
    words, initials = WITHHELD[stem]
    text = read_script((FIXTURES / f"{stem}.txt").read_bytes())
    assert _leaks(text, words, initials), "the fixture must name the person it withholds"
    build = build_text(text, load_profile("broadcast"))
    outputs = render_all(build)
    assert outputs
    for suffix, output in outputs.items():
        if suffix in DELIVERY_READERS:  # SCC is hex codes and STL binary: their text as read back
            output = "\n".join(" ".join(lines) for _, _, lines, _ in DELIVERY_READERS[suffix](output))
        assert not _leaks(output, words, initials), suffix
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
])
def test_marking_forms(line, names):
    marks = find(line)
    assert list(marks.names) == names
    assert "PUBLISH" not in marks.masked.upper()
    assert len(marks.masked) == len(line)  # offsets kept for spans


def test_reporter_mark_without_a_name_withholds_the_correspondent():
    marks = find("((DO NOT PUBLISH REPORTER'S NAME))")
    assert marks.correspondent and not marks.names


def test_mark_naming_no_one_is_reported():
    text = ("A curfew is in force tonight. Our correspondent Ivan Petrov reports.\n"
            "DO NOT PUBLISH\nThe streets are empty. IP, CGTN, Kherson.\n")
    report = segment("Curfew in Kherson\n" + text)
    assert any("name no one" in w for w in report.warnings)


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
