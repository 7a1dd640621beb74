"""Schedules per channel: set in chat by facilitators, listed by anyone, fired by `tick`.

`/peer schedule reflection every monday 10:00 [theme hope]` and friends create, pause, resume,
skip, post now and delete; `/peer schedules` lists them with the next time in the channel's time
zone. `tick(now)` is a plain function of the time: it finds every schedule due at `now`, posts a
run missed by less than the grace period once, skips and logs older ones, and returns the posts
already claimed, so that delivering them is at most once across restarts and processes.
"""
from __future__ import annotations

import logging
import secrets
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from bot.actions import encode
from bot.commands import Need
from bot.delivery import reach
from bot.errors import NotUnderstood, UserError
from bot.messages import Choice, Command, Form, FormField, Message, Post, Press, Reply, Role, Where
from bot.people.roles import require, workspace_key
from bot.records import Schedule
from bot.safety.quoting import quote
from bot.scenarios import rounds
from bot.schedules import calendar_days, prompts
from bot.schedules.request import split_request
from bot.schedules.spec import Rule, parse_rule, zone
from bot.schedules.words import DidYouMean

if TYPE_CHECKING:
    from bot.context import Context

log = logging.getLogger("peerbot.schedules")
KINDS = {"reflection": "reflection", "reflections": "reflection", "prompt": "reflection", "prompts": "reflection",
         "coreflection": "reflection", "co-reflection": "reflection",
         "checkin": "checkin", "check-in": "checkin", "checkins": "checkin", "check-ins": "checkin",
         "session": "session", "sessions": "session"}
KIND_NAMES = {"reflection": "co-reflection prompt", "checkin": "community-of-practice check-in",
              "session": "structured co-reflection session"}
VERBS = ("pause", "resume", "skip", "now", "delete", "remove")


def channel_tz(bot: Context, channel: str) -> str:
    return bot.store.channel_timezone(channel) or bot.settings.timezone


def _iso(t: datetime) -> str:
    return t.isoformat(timespec="seconds")


def due_key(t: datetime | None) -> str:
    """How `next_due` is stored: UTC ISO, so the database can compare instants as text."""
    return t.astimezone(UTC).isoformat(timespec="seconds") if t is not None else "never"


def _parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value)


def schedule_key(schedule: Schedule, fire: datetime, tz_name: str) -> str:
    # Keyed by local wall-clock time: the autumn change's repeated 01:30 is one post, not two.
    local = fire.astimezone(zone(tz_name))
    return f"s{schedule.id}:{local:%Y-%m-%dT%H:%M}"


def visible(bot: Context, platform: str, workspace: str) -> list[dict[str, Any]]:
    """Every schedule of a workspace, described (the home view's list)."""
    now = bot.clock.now()
    return [describe(bot, row, now) for row in bot.store.schedules(workspace=f"{platform}:{workspace}")]


def describe(bot: Context, schedule: Schedule, now: datetime) -> dict[str, Any]:
    """What `/peer schedules`, the home view and `peerbot schedules --json` show of a schedule."""
    tz_name = channel_tz(bot, schedule.channel)
    rule = schedule.rule
    # calendar hook: the next post after holidays and closures, and the runs skipped before it.
    plan = calendar_days.plan_for(bot, schedule, tz_name)
    nxt, skipped = plan.next_run(_after(schedule, now))
    paused = schedule.paused
    summary = f"{KIND_NAMES[schedule.kind]} {rule.describe()}" + (f", theme {schedule.theme}" if schedule.theme else "")
    return {"id": schedule.id, "channel": schedule.channel, "channel_id": schedule.channel_id, "kind": schedule.kind,
            "rule": rule.describe(), "theme": schedule.theme, "state": "paused" if paused else "active",
            "timezone": tz_name, "summary": summary, "skip_next": schedule.skip_next,
            "next": "paused" if paused else calendar_days.describe_next(nxt, skipped, plan),
            "on_holiday": plan.policy, "holidays": plan.off.calendar,
            "next_at": _iso(nxt.at) if nxt and not paused else "",
            "skipping": [{"at": _iso(t), "why": why} for t, why in skipped] if not paused else [],
            # What went wrong with its posts, if anything: "last post failed: not in the channel", or why it
            # paused itself ("paused: the channel is archived"); "" when all is well (`bot.delivery.reach`).
            "problem": (reach.PAUSED_WHY.get(schedule.paused_why, "") if paused else "")
                       or reach.schedule_line(schedule)}


