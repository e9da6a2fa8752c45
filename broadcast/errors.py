"""The exceptions the pipeline raises; the CLI turns each into a one-line message."""

from __future__ import annotations


class BroadcastError(Exception):
    """Base of every error the tool reports to its user."""


class UnusableInput(BroadcastError):
    """The input cannot be read as a script, timing file or subtitle file (exit 2)."""


class UnknownProfile(UnusableInput):
    """A --profile name with no style profile behind it."""


class BeyondFormat(UnusableInput):
    """A build that one output format cannot hold (ASS times stop before ten hours); the
    other formats can, and a full build writes them without it."""


def printable(message: str) -> str:
    """A message safe to print on one line: a file name's newline, tab or terminal escape
    (ESC, C1 controls, bidirectional overrides) is shown as its Python escape, never obeyed."""
    if message.isprintable():
        return message
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in message)
