"""How the tool words what it counts, in every message and summary: `1 file`, `2 files`."""


def count(n: int, noun: str, plural: str | None = None) -> str:
    """`n` and the noun, singular for one: `1 file`, `0 breaches` (with plural="breaches")."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
