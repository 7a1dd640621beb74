"""Schedules: set in chat, listed with the next time in the channel's zone, fired once and only once."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.errors import NotUnderstood
from bot.messages import Role
from bot.schedules.spec import Rule, fire_times, next_fire, parse_rule
from tests.conftest import Chat, reopen

TORONTO = ZoneInfo("America/Toronto")


@pytest.mark.parametrize("text, described", [
    ("every monday 10:00", "every Monday at 10:00"),
    ("every other tuesday 14:30", "every other Tuesday at 14:30"),
    ("first wednesday of the month 9:30", "the first Wednesday of the month at 09:30"),
    ("last friday of the month 4pm", "the last Friday of the month at 16:00"),
    ("every mon and thu 9am", "every Monday, Thursday at 09:00"),
])
def test_rules_read_the_way_facilitators_write_them(text, described):
    """Each way of saying when is read into the rule a person would expect."""
    assert parse_rule(text).describe() == described


@pytest.mark.parametrize("text, says", [
    ("every funday 10:00", "not which day"),
    ("every monday 25:00", "isn't a time of day"),
    ("every monday at noonish", "but not the time"),
    ("whenever", "couldn't read"),
])
def test_unreadable_rules_say_what_was_understood(text, says):
    """A rule the bot cannot read gets an error saying what it understood and what it expected."""
    with pytest.raises(NotUnderstood) as e:
        parse_rule(text)
    assert says in str(e.value)


def test_monday_means_monday_not_apschedulers_tuesday():
    """"every monday" fires on Mondays (APScheduler 3 counts 0 as Monday, a known trap)."""
    t = next_fire(parse_rule("every monday 10:00").rrule_text(), TORONTO, datetime(2026, 11, 22, tzinfo=UTC),
                  datetime(2026, 11, 22, tzinfo=UTC))
    assert t.astimezone(TORONTO).strftime("%A %H:%M") == "Monday 10:00"


def test_autumn_change_neither_doubles_nor_drops_a_post():
    """A 01:30 Sunday schedule fires once on the night 01:30 happens twice."""
    rule = parse_rule("every sunday 1:30").rrule_text()
    start = datetime(2026, 10, 31, 12, tzinfo=UTC)
    fires = fire_times(rule, TORONTO, start, start + timedelta(days=2), start)
    assert len(fires) == 1


def test_spring_change_still_posts_once():
    """A 02:30 Sunday schedule still posts once on the night 02:30 does not exist."""
    rule = parse_rule("every sunday 2:30").rrule_text()
    start = datetime(2026, 3, 7, 12, tzinfo=UTC)
    assert len(fire_times(rule, TORONTO, start, start + timedelta(days=2), start)) == 1


def test_next_time_keeps_local_hour_across_the_change():
    """A 10:00 Monday schedule stays at 10:00 local before and after the autumn change."""
    rule = parse_rule("every monday 10:00").rrule_text()
    before = next_fire(rule, TORONTO, datetime(2026, 10, 26, tzinfo=UTC), datetime(2026, 10, 1, tzinfo=UTC))
    after = next_fire(rule, TORONTO, datetime(2026, 11, 2, tzinfo=UTC), datetime(2026, 10, 1, tzinfo=UTC))
    assert before.astimezone(TORONTO).hour == after.astimezone(TORONTO).hour == 10
    assert before.utcoffset() != after.utcoffset()


def test_every_other_week_skips_the_week_between():
    """A fortnightly schedule fires two weeks apart."""
    rule, anchor = parse_rule("every other tuesday 14:30").rrule_text(), datetime(2026, 11, 23, tzinfo=UTC)
    fires = fire_times(rule, TORONTO, anchor, anchor + timedelta(days=45), anchor)
    assert [(b - a).days for a, b in pairwise(fires)] == [14, 14]


def test_a_facilitator_schedules_and_everyone_can_list(bot, facilitator: Chat):
    """A facilitator sets a weekly reflection; a participant sees it with its next time."""
    reply = facilitator.say("/peer schedule reflection every monday 10:00")[0]
    assert "Scheduled #1" in reply.text and "Next: Mon 2026-11-23 10:00 EST" in reply.text
    listed = facilitator.as_("u-pat").say("/peer schedules")[0]
    assert "#1 co-reflection prompt every Monday at 10:00" in listed.text


def test_participants_cannot_change_schedules(facilitator: Chat):
    """A participant who tries to schedule is told kindly that only facilitators can."""
    reply = facilitator.as_("u-pat").say("/peer schedule checkin first wednesday of the month 9:30")[0]
    assert reply.private and "Only facilitators" in reply.text


def test_a_tick_posts_once_and_a_second_tick_posts_nothing(bot, facilitator: Chat):
    """The same instant ticked twice posts the prompt once."""
    facilitator.say("/peer schedule reflection every monday 10:00")
    due = datetime(2026, 11, 30, 15, 0, 30, tzinfo=UTC)
    first, second = bot.tick(due), bot.tick(due)
    assert len(first) == 1 and first[0].reply.text.startswith("Co-reflection")
    assert second == []


def test_two_processes_on_one_database_post_once(bot, facilitator: Chat, settings, clock, catalog):
    """Two bots on the same database tick together; the database lets only one deliver."""
    from adapters.bootstrap import build_bot
    from storage.sqlite import SqliteStore

    facilitator.say("/peer schedule checkin every monday 10:00")
    other = build_bot(settings, clock=clock, catalog=catalog, store=SqliteStore(settings.db, clock))
    due = datetime(2026, 11, 30, 15, 1, tzinfo=UTC)
    assert len(bot.tick(due)) + len(other.tick(due)) == 1


def test_a_crash_after_claiming_is_finished_by_recovery_not_repeated(bot, facilitator: Chat, settings, clock, catalog):
    """If the process dies after claiming a post, the restarted bot delivers it once from the claim."""
    import asyncio

    from adapters.console import ConsoleTransport
    from bot.delivery.outbox import Outbox

    facilitator.say("/peer schedule reflection every monday 10:00")
    clock.set(datetime(2026, 11, 30, 15, 0, 30, tzinfo=UTC))
    assert len(bot.tick()) == 1  # claimed, then the process "dies" before sending
    restarted = reopen(bot, settings, clock, catalog)
    assert restarted.tick() == []  # the restart does not claim it again
    clock.set(clock.now() + timedelta(minutes=1))  # the dead process's claim has run out its lease
    printed: list[str] = []
    results = asyncio.run(Outbox(restarted.store, {"test": ConsoleTransport(printed.append)}, clock)
                          .recover(timedelta(hours=1)))
    assert [r.status for r in results] == ["sent"] and len(printed) == 1
    assert asyncio.run(Outbox(restarted.store, {"test": ConsoleTransport(printed.append)}, clock)
                       .recover(timedelta(hours=1))) == []


def test_a_run_missed_within_the_grace_period_posts_once(bot, facilitator: Chat):
    """Down for 40 minutes over a fire time: the run posts once on restart."""
    facilitator.say("/peer schedule reflection every monday 10:00")
    assert len(bot.tick(datetime(2026, 11, 30, 15, 40, tzinfo=UTC))) == 1


def test_runs_missed_beyond_the_grace_period_are_skipped_not_flooded(bot, facilitator: Chat):
    """Down for three weeks: nothing floods the channel; the next run posts as usual."""
    facilitator.say("/peer schedule reflection every monday 10:00")
    assert bot.tick(datetime(2026, 12, 17, tzinfo=UTC)) == []
    assert len(bot.tick(datetime(2026, 12, 21, 15, 5, tzinfo=UTC))) == 1


def test_pause_resume_and_skip(bot, facilitator: Chat):
    """Paused schedules stay quiet, resumed ones carry on, and a skipped run is skipped once."""
    facilitator.say("/peer schedule reflection every monday 10:00")
    facilitator.say("/peer schedule pause 1")
    assert bot.tick(datetime(2026, 11, 30, 15, 1, tzinfo=UTC)) == []
    bot.clock.set(datetime(2026, 12, 1, tzinfo=UTC))
    facilitator.say("/peer schedule resume 1")
    facilitator.say("/peer schedule skip 1")
    assert bot.tick(datetime(2026, 12, 7, 15, 1, tzinfo=UTC)) == []
    assert len(bot.tick(datetime(2026, 12, 14, 15, 1, tzinfo=UTC))) == 1


def test_prompts_do_not_repeat_until_the_theme_is_used_up(bot, facilitator: Chat):
    """Every prompt of a theme is posted once before any comes back."""
    theme = bot.catalog.themes["hope"]
    seen = [facilitator.say("/peer reflect hope")[1].reply.text for _ in theme.prompt]
    assert len(set(seen)) == len(theme.prompt)


def test_time_zone_is_per_channel(bot, facilitator: Chat):
    """A channel set to Vancouver sees its schedule at 10:00 Pacific."""
    facilitator.say("/peer timezone America/Vancouver")
    reply = facilitator.say("/peer schedule reflection every monday 10:00")[0]
    assert "America/Vancouver" in reply.text and "PST" in reply.text


def test_an_unknown_time_zone_is_explained(facilitator: Chat):
    """An invalid zone name gets examples of valid ones."""
    assert "America/Toronto" in facilitator.say("/peer timezone Mars/Olympus")[0].text


def test_theme_filter_and_unknown_theme(bot, facilitator: Chat):
    """A theme filter is checked against the prompt library."""
    assert "Scheduled #1" in facilitator.say("/peer schedule reflection every friday 9:00 theme boundaries")[0].text
    assert "Themes:" in facilitator.say("/peer schedule reflection every friday 9:00 theme astrology")[0].text


def test_checkin_counts_show_only_from_three_answers(bot, facilitator: Chat):
    """Check-in counts stay hidden until three people answer, then show as counts only."""
    post = facilitator.say("/peer checkin")[1]
    assert "nothing" in post.reply.text.lower() or "identif" in post.reply.text.lower()
    for n, user in enumerate(["u-a", "u-b", "u-c"], 1):
        person = facilitator.as_(user)
        updated = person.press("Mixed week" if "Mixed week" in [c.label for c in post.reply.choices] else post.reply.choices[1].label)[0]
        if n < 3:
            assert "Counts show once at least 3" in updated.text
    assert "3 answers" in updated.text


def test_voting_twice_changes_the_answer_instead_of_counting_twice(bot, facilitator: Chat):
    """One person pressing two buttons counts once, with their latest answer."""
    post = facilitator.say("/peer checkin")[1]
    person = facilitator.as_("u-a")
    person.press_action(post.reply.choices[0].action)
    person.press_action(post.reply.choices[2].action)
    round_id = post.reply.choices[0].action.split(":")[2]
    assert sum(bot.store.tally(round_id).values()) == 1


def test_the_structured_session_posts_its_steps_in_the_thread(facilitator: Chat):
    """A session schedule posts the intro and then each step in its thread."""
    facilitator.say("/peer schedule session every other tuesday 14:30")
    posts = facilitator.say("/peer schedule now 1")[1:]
    assert len(posts) >= 3 and all(p.thread_of == posts[0].key for p in posts[1:])


def test_schedule_form_saves_what_was_typed(bot, facilitator: Chat):
    """The schedule form (a modal on Slack and Discord) creates the same schedule."""
    facilitator.say("/peer schedule")
    reply = facilitator.press_action("v1:schedform", {"kind": "checkin", "when": "first wednesday of the month 9:30",
                                                       "theme": ""})[0]
    assert "community-of-practice check-in the first Wednesday" in reply.text


def test_a_claimed_post_is_kept_exactly_for_resending_after_a_crash():
    """The JSON a claimed post is stored as loads back as the same post, thread and all."""
    from bot.delivery.wire import dump_post, load_post
    from bot.messages import Card, Choice, Field, Post, Reply, Where

    post = Post(Where("slack", "T1", "C1", thread="1.2"), Reply("Prompt", card=Card("T", "b", (Field("f", "v"),)),
                                                                 choices=(Choice("Pass", "v1:pulse:r1:pass"),)),
                key="s1:2026-11-30T10:00", thread_of=None, due_at="2026-11-30T15:00:00+00:00", opens_thread=True)
    assert load_post(dump_post(post)) == post


def test_a_tick_reads_only_the_schedules_that_are_due(bot, facilitator: Chat):
    """Once a tick has worked out each schedule's next time, later ticks fetch only those due."""
    facilitator.say("/peer schedule reflection every monday 10:00")
    facilitator.say("/peer schedule reflection every tuesday 10:00")
    bot.tick(datetime(2026, 11, 29, 12, 0, tzinfo=UTC))  # Sunday: nothing due, next times noted
    monday = datetime(2026, 11, 30, 15, 0, 30, tzinfo=UTC)
    assert [schedule.id for schedule in bot.store.due_schedules(monday.isoformat())] == [1]
    assert len(bot.tick(monday)) == 1


