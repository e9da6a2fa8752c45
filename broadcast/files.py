"""Files in and out: atomic sets of deliverables, the folder lock, and bounded reads.

Writes: a reader never sees half a file, a set of files replaces the previous set whole or
not at all, a killed run leaves no file behind but hidden `.part` files the next build
removes. Reads: only regular files, never more than a limit.
"""

from __future__ import annotations

import errno
import itertools
import os
import shutil
import signal
import stat
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from broadcast.errors import UnusableInput

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; builds into one folder are the user's to order
    fcntl = None

# Temporary names: unique within a process by the counter, across processes by the pid; a
# name left by a killed process is passed over (O_EXCL), never written into.
_serial = itertools.count()
#: bytes of a deliverable's name kept in its temporary names, so that a name near the file
#: system's limit of 255 bytes still has room for the rest
TEMP_NAME_BYTES = 64
#: the lock file of an output folder (see `folder_lock`)
LOCK_NAME = ".broadcast.lock"


def temp_prefix(name: str) -> str:
    """The part of a deliverable's name its temporary files carry: `.NAME.` shortened."""
    short = name.encode("utf-8")[:TEMP_NAME_BYTES].decode("utf-8", errors="ignore")
    return f".{short}."


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write one file as `write_all_atomic` does."""
    write_all_atomic({Path(path): data})


def write_all_atomic(files: Mapping[Path, str | bytes]) -> None:
    """Write each file to a temporary file beside it, flush them all to disk, then rename
    each over its target: the set replaces the files before it whole, or not at all.

    The temporary files are `.NAME.PID-N.part` (NAME cut to `TEMP_NAME_BYTES`), created
    with the mode open() gives (0666 less the umask). Flushing them together lets the file
    system commit them at once; when one cannot be written (a full disk), none is renamed.
    Each file it replaces is kept under a hard link until the set is in place: when a
    rename fails half way (a folder where a file should go), the files already renamed are
    put back as they were. An OSError names the target, not its temporary file.
    """
    pending: list[tuple[Path, Path]] = []  # (temporary file, target) not yet renamed
    done: list[tuple[Path, Path | None]] = []  # (target, the file it replaced, kept aside)
    handles: list[int] = []
    target = None  # the file being written, named in an OSError in place of its temporary file
    try:
        try:
            for target, data in files.items():
                with signals_held():  # a file created is a file known, to be removed
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
        try:
            while pending:
                tmp, target = pending[0]
                with signals_held():  # each file either replaced and recorded, or neither
                    kept = _keep_aside(target)
                    try:
                        os.replace(tmp, target)
                    except BaseException:
                        if kept is not None:
                            kept.unlink(missing_ok=True)
                        raise
                    done.append((target, kept))
                    pending.pop(0)
        except BaseException:
            with signals_held():
                _roll_back(done)
            raise
        with signals_held():
            for _, kept in done:
                if kept is not None:
                    kept.unlink(missing_ok=True)
    except OSError as exc:
        exc.filename, exc.filename2 = str(target), None
        raise
    finally:
        with signals_held():
            for tmp, _ in pending:
                tmp.unlink(missing_ok=True)


def _keep_aside(target: Path) -> Path | None:
    """A hard link to the file at `target` under a temporary name, or None when there is no
    file there (or it is a folder, which the rename will refuse)."""
    try:
        if stat.S_ISDIR(os.lstat(target).st_mode):
            return None
    except FileNotFoundError:
        return None
    while True:
        kept = target.with_name(f"{temp_prefix(target.name)}{os.getpid()}-{next(_serial)}.part")
        try:
            os.link(target, kept, follow_symlinks=False)
            return kept
        except FileExistsError:
            continue
        except OSError:  # a file system without hard links: a copy does the same, slower
            shutil.copy2(target, kept, follow_symlinks=False)
            return kept


def _roll_back(done: list[tuple[Path, Path | None]]) -> None:
    """Put back what a half-renamed set replaced: the kept file, or no file where there was none."""
    for target, kept in reversed(done):
        try:
            if kept is None:
                target.unlink(missing_ok=True)
            else:
                os.replace(kept, target)
        except OSError:
            pass  # the rest are still put back; the error that stopped the set is raised


def _create_beside(path: Path) -> tuple[Path, int]:
    while True:
        tmp = path.with_name(f"{temp_prefix(path.name)}{os.getpid()}-{next(_serial)}.part")
        try:
            return tmp, os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
        except FileExistsError:
            continue


@contextmanager
def signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM back while cleaning up (temporary files, a work folder), so a
    signal cannot cut the clean-up short; one that came meanwhile acts as soon as it is done."""
    held = {signal.SIGINT, signal.SIGTERM}
    try:
        before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    except (AttributeError, ValueError):  # no signal masks here, or not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold the output folder's lock: one build writes a folder at a time, so two sets never
    mix, and a second build is refused at once, in one line (exit 2).

    The lock is an advisory lock on `LOCK_NAME` in the folder, which the system drops when
    the process ends however it ends; the file is removed when the lock is let go (a build
    killed with -9 leaves it, empty of meaning, for the next build to take). A lock taken on
    a file another build has just removed is let go and taken again on the new file."""
    if fcntl is None:
        yield
        return
    path = Path(folder) / LOCK_NAME
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
        except OSError as exc:
            raise UnusableInput(f"cannot write in {folder}: {exc.strerror or exc}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            holder = os.pread(fd, 32, 0).decode("ascii", errors="ignore").strip()
            os.close(fd)
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise UnusableInput(f"cannot lock {folder}: {exc.strerror or exc}") from None
            raise UnusableInput(f"another build (process {holder or 'unknown'}) is writing to {folder}; "
                                f"wait for it to finish or write to another folder") from None
        if _identity(path, follow=False) == (os.fstat(fd).st_dev, os.fstat(fd).st_ino):
            break
        os.close(fd)  # the file was removed by the build that had it: take the new one
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        try:
            path.unlink()  # while still holding it, so no one takes a lock on a removed file
        except OSError:
            pass
        os.close(fd)


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
    it is ("the word-timing file"); None when no target touches an input.

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
