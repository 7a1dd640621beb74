"""Issue 17 on Discord, through the real discord.py code: the first day in a real server. Where peerbot
may not post, Discord answers 403 Missing Access (code 50001) or Missing Permissions (50013), and 404
Unknown Channel (10003) for a deleted channel (discord.com/developers/docs/topics/opcodes-and-status-codes,
"JSON Error Codes"); whoever asked is told so privately with what to do, never "Posted". FARAH is a
facilitator by role; the clock stands at Monday 12:00 UTC (07:00 in Toronto)."""
from __future__ import annotations

from datetime import UTC, datetime

from adapters.scheduler import Registrar
from testing import discord_payloads as P
from testing.fake_discord import GENERAL, GUILD_ID, Channel

MESSAGES = f"^/channels/{GENERAL}/messages$"
MONDAY_0730_TORONTO = datetime(2026, 11, 23, 12, 30, tzinfo=UTC)


def said(message: dict) -> str:
    data = message.get("data", message)
    return " ".join([data.get("content") or ""] + [f"{e.get('title', '')} {e.get('description', '')}"
                                                  for e in data.get("embeds") or []])


def dms(fake) -> list[dict]:
    """Messages peerbot sent in direct-message channels."""
    return [m for c in fake.channels.values() if c.type == 1 for m in c.messages]


async def test_reflect_where_peerbot_may_not_post_says_give_me_send_messages(start_peerbot, chat, fake):
    """`/peer reflect` where Discord answers 403 Missing Access: the facilitator is told privately to give
    peerbot View Channel and Send Messages in the channel, and never "Posted"."""
    await start_peerbot()
    fake.script("POST", MESSAGES, 403, {"code": 50001, "message": "Missing Access"})
    response = await chat.slash("reflect", who=P.FARAH)
    assert response["type"] == 5  # "thinking…", privately: nothing said until Discord answers
    [note] = await chat.followups()
    assert note["flags"] == 64 and "Send Messages" in note["content"] and f"<#{GENERAL}>" in note["content"]
    assert "Posted" not in note["content"] and not fake.channel_posts(GENERAL)


async def test_checkin_with_missing_permissions_says_what_to_do(start_peerbot, chat, fake):
    """`/peer checkin` refused with 403 Missing Permissions gets the same plain advice, privately."""
    await start_peerbot()
    fake.script("POST", MESSAGES, 403, {"code": 50013, "message": "Missing Permissions"})
    await chat.slash("checkin", who=P.FARAH)
    [note] = await chat.followups()
    assert note["flags"] == 64 and "no permission to post there" in note["content"]


async def test_checkin_in_a_deleted_channel_says_it_cannot_be_found(start_peerbot, chat, fake):
    """`/peer checkin` refused with 404 Unknown Channel says the channel can't be found any more."""
    await start_peerbot()
    fake.script("POST", MESSAGES, 404, {"code": 10003, "message": "Unknown Channel"})
    await chat.slash("checkin", who=P.FARAH)
    [note] = await chat.followups()
    assert "can't find" in note["content"] and "Posted" not in note["content"]


async def test_posted_is_said_only_after_discord_took_the_post(start_peerbot, chat, fake):
    """Where peerbot may post, "Posted a co-reflection prompt." follows the prompt's own message."""
    await start_peerbot()
    await chat.slash("reflect", who=P.FARAH)
    [note] = await chat.followups()
    assert note["flags"] == 64 and note["content"] == "Posted a co-reflection prompt."
    posted = fake.requests("POST", MESSAGES)
    assert posted and fake.calls.index(posted[0]) < fake.calls.index(fake.requests("POST", "/webhooks/")[-1])


async def test_a_schedule_made_where_peerbot_may_not_send_warns(start_peerbot, chat, fake):
    """A schedule made in a channel where peerbot's `app_permissions` lack Send Messages warns at once."""
    await start_peerbot()
    response = await chat.slash("schedule", "reflection every monday 10:00", who=P.FARAH,
                                app_permissions=1 << 10)  # View Channel only
    assert "Scheduled #1" in said(response)
    [warning] = await chat.followups()
    assert warning["flags"] == 64 and "Heads up" in warning["content"] and "Send Messages" in warning["content"]


