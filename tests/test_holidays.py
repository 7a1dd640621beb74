"""Schedules that know public holidays and closures: skipped or moved, shown ahead, posted at most once."""
from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from bot.messages import Post, Role
from bot.schedules.calendar_days import OFF, resolve
from bot.settings import Settings
from tests.conftest import Chat

UTC = UTC


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def keys(posts: list[Post]) -> list[str]:
    return [p.key for p in posts]


@pytest.fixture
def ontario(bot, clock, facilitator: Chat) -> Chat:
    """A Toronto channel on Ontario's calendar, in early February 2027."""
    clock.set(at(2027, 2, 1, 12))
    assert "Ontario (CA-ON)" in facilitator.say("/peer holidays ON")[0].text
    return facilitator


def test_a_monday_prompt_on_family_day_is_skipped(bot, ontario: Chat):
    """On Ontario's Family Day (Monday 2027-02-15) the Monday prompt does not post; the next Monday's does."""
    ontario.say("/peer schedule reflection every monday 10:00")
    bot.clock.set(at(2027, 2, 12, 12))
    listed = ontario.say("/peer schedules")[0].text
    assert "next Mon 2027-02-22 10:00 EST; skipping Mon 2027-02-15, Family Day" in listed
    assert bot.tick(at(2027, 2, 15, 15, 0, 30)) == []
    assert bot.tick(at(2027, 2, 16, 15, 0, 30)) == []
    assert keys(bot.tick(at(2027, 2, 22, 15, 0, 30))) == ["s1:2027-02-22T10:00"]


def test_a_monday_prompt_on_victoria_day_moves_to_tuesday_when_the_schedule_says_so(bot, ontario: Chat):
    """With "on-holiday next-day", Victoria Day's run posts Tuesday at the same local time, keyed by the Monday it replaces."""
    ontario.say("/peer schedule reflection every monday 10:00")
    reply = ontario.say("/peer schedule 1 on-holiday next-day")[0].text
    assert "next working day" in reply
    bot.clock.set(at(2027, 5, 20, 12))
    assert "next Tue 2027-05-25 10:00 EDT (moved from Mon 2027-05-24, Victoria Day)" in ontario.say("/peer schedules")[0].text
    assert bot.tick(at(2027, 5, 24, 14, 0, 30)) == []
    [post] = bot.tick(at(2027, 5, 25, 14, 0, 30))
    assert post.key == "s1:2027-05-24T10:00" and datetime.fromisoformat(post.due_at) == at(2027, 5, 25, 14)


def test_a_sessions_later_steps_move_with_it(bot, ontario: Chat):
    """A structured session moved off Family Day posts its opening and every step on Tuesday, in its thread."""
    ontario.say("/peer schedule session every monday 14:30")
    ontario.say("/peer schedule on-holiday 1 next-day")
    posts = bot.tick(at(2027, 2, 16, 19, 30, 30))
    assert len(posts) >= 3
    assert {datetime.fromisoformat(p.due_at) for p in posts} == {at(2027, 2, 16, 19, 30)}
    assert all(p.thread_of == posts[0].key == "s1:2027-02-15T14:30" for p in posts[1:])


def test_a_winter_closure_across_new_year_is_skipped_and_shown(bot, clock, facilitator: Chat):
    """A closure from Christmas Eve to 2 January: the Wednesday check-in inside it is skipped, and
    "/peer schedules" names the skipped date and the real next post."""
    clock.set(at(2026, 12, 23, 16))
    facilitator.say("/peer schedule checkin every wednesday 9:30")
    reply = facilitator.say('/peer closed 2026-12-24 to 2027-01-02 "winter closure"')[0].text
    assert "Closure #1: Thu 2026-12-24 to Sat 2027-01-02, winter closure" in reply
    assert "#1 Thu 2026-12-24 to Sat 2027-01-02: winter closure" in facilitator.say("/peer closed list")[0].text
    listed = facilitator.say("/peer schedules")[0].text
    assert "next Wed 2027-01-06 09:30 EST; skipping Wed 2026-12-30, winter closure" in listed
    assert bot.tick(at(2026, 12, 30, 14, 30, 30)) == []
    assert keys(bot.tick(at(2027, 1, 6, 14, 30, 30))) == ["s1:2027-01-06T09:30"]


