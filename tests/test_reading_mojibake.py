"""Mojibake: UTF-8 that went through a legacy code page once, twice, or through Windows-1251,
repaired to the text that was typed; text that only looks like it left alone."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from broadcast.reading import _mojibake_pair, _repair_mojibake, normalise, read_script

TYPED = [
    "It’s the café in Zürich — déjà vu.",
    "Président Macron a déclaré à Genève qu’il était prêt.",
    "Владимир Путин заявил, что переговоры продолжатся в Сочи.",
    "Οι συνομιλίες συνεχίζονται στην Αθήνα.",
    "Ümit Özdağ and Kılıçdaroğlu spoke in İstanbul.",
    "Mañana, niño, año — señor Muñoz.",
]


def through(text: str, page: str = "cp1252") -> str:
    """UTF-8 bytes read in a legacy code page, as an editor would (an undefined byte as Latin-1)."""
    return "".join(bytes([b]).decode(page, errors="ignore") or chr(b) for b in text.encode("utf-8"))


@pytest.mark.parametrize("typed", TYPED)
def test_once_through_windows_1252(typed):
    assert read_script(through(typed).encode("utf-8")) == normalise(typed)


@pytest.mark.parametrize("typed", TYPED)
def test_twice_through_windows_1252(typed):
    assert read_script(through(through(typed)).encode("utf-8")) == normalise(typed)


@pytest.mark.parametrize("typed", [t for t in TYPED if t.isascii() is False][:3])
def test_cyrillic_and_western_through_windows_1251(typed):
    broken = typed.encode("utf-8").decode("cp1251", errors="replace")
    if "\ufffd" in broken:
        pytest.skip("byte undefined in cp1251")
    assert read_script(broken.encode("utf-8")) == normalise(typed)


def test_russian_seen_as_latin_letters_is_russian_again():
    assert through("Привет, Москва!").startswith("ÐŸÑ€Ð¸Ð²ÐµÑ‚")
    assert read_script(through("Привет, Москва!").encode("utf-8")) == "Привет, Москва!"


def test_a_sequence_that_lost_a_byte_is_kept_as_it_came_never_made_a_replacement_sign():
    # "с" is D1 81 and Windows-1252 has no 0x81: an editor that dropped it left "Ñ" alone
    text = read_script("ÐŸÑ€Ð¸Ð²ÐµÑ‚, ÐœÐ¾ÑÐºÐ²Ð°!".encode("utf-8"))
    assert "\ufffd" not in text and text.startswith("Привет")


@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=40))
def test_text_that_does_not_plainly_show_mojibake_is_never_touched(text):
    """One stray pair ("À¢") is as likely meant: only two or more, or an "â€", are repaired."""
    if "\u00e2\u20ac" in text or len(_mojibake_pair().findall(text)) > 1:
        return
    assert _repair_mojibake(text) == text


def test_one_stray_pair_is_left_as_written():
    assert _repair_mojibake("The À¢ sign.") == "The À¢ sign."
