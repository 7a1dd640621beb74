"""The database schema, as sqlite-utils migration steps applied in order at start-up."""
from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("peerbot")


@migrations()
def m001_flows(db: Database) -> None:
    # Open guided checks and pickers: which step, which buttons were chosen. Never free text.
    db["flows"].create({"owner": str, "kind": str, "state": str, "updated_at": str},
                       pk=("owner", "kind"), not_null={"state"})


@migrations()
def m002_delivery(db: Database) -> None:
    # One row per post key: claimed before sending, so a second process or a restart can never
    # send the same post twice. `ref` is the platform's message id, for threading and recovery.
    # `payload` is the bot's own rendered post (never a person's text), kept so a post claimed
    # just before a crash can be checked against the platform and sent after a restart.
    db["deliveries"].create({"key": str, "channel": str, "status": str, "claimed_at": str,
                             "sent_at": str, "ref": str, "attempts": int, "payload": str}, pk="key")
    db["deliveries"].create_index(["status"])


@migrations()
def m003_channels_roles_audit(db: Database) -> None:
    db["channels"].create({"channel": str, "timezone": str, "region": str, "updated_at": str}, pk="channel")
    db["facilitators"].create({"workspace": str, "user_id": str, "added_at": str}, pk=("workspace", "user_id"))
    # Who changed which configuration, when: readable by admins, and erased by "forget me".
    db["audit"].create({"id": int, "at": str, "workspace": str, "actor": str, "action": str, "detail": str}, pk="id")


@migrations()
def m004_schedules(db: Database) -> None:
    db["schedules"].create({
        "id": int, "channel": str, "platform": str, "workspace": str, "channel_id": str,
        "kind": str, "rule": str, "theme": str, "paused": int, "skip_next": str,
        "created_by": str, "created_at": str, "last_fired_at": str,
    }, pk="id", defaults={"paused": 0, "skip_next": "", "theme": "", "last_fired_at": ""})
    db["schedules"].create_index(["channel"])
    db["prompt_uses"].create({"channel": str, "prompt_id": str, "theme": str, "used_at": str},
                             pk=("channel", "prompt_id"))


@migrations()
def m005_rounds(db: Database) -> None:
    # Anonymous tallies: while a round is open a keyed hash of the voter stops double votes; at
    # close the votes rows are deleted and only the counts remain.
    db["rounds"].create({"id": str, "channel": str, "kind": str, "choices": str, "open": int,
                         "counts": str, "opened_at": str, "closed_at": str}, pk="id")
    db["votes"].create({"round_id": str, "voter": str, "choice": str}, pk=("round_id", "voter"))


@migrations()
def m006_scenarios(db: Database) -> None:
    db["scenario_runs"].create({
        "id": str, "channel": str, "platform": str, "workspace": str, "channel_id": str,
        "scenario_id": str, "facilitator": str, "state": str, "reveal_minutes": int,
        "reveal_at": str, "paused_left": int, "started_at": str, "ended_at": str,
    }, pk="id")
    db["scenario_runs"].create_index(["channel", "state"])
    db["scenario_history"].create({"channel": str, "scenario_id": str, "run_at": str},
                                  pk=("channel", "scenario_id"))


@migrations()
def m007_workspace_region(db: Database) -> None:
    # Which region's crisis lines a workspace or server sees, when a facilitator chose one other
    # than PEERBOT_REGION. Keyed by platform:workspace; nothing about any person.
    db["workspaces"].create({"workspace": str, "region": str, "updated_at": str}, pk="workspace")


@migrations()
def m008_schedule_next_due(db: Database) -> None:
    # When each schedule next falls due (UTC ISO, "never", or "" for "work it out at the next tick"):
    # a tick reads only the rows due now, instead of computing fire times for every schedule.
    db["schedules"].add_column("next_due", str, not_null_default="")
    db["schedules"].create_index(["paused", "next_due"])


@migrations()
def m009_workspace_answers(db: Database) -> None:
    # Who sees the answer to a question asked by slash command in a channel: "" (the default,
    # private to the asker) or "public" (the whole channel), chosen by an admin. Nothing about any person.
    db["workspaces"].add_column("answers", str, not_null_default="")


@migrations()
def m010_holidays_and_closures(db: Database) -> None:
    # Public holidays and closures (bot.schedules.calendar_days). A channel's holiday calendar ("CA-ON", "off";
    # "" for the operator's default); what a schedule does on a day off ("skip" or "next-day"); and
    # the closures facilitators mark: dates and an agency's own name for them, never about a person.
    db["channels"].add_column("holidays", str, not_null_default="")
    db["schedules"].add_column("on_holiday", str, not_null_default="skip")
    db["closures"].create({"id": int, "channel": str, "start": str, "end": str, "label": str,
                           "created_at": str}, pk="id")
    db["closures"].create_index(["channel"])


@migrations()
def m011_seen_requests(db: Database) -> None:
    # Replay protection: a hash of each signed Slack request body and each Events API event id,
    # kept a few minutes (past Slack's five-minute signature window, or its retries of an event),
    # so a replayed request or a retry after a restart is not acted on twice. No text, no user ids.
    db["seen_requests"].create({"key": str, "expires_at": str}, pk="key")
    db["seen_requests"].create_index(["expires_at"])