def test_a_run_moved_out_of_a_closure_lands_on_the_first_working_day_after_it(bot, clock, facilitator: Chat):
    """Moved, the 30 December check-in skips New Year's Day and the weekend and posts Monday 4 January."""
    clock.set(at(2026, 12, 23, 16))
    facilitator.say("/peer schedule checkin every wednesday 9:30")
    facilitator.say("/peer schedule 1 on-holiday next-day")
    facilitator.say("/peer closed 2026-12-24 to 2027-01-02 winter closure")
    assert bot.tick(at(2026, 12, 30, 14, 30, 30)) == []
    assert keys(bot.tick(at(2027, 1, 4, 14, 30, 30))) == ["s1:2026-12-30T09:30"]
    assert keys(bot.tick(at(2027, 1, 6, 14, 30, 30))) == ["s1:2027-01-06T09:30"]


def test_removing_a_closure_brings_its_runs_back(bot, clock, facilitator: Chat):
    """"/peer closed remove 1" puts the closed dates back: the run inside them posts again."""
    clock.set(at(2026, 12, 23, 16))
    facilitator.say("/peer schedule checkin every wednesday 9:30")
    facilitator.say("/peer closed 2026-12-28 to 2026-12-31 year-end")
    assert "Removed closure #1" in facilitator.say("/peer closed remove 1")[0].text
    assert "No closures" in facilitator.say("/peer closed list")[0].text
    assert len(bot.tick(at(2026, 12, 30, 14, 30, 30))) == 1


def test_a_holiday_in_a_daylight_saving_week_moves_to_the_new_local_time(bot, clock, facilitator: Chat):
    """In London, Good Friday 2027 falls two days before the clocks go forward and Easter Monday the
    day after: the Friday 09:00 run moves past both to Tuesday 09:00 BST (08:00 UTC), not 09:00 UTC."""
    clock.set(at(2027, 3, 1, 12))
    facilitator.say("/peer timezone Europe/London")
    facilitator.say("/peer holidays UK-ENG")
    facilitator.say("/peer schedule reflection every friday 9:00")
    facilitator.say("/peer schedule 1 on-holiday next-day")
    assert bot.tick(at(2027, 3, 26, 9, 0, 30)) == []  # Good Friday, still GMT
    assert bot.tick(at(2027, 3, 29, 8, 0, 30)) == []  # Easter Monday, now BST
    [post] = bot.tick(at(2027, 3, 30, 8, 0, 30))
    assert post.key == "s1:2027-03-26T09:00" and datetime.fromisoformat(post.due_at) == at(2027, 3, 30, 8)
    assert keys(bot.tick(at(2027, 4, 2, 8, 0, 30))) == ["s1:2027-04-02T09:00"]


def test_a_moved_monday_post_and_a_tuesday_schedule_each_post_once(bot, ontario: Chat):
    """Family Day's Monday run moved onto Tuesday, where another schedule also fires: one post per
    key, and ticking again (or from a second process) posts nothing more."""
    ontario.say("/peer schedule reflection every monday 10:00")
    ontario.say("/peer schedule 1 on-holiday next-day")
    ontario.say("/peer schedule checkin every tuesday 10:00")
    tuesday = at(2027, 2, 16, 15, 0, 30)
    assert sorted(keys(bot.tick(tuesday))) == ["s1:2027-02-15T10:00", "s2:2027-02-16T10:00"]
    assert bot.tick(tuesday) == []
    bot.store.update_schedule(1, last_fired_at="2027-02-14T00:00:00+00:00")  # as if a tick had never run
    bot.store.update_schedule(2, last_fired_at="2027-02-14T00:00:00+00:00")
    assert bot.tick(tuesday) == []


def test_a_moved_run_never_collides_with_the_same_schedules_next_one(bot, ontario: Chat):
    """A weekday schedule's Family Day run would move onto Tuesday, which has its own run: Tuesday posts once."""
    ontario.say("/peer schedule reflection every weekday 10:00")
    ontario.say("/peer schedule 1 on-holiday next-day")
    bot.clock.set(at(2027, 2, 12, 16))
    listed = ontario.say("/peer schedules")[0].text
    assert "next Tue 2027-02-16 10:00 EST; skipping Mon 2027-02-15, Family Day" in listed
    assert bot.tick(at(2027, 2, 15, 15, 0, 30)) == []
    assert keys(bot.tick(at(2027, 2, 16, 15, 0, 30))) == ["s1:2027-02-16T10:00"]


