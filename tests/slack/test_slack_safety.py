"""Crisis support on Slack: ephemeral wherever it was asked for, never a message the channel sees,
and the "Let … know" press reaching the contact as a direct message from the app."""
from __future__ import annotations

import pytest
import slack_payloads as payloads
from slack_harness import SECRET, slack_settings
from slack_workspace import Workspace, buttons_of, text_of

from adapters.bootstrap import build_bot
from adapters.slack import SlackPlatform
from bot.delivery.outbox import Outbox


@pytest.fixture
async def lead_ws(tmp_path, fake, fake_time, clock, catalog):
    """The Slack workspace with an on-call lead, ULEAD, set as the support contact."""
    settings = slack_settings(tmp_path, PEERBOT_SUPPORT_CONTACT="slack:@ULEAD",
                              PEERBOT_SUPPORT_CONTACT_NAME="the on-call lead")
    bot = build_bot(settings, clock=clock, catalog=catalog)
    outbox = Outbox(bot.store, {}, bot.clock, sleep=fake_time.sleep, monotonic=fake_time.monotonic)
    slack = SlackPlatform(bot, settings, outbox, base_url=fake.api_url, host="127.0.0.1")
    await slack.start()
    yield Workspace(f"http://127.0.0.1:{slack.port}/slack/events", SECRET, fake)
    await slack.stop(grace=5)
    bot.store.close()


async def test_a_crisis_slash_command_is_answered_ephemerally(ws: Workspace, fake):
    """`/peer I want to die` gets the crisis lines as an ephemeral message; nothing is posted in the channel."""
    answer = await ws.say("/peer I want to die")
    assert answer.method == "chat.postEphemeral" and answer.args["user"] == "U1"
    assert "9-8-8" in text_of(answer) and "not a crisis service" in text_of(answer)
    assert fake.messages == []


async def test_a_crisis_mention_is_answered_ephemerally_too(ws: Workspace, fake):
    """"@peerbot I'm not safe at home" in a channel is answered only to the person who wrote it."""
    answer = await ws.answer_to(ws.event(payloads.mention("<@UBOT> I'm not safe at home")))
    assert answer.method == "chat.postEphemeral" and "911" in text_of(answer)
    assert fake.messages == []


async def test_let_know_sends_the_contact_a_direct_message_without_the_persons_words(lead_ws: Workspace, fake):
    """Pressing "Let the on-call lead know" messages ULEAD directly, naming the person and nothing they wrote."""
    offer = await lead_ws.say("/peer I took too many pills")
    assert "Let the on-call lead know" in [b["text"]["text"] for b in buttons_of(offer)]
    assert fake.messages == []
    done = await lead_ws.press("Let the on-call lead know", on=offer)
    assert "nothing you wrote was shared" in text_of(done)
    (sent,) = await fake.wait_for("chat.postMessage", channel="ULEAD")
    assert "<@U1>" in sent.args["text"] and "pills" not in sent.args["text"]
