"""A fake Bot Connector (and the two Microsoft Graph routes peerbot reads) on 127.0.0.1.

It answers what the Teams SDK calls: `POST /v3/conversations` (open a personal chat),
`POST /v3/conversations/{id}/activities` (send), `PUT /v3/conversations/{id}/activities/{aid}`
(update a card), and Graph's `GET /graph/teams/{id}/members` and
`GET /graph/groups/{id}/transitiveMembers`. It records every request, hands out numeric activity
ids as Teams does, and takes injected faults: the next matching request answers 429 with a
Retry-After, a 5xx, or 403/404 (the bot was removed). A conversation marked `removed` answers 403.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import re
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

TENANT = "72f988bf-0000-4000-8000-000000000001"
TEAM_AAD = "0b9f6c4e-0000-4000-8000-00000000aa01"
TEAM_ID = "19:team-general@thread.tacv2"
GENERAL = "19:team-general@thread.tacv2"
OTHER_CHANNEL = "19:second-channel@thread.tacv2"
GROUP_CHAT = "19:group-chat-1@thread.v2"
FACILITATOR_GROUP = "5e0f0d00-0000-4000-8000-00000000f001"
APP_ID = "00000000-0000-4000-8000-0000000b0711"
BOT = {"id": f"28:{APP_ID}", "name": "peerbot"}


@dataclass
class Call:
    method: str
    path: str
    json: Any
    headers: dict[str, str]


@dataclass
class Fault:
    method: str
    pattern: str
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    times: int = 1


class FakeConnector:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.faults: list[Fault] = []
        self.removed: set[str] = set()
        self.owners: dict[str, list[str]] = {TEAM_AAD: []}  # team group id -> owners' Entra ids
        self.group_members: dict[str, list[str]] = {FACILITATOR_GROUP: []}
        self.ids = itertools.count(1700000000001)
        self.sent: dict[str, dict[str, Any]] = {}  # activity id -> the activity as last sent or updated
        self.runner: web.AppRunner | None = None
        self.url = ""

    async def start(self) -> "FakeConnector":
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self.handle)
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # noqa: SLF001
        self.url = f"http://127.0.0.1:{port}"
        return self

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()

    @property
    def graph(self) -> str:
        return f"{self.url}/graph"

    def inject(self, method: str, pattern: str, status: int, retry_after: float | None = None, times: int = 1) -> None:
        headers = {"Retry-After": str(retry_after)} if retry_after is not None else {}
        self.faults.append(Fault(method, pattern, status, headers, times))

    def _fault(self, method: str, path: str) -> Fault | None:
        for fault in self.faults:
            if fault.method == method and re.search(fault.pattern, path) and fault.times > 0:
                fault.times -= 1
                return fault
        return None

    async def handle(self, request: web.Request) -> web.StreamResponse:
        path = request.path
        body = await request.json() if request.can_read_body else None
        self.calls.append(Call(request.method, path, body, dict(request.headers)))
        fault = self._fault(request.method, path)
        if fault is not None:
            return web.json_response({"error": {"code": "Injected", "message": "injected"}}, status=fault.status,
                                     headers=fault.headers)
        if path.startswith("/graph/"):
            return self._graph(path)
        match = re.fullmatch(r"/v3/conversations/([^/]+)/activities(?:/([^/]+))?", path)
        if match:
            conversation = match[1].split(";")[0]
            if conversation in self.removed:
                return web.json_response({"error": {"code": "BotNotInConversationRoster"}}, status=403)
            activity_id = match[2] if request.method == "PUT" else str(next(self.ids))
            self.sent[activity_id] = {**(body or {}), "conversation": {"id": match[1]}, "id": activity_id}
            return web.json_response({"id": activity_id})
        if path == "/v3/conversations" and request.method == "POST":
            member = (body.get("members") or [{}])[0].get("id", "")
            return web.json_response({"id": f"a:personal-{member}", "serviceUrl": self.url})
        return web.json_response({"error": "no such route"}, status=404)

    def _graph(self, path: str) -> web.Response:
        match = re.fullmatch(r"/graph/teams/([^/]+)/members", path)
        if match:
            owners = self.owners.get(match[1], [])
            value = [{"userId": o, "roles": ["owner"]} for o in owners]
            return web.json_response({"value": value})
        match = re.fullmatch(r"/graph/groups/([^/]+)/transitiveMembers", path)
        if match:
            return web.json_response({"value": [{"id": m} for m in self.group_members.get(match[1], [])]})
        return web.json_response({"error": "no such route"}, status=404)

    # -- what tests read -----------------------------------------------------------------------
    def posted(self, since: int = 0) -> list[Call]:
        """Activities sent (not updates), after the first `since` calls."""
        return [c for c in self.calls[since:] if c.method == "POST" and c.path.endswith("/activities")]

    def updates(self, since: int = 0) -> list[Call]:
        return [c for c in self.calls[since:] if c.method == "PUT"]

    async def wait_for(self, predicate, timeout: float = 5.0):
        async def poll():
            while not (result := predicate()):
                await asyncio.sleep(0.005)
            return result
        return await asyncio.wait_for(poll(), timeout)


def conversation_of(call: Call) -> str:
    return call.path.split("/")[3]


def card_of(activity: dict) -> dict | None:
    for attachment in activity.get("attachments") or []:
        if attachment.get("contentType") == "application/vnd.microsoft.card.adaptive":
            return attachment["content"]
    return None


def text_of(activity: dict) -> str:
    """Everything a person would read in an activity: its text and every TextBlock and fact."""
    parts = [activity.get("text") or ""]

    def walk(value: Any) -> None:
        if isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            if value.get("type") == "TextBlock":
                parts.append(value.get("text", ""))
            if value.get("type") == "FactSet":
                parts.extend(f"{f['title']} {f['value']}" for f in value.get("facts", []))
            if value.get("type", "").startswith("Action."):
                parts.append(f"[{value.get('title', '')}]")
            for v in value.values():
                walk(v)

    walk(card_of(activity) or {})
    return "\n".join(p for p in parts if p)


def buttons_of(activity: dict) -> dict[str, dict]:
    """Button title -> its Action.Submit data."""
    found: dict[str, dict] = {}

    def walk(value: Any) -> None:
        if isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            if value.get("type") == "Action.Submit":
                found[value.get("title", "")] = value.get("data", {})
            for v in value.values():
                walk(v)

    walk(card_of(activity) or {})
    return found


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
