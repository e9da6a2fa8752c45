"""Proper case of names typed in capitals with letters whose lower case is not one letter:
the Turkish İ (str.lower() gives i and a combining dot)."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from broadcast.segment.supers import Spellings, lower_third, proper_case, title_case

NO_SPELLINGS = Spellings.from_text("")


def test_tayyip_is_cased_without_a_combining_dot():
    third, _ = lower_third("RECEP TAYYİP ERDOĞAN TURKISH PRESIDENT".split(), [], NO_SPELLINGS)
    assert third.name == "Recep Tayyip Erdoğan"
    assert third.title == "Turkish President"


def test_a_word_typed_with_the_turkish_i_keeps_its_capital_and_dotless_i():
    assert proper_case(["İLHAN", "KILIÇ"], NO_SPELLINGS, is_name=True) == "İlhan Kiliç"
    assert proper_case(["DİLEK", "IŞIKLI"], NO_SPELLINGS, is_name=True) == "Dilek Işikli"
    # İ and I in one word: the writer tells them apart, so I is the dotless ı
    assert proper_case(["IRMAKİ"], NO_SPELLINGS, is_name=True) == "Irmaki"
    assert proper_case(["KIRIKKALEİ"], NO_SPELLINGS, is_name=True) == "Kırıkkalei"


capitals = st.text(alphabet="ABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ", min_size=2, max_size=12)


@given(st.lists(capitals, min_size=1, max_size=4))
def test_no_cased_name_or_title_has_a_combining_mark_the_capitals_had_not(words):
    for cased in (proper_case(words, NO_SPELLINGS, is_name=True), title_case(" ".join(words))):
        assert not any(unicodedata.combining(c) for c in cased), ascii(cased)
        assert len(cased.replace(" ", "")) == len("".join(words))
