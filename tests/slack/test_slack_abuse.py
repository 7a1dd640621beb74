"""Issue 18 on the Slack HTTP endpoint: what an attacker or bad luck sends, through the real
slack-bolt app on 127.0.0.1. Each test failed before its fix (defects numbered as in the issue)."""
from __future__ import annotations

import asyncio
import functools
import hashlib
import hmac
import json
import logging
import socket
import time
from urllib.parse import urlencode

import aiohttp
import pytest
import slack_payloads as payloads
from slack_harness import SECRET, slack_settings
from slack_workspace import Workspace, text_of

from adapters import runner
from adapters.bootstrap import build_bot
from adapters.slack import SlackPlatform
from adapters.slack.gate import MAX_BODY
from bot import bounds
from bot.delivery.outbox import Outbox
from testing.fake_slack import FakeSlack

FORM = "application/x-www-form-urlencoded"


def logged(caplog) -> str:
    records = [r for phase in ("setup", "call") for r in caplog.get_records(phase)]
    return "\n".join(logging.Formatter().format(r) for r in records)


# -- 3. unauthenticated callers wrote into the log ------------------------------------------------
@pytest.mark.parametrize("level", [logging.INFO, logging.DEBUG])
async def test_no_request_body_user_text_or_user_id_reaches_the_log(ws: Workspace, fake: FakeSlack, caplog, level):
    """Bad signatures, stale timestamps, a forged log line, an event nobody listens to and a real
    answered command: none of what was sent (text, user id, a line of its own) appears in any log line."""
    caplog.set_level(level)
    typed, user = "my client Zed Quill relapsed", "U7PRIVATEUSER"
    body = urlencode({"command": "/peer", "text": typed + "\nINFO forged: admin logged in", "user_id": user,
                      "channel_id": "C1", "team_id": "T1"}).encode()
    assert await ws.send(body, FORM, secret="wrong-secret") == 401
    assert await ws.send(body, FORM, timestamp=int(time.time()) - 600) == 401
    unhandled = payloads.envelope({"type": "reaction_added", "user": user, "reaction": typed})
    assert await ws.event(unhandled) in (200, 404)
    await ws.say(f"/peer ask {typed}", user=user)
    text = logged(caplog)
    assert typed not in text and "Zed Quill" not in text and user not in text
    assert "forged" not in text


# -- 7. a replayed signed request acted twice; event ids were forgotten on restart ------------------
async def test_a_replayed_slash_command_is_acted_on_once(ws: Workspace, fake: FakeSlack, platform):
    """The same signed `/peer schedule …` sent again within Slack's five minutes makes one schedule."""
    body = urlencode(payloads.slash("schedule reflection every monday 10:00", user="UFAC",
                                    response_url=fake.response_url())).encode()
    stamp = int(time.time())
    assert await ws.send(body, FORM, timestamp=stamp) == 200
    await fake.wait_for("chat.postMessage")
    assert await ws.send(body, FORM, timestamp=stamp) == 200  # the replay: acknowledged, not acted on
    await ws.say("/peer help")  # something later to wait for
    assert len(platform.adapter.bot.store.schedules()) == 1
    assert len(fake.called("chat.postMessage")) == 1


async def test_a_replayed_button_press_is_acted_on_once(ws: Workspace, fake: FakeSlack):
    """A replayed interaction (the same signed body) is dropped too."""
    body = urlencode(payloads.form_encoded(payloads.button("v1:topics", "v1:topics"))).encode()
    stamp = int(time.time())
    assert await ws.send(body, FORM, timestamp=stamp) == 200
    await ws.fake.wait_until(lambda: ws.replies())
    assert await ws.send(body, FORM, timestamp=stamp) == 200
    await ws.say("/peer help", user="U2")
    assert len(ws.replies()) == 2


async def test_an_event_retried_after_a_restart_is_answered_once(tmp_path, fake: FakeSlack, fake_time, clock, catalog):
    """Slack retries an event the bot answered just before it restarted: the new process remembers it."""
    async def started() -> tuple[SlackPlatform, Workspace]:
        settings = slack_settings(tmp_path)
        bot = build_bot(settings, clock=clock, catalog=catalog)
        outbox = Outbox(bot.store, {}, bot.clock, sleep=fake_time.sleep, monotonic=fake_time.monotonic)
        slack = SlackPlatform(bot, settings, outbox, base_url=fake.api_url, host="127.0.0.1")
        await slack.start()
        return slack, Workspace(f"http://127.0.0.1:{slack.port}/slack/events", SECRET, fake)

    event = payloads.mention("<@UBOT> what is mutuality?", event_id="Ev0RESTART")
    first, ws = await started()
    await ws.answer_to(ws.event(event))
    await first.stop()
    first.adapter.bot.store.close()
    second, ws = await started()
    try:
        assert await ws.event(event, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "timeout"}) == 200
        await ws.answer_to(ws.event(payloads.mention("<@UBOT> what is co-reflection?")))
        assert len(fake.called("chat.postMessage")) == 2
    finally:
        await second.stop()
        second.adapter.bot.store.close()


