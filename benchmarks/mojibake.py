"""Mojibake repair (`broadcast.reading`): how many broken texts it restores and how many
meant texts it leaves alone, and its time on clean and broken text.

Texts typed in six languages are broken three ways: UTF-8 read once through Windows-1252,
twice (double encoding), and once through Windows-1251 (the Cyrillic code page). Figures
when ftfy replaced the hand-written repair (which undid one pass of Windows-1252 only):
once 3/6 -> 6/6, twice 0/6 -> 6/6, through Windows-1251 0/6 -> 4/6, meant texts changed
0/16 -> 0/16; a 0.5 MB script read in 0.036 -> 0.070 s (ftfy loads only for text that
shows mojibake).

    python3 benchmarks/mojibake.py
"""

from __future__ import annotations

import time
from pathlib import Path

from broadcast.reading import read_script

TYPED = [
    "The minister said: “We won’t stop” — in Zürich, Köln and São Paulo.",
    "Président Macron a déclaré à Genève qu’il était prêt.",
    "Владимир Путин заявил, что переговоры продолжатся в Сочи.",
    "Οι συνομιλίες συνεχίζονται στην Αθήνα.",
    "Ümit Özdağ and Kılıçdaroğlu spoke in İstanbul.",
    "Mañana, niño, año — señor Muñoz.",
]
MEANT = ["SÃO PAULO, AMANHÃ O PRESIDENTE", "ÂGE D'OR", "naïve café résumé", "Größe", "£5 × 3 ÷ 2 = €7.50",
         "Ð is a letter in Icelandic: ÐÓR", "Order Ã la carte", "AT&amp;T", "The À¢ sign",
         "Ngô Đình Diệm, Nguyễn Văn Thiệu", *TYPED]


def through(text: str, page: str) -> str:
    """UTF-8 bytes read in a code page, as an editor does (an undefined byte as Latin-1)."""
    return "".join(bytes([b]).decode(page, errors="ignore") or chr(b) for b in text.encode("utf-8"))


def repaired(text: str) -> str:
    return read_script(text.encode("utf-8"))


def main() -> None:
    ways = {"once through Windows-1252": lambda t: through(t, "cp1252"),
            "twice through Windows-1252": lambda t: through(through(t, "cp1252"), "cp1252"),
            "once through Windows-1251": lambda t: through(t, "cp1251")}
    for name, breaking in ways.items():
        right = sum(repaired(breaking(t)) == read_script(t.encode("utf-8")) for t in TYPED)
        print(f"{name}: {right}/{len(TYPED)} restored")
    changed = [t for t in MEANT if repaired(t) != read_script(t.encode("utf-8")).replace("\n", "")
               and repaired(t) != t]
    print(f"meant texts changed: {len(changed)}/{len(MEANT)} {changed or ''}")
    clean = (Path(__file__).parent.parent / "examples" / "syria-peace-process.txt").read_bytes() * 200
    broken = through(clean.decode("utf-8"), "cp1252").encode("utf-8")
    for name, data in (("clean", clean), ("broken", broken)):
        started = time.perf_counter()
        read_script(data)
        print(f"{name} {len(data) / 1e6:.2f} MB read in {time.perf_counter() - started:.3f} s")


if __name__ == "__main__":
    main()
