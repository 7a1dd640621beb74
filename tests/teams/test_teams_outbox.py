"""Scheduled and facilitator posts through the Teams transport: proactive messages with the kept
conversation reference, Teams' rate limits and outages, a removed bot, and at most once."""
from __future__ import annotations

from datetime import timedelta

import teams_payloads as P

from adapters.teams.transport import UNCONFIRMED
from bot.delivery.wire import dump_post
from bot.messages import Post, Reply, Where
from bot.ports import FixedClock
from testing.fake_teams import GENERAL, OTHER_CHANNEL, conversation_of


def post_for(channel: str = GENERAL, key: str = "m:test:1", text: str = "Co-reflection: what went well?",
             thread_of: str | None = None) -> Post:
    return Post(Where("teams", P.TEAM_AAD, channel), Reply(text), key=key, thread_of=thread_of)


async def installed(chat, fake, channel: str = GENERAL) -> None:
    await chat.send(P.installed(fake.url, channel))


async def test_installing_in_a_team_keeps_the_reference_scheduled_posts_use(start_peerbot, chat, fake):
    """peerbot added to a team keeps the General channel's conversation id, service URL and tenant."""
    platform = await start_peerbot()
    chat.platform = platform
    await installed(chat, fake)
    ref = platform.book.get(f"teams:{P.TEAM_AAD}:{GENERAL}")
    assert ref is not None and ref.conversation_id == GENERAL and ref.service_url == fake.url
    assert ref.tenant_id == P.TENANT


async def test_a_personal_chat_is_never_kept(start_peerbot, chat, fake):
    """Speaking to peerbot in personal chat keeps no reference: nothing in the database per person."""
    platform = await start_peerbot()
    chat.platform = platform
    await chat.personal("hello")
    assert platform.bot.store.everything()["teams_conversations"] == []


async def test_removing_peerbot_forgets_the_reference(start_peerbot, chat, fake):
    """When peerbot is removed from the team, its reference there is forgotten."""
    platform = await start_peerbot()
    chat.platform = platform
    await installed(chat, fake)
    await chat.send(P.removed(fake.url))
    assert platform.book.get(f"teams:{P.TEAM_AAD}:{GENERAL}") is None


async def test_a_post_goes_to_the_channel_and_a_reply_under_it_to_its_thread(start_peerbot, chat, fake):
    """A post goes to the kept conversation; a post `thread_of` it goes in its reply chain."""
    platform = await start_peerbot()
    chat.platform = platform
    await installed(chat, fake)
    outbox = platform.adapter.outbox
    [first] = await outbox.deliver([post_for(key="m:a")])
    [second] = await outbox.deliver([post_for(key="m:b", text="Reply in thread", thread_of="m:a")])
    assert first.status == second.status == "sent"
    calls = fake.posted()
    assert conversation_of(calls[-2]) == GENERAL
    assert conversation_of(calls[-1]) == f"{GENERAL};messageid={first.ref}"


async def test_a_429_is_waited_out_for_as_long_as_teams_asks_and_posted_once(start_peerbot, chat, fake, sleeps):
    """Teams' 429 with Retry-After 7 makes the outbox wait 7 seconds, then the post goes out once."""
    platform = await start_peerbot()
    chat.platform = platform
    await installed(chat, fake)
    fake.inject("POST", "/activities$", 429, retry_after=7)
    [result] = await platform.adapter.outbox.deliver([post_for()])
    assert result.status == "sent" and 7.0 in sleeps.waits
    assert len([c for c in fake.posted() if c.json.get("text") == "Co-reflection: what went well?"]) == 2  # refused, then sent
    assert sum(1 for a in fake.sent.values() if a.get("text") == "Co-reflection: what went well?") == 1


async def test_an_outage_is_retried_with_backoff(start_peerbot, chat, fake, sleeps):
    """Two 503s from Teams are retried after 1 and 2 seconds; the third attempt posts."""
    platform = await start_peerbot()
    chat.platform = platform
    await installed(chat, fake)
    fake.inject("POST", "/activities$", 503, times=2)
    [result] = await platform.adapter.outbox.deliver([post_for()])
    assert result.status == "sent" and 1.0 in sleeps.waits and 2.0 in sleeps.waits
    assert sum(1 for a in fake.sent.values() if a.get("text") == "Co-reflection: what went well?") == 1


