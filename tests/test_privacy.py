"""Privacy as conversations: what peerbot keeps, forgetting a person, retention, and the operator's tools."""
from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from adapters.cli import main
from bot.messages import Role
from tests.conftest import Chat

FORGETFUL = "u-forget-7731"


def raw_database(path: str) -> bytes:
    """Every byte of the database as it is on disk, after folding the write-ahead log back in."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with open(path, "rb") as f:
        return f.read()


def leave_traces(facilitator: Chat) -> Chat:
    """A facilitator who sets things up, votes in an open check-in and leaves a check half done."""
    fay = facilitator.as_(FORGETFUL, Role.FACILITATOR)
    fay.bot.store.add_facilitator("test:team", FORGETFUL)
    fay.say("/peer schedule reflection every monday 10:00")
    post = fay.say("/peer checkin")[1]
    fay.press_action(post.reply.choices[0].action)
    fay.say("/peer check driving someone to an appointment")
    fay.press("Yes, clearly")
    return fay


def test_privacy_says_what_is_kept_and_for_how_long(chat: Chat):
    """"/peer privacy" says, privately, that no message text is kept and how long records last."""
    reply = chat.say("/peer privacy")[0]
    assert reply.private
    assert "No message text, ever" in reply.text and "Kept 90 days" in reply.text
    assert "/peer forget me" in reply.text


def test_someone_with_nothing_kept_is_told_so(chat: Chat):
    """Asking to be forgotten when nothing names you says so, without a button to press."""
    reply = chat.say("/peer forget me")[0]
    assert reply.private and "I keep nothing about you" in reply.text and not reply.choices


def test_forget_me_lists_what_is_kept_and_asks_first(facilitator: Chat):
    """"/peer forget me" lists, in plain words, what names the asker and asks before deleting."""
    fay = leave_traces(facilitator)
    reply = fay.say("/peer forget me")[0]
    assert reply.private
    for words in ("guided check", "facilitator list", "schedules you set up", "still open"):
        assert words in reply.text
    assert [c.label for c in reply.choices] == ["Forget me", "Keep it"]
    assert fay.bot.store.about_person("test", FORGETFUL)


def test_keep_it_changes_nothing(facilitator: Chat):
    """Pressing "Keep it" leaves everything as it was."""
    fay = leave_traces(facilitator)
    before = fay.bot.store.about_person("test", FORGETFUL)
    fay.say("/peer forget me")
    assert "Nothing changed" in fay.press("Keep it")[0].text
    assert fay.bot.store.about_person("test", FORGETFUL) == before


def test_forget_me_leaves_no_trace_of_the_asker(bot, facilitator: Chat, settings):
    """After "Forget me" the asker's id is nowhere in the database file, and the channel keeps its schedule."""
    fay = leave_traces(facilitator)
    fay.say("/peer forget me")
    done = fay.press("Forget me")[0]
    assert done.private and done.text.startswith("Done.")
    assert FORGETFUL.encode() not in raw_database(settings.db)
    assert len(bot.store.schedules()) == 1 and bot.store.schedules()[0].created_by == ""
    assert "I keep nothing about you" in fay.say("/peer forget me")[0].text


def test_forgetting_a_vote_takes_it_out_of_the_open_tally(bot, facilitator: Chat):
    """A vote in a round that is still open is removed with the person, so the count drops by one."""
    post = facilitator.say("/peer checkin")[1]
    round_id = post.reply.choices[0].action.split(":")[2]
    facilitator.as_("u-a").press_action(post.reply.choices[0].action)
    leaver = facilitator.as_(FORGETFUL)
    leaver.press_action(post.reply.choices[1].action)
    assert sum(bot.store.tally(round_id).values()) == 2
    leaver.say("/peer forget me")
    leaver.press("Forget me")
    assert sum(bot.store.tally(round_id).values()) == 1


def test_forget_me_forgets_only_the_person_who_presses(bot, facilitator: Chat):
    """Someone else pressing a "Forget me" button forgets themselves, never the person who asked."""
    fay = leave_traces(facilitator)
    fay.say("/peer forget me")
    facilitator.as_("u-pat").press("Forget me")
    assert bot.store.about_person("test", FORGETFUL)


def test_the_audit_log_keeps_the_change_but_not_the_name(bot, facilitator: Chat):
    """A forgotten admin's configuration changes stay in the audit log, credited to "forgotten"."""
    admin = facilitator.as_(FORGETFUL, Role.ADMIN)
    admin.say("/peer facilitators add <@u-pat>")
    admin.say("/peer forget me")
    admin.press("Forget me")
    log = facilitator.as_("u-boss", Role.ADMIN).say("/peer audit")[0].text
    assert "facilitator add" in log and "<@forgotten>" in log and FORGETFUL not in log