def test_only_facilitators_change_calendars_and_closures_and_each_change_is_audited(bot, ontario: Chat):
    """A participant can read the calendar and closures but not change them; an admin sees every change in the audit log."""
    person = ontario.as_("u-pat")
    assert "Ontario (CA-ON)" in person.say("/peer holidays")[0].text
    assert "Only facilitators" in person.say("/peer holidays off")[0].text
    assert "Only facilitators" in person.say("/peer closed 2027-03-01 training")[0].text
    assert bot.store.channel_holidays("test:team:c-general") == "CA-ON"
    assert bot.store.closures("test:team:c-general") == []
    ontario.say("/peer closed 2027-03-01 training")
    ontario.say("/peer closed remove 1")
    ontario.say("/peer schedule reflection every monday 10:00")
    ontario.say("/peer schedule 1 on-holiday next-day")
    audit = ontario.as_("u-admin", Role.ADMIN).say("/peer audit")[0].text
    for action in ("holidays: test:team:c-general CA-ON", "closure add: #1", "closure remove: #1",
                   "schedule on-holiday: #1 next-day"):
        assert action in audit


@pytest.mark.parametrize("typed, says", [
    ("/peer holidays XX", "US-AK/AL"),
    ("/peer closed 2027-01-05 to 2027-01-01 x", "ends (2027-01-01) before it starts"),
    ("/peer closed 2027-03-01 to 2028-03-15 sabbatical", "longer than a year"),
    ("/peer closed 2027-01-04 x", "in the past"),
    ("/peer closed 5 march", "isn't a date"),
    ("/peer schedule 1 on-holiday sometimes", "\"skip\" or move to the \"next-day\""),
    ("/peer closed remove 9", "no closure #9"),
])
def test_bad_input_gets_a_clear_reply_and_changes_nothing(bot, ontario: Chat, typed, says):
    """An unknown calendar (answered with the valid codes), an end before a start, a range over a
    year, a past date, an unreadable date, an unknown policy or closure: explained, and nothing saved."""
    ontario.say("/peer schedule reflection every monday 10:00")
    bot.clock.set(at(2027, 2, 1, 12))
    before = bot.store.everything()
    assert says in ontario.say(typed)[0].text
    after = bot.store.everything()
    assert {t: after[t] for t in after if t != "audit"} == {t: before[t] for t in before if t != "audit"}
    assert after["audit"] == before["audit"]


def test_a_closure_is_forgotten_once_it_has_been_over_for_the_retention_period(bot, ontario: Chat):
    """A closure stays while it matters and a while after; 90 days after it ends, a tick deletes it."""
    ontario.say('/peer closed 2027-03-01 to 2027-03-05 "training week"')
    bot.tick(at(2027, 6, 2, 12))
    assert len(bot.store.closures("test:team:c-general")) == 1
    bot.tick(at(2027, 6, 4, 12))
    assert bot.store.closures("test:team:c-general") == []


def test_a_closure_label_is_quoted_back_inert_and_short(bot, ontario: Chat):
    """A label with a group ping, a link and a long tail is stored and shown without any of them working."""
    reply = ontario.say('/peer closed 2027-03-01 "<!channel> @here see https://example.org ' + "x" * 100 + '"')[0].text
    [row] = bot.store.closures("test:team:c-general")
    assert len(row.label) <= 60 and "@" not in row.label and "<!" not in row.label
    assert "://" not in row.label and row.label in reply


def test_a_wrong_holiday_setting_is_an_operator_error_in_one_line():
    """PEERBOT_HOLIDAYS is checked when settings load: an unknown code names itself and the valid codes."""
    with pytest.raises(ValidationError) as e:
        Settings(holidays="XX", _env_file=None)
    [error] = e.value.errors()
    assert error["msg"].count("\n") == 0 and "PEERBOT_HOLIDAYS=XX" in error["msg"] and "CA or CA-AB" in error["msg"]
    assert Settings(holidays="ON", region="CA", _env_file=None).holidays == "ON"


