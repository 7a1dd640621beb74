"""Buttons on Discord: one dynamic item answers every versioned action, on any message, after restarts."""
from __future__ import annotations

from datetime import timedelta

import discord

from testing import discord_payloads as P
from testing.fake_discord import GENERAL


def week_old(fake, message: dict) -> dict:
    """The same message as if it had been posted a week ago."""
    old_id = discord.utils.time_snowflake(discord.utils.utcnow() - timedelta(days=7))
    return {**message, "id": str(old_id)}


async def test_a_button_on_a_week_old_message_works_after_a_restart(start_peerbot, chat, fake):
    """Pressing Why? on an answer posted a week ago, by a process since restarted, still answers."""
    await start_peerbot()
    await chat.slash("task", "driving someone to the food bank")
    answer = week_old(fake, fake.original(chat.last))
    first_client = (await start_peerbot()).client  # a new process: new client, same database
    response = await chat.press(answer, "Why?")
    assert response["type"] == 4 and response["data"]["flags"] == 64
    assert response["data"]["embeds"][0]["title"].startswith("Why:")
    assert first_client is not None


async def test_a_button_from_an_unknown_version_gets_the_expired_reply(start_peerbot, chat, fake):
    """A button whose action this version no longer speaks is answered kindly, not left failing."""
    await start_peerbot()
    await chat.slash("task", "driving someone to the food bank")
    message = fake.original(chat.last)
    message = {**message, "components": [{"type": 1, "components": [
        {"type": 2, "style": 2, "label": "Old", "custom_id": "v0:why:something"}]}]}
    response = await chat.send(P.press_id(message, "v0:why:something"))
    assert response["data"]["flags"] == 64 and "expired" in response["data"]["content"]


async def test_a_guided_check_walks_step_by_step_through_private_buttons(start_peerbot, chat, fake):
    """Talk it through: each answer's button brings the next question, privately, until a leaning."""
    await start_peerbot()
    response = await chat.slash("check", "task")
    for _ in range(12):
        message = fake.original(chat.last)
        labels = [b["label"] for row in message["components"] for b in row["components"]]
        if not labels:
            break
        response = await chat.press(message, labels[0])
        assert response["data"]["flags"] == 64
    assert response["data"]["embeds"][0]["title"].startswith("Leaning")


async def test_a_press_that_changes_a_message_edits_it_in_place(start_peerbot, chat, fake):
    """A check-in answer updates the check-in's tally where it is, then thanks the person privately."""
    platform = await start_peerbot()
    await chat.slash("checkin", who=P.ADMIN)
    (checkin,) = await fake.wait_for(lambda: fake.channel_posts(GENERAL))
    label = checkin["components"][0]["components"][0]["label"]
    response = await chat.press(checkin, label, who=P.ANA)
    assert response["type"] == 7 and response["data"]["embeds"][0]["title"] == checkin["embeds"][0]["title"]
    (thanks,) = await chat.followups()
    assert thanks["flags"] == 64 and "anonymous" in thanks["content"]
    assert len(fake.channel_posts(GENERAL)) == 1
    assert platform.client.user is not None


async def test_no_view_is_kept_in_memory_for_sent_buttons(start_peerbot, chat, fake):
    """Buttons are answered by the dynamic item alone, so nothing accumulates per message sent."""
    platform = await start_peerbot()
    for _ in range(3):
        await chat.slash("task", "driving someone to the food bank")
    assert platform.client.persistent_views == []
