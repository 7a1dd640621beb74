"""What Discord sends becomes the core request it means: who is asking, with which role, where, and what.

Recorded gateway payloads go through the real discord.py parsing to the adapter; a recording bot
notes the request the core was handed.
"""
from __future__ import annotations

import pytest

from adapters.discord.inbound import form_values, role_for, where_for
from bot.messages import Command, Press, Role, Where, Who
from testing import discord_payloads as P
from testing.fake_discord import BOT_ID, GENERAL, GUILD_ID, OWNER_ID, Channel


class RecordingBot:
    """The real bot, noting every request it is handed."""

    def __init__(self, bot):
        self.bot = bot
        self.requests: list = []

    def __getattr__(self, name):
        return getattr(self.bot, name)

    def handle(self, request):
        self.requests.append(request)
        return self.bot.handle(request)


@pytest.fixture
async def core(start_peerbot, fake):
    platform = await start_peerbot()
    recorder = RecordingBot(platform.bot)
    platform.adapter.bot = recorder
    fake.channels[P.DM_CHANNEL] = Channel(P.DM_CHANNEL, type=1, name="dm")
    return recorder


HERE = Where("discord", str(GUILD_ID), str(GENERAL))


@pytest.mark.parametrize("who, permissions, role", [
    (P.ANA, None, Role.PARTICIPANT),
    (P.FARAH, None, Role.FACILITATOR),  # holds the role named in DISCORD_FACILITATOR_ROLE
    (P.ANA, P.BASIC | P.MANAGE_CHANNELS, Role.FACILITATOR),
    (P.ADMIN, None, Role.ADMIN),  # has Administrator
    (OWNER_ID, P.BASIC, Role.ADMIN),  # owns the server
])
async def test_a_slash_command_says_who_asked_and_with_which_role(core, chat, who, permissions, role):
    """/peer task from each kind of member reaches the core with the role Discord implies."""
    await chat.slash("task", "driving someone", who=who, permissions=permissions)
    (request,) = core.requests
    assert request == Command("task driving someone", Who(str(who), role, request.who.name), HERE, via="command")


async def test_a_command_in_a_thread_belongs_to_the_parent_channel(core, chat):
    """In a thread, the channel is the thread's parent and the thread is noted, as on Slack."""
    await chat.slash("schedules", channel=123456789012345678, thread_of=GENERAL)
    assert core.requests[0].where == Where("discord", str(GUILD_ID), str(GENERAL), thread="123456789012345678")


async def test_a_command_in_a_dm_is_private_and_unprivileged(core, chat):
    """A DM is its own workspace, marked as a DM; nobody is a facilitator there."""
    await chat.slash("help", dm=True, channel=P.DM_CHANNEL, who=P.ADMIN)
    (request,) = core.requests
    assert request.where == Where("discord", "dm", str(P.DM_CHANNEL), is_dm=True)
    assert request.who.role == Role.PARTICIPANT


async def test_a_button_press_carries_its_action(core, chat, fake):
    """A press arrives as the core action in the button's custom id."""
    await chat.slash("task", "driving someone to the food bank")
    await chat.press(fake.original(chat.last), "Sources")
    press = core.requests[-1]
    assert isinstance(press, Press) and press.action.startswith("v1:sources:") and press.where == HERE


async def test_a_modal_submission_carries_its_values_in_order(core, chat):
    """A submitted modal arrives as a press of the form's action with each field's value."""
    await chat.send(P.submit("v1:asked", {"question": " what is co-reflection? ", "extra": "x"}))
    assert core.requests[-1].action == "v1:asked"
    assert core.requests[-1].values == (("question", "what is co-reflection?"), ("extra", "x"))


async def test_a_mention_is_a_command_without_the_mention(core, fake):
    """"@peerbot help" reaches the core as "help", marked as a mention."""
    await fake.dispatch("MESSAGE_CREATE", P.channel_message(f"<@{BOT_ID}> help"))
    await fake.wait_for(lambda: core.requests)
    assert core.requests[0] == Command("help", core.requests[0].who, HERE, via="mention")
    assert core.requests[0].who.user_id == str(P.ANA)


async def test_a_direct_message_is_a_command_from_the_dm(core, fake):
    """A DM reaches the core as it was typed, marked as a DM."""
    await fake.dispatch("MESSAGE_CREATE", P.channel_message("what is mutuality?", channel=P.DM_CHANNEL, dm=True))
    await fake.wait_for(lambda: core.requests)
    assert core.requests[0].text == "what is mutuality?" and core.requests[0].via == "dm"
    assert core.requests[0].where.is_dm


def test_the_facilitator_role_may_be_named_by_id_too():
    """DISCORD_FACILITATOR_ROLE matches a role's name or its id."""
    roles = [(820000000000000001, "Peer leads")]
    assert role_for(administrator=False, manage_channels=False, roles=roles,
                    facilitator_role="820000000000000001") == Role.FACILITATOR
    assert role_for(administrator=False, manage_channels=False, roles=roles, facilitator_role="") == Role.PARTICIPANT


def test_form_values_are_read_from_labels_and_from_action_rows():
    """Both ways Discord wraps a text input in a submission give the same values."""
    labelled = [{"type": 18, "component": {"type": 4, "custom_id": "when", "value": "monday"}}]
    rowed = [{"type": 1, "components": [{"type": 4, "custom_id": "when", "value": "monday"}]}]
    assert form_values(labelled) == form_values(rowed) == (("when", "monday"),)


def test_where_outside_a_server_is_a_dm():
    """No server means a direct message."""
    assert where_for(None, 42) == Where("discord", "dm", "42", is_dm=True)
