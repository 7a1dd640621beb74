"""The `peerbot` command line (click): chat, ask, content checks, and running the bot.

Every command builds the bot through the one composition root, so what the command line says is
exactly what the chat would say.
"""
from __future__ import annotations

import json
import logging
import sqlite3
import sys

import click

from bot.catalog import load_catalog
from bot.privacy import PLATFORMS
from bot.errors import ContentError
from bot.resources import load_resources
from bot.settings import Settings


def _settings() -> Settings:
    from pydantic import ValidationError

    try:
        return Settings()
    except ValidationError as e:
        # A wrong setting (an unknown PEERBOT_HOLIDAYS code) is the operator's to fix: one line each,
        # not a traceback.
        for error in e.errors():
            click.echo(f"peerbot cannot start: {error['msg'].removeprefix('Value error, ')}", err=True)
        sys.exit(2)


def _bot(settings: Settings | None = None):
    from adapters.bootstrap import build_bot

    settings = settings or _settings()
    try:
        return build_bot(settings)
    except ContentError as e:
        click.echo(f"peerbot cannot start: the content has problems.\n{e}", err=True)
        sys.exit(2)


def database_problem(error: sqlite3.Error, path: str) -> str:
    """One line a person can act on, for a database peerbot cannot use (instead of a traceback)."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        why = "another program kept it locked for longer than peerbot waits (5 seconds); try again when it lets go"
    elif "readonly" in text or "read-only" in text or "unable to open" in text:
        why = ("it cannot be written. peerbot needs to write the file and the folder it is in "
               "(for the -wal and -shm files next to it)")
    elif "not a database" in text or "malformed" in text:
        why = "it is not a SQLite database, or it is damaged. Restore it from a backup, or set PEERBOT_DB to a new file"
    else:
        why = "SQLite refused"
    return f"peerbot cannot use its database {path}: {why} (SQLite: {error})."


class Main(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except sqlite3.Error as e:  # a locked, read-only or damaged file: say so, not a traceback
            from pathlib import Path

            click.echo(database_problem(e, str(Path(_settings().db).resolve())), err=True)
            sys.exit(3)


@click.group(cls=Main)
def main() -> None:
    """peerbot: answers for peer workers, rhythm for communities of practice, scenario discussions."""
    logging.basicConfig(level=_settings().log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")


@main.command()
def chat() -> None:
    """Chat in the terminal (reads piped input line by line and exits at its end)."""
    from adapters.console import run

    bot = _bot()
    interactive = sys.stdin.isatty()

    def lines():
        if not interactive:
            yield from sys.stdin
            return
        while True:
            try:
                yield input("you> ")
            except (EOFError, KeyboardInterrupt):
                click.echo("")
                return

    run(bot, lines(), prompt=interactive)


def answer_json(bot, question: str) -> dict:
    from bot.asking import choose
    from bot.replies import cite

    kind, found = choose(bot, question)
    if kind == "topic":
        item = found.item
        return {"question": question, "kind": "topic", "id": item.id,
                "title": getattr(item, "term", None) or getattr(item, "title"),
                "answer": getattr(item, "meaning", None) or getattr(item, "short"),
                "sources": [s.cite() for s in item.sources],
                "views": [{"summary": v.summary, "sources": [s.cite() for s in v.sources]} for v in item.views]}
    if kind == "clinical":
        from bot.replies import CLINICAL

        return {"question": question, "kind": "clinical", "verdict": "unsure", "matches": [], "reasons": [CLINICAL]}
    if kind == "unknown":
        return {"question": question, "kind": "unknown", "verdict": "unsure", "matches": [],
                "reasons": ["I don't know that one; it doesn't match anything in my sources."]}
    a = found
    return {
        "question": question, "kind": "task", "verdict": a.verdict,
        "matches": [{"id": r.id, "task": r.task, "verdict": r.verdict, "source": cite(r.sources)} for r in a.matches],
        "reasons": list(a.reasons) or ["No ruling in the sources is close enough to say; try the guided check."],
        "instead": a.instead, "reflect": a.reflect,
        "views": [{"summary": v.summary, "verdict": v.verdict, "sources": [s.cite() for s in v.sources]} for v in a.views],
        "jurisdiction": a.jurisdiction,
    }


@main.command()
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the answer as one JSON object.")
@click.option("--jsonl", is_flag=True, help="Read one question per line on stdin; print one JSON object per line.")
def ask(question: str | None, as_json: bool, jsonl: bool) -> None:
    """Ask one question, as in the chat."""
    bot = _bot()
    if jsonl:
        for line in sys.stdin:
            if line.strip():
                click.echo(json.dumps(answer_json(bot, line.strip())))
        return
    if not question:
        raise click.UsageError("Give a question, or use --jsonl to read questions from stdin.")
    if as_json:
        click.echo(json.dumps(answer_json(bot, question), indent=2))
        return
    from adapters.console import Console

    Console(bot).say(question)


@main.group()
def content() -> None:
    """Work with the content files."""


@content.command("check")
@click.option("--json", "as_json", is_flag=True, help="Print counts and problems as JSON.")
def content_check(as_json: bool) -> None:
    """Validate every content file; list every problem with file, item and field."""
    settings = _settings()
    try:
        catalog = load_catalog(settings.content_dir)
        counts, problems = catalog.counts(), []
    except ContentError as e:
        counts, problems = {}, e.problems
    try:  # the crisis lines and local services in content/support/ (bot.resources)
        support = load_resources(settings.content_dir, settings.region)
        counts.update({"regions": len(support.regions), "local services": len(support.services)})
    except ContentError as e:
        problems = [*problems, *e.problems]
    if as_json:
        click.echo(json.dumps({**counts, "problems": problems}, indent=2))
    else:
        for problem in problems:
            click.echo(problem)
        if problems:
            click.echo(f"{len(problems)} problem(s) found.")
        else:
            click.echo("content ok: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    sys.exit(1 if problems else 0)


@main.command("schedules")
@click.option("--json", "as_json", is_flag=True, help="Print the schedules as JSON.")
def schedules_cmd(as_json: bool) -> None:
    """List every schedule with its next fire time in its channel's time zone."""
    from bot.schedules import describe

    bot = _bot()
    now = bot.clock.now()
    rows = [describe(bot, row, now) for row in bot.store.schedules()]
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        click.echo("No schedules.")
    for r in rows:
        click.echo(f"#{r['id']} {r['channel']}: {r['summary']} [{r['state']}] next {r['next']}")


