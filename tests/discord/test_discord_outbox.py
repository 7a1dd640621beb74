"""Posts nobody asked for right now (schedules, scenario steps) go out through the outbox and the
Discord transport: once, in order, in the right thread, patient with rate limits and outages."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from adapters.discord.transport import nonce_for
from adapters.scheduler import Registrar
from bot.messages import Card, Post, Reply, Where
from bot.ports import FixedClock
from testing import discord_payloads as P
from testing.fake_discord import CIRCLE, GENERAL, GUILD_ID

MESSAGES = r"^/channels/\d+/messages$"
RATE_LIMITED = {"message": "You are being rate limited.", "global": False}
MONDAY_10_TORONTO = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)


def post(key: str, text: str = "A prompt for the circle.", channel: int = CIRCLE, due_at: str = "", **kw) -> Post:
    return Post(Where("discord", str(GUILD_ID), str(channel)), Reply(text, **kw), key=key, due_at=due_at)


def posts_to(fake, channel: int) -> list:
    return fake.requests("POST", f"^/channels/{channel}/messages$")


async def test_a_scheduled_prompt_is_posted_once_with_a_thread_to_reply_in(start_peerbot, chat, fake, clock):
    """At its time a scheduled prompt appears in the channel, with a thread; firing again posts nothing."""
    platform = await start_peerbot()
    await chat.slash("schedule", "reflection every monday 10:00", who=P.FARAH)
    registrar = Registrar(platform.bot, platform.outbox)
    clock.set(MONDAY_10_TORONTO)
    (row,) = platform.bot.store.schedules()
    await registrar.fire(row.id)
    await registrar.fire(row.id)
    (prompt,) = fake.channel_posts(GENERAL)
    assert prompt["embeds"][0]["title"].startswith("Co-reflection")
    assert prompt["allowed_mentions"] == {"parse": []}
    thread = fake.channels[int(prompt["id"])]
    assert thread.parent_id == GENERAL and thread.name == prompt["embeds"][0]["title"]
    assert platform.bot.store.unfinished_deliveries("") == []


async def test_only_a_post_that_opens_a_thread_gets_one_straight_away(start_peerbot, fake):
    """A post marked `opens_thread` gets its thread when sent; words in a post's text never decide it."""
    platform = await start_peerbot()
    inviting = Post(Where("discord", str(GUILD_ID), str(CIRCLE)), Reply("What gave you hope this week?"),
                    key="k-open", opens_thread=True)
    mentions_threads = post("k-plain", "The answer is in the thread above.")
    await platform.outbox.deliver([inviting, mentions_threads])
    opened, plain = fake.channel_posts(CIRCLE)
    assert int(opened["id"]) in fake.channels and int(plain["id"]) not in fake.channels


async def test_every_message_carries_a_nonce_discord_enforces(start_peerbot, fake):
    """Each message of a post carries a nonce derived from the post's key, with enforce_nonce set."""
    platform = await start_peerbot()
    (result,) = await platform.outbox.deliver([post("k-nonce", "word " * 900)])
    calls = posts_to(fake, CIRCLE)
    assert result.status == "sent" and len(calls) == 3
    assert [c.json["nonce"] for c in calls] == [nonce_for("k-nonce", i) for i in range(3)]
    assert all(c.json["enforce_nonce"] is True and len(c.json["nonce"]) <= 25 for c in calls)
    assert result.ref == fake.channel_posts(CIRCLE)[0]["id"]


async def test_a_long_rate_limit_is_waited_out_by_the_outbox_and_posted_once(start_peerbot, fake, sleeps):
    """A 429 asking for 42 s makes the outbox wait 42 s (on its own clock) and try again: one message."""
    platform = await start_peerbot()
    fake.script("POST", MESSAGES, 429, {**RATE_LIMITED, "retry_after": 42.0},
                headers={"Via": "1.1 google", "Retry-After": "42"})
    (result,) = await platform.outbox.deliver([post("k-429")])
    assert result.status == "sent"
    assert 42.0 in sleeps.waits
    assert len(posts_to(fake, CIRCLE)) == 2 and len(fake.channel_posts(CIRCLE)) == 1


async def test_a_short_rate_limit_is_retried_by_discord_py_without_a_duplicate(start_peerbot, fake, sleeps):
    """A 429 with a wait under 30 s is retried inside discord.py; nothing was posted, so one message results."""
    platform = await start_peerbot()
    fake.script("POST", MESSAGES, 429, {**RATE_LIMITED, "retry_after": 0}, headers={"Via": "1.1 google"}, times=2)
    (result,) = await platform.outbox.deliver([post("k-429-short")])
    assert result.status == "sent" and sleeps.waits == []
    assert len(posts_to(fake, CIRCLE)) == 3 and len(fake.channel_posts(CIRCLE)) == 1


async def test_a_429_from_the_edge_becomes_a_wait_in_the_outbox(start_peerbot, fake, sleeps):
    """A 429 discord.py will not retry (no Via header: Cloudflare) still becomes a wait, then a post."""
    platform = await start_peerbot()
    fake.script("POST", MESSAGES, 429, {**RATE_LIMITED, "retry_after": 5}, headers={"Retry-After": "5"})
    (result,) = await platform.outbox.deliver([post("k-429-edge")])
    assert result.status == "sent" and 5.0 in sleeps.waits and len(fake.channel_posts(CIRCLE)) == 1


