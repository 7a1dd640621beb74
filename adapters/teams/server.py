"""The Teams SDK's HTTP server adapter on aiohttp.

The SDK serves its messaging endpoint through a small `HttpServerAdapter` protocol (register a
route, start, stop) and ships one for FastAPI on uvicorn. peerbot already runs on aiohttp (Slack's
HTTP mode, discord.py), and uvicorn would bring its own signal handling into the shared event
loop, so this adapter hosts the SDK's route, with the SDK's own JWT validation in front of it, on
an aiohttp site instead. It only moves bytes: the SDK decides what a request means.
"""
from __future__ import annotations

import logging
from typing import Any

from aiohttp import web

log = logging.getLogger("peerbot.teams")
MAX_BODY = 1024 * 1024  # an activity is a few KB; refuse anything absurd before parsing it


class AiohttpServer:
    def __init__(self, host: str = "0.0.0.0"):
        self.host = host
        self.app = web.Application(client_max_size=MAX_BODY)
        self.runner: web.AppRunner | None = None
        self.port: int | None = None

    def register_route(self, method: str, path: str, handler: Any) -> None:
        async def route(request: web.Request) -> web.StreamResponse:
            try:
                body = await request.json()
            except ValueError:
                return web.json_response({"error": "the body is not JSON"}, status=400)
            if not isinstance(body, dict):
                return web.json_response({"error": "the body is not an activity"}, status=400)
            result = await handler({"body": body, "headers": dict(request.headers)})
            status, payload = int(result.get("status", 200)), result.get("body")
            return web.json_response(payload, status=status) if payload is not None else web.Response(status=status)

        self.app.router.add_route(method, path, route)

    def serve_static(self, path: str, directory: str) -> None:  # the SDK's tabs: peerbot has none
        return None

    async def start(self, port: int) -> None:
        self.runner = web.AppRunner(self.app, access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, self.host, port)
        await site.start()
        sockets = site._server.sockets if site._server is not None else []  # noqa: SLF001 - the bound port
        self.port = sockets[0].getsockname()[1] if sockets else port

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()
            self.runner = None