@migrations()
def m012_meta(db: Database) -> None:
    # The bot's own secrets, such as the key for voter hashes (SqliteStore.secret). Older databases
    # got this table from the store itself at first use; it is kept as it is, key and all.
    db["meta"].create({"key": str, "value": str}, pk="key", if_not_exists=True)


@migrations()
def m013_drop_channel_region(db: Database) -> None:
    # The region moved to the workspace (m007, `/peer region`); nothing has read the channel's since.
    if "region" in db["channels"].columns_dict:
        db["channels"].transform(drop={"region"})


@migrations()
def m014_teams_conversations(db: Database) -> None:
    # Microsoft Teams posts proactively with a conversation reference kept from when the bot was
    # installed in a team or group chat or first spoken to there: which conversation, the Bot
    # Connector's service URL for it, and the tenant. Keyed by platform:workspace:channel like every
    # channel setting. Team channels and group chats only, never a person's personal chat.
    db["teams_conversations"].create({"channel": str, "conversation_id": str, "service_url": str,
                                      "tenant_id": str, "updated_at": str}, pk="channel")


@migrations()
def m015_schedule_reach(db: Database) -> None:
    # Whether a schedule's last post was refused, and why (`bot.delivery.reach`: "not_in_channel", "archived"…;
    # "" when it went out), whether its maker has been told (once per run of failures), and why it
    # paused itself ("archived", "gone"; "" when a person paused it). Nothing about any person.
    db["schedules"].add_column("last_failure", str, not_null_default="")
    db["schedules"].add_column("failure_told", int, not_null_default=0)
    db["schedules"].add_column("paused_why", str, not_null_default="")


# The schedule rule's own text form before m016: "weekly mon,thu 10:00 0", "fortnightly tue 14:30 0",
# "monthly fri 15:00 -1" (the last Friday), "monthday - 12:00 1", and "weekly wed 09:00 0 3" for every
# three weeks. Frozen here, so this migration reads old rows the same way whatever the code becomes.
_LEGACY_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def legacy_rule_to_rrule(text: str) -> str:
    """The RRULE text (as `bot.schedules.spec.Rule.rrule_text` writes it) for a pre-m016 rule."""
    from datetime import datetime

    from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekday

    cadence, days_text, at, nth_text, *rest = text.split()
    days = [_LEGACY_DAYS.index(d) for d in days_text.split(",")] if days_text != "-" else []
    hour, minute = (int(part) for part in at.split(":"))
    nth, interval = int(nth_text), int(rest[0]) if rest else 1
    when = {"byhour": hour, "byminute": minute, "bysecond": 0, "dtstart": datetime(2000, 1, 3)}
    if cadence == "fortnightly":
        cadence, interval = "weekly", 2
    if cadence == "weekly":
        recurrence = rrule(WEEKLY, interval=interval, byweekday=days, **when)
    elif cadence == "monthly":
        recurrence = rrule(MONTHLY, byweekday=weekday(days[0], nth), **when)
    elif cadence == "monthday":
        recurrence = rrule(MONTHLY, bymonthday=nth, **when)
    else:
        raise ValueError(f"not a schedule rule: {text!r}")
    return str(recurrence).splitlines()[-1]


@migrations()
def m016_schedule_rrule(db: Database) -> None:
    # A schedule's recurrence as RFC 5545 RRULE text (`bot.schedules.spec`), in place of peerbot's own
    # rule text: a standard any store or tool can read. Times stay the channel's wall-clock times, and
    # every-n-weeks rules still count weeks from `created_at`, so every schedule fires exactly when it
    # did. When each is next due does not change either, so `next_due` stays as it is.
    db["schedules"].add_column("recurrence", str, not_null_default="")
    for row in list(db.query("select id, rule from schedules")):
        db.execute("update schedules set recurrence = ? where id = ?", [legacy_rule_to_rrule(row["rule"]), row["id"]])
    db["schedules"].transform(drop={"rule"})
@migrations()
def m017_installations(db: Database) -> None:
    # Slack for many workspaces (adapters.slack.installs): one row per workspace the app is installed
    # in, with what the platform's install handed back (for Slack, the bot token: protect this file
    # like the tokens it holds). Nothing about any person. OAuth states are random values issued when
    # someone starts an install and consumed once when Slack sends them back, kept ten minutes at most.
    db["installations"].create({"platform": str, "workspace": str, "data": str, "installed_at": str},
                               pk=("platform", "workspace"), not_null={"data"})
    db["oauth_states"].create({"state": str, "expires_at": str}, pk="state")
    db["oauth_states"].create_index(["expires_at"])


@migrations()
def m018_delivery_leases(db: Database) -> None:
    # Several workers on one database: a claimed post names the worker sending it and until when
    # that worker holds it (a lease it renews while pacing or waiting out a rate limit). When a
    # worker dies its lease runs out and another worker takes the post over, checking the platform
    # before resending. "" for both until a sender holds the row (then the claim time counts).
    db["deliveries"].add_column("worker", str, not_null_default="")
    db["deliveries"].add_column("lease_until", str, not_null_default="")
    # Named locks with a lease, for what only one process may do at a time (the Discord gateway):
    # the holder renews `lease_until`; a standby takes the lock once it has run out.
    db["locks"].create({"name": str, "holder": str, "lease_until": str}, pk="name", if_not_exists=True)