@main.command()
@click.option("--at", "at", default=None, help="ISO-8601 instant to run as (default: now).")
def tick(at: str | None) -> None:
    """Run whatever is due at that instant, deliver it, and exit."""
    import asyncio
    from datetime import datetime, timedelta, timezone

    from adapters.console import ConsoleTransport
    from adapters.deliverer import DelivererLock
    from bot.outbox import Outbox

    bot = _bot()
    try:
        now = datetime.fromisoformat(at) if at else datetime.now(timezone.utc)
    except ValueError:
        raise click.BadParameter(f"{at!r} is not an ISO-8601 time, e.g. 2026-11-23T10:00:00-05:00", param_hint="--at")
    if now.tzinfo is None:
        raise click.BadParameter("give a time zone offset, e.g. 2026-11-23T10:00:00-05:00 or ...Z", param_hint="--at")
    posts = bot.tick(now)
    outbox = Outbox(bot.store, {"console": ConsoleTransport()}, bot.clock)
    # With no running bot or other tick holding the lock, this tick also finishes what an earlier,
    # killed tick left claimed (see adapters.deliverer).
    lock = DelivererLock(bot.settings.db)
    recovering = lock.acquire()
    try:
        pending = bot.store.unfinished_deliveries("") if recovering else []
        if (any(p.where.platform != "console" for p in posts)
                or any(not row["channel"].startswith("console:") for row in pending)):
            from adapters.runner import platform_transports

            outbox.transports.update(platform_transports(bot, bot.settings))

        async def deliver():
            results = await outbox.send_claimed(posts)
            if recovering:
                results += await outbox.recover(timedelta(minutes=bot.settings.grace_minutes))
            from bot.schedule_outcomes import after_delivery  # a refused post: kept, its maker told once

            notices = after_delivery(bot, results)
            return results + (await outbox.send_claimed(notices) if notices else [])

        results = asyncio.run(deliver())
    finally:
        lock.release()
    sent = sum(1 for r in results if r.status == "sent")
    click.echo(f"tick {now.isoformat()}: {sent} post(s) delivered, {len(results) - sent} left for retry.", err=True)


