"""Cache files beside the content: written whole or not at all, and only the newest kept.

The parsed content, the search index, the answerer's readings and the retriever's model are each
saved under a name that carries a hash of what they were made from, so a stale file is never read;
this writes one such file and drops the files of earlier content.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from types import ModuleType


def digest(version: str, *modules: ModuleType) -> "hashlib._Hash":
    """A hash begun with `version` and the source of each of `modules` (the code that makes a cache
    file), so that an edit to that code names a new file rather than reading a stale one; the caller
    adds what the file is made from."""
    found = hashlib.sha256(version.encode())
    for module in modules:
        assert module.__file__ is not None  # modules loaded from source files
        found.update(Path(module.__file__).read_bytes())
    return found


def save(path: Path, text: str | bytes, earlier: str) -> bool:
    """Write `text` (UTF-8) or bytes to `path` through a temporary file (a reader never sees half of
    it), then delete the other files in its folder matching the glob `earlier`. A folder that cannot
    be written is no error: the caller keeps what it made in memory. Returns whether it was written."""
    data = text.encode() if isinstance(text, str) else text
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=path.suffix + ".tmp")
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
        for old in path.parent.glob(earlier):  # made from earlier content: of no further use
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        return False  # a read-only install works from memory every time
    return True
