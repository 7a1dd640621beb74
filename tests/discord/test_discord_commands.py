"""`/peer` on Discord: logging in, registering the commands, and every command answering through the
real discord.py code path against the fake Discord."""
from __future__ import annotations

import discord
import pytest

from adapters.bootstrap import build_bot
from adapters.discord.commands import DESCRIPTIONS
from adapters.discord.platform import DiscordPlatform
from adapters.discord.sync import sync_commands
from bot import router
from bot.errors import Unavailable
from testing import discord_payloads as P
from testing.fake_discord import BOT_ID, GENERAL, GUILD_ID

# Something sensible to type after each command; commands not listed are sent with no text.
EXAMPLES = {
    "task": "driving someone to the food bank", "ask": "what is co-reflection", "facilitators": "list",
    "schedule": "reflection every monday 10:00", "timezone": "America/Toronto", "scenario": "gifts",
    "check": "task", "support": "CA",
}
ANSWERED = {4, 5, 7, 9}  # message, deferred, update, modal


def text_of(response: dict) -> str:
    data = response.get("data") or {}
    embeds = " ".join(f"{e.get('title', '')} {e.get('description', '')}" for e in data.get("embeds", []))
    return f"{data.get('content') or ''} {embeds}"


async def test_peerbot_logs_in_and_connects_with_default_intents(start_peerbot, fake):
    """Starting logs in over REST, identifies on the gateway with the default intents and sees the server."""
    platform = await start_peerbot()
    assert platform.client.user.id == BOT_ID
    assert [g.id for g in platform.client.guilds] == [GUILD_ID]
    assert platform.client.intents.value == discord.Intents.default().value
    assert fake.requests("GET", "^/users/@me$")


async def test_a_refused_token_fails_the_start_so_the_runner_carries_on(fake, discord_settings, catalog, clock):
    """A token Discord refuses makes start() raise at once; the other platforms are not held up."""
    fake.script("GET", "^/users/@me$", 401, {"message": "401: Unauthorized", "code": 0})
    platform = DiscordPlatform(build_bot(discord_settings, clock=clock, catalog=catalog), discord_settings, None)
    with pytest.raises(Unavailable):
        await platform.start()
    await platform.stop()


async def test_a_refused_gateway_connection_fails_the_start(fake, discord_settings, catalog, clock):
    """If the gateway closes the connection (here: intents not allowed), start() raises instead of hanging."""
    fake.refuse_with = 4014
    platform = DiscordPlatform(build_bot(discord_settings, clock=clock, catalog=catalog), discord_settings, None)
    with pytest.raises(discord.PrivilegedIntentsRequired):
        await platform.start()
    assert platform.client.is_closed()


async def test_sync_registers_one_peer_group_mirroring_the_router(fake, discord_settings):
    """`peerbot discord sync` registers /peer with a subcommand per core command, with a text option where
    the command takes text."""
    lines = await sync_commands(discord_settings)
    (peer,) = fake.commands["global"]
    assert peer["name"] == "peer" and peer["type"] == 1 and peer["contexts"] == [0, 1]
    subs = {o["name"]: o for o in peer["options"]}
    assert set(subs) == set(router.COMMANDS)
    assert lines == [f"/peer {name}" for name in subs]
    for name, sub in subs.items():
        assert sub["type"] == 1 and 0 < len(sub["description"]) <= 100
        if DESCRIPTIONS[name][1] is None:
            assert not sub.get("options")
            continue
        (text,) = sub["options"]
        assert text["name"] == "text" and text["type"] == 3 and text["required"] is False
    assert subs["scenario"]["options"][0]["autocomplete"] is True
    assert "autocomplete" not in subs["task"]["options"][0] or not subs["task"]["options"][0]["autocomplete"]


async def test_no_subcommand_offers_an_option_that_is_not_needed(fake, discord_settings):
    """Commands that take nothing (help, topics, audit, schedules, checkin, scenarios, privacy, forget-me) show
    no option in Discord, instead of an optional `text` described "Not needed"."""
    await sync_commands(discord_settings)
    (peer,) = fake.commands["global"]
    described = [o["description"] for sub in peer["options"] for o in sub.get("options", [])]
    assert "Not needed" not in described
    bare = {sub["name"] for sub in peer["options"] if not sub.get("options")}
    assert bare == {"help", "topics", "audit", "schedules", "checkin", "scenarios", "privacy", "forget-me"}


async def test_a_command_without_options_is_answered(start_peerbot, chat):
    """`/peer help` as Discord now sends it (no options at all) is answered."""
    await start_peerbot()
    response = await chat.slash("help")
    assert response["type"] == 4 and "/peer task" in text_of(response)


async def test_sync_for_one_server_registers_there(fake, discord_settings):
    """With --guild the commands are registered for that server only, where they show up at once."""
    await sync_commands(discord_settings, guild_id=GUILD_ID)
    assert fake.requests("PUT", f"/guilds/{GUILD_ID}/commands$") and "global" not in fake.commands


def test_every_core_command_has_a_description():
    """Each subcommand Discord lists says what it does, rather than a placeholder."""
    assert set(router.COMMANDS) <= set(DESCRIPTIONS)


