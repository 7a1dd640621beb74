"""Mentions and direct messages: answered in place, without the message-content intent, and never
letting echoed text ping anyone."""
from __future__ import annotations

from testing import discord_payloads as P
from testing.fake_discord import BOT_ID, GENERAL, Channel

MESSAGE_MAKERS = r"^/channels/\d+/messages$|^/webhooks/\d+/[^/]+$|/callback$"


async def mention(fake, text: str, **kw) -> dict:
    """Say `text` mentioning the bot; returns the bot's first answer in that channel."""
    payload = P.channel_message(f"<@{BOT_ID}> {text}", **kw)
    await fake.dispatch("MESSAGE_CREATE", payload)
    call = await fake.wait_for(lambda: next((c for c in fake.requests("POST", r"^/channels/\d+/messages$")
                                            if str((c.json.get("message_reference") or {}).get("message_id"))
                                            == payload["id"]), None))
    return call.json


async def test_a_mention_is_answered_in_place(start_peerbot, fake):
    """"@peerbot can I drive someone to the food bank?" gets the answer as a reply to that message."""
    await start_peerbot()
    answer = await mention(fake, "can I drive someone to the food bank?")
    assert answer["embeds"][0]["title"]
    assert answer["allowed_mentions"] == {"parse": [], "replied_user": False}


async def test_a_direct_message_is_answered_in_the_dm(start_peerbot, fake):
    """A DM needs no mention: the bot answers in the same conversation."""
    await start_peerbot()
    fake.channels[P.DM_CHANNEL] = Channel(P.DM_CHANNEL, type=1, name="dm")
    payload = P.channel_message("what is co-reflection?", channel=P.DM_CHANNEL, dm=True)
    await fake.dispatch("MESSAGE_CREATE", payload)
    (call,) = await fake.wait_for(lambda: fake.requests("POST", f"^/channels/{P.DM_CHANNEL}/messages$"))
    assert str(call.json["message_reference"]["message_id"]) == payload["id"]


async def test_channel_chatter_and_other_bots_are_left_alone(start_peerbot, fake):
    """Messages that do not mention the bot, and messages from bots, get no answer."""
    await start_peerbot()
    await fake.dispatch("MESSAGE_CREATE", P.channel_message("just chatting", mention_bot=False))
    robot = P.channel_message(f"<@{BOT_ID}> help")
    robot["author"]["bot"] = True
    await fake.dispatch("MESSAGE_CREATE", robot)
    # A later mention is answered, so the earlier ones were seen and skipped (a public answer: private
    # ones to a mention go by DM).
    await mention(fake, "what is co-reflection?")
    assert len(fake.requests("POST", r"^/channels/\d+/messages$")) == 1


async def test_echoed_text_never_pings_anyone(start_peerbot, chat, fake):
    """Text people typed comes back with mentions disabled: @everyone, roles and users stay quiet."""
    await start_peerbot()
    await chat.slash("check", "@everyone <@&820000000000000001>")
    await chat.slash("facilitators", f"add <@{P.ANA}>", who=P.ADMIN)
    await mention(fake, "@everyone what is co-reflection?")
    made = [c for c in fake.calls if c.method == "POST" and __import__("re").search(MESSAGE_MAKERS, c.path)]
    bodies = [c.json.get("data", c.json) if c.path.endswith("/callback") else c.json for c in made]
    assert len(bodies) == 3
    assert all(b["allowed_mentions"]["parse"] == [] for b in bodies)
    assert f"<@{P.ANA}>" in bodies[1]["content"]


async def test_a_form_asked_for_by_mention_opens_from_a_button(start_peerbot, fake, chat):
    """A mention cannot open a modal, so the answer has a button that opens the form, even after a restart."""
    await start_peerbot()
    answer = await mention(fake, "schedule", who=P.FARAH)
    (button,) = answer["components"][0]["components"]
    assert button["custom_id"].startswith("peerform:")
    message = next(m for m in fake.channel_posts(GENERAL) if m["components"])
    await start_peerbot()
    response = await chat.press(message, button["label"], who=P.FARAH)
    assert response["type"] == 9 and response["data"]["custom_id"] == "v1:schedform"