def _after(schedule: Schedule, now: datetime) -> datetime:
    return max(now, _parse_time(schedule.last_fired_at)) if schedule.last_fired_at else now


def next_upcoming(bot: Context, schedule: Schedule, now: datetime) -> datetime | None:
    # calendar hook: the next post after holidays and closures (moved or regular), not the rule's.
    run = calendar_days.plan_for(bot, schedule, channel_tz(bot, schedule.channel)).next_run(_after(schedule, now))[0]
    return run.at if run else None


# -- commands ------------------------------------------------------------------------------
def needs(text: str) -> Need | None:
    """`/peer schedule list` is for anyone; the form, a new schedule and changes are for facilitators.
    Free text that asks for a schedule ("can you schedule a check-in …") is checked by the same rule."""
    words = text.split()
    verb = words[0].lower() if words else ""
    if verb in ("list", "show"):
        return None
    if verb in VERBS or "on-holiday" in (w.lower() for w in words[:2]):
        return Need(Role.FACILITATOR, "change schedules")
    return Need(Role.FACILITATOR, "set up schedules")


def schedule(bot: Context, req: Command | Press, text: str) -> list[Message]:
    words = text.split()
    if not words:
        return [schedule_form()]
    verb = words[0].lower()
    # calendar hook: "/peer schedule 3 on-holiday next-day" (or "on-holiday 3 next-day").
    if "on-holiday" in (w.lower() for w in words[:2]):
        from bot.schedules.calendar_commands import on_holiday  # noqa: PLC0415

        rest = [w for w in words if w.lower() != "on-holiday"]
        return on_holiday(bot, req, _owned(bot, req, rest[:1]), rest[1:])
    if verb in VERBS:
        return change(bot, req, verb, words[1:])
    if verb in ("list", "show"):
        return list_schedules(bot, req, "")
    # The kind may come anywhere ("a fortnightly supervision session on wednesdays at 11").
    kind, when, theme = split_request(text)
    if kind is None:
        rule = _rule_or_none(when)
        if rule is not None and theme in ("", *bot.catalog.themes):
            return [which_kind(rule, theme)]
        raise NotUnderstood(f"I didn't find what to post in \"{quote(text, 60)}\": a reflection, a checkin or a "
                            "session. Try \"/peer schedule reflection every monday 10:00\", \"/peer schedule checkin "
                            "first wednesday of the month 9:30\" or \"/peer schedule session every other tuesday 14:30\".")
    return create(bot, req, kind, when, theme)



def schedule_form() -> Reply:
    return Reply("Set up a schedule for this channel.", private=True, form=Form(
        "New schedule", encode("schedform"),
        (FormField("kind", "What to post: reflection, checkin or session", "reflection"),
         FormField("when", "When", "every monday 10:00"),
         FormField("theme", "Theme (optional)", "boundaries", optional=True))))


def schedule_from_form(bot: Context, req: Press, args: list[str]) -> list[Message]:
    require(bot, req, Role.FACILITATOR, "set up schedules")
    kind = KINDS.get(req.value("kind").strip().lower())
    if kind is None:
        raise NotUnderstood("\"What to post\" should be reflection, checkin or session. Nothing was saved; "
                            "try again with one of those.")
    return create(bot, req, kind, req.value("when"), req.value("theme").strip().lower().replace(" ", "-"))


def create(bot: Context, req: Command | Press, kind: str, when: str, theme: str, rule: Rule | None = None) -> list[Message]:
    if req.where.is_dm:
        raise UserError("Schedules belong to a channel: set this up in the channel where the group meets.")
    if theme and theme not in bot.catalog.themes:
        raise NotUnderstood(f"I don't have a theme \"{quote(theme, 40)}\". "
                            "Themes: " + ", ".join(sorted(bot.catalog.themes)) + ".")
    if theme and kind == "checkin":
        raise NotUnderstood("Check-ins don't use themes; leave the theme off, or schedule a reflection.")
    if rule is None:
        try:
            rule = parse_rule(when)
        except DidYouMean as e:
            return [did_you_mean(kind, e.rule, theme, str(e))]
    return _save(bot, req, kind, rule, theme)


def _rule_or_none(when: str) -> Rule | None:
    try:
        return parse_rule(when)
    except DidYouMean as e:
        return e.rule
    except NotUnderstood:
        return None