def test_changing_the_time_zone_moves_the_next_post_to_the_new_local_time(bot, facilitator: Chat):
    """After "/peer timezone Europe/London", Monday 10:00 means 10:00 in London, not in Toronto."""
    facilitator.say("/peer schedule reflection every monday 10:00")
    bot.tick(datetime(2026, 11, 29, 12, 0, tzinfo=UTC))  # next time worked out in Toronto time
    facilitator.say("/peer timezone Europe/London")
    assert bot.tick(datetime(2026, 11, 30, 10, 0, 30, tzinfo=UTC))  # 10:00 in London
    assert bot.tick(datetime(2026, 11, 30, 15, 0, 30, tzinfo=UTC)) == []  # not again at Toronto's 10:00


def test_a_schedule_that_cannot_run_does_not_hold_up_the_others(bot, facilitator: Chat):
    """A schedule whose theme has gone from the content is logged and skipped; the channel's other one posts."""
    facilitator.say("/peer schedule reflection every monday 10:00")
    facilitator.say("/peer schedule reflection every monday 10:00")
    bot.store.update_schedule(1, theme="a-theme-since-removed")
    posts = bot.tick(datetime(2026, 11, 30, 15, 0, 30, tzinfo=UTC))
    assert [p.key.split(":")[0] for p in posts] == ["s2"]


