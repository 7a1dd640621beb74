"""Talking to peerbot on Discord as a newcomer does: courtesy, a check about a task, "did you mean" for a schedule."""
from __future__ import annotations

from testing import discord_payloads as P


def labels(message: dict) -> list[str]:
    return [b["label"] for row in message.get("components") or [] for b in row["components"]]


async def test_thanks_gets_a_warm_private_reply_not_i_dont_know(start_peerbot, chat, fake):
    """`/peer ask thanks!` is courtesy: a short private reply saying what peerbot is and is not."""
    await start_peerbot()
    response = await chat.slash("ask", "thanks!")
    data = response["data"]
    shown = (data.get("content") or "") + " ".join(e.get("description", "") for e in data.get("embeds") or [])
    assert data["flags"] == 64
    assert "You're welcome" in shown and "not a crisis service" in shown and "I don't know" not in shown


async def test_check_alone_takes_the_next_message_as_the_task(start_peerbot, chat, fake):
    """`/peer check`, then `/peer ask` with the task, starts the check about that task."""
    await start_peerbot()
    asked = await chat.slash("check")
    assert "What's the task?" in (asked["data"].get("content") or "")
    first = await chat.slash("ask", "driving someone to a job interview")
    shown = str(first["data"])
    assert "About: driving someone to a job interview" in shown and "(1/7)" in shown


async def test_an_unclear_schedule_offers_a_did_you_mean_button_that_makes_it(start_peerbot, chat, fake):
    """"every month at 10:00" is not guessed: a private "did you mean" whose button schedules the 1st of the month."""
    await start_peerbot()
    response = await chat.slash("schedule", "checkin every month at 10:00", who=P.FARAH)
    assert response["data"]["flags"] == 64 and "Did you mean" in response["data"]["content"]
    message = fake.original(chat.last)
    assert labels(message) == ["Yes, schedule that"]
    made = await chat.press(message, "Yes, schedule that", who=P.FARAH)
    assert "Scheduled #1" in str(made["data"]) and "the 1st of every month at 10:00" in str(made["data"])


async def test_a_participant_cannot_press_a_did_you_mean_into_a_schedule(start_peerbot, chat, fake):
    """The did-you-mean button is for facilitators, like typing the schedule."""
    await start_peerbot()
    await chat.slash("schedule", "checkin every month at 10:00", who=P.FARAH)
    message = fake.original(chat.last)
    refused = await chat.press(message, "Yes, schedule that", who=P.ANA)
    assert "Only facilitators" in str(refused["data"])
