"""The core's error tree. Adapters catch `PeerbotError`; anything else is a bug.

    PeerbotError
    ├── UserError            a mistake the person can fix: shown privately, kindly, as is
    │   ├── NotAllowed       the command needs a facilitator or an admin
    │   └── NotUnderstood    the bot could not parse the request (says what it understood)
    ├── ContentError         content/ failed validation (lists every problem)
    └── DeliveryError        the platform would not take a message
        ├── RateLimited      try again after `retry_after` seconds
        ├── Unavailable      the platform failed (5xx, timeout); retry with backoff
        └── Refused          the platform said no for a reason the bot can explain (`bot.delivery.reach`)

Bugs are logged with a request id; the person sees a short apology with that id, never `str(e)`.
"""
from __future__ import annotations


class PeerbotError(Exception):
    """Base of every error the core raises on purpose."""


class UserError(PeerbotError):
    """Something the person can fix; the message is written for them."""


class NotAllowed(UserError):
    pass


class NotUnderstood(UserError):
    pass


class ContentError(PeerbotError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(f"{len(problems)} content problem(s):\n" + "\n".join(problems))


class DeliveryError(PeerbotError):
    pass


class RateLimited(DeliveryError):
    def __init__(self, retry_after: float):
        self.retry_after = retry_after
        super().__init__(f"rate limited; retry after {retry_after}s")


class Unavailable(DeliveryError):
    pass


# What a storage failure means for the person, by the SQLite result name (`sqlite_errorname`, which
# Python's sqlite3 errors carry) or the OS errno, read by duck typing so the core imports no storage.
_STORAGE = {"SQLITE_FULL": "is full", "SQLITE_BUSY": "is busy with another program",
            "SQLITE_LOCKED": "is busy with another program", "SQLITE_READONLY": "cannot be written to",
            "SQLITE_IOERR": "could not be read or written", "SQLITE_CANTOPEN": "could not be opened"}


# The same for PostgreSQL, by SQLSTATE (which psycopg's errors carry as `sqlstate`), longest first.
_SQLSTATE = {"53100": "is full", "25006": "cannot be written to", "40P01": "is busy with another program",
             "40001": "is busy with another program", "55P03": "is busy with another program",
             "53300": "is busy with another program", "57P": "could not be reached", "08": "could not be reached"}


def storage_problem(error: BaseException) -> str | None:
    """"is full", "is busy with another program"…, when `error` is the storage failing; else None."""
    name = getattr(error, "sqlite_errorname", "") or ""
    for prefix, meaning in _STORAGE.items():
        if name.startswith(prefix):
            return meaning
    if type(error).__module__.split(".")[0] in ("psycopg", "psycopg_pool"):
        state = getattr(error, "sqlstate", None) or ""
        for prefix, meaning in _SQLSTATE.items():
            if state.startswith(prefix):
                return meaning
        if not state and type(error).__name__ in ("OperationalError", "PoolTimeout"):
            return "could not be reached"  # no server, a refused login, no free connection in time
    if isinstance(error, OSError) and error.errno == 28:  # ENOSPC
        return "is full"
    return None


class Refused(DeliveryError):
    """A permanent refusal with a known reason (`bot.delivery.reach.REASONS`): not in the channel, no
    permission, archived, gone. Sending again changes nothing until a person does something."""

    def __init__(self, reason: str, detail: str = ""):
        self.reason = reason
        super().__init__(f"refused: {reason}" + (f" ({detail})" if detail else ""))