@pytest.mark.sqlite_file
def test_a_cron_tick_takes_over_what_a_killed_tick_left_claimed_once_its_lease_ran_out(settings, clock, catalog):
    """`peerbot tick` leaves a post a killed tick claimed while that claim's lease may still be
    running (its worker could be alive, sending it), then sends it once the lease has run out."""
    from click.testing import CliRunner

    from adapters.bootstrap import build_bot
    from adapters.cli import main
    from bot.messages import Where

    clock.set(datetime.now(UTC) - timedelta(minutes=5))  # the killed tick claimed five minutes ago
    bot = build_bot(settings, clock=clock, catalog=catalog)
    Chat(bot, "u-fay", Role.FACILITATOR, Where("console", "local", "console")).say(
        "/peer schedule reflection every monday 10:00")
    row = bot.store.schedule(1)
    due = next_fire(row.recurrence, ZoneInfo("America/Toronto"), clock.now(), datetime.fromisoformat(row.created_at))
    assert len(bot.tick(due + timedelta(seconds=30))) == 1  # claimed, then the tick "is killed" before sending
    bot.store.close()

    def cron_tick(lease_seconds: int):
        return CliRunner().invoke(main, ["tick", "--force", "--at", (due + timedelta(minutes=1)).isoformat()],
                                  env={"PEERBOT_DB": settings.db, "PEERBOT_LOG_LEVEL": "WARNING",
                                       "PEERBOT_LEASE_SECONDS": str(lease_seconds)})

    held = cron_tick(lease_seconds=600)  # ten-minute leases: the claim might still be someone's
    assert "0 post(s) delivered" in held.output and "Co-reflection" not in held.output
    free = cron_tick(lease_seconds=60)
    assert "1 post(s) delivered" in free.output and free.output.count("Co-reflection") == 1
    assert "0 post(s) delivered" in cron_tick(lease_seconds=60).output


