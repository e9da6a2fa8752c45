"""Reading the files a command is given, with their limits: a script (or `-`, standard
input) as normalised text, any other input as bytes. Below both the command line and the
batch runner, so that each can read a script without importing the other."""

from __future__ import annotations

import sys
from pathlib import Path

from broadcast.errors import UnusableInput

#: the path that names standard input, as every filter takes it
STDIN = "-"
#: the largest script read: well over ten hours of speech (an hour is about 60 KB); a bigger
#: file is a log or a dump, not a script, and would keep a batch busy for minutes
MAX_SCRIPT_BYTES = 1_000_000
#: any other input read whole (a subtitle file to check): more is no file a newsroom makes
MAX_INPUT_BYTES = 20_000_000


def is_stdin(path: Path | str) -> bool:
    return str(path) == STDIN


def path_argument(value: str) -> Path:
    """A path from the command line: `-` is the standard stream; `./-`, which Path would
    shorten to `-`, stays a file of that name."""
    path = Path(value)
    return path if value == STDIN or not is_stdin(path) else Path.cwd() / value


def _read_stdin(limit: int | None = None) -> bytes:
    stream = sys.stdin.buffer
    return stream.read() if limit is None else stream.read(limit)


def read_input(path: Path, notes: list[str] | None = None) -> str:
    """The normalised text of a script file, or of standard input when the path is `-`: a
    regular file under the size limit (never a pipe or device that could block or never end).
    What reading repaired (stray bytes) is added to `notes`, or warned about when no list is
    given."""
    from broadcast.reading import read_script_noted
    name = "standard input" if is_stdin(path) else path
    data = read_bytes(path, "script", MAX_SCRIPT_BYTES)
    try:
        text, found = read_script_noted(data)
    except UnusableInput as exc:
        raise UnusableInput(f"{name}: {exc}") from None
    if notes is None:
        from broadcast.errors import printable
        for note in found:
            print(printable(f"broadcast: warning: {note}"), file=sys.stderr)
    else:
        notes.extend(found)
    return text


def read_bytes(path: Path, what: str = "file", limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of an input file (a script, a timing file, a subtitle file) or of standard
    input, at most `limit` of them."""
    from broadcast.files import read_regular
    if not is_stdin(path):
        return read_regular(path, limit, what)
    data = _read_stdin(limit + 1)
    if len(data) > limit:  # standard input is read no further than the limit: its size is not known
        raise UnusableInput(f"standard input: more than {limit:,} bytes; a {what} has at most {limit:,}")
    return data
