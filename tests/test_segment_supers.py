"""Lower-thirds as a graphics operator types them: name and title split from evidence, case
restored from capitals, and a warning where the split is a guess."""

from __future__ import annotations

import pytest

from broadcast.model import LowerThird
from broadcast.segment.supers import Spellings, lower_third, speaker_label, title_case

BODY = Spellings.from_text(
    "President Bashar al-Assad met envoys. Talks with the U.S. and NATO went on. "
    "Kevin McCarthy spoke. Ursula von der Leyen arrived. The race was close. "
    "The Wong family and Li Wen watched. Crowds gathered in Dublin."
)


def _lt(run: str, body: Spellings = BODY, known: tuple[str, ...] = ()) -> tuple[LowerThird, str | None]:
    return lower_third(run.split(), [], body, known)


@pytest.mark.parametrize("run, name, title", [
    ("RECEP TAYYIP ERDOGAN TURKISH PRESIDENT", "Recep Tayyip Erdogan", "Turkish President"),
    ("ALEXEY KHLEBNIKOV RUSSIAN INTERNATIONAL AFFAIRS CENTER", "Alexey Khlebnikov",
     "Russian International Affairs Center"),
    ("BASHAR AL-ASSAD SYRIAN PRESIDENT", "Bashar al-Assad", "Syrian President"),
    ("SERGEY LAVROV, MINISTER OF FOREIGN AFFAIRS", "Sergey Lavrov", "Minister of Foreign Affairs"),
    ("JOHN SMITH U.S. STATE DEPARTMENT SPOKESPERSON", "John Smith", "U.S. State Department Spokesperson"),
    ("JENS STOLTENBERG NATO SECRETARY GENERAL", "Jens Stoltenberg", "NATO Secretary General"),
    ("KEVIN MCCARTHY HOUSE SPEAKER", "Kevin McCarthy", "House Speaker"),
    ("SEAN MCGRATH FARMER", "Sean McGrath", "Farmer"),
    ("MARY O'BRIEN DUBLIN RESIDENT", "Mary O'Brien", "Dublin Resident"),
    ("ANGUS MACDONALD UNIVERSITY OF GLASGOW", "Angus MacDonald", "University of Glasgow"),
    ("ANTONIO MACHADO ANALYST", "Antonio Machado", "Analyst"),
    ("URSULA VON DER LEYEN EUROPEAN COMMISSION PRESIDENT", "Ursula von der Leyen", "European Commission President"),
    ("MOHAMMED BIN SALMAN SAUDI CROWN PRINCE", "Mohammed bin Salman", "Saudi Crown Prince"),
    ("MARINE LE PEN NATIONAL RALLY LEADER", "Marine Le Pen", "National Rally Leader"),
    ("JEAN-CLAUDE JUNCKER EUROPEAN COMMISSION PRESIDENT", "Jean-Claude Juncker", "European Commission President"),
    ("WONG KA-MING RACE ORGANISER", "Wong Ka-ming", "Race Organiser"),
    ("EMILY TANG-MACKENZIE TEAM CAPTAIN", "Emily Tang-MacKenzie", "Team Captain"),
    ("EUROPEAN COMMISSION PRESIDENT, JEAN-CLAUDE JUNCKER", "Jean-Claude Juncker", "European Commission President"),
    ("RUSSIAN PRESIDENT VLADIMIR PUTIN", "Vladimir Putin", "Russian President"),
    ("MARIA O'CONNELL PROFESSOR, UNIVERSITY OF EDINBURGH", "Maria O'Connell", "Professor, University of Edinburgh"),
    ("IRINA SEMYONOVA REGIONAL AGRICULTURE MINISTER", "Irina Semyonova", "Regional Agriculture Minister"),
])
def test_split_and_case(run, name, title):
    lt, _ = _lt(run)
    assert (lt.name, lt.title) == (name, title)


def test_known_name_wins_over_the_title_rule():
    lt, warning = _lt("JULIA LYUBOVA SOCHI", known=("Julia Lyubova",))
    assert lt == LowerThird("Julia Lyubova", "Sochi") and warning is None


def test_body_spelling_decides_where_the_name_ends():
    body = Spellings.from_text("Our guest Maria Elena Ruiz Castillo spoke to us.")
    lt, warning = _lt("MARIA ELENA RUIZ CASTILLO FILMMAKER", body)
    assert lt.name == "Maria Elena Ruiz Castillo" and warning is None


def test_a_word_the_body_writes_in_lower_case_starts_the_title():
    body = Spellings.from_text("The harbour festival drew crowds; the festival runs all week.")
    lt, warning = _lt("CHAN TAI-MAN HARBOUR FESTIVAL", body)
    assert lt == LowerThird("Chan Tai-man", "Harbour Festival")


def test_third_name_word_is_sure_only_with_evidence():
    _, warning = _lt("RECEP TAYYIP ERDOGAN TURKISH PRESIDENT", Spellings.from_text("Talks went on."))
    assert warning is None  # a demonym opens the title
    _, warning = _lt("MARY ANN KELLY HOSPITAL NURSE", Spellings.from_text("Talks went on."))
    assert warning
    _, warning = _lt("MARY ANN KELLY HOSPITAL NURSE", Spellings.from_text("Nurses like Kelly work on."))
    assert warning is None
    lt, warning = _lt("MARY O'BRIEN DUBLIN RESIDENT", Spellings.from_text("Crowds gathered in Dublin."))
    assert lt == LowerThird("Mary O'Brien", "Dublin Resident") and warning is None


def test_doubtful_split_is_reported_not_hidden():
    lt, warning = _lt("ZHANNA BORISOVNA KIRILLOVA OKTYABRSKAYA")
    assert warning and "check" in warning
    assert lt.name == "Zhanna Borisovna"


def test_mixed_case_title_is_title_cased():
    lt, _ = lower_third(["VLADIMIR", "PUTIN"], ["Russian", "president"], BODY)
    assert lt == LowerThird("Vladimir Putin", "Russian President")


@pytest.mark.parametrize("title, cased", [
    ("minister of foreign affairs", "Minister of Foreign Affairs"),
    ("spokeswoman for the Russian Foreign Ministry", "Spokeswoman for the Russian Foreign Ministry"),
    ("head of the UN refugee agency", "Head of the UN Refugee Agency"),
    ("deputy head, McKinsey Global Institute", "Deputy Head, McKinsey Global Institute"),
    ("U.S.-based analyst", "U.S.-Based Analyst"),
])
def test_title_case(title, cased):
    assert title_case(title) == cased


@pytest.mark.parametrize("label, lt", [
    ("Vladimir Putin, Russian President", LowerThird("Vladimir Putin", "Russian President")),
    ("Resident of Moscow (no name given)", LowerThird("", "Resident of Moscow")),
    ("Moscow resident", LowerThird("", "Moscow Resident")),
    ("Alexey Khlebnikov, Middle East expert, Russian International Affairs Council",
     LowerThird("Alexey Khlebnikov", "Middle East Expert, Russian International Affairs Council")),
    ("Spokeswoman for the Foreign Ministry, Maria Zakharova",
     LowerThird("Maria Zakharova", "Spokeswoman for the Foreign Ministry")),
    ("Antonio Guterres, UN Secretary-General (partially overlaid)",
     LowerThird("Antonio Guterres", "UN Secretary-General")),
])
def test_speaker_labels_in_normal_case(label, lt):
    assert speaker_label(label, BODY) == lt
