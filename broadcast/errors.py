"""The exceptions the pipeline raises, which the CLI turns into a one-line message, and the
exit status each outcome has."""

from __future__ import annotations

#: exit status: done; `check` found breaches, a batch had a failed script, or an internal
#: error; unusable input or arguments
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class BroadcastError(Exception):
    """Base of every error the tool reports to its user."""


class UnusableInput(BroadcastError):
    """The input cannot be read as a script, timing file or subtitle file (exit 2)."""


class UnknownProfile(UnusableInput):
    """A --profile name with no style profile behind it."""


class BeyondFormat(UnusableInput):
    """A build that one output format cannot hold (ASS times stop before ten hours); the
    other formats can, and a full build writes them without it."""


class DoubtfulReading(BroadcastError):
    """`--strict`: the segmenter was unsure of its reading (exit 1, nothing written)."""

    def __init__(self, doubts: tuple[str, ...]):
        super().__init__(f"--strict: the reading is in doubt ({len(doubts)}): {'; '.join(doubts)}; "
                         f"see `broadcast segment --explain`")


def printable(message: str) -> str:
    """A message safe to print on one line: a file name's newline, tab or terminal escape
    (ESC, C1 controls, bidirectional overrides) is shown as its Python escape, never obeyed."""
    if message.isprintable():
        return message
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in message)