@pytest.mark.parametrize("name", sorted(router.COMMANDS))
async def test_every_command_is_answered(name, start_peerbot, chat, fake):
    """Every /peer subcommand, typed by an admin in a channel, gets an answer and never an apology."""
    await start_peerbot()
    response = await chat.slash(name, EXAMPLES.get(name), who=P.ADMIN)
    assert response["type"] in ANSWERED
    assert "something went wrong" not in text_of(response).lower()


async def test_a_task_question_gets_a_private_card_with_buttons(start_peerbot, chat):
    """`/peer task …` answers the asker privately with the verdict as an embed and Why?/Sources/Share buttons."""
    await start_peerbot()
    response = await chat.slash("task", "driving someone to the food bank")
    data = response["data"]
    assert response["type"] == 4 and data["flags"] == 64
    assert data["embeds"][0]["title"]
    labels = [b["label"] for row in data["components"] for b in row["components"]]
    assert "Why?" in labels and "Sources" in labels and "Share with the channel" in labels
    assert data["allowed_mentions"] == {"parse": []}


async def test_help_is_only_for_the_asker(start_peerbot, chat):
    """`/peer help` is ephemeral: only the person who asked sees it."""
    await start_peerbot()
    response = await chat.slash("help")
    assert response["data"]["flags"] == 64


async def test_a_participant_is_told_kindly_what_needs_a_facilitator(start_peerbot, chat):
    """A participant starting a scenario is told, privately, that facilitators do that."""
    await start_peerbot()
    response = await chat.slash("scenario", "gifts", who=P.ANA)
    assert response["data"]["flags"] == 64 and "facilitator" in text_of(response).lower()


async def test_the_facilitator_role_and_manage_channels_make_a_facilitator(start_peerbot, chat):
    """Holding the configured role, or Manage Channels here, is enough to start a scenario."""
    await start_peerbot()
    by_role = await chat.slash("scenario", "gifts", who=P.FARAH)
    by_permission = await chat.slash("scenario", "gifts", who=P.ANA, permissions=P.BASIC | P.MANAGE_CHANNELS)
    for response in (by_role, by_permission):
        assert "Preview" in text_of(response)


async def test_commands_work_in_direct_messages(start_peerbot, chat, fake):
    """/peer works in a DM with the bot, where everything is private anyway."""
    await start_peerbot()
    fake.channels[P.DM_CHANNEL] = type(fake.channels[GENERAL])(P.DM_CHANNEL, type=1, name="dm")
    response = await chat.slash("task", "driving someone to the food bank", dm=True, channel=P.DM_CHANNEL)
    assert response["type"] == 4 and response["data"]["embeds"]


async def test_autocomplete_suggests_scenario_ids(start_peerbot, fake, catalog):
    """Typing part of a scenario's name after /peer scenario offers matching scenario ids."""
    await start_peerbot()
    payload = P.autocomplete("scenario", "gif")
    await fake.dispatch("INTERACTION_CREATE", payload)
    response = (await fake.callback(payload["id"])).json
    assert response["type"] == 8
    values = [c["value"] for c in response["data"]["choices"]]
    assert "gifts" in values and all(v in catalog.scenarios for v in values)


async def test_autocomplete_completes_the_word_being_typed(start_peerbot, fake, catalog):
    """In a longer command, the suggestion completes the last word and keeps the rest."""
    await start_peerbot()
    theme = sorted(catalog.themes)[0]
    payload = P.autocomplete("schedule", f"reflection every monday 10:00 theme {theme[:3]}")
    await fake.dispatch("INTERACTION_CREATE", payload)
    choices = (await fake.callback(payload["id"])).json["data"]["choices"]
    assert f"reflection every monday 10:00 theme {theme}" in [c["value"] for c in choices]


async def test_a_command_discord_still_shows_but_peerbot_no_longer_registers_reaches_the_core(start_peerbot, chat):
    """Until the next sync, a removed or unknown /peer subcommand is still answered, not failed."""
    await start_peerbot()
    response = await chat.slash("no-such-command", "hello")
    assert response["type"] == 4 and "something went wrong" not in text_of(response).lower()


async def test_commands_registered_for_one_server_are_answered_too(start_peerbot, chat):
    """After `peerbot discord sync --guild`, the server's copy of /peer is answered like the global one."""
    await start_peerbot()
    payload = P.slash("help")
    payload["data"]["guild_id"] = str(GUILD_ID)
    response = await chat.send(payload)
    assert response["type"] == 4 and response["data"]["flags"] == 64


async def test_what_discord_receives_is_the_rendered_json(start_peerbot, chat):
    """The embed and buttons sent through discord.py are exactly what `render` produced (and the
    golden files pin)."""
    from adapters.discord.render import to_messages
    from bot.messages import Command, Where, Who

    platform = await start_peerbot()
    response = await chat.slash("task", "driving someone to the food bank")
    here = Where("discord", str(GUILD_ID), str(GENERAL))
    (reply,) = platform.bot.handle(Command("task driving someone to the food bank", Who(str(P.ANA)), here)).replies
    (expected,) = to_messages(reply)
    sent = response["data"]
    assert [{k: v for k, v in e.items() if k != "flags"} for e in sent["embeds"]] == expected["embeds"]
    assert sent["components"] == expected["components"] and sent["content"] is None
