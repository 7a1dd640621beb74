"""Teams activities into core requests, on recorded payloads: who, where, what was typed, which button."""
from __future__ import annotations

import teams_payloads as P

from adapters.teams import inbound
from bot.messages import Command, Press
from testing.fake_teams import GENERAL, GROUP_CHAT, TEAM_AAD

URL = "https://smba.trafficmanager.net/amer/"


def test_a_channel_mention_is_a_quiet_question_in_the_teams_channel():
    """`@peerbot task …` in a channel: the bot's mention removed, the team's group id as workspace."""
    request = inbound.request_of(P.mention(URL, "task driving someone to an appointment"))
    assert isinstance(request, Command) and request.text == "task driving someone to an appointment"
    assert request.via == "command" and request.where.workspace == TEAM_AAD and request.where.channel == GENERAL
    assert request.where.thread is None and not request.where.is_dm


def test_a_mention_inside_a_thread_keeps_the_threads_root():
    """A reply in a thread carries the root message id, so answers and shares stay in that thread."""
    request = inbound.request_of(P.mention(URL, "help", thread="1700000000123"))
    assert request.where.thread == "1700000000123"
    assert inbound.origin_of(P.mention(URL, "help", thread="1700000000123")).thread_conversation == \
        f"{GENERAL};messageid=1700000000123"


def test_another_persons_mention_becomes_the_cores_mention():
    """`@peerbot facilitators add @Farah`: Farah's Teams mention becomes `<@id>`, as the core writes people."""
    activity = P.mention(URL, "facilitators add <at>Farah Haddad</at>")
    activity["entities"].append({"type": "mention", "text": "<at>Farah Haddad</at>",
                                 "mentioned": {"id": P.FARAH[0], "name": P.FARAH[2]}})
    assert inbound.request_of(activity).text == f"facilitators add <@{P.FARAH[0]}>"


def test_html_teams_wraps_text_in_is_removed():
    """Teams may send `<p>` and entities; the core gets the plain words."""
    activity = P.personal(URL, "<p>is it ok to grab a coffee &amp; chat?</p>")
    assert inbound.request_of(activity).text == "is it ok to grab a coffee & chat?"


def test_a_personal_chat_is_a_dm_in_the_tenant():
    request = inbound.request_of(P.personal(URL, "hello"))
    assert request.via == "dm" and request.where.is_dm and ":" not in request.where.workspace


def test_a_group_chat_mention_belongs_to_the_chat():
    request = inbound.request_of(P.group_mention(URL, "topics", GROUP_CHAT))
    assert request.where.channel == GROUP_CHAT and not request.where.is_dm


def test_a_card_submit_is_a_press_with_its_form_values():
    """A card's Action.Submit arrives as a message with `value`: the action id and the form's fields."""
    card = {"id": "1700000000111", "conversation": {"id": f"{GENERAL};messageid=1700000000100"}}
    request = inbound.request_of(P.submit(URL, card, {"peer": "v1:schedform"}, values={"kind": "reflection ",
                                                                                      "when": "mon 10:00"}))
    assert isinstance(request, Press) and request.action == "v1:schedform"
    assert request.values == (("kind", "reflection"), ("when", "mon 10:00"))
    assert inbound.origin_of(P.submit(URL, card, {"peer": "v1:x"})).reply_to_id == "1700000000111"


def test_other_bots_and_unaddressed_channel_messages_are_ignored():
    activity = P.mention(URL, "hello")
    activity["from"]["role"] = "bot"
    assert inbound.request_of(activity) is None
    unaddressed = P.mention(URL, "hello")
    unaddressed["entities"] = []
    assert inbound.request_of(unaddressed) is None