def which_kind(rule: Rule, theme: str) -> Reply:
    """When was said but not what to post: one button per kind, each making that schedule."""
    text = (f"What should I post {rule.describe()}? Press one, or type it again with \"reflection\", "
            "\"checkin\" or \"session\".")
    choices = tuple(Choice(label, encode("schedmean", kind, rule.code(), theme or "-"))
                    for kind, label in (("reflection", "A reflection prompt"), ("checkin", "A check-in"),
                                        ("session", "A session")) if not (theme and kind == "checkin"))
    return Reply(text, private=True, choices=choices)


def did_you_mean(kind: str, rule: Rule, theme: str, why: str) -> Reply:
    """"Did you mean …?" with the phrase that would work, and a button that makes that schedule."""
    typed = f"/peer schedule {kind} {rule.phrase()}" + (f" theme {theme}" if theme else "")
    text = (f"Did you mean \"{typed}\"? That's a {KIND_NAMES[kind]} {rule.describe()}. {why} "
            "Press the button to schedule it, or type it again your way.")
    return Reply(text, private=True,
                 choices=(Choice("Yes, schedule that", encode("schedmean", kind, rule.code(), theme or "-"), "primary"),))


def schedule_meant(bot: Context, req: Press, args: list[str]) -> list[Message]:
    """The "did you mean" button: make the schedule it offered (facilitators only, as typed ones)."""
    require(bot, req, Role.FACILITATOR, "set up schedules")
    try:
        kind, code, theme = args
        rule = Rule.from_code(code)
    except (ValueError, KeyError):
        raise UserError("That button has expired. Ask me again and I'll give you a fresh one.") from None
    if kind not in KIND_NAMES:
        raise UserError("That button has expired. Ask me again and I'll give you a fresh one.")
    return create(bot, req, kind, "", "" if theme == "-" else theme, rule=rule)


def _save(bot: Context, req: Command | Press, kind: str, rule: Rule, theme: str) -> list[Message]:
    now = bot.clock.now()
    new = Schedule(channel=req.where.channel_key, platform=req.where.platform, workspace=req.where.workspace,
                   channel_id=req.where.channel, kind=kind, recurrence=rule.rrule_text(), theme=theme,
                   created_by=req.who.user_id, created_at=_iso(now), last_fired_at=_iso(now))
    sid = bot.store.add_schedule(new)
    bot.store.audit(workspace_key(req), req.who.user_id, "schedule create", f"#{sid} {kind} {new.recurrence}")
    info = describe(bot, _saved(bot, sid), now)
    return [Reply(f"Scheduled #{info['id']}: {info['summary']} ({info['timezone']}). Next: {info['next']}.",
                  private=False, check_channel=True)]


def list_schedules(bot: Context, req: Command | Press, text: str) -> list[Message]:
    now = bot.clock.now()
    rows = bot.store.schedules(channel=req.where.channel_key)
    tz_name = channel_tz(bot, req.where.channel_key)
    if not rows:
        return [Reply(f"No schedules in this channel yet (time zone {tz_name}). Facilitators can add one: "
                      "\"/peer schedule reflection every monday 10:00\".", private=True)]
    lines = []
    for row in rows:
        info = describe(bot, row, now)
        skip = " (next one skipped)" if info["skip_next"] else ""
        state = reach.PAUSED_WHY.get(row.paused_why, info["state"]) if row.paused else info["state"]
        failed = "" if row.paused and row.paused_why else reach.schedule_line(row)
        failed = f"; {failed}" if failed else ""
        lines.append(f"• #{info['id']} {info['summary']}: {state}, next {info['next']}{skip}{failed}")
    return [Reply(f"Schedules here (time zone {tz_name}):\n" + "\n".join(lines), private=True)]


def _saved(bot: Context, schedule_id: int) -> Schedule:
    """A schedule just written, read back (so what is shown is what was stored)."""
    found = bot.store.schedule(schedule_id)
    if found is None:
        raise LookupError(f"schedule {schedule_id} vanished while it was being changed")
    return found


def _owned(bot: Context, req: Command | Press, words: list[str]) -> Schedule:
    if not words or not words[0].lstrip("#").isdigit():
        raise NotUnderstood("Which schedule? Give its number from \"/peer schedules\", e.g. \"/peer schedule pause 3\".")
    row = bot.store.schedule(int(words[0].lstrip("#")))
    if row is None or row.channel != req.where.channel_key:
        raise UserError(f"There's no schedule #{words[0].lstrip('#')} in this channel. \"/peer schedules\" lists them.")
    return row


