"""Atomic file writes: a reader never sees half a file, a killed run leaves none behind."""

from __future__ import annotations

import itertools
import os
import stat
from collections.abc import Iterable, Mapping
from pathlib import Path

from broadcast.errors import UnusableInput

# Temporary names: unique within a process by the counter, across processes by the pid; a
# name left by a killed process is passed over (O_EXCL), never written into.
_serial = itertools.count()


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write one file as `write_all_atomic` does."""
    write_all_atomic({Path(path): data})


def write_all_atomic(files: Mapping[Path, str | bytes]) -> None:
    """Write each file to a temporary file beside it, flush them all to disk, then rename
    each over its target.

    The temporary files are `.NAME.PID-N.part`, created with the mode open() gives (0666
    less the umask). Flushing them together lets the file system commit them at once, and
    a script's files appear together: when one cannot be written (a full disk), none is
    renamed. An OSError names the target, not its temporary file.
    """
    pending: list[tuple[Path, Path]] = []  # (temporary file, target) not yet renamed
    handles: list[int] = []
    target = None  # the file being written, named in an OSError in place of its temporary file
    try:
        try:
            for target, data in files.items():
                tmp, fd = _create_beside(Path(target))
                pending.append((tmp, Path(target)))
                handles.append(fd)
                view = memoryview(data.encode("utf-8") if isinstance(data, str) else data)
                while view:
                    view = view[os.write(fd, view):]
            for fd, (_, target) in zip(handles, pending):
                os.fsync(fd)
        finally:
            for fd in handles:
                os.close(fd)
        while pending:
            tmp, target = pending[0]
            os.replace(tmp, target)
            pending.pop(0)
    except OSError as exc:
        exc.filename, exc.filename2 = str(target), None
        raise
    finally:
        for tmp, _ in pending:
            tmp.unlink(missing_ok=True)


def _create_beside(path: Path) -> tuple[Path, int]:
    while True:
        tmp = path.with_name(f".{path.name}.{os.getpid()}-{next(_serial)}.part")
        try:
            return tmp, os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
        except FileExistsError:
            continue


def read_regular(path: Path, limit: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most `limit` bytes; UnusableInput saying why not.

    The file is opened without waiting (a FIFO nobody writes to would block forever) and
    checked before it is read: a folder, a pipe or a device (`/dev/zero` never ends) is
    refused, and no more than `limit` bytes are ever read. `what` names the file in the
    messages ("script", "word-timing file").
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except IsADirectoryError:
        raise UnusableInput(f"{path}: is a folder, not a {what}") from None
    except OSError as exc:
        raise UnusableInput(f"{path}: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise UnusableInput(f"{path}: is a folder, not a {what}")
        if not stat.S_ISREG(info.st_mode):
            raise UnusableInput(f"{path}: is not a regular file (a pipe, socket or device); "
                                f"save the {what} as a file first")
        if info.st_size > limit:
            raise UnusableInput(f"{path}: the file has {info.st_size:,} bytes; a {what} has at most {limit:,}")
        chunks, size = [], 0
        while size <= limit:  # a file that grows while it is read stops at the limit too
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:
            raise UnusableInput(f"{path}: the file has more than {limit:,} bytes; a {what} has at most {limit:,}")
        return b"".join(chunks)
    except OSError as exc:
        raise UnusableInput(f"{path}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def directory_entry(path: Path) -> Path:
    """The directory entry a path names (its folder resolved, the name itself not followed)."""
    path = Path(path)
    return path.absolute().parent.resolve() / path.name


def _identity(path: Path, follow: bool) -> tuple[int, int] | None:
    try:
        info = os.stat(path) if follow else os.lstat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def replaced_input(targets: Iterable[Path], inputs: Mapping[Path, str]) -> tuple[Path, Path, str] | None:
    """The first target whose writing would replace an input file, with that input and what
    it is ("script", "word-timing file"); None when no target touches an input.

    Two names are one file when their directory entries are the same (folders resolved) or
    when they are the same file on disk (device and inode: a hard link, another spelling on
    a case-insensitive file system, a bind mount)."""
    entries = {directory_entry(p): (p, what) for p, what in inputs.items()}
    identities = {}
    for p, what in inputs.items():
        identity = _identity(p, follow=True)
        if identity is not None:
            identities[identity] = (p, what)
    for target in targets:
        found = entries.get(directory_entry(target)) or identities.get(_identity(target, follow=False))
        if found is not None:
            return Path(target), *found
    return None
