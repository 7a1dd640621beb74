"""One deliverer per database: the process that may finish posts other processes claimed.

A post claimed but never confirmed (its process was killed mid-send) is finished by recovery. Only
one process may recover at a time, or it could resend a post another live process is still pacing
out. An OS file lock beside the database decides which: `peerbot run` holds it for its whole life;
`peerbot tick` (from cron) takes it if it is free, so a tick after a killed tick finishes the dead
one's posts, and a tick beside a running bot leaves them to the bot. The OS drops the lock when its
process dies, however it dies, so a kill -9 never leaves it stuck.
"""
from __future__ import annotations

import fcntl
import os


class DelivererLock:
    def __init__(self, db_path: str):
        # Beside the file itself, not the path given: through a symlink or a relative path two
        # processes on one database would otherwise lock two different files and both deliver.
        self.path = None if db_path == ":memory:" else f"{os.path.realpath(db_path)}.deliverer"
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock without waiting; True if this process is now the deliverer."""
        if self.path is None:
            return True  # an in-memory database has no other process
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