def test_codes_read_the_way_people_write_them():
    """Bare provinces read in the operator's country, full codes anywhere, "off" for none."""
    assert resolve("on", "CA") == "CA-ON"
    assert resolve("NY", "US") == "US-NY" and resolve("US-NY", "CA") == "US-NY"
    assert resolve("UK-SCT", "CA") == "UK-SCT" and resolve("gb-wls", None) == "UK-WLS"
    assert resolve("IE", "CA") == "IE" and resolve("nz", "CA") == "NZ" and resolve("off", "CA") == OFF
    assert resolve("WA", "AU") == "AU-WA"


def test_the_home_view_shows_the_next_post_after_closures(bot, clock, facilitator: Chat):
    """The home view (Slack's App Home) shows the same next post and skipped date as "/peer schedules"."""
    clock.set(at(2026, 12, 23, 16))
    facilitator.say("/peer schedule checkin every wednesday 9:30")
    facilitator.say('/peer closed 2026-12-24 to 2027-01-02 "winter closure"')
    home = bot.home("test", "team").text
    assert "next: Wed 2027-01-06 09:30 EST; skipping Wed 2026-12-30, winter closure" in home


def test_peerbot_tick_on_a_holiday_posts_nothing_and_the_terminal_chat_flow_shows_the_real_next_post(
        settings):
    """In the terminal chat a facilitator sets Ontario's calendar and a winter closure; `peerbot
    schedules` shows the skipped dates and the real next post; `peerbot tick --at` on Family Day
    posts nothing, and on the Monday after it posts."""
    import time_machine
    from click.testing import CliRunner

    from adapters.cli import main

    env = {"PEERBOT_DB": settings.db, "PEERBOT_LOG_LEVEL": "WARNING", "PEERBOT_TIMEZONE": "America/Toronto",
           "PEERBOT_HOLIDAYS": "", "PEERBOT_REGION": "CA"}
    typed = "\n".join(["/peer holidays ON", '/peer closed 2026-12-24 to 2027-01-02 "winter closure"',
                       "/peer schedule checkin every wednesday 9:30", "/peer schedule reflection every monday 10:00",
                       ""])
    with time_machine.travel(at(2026, 12, 23, 17), tick=False):
        chat = CliRunner().invoke(main, ["chat"], input=typed, env=env)
        assert "Ontario (CA-ON)" in chat.output and "Closure #1" in chat.output
        listed = CliRunner().invoke(main, ["schedules"], env=env).output
        as_json = json.loads(CliRunner().invoke(main, ["schedules", "--json"], env=env).output)
    assert "next Wed 2027-01-06 09:30 EST; skipping Wed 2026-12-30, winter closure" in listed
    assert "next Mon 2027-01-04 10:00 EST; skipping Mon 2026-12-28, winter closure" in listed
    assert as_json[0]["skipping"] == [{"at": "2026-12-30T09:30:00-05:00", "why": "winter closure"}]
    assert datetime.fromisoformat(as_json[0]["next_at"]) == at(2027, 1, 6, 14, 30)

    def tick(instant: datetime) -> str:
        return CliRunner().invoke(main, ["tick", "--at", instant.isoformat(), "--force"], env=env).output

    assert "0 post(s) delivered" in tick(at(2027, 2, 15, 15, 0, 30))  # Family Day
    monday = tick(at(2027, 2, 22, 15, 0, 30))
    assert "1 post(s) delivered" in monday and "Co-reflection" in monday


def test_an_unknown_holidays_setting_is_one_line_naming_it_with_the_valid_codes():
    """PEERBOT_HOLIDAYS=ZZ stops any command with one line that names the setting and lists valid codes."""
    from click.testing import CliRunner

    from adapters.cli import main

    out = CliRunner().invoke(main, ["schedules"], env={"PEERBOT_HOLIDAYS": "ZZ", "PEERBOT_DB": ":memory:"}).output
    assert out.count("\n") == 1 and "PEERBOT_HOLIDAYS=ZZ" in out and "CA or CA-AB" in out
    assert "value error" not in out.lower()