def test_retention_drops_old_closed_rounds_and_delivery_records(bot, facilitator: Chat, clock, settings):
    """Closed tallies and sent-post records older than the retention period go at the next tick."""
    post = facilitator.say("/peer checkin")[1]
    round_id = post.reply.choices[0].action.split(":")[2]
    bot.store.close_round(round_id)
    bot.store.claim_delivery("old-post", "test:team:c-general")
    bot.store.finish_delivery("old-post", "sent", "ts-1")
    bot.store.claim_delivery("stuck-post", "test:team:c-general")  # never sent: recovery may still need it
    clock.advance(days=settings.retention_days - 1)
    bot.tick()
    assert bot.store.round(round_id) is not None and bot.store.delivery("old-post") is not None
    clock.advance(days=2)
    bot.tick()
    assert bot.store.round(round_id) is None and bot.store.delivery("old-post") is None
    assert bot.store.delivery("stuck-post") is not None


def test_a_guided_check_left_unfinished_is_dropped_after_the_retention_period(bot, chat: Chat, clock, settings):
    """The few button choices of an abandoned check are not kept forever."""
    chat.say("/peer check driving someone to an appointment")
    assert bot.store.about_person("test", chat.who.user_id)
    clock.advance(days=settings.retention_days + 1)
    bot.tick()
    assert bot.store.about_person("test", chat.who.user_id) == {}


def cli(settings, *args: str, input: str | None = None):
    env = {"PEERBOT_DB": settings.db, "PEERBOT_LOG_LEVEL": "WARNING"}
    return CliRunner().invoke(main, list(args), env=env, input=input)


@pytest.mark.sqlite_file
def test_operators_export_what_is_kept_about_one_user(settings, clock, catalog):
    """`peerbot export --user` prints, as JSON, the rows that name that user and nobody else's."""
    from adapters.bootstrap import build_bot
    from bot.messages import Where

    bot = build_bot(settings, clock=clock, catalog=catalog)
    Chat(bot, "U0ASKER", Role.PARTICIPANT, Where("slack", "T1", "C1")).say("/peer check driving someone to an appointment")
    Chat(bot, "U0OTHER", Role.PARTICIPANT, Where("slack", "T1", "C1")).say("/peer check self-disclosure")
    bot.store.close()
    result = cli(settings, "export", "--user", "U0ASKER")
    assert result.exit_code == 0, result.output
    kept = json.loads(result.output)["kept"]
    assert [row["owner"] for row in kept["slack"]["flows"]] == ["slack:T1:U0ASKER"]
    assert "U0OTHER" not in result.output
    everything = json.loads(cli(settings, "export").output)
    assert len(everything["flows"]) == 2 and "meta" not in everything  # the vote key is never exported


@pytest.mark.sqlite_file
def test_operators_forget_a_user_from_the_command_line(settings, clock, catalog):
    """`peerbot forget --user ID --yes` removes what names that user on a real platform and says what went."""
    from adapters.bootstrap import build_bot
    from bot.messages import Where

    bot = build_bot(settings, clock=clock, catalog=catalog)
    person = Chat(bot, "U0FORGET", Role.FACILITATOR, Where("slack", "T1", "C1"))
    person.say("/peer check driving someone to an appointment")
    bot.store.close()
    exported = json.loads(cli(settings, "export", "--user", "U0FORGET").output)
    assert list(exported["kept"]) == ["slack"] and "flows" in exported["kept"]["slack"]
    assert cli(settings, "forget", "--user", "U0FORGET", input="n\n").exit_code == 1  # declined: nothing done
    result = cli(settings, "forget", "--user", "U0FORGET", "--yes")
    assert result.exit_code == 0 and "slack: 1 flows" in result.output
    assert json.loads(cli(settings, "export", "--user", "U0FORGET").output)["kept"] == {}


@pytest.mark.sqlite_file
def test_the_database_scan_would_catch_a_stored_question(bot, settings):
    """The check every conversation test ends with fails when a person's words are in the database."""
    import pytest

    from tests.conftest import assert_no_user_text

    question = "can I drive Sam to the pharmacy on Friday?"
    bot.store.save_flow("test:team:u-ana", "note", {"asked": question})
    with pytest.raises(AssertionError, match="user text stored in flows"):
        assert_no_user_text(settings.db, [question])
    bot.store.end_flow("test:team:u-ana", "note")


def test_a_closed_rounds_voter_codes_are_gone_from_the_files_while_the_bot_runs(bot, facilitator: Chat, settings):
    """Closing a round leaves its voter hashes nowhere on disk, not in free pages, not in the write-ahead log."""
    from pathlib import Path

    post = facilitator.say("/peer checkin")[1]
    round_id = post.reply.choices[0].action.split(":")[2]
    facilitator.as_("u-a").press_action(post.reply.choices[0].action)
    (voter,) = bot.store.voters(round_id)
    bot.store.close_round(round_id)
    on_disk = b"".join(p.read_bytes() for p in Path(settings.db).parent.glob(Path(settings.db).name + "*"))
    assert voter.encode() not in on_disk


def test_a_scenario_nobody_ended_is_cleared_after_the_retention_period(bot, facilitator: Chat, clock, settings):
    """A run left open (no one pressed End) does not stay in the database for ever."""
    facilitator.say("/peer scenario gifts")
    facilitator.press("Start")
    assert bot.store.active_run("test:team:c-general") is not None
    clock.advance(days=settings.retention_days + 1)
    bot.tick()
    assert bot.store.active_run("test:team:c-general") is None
