"""Posts reach Slack through the outbox and `SlackTransport`: paced, patient with 429 and 5xx, never
lost and never doubled. The outbox's sleeps are recorded by `FakeTime`, never slept."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from slack_harness import FakeTime

from adapters.bootstrap import build_bot
from adapters.slack.transport import SlackTransport, quiet_client
from bot.delivery.outbox import Outbox
from bot.messages import Card, Choice, Post, Reply, Where
from bot.ports import FixedClock
from bot.settings import Settings

CIRCLE = Where("slack", "T1", "C1")


@pytest.fixture
def outbox(tmp_path, fake, fake_time, catalog):
    bot = build_bot(Settings(_env_file=None, PEERBOT_DB=str(tmp_path / "t.db")), catalog=catalog)
    transport = SlackTransport(quiet_client("xoxb-test-token", base_url=fake.api_url))
    yield Outbox(bot.store, {"slack": transport}, bot.clock, sleep=fake_time.sleep, monotonic=fake_time.monotonic)
    bot.store.close()


def prompt(key: str = "schedule:1:2026-11-23T14:00", text: str = "This week: what helped you hold a boundary?",
           **kwargs) -> Post:
    return Post(CIRCLE, Reply(text, card=Card("Co-reflection", text)), key, **kwargs)


async def test_a_post_goes_out_once_with_its_key_in_the_message_metadata(outbox: Outbox, fake):
    """A scheduled post is posted to its channel carrying its key, and the store records Slack's ts."""
    [result] = await outbox.deliver([prompt()])
    [sent] = fake.posted("C1")
    assert result.status == "sent" and result.ref == sent["ts"]
    assert sent["metadata"] == {"event_type": "peerbot_post",
                                "event_payload": {"key": "schedule:1:2026-11-23T14:00", "part": 1}}
    assert outbox.store.delivery("schedule:1:2026-11-23T14:00").ref == sent["ts"]


async def test_a_rate_limit_waits_as_long_as_slack_asks_then_posts_once(outbox: Outbox, fake, fake_time: FakeTime):
    """A 429 waits exactly Slack's Retry-After, then the post goes out once."""
    fake.fail_next("chat.postMessage", 429, retry_after=7)
    [result] = await outbox.deliver([prompt()])
    assert result.status == "sent" and fake_time.slept == [7.0]
    assert len(fake.called("chat.postMessage")) == 2 and len(fake.posted("C1")) == 1


async def test_an_outage_is_retried_with_backoff_without_doubling(outbox: Outbox, fake, fake_time: FakeTime):
    """Two 503s are retried after 1 s and 2 s; before each retry Slack is asked whether the post went out."""
    fake.fail_next("chat.postMessage", 503, times=2)
    [result] = await outbox.deliver([prompt()])
    assert result.status == "sent" and fake_time.slept == [1.0, 2.0]
    assert len(fake.called("conversations.history")) == 2 and len(fake.posted("C1")) == 1


async def test_a_proxys_html_error_page_counts_as_an_outage(outbox: Outbox, fake, fake_time: FakeTime):
    """A 502 HTML page from a proxy in front of Slack is retried like any outage."""
    fake.fail_next("chat.postMessage", 502, html=True)
    [result] = await outbox.deliver([prompt()])
    assert result.status == "sent" and fake_time.slept == [1.0] and len(fake.posted("C1")) == 1


async def test_a_post_slack_took_before_failing_is_not_sent_again(outbox: Outbox, fake):
    """When Slack posted the message but answered 500, the retry finds it by its key and does not repost it."""
    fake.fail_next("chat.postMessage", 500, after_posting=True)
    [result] = await outbox.deliver([prompt()])
    [sent] = fake.posted("C1")
    assert result.status == "sent" and result.ref == sent["ts"]
    assert len(fake.called("chat.postMessage")) == 1


async def test_a_refused_post_fails_without_retrying(outbox: Outbox, fake, fake_time: FakeTime):
    """A permanent error (the channel is gone) marks the post failed and is not retried."""
    fake.fail_next("chat.postMessage", 200, error="channel_not_found")
    [result] = await outbox.deliver([prompt()])
    assert result.status == "failed" and fake_time.slept == [] and len(fake.called("chat.postMessage")) == 1


