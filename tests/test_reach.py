"""Issue 17 in the core, over the real bot and SQLite: what a facilitator is told when the platform
refuses a post, and what a schedule remembers about it (the adapters' tests show the same through Slack
and Discord)."""
from __future__ import annotations

from bot.delivery import reach
from bot.delivery.outbox import Delivered
from bot.schedules.outcomes import after_delivery


def made_schedule(facilitator) -> int:
    facilitator.say("/peer schedule reflection every monday 10:00")
    (row,) = facilitator.bot.store.schedules()
    return row.id


def test_a_schedule_made_asks_the_adapter_to_check_the_channel(facilitator):
    """Making a schedule asks the adapter to check the bot may post in the channel; listing them does not."""
    [made] = facilitator.say("/peer schedule reflection every monday 10:00")
    assert made.check_channel is True
    assert not any(r.check_channel for r in facilitator.say("/peer schedules"))


def test_reflect_and_checkin_confirm_only_after_the_posts(facilitator):
    """"Posted …" is held back until the posts are accepted (`after_posts`), for reflect, checkin and now."""
    sid = made_schedule(facilitator)
    for said in ("/peer reflect", "/peer checkin", f"/peer schedule now {sid}"):
        [confirmation] = [m for m in facilitator.say(said) if hasattr(m, "after_posts")]
        assert confirmation.after_posts and confirmation.private and confirmation.text.startswith("Posted")


def test_a_refusal_is_told_once_and_shown_until_a_post_goes_out(facilitator):
    """The first refusal of a schedule's post makes one DM to its maker; the next makes none; /peer schedules
    shows "last post failed: not in the channel" until a post goes out again."""
    bot, sid = facilitator.bot, made_schedule(facilitator)
    [notice] = after_delivery(bot, [Delivered(f"s{sid}:2026-11-30T10:00", "failed", reason=reach.NOT_IN_CHANNEL)])
    assert notice.where.channel == "@u-fay" and "/invite @peerbot" in notice.reply.text
    assert after_delivery(bot, [Delivered(f"s{sid}:2026-12-07T10:00", "failed", reason=reach.NOT_IN_CHANNEL)]) == []
    assert "last post failed: not in the channel" in facilitator.say("/peer schedules")[0].text
    after_delivery(bot, [Delivered(f"s{sid}:2026-12-14T10:00", "sent", "ts")])
    assert "last post failed" not in facilitator.say("/peer schedules")[0].text


def test_an_archived_channel_pauses_its_schedule_until_resumed(facilitator):
    """A post refused because the channel is archived pauses the schedule, with why; resuming clears it."""
    bot, sid = facilitator.bot, made_schedule(facilitator)
    after_delivery(bot, [Delivered(f"s{sid}:2026-11-30T10:00", "failed", reason=reach.ARCHIVED)])
    assert "paused: the channel is archived" in facilitator.say("/peer schedules")[0].text
    facilitator.say(f"/peer schedule resume {sid}")
    assert "paused" not in facilitator.say("/peer schedules")[0].text.split(":", 1)[1]


def test_each_platform_gets_its_own_advice():
    """Slack says to /invite peerbot; Discord to give it View Channel and Send Messages in the channel."""
    assert "Invite me with /invite @peerbot in <#C1>" in reach.refused_now(reach.NOT_IN_CHANNEL, "slack", "C1")
    assert "View Channel and Send Messages in <#42>" in reach.refused_now(reach.NO_ACCESS, "discord", "42")


def test_a_message_with_only_a_file_gets_the_short_note(bot):
    """A message with only a file (no text) gets the same short note everywhere, not the help."""
    from bot.messages import Command, Where, Who

    [reply] = bot.handle(Command("", Who("u1"), Where("test", "team", "d1", is_dm=True), "dm", files=True)).messages
    assert "I can only read text" in reply.text
