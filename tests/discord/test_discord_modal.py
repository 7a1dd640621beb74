"""Forms on Discord: a modal opens where Discord allows one, and its submission reaches the core."""
from __future__ import annotations

from adapters.discord.render import to_modal
from bot.schedules.chat import schedule_form
from testing import discord_payloads as P
from testing.fake_discord import GENERAL

VALUES = {"kind": "reflection", "when": "every monday 10:00", "theme": ""}


def without_nulls(value):
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


async def test_schedule_without_details_opens_the_form(start_peerbot, chat):
    """`/peer schedule` on its own opens the schedule form as a modal, exactly as rendered."""
    await start_peerbot()
    response = await chat.slash("schedule", who=P.FARAH)
    assert response["type"] == 9
    assert without_nulls(response["data"]) == to_modal(schedule_form().form)


async def test_submitting_the_form_creates_the_schedule(start_peerbot, chat, fake):
    """The modal's fields arrive in the core as the form's values, and the schedule is made."""
    platform = await start_peerbot()
    await chat.slash("schedule", who=P.FARAH)
    response = await chat.send(P.submit("v1:schedform", VALUES, who=P.FARAH))
    assert response["type"] == 4 and response["data"]["content"].startswith("Scheduled #")
    (row,) = platform.bot.store.schedules()
    assert row.kind == "reflection" and row.channel_id == str(GENERAL)


async def test_a_form_opened_before_a_restart_can_be_submitted_after_it(start_peerbot, chat):
    """Nothing about an open modal lives in memory: submitting it after a restart still works."""
    await start_peerbot()
    await chat.slash("schedule", who=P.FARAH)
    platform = await start_peerbot()
    response = await chat.send(P.submit("v1:schedform", VALUES, who=P.FARAH))
    assert response["data"]["content"].startswith("Scheduled #")
    assert len(platform.bot.store.schedules()) == 1


async def test_a_form_with_a_mistake_gets_a_private_explanation(start_peerbot, chat):
    """A submission the core cannot use is answered privately with what to fix; nothing is saved."""
    platform = await start_peerbot()
    response = await chat.send(P.submit("v1:schedform", {**VALUES, "kind": "poetry"}, who=P.FARAH))
    assert response["data"]["flags"] == 64 and "reflection, checkin or session" in response["data"]["content"]
    assert platform.bot.store.schedules() == []