# -- people's words ------------------------------------------------------------------------
@pytest.mark.parametrize("text, described", [
    ("every weekday at 9", "every weekday at 09:00"),
    ("fortnightly on wednesday 10:00", "every other Wednesday at 10:00"),
    ("every 2 weeks on friday at 3pm", "every other Friday at 15:00"),
    ("every 3 weeks on monday at 10", "every 3 weeks on Monday at 10:00"),
    ("every other week on tuesday at 14:30", "every other Tuesday at 14:30"),
    ("every monday at noon", "every Monday at 12:00"),
    ("every thursday midday", "every Thursday at 12:00"),
    ("every friday at 9 in the morning", "every Friday at 09:00"),
    ("every mon and thu at half past nine", "every Monday, Thursday at 09:30"),
    ("Mon-Fri 8:30am", "every weekday at 08:30"),
    ("last friday of the month 3pm", "the last Friday of the month at 15:00"),
    ("the 1st of every month at 9am", "the 1st of every month at 09:00"),
    ("every Wednseday at 14:00", "every Wednesday at 14:00"),
    ("please, every thursday at 10 thanks", "every Thursday at 10:00"),
    ("every weekday except friday at 9", "every Monday, Tuesday, Wednesday, Thursday at 09:00"),
    ("every friday at 4.30pm", "every Friday at 16:30"),
    ("every monday at half nine", "every Monday at 09:30"),
    ("the last day of the month at 4pm", "the last day of every month at 16:00"),
])
def test_rules_read_the_way_people_write_them(text, described):
    """Filler, weekdays, every n weeks, noon, half past, dates of the month and typos read as meant."""
    assert parse_rule(text).describe() == described