def change(bot: Context, req: Command | Press, verb: str, words: list[str]) -> list[Message]:
    row = _owned(bot, req, words)
    sid, now = row.id, bot.clock.now()
    ws = workspace_key(req)
    if verb == "pause":
        bot.store.update_schedule(sid, paused=True)
        msg = f"Paused #{sid}. Nothing posts until someone resumes it."
    elif verb == "resume":
        # Runs that fell in the pause are not made up: the schedule carries on from now.
        bot.store.update_schedule(sid, paused=False, last_fired_at=_iso(now), paused_why="", failure_told=False)
        msg = f"Resumed #{sid}. Next: {describe(bot, _saved(bot, sid), now)['next']}."
    elif verb == "skip":
        nxt = next_upcoming(bot, row, now)
        if nxt is None:
            raise UserError(f"#{sid} has no upcoming run to skip.")
        bot.store.update_schedule(sid, skip_next=_iso(nxt))
        msg = f"The next run of #{sid} ({describe(bot, row, now)['next']}) will be skipped."
    elif verb == "now":
        key = f"s{sid}:now:{now:%Y%m%dT%H%M%S}:{secrets.token_hex(3)}"
        posts = prompts.render(bot, row.kind, row.where, key, row.theme)
        bot.store.audit(ws, req.who.user_id, "schedule post-now", f"#{sid}")
        return [Reply(f"Posted #{sid} now.", private=True, after_posts=True), *posts]
    else:
        bot.store.delete_schedule(sid)
        msg = f"Deleted #{sid}."
    bot.store.audit(ws, req.who.user_id, f"schedule {verb}", f"#{sid}")
    return [Reply(msg, private=True)]


def timezone_(bot: Context, req: Command | Press, text: str) -> list[Message]:
    name = text.strip()
    if not name:
        return [Reply(f"This channel's time zone is {channel_tz(bot, req.where.channel_key)}.", private=True)]
    zone(name)
    bot.store.set_channel_timezone(req.where.channel_key, name)
    bot.store.audit(workspace_key(req), req.who.user_id, "timezone", f"{req.where.channel_key} {name}")
    return [Reply(f"This channel's time zone is now {name}. Schedules here follow it.")]


def reflect(bot: Context, req: Command | Press, text: str) -> list[Message]:
    theme = text.strip().lower().replace(" ", "-")
    if theme and theme not in bot.catalog.themes:
        raise NotUnderstood(f"I don't have a theme \"{quote(theme, 40)}\". Themes: " + ", ".join(sorted(bot.catalog.themes)) + ".")
    key = f"m:{req.where.channel_key}:reflect:{bot.clock.now():%Y%m%dT%H%M%S}:{secrets.token_hex(3)}"
    return [Reply("Posted a co-reflection prompt.", private=True, after_posts=True),
            *prompts.reflection_posts(bot, _strip_thread(req.where), key, theme)]


def checkin(bot: Context, req: Command | Press, text: str) -> list[Message]:
    key = f"m:{req.where.channel_key}:checkin:{bot.clock.now():%Y%m%dT%H%M%S}:{secrets.token_hex(3)}"
    return [Reply("Posted a check-in.", private=True, after_posts=True), *prompts.checkin_posts(bot, _strip_thread(req.where), key)]


def pulse(bot: Context, req: Press, args: list[str]) -> list[Message]:
    if len(args) != 2:
        raise UserError("That button has expired. Ask me again and I'll give you a fresh one.")
    counts = rounds.vote(bot, req, args[0], args[1])
    updated = prompts.checkin_reply(bot, args[0], counts)
    return [Reply(updated.text, card=updated.card, choices=updated.choices, replace=True),
            Reply("Thanks, your answer is counted anonymously. You can change it by pressing another button.",
                  private=True)]


def _strip_thread(where: Where) -> Where:
    return Where(where.platform, where.workspace, where.channel, None, where.is_dm)


