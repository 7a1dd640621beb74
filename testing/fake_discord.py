"""A fake Discord on 127.0.0.1: enough of the REST API and the gateway for discord.py to log in,
connect, receive events and answer them, with every request recorded.

It behaves like Discord where peerbot relies on it: JSON with Content-Type application/json,
interaction callbacks with `?with_response=1`, follow-ups through the interaction webhook, a
message's `nonce` enforced (`enforce_nonce`) and echoed on the gateway but absent from history,
threads started from a message sharing its id, 404 for unknown channels. `script` makes the next
matching requests fail (429 with `Via`, 5xx, 403…) to exercise the error paths.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

APP_ID = 900000000000000001
BOT_ID = 900000000000000001
GUILD_ID = 800000000000000001
OWNER_ID = 700000000000000009
GENERAL = 810000000000000001
CIRCLE = 810000000000000002
FACILITATOR_ROLE = 820000000000000001
BOT_USER = {"id": str(BOT_ID), "username": "peerbot", "discriminator": "0", "global_name": "peerbot",
            "avatar": None, "bot": True, "flags": 0}
DISCORD_EPOCH = 1420070400000


@dataclass
class Call:
    method: str
    path: str
    query: dict[str, str]
    body: Any

    @property
    def json(self) -> Any:
        return self.body


@dataclass
class Script:
    method: str
    path: re.Pattern[str]
    status: int
    body: Any
    headers: dict[str, str]
    times: int
    commit: bool  # do the work, then answer with the failure (a response lost after the fact)


@dataclass
class Channel:
    id: int
    type: int = 0
    name: str = "general"
    parent_id: int | None = None
    messages: list[dict[str, Any]] = field(default_factory=list)


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # discord.py parses JSON only when the Content-Type is exactly application/json.
    return web.Response(status=status, body=json.dumps(data).encode(),
                        headers={"Content-Type": "application/json", **(headers or {})})


def _numbered(components: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Components as Discord stores them: each with a numeric `id`, given in order from 1 where the
    sender set none (Components reference, "Anatomy of a Component")."""
    taken = {c.get("id") for row in components for c in [row, *row.get("components", [])]}
    ids = (n for n in itertools.count(1) if n not in taken)
    out = []
    for row in components:
        inner = [{**c, "id": c.get("id") or next(ids)} for c in row.get("components", [])]
        out.append({**row, "id": row.get("id") or next(ids), "components": inner})
    return out


def _edit(message: dict[str, Any], body: dict[str, Any]) -> None:
    message.update({k: v for k, v in body.items() if k in ("content", "embeds")})
    if "components" in body:
        message["components"] = _numbered(body["components"] or [])


def _error(status: int, code: int, message: str) -> web.Response:
    return _json({"code": code, "message": message}, status)


