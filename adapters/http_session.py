"""One HTTP session per platform: every Web API and webhook call of a platform shares one
`aiohttp.ClientSession`, and so one pool of kept-alive connections.

slack-sdk opens a new session, and a new TCP connection, for every call when given none; at a
steady rate of questions that was a third of the Slack endpoint's CPU (issue 22). The session is
made on first use inside the running event loop (aiohttp wants that), so `peerbot run` opens it at
start and `peerbot tick` only when it has something to send; `close` ends it at stop.
"""
from __future__ import annotations

import aiohttp


class SharedSession:
    def __init__(self) -> None:
        self._session: aiohttp.ClientSession | None = None

    def get(self) -> aiohttp.ClientSession:
        """The session, opened now if there is none (call it from inside the event loop)."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession()
        return self._session

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None