async def test_posts_to_one_channel_are_paced_a_second_apart(outbox: Outbox, fake, fake_time: FakeTime):
    """Three posts to the same channel go out in order, about one per second, as Slack asks."""
    posts = [prompt(f"scenario:run1:step{i}", f"Step {i}") for i in range(3)]
    await outbox.deliver(posts)
    assert [m["text"] for m in fake.posted("C1")] == ["Step 0", "Step 1", "Step 2"]
    assert fake_time.slept == [1.0, 1.0]


async def test_a_reply_post_goes_under_its_parent_and_is_looked_for_in_that_thread(outbox: Outbox, fake):
    """A post threaded under an earlier post lands in that thread; after an outage it is searched for there."""
    await outbox.deliver([prompt("scenario:run1:start")])
    parent_ts = fake.posted("C1")[0]["ts"]
    fake.fail_next("chat.postMessage", 502)
    await outbox.deliver([prompt("scenario:run1:reveal", "Responses", thread_of="scenario:run1:start")])
    assert fake.posted("C1")[1]["thread_ts"] == parent_ts
    assert fake.called("conversations.replies")[0].args["ts"] == parent_ts


async def test_the_same_post_delivered_twice_goes_out_once(outbox: Outbox, fake):
    """Delivering a post whose key was already delivered (a rerun, a second process) skips it."""
    await outbox.deliver([prompt()])
    [again] = await outbox.deliver([prompt()])
    assert again.status == "skipped" and len(fake.posted("C1")) == 1


async def test_recovery_after_a_crash_neither_loses_nor_doubles(outbox: Outbox, fake):
    """A post claimed before a crash is sent at restart if Slack never got it, and left alone if it did."""
    lost, landed = prompt("schedule:1:lost", "Lost"), prompt("schedule:1:landed", "Landed")
    outbox.claim([lost, landed])
    fake.messages.append({"channel": "C1", "ts": "1699999999.000001", "thread_ts": None, "text": "Landed",
                          "blocks": None, "metadata": {"event_type": "peerbot_post",
                                                       "event_payload": {"key": "schedule:1:landed", "part": 1}}})
    assert await outbox.recover(timedelta(hours=1)) == []  # the claims' lease has not run out yet
    outbox.clock = FixedClock(datetime.now(UTC) + timedelta(minutes=2))  # now it has
    results = {r.key: r for r in await outbox.recover(timedelta(hours=1))}
    assert results["schedule:1:landed"].ref == "1699999999.000001"
    assert [m["text"] for m in fake.posted("C1")] == ["Landed", "Lost"]


async def test_a_post_too_long_for_one_message_resumes_where_a_rate_limit_stopped_it(outbox: Outbox, fake):
    """A post split over several messages, rate limited after its first part, finishes without repeating it."""
    choices = tuple(Choice(f"Option {i}", f"v1:vote:run1:{i}") for i in range(5))
    body = "\n\n".join(f"Paragraph {i}. " + "words " * 450 for i in range(60))
    fake.fail_next("chat.postMessage", 429, retry_after=2, skip=1)
    [result] = await outbox.deliver([Post(CIRCLE, Reply(body, choices=choices), "scenario:run1:long")])
    parts = fake.posted("C1")
    assert result.status == "sent" and result.ref == parts[0]["ts"] and len(parts) >= 2
    assert [m["metadata"]["event_payload"]["part"] for m in parts] == list(range(1, len(parts) + 1))
    assert len(fake.called("chat.postMessage")) == len(parts) + 1  # the one refused call, nothing doubled
    assert parts[-1]["blocks"][-1]["type"] == "actions"  # the buttons come last


def test_the_transport_client_never_retries_on_its_own():
    """slack-sdk's own retry handlers are off, so only the outbox decides to send again."""
    assert quiet_client("xoxb-x").retry_handlers == []


async def test_the_slack_platform_gives_the_outbox_its_transport(platform):
    """Starting Slack registers its transport with the outbox under "slack", with no retry handlers."""
    assert platform.adapter.outbox.transports["slack"] is platform.transport
    assert platform.transport.client.retry_handlers == []
