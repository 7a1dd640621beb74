"""The messaging endpoint: the SDK's inbound authentication, replies through Teams' rate limits,
and what peerbot ignores."""
from __future__ import annotations

import teams_payloads as P

from adapters.bootstrap import build_bot
from adapters.teams.platform import TeamsPlatform
from bot.delivery.outbox import Outbox
from testing.fake_teams import GENERAL, text_of
from tests.teams.conftest import fake_token


async def strict_platform(teams_settings, catalog, clock, fake) -> TeamsPlatform:
    bot = build_bot(teams_settings, clock=clock, catalog=catalog)
    platform = TeamsPlatform(bot, teams_settings, Outbox(bot.store, {}, bot.clock), token=fake_token,
                             graph_url=fake.graph, service_url=fake.url, host="127.0.0.1")
    await platform.start()
    return platform


async def test_a_request_without_the_bot_connectors_token_is_refused(teams_settings, catalog, clock, fake, chat):
    """Without the test-only constructor argument, an activity with no Bearer token gets 401 and no answer."""
    platform = await strict_platform(teams_settings, catalog, clock, fake)
    chat.platform = platform
    try:
        assert await chat.post(P.personal(fake.url, "hello")) == 401
        assert not fake.calls
    finally:
        await platform.stop()


async def test_the_sdks_environment_variable_cannot_turn_authentication_off(teams_settings, catalog, clock, fake,
                                                                            chat, monkeypatch):
    """DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS=true in the environment changes nothing: still 401."""
    monkeypatch.setenv("DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS", "true")
    platform = await strict_platform(teams_settings, catalog, clock, fake)
    chat.platform = platform
    try:
        assert await chat.post(P.personal(fake.url, "hello")) == 401
    finally:
        await platform.stop()


async def test_a_body_that_is_not_json_is_refused_kindly(start_peerbot, chat, fake):
    """Garbage on the endpoint is a 400, not a crash."""
    import aiohttp

    chat.platform = await start_peerbot()
    async with aiohttp.ClientSession() as session:
        async with session.post(chat.endpoint, data=b"not json", headers={"Content-Type": "application/json"}) as r:
            assert r.status == 400


async def test_a_reply_refused_with_429_is_sent_after_the_wait(start_peerbot, chat, fake, sleeps):
    """A 429 on a reply is waited out (Retry-After 2) and the answer still arrives, once."""
    chat.platform = await start_peerbot()
    fake.inject("POST", "/activities$", 429, retry_after=2)
    out = await chat.personal("privacy")
    assert 2.0 in sleeps.waits
    assert sum(1 for a in fake.sent.values() if "Who sees what" in text_of(a)) == 1
    assert out


async def test_a_channel_message_not_addressed_to_peerbot_is_ignored(start_peerbot, chat, fake):
    """A channel message without an @mention of peerbot (if Teams ever sent one) gets no answer."""
    chat.platform = await start_peerbot()
    activity = P.mention(fake.url, "task driving someone")
    activity["entities"] = []
    activity["text"] = "task driving someone"
    assert await chat.send(activity) == []


async def test_a_mention_in_a_thread_is_answered_in_that_thread(start_peerbot, chat, fake):
    """`@peerbot help` replied inside an existing thread answers in that thread (help is private, so the
    thread gets the note and the help goes to personal chat)."""
    chat.platform = await start_peerbot()
    out = await chat.mention("schedules", thread="1700000000999")
    assert any(a["conversation"]["id"] == f"{GENERAL};messageid=1700000000999" for a in out)


async def test_a_forged_channel_on_a_private_card_is_ignored(start_peerbot, chat, fake):
    """A Share press whose carried channel was edited does not post anywhere: the signature fails and the
    press counts as made in personal chat, where there is nothing to share with."""
    chat.platform = await start_peerbot()
    out = await chat.mention("task driving someone to an appointment")
    answer = next(a for a in out if a["conversation"]["id"].startswith("a:"))
    from testing.fake_teams import buttons_of

    data = buttons_of(answer)["Share with the channel"]
    data["from"]["p"] = data["from"]["p"].replace("team-general", "second-channel")
    before = len(fake.calls)
    said = await chat.send(P.submit(fake.url, answer, data))
    assert not [c for c in fake.posted(before) if "second-channel" in c.path]
    assert "no channel to share" in " ".join(map(text_of, said))


async def test_a_message_from_another_tenant_is_ignored(start_peerbot, chat, fake):
    """A single-tenant peerbot answers its own organization only: another tenant's message gets nothing."""
    chat.platform = await start_peerbot()
    activity = P.personal(fake.url, "hello")
    activity["channelData"]["tenant"]["id"] = "11111111-2222-4333-8444-555555555555"
    activity["conversation"]["tenantId"] = "11111111-2222-4333-8444-555555555555"
    assert await chat.send(activity) == []


async def test_a_vote_on_a_channel_card_adds_nothing_to_the_channel(start_peerbot, chat, fake):
    """Pressing a check-in answer updates the card and thanks the person in personal chat, with no note in
    the channel (which would crowd it, one per vote)."""
    chat.platform = await start_peerbot()
    await chat.as_(P.FARAH).mention("checkin")
    checkin_id, checkin = next((aid, a) for aid, a in fake.sent.items() if a["conversation"]["id"] == GENERAL)
    from testing.fake_teams import buttons_of

    before = len(fake.calls)
    await chat.press({**checkin, "id": checkin_id}, next(iter(buttons_of(checkin))))
    new_in_channel = [c for c in fake.posted(before) if c.path.split("/")[3].startswith(GENERAL)]
    assert new_in_channel == []
