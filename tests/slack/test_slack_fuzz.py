"""Generated requests at the Slack HTTP endpoint (issue 18): whatever arrives, signed or not, in any
encoding and any size up to past the cap, the answer is a status code, never a 500, and nothing
is logged as an error or a traceback.

The real endpoint (peerbot's gate in front of slack-bolt, a real bot on SQLite, the fake Slack Web
API) runs on its own event loop in a thread for the whole module; hypothesis sends plain blocking
HTTP requests to it from the test's thread.
"""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slack_harness import SECRET, FakeTime, slack_settings

from adapters.bootstrap import build_bot
from adapters.slack import SlackPlatform
from adapters.slack.gate import MAX_BODY
from bot.delivery.outbox import Outbox
from testing.fake_slack import FakeSlack

OK = {200, 400, 401, 404, 413}
TYPES = ["block_actions", "view_submission", "view_closed", "event_callback", "url_verification", "shortcut",
         "message_action", "block_suggestion", "interactive_message", None, 5, ""]
KEYS = ["command", "text", "user_id", "channel_id", "team_id", "channel_name", "response_url", "trigger_id",
        "ssl_check", "token", "payload"]


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory, catalog):
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()

    def run(coro):
        return asyncio.run_coroutine_threadsafe(coro, loop).result(30)

    fake = run(FakeSlack(users={"UADMIN": {"is_admin": True}}).start())
    settings_ = slack_settings(tmp_path_factory.mktemp("fuzz"))

    async def start() -> SlackPlatform:
        bot = build_bot(settings_, catalog=catalog)
        clock = FakeTime()
        platform = SlackPlatform(bot, settings_, Outbox(bot.store, {}, bot.clock, sleep=clock.sleep,
                                                        monotonic=clock.monotonic),
                                 base_url=fake.api_url, host="127.0.0.1")
        await platform.start()
        return platform

    async def stop() -> None:
        await platform.stop(grace=5)
        await fake.stop()
        platform.adapter.bot.store.close()  # on the loop's thread, which owns the connection

    platform = run(start())
    # The URL, and a way to wait for the work a request started after its ack (errors there would
    # otherwise be logged during a later example).
    yield f"http://127.0.0.1:{platform.port}/slack/events", lambda: run(platform.drain())
    run(stop())
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)


def post(url: str, body: bytes, headers: dict[str, str]) -> int:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as e:
        return e.code
    except (ConnectionResetError, urllib.error.URLError):
        return 413  # aiohttp may close the connection on a body past the cap while it is still sent


def signed(body: bytes, content_type: str, when: str | None = None) -> dict[str, str]:
    when = when or str(int(time.time()))
    signature = hmac.new(SECRET.encode(), f"v0:{when}:".encode() + body, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": when, "X-Slack-Signature": "v0=" + signature, "Content-Type": content_type}


def assert_quiet(caplog, drain) -> None:
    drain()
    bad = [r for r in caplog.records if r.levelno >= logging.ERROR or r.exc_info]
    caplog.clear()
    assert not bad, f"logged: {bad[0].getMessage()[:200]}"


json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=40),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=12), inner,
                                                                                       max_size=4), max_leaves=12)
payloads = st.builds(lambda kind, extra: {**({"type": kind} if kind is not None else {}), **extra},
                     st.sampled_from(TYPES), st.dictionaries(
                         st.sampled_from(["user", "actions", "view", "event", "event_id", "team", "channel",
                                          "container", "message", "challenge", "trigger_id", "response_url"]),
                         json_values, max_size=6))
forms = st.dictionaries(st.sampled_from(KEYS), st.text(max_size=60), max_size=8)
encodings = st.sampled_from(["utf-8", "latin-1", "utf-16", "utf-32"])
bodies = st.one_of(
    st.binary(max_size=300),
    st.builds(lambda form, enc: urlencode(form, encoding=enc, errors="replace").encode(), forms, encodings),
    st.builds(lambda p: urlencode({"payload": json.dumps(p)}).encode(), payloads),
    st.builds(lambda p, enc: json.dumps(p, ensure_ascii=False).encode(enc, errors="replace"), payloads, encodings),
    st.builds(lambda n: urlencode({"command": "/peer", "user_id": "U1", "channel_id": "C1",
                                   "text": "ask " + "a" * n}).encode(), st.sampled_from([0, 40_000, MAX_BODY - 200,
                                                                                          MAX_BODY + 10])),
)
content_types = st.sampled_from(["application/x-www-form-urlencoded", "application/json", "text/plain", "",
                                 "application/json; charset=utf-16"])


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(body=bodies, content_type=content_types)
def test_any_signed_body_gets_a_status_and_no_error(endpoint, caplog, body, content_type):
    """A correctly signed request with any body, encoding or size is answered 200, 400, 404 or 413."""
    url, drain = endpoint
    assert post(url, body, signed(body, content_type or "application/octet-stream")) in OK
    assert_quiet(caplog, drain)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(body=bodies, content_type=content_types,
       timestamp=st.one_of(st.text(max_size=20), st.integers(-10**15, 10**15).map(str)),
       signature=st.one_of(st.text(max_size=80), st.just("v0=" + "0" * 64)))
def test_any_unsigned_or_badly_signed_request_is_refused_unread(endpoint, caplog, body, content_type, timestamp,
                                                              signature):
    """Without a valid signature nothing is parsed: 401, 413 for a body past the cap, or 400 from the
    HTTP server when the request's HTTP itself is broken (a control character in a header)."""
    headers = {"Content-Type": content_type or "application/octet-stream"}
    headers |= {"X-Slack-Request-Timestamp": timestamp.encode("ascii", "replace").decode(),
                "X-Slack-Signature": signature.encode("ascii", "replace").decode()}
    headers = {k: v.replace("\r", "").replace("\n", "") for k, v in headers.items()}
    url, drain = endpoint
    assert post(url, body, headers) in {400, 401, 413}
    assert_quiet(caplog, drain)