@pytest.mark.parametrize("text, suggested", [
    ("every month at 10:00", "the 1st of every month at 10:00"),
    ("every monday", "every Monday at 09:00"),
    ("every friday afternoon", "every Friday at 14:00"),
    ("every thursday at 7", "every Thursday at 07:00"),
    ("biweekly friday 11am", "every other Friday at 11:00"),
    ("every monday at noonish", "every Monday at 12:00"),
    ("every second monday at 10", "every other Monday at 10:00"),
    ("every third thursday at 2pm", "the third Thursday of the month at 14:00"),
    ("at the end of each month at 4pm", "the last day of every month at 16:00"),
])
def test_unclear_rules_get_a_did_you_mean_never_a_silent_guess(text, suggested):
    """A phrase that leaves the day, the time or the rhythm open is answered with what would work."""
    from bot.schedules.words import DidYouMean

    with pytest.raises(DidYouMean) as e:
        parse_rule(text)
    assert e.value.rule.describe() == suggested


@pytest.mark.parametrize("text", ["every other day at 9", "twice a week", "every monday 10:00 and thursday 14:00",
                                  "every 2nd and 4th tuesday at 10"])
def test_rhythms_schedules_cannot_keep_are_refused_plainly(text):
    """"Every other day" or two times in one schedule are refused with what does work, not bent into something else."""
    with pytest.raises(NotUnderstood) as e:
        parse_rule(text)
    assert "can't set that up" in str(e.value)


@given(st.builds(Rule, st.just("weekly"), st.lists(st.integers(0, 6), min_size=1, max_size=7, unique=True).map(
    lambda d: tuple(sorted(d))), st.integers(0, 23), st.integers(0, 59), st.just(0), st.integers(1, 6))
       | st.builds(Rule, st.just("monthly"), st.integers(0, 6).map(lambda d: (d,)), st.integers(0, 23),
                   st.integers(0, 59), st.sampled_from([1, 2, 3, 4, -1]))
       | st.builds(Rule, st.just("monthday"), st.just(()), st.integers(0, 23), st.integers(0, 59),
                   st.sampled_from([*range(1, 32), -1])))
def test_every_suggested_phrase_reads_back_as_the_same_rule(rule):
    """The phrase a "did you mean" offers, typed back, is exactly the rule offered; so is its button id."""
    assert parse_rule(rule.phrase()) == rule
    assert Rule.from_code(rule.code()) == rule == Rule.from_rrule(rule.rrule_text())


