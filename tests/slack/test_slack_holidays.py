"""Holidays and closures through Slack: App Home shows the next post after a closure, as the chat does."""
from __future__ import annotations

import slack_payloads as payloads
from slack_workspace import Workspace, text_of

from testing.fake_slack import FakeSlack


async def test_app_home_shows_the_next_post_after_a_closure_and_the_date_it_skips(ws: Workspace, fake: FakeSlack):
    """A facilitator marks a closure over this week; App Home shows next Monday and names the skipped one."""
    await ws.say("/peer schedule reflection every monday 10:00", user="UFAC", channel="C1")
    marked = await ws.say('/peer closed 2026-11-23 to 2026-11-27 "training week"', user="UFAC", channel="C1")
    assert "training week" in text_of(marked)
    home = await ws.answer_to(ws.event(payloads.home_opened(user="U1")))
    assert "next: Mon 2026-11-30 10:00 EST; skipping Mon 2026-11-23, training week" in text_of(home)
