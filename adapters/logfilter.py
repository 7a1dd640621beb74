"""No request body, user text or user id in any log line that a library writes.

slack-bolt logs the whole body of a request whose signature fails, at INFO (20 unauthenticated
1 MiB requests added 21 MB to the log, and a raw newline in a body forged a log line of its own);
with a stale timestamp it logged the user's id and what they typed; "Unhandled request" warnings
and slack-sdk's DEBUG lines carry bodies too. peerbot's own log lines never include them (they name
keys, counts and error codes), so this cuts the libraries' lines instead, at the moment each record
is made: before the first `{`, `body`, `payload`, `text=` or `user`, at most 200 characters, on one
line. That holds for every handler, at every level, whoever configured logging; a record factory
rather than a handler filter, because a filter on a handler misses handlers added later (pytest's)
and one on a logger misses its children (`slack_bolt.AsyncApp`, ...).
"""
from __future__ import annotations

import logging
import re

LIBRARIES = ("slack_bolt", "slack_sdk", "slack", "aiohttp", "discord", "apscheduler", "asyncio", "websockets",
             "microsoft_teams", "httpx", "httpcore")

CUT = re.compile(r"\{|\bbody|payload|\btext=|\buser|\bevent\b|\bcommand=", re.IGNORECASE)
LONGEST = 200
_installed = False


def clipped(message: str) -> str:
    """A library's log message without anything that may come from a request, on one line."""
    found = CUT.search(message)
    if found:
        message = message[:found.start()].rstrip(" ,:(") + " [request details not logged]"
    message = message.replace("\r", " ").replace("\n", " ")
    return message if len(message) <= LONGEST else message[:LONGEST] + "…"


def _from_library(name: str) -> bool:
    return any(name == lib or name.startswith(lib + ".") for lib in LIBRARIES)


def _malformed_http(record: logging.LogRecord) -> bool:
    if record.name != "aiohttp.server" or not record.exc_info:
        return False
    from aiohttp.http_exceptions import HttpProcessingError

    return isinstance(record.exc_info[1], HttpProcessingError)


def install() -> None:
    """Clip every library log record from now on (safe to call more than once)."""
    global _installed
    if _installed:
        return
    make = logging.getLogRecordFactory()

    def factory(*args, **kwargs) -> logging.LogRecord:
        record = make(*args, **kwargs)
        if _malformed_http(record):
            # aiohttp answers a request whose HTTP itself is broken (a control character in a
            # header, a bad chunk) with 400 and logs a traceback at ERROR; that is the caller's
            # mistake, not ours: one WARNING line, no traceback.
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.exc_info, record.exc_text = None, None
            record.msg, record.args = "refused a malformed HTTP request with 400", ()
        elif _from_library(record.name):
            try:
                message = record.getMessage()
            except Exception:  # noqa: BLE001 - a malformed library format string: keep the bare template
                message = str(record.msg)
            record.msg, record.args = clipped(message), ()
        return record

    logging.setLogRecordFactory(factory)
    _installed = True
