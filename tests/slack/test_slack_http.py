"""Slack's HTTP requests reach peerbot through the real Bolt endpoint: every entry point, signature
checks, acknowledgement before work, and Slack's retried deliveries."""
from __future__ import annotations

import time
from datetime import UTC
from urllib.parse import urlencode

import aiohttp
import slack_payloads as payloads
from slack_harness import SECRET
from slack_sdk.web.async_client import AsyncWebClient
from slack_workspace import Workspace, buttons_of, signed_headers, text_of

from adapters.slack.inbound import Origin
from adapters.slack.reply import answer
from bot.messages import Reply
from testing.fake_slack import FakeSlack


async def test_a_slash_command_is_answered_privately_by_default(ws: Workspace):
    """`/peer help` answers with an ephemeral message only the asker sees."""
    reply = await ws.say("/peer help", user="U1", channel="C1")
    assert reply.method == "chat.postEphemeral"
    assert reply.args["channel"] == "C1" and reply.args["user"] == "U1"
    assert "/peer task" in text_of(reply)


async def test_a_mention_is_answered_in_a_thread_under_it(ws: Workspace, fake: FakeSlack):
    """Mentioning the bot in a channel gets an answer in the thread of that message."""
    reply = await ws.answer_to(ws.event(payloads.mention("<@UBOT> what is co-reflection?", ts="1700000100.000100")))
    assert reply.method == "chat.postMessage"
    assert reply.args["channel"] == "C1" and reply.args["thread_ts"] == "1700000100.000100"
    assert "co-reflection" in text_of(reply).lower()


async def test_a_direct_message_is_answered_in_the_dm(ws: Workspace, fake: FakeSlack):
    """A DM to the bot is answered in the same DM, not in a thread."""
    reply = await ws.answer_to(ws.event(payloads.dm("what is co-reflection?", channel="D1")))
    assert reply.method == "chat.postMessage" and reply.args["channel"] == "D1"
    assert not reply.args.get("thread_ts")


async def test_the_bots_own_messages_in_the_dm_are_ignored(ws: Workspace, fake: FakeSlack):
    """A message the bot itself posted in the DM does not start a conversation with itself."""
    assert await ws.event(payloads.dm("an answer I gave", bot_id="B1")) == 200
    reply = await ws.answer_to(ws.event(payloads.dm("what is mutuality?")))  # a later real message...
    assert len(ws.replies()) == 1 and "mutuality" in text_of(reply).lower()  # ...is the only one answered


async def test_opening_app_home_publishes_what_the_bot_does(ws: Workspace, fake: FakeSlack):
    """Opening the app's Home tab publishes a home view with the bot's purpose and an ask button."""
    home = await ws.answer_to(ws.event(payloads.home_opened(user="U1")))
    assert home.method == "views.publish" and home.args["user_id"] == "U1"
    assert home.args["view"]["type"] == "home"
    assert "Ask a question" in [b["text"]["text"] for b in buttons_of(home)]


async def test_asking_from_app_home_opens_a_modal_and_answers_in_the_dm(ws: Workspace, fake: FakeSlack):
    """"Ask a question" in App Home opens a modal; submitting it answers in the person's DM with the app."""
    home = await ws.answer_to(ws.event(payloads.home_opened()))
    modal = await ws.press("Ask a question", on=home)
    assert modal.method == "views.open" and modal.args["trigger_id"].startswith("trigger.")
    answer = await ws.submit(modal, {"question": "what is co-reflection?"})
    assert answer.method == "chat.postMessage" and answer.args["channel"] == "U1"
    assert "co-reflection" in text_of(answer).lower()


async def test_a_form_asked_for_in_a_dm_comes_as_a_button_that_opens_it(ws: Workspace, fake: FakeSlack):
    """Where Slack gives no trigger for a modal, the form arrives as a button, and the button opens the modal."""
    home = await ws.answer_to(ws.event(payloads.home_opened()))
    element = next(b for b in buttons_of(home) if b["text"]["text"] == "Ask a question")
    in_dm = payloads.button(element["action_id"], channel="D1")
    del in_dm["trigger_id"]
    offer = await ws.answer_to(ws.interact(in_dm))
    assert offer.method == "chat.postMessage" and [b["text"]["text"] for b in buttons_of(offer)] == ["Ask peerbot"]
    modal = await ws.press("Ask peerbot", on=offer)
    assert modal.method == "views.open" and modal.args["view"]["callback_id"] == "peerbot:form"


