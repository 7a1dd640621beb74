"""Roles, enforced in the core: a participant can change nothing, on any platform, and is told why kindly.

Every state-changing command and button is tried by a participant on each platform; each gets a
private "Only facilitators/admins can …" and the database is exactly as it was before.
"""
from __future__ import annotations

import pytest

from bot import router
from bot.messages import Post, Role, Where
from tests.conftest import Chat

PLATFORMS = [Where("slack", "T1", "C1"), Where("discord", "G1", "42"), Where("console", "local", "console")]

COMMANDS = [
    "/peer schedule reflection every monday 10:00",
    "/peer schedule checkin first wednesday of the month 9:30",
    "/peer schedule pause 1",
    "/peer schedule resume 1",
    "/peer schedule skip 1",
    "/peer schedule now 1",
    "/peer schedule delete 1",
    "/peer timezone Europe/London",
    "/peer reflect",
    "/peer checkin",
    "/peer scenario gifts",
    "/peer scenario",
    "/peer facilitators add <@U9>",
    "/peer facilitators remove <@U-fay>",
    "/peer audit",
    "/peer schedule 1 on-holiday next-day",
    "/peer holidays off",
    "/peer closed 2030-03-01 training",
    "/peer closed remove 1",
    "/peer region UK",
    "/peer answers public",
    "/peer scenario reveal",
    "/peer scenario end",
]
RUN_BUTTONS = ["Reveal", "Pause", "End"]


def set_up(bot, where: Where) -> tuple[Chat, Chat]:
    """A facilitator with a schedule (#1) and a running scenario; a participant beside them."""
    facilitator = Chat(bot, "U-fay", Role.ADMIN, where)
    facilitator.say("/peer facilitators add <@U-fay>")
    facilitator.say("/peer schedule reflection every monday 10:00")
    facilitator.say("/peer scenario gifts")
    facilitator.press("Start")
    return facilitator, facilitator.as_("U-pat", Role.PARTICIPANT)


def test_every_command_the_table_limits_is_tried_by_a_participant():
    """Each command whose row in the command table needs more than a participant is among those tried below."""
    limited = {name for name, row in router.COMMANDS.items()
               if row.role > Role.PARTICIPANT or (row.change or Role.PARTICIPANT) > Role.PARTICIPANT}
    tried = {command.split()[1] for command in COMMANDS}
    assert limited == tried


def test_each_row_needs_what_it_says_for_the_bare_command_and_for_a_change():
    """A row's role is what the bare command needs, and its "to change" role what the tried change needs
    (so help, Discord and the README, which read the row, say what Bot.handle enforces)."""
    for command in COMMANDS:
        name, rest = command.split(" ", 2)[1], command.split(" ", 2)[2:]
        row = router.COMMANDS[name]
        bare = row.need("")
        assert (bare.role if bare else Role.PARTICIPANT) == row.role, name
        assert row.need(rest[0] if rest else "").role == (row.change or row.role), command


def snapshot(bot) -> dict:
    return bot.store.everything()


@pytest.mark.parametrize("where", PLATFORMS, ids=lambda w: w.platform)
@pytest.mark.parametrize("command", COMMANDS)
def test_a_participant_cannot_change_anything(bot, where, command):
    """Any state-changing command from a participant is refused privately and changes nothing."""
    _, participant = set_up(bot, where)
    before = snapshot(bot)
    out = participant.say(command)
    assert len(out) == 1 and not isinstance(out[0], Post), "nothing is posted in the channel"
    assert out[0].private and out[0].text.startswith(("Only facilitators", "Only admins"))
    assert snapshot(bot) == before


