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


def read_input(path: Path) -> str:
    """The normalised text of a script file, or of standard input when the path is `-`."""
    from broadcast.reading import read_script
    name = "standard input" if is_stdin(path) else path
    try:
        if is_stdin(path):
            data = _read_stdin(MAX_SCRIPT_BYTES + 1)
        else:
            with path.open("rb") as handle:
                data = handle.read(MAX_SCRIPT_BYTES + 1)
        if len(data) > MAX_SCRIPT_BYTES:
            # standard input is read no further than the limit: its size is not known
            size = f"more than {MAX_SCRIPT_BYTES:,}" if is_stdin(path) else \
                f"{max(path.stat().st_size, len(data)):,}"
            raise UnusableInput(f"{name}: the file has {size} bytes; a script has at most "
                                f"{MAX_SCRIPT_BYTES:,}")
    except IsADirectoryError:
        raise UnusableInput(f"{path}: is a folder, not a script") from None
    except OSError as exc:
        raise UnusableInput(f"{name}: {exc.strerror or exc}") from None
    try:
        return read_script(data)
    except UnusableInput as exc:
        raise UnusableInput(f"{name}: {exc}") from None


def read_bytes(path: Path, what: str = "file") -> bytes:
    """The bytes of an input file (a timing file, a subtitle file), or of standard input."""
    if is_stdin(path):
        return _read_stdin()
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise UnusableInput(f"{path}: is a folder, not a {what}") from None
    except OSError as exc:
        raise UnusableInput(f"{path}: {exc.strerror or exc}") from None