async def test_the_slash_command_is_acknowledged_before_any_work(ws: Workspace, fake: FakeSlack):
    """Slack gets its 200 at once even when looking up the person is slow; the answer follows."""
    slow = fake.hold("users.info")
    started = time.monotonic()
    assert await ws.command("help") == 200
    assert time.monotonic() - started < 3 and not ws.replies()
    slow.set()
    assert (await fake.wait_for("chat.postEphemeral"))[0].args["user"] == "U1"


async def test_a_wrong_signature_is_rejected_and_nothing_happens(ws: Workspace, fake: FakeSlack):
    """A request signed with another secret gets 401 and is never processed."""
    body = b"command=%2Fpeer&text=help&user_id=U1&channel_id=C1&team_id=T1"
    assert await ws.send(body, "application/x-www-form-urlencoded", secret="not-the-secret") == 401
    await ws.say("/peer topics", user="U2")  # a genuine request afterwards, to have something to wait for
    assert [c.args.get("user") for c in fake.called("chat.postEphemeral")] == ["U2"]


async def test_a_stale_signature_is_rejected_and_nothing_happens(ws: Workspace, fake: FakeSlack):
    """A correctly signed request from more than five minutes ago (a replay) gets 401 and is never processed."""
    body = b"command=%2Fpeer&text=help&user_id=U1&channel_id=C1&team_id=T1"
    assert await ws.send(body, "application/x-www-form-urlencoded", timestamp=int(time.time()) - 600) == 401
    await ws.say("/peer topics", user="U2")
    assert [c.args.get("user") for c in fake.called("chat.postEphemeral")] == ["U2"]


async def test_a_retried_event_is_answered_once(ws: Workspace, fake: FakeSlack):
    """When Slack redelivers an event (same event_id, X-Slack-Retry-Num), the bot answers only once."""
    event = payloads.mention("<@UBOT> what is mutuality?", event_id="Ev0RETRY")
    assert await ws.event(event) == 200
    assert await ws.event(event, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}) == 200
    await fake.wait_for("chat.postMessage")
    await ws.answer_to(ws.event(payloads.mention("<@UBOT> what is co-reflection?")))  # a new event still counts
    assert len(fake.called("chat.postMessage")) == 2


async def test_a_private_answer_where_the_bot_is_not_a_member_uses_the_response_url(ws: Workspace, fake: FakeSlack):
    """In a channel the bot was never invited to, the answer still reaches the asker through the response URL."""
    fake.refuse_channels.add("C404")
    reply = await ws.answer_to(ws.command("help", channel="C404", response_url=fake.response_url(7)))
    assert reply.method == "chat.postEphemeral"  # refused...
    answered = await fake.wait_for("response_url")
    assert answered[0].args["response_type"] == "ephemeral" and "/peer task" in answered[0].args["text"]


async def test_text_a_person_typed_cannot_ping_the_channel_when_the_bot_echoes_it(ws: Workspace, fake: FakeSlack):
    """Slack sends "@channel" in a command as <!channel>; when the bot quotes it back it is escaped and inert."""
    reply = await ws.say("/peer check <!channel> <https://evil.example|click>")
    assert "‹!channel›" in text_of(reply)  # quoted back, with look-alike brackets
    sent = repr(reply.args)
    assert "<!channel>" not in sent and "<https://evil" not in sent and "https://evil" not in sent


