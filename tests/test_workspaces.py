"""A workspace's life in the store (`bot.ports.Installations` on SQLite): installed, uninstalled (its
schedules stop), installed again, and forgotten on request from the command line; OAuth states that
work once; tokens that never leave in an export."""
from __future__ import annotations

import json

from click.testing import CliRunner

from adapters.bootstrap import build_bot
from adapters.cli import main
from bot.messages import Role, Where
from tests.conftest import Chat

TOKEN = "xoxb-T2-kept-token"


def cli(settings, *args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), env={"PEERBOT_DB": settings.db, "PEERBOT_LOG_LEVEL": "WARNING"},
                              input=input)


def of(team: str, row: dict) -> bool:
    """Whether an exported row belongs to Slack workspace `team` (by its keys: slack:T1:…, rm-slack-T1-…)."""
    text = json.dumps(row)
    return f"slack:{team}" in text or f"slack-{team}" in text or row.get("workspace") == team


def busy_workspace(bot, team: str) -> Chat:
    """A facilitator in `team` who set up a schedule, opened a check-in, voted and chose a region."""
    fay = Chat(bot, f"UFAC{team}", Role.FACILITATOR, Where("slack", team, f"C{team}"))
    bot.store.add_facilitator(f"slack:{team}", fay.who.user_id)
    fay.say("/peer schedule reflection every monday 10:00")
    post = fay.say("/peer checkin")[1]
    fay.press_action(post.reply.choices[0].action)
    fay.say("/peer check driving someone to an appointment")
    bot.store.set_workspace_region(f"slack:{team}", "UK")
    bot.store.save_installation("slack", team, {"team_id": team, "bot_token": f"xoxb-{team}-kept-token"})
    return fay


def test_an_uninstall_pauses_the_workspaces_schedules_and_a_reinstall_resumes_only_those(bot, clock):
    """Uninstalling pauses every active schedule of that workspace (no other's); installing again resumes
    them, but not one a person had paused themselves."""
    for team in ("T1", "T2"):
        busy_workspace(bot, team)
    mine = Chat(bot, "UFACT2", Role.FACILITATOR, Where("slack", "T2", "CT2"))
    mine.say("/peer schedule reflection every friday 9:00")
    paused_by_hand = bot.store.schedules(workspace="slack:T2")[-1].id
    bot.store.update_schedule(paused_by_hand, paused=True)
    assert bot.store.remove_installation("slack", "T2") is True
    assert bot.store.remove_installation("slack", "T2") is False  # nothing left to remove
    assert [s.paused for s in bot.store.schedules(workspace="slack:T2")] == [True, True]
    assert [s.paused for s in bot.store.schedules(workspace="slack:T1")] == [False]
    clock.advance(hours=1)
    bot.store.save_installation("slack", "T2", {"team_id": "T2", "bot_token": TOKEN})
    resumed = {s.id: s for s in bot.store.schedules(workspace="slack:T2")}
    assert resumed[paused_by_hand].paused
    [other] = [s for sid, s in resumed.items() if sid != paused_by_hand]
    assert not other.paused and other.last_fired_at == clock.now().isoformat(timespec="seconds")


def test_forgetting_a_workspace_from_the_command_line_leaves_other_workspaces_alone(settings, clock, catalog):
    """`peerbot forget --platform slack --workspace T2 --yes` deletes every row kept for T2, its
    installation included, and nothing of T1's."""
    bot = build_bot(settings, clock=clock, catalog=catalog)
    for team in ("T1", "T2"):
        busy_workspace(bot, team)
    before = bot.store.everything()
    bot.store.close()
    assert cli(settings, "forget", "--platform", "slack", "--workspace", "T2", input="n\n").exit_code == 1
    result = cli(settings, "forget", "--platform", "slack", "--workspace", "T2", "--yes")
    assert result.exit_code == 0, result.output
    assert "schedules" in result.output and "installations" in result.output
    after = json.loads(cli(settings, "export").output)
    assert not [row for rows in after.values() for row in rows if of("T2", row)]
    kept = {t: [r for r in rows if of("T1", r)] for t, rows in after.items()}
    assert {t: rows for t, rows in kept.items() if rows} == \
        {t: [r for r in rows if of("T1", r)] for t, rows in before.items() if any(of("T1", r) for r in rows)}
    assert set(kept) >= {"schedules", "rounds", "votes", "flows", "facilitators", "workspaces", "audit"}
    bot = build_bot(settings, clock=clock, catalog=catalog)
    assert bot.store.installed_workspaces("slack") == ["T1"]
    bot.store.close()


def test_forget_needs_a_user_or_a_whole_workspace(settings):
    """`peerbot forget` with neither --user nor --platform and --workspace says what it needs, and does nothing."""
    result = cli(settings, "forget", "--workspace", "T2", "--yes")
    assert result.exit_code == 2 and "--platform and --workspace" in result.output


def test_an_export_never_contains_a_workspaces_token(bot, settings):
    """Installations hold bot tokens: `peerbot export` leaves them (and OAuth states) out."""
    bot.store.save_installation("slack", "T2", {"team_id": "T2", "bot_token": TOKEN})
    bot.store.issue_oauth_state("state-in-flight", "2099-01-01T00:00:00+00:00")
    output = cli(settings, "export").output
    assert TOKEN not in output and "state-in-flight" not in output
    assert bot.store.installation("slack", "T2")["bot_token"] == TOKEN


def test_an_oauth_state_works_once_and_not_after_it_expires(bot, clock):
    """A state issued at the install page is accepted once at the redirect, and never once expired."""
    now = clock.now().isoformat(timespec="seconds")
    clock.advance(minutes=10)
    later = clock.now().isoformat(timespec="seconds")
    bot.store.issue_oauth_state("fresh", later)
    bot.store.issue_oauth_state("stale", now)
    assert bot.store.consume_oauth_state("fresh", now) is True
    assert bot.store.consume_oauth_state("fresh", now) is False
    assert bot.store.consume_oauth_state("stale", later) is False
    assert bot.store.consume_oauth_state("never-issued", now) is False
