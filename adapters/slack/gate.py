"""The door of the Slack HTTP endpoint: what a request must be before slack-bolt sees it.

slack-bolt reads a whole body, parses it, and only then checks its signature, and a body it cannot
parse is an HTTP 500 with a traceback (unsigned requests included). So, in this order, each
step cheap and each refusal one status code with nothing of the body logged:

1. at most `MAX_BODY` bytes (aiohttp refuses more with 413 while reading, before any parsing);
2. a valid, fresh signature over the raw bytes (401): nobody unauthenticated gets further;
3. UTF-8 that parses as Slack's form or JSON, shaped like the requests the bot listens to (400);
4. not seen before: a signed slash command or interaction replayed within Slack's five-minute
   window is answered 200 and dropped (a hash of the signed body, kept in the database a little
   longer than the window, so a restart does not forget it). Events are de-duplicated by their
   `event_id` in the app's middleware instead, in Socket Mode too. At most `MAX_WAITING` requests
   wait for this check at once: past that, under an overload, a slash command is acknowledged at
   once with the same kind busy reply as over the bound on answers in flight, and nothing else is
   done for it (so there is nothing to check), and memory in front of the acks stays bounded.
   Interactions and events always wait their turn (a form someone filled in is never turned away).

Then Bolt dispatches as before. Anything Bolt still raises is a 500 with one log line.

In multi-workspace mode two GET pages sit beside it, slack-bolt's OAuth flow as it is (they are a
person's browser, not Slack, so nothing is signed): the install page (`/slack/install`) and Slack's
redirect back after someone approved the install (`/slack/oauth_redirect`), which checks the
one-time state against the browser's cookie and the database, exchanges the code and stores the
installation.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import time
from datetime import UTC, timedelta

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.async_app import AsyncApp
from slack_bolt.oauth.async_oauth_flow import AsyncOAuthFlow
from slack_bolt.request.async_request import AsyncBoltRequest
from slack_bolt.request.internals import parse_body

from adapters.core_worker import CoreWorker
from adapters.slack.shapes import well_formed
from bot.ports import Clock, Requests

log = logging.getLogger("peerbot.slack")

# A 40,000-character message, every character non-ASCII and percent-encoded (9 bytes each), with
# room for the rest of the payload. Nothing Slack sends is larger.
MAX_BODY = 512 * 1024
# How long a repeat check in front of an acknowledgement may wait for the database (locked by
# another process, or a long write of the core's): past it the request goes on, since Slack's 3 seconds
# for the ack matter more than dropping a rare repeat.
DEDUPE_WAIT = 0.5
REPLAY_WINDOW = timedelta(minutes=6)  # Slack refuses signatures older than five minutes; a minute's slack
MAX_WAITING = 64
BUSY = ("I'm answering a lot of questions at this moment and could not get to yours. "
        "Please try again in a minute.")


def _stamp(clock: Clock, delta: timedelta = timedelta(0)) -> str:
    return (clock.now() + delta).astimezone(UTC).isoformat(timespec="seconds")


class Gate:
    def __init__(self, app: AsyncApp, signing_secret: str, store: Requests, clock: Clock,
                 door: CoreWorker | None = None, *, max_waiting: int = MAX_WAITING):
        self.app = app
        self.max_waiting = max_waiting
        self.waiting = 0  # requests waiting for the replay check
        self.secret = signing_secret.encode()
        self.store = store
        self.clock = clock
        # The replay check writes to the database, on a thread of its own; see DEDUPE_WAIT.
        self.door = door or CoreWorker("peerbot-slack-door")

    def web_app(self, path: str) -> web.Application:
        web_app = web.Application(client_max_size=MAX_BODY)
        web_app.add_routes([web.post(path, self.handle)])
        flow: AsyncOAuthFlow | None = self.app.oauth_flow
        if flow is not None:
            web_app.add_routes([web.get(flow.install_path, self.install),
                                web.get(flow.redirect_uri_path, self.installed)])
        return web_app

    async def install(self, request: web.Request) -> web.Response:
        """The page with "Add to Slack" (and the state cookie that the redirect is checked against)."""
        return await to_aiohttp_response(await self.app.oauth_flow.handle_installation(await to_bolt_request(request)))

    async def installed(self, request: web.Request) -> web.Response:
        """Slack's redirect after an install was approved: state checked, code exchanged, installation kept."""
        try:
            response = await self.app.oauth_flow.handle_callback(await to_bolt_request(request))
        except Exception as e:  # noqa: BLE001 - one line, no query (it holds the code), no traceback
            log.error("a Slack install could not finish: %s", type(e).__name__)
            return web.Response(status=500, text="The install could not finish; please try again.")
        return await to_aiohttp_response(response)

    async def handle(self, request: web.Request) -> web.Response:
        if (request.content_length or 0) > MAX_BODY:
            return web.Response(status=413, text="too large")
        try:
            raw = await request.read()  # raises 413 past client_max_size, whatever the headers said
        except web.HTTPRequestEntityTooLarge:
            return web.Response(status=413, text="too large")
        timestamp = request.headers.get("X-Slack-Request-Timestamp", "")
        if not self._signed(raw, timestamp, request.headers.get("X-Slack-Signature", "")):
            return web.Response(status=401, text="invalid signature")
        try:
            body = raw.decode("utf-8")
            payload = parse_body(body, request.content_type)
        except (UnicodeDecodeError, ValueError):
            return web.Response(status=400, text="malformed request")
        if not well_formed(payload):
            return web.Response(status=400, text="malformed request")
        if "event_id" not in payload:
            if self.waiting >= self.max_waiting and "command" in payload:
                return web.json_response({"text": BUSY})  # shown to the asker alone, as Bolt's ack(text=...)
            self.waiting += 1
            try:
                first = await self.door.within(DEDUPE_WAIT, self._first, raw, timestamp, otherwise=True)
            finally:
                self.waiting -= 1
            if not first:
                log.info("dropped a replayed Slack request (same signed body within the replay window)")
                return web.Response(status=200, text="")
        try:
            response = await self.app.async_dispatch(AsyncBoltRequest(body=body, query=request.query_string,
                                                                      headers=dict(request.headers)))
        except Exception as e:  # noqa: BLE001 - one line, no body, no traceback of the request
            log.error("Slack request failed inside slack-bolt: %s", type(e).__name__)
            return web.Response(status=500, text="")
        return await to_aiohttp_response(response)

    def _signed(self, raw: bytes, timestamp: str, signature: str) -> bool:
        """Slack's v0 signature over the raw bytes (slack-sdk's verifier decodes them first, so a
        body that is not UTF-8 raised instead of being judged), within five minutes of now."""
        if not timestamp.isdigit() or len(timestamp) > 12 or not signature.startswith("v0="):
            return False
        if abs(time.time() - int(timestamp)) > 60 * 5:
            return False
        expected = hmac.new(self.secret, b"v0:" + timestamp.encode() + b":" + raw, hashlib.sha256).hexdigest()
        return hmac.compare_digest("v0=" + expected, signature)

    def _first(self, raw: bytes, timestamp: str) -> bool:
        key = "req:" + hashlib.sha256(timestamp.encode() + b":" + raw).hexdigest()
        return self.store.first_sighting(key, _stamp(self.clock, REPLAY_WINDOW), _stamp(self.clock))


def remember_event(store: Requests, clock: Clock, event_id: str) -> bool:
    """True the first time this Events API `event_id` arrives; Slack retries for up to an hour."""
    return store.first_sighting("event:" + event_id, _stamp(clock, timedelta(hours=1)), _stamp(clock))


__all__ = ["BUSY", "DEDUPE_WAIT", "Gate", "MAX_BODY", "MAX_WAITING", "remember_event"]