def test_remembered_event_ids_expire_after_an_hour(tmp_path):
    """Event ids are kept in the database only as long as Slack may retry, so the table stays small."""
    from datetime import datetime

    from adapters.slack.gate import remember_event
    from bot.ports import FixedClock
    from storage.sqlite import SqliteStore

    clock = FixedClock(datetime(2026, 11, 23, 12, 0, tzinfo=UTC))
    store = SqliteStore(tmp_path / "e.db", clock)
    assert [remember_event(store, clock, e) for e in ("a", "b", "a")] == [True, True, False]
    clock.advance(hours=2)
    assert remember_event(store, clock, "c") is True
    assert [r["key"] for r in store.db.query("select key from seen_requests")] == ["event:c"]
    assert remember_event(store, clock, "a") is True  # expired, so new again


async def test_a_private_update_never_overwrites_a_message_everyone_sees(fake: FakeSlack):
    """If the core asks to replace a channel message with something private, it is sent privately instead."""
    client = AsyncWebClient(token="xoxb-test-token", base_url=fake.api_url)
    on_a_post = Origin("C1", "U1", "button", message_ts="1700000000.000001", response_url=fake.response_url())
    await answer(client, on_a_post, [Reply("only for you", private=True, replace=True)])
    assert not fake.called("chat.update") and fake.called("chat.postEphemeral", user="U1")
    await answer(client, on_a_post, [Reply("tally: 3 answers", replace=True)])
    assert fake.called("chat.update", ts="1700000000.000001")


async def test_every_web_api_call_shares_one_connection_pool(fake, ws):
    """Several questions, each with its role look-up and reply, go to Slack over kept-alive
    connections of one HTTP session rather than a new TCP connection per call."""
    for _ in range(5):
        await ws.say("/peer hello", user="U1")
        await ws.say("/peer hello", user="U2")
    calls = [c for c in fake.calls if c.method != "response_url"]
    assert len(calls) >= 12
    assert len(fake.connections) <= 2, f"{len(fake.connections)} connections for {len(calls)} calls"


async def acknowledgement_of(ws, text: str, user: str) -> tuple[int, str]:
    """Post a signed `/peer text` straight to the endpoint: the HTTP status and the acknowledgement's body."""
    body = urlencode(payloads.slash(text, user=user)).encode()
    headers = signed_headers(SECRET, body, "application/x-www-form-urlencoded")
    async with aiohttp.ClientSession() as session, session.post(ws.endpoint, data=body, headers=headers) as response:
        return response.status, await response.text()


async def test_over_the_bound_the_ack_still_goes_out_with_a_kind_busy_reply(platform, fake, ws):
    """With as many answers under way as allowed, one more /peer is acknowledged at once, and the
    acknowledgement itself tells the person that peerbot is busy; once answers finish, it answers again."""
    platform.adapter.max_in_flight = 1
    gate = fake.hold("users.info")  # the first answer waits on Slack
    assert await ws.command("hello", user="U1") == 200
    assert platform.adapter.in_flight == 1
    status, ack = await acknowledgement_of(ws, "hello", user="U2")
    assert status == 200
    assert "try again in a minute" in ack
    gate.set()
    await platform.drain()
    assert platform.adapter.in_flight == 0
    assert text_of(await ws.say("/peer hello", user="U2"))


async def test_past_the_bound_on_requests_waiting_at_the_replay_check_a_command_is_told_busy_at_once(platform, fake, ws,
                                                                                                 monkeypatch):
    """With as many requests waiting for the replay check as allowed (the database busy), one more
    /peer is acknowledged at once with the kind busy reply and never answered; the one waiting is answered."""
    import asyncio
    import threading

    monkeypatch.setattr("adapters.slack.gate.DEDUPE_WAIT", 60)  # the first one keeps waiting, however slow the machine
    platform.gate.max_waiting = 1
    release = threading.Event()
    platform.adapter.door._executor.submit(release.wait)  # the replay check's thread is held up
    waiting = asyncio.ensure_future(ws.command("hello", user="U1"))
    while platform.gate.waiting < 1:
        await asyncio.sleep(0.01)
    status, ack = await acknowledgement_of(ws, "hello", user="U2")
    assert status == 200
    assert "try again in a minute" in ack
    release.set()
    assert await waiting == 200
    await platform.drain()
    assert [c.args.get("user") for c in fake.called("chat.postEphemeral")] == ["U1"]
