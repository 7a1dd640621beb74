"""`peerbot doctor`'s look at the schedules: channels where the bot's last post was refused.

Read from the database, opened read-only (the doctor changes nothing): every schedule whose last post
was refused, or which paused itself because its channel was archived or deleted, by platform and
channel, with what to do there (`bot.delivery.reach`). A channel whose schedules have not posted yet shows
up after their first try; `/peer schedule …` already warns when it is made in such a channel.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from adapters.settings import AppSettings
from bot.delivery import reach

Row = tuple[str, bool, str]


def refused_schedules(db: str) -> list[dict]:
    if db == ":memory:" or not Path(db).exists():
        return []
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            conn.row_factory = sqlite3.Row
            rows = conn.execute("select id, platform, channel_id, last_failure, paused_why from schedules "
                                "where last_failure != '' or paused_why != '' order by platform, channel_id, id")
            return [dict(r) for r in rows]
    except sqlite3.Error:  # no schedules table yet, or a database from before this was recorded
        return []


def schedule_checks(settings: AppSettings) -> list[Row]:
    if settings.database_url is not None:
        from adapters.doctor_database import refused_schedules_pg

        rows = refused_schedules_pg(settings.database_url.get_secret_value())
    else:
        rows = refused_schedules(settings.db)
    if not rows:
        return []  # nothing to report: quiet, like a platform that is not configured
    by_channel: dict[tuple[str, str], list[dict]] = {}
    for row in rows:
        by_channel.setdefault((row["platform"], row["channel_id"]), []).append(row)
    out: list[Row] = []
    for (platform, channel), found in by_channel.items():
        why = found[0]["paused_why"] or found[0]["last_failure"]
        ids = ", ".join(f"#{r['id']}" for r in found)
        paused = " (paused)" if any(r["paused_why"] for r in found) else ""
        advice = reach.what_to_do(why, platform, channel).replace(reach.channel_ref(channel), f"#{channel}")
        out.append((f"{platform} channel {channel} can take posts", False,
                    f"schedules {ids}{paused}: {reach.SHORT.get(why, reach.SHORT[reach.OTHER])}. {advice}"))
    return out
