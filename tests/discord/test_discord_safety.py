"""Crisis support on Discord: private wherever it was asked for (ephemeral for `/peer`, a direct
message for a mention in a server channel), and the "Let … know" press reaching the contact by DM."""
from __future__ import annotations

import pytest

from adapters.settings import AppSettings as Settings
from testing import discord_payloads as P
from testing.fake_discord import BOT_ID, GENERAL, Channel

EPHEMERAL = 1 << 6
LEAD = 700000000000000099  # the organization's on-call lead
LEAD_DM = 830000000000000099


@pytest.fixture
def discord_settings(tmp_path) -> Settings:
    return Settings(PEERBOT_DB=str(tmp_path / "t.db"), DISCORD_TOKEN="fake-token",
                    DISCORD_FACILITATOR_ROLE="Facilitators", PEERBOT_SUPPORT_CONTACT=f"discord:@{LEAD}",
                    PEERBOT_SUPPORT_CONTACT_NAME="the on-call lead", _env_file=None)


def open_dm(fake, channel_id: int, user_id: int) -> None:
    """The fake Discord answers the next "open a DM" request with this DM channel."""
    fake.channels[channel_id] = Channel(channel_id, type=1, name="dm")
    fake.script("POST", r"^/users/@me/channels$", 200,
                {"id": str(channel_id), "type": 1, "recipients": [P.user(user_id)], "last_message_id": None})


def text_of(message: dict) -> str:
    embeds = " ".join(f"{e.get('title', '')} {e.get('description', '')} "
                      + " ".join(f.get("value", "") for f in e.get("fields", [])) for e in message.get("embeds", []))
    return f"{message.get('content') or ''} {embeds}"


async def test_a_crisis_slash_command_is_answered_ephemerally(start_peerbot, chat, fake):
    """`/peer ask I want to die` gets the crisis lines as an ephemeral response; the channel sees nothing."""
    await start_peerbot()
    response = await chat.slash("ask", "I want to die")
    assert response["type"] == 4 and response["data"]["flags"] & EPHEMERAL
    assert "9-8-8" in text_of(response["data"])
    assert not fake.requests("POST", rf"^/channels/{GENERAL}/messages$")


async def test_a_crisis_mention_in_a_channel_is_answered_by_direct_message(start_peerbot, fake):
    """"@peerbot I'm not safe at home" in a channel is answered in the person's DMs, never in the channel."""
    await start_peerbot()
    open_dm(fake, P.DM_CHANNEL, P.ANA)
    await fake.dispatch("MESSAGE_CREATE", P.channel_message(f"<@{BOT_ID}> I'm not safe at home"))
    (sent,) = await fake.wait_for(lambda: fake.requests("POST", rf"^/channels/{P.DM_CHANNEL}/messages$"))
    assert "not a crisis service" in text_of(sent.json)
    assert not fake.requests("POST", rf"^/channels/{GENERAL}/messages$")


async def test_when_dms_are_closed_the_channel_gets_only_a_neutral_note(start_peerbot, fake):
    """If Discord refuses the DM, the reply in place says so and carries none of the private answer."""
    await start_peerbot()
    fake.script("POST", r"^/users/@me/channels$", 403, {"code": 50007, "message": "Cannot send messages to this user"})
    await fake.dispatch("MESSAGE_CREATE", P.channel_message(f"<@{BOT_ID}> I want to die"))
    (note,) = await fake.wait_for(lambda: fake.requests("POST", rf"^/channels/{GENERAL}/messages$"))
    assert "privately" in note.json["content"] and "9-8-8" not in text_of(note.json)


async def test_let_know_reaches_the_contact_by_dm_without_the_persons_words(start_peerbot, chat, fake):
    """Pressing "Let the on-call lead know" sends the lead a DM naming the person and nothing they wrote."""
    await start_peerbot()
    await chat.slash("ask", "I want to die")
    offer = fake.original(chat.last)
    open_dm(fake, LEAD_DM, LEAD)
    await chat.press(offer, "Let the on-call lead know")
    (sent,) = await fake.wait_for(lambda: fake.requests("POST", rf"^/channels/{LEAD_DM}/messages$"))
    assert f"<@{P.ANA}>" in text_of(sent.json) and "die" not in text_of(sent.json).lower()
    assert fake.requests("POST", r"^/users/@me/channels$")[-1].json["recipient_id"] == LEAD