def test_a_midnight_schedule_posts_on_the_night_after_the_spring_change():
    """Monday 00:00 right after the clocks go forward still fires (APScheduler's cron skipped it)."""
    rule = parse_rule("every day at midnight").rrule_text()
    start = datetime(2026, 3, 7, 12, tzinfo=UTC)
    fires = fire_times(rule, TORONTO, start, start + timedelta(days=3), start)
    assert [f.astimezone(TORONTO).strftime("%a %H:%M") for f in fires] == ["Sun 00:00", "Mon 00:00", "Tue 00:00"]


def test_a_sentence_asking_for_a_schedule_makes_it(bot, facilitator: Chat):
    """"Can you schedule a check-in every friday at 3pm please" sets up that check-in."""
    reply = facilitator.say("can you schedule a check-in every friday at 3pm please")[0]
    assert "Scheduled #1: community-of-practice check-in every Friday at 15:00" in reply.text


def test_a_question_about_check_ins_with_a_person_is_not_a_schedule(bot, facilitator: Chat):
    """"Can I have a check-in every week with someone I support?" is a question about the role."""
    facilitator.say("can I have a check-in every week with someone I support?")
    assert bot.store.schedules(channel=facilitator.where.channel_key) == []


def test_did_you_mean_button_schedules_what_it_offered(bot, facilitator: Chat):
    """"every month at 10:00" asks first; pressing the button makes the 1st-of-the-month schedule."""
    offer = facilitator.say("/peer schedule checkin every month at 10:00")[0]
    assert offer.private and "Did you mean" in offer.text and bot.store.schedules() == []
    made = facilitator.press("Yes, schedule that")[0]
    assert "Scheduled #1: community-of-practice check-in the 1st of every month at 10:00" in made.text


def test_only_facilitators_can_press_a_did_you_mean(bot, facilitator: Chat):
    """A participant pressing the did-you-mean button is told kindly that only facilitators schedule."""
    facilitator.say("/peer schedule checkin every month at 10:00")
    refused = facilitator.as_("u-pat").press("Yes, schedule that")[0]
    assert "Only facilitators" in refused.text and bot.store.schedules() == []


def test_a_forged_did_you_mean_button_makes_nothing(bot, facilitator: Chat):
    """A button id with a rule that cannot fire gets the expired reply and saves nothing."""
    reply = facilitator.press_action("v1:schedmean:checkin:w.1.9.2599.0:-")[0]
    assert "expired" in reply.text and bot.store.schedules() == []


def test_when_without_what_to_post_asks_which_kind(bot, facilitator: Chat):
    """"/peer schedule every monday at 10" asks what to post; pressing "A check-in" schedules it."""
    asked = facilitator.say("/peer schedule every monday at 10")[0]
    assert "What should I post every Monday at 10:00?" in asked.text and bot.store.schedules() == []
    made = facilitator.press("A check-in")[0]
    assert "Scheduled #1: community-of-practice check-in every Monday at 10:00" in made.text


@given(st.text(max_size=80) | st.lists(st.sampled_from(
    "every other each the a at on of month monday fri weekdays noon half past quarter to 9 10:30 3pm 1st 15th last "
    "first fortnightly biweekly daily morning evening except and weeks 2 three please thanks - , &".split()),
    max_size=12).map(" ".join))
def test_any_words_get_a_rule_or_a_kind_explanation_never_a_crash(text):
    """Whatever is typed after "/peer schedule reflection", the reader answers with a rule or says what it didn't follow."""
    from bot.schedules.words import DidYouMean

    try:
        rule = parse_rule(text)
    except DidYouMean as e:
        rule = e.rule
    except NotUnderstood as e:
        assert str(e)
        return
    rule.check()


def test_an_unknown_default_time_zone_is_the_operators_error_in_one_line():
    """PEERBOT_TIMEZONE=Mars/Olympus stops any command with one line naming the setting, before a
    facilitator could ever be told their channel's zone is wrong."""
    from click.testing import CliRunner

    from adapters.cli import main

    out = CliRunner().invoke(main, ["schedules"], env={"PEERBOT_TIMEZONE": "Mars/Olympus", "PEERBOT_DB": ":memory:"}).output
    assert out.count("\n") == 1 and "PEERBOT_TIMEZONE=Mars/Olympus" in out and "America/Toronto" in out
    assert "value error" not in out.lower()