async def test_a_scheduled_post_refused_because_peerbot_was_removed_pauses_its_schedule(start_peerbot, chat, fake, clock):
    """Teams answering 403 (peerbot removed from the team) marks the post failed, pauses the schedule,
    and the audit log and `schedules` say so."""
    platform = await start_peerbot()
    chat.platform = platform
    await chat.as_(P.FARAH).mention("schedule reflection every monday 10:00")
    fake.removed.add(GENERAL)
    clock.advance(hours=3, minutes=1)
    due = platform.bot.tick()
    [result] = await platform.adapter.outbox.send_claimed(due)
    assert result.status == "failed"
    assert platform.bot.store.schedule(1).paused
    [entry] = [e for e in platform.bot.store.audit_log(f"teams:{P.TEAM_AAD}") if e.action == "schedule paused"]
    assert "removed" in entry.detail and "resume 1" in entry.detail
    listed = await chat.mention("schedules")
    assert "paused" in " ".join(str(a) for a in listed)


async def test_a_post_left_claimed_by_a_crash_is_skipped_not_sent_twice(start_peerbot, chat, fake, teams_settings):
    """After a crash mid-send Teams cannot be asked whether the post went out, so the restart skips it
    (at most once) and records it as unconfirmed."""
    platform = await start_peerbot()
    chat.platform = platform
    await installed(chat, fake)
    post = post_for(key="m:crash")
    platform.bot.store.claim_delivery(post.key, post.where.channel_key, dump_post(post),
                                      platform.bot.clock.now().isoformat(timespec="seconds"))
    platform = await start_peerbot()  # the restart
    before = len(fake.calls)
    # Two minutes on, the crashed process's lease on the post has run out.
    platform.adapter.outbox.clock = FixedClock(platform.bot.clock.now() + timedelta(minutes=2))
    [result] = await platform.adapter.outbox.recover(timedelta(minutes=60))
    assert result.status == "sent" and result.ref == UNCONFIRMED
    assert not fake.posted(before)


async def test_a_timeout_after_sending_is_not_retried(start_peerbot, chat, fake, sleeps, monkeypatch):
    """A send that times out may have reached Teams: it is skipped rather than risk a double post."""
    import httpx

    platform = await start_peerbot()
    chat.platform = platform
    await installed(chat, fake)
    calls = []

    async def timing_out(*args, **kwargs):
        calls.append(args)
        raise httpx.ReadTimeout("read timed out")

    monkeypatch.setattr(platform.transport, "_send", timing_out)
    [result] = await platform.adapter.outbox.deliver([post_for(key="m:timeout")])
    assert len(calls) == 1 and result.ref == UNCONFIRMED


async def test_a_channel_peerbot_was_never_in_gets_no_post(start_peerbot, chat, fake):
    """Without a conversation reference there is nowhere to post: the post fails, nothing is sent."""
    platform = await start_peerbot()
    chat.platform = platform
    [result] = await platform.adapter.outbox.deliver([post_for(channel=OTHER_CHANNEL)])
    assert result.status == "failed" and not fake.posted()


async def test_a_reply_under_a_post_in_a_group_chat_goes_to_the_chat(start_peerbot, chat, fake):
    """Group chats have no threads: a post `thread_of` an earlier one goes to the chat itself."""
    from testing.fake_teams import GROUP_CHAT

    platform = await start_peerbot()
    chat.platform = platform
    await chat.group("privacy", GROUP_CHAT)  # first spoken to there: the reference is kept
    where = Where("teams", P.TENANT, GROUP_CHAT)
    outbox = platform.adapter.outbox
    await outbox.deliver([Post(where, Reply("first"), key="g:a")])
    await outbox.deliver([Post(where, Reply("second"), key="g:b", thread_of="g:a")])
    assert [conversation_of(c) for c in fake.posted()[-2:]] == [GROUP_CHAT, GROUP_CHAT]
