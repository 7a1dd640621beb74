"""A scenario discussion run on Discord: private preview, the situation in the channel, the questions
and an anonymous poll in its thread, votes that update the poll in place, and the reveal."""
from __future__ import annotations

from testing import discord_payloads as P
from testing.fake_discord import GENERAL


def labels(message: dict) -> list[str]:
    return [b["label"] for row in message["components"] for b in row["components"]]


async def test_a_facilitator_runs_a_scenario_in_a_thread(start_peerbot, chat, fake):
    """Preview, start, vote and reveal: each step lands where the group expects it, once."""
    await start_peerbot()
    preview = await chat.slash("scenario", "gifts", who=P.FARAH)
    assert preview["data"]["flags"] == 64 and labels(preview["data"]) == ["Start", "Another one", "Cancel"]
    start = P.press(fake.original(chat.last), "Start", who=P.FARAH)
    started = await chat.send(start)
    assert started["type"] == 6  # "Started" waits until Discord took the scenario's posts
    await fake.wait_for(lambda: labels(fake.original(start)) == ["Reveal", "Pause", "End"])

    (situation,) = await fake.wait_for(lambda: fake.channel_posts(GENERAL))
    assert situation["embeds"][0]["title"].startswith("Scenario:")
    thread = await fake.wait_for(lambda: fake.channels.get(int(situation["id"])))
    await fake.wait_for(lambda: len(fake.channel_posts(thread.id)) >= 2)
    questions, poll = fake.channel_posts(thread.id)[:2]
    assert questions["embeds"][0]["title"] == "Questions to talk through"
    assert poll["embeds"][0]["title"] == "Poll (anonymous)"

    voted = await chat.send(P.press(poll, labels(poll)[0], who=P.ANA, thread_of=GENERAL))
    assert voted["type"] == 7 and voted["data"]["embeds"][0]["title"] == "Poll (anonymous)"
    (thanks,) = await chat.followups()
    assert thanks["flags"] == 64

    revealed = await chat.send(P.press(fake.original(start), "Reveal", who=P.FARAH))
    assert revealed["type"] == 7
    await fake.wait_for(lambda: len(fake.channel_posts(thread.id)) >= 4)
    titles = [m["embeds"][0]["title"] for m in fake.channel_posts(thread.id)]
    assert titles[2].startswith("Reveal:") and titles[3] == "To close"
    assert len(fake.channel_posts(GENERAL)) == 1  # everything after the situation stayed in its thread