# -- 9. malformed requests got HTTP 500 and a traceback --------------------------------------------
MALFORMED = {
    "unsigned garbage": (b"\x00\xff not a form", FORM, None, 401),
    "a timestamp that is not a number": (b"command=%2Fpeer", FORM, "soon", 401),
    "invalid UTF-8, signed": (b"command=%2Fpeer&text=\xff\xfe", FORM, 0, 400),
    "a payload that is not JSON": (b"payload=%7Bnot-json", FORM, 0, 400),
    "a payload that is a list": (b"payload=%5B1%2C2%5D", FORM, 0, 400),
    "an action with no actions": (urlencode({"payload": json.dumps({"type": "block_actions", "user": {"id": "U1"}})})
                                  .encode(), FORM, 0, 400),
    "an action whose user is a number": (urlencode({"payload": json.dumps(
        {"type": "block_actions", "user": 5, "actions": [{"action_id": "x"}]})}).encode(), FORM, 0, 400),
    "a submission with no view": (urlencode({"payload": json.dumps({"type": "view_submission", "user": {"id": "U1"}})})
                                  .encode(), FORM, 0, 400),
    "an event with no event": (json.dumps({"type": "event_callback", "event_id": "Ev1"}).encode(),
                               "application/json", 0, 400),
    "JSON that is a string": (b'"hello"', "application/json", 0, 400),
    "actions that are null (found by make fuzz)": (b"payload=%7B%22actions%22%3A+null%7D", FORM, 0, 400),
    "an unknown kind whose view is null (found by make fuzz)": (urlencode({"payload": json.dumps(
        {"type": "block_suggestion", "view": None})}).encode(), FORM, 0, 400),
    "a command with no user": (b"command=%2Fpeer&text=help&channel_id=C1", FORM, 0, 400),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
async def test_a_malformed_request_gets_400_or_401_and_no_traceback(ws: Workspace, caplog, case):
    """Unsigned requests are refused before anything is parsed; signed but malformed ones get 400;
    neither logs a traceback or an error."""
    body, content_type, stamp, status = MALFORMED[case]
    when = str(int(time.time()))
    signature = "v0=" + hmac.new(SECRET.encode(), f"v0:{when}:".encode() + body, hashlib.sha256).hexdigest()
    headers = {"X-Slack-Request-Timestamp": when, "X-Slack-Signature": signature, "Content-Type": content_type}
    if stamp == "soon":
        headers["X-Slack-Request-Timestamp"] = "soon"
    elif stamp is None:
        headers["X-Slack-Signature"] = "v0=" + "0" * 64
    async with aiohttp.ClientSession() as session:
        async with session.post(ws.endpoint, data=body, headers=headers) as response:
            assert response.status == status
    text = logged(caplog)
    assert "Traceback" not in text and not [r for r in caplog.records if r.levelno >= logging.ERROR]


# -- 1. a signed request near 1 MB pinned the CPU --------------------------------------------------
async def test_a_body_over_the_cap_is_refused_before_it_is_read_in_full(ws: Workspace):
    """A signed body past the cap gets 413 without being parsed or screened."""
    body = urlencode(payloads.slash("ask " + "a" * MAX_BODY)).encode()
    assert await ws.send(body, FORM) == 413


async def test_a_message_of_slacks_longest_length_is_answered_with_a_note_that_it_was_cut(ws: Workspace):
    """40,000 characters from Slack are answered, with a private word that only the start was read."""
    await ws.say("ask is it ok to drive someone to court " + "and back " * 4_440)
    await ws.fake.wait_until(lambda: any("read only the first" in text_of(c) for c in ws.replies()))
    assert any(f"{bounds.MAX_CHARS:,}" in text_of(c) for c in ws.replies())


# -- 6. a taken port left `peerbot run` up and exiting 0 -------------------------------------------
async def test_a_port_already_taken_stops_the_run(tmp_path, fake: FakeSlack, clock, catalog, monkeypatch):
    """Slack's HTTP port in use: `serve` ends with one line saying so, for `peerbot run` to exit 4."""
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    settings = slack_settings(tmp_path, PORT=taken.getsockname()[1])
    monkeypatch.setattr(runner, "platform_classes", lambda s: {
        "slack": functools.partial(SlackPlatform, base_url=fake.api_url, host="127.0.0.1")})
    try:
        with pytest.raises(runner.PlatformFailed, match="slack failed to start"):
            await asyncio.wait_for(runner.serve(build_bot(settings, clock=clock, catalog=catalog), settings,
                                                asyncio.Event()), 10)
    finally:
        taken.close()
