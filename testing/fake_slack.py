"""The fake Slack Web API on 127.0.0.1 that the Slack tests and benchmarks share, for the real
slack-sdk and Bolt code: it records every call (or, for a long benchmark, only counts them).

It answers the methods peerbot uses, keeps the messages posted so `conversations.history` and
`conversations.replies` can be searched, and can be told to be slow (`hold`) or to fail: `fail_next("chat.postMessage",
429, retry_after=7)` or `fail_next(..., 503, after_posting=True)` (Slack took the message but the
answer was lost). `response_url`s handed to Bolt point here too (`/response/<n>`).
Tests wait for a recorded call with `await fake.wait_for(...)`: a bounded wait on an
`asyncio.Event`, never a sleep. Like Slack, it takes every HTTP method and reads arguments from the
query string as well as the body: slack-sdk sends `users.info` and `usergroups.*` as GET.
Benchmarks make it with `keep_calls=False` (memory stays flat over many thousand calls), read
`counts`, wait for a channel's first reply with `reply_to(channel)`, or ask a fake in another process
for `GET /stats`.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

JSON_ARGS = ("blocks", "view", "metadata", "attachments")
REPLIES = ("chat.postEphemeral", "chat.postMessage")


@dataclass
class Call:
    method: str
    args: dict[str, Any]
    token: str = ""
    result: dict = field(default_factory=dict)  # what the fake answered


@dataclass
class Failure:
    status: int
    retry_after: float | None = None
    error: str = ""
    after_posting: bool = False
    skip: int = 0  # calls that succeed before this failure
    html: bool = False  # answer with a proxy's HTML error page instead of Slack's JSON


@dataclass
class FakeSlack:
    team_id: str = "T1"
    bot_user_id: str = "UBOT"
    users: dict[str, dict] = field(default_factory=dict)
    groups: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # id -> (handle, members)
    calls: list[Call] = field(default_factory=list)
    messages: list[dict] = field(default_factory=list)
    refuse_channels: set[str] = field(default_factory=set)  # chat.* here answers channel_not_found
    # channel -> the error Slack gives a bot that may not post there (api.slack.com/methods/
    # chat.postMessage, "Errors"): "not_in_channel", "channel_not_found", "is_archived", "restricted_action".
    # conversations.info answers to match (is_member false, is_archived true, or channel_not_found).
    refuse: dict[str, str] = field(default_factory=dict)
    connections: set[tuple] = field(default_factory=set)  # the clients' TCP connections (their address, port)
    # Many workspaces: bot token -> team id (auth.test answers for the token's team; any other token
    # is invalid_auth once this is set), and OAuth codes oauth.v2.access exchanges: code -> (team, token).
    tokens: dict[str, str] = field(default_factory=dict)
    codes: dict[str, tuple[str, str]] = field(default_factory=dict)
    keep_calls: bool = True  # False: count calls without keeping them or the messages (long benchmarks)
    counts: Counter = field(default_factory=Counter)  # calls per method, kept either way
    waiting: Counter = field(default_factory=Counter)  # calls per method held by `hold`, not yet answered

    def __post_init__(self) -> None:
        self._failures: dict[str, list[Failure]] = {}
        self._gates: dict[str, asyncio.Event] = {}
        self._changed = asyncio.Event()
        self._ts = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self._socket_open = asyncio.Event()
        self._ws: web.WebSocketResponse | None = None
        self._waiting: dict[str, asyncio.Future] = {}
        self.url = ""

    # -- running ---------------------------------------------------------------------------
    async def start(self, port: int = 0) -> "FakeSlack":
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._api)
        app.router.add_post("/response/{n}", self._response_url)
        app.router.add_get("/socket", self._socket)
        app.router.add_get("/stats", self._stats)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", port)
        await site.start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}"
        return self

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    def response_url(self, n: int = 1) -> str:
        return f"{self.url}/response/{n}"

    # -- scripting and inspecting ----------------------------------------------------------
    def fail_next(self, method: str, status: int, *, retry_after: float | None = None, error: str = "",
                  after_posting: bool = False, times: int = 1, skip: int = 0, html: bool = False) -> None:
        """Fail the next `times` calls to `method` (after letting `skip` calls succeed)."""
        failures = self._failures.setdefault(method, [])
        failures.append(Failure(status, retry_after, error, after_posting, skip, html))
        failures.extend(Failure(status, retry_after, error, after_posting, 0, html) for _ in range(times - 1))

    def hold(self, method: str) -> asyncio.Event:
        """Hold every answer to `method` until the returned event is set (a slow Slack)."""
        return self._gates.setdefault(method, asyncio.Event())

    def called(self, method: str, **match: Any) -> list[Call]:
        return [c for c in self.calls if c.method == method and all(c.args.get(k) == v for k, v in match.items())]

    async def wait_until(self, predicate: Callable[[], Any], timeout: float = 5.0) -> Any:
        """The first truthy `predicate()`, re-checked after every recorded call, within `timeout`."""
        async def truthy() -> Any:
            while not (result := predicate()):
                await self._changed.wait()
            return result
        return await asyncio.wait_for(truthy(), timeout)

    async def wait_for(self, method: str, count: int = 1, timeout: float = 5.0, **match: Any) -> list[Call]:
        """The calls to `method` matching `match`, once there are at least `count` of them."""
        return await self.wait_until(lambda: (found := self.called(method, **match)) and len(found) >= count
                                     and found, timeout)

    def reply_to(self, channel: str) -> asyncio.Future:
        """A future set to `time.perf_counter()` when `channel` next gets a reply (a benchmark's clock)."""
        self._waiting[channel] = asyncio.get_running_loop().create_future()
        return self._waiting[channel]

    @property
    def replies(self) -> int:
        return sum(self.counts[m] for m in REPLIES)

    async def _stats(self, request: web.Request) -> web.Response:
        return web.json_response({"calls": dict(self.counts), "replies": self.replies})

    def posted(self, channel: str | None = None) -> list[dict]:
        return [m for m in self.messages if channel is None or m["channel"] == channel]

    async def socket_send(self, envelope: dict, timeout: float = 5.0) -> dict:
        """Send a Socket Mode envelope to the connected app; returns the app's acknowledgement."""
        await asyncio.wait_for(self._socket_open.wait(), timeout)
        assert self._ws is not None
        await self._ws.send_json(envelope)
        [ack] = await self.wait_for("socket_ack", timeout=timeout, envelope_id=envelope["envelope_id"])
        return ack.args

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        self._ws = ws
        self._socket_open.set()
        await ws.send_json({"type": "hello", "num_connections": 1, "debug_info": {"host": "fake"},
                            "connection_info": {"app_id": "A1"}})
        async for message in ws:
            if message.type == web.WSMsgType.TEXT:
                self._record(Call("socket_ack", json.loads(message.data)))
        return ws

    # -- the API -----------------------------------------------------------------------------
    def _record(self, call: Call) -> None:
        self.counts[call.method] += 1
        if call.method in REPLIES and (waiting := self._waiting.pop(call.args.get("channel", ""), None)):
            if not waiting.done():
                waiting.set_result(time.perf_counter())
        if self.keep_calls:
            self.calls.append(call)
        self._changed.set()
        self._changed = asyncio.Event()

    async def _read(self, request: web.Request) -> dict[str, Any]:
        if request.transport is not None:
            self.connections.add(request.transport.get_extra_info("peername"))
        args: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            args.update(await request.json())
        elif request.can_read_body:
            args.update(await request.post())
        for key in JSON_ARGS:
            if isinstance(args.get(key), str):
                args[key] = json.loads(args[key])
        return args

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args = await self._read(request)
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        call = Call(method, args, token)
        if method in self._gates:
            self.waiting[method] += 1
            self._changed.set()  # a test may be waiting for calls to arrive at the hold
            self._changed = asyncio.Event()
            try:
                await self._gates[method].wait()
            finally:
                self.waiting[method] -= 1
        failures = self._failures.get(method)
        if failures and failures[0].skip:
            failures[0].skip -= 1
        elif failures:
            failure = failures.pop(0)
            if failure.after_posting:
                self._handle(method, args)
            headers = {"Retry-After": str(int(failure.retry_after))} if failure.retry_after is not None else {}
            error = failure.error or ("ratelimited" if failure.status == 429 else "internal_error")
            call.result = {"ok": False, "error": error}
            self._record(call)
            if failure.html:
                return web.Response(status=failure.status, headers=headers, content_type="text/html",
                                    text="<html><body>502 Bad Gateway</body></html>")
            return web.json_response(call.result, status=failure.status, headers=headers)
        self._token = token  # for the answers that depend on who asks (auth.test, oauth.v2.access)
        call.result = self._handle(method, args)
        self._record(call)
        return web.json_response(call.result)

    async def _response_url(self, request: web.Request) -> web.Response:
        self._record(Call("response_url", await self._read(request)))
        return web.Response(text="ok")

    def _handle(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        handler: Callable[[dict], dict] | None = getattr(self, "_" + method.replace(".", "_"), None)
        return {"ok": True, **handler(args)} if handler else {"ok": True}

    def _auth_test(self, args: dict) -> dict:
        if self.tokens:
            team = self.tokens.get(getattr(self, "_token", ""))
            if team is None:
                return {"ok": False, "error": "invalid_auth"}
            return {"user_id": self.bot_user_id, "bot_id": f"B{team}", "team_id": team, "user": "peerbot",
                    "team": f"Team {team}", "url": f"https://{team.lower()}.example.slack.com/"}
        return {"user_id": self.bot_user_id, "bot_id": "B1", "team_id": self.team_id, "user": "peerbot",
                "team": "Peer team", "url": "https://peer.example.slack.com/"}

    def _oauth_v2_access(self, args: dict) -> dict:
        """Slack's side of an install: a code someone's approval produced, for the workspace's bot token."""
        if args.get("code") not in self.codes:
            return {"ok": False, "error": "invalid_code"}
        team, token = self.codes.pop(args["code"])  # a code works once
        self.tokens[token] = team
        return {"access_token": token, "token_type": "bot", "scope": "chat:write,commands", "bot_user_id":
                self.bot_user_id, "app_id": "A1", "team": {"id": team, "name": f"Team {team}"}, "enterprise": None,
                "is_enterprise_install": False, "authed_user": {"id": "UINSTALLER"}}

    def _apps_connections_open(self, args: dict) -> dict:
        return {"url": self.url.replace("http://", "ws://") + "/socket"}

    def _refusal(self, channel: str | None) -> str:
        return self.refuse.get(channel or "") or ("channel_not_found" if channel in self.refuse_channels else "")

    def _refused(self, args: dict) -> dict | None:
        error = self._refusal(args.get("channel"))
        return {"ok": False, "error": error} if error else None

    def _conversations_info(self, args: dict) -> dict:
        error = self._refusal(args.get("channel"))
        if error == "channel_not_found":
            return {"ok": False, "error": error}
        return {"channel": {"id": args["channel"], "name": "peer-circle", "is_channel": True, "is_private": False,
                            "is_member": error != "not_in_channel", "is_archived": error == "is_archived"}}

    def _chat_postMessage(self, args: dict) -> dict:
        if (refused := self._refused(args)) is not None:
            return refused
        ts = f"1700000000.{next(self._ts):06d}"
        if self.keep_calls:
            self.messages.append({"channel": args["channel"], "ts": ts, "thread_ts": args.get("thread_ts"),
                                  "text": args.get("text", ""), "blocks": args.get("blocks"),
                                  "metadata": args.get("metadata")})
        return {"channel": args["channel"], "ts": ts}

    def _chat_postEphemeral(self, args: dict) -> dict:
        return self._refused(args) or {"message_ts": f"1700000000.{next(self._ts):06d}"}

    def _chat_update(self, args: dict) -> dict:
        return {"channel": args["channel"], "ts": args["ts"]}

    def _users_info(self, args: dict) -> dict:
        user = {"id": args["user"], "name": args["user"].lower(), "is_admin": False, "is_owner": False}
        return {"user": {**user, **self.users.get(args["user"], {})}}

    def _usergroups_list(self, args: dict) -> dict:
        groups = self.groups.items()
        return {"usergroups": [{"id": gid, "handle": handle, "name": handle} for gid, (handle, _) in groups]}

    def _usergroups_users_list(self, args: dict) -> dict:
        return {"users": self.groups.get(args["usergroup"], ("", []))[1]}

    def _conversations_history(self, args: dict) -> dict:
        top = [m for m in self.messages if m["channel"] == args["channel"] and not m["thread_ts"]]
        return {"messages": [self._as_history(m, args) for m in reversed(top)], "has_more": False}

    def _conversations_replies(self, args: dict) -> dict:
        thread = [m for m in self.messages if m["channel"] == args["channel"]
                  and (m["ts"] == args["ts"] or m["thread_ts"] == args["ts"])]
        return {"messages": [self._as_history(m, args) for m in thread], "has_more": False}

    @staticmethod
    def _as_history(message: dict, args: dict) -> dict:
        out = {"type": "message", "ts": message["ts"], "text": message["text"], "bot_id": "B1"}
        if message["metadata"] and str(args.get("include_all_metadata")).lower() in ("1", "true"):
            out["metadata"] = message["metadata"]
        return out
