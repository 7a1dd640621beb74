"""One deliverer per database: the process that may finish posts other processes claimed.

A post claimed but never confirmed (its process was killed mid-send) is finished by recovery. Only
one process may recover at a time, or it could resend a post another live process is still pacing
out. An OS file lock beside the database decides which: `peerbot run` holds it for its whole life;
`peerbot tick` (from cron) takes it if it is free, so a tick after a killed tick finishes the dead
one's posts, and a tick beside a running bot leaves them to the bot. The OS drops the lock when its
process dies, however it dies, so a kill -9 never leaves it stuck.

On PostgreSQL (`PEERBOT_DATABASE_URL`) the workers may be on different machines, so the lock is the
database's instead: a session advisory lock on a connection kept open for the purpose. PostgreSQL
drops it when that session ends, which it does when the process dies, however it dies.
"""
from __future__ import annotations

import fcntl
import os
from typing import Any

# The advisory lock's key on PostgreSQL: fixed, and apart from storage.postgres_schema's.
DELIVERER_LOCK = 0x70656572626F75


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


class PostgresDelivererLock:
    """`DelivererLock` for a PostgreSQL database: the same acquire and release."""

    def __init__(self, url: str):
        self.url = url
        self._conn: Any = None

    def acquire(self) -> bool:
        import psycopg

        conn = psycopg.connect(self.url, autocommit=True, application_name="peerbot deliverer")
        if not conn.execute("select pg_try_advisory_lock(%s)", [DELIVERER_LOCK]).fetchone()[0]:
            conn.close()
            return False
        self._conn = conn
        return True

    def release(self) -> None:
        if self._conn is not None:
            # Unlocked before closing: closing alone lets the server end the session (and drop the
            # lock) a moment later, so the next process to ask could still find it held.
            try:
                self._conn.execute("select pg_advisory_unlock(%s)", [DELIVERER_LOCK])
            finally:
                self._conn.close()
                self._conn = None


def deliverer_lock(settings: Any) -> DelivererLock | PostgresDelivererLock:
    """The deliverer lock for the database the settings name."""
    if settings.database_url is not None:
        return PostgresDelivererLock(settings.database_url.get_secret_value())
    return DelivererLock(settings.db)