@main.command()
@click.option("--user", "user_id", default=None, help="Only what names this user id (platform ids, e.g. U0123ABC).")
@click.option("--platform", type=click.Choice(PLATFORMS), default=None, help="The user's platform (default: all).")
@click.option("--workspace", default=None, help="Only this Slack workspace or Discord server id.")
def export(user_id: str | None, platform: str | None, workspace: str | None) -> None:
    """Print as JSON everything peerbot keeps (or everything about one user)."""
    from bot import privacy

    bot = _bot()
    if user_id is None:
        if platform or workspace:
            raise click.UsageError("--platform and --workspace go with --user.")
        click.echo(json.dumps(bot.store.everything(), indent=2, default=str))
        return
    found = {p: privacy.about(bot, p, user_id, workspace) for p in ([platform] if platform else PLATFORMS)}
    click.echo(json.dumps({"user": user_id, "kept": {p: rows for p, rows in found.items() if rows}},
                          indent=2, default=str))


@main.command()
@click.option("--user", "user_id", required=True, help="The user id to forget (platform ids, e.g. U0123ABC).")
@click.option("--platform", type=click.Choice(PLATFORMS), default=None, help="The user's platform (default: all).")
@click.option("--workspace", default=None, help="Only this Slack workspace or Discord server id.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def forget(user_id: str, platform: str | None, workspace: str | None, yes: bool) -> None:
    """Delete what peerbot keeps about one user (what "/peer forget me" does, for operators)."""
    from bot import privacy

    bot = _bot()
    if not yes:
        click.confirm(f"Forget everything kept about {user_id}? This cannot be undone", abort=True)
    for p in [platform] if platform else PLATFORMS:
        removed = privacy.forget(bot, p, user_id, workspace)
        click.echo(f"{p}: " + (", ".join(f"{n} {t}" for t, n in removed.items()) if removed else "nothing kept"))


@main.command()
def doctor() -> None:
    """Check the configuration and say what is missing (never prints a secret)."""
    from adapters.doctor import doctor_report

    rows = doctor_report(_settings())
    for check, ok, advice in rows:
        click.echo(f"{'ok ' if ok else 'MISSING'} {check}" + (f": {advice}" if advice else ""))
    try:
        catalog = load_catalog(_settings().content_dir)
        click.echo("ok  content: " + ", ".join(f"{v} {k}" for k, v in catalog.counts().items()))
    except ContentError as e:
        click.echo(f"MISSING content: {len(e.problems)} problem(s); run `peerbot content check`")


@main.group()
def discord() -> None:
    """Discord administration."""


@discord.command("sync")
@click.option("--guild", type=int, default=None, help="Register /peer in this server only (shows at once).")
def discord_sync(guild: int | None) -> None:
    """Register the /peer commands with Discord (explicitly; never on start)."""
    import asyncio

    from adapters.discord.sync import sync_commands

    for line in asyncio.run(sync_commands(_settings(), guild)):
        click.echo(line)


@main.command()
def run() -> None:
    """Run the bot: Slack and Discord when their tokens are set, otherwise the terminal chat."""
    settings = _settings()
    platforms = [name for name, on in (("slack", settings.slack_bot_token), ("discord", settings.discord_token)) if on]
    if not platforms:
        click.echo("No platform tokens set (see README): starting the terminal chat.", err=True)
        chat.main(args=[], standalone_mode=False)
        return
    from adapters.runner import run_platforms

    run_platforms(_bot(settings), settings)


if __name__ == "__main__":
    main()
