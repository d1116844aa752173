"""Files orat writes: every one readable by its owner only (0600), whatever the umask and also
when the file was there before. One place for it, used by the database, backups, handoff
files, exports and saved templates."""

from __future__ import annotations

import os
from pathlib import Path


def create_private(path: str | Path) -> int:
    """A new file (it must not exist yet), open for writing, mode 0600; returns its fd."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    if hasattr(os, "fchmod"):  # not on Windows before Python 3.13
        os.fchmod(fd, 0o600)
    return fd


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def write_private(path: str | Path, data: bytes | str) -> None:
    """Write `data` to `path` (created or replaced), mode 0600."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)
        write_all(fd, raw)
    finally:
        os.close(fd)


def fsync_dir(folder: str | Path) -> None:
    """Make a rename in `folder` durable (best effort: not every system allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