# -- time ----------------------------------------------------------------------------------
def tick(bot: Context, now: datetime, only: int | None = None) -> list[Post]:
    """Everything due at `now`, claimed and ready to deliver. Safe to call any number of times.

    A full tick (not one schedule's job) also closes check-in rounds that have been open long enough,
    which drops their voter hashes; see `rounds.close_expired`."""
    grace = timedelta(minutes=bot.settings.grace_minutes)
    posts: list[Post] = []
    if only is None:
        rounds.close_expired(bot, now)
    seen: set[int] = set()
    # One transaction for the whole tick: a thousand due runs commit (and reach the disk) once, and
    # a crash part-way leaves nothing half-claimed; the runs are simply still due at the next tick.
    with bot.store.transaction():
        for rows in [[bot.store.schedule(only)]] if only is not None else _due_batches(bot, due_key(now)):
            for row in rows:
                if row is not None:
                    seen.add(row.id)
                    posts += _run_one(bot, row, now, grace)
    if only is None:
        # A second look at what another worker's tick held while this one ran (its rows are skipped,
        # not waited for). That tick may tick another minute: holding a schedule whose next time was
        # not known yet, a tick at 10:00 works out that it is due at 10:01 and leaves it, while this
        # tick at 10:01 passed it by. So once this tick's own claims are committed, it waits for
        # those rows (within a bound) and runs the ones still due at its time.
        with bot.store.transaction():
            for row in bot.store.due_schedules(due_key(now), wait=True):
                if row.id not in seen:  # one it saw and could not run is not tried twice
                    posts += _run_one(bot, row, now, grace)
    return posts


def _run_one(bot: Context, row: Schedule, now: datetime, grace: timedelta) -> list[Post]:
    if row.paused:
        return []
    try:
        with bot.store.transaction():  # a savepoint: one broken schedule never blocks the rest
            return _tick_one(bot, row, now, grace)
    except (UserError, ValueError, KeyError):
        log.exception("schedule %s could not run; the others go ahead", row.id)
        return []


# Due schedules are taken this many at a time: on a database several workers tick, each batch is
# held for the worker that took it, and the next batch is taken from what no worker holds yet, so
# workers ticking the same minute share the work instead of one taking it all.
DUE_BATCH = 100


def _due_batches(bot: Context, now_key: str) -> Iterator[list[Schedule]]:
    after = 0
    while batch := bot.store.due_schedules(now_key, after=after, limit=DUE_BATCH):
        yield batch
        after = batch[-1].id


def _tick_one(bot: Context, schedule: Schedule, now: datetime, grace: timedelta) -> list[Post]:
    """The run of one schedule due at `now`, claimed; notes when the schedule is next due."""
    sid = schedule.id
    tz_name = channel_tz(bot, schedule.channel)
    last = _parse_time(schedule.last_fired_at or schedule.created_at)
    # calendar hook: the runs due, after holidays and closures. A run on a day off is skipped or
    # moved (`run.at`); it keeps the key of the regular run it stands for (`run.regular`).
    plan = calendar_days.plan_for(bot, schedule, tz_name)
    runs, nxt = plan.due(last, now)
    fires = [run.at for run in runs]
    if not fires:
        if not schedule.next_due:
            bot.store.update_schedule(sid, next_due=due_key(nxt.at if nxt else None))
        return []
    # The hand-out: this tick takes the run only if the schedule is still as it read it, so two
    # workers ticking together never both render it (the post's claim key guards the post itself).
    if not bot.store.advance_schedule(sid, (schedule.next_due, schedule.last_fired_at),
                                      last_fired_at=_iso(fires[-1]), next_due=due_key(nxt.at if nxt else None)):
        return []
    posts: list[Post] = []
    recent = [r for r in runs if now - r.at <= grace]
    for old in runs:
        if old not in recent:
            log.info("schedule %s: run due %s missed by more than the grace period; skipped", sid, _iso(old.at))
    if recent:
        run = recent[-1]  # a backlog inside the grace period still posts once, not a flood
        if schedule.skip_next and _parse_time(schedule.skip_next) <= run.at:
            log.info("schedule %s: run due %s skipped on request", sid, _iso(run.at))
            bot.store.note_schedule_post(sid, skip_next="")
        else:
            posts += _claimed(bot, schedule, run, tz_name)
    elif schedule.skip_next and _parse_time(schedule.skip_next) <= fires[-1]:
        bot.store.note_schedule_post(sid, skip_next="")
    return posts


def _claimed(bot: Context, schedule: Schedule, run: calendar_days.Run, tz_name: str) -> list[Post]:
    key = schedule_key(schedule, run.regular, tz_name)
    if bot.store.delivery(key) is not None:
        return []  # someone (another process, an earlier run) already claimed this run
    fire = run.at  # a session's steps carry the same (moved) time as its opening post
    posts = [replace(p, due_at=_iso(fire))
             for p in prompts.render(bot, schedule.kind, schedule.where, key, schedule.theme)]
    return bot.claim(posts)