async def test_a_schedule_made_where_peerbot_may_post_does_not_warn(start_peerbot, chat, fake):
    """With the permissions the invite link grants, making a schedule warns about nothing."""
    platform = await start_peerbot()
    response = await chat.slash("schedule", "reflection every monday 10:00", who=P.FARAH)
    assert "Scheduled #1" in said(response)
    assert len(platform.bot.store.schedules()) == 1
    assert not fake.requests("POST", f"/webhooks/\\d+/{chat.last['token']}$")


async def test_a_refused_scheduled_post_is_kept_shown_and_told_once(start_peerbot, chat, fake, clock):
    """A scheduled prompt refused with 403 is shown in /peer schedules and its maker is told once, by DM."""
    platform = await start_peerbot()
    await chat.slash("schedule", "reflection every monday 7:30", who=P.FARAH)
    fake.script("POST", MESSAGES, 403, {"code": 50001, "message": "Missing Access"}, times=2)
    registrar = Registrar(platform.bot, platform.outbox)
    clock.set(MONDAY_0730_TORONTO)
    await registrar.sweep()
    [dm] = await fake.wait_for(lambda: dms(fake))
    assert "Schedule #1" in dm["content"] and "Send Messages" in dm["content"]
    assert int(fake.requests("POST", "^/users/@me/channels$")[0].json["recipient_id"]) == P.FARAH
    clock.advance(days=7)
    await registrar.sweep()
    assert len(dms(fake)) == 1
    listing = await chat.slash("schedules")
    assert "last post failed: no permission to post there" in said(listing)


async def test_a_schedule_in_a_deleted_channel_pauses_itself(start_peerbot, chat, fake, clock):
    """A scheduled post refused with 404 Unknown Channel pauses its schedule, and /peer schedules says why."""
    platform = await start_peerbot()
    await chat.slash("schedule", "checkin every monday 7:30", who=P.FARAH)
    fake.script("POST", MESSAGES, 404, {"code": 10003, "message": "Unknown Channel"})
    clock.set(MONDAY_0730_TORONTO)
    await Registrar(platform.bot, platform.outbox).sweep()
    [dm] = await fake.wait_for(lambda: dms(fake))
    assert "paused it" in dm["content"]
    (row,) = platform.bot.store.schedules()
    assert row.paused and row.paused_why == "gone"
    listing = await chat.slash("schedules")
    assert "paused: the channel was deleted" in said(listing)


async def test_a_dm_with_only_an_attachment_says_peerbot_reads_text(start_peerbot, fake):
    """A DM carrying only an image (its `attachments` as Discord's Attachment Object has them, and no
    content) gets the same short note as on Slack, not the full help."""
    await start_peerbot()
    payload = P.channel_message("", dm=True, channel=P.DM_CHANNEL, attachments=[P.attachment()])
    fake.channels[P.DM_CHANNEL] = Channel(P.DM_CHANNEL, type=1, name="dm")
    await fake.dispatch("MESSAGE_CREATE", payload)
    [reply] = await fake.wait_for(lambda: fake.channels[P.DM_CHANNEL].messages)
    assert "I can only read text" in reply["content"] and "/peer task" not in reply["content"]


async def test_interactions_carry_the_fields_a_guild_install_gets(start_peerbot, chat):
    """The payloads peerbot is tested with have what Discord sends a server-installed app: the server as
    the authorizing owner ("0" in a DM), the partial guild, app_permissions, and a numeric id on a pressed
    button; they are answered."""
    await start_peerbot()
    guild = P.slash("help")
    assert guild["authorizing_integration_owners"] == {"0": str(GUILD_ID)} and guild["guild"]["id"] == str(GUILD_ID)
    assert int(guild["app_permissions"]) == P.BOT_GRANTED
    assert P.slash("help", dm=True)["authorizing_integration_owners"] == {"0": "0"}
    response = await chat.slash("task", "driving someone to the food bank")
    button = response["data"]["components"][0]["components"][0]
    message = chat.fake.original(chat.last)
    press = P.press_id(message, button["custom_id"])
    assert isinstance(press["data"]["id"], int)
    answered = await chat.send(press)
    assert answered["type"] in (4, 5, 6, 7)