async def test_an_outage_is_retried_with_backoff(start_peerbot, fake, sleeps):
    """A 503 is an outage: the outbox backs off and tries again, and the post goes out once."""
    platform = await start_peerbot()
    fake.script("POST", MESSAGES, 503, {"message": "Service Unavailable", "code": 0}, times=2)
    (result,) = await platform.outbox.deliver([post("k-503")])
    assert result.status == "sent" and 1.0 in sleeps.waits and 2.0 in sleeps.waits
    assert len(fake.channel_posts(CIRCLE)) == 1


async def test_a_message_made_but_reported_as_failed_is_not_sent_again(start_peerbot, fake):
    """When Discord made the message but the answer was an error, the retry finds it: one message."""
    platform = await start_peerbot()
    fake.script("POST", MESSAGES, 503, {"message": "upstream timeout", "code": 0}, commit=True)
    (result,) = await platform.outbox.deliver([post("k-lost")])
    (message,) = fake.channel_posts(CIRCLE)
    assert result.status == "sent" and result.ref == message["id"]


async def test_a_post_sent_just_before_a_crash_is_found_after_the_restart(start_peerbot, fake, discord_settings):
    """A post claimed and sent, but not recorded before a crash, is found in the channel's history by
    the next process and marked sent, not posted again."""
    fake.echo = False  # the new process never saw it on the gateway
    platform = await start_peerbot()
    crashed = post("k-crash", due_at=datetime.now(UTC).isoformat(timespec="seconds"))
    platform.outbox.claim([crashed])
    await platform.transport.send(crashed, None)  # ...and the process dies before recording it
    platform = await start_peerbot()
    # Two minutes on, the crashed process's lease on the post has run out.
    platform.outbox.clock = FixedClock(platform.bot.clock.now() + timedelta(minutes=2))
    (result,) = await platform.outbox.recover(timedelta(minutes=discord_settings.grace_minutes))
    assert result.status == "sent" and result.ref == fake.channel_posts(CIRCLE)[0]["id"]
    assert len(posts_to(fake, CIRCLE)) == 1
    assert fake.requests("GET", f"^/channels/{CIRCLE}/messages$")


async def test_a_refused_post_is_marked_failed_without_retrying(start_peerbot, fake, sleeps):
    """403 (the bot may not post in that channel) is final: no waiting, no retry."""
    platform = await start_peerbot()
    fake.script("POST", MESSAGES, 403, {"message": "Missing Permissions", "code": 50013})
    (result,) = await platform.outbox.deliver([post("k-403")])
    assert result.status == "failed" and sleeps.waits == [] and len(posts_to(fake, CIRCLE)) == 1


async def test_replies_under_a_post_go_in_its_thread(start_peerbot, fake):
    """A post with `thread_of` goes in the thread of the earlier post, started then if needed."""
    platform = await start_peerbot()
    parent = post("k-parent", card=Card("Session: Boundaries", "Today we talk about boundaries."))
    child = Post(parent.where, Reply("1. Check in"), key="k-child", thread_of="k-parent")
    grandchild = Post(parent.where, Reply("2. Reflect"), key="k-grandchild", thread_of="k-child")
    results = await platform.outbox.deliver([parent, child, grandchild])
    assert [r.status for r in results] == ["sent"] * 3
    (top,) = fake.channel_posts(CIRCLE)
    thread = fake.channels[int(top["id"])]
    assert thread.name == "Session: Boundaries"
    assert [m["content"] for m in thread.messages] == ["1. Check in", "2. Reflect"]
    assert results[1].ref == f"{top['id']}/{thread.messages[0]['id']}"


async def test_posts_wait_for_login_when_the_transport_is_used_alone(fake, discord_settings, catalog, clock):
    """`peerbot tick` delivers without a gateway: the transport logs in over REST on first use."""
    from adapters.bootstrap import build_bot
    from adapters.discord.platform import DiscordPlatform
    from bot.delivery.outbox import Outbox

    bot = build_bot(discord_settings, clock=clock, catalog=catalog)
    transport = DiscordPlatform(bot, discord_settings, Outbox(bot.store, {}, clock)).transport
    parent = post("k-tick", card=Card("Session: Hope", "Today's prompt."))
    step = Post(parent.where, Reply("1. Check in"), key="k-tick:step1", thread_of="k-tick")
    results = await Outbox(bot.store, {"discord": transport}, clock).deliver([parent, step])
    await transport.close()
    assert [r.status for r in results] == ["sent", "sent"] and not fake.sockets
    (top,) = fake.channel_posts(CIRCLE)
    assert [m["content"] for m in fake.channels[int(top["id"])].messages] == ["1. Check in"]


async def test_a_repeat_of_an_earlier_post_is_not_mistaken_for_it(start_peerbot, fake):
    """Looking for a post in history matches its buttons too: this week's check-in is not last week's."""
    fake.echo = False
    platform = await start_peerbot()
    from bot.messages import Choice

    last_week = post("k-week1", "How was your week?", choices=(Choice("Good", "v1:pulse:r-week1:good"),))
    this_week = post("k-week2", "How was your week?", choices=(Choice("Good", "v1:pulse:r-week2:good"),))
    await platform.outbox.deliver([last_week])
    platform = await start_peerbot()
    assert await platform.transport.find_sent(this_week, None) is None
    assert await platform.transport.find_sent(last_week, None) == fake.channel_posts(CIRCLE)[0]["id"]