class FakeDiscord:
    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.scripts: list[Script] = []
        self.channels: dict[int, Channel] = {GENERAL: Channel(GENERAL, name="general"),
                                             CIRCLE: Channel(CIRCLE, name="peer-circle")}
        self.messages: dict[int, dict[str, Any]] = {}
        self.interactions: dict[str, dict[str, Any]] = {}  # token -> interaction payload
        self.commands: dict[str, list[dict[str, Any]]] = {}  # "global" or guild id -> registered
        self.sockets: list[web.WebSocketResponse] = []
        # Gateway connections over the fake's life: how many were opened (IDENTIFY answered) and the
        # most open at any one moment (a bot that is not sharded should never have two).
        self.sessions = 0
        self.most_connected = 0
        self.identified = asyncio.Event()
        self.echo = True  # send MESSAGE_CREATE for the bot's own channel messages, as Discord does
        self.refuse_with: int | None = None  # a gateway close code to answer IDENTIFY with
        self._seq = itertools.count(1)
        self._ids = itertools.count(1)
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0

    # -- lifecycle ---------------------------------------------------------------------------
    async def start(self) -> "FakeDiscord":
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", "/api/v10/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def stop(self) -> None:
        for ws in list(self.sockets):
            await ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    # -- helpers for tests -------------------------------------------------------------------
    def snowflake(self) -> int:
        return ((int(time.time() * 1000) - DISCORD_EPOCH) << 22) | (next(self._ids) & 0x3FFFFF)

    def script(self, method: str, path: str, status: int, body: Any = None, *,
               headers: dict[str, str] | None = None, times: int = 1, commit: bool = False) -> None:
        """Answer the next `times` requests matching `method` and the `path` regex with this; with
        `commit`, carry the request out first (the message is made, the answer says otherwise)."""
        self.scripts.append(Script(method, re.compile(path), status, body, headers or {}, times, commit))

    def requests(self, method: str | None = None, path: str = "") -> list[Call]:
        return [c for c in self.calls if (method is None or c.method == method) and re.search(path, c.path)]

    def original(self, payload: dict[str, Any]) -> dict[str, Any]:
        """The message an interaction's response made or updated, as Discord now holds it."""
        return self.messages[int(self.interactions[payload["token"]]["original"])]

    def channel_posts(self, channel: int) -> list[dict[str, Any]]:
        """Messages posted to the channel itself, not in answer to an interaction."""
        return [m for m in self.channels[channel].messages if "interaction_metadata" not in m]

    async def wait_for(self, check: Callable[[], Any], timeout: float = 5.0) -> Any:
        """Wait (on events, not on the clock) until `check()` is truthy; returns its value."""
        async def until() -> Any:
            async with self._changed:
                while not (result := check()):
                    await self._changed.wait()
                return result
        return await asyncio.wait_for(until(), timeout)

    async def callback(self, interaction_id: str, timeout: float = 5.0) -> Call:
        """The interaction response peerbot sent for `interaction_id`."""
        return await self.wait_for(lambda: next(iter(self.requests("POST", f"/interactions/{interaction_id}/")), None),
                                   timeout)

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        if event == "INTERACTION_CREATE":
            self.interactions[data["token"]] = data
        frame = json.dumps({"op": 0, "t": event, "s": next(self._seq), "d": data})
        for ws in list(self.sockets):
            await ws.send_str(frame)

    async def _changed_now(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    # -- gateway -----------------------------------------------------------------------------
    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self.sockets.append(ws)
        self.most_connected = max(self.most_connected, len(self.sockets))
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": 45000}})
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                break
            frame = json.loads(msg.data)
            if frame["op"] == 1:
                await ws.send_json({"op": 11})
            elif frame["op"] == 2 and self.refuse_with:
                await ws.close(code=self.refuse_with)
            elif frame["op"] == 2:
                await ws.send_json({"op": 0, "t": "READY", "s": next(self._seq), "d": self._ready()})
                await ws.send_json({"op": 0, "t": "GUILD_CREATE", "s": next(self._seq), "d": self.guild()})
                self.identified.set()
                self.sessions += 1
                await self._changed_now()
        self.sockets.remove(ws)
        await self._changed_now()
        return ws

    def _ready(self) -> dict[str, Any]:
        return {"v": 10, "user": BOT_USER, "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
                "session_id": "fake-session", "resume_gateway_url": self.gateway_url, "private_channels": [],
                "application": {"id": str(APP_ID), "flags": 0}, "shard": [0, 1]}

    def guild(self) -> dict[str, Any]:
        everyone = {"id": str(GUILD_ID), "name": "@everyone", "permissions": str(1 << 11 | 1 << 10), "position": 0,
                    "color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0}
        facilitators = {**everyone, "id": str(FACILITATOR_ROLE), "name": "Facilitators", "position": 1}
        channels = [{"id": str(c.id), "type": c.type, "name": c.name, "position": i, "permission_overwrites": [],
                     "parent_id": None, "nsfw": False, "topic": None, "rate_limit_per_user": 0, "guild_id": str(GUILD_ID)}
                    for i, c in enumerate(self.channels.values()) if c.type == 0]
        return {"id": str(GUILD_ID), "name": "Peer circle", "owner_id": str(OWNER_ID), "roles": [everyone, facilitators],
                "channels": channels, "threads": [], "members": [], "member_count": 3, "features": [], "emojis": [],
                "stickers": [], "voice_states": [], "presences": [], "stage_instances": [],
                "guild_scheduled_events": [], "large": False, "unavailable": False, "icon": None,
                "joined_at": "2026-01-01T00:00:00+00:00", "premium_tier": 0, "verification_level": 0,
                "afk_timeout": 300, "mfa_level": 0, "nsfw_level": 0, "preferred_locale": "en-US"}

    # -- REST --------------------------------------------------------------------------------
    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        body = await request.json() if request.can_read_body and request.content_type == "application/json" else None
        self.calls.append(Call(request.method, path, dict(request.query), body))
        try:
            for s in self.scripts:
                if s.times and s.method == request.method and s.path.search(path):
                    s.times -= 1
                    if s.commit:
                        await self._route(request.method, path, dict(request.query), body)
                    return _json(s.body, s.status, s.headers) if s.body is not None else web.Response(status=s.status)
            return await self._route(request.method, path, dict(request.query), body)
        finally:
            await self._changed_now()

    async def _route(self, method: str, path: str, query: dict[str, str], body: Any) -> web.StreamResponse:
        if path == "/users/@me":
            return _json(BOT_USER)
        if path == "/users/@me/channels" and method == "POST":  # open a DM with a person
            recipient = int(body["recipient_id"])
            dm = next((c for c in self.channels.values() if c.type == 1 and c.name == f"dm-{recipient}"), None)
            if dm is None:
                dm = self.channels.setdefault(self.snowflake(), Channel(0, type=1, name=f"dm-{recipient}"))
                dm.id = next(k for k, v in self.channels.items() if v is dm)
            return _json({"id": str(dm.id), "type": 1, "last_message_id": None, "flags": 0,
                          "recipients": [{"id": str(recipient), "username": "someone", "discriminator": "0",
                                          "global_name": None, "avatar": None}]})
        if path == "/oauth2/applications/@me":
            return _json({"id": str(APP_ID), "name": "peerbot", "description": "", "icon": None, "bot_public": True,
                          "bot_require_code_grant": False, "owner": {**BOT_USER, "id": str(OWNER_ID), "bot": False},
                          "verify_key": "0" * 64, "flags": 0, "team": None, "summary": ""})
        if m := re.fullmatch(r"/applications/\d+(?:/guilds/(\d+))?/commands", path):
            registered = [{**c, "id": str(self.snowflake()), "application_id": str(APP_ID), "version": "1",
                           **({"guild_id": m[1]} if m[1] else {})} for c in body]
            self.commands[m[1] or "global"] = registered
            return _json(registered)
        if m := re.fullmatch(r"/interactions/(\d+)/([^/]+)/callback", path):
            return await self._callback(m[1], m[2], body)
        if m := re.fullmatch(r"/webhooks/\d+/([^/]+)", path):
            interaction = self.interactions[m[1]]
            return _json(await self._create(int(interaction["channel_id"]), body, interaction=interaction))
        if m := re.fullmatch(r"/webhooks/\d+/([^/]+)/messages/(@original|\d+)", path):
            return await self._webhook_message(method, m[1], m[2], body)
        if m := re.fullmatch(r"/channels/(\d+)/messages", path):
            channel = self.channels.get(int(m[1]))
            if channel is None:
                return _error(404, 10003, "Unknown Channel")
            if method == "GET":
                return _json(self._history(channel, query))
            return _json(await self._create(channel.id, body))
        if m := re.fullmatch(r"/channels/(\d+)/messages/(\d+)/threads", path):
            return self._thread(int(m[1]), int(m[2]), body)
        if m := re.fullmatch(r"/channels/(\d+)/messages/(\d+)", path):
            message = self.messages.get(int(m[2]))
            if message is None or message["channel_id"] != m[1]:
                return _error(404, 10008, "Unknown Message")
            if method == "PATCH":
                _edit(message, body)
            return _json(self._public(message))
        return _error(404, 0, f"fake Discord has no {method} {path}")

    def _public(self, message: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in message.items() if k != "nonce"}

    def _history(self, channel: Channel, query: dict[str, str]) -> list[dict[str, Any]]:
        after, before = int(query.get("after", 0)), int(query.get("before", 1 << 63))
        found = [self._public(m) for m in reversed(channel.messages) if after < int(m["id"]) < before]
        return found[: int(query.get("limit", 50))]

    async def _create(self, channel_id: int, body: dict[str, Any], *, interaction: dict[str, Any] | None = None,
                      flags: int = 0) -> dict[str, Any]:
        channel = self.channels[channel_id]
        nonce = body.get("nonce")
        if nonce and body.get("enforce_nonce"):
            for old in channel.messages:
                if old.get("nonce") == nonce:
                    return old
        message = {"id": str(self.snowflake()), "channel_id": str(channel_id), "author": BOT_USER,
                   "content": body.get("content") or "", "embeds": body.get("embeds") or [],
                   "components": _numbered(body.get("components") or []), "flags": body.get("flags", 0) | flags,
                   "timestamp": "2026-01-01T00:00:00+00:00", "edited_timestamp": None, "tts": False,
                   "mention_everyone": False, "mentions": [], "mention_roles": [], "attachments": [],
                   "pinned": False, "type": 0, "nonce": nonce, "allowed_mentions": body.get("allowed_mentions"),
                   **({"guild_id": str(GUILD_ID)} if channel.type != 1 else {}),
                   **({"interaction_metadata": {
                       "id": interaction["id"], "type": interaction["type"], "authorizing_integration_owners": {},
                       "user": interaction.get("user") or interaction["member"]["user"]}} if interaction else {}),
                   **({"message_reference": body["message_reference"]} if body.get("message_reference") else {})}
        channel.messages.append(message)
        self.messages[int(message["id"])] = message
        if self.echo and not interaction and channel.type != 1:
            await self.dispatch("MESSAGE_CREATE", message)
        return message

    async def _callback(self, interaction_id: str, token: str, body: dict[str, Any]) -> web.Response:
        interaction = self.interactions.get(token)
        if interaction is None or interaction["id"] != interaction_id:
            return _error(404, 10062, "Unknown interaction")
        kind, data = body["type"], body.get("data") or {}
        message = None
        if kind == 4:
            message = await self._create(int(interaction["channel_id"]), data, interaction=interaction)
            interaction["original"] = message["id"]
        elif kind == 7:
            message = self.messages[int(interaction["message"]["id"])]
            _edit(message, data)
            interaction["original"] = message["id"]
        elif kind == 6 and interaction.get("message"):
            # A deferred update: the interaction's original message is the one the button is on, which a
            # later PATCH of @original edits (Discord docs, "Interaction Response Type", DEFERRED_UPDATE_MESSAGE).
            interaction["original"] = interaction["message"]["id"]
        elif kind == 5:
            message = await self._create(int(interaction["channel_id"]), {"content": "", "flags": data.get("flags", 0)},
                                         interaction=interaction)
            interaction["original"] = message["id"]
        return _json({"interaction": {"id": interaction_id, "type": interaction["type"],
                                      "response_message_id": message["id"] if message else None,
                                      "response_message_loading": kind == 5,
                                      "response_message_ephemeral": bool(message and message["flags"] & 64)},
                      "resource": {"type": kind, **({"message": message} if message else {})}})

    async def _webhook_message(self, method: str, token: str, which: str, body: Any) -> web.StreamResponse:
        interaction = self.interactions[token]
        message_id = int(interaction.get("original", 0) if which == "@original" else which)
        message = self.messages.get(message_id)
        if message is None:
            return _error(404, 10008, "Unknown Message")
        if method == "DELETE":
            self.channels[int(message["channel_id"])].messages.remove(message)
            return web.Response(status=204)
        if method == "PATCH":
            _edit(message, body)
        return _json(message)

    def _thread(self, channel_id: int, message_id: int, body: dict[str, Any]) -> web.Response:
        parent = self.channels.get(channel_id)
        if parent is None or self.messages.get(message_id, {}).get("channel_id") != str(channel_id):
            return _error(404, 10008, "Unknown Message")
        if parent.type != 0:
            return _error(400, 50024, "Cannot execute action on this channel type")
        if message_id in self.channels:
            return _error(400, 160004, "A thread has already been created for this message")
        self.channels[message_id] = Channel(message_id, type=11, name=body["name"], parent_id=channel_id)
        return _json({"id": str(message_id), "guild_id": str(GUILD_ID), "parent_id": str(channel_id),
                      "owner_id": str(BOT_ID), "name": body["name"], "type": 11, "last_message_id": None,
                      "rate_limit_per_user": 0, "message_count": 0, "member_count": 1,
                      "thread_metadata": {"archived": False, "auto_archive_duration": body["auto_archive_duration"],
                                          "archive_timestamp": "2026-01-01T00:00:00+00:00", "locked": False}})