@pytest.mark.parametrize("where", PLATFORMS, ids=lambda w: w.platform)
@pytest.mark.parametrize("button", RUN_BUTTONS)
def test_a_participant_cannot_reveal_pause_or_end_a_scenario(bot, where, button):
    """A participant pressing a facilitator's scenario button (it can be forwarded) is refused."""
    facilitator, participant = set_up(bot, where)
    action = next(c.action for m in reversed(facilitator.log) if not isinstance(m, Post)
                  for c in m.choices if c.label == button)
    before = snapshot(bot)
    out = participant.press_action(action)
    assert len(out) == 1 and out[0].private and out[0].text.startswith("Only facilitators")
    assert snapshot(bot) == before


@pytest.mark.parametrize("where", PLATFORMS, ids=lambda w: w.platform)
def test_a_participant_cannot_schedule_through_the_form(bot, where):
    """The schedule form (a modal on Slack and Discord) is refused to a participant like the command."""
    _, participant = set_up(bot, where)
    before = snapshot(bot)
    out = participant.press_action("v1:schedform", {"kind": "reflection", "when": "every friday 9:00"})
    assert out[0].private and out[0].text.startswith("Only facilitators")
    assert snapshot(bot) == before


@pytest.mark.parametrize("action", ["v1:scn:pick:gifts", "v1:schedmean:checkin:w.1.9.2599.0:-"])
def test_a_participant_cannot_start_a_scenario_or_a_schedule_by_button(bot, action):
    """Buttons are not in the command table, so the ones that start something check the role themselves."""
    _, participant = set_up(bot, PLATFORMS[0])
    before = snapshot(bot)
    out = participant.press_action(action)
    assert len(out) == 1 and out[0].private and out[0].text.startswith("Only facilitators")
    assert snapshot(bot) == before


def test_a_schedule_asked_for_in_a_sentence_follows_the_same_rule(bot):
    """"can you schedule a check-in every friday at 3pm?" from a participant is refused like "/peer schedule"."""
    _, participant = set_up(bot, PLATFORMS[0])
    before = snapshot(bot)
    out = participant.say("can you schedule a check-in every friday at 3pm?")
    assert out[0].private and out[0].text.startswith("Only facilitators can set up schedules.")
    assert snapshot(bot) == before


def test_a_facilitator_listed_by_an_admin_can_schedule_but_not_change_roles(bot):
    """Being on the facilitator list lets someone schedule; changing who facilitates stays with admins."""
    admin = Chat(bot, "U-boss", Role.ADMIN, PLATFORMS[0])
    admin.say("/peer facilitators add <@U-pat>")
    pat = admin.as_("U-pat", Role.PARTICIPANT)
    assert pat.say("/peer schedule reflection every monday 10:00")[0].text.startswith("Scheduled #1")
    refused = pat.say("/peer facilitators add <@U-kim>")[0]
    assert refused.private and refused.text.startswith("Only admins")
    assert bot.store.facilitators("slack:T1") == ["U-pat"]


def test_facilitators_of_one_workspace_are_participants_in_another(bot):
    """A facilitator list belongs to its workspace: the same id elsewhere has no extra rights."""
    Chat(bot, "U-boss", Role.ADMIN, Where("slack", "T1", "C1")).say("/peer facilitators add <@U-pat>")
    elsewhere = Chat(bot, "U-pat", Role.PARTICIPANT, Where("slack", "T2", "C1"))
    assert elsewhere.say("/peer schedule reflection every monday 10:00")[0].text.startswith("Only facilitators")


def test_the_audit_log_shows_who_changed_what_to_admins(bot):
    """Schedule and role changes are in the audit log, which an admin reads privately."""
    admin = Chat(bot, "U-boss", Role.ADMIN, PLATFORMS[0])
    admin.say("/peer facilitators add <@U-pat>")
    admin.say("/peer schedule reflection every monday 10:00")
    admin.say("/peer schedule pause 1")
    log = admin.say("/peer audit")[0]
    assert log.private
    for entry in ("facilitator add: U-pat", "schedule create: #1", "schedule pause: #1"):
        assert entry in log.text
    assert "<@U-boss>" in log.text
