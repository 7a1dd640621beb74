"""The `peerbot` command line (click): chat, ask, content checks, and running the bot.

Every command builds the bot through the one composition root, so what the command line says is
exactly what the chat would say.
"""
from __future__ import annotations

from adapters import collector

with collector.paused():  # the start's imports, without the collector's passes (adapters.collector)
    import json
    import logging
    import os
    import sqlite3
    import sys
    import time

    import click

    from adapters.settings import AppSettings, checked, load, problems
    from bot.content.catalog import load_catalog
    from bot.content.resources import load_resources
    from bot.errors import ContentError
    from bot.people.privacy import PLATFORMS
    from bot.settings_check import SettingsProblem

log = logging.getLogger("peerbot.privacy")
# How far from the real time `tick --at` may reach without --force: a mistaken year moves every
# schedule past runs that then never post.
TICK_REACH_DAYS = 1


def _settings() -> AppSettings:
    return load()


def _bot(settings: AppSettings | None = None, store_on_first_use: bool = False, numpy: bool = True):
    with collector.paused():  # the bot's modules and content, made once (adapters.collector)
        from adapters.bootstrap import build_bot

        settings = settings or _settings()
        try:
            return build_bot(settings, store_on_first_use=store_on_first_use, numpy=numpy)
        except ContentError as e:
            click.echo(f"peerbot cannot start: the content has problems.\n{e}", err=True)
            sys.exit(2)


def database_problem(error: sqlite3.Error, path: str, waited: float | None = None) -> str:
    """One line a person can act on, for a database peerbot cannot use (instead of a traceback).
    `waited`: how long the command had been running when SQLite gave up, said as it was."""
    from storage.sqlite import BUSY_TIMEOUT

    text = str(error).lower()
    if "locked" in text or "busy" in text:
        took = f"it gave up after {waited:.1f} s; it waits up to {BUSY_TIMEOUT:g} s" if waited is not None else \
            f"it waits up to {BUSY_TIMEOUT:g} s"
        why = f"another program kept it locked for longer than peerbot waits ({took}); try again when it lets go"
    elif "full" in text:
        why = "the disk it is on is full. Free some space; nothing was changed"
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
        started = time.monotonic()
        try:
            return super().invoke(ctx)
        except sqlite3.Error as e:  # a locked, read-only or damaged file: say so, not a traceback
            # abspath, not resolve(): a path whose symlinks loop cannot be resolved.
            click.echo(database_problem(e, os.path.abspath(load().db), time.monotonic() - started), err=True)
            sys.exit(3)
        except SettingsProblem as e:
            click.echo(f"peerbot cannot start: {e}", err=True)
            sys.exit(2)
        except Exception as e:
            # PostgreSQL (PEERBOT_DATABASE_URL) unreachable, refusing the login, or failing a statement:
            # one line, as for SQLite. Told apart by module so psycopg is imported only when used.
            if type(e).__module__.split(".")[0] not in ("psycopg", "psycopg_pool"):
                raise
            from storage.postgres import redacted

            url = load().database_url
            where = redacted(url.get_secret_value()) if url is not None else "(PostgreSQL)"
            click.echo(f"peerbot cannot use its database {where}: {' '.join(str(e).split())} (PostgreSQL).", err=True)
            sys.exit(3)


@click.group(cls=Main)
@click.pass_context
def main(ctx: click.Context) -> None:
    """peerbot: answers for peer workers, rhythm for communities of practice, scenario discussions."""
    from adapters.logfilter import install

    try:
        with collector.paused():
            settings = checked()
    except SettingsProblem:
        if ctx.invoked_subcommand == "doctor":  # the doctor lists every problem itself
            settings = None
        else:
            raise
    level = settings.log_level.upper() if settings is not None else "INFO"
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # aiohttp's access log is a line per HTTP request at INFO: kept for DEBUG, where it is asked
    # for, since at a busy Slack endpoint it cost CPU and disk for nothing (issue 22).
    # httpx (the Teams SDK's client) does the same, with the URL, which for Teams names the
    # conversation: a personal chat's id holds the person's.
    if logging.getLevelName(level) != logging.DEBUG:
        for chatty in ("aiohttp.access", "httpx"):
            logging.getLogger(chatty).setLevel(logging.WARNING)
    install()  # no request body, user text or user id in any log line (adapters.logfilter)


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
    from bot.answering.asking import choose
    from bot.replies import cite

    kind, found = choose(bot, question)
    if kind == "topic":
        item = found.item
        out = {"question": question, "kind": "topic", "id": item.id,
               "title": getattr(item, "term", None) or item.title,
               "answer": getattr(item, "meaning", None) or item.short,
               "sources": [s.cite() for s in item.sources],
               "views": [{"summary": v.summary, "sources": [s.cite() for s in v.sources]} for v in item.views]}
        if found.leaning is not None:  # the question asked for a leaning: the reply opens with it
            lean = found.leaning
            out["verdict"] = lean.verdict
            out["matches"] = [{"id": r.id, "task": r.task, "verdict": r.verdict, "source": cite(r.sources)}
                              for r in lean.matches]
        return out
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
        "see_also": a.see_also.id if a.see_also is not None else None,
    }


def screened_json(bot, question: str) -> dict:
    """`answer_json` behind the same safety screen as the chat, cut to the same length first: crisis
    language gets the crisis lines instead of an answer, and notes or reminders come with it."""
    from adapters.console import CONSOLE
    from bot import bounds, router
    from bot.messages import Command, Role, Who

    request, cut = bounds.bound(Command(question, Who("console", Role.PARTICIPANT, "console"), CONSOLE, "console"))
    answered: list[dict] = []

    def run(text: str) -> list:
        answered.append(answer_json(bot, text))
        return []

    extra = [m.text for m in bot.screened(request, router.split(request.text)[0], request.text, lambda: run(request.text))]
    if not answered:  # the screen read crisis language: support, not an answer
        out = {"question": request.text, "kind": "crisis", "verdict": "unsure", "matches": [], "reasons": extra}
    else:
        out = {**answered[0], **({"notes": extra} if extra else {})}
    if cut is not None:
        out["notes"] = [*out.get("notes", []), cut.text]
    return out


@main.command()
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the answer as one JSON object.")
@click.option("--jsonl", is_flag=True, help="Read one question per line on stdin; print one JSON object per line.")
def ask(question: str | None, as_json: bool, jsonl: bool) -> None:
    """Ask one question, as in the chat."""
    # A JSON answer reads only the content, so its store is opened only if something uses it; the
    # console's reply goes through the chat's handling, which records, so it opens the store at start
    # (an unusable database is then the one-line problem, as for every command).
    # One question (or a stream of them) has no use for numpy, which sqlite-utils would import (0.1 s).
    bot = _bot(store_on_first_use=as_json or jsonl, numpy=False)
    if jsonl:
        for line in sys.stdin:
            if line.strip():
                click.echo(json.dumps(screened_json(bot, line.strip())))
        return
    if not question:
        raise click.UsageError("Give a question, or use --jsonl to read questions from stdin.")
    if as_json:
        click.echo(json.dumps(screened_json(bot, question), indent=2))
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
    try:  # the crisis lines and local services in content/support/ (bot.content.resources)
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
    from bot.schedules.chat import describe

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
@click.option("--force", is_flag=True, help="Run as an instant more than a day ahead of the real time.")
def tick(at: str | None, force: bool) -> None:
    """Run whatever is due at that instant, deliver it, and exit."""
    import asyncio
    from datetime import UTC, datetime, timedelta

    from adapters.console import ConsoleTransport
    from bot.delivery.outbox import Outbox

    try:
        now = datetime.fromisoformat(at) if at else datetime.now(UTC)
    except ValueError:
        raise click.BadParameter(f"{at!r} is not an ISO-8601 time, e.g. 2026-11-23T10:00:00-05:00", param_hint="--at") from None
    if now.tzinfo is None:
        raise click.BadParameter("give a time zone offset, e.g. 2026-11-23T10:00:00-05:00 or ...Z", param_hint="--at")
    real = datetime.now(UTC)
    try:
        ahead = now - real
    except OverflowError:  # year 1 with a positive offset is before year 1 in UTC
        raise click.BadParameter(f"{now.isoformat()} is too far in the past to run as.", param_hint="--at") from None
    if ahead > timedelta(days=TICK_REACH_DAYS) and not force:
        # Every schedule would count the runs up to then as done, and none of them would post.
        raise click.BadParameter(f"{now.isoformat()} is more than a day ahead of now ({real:%Y-%m-%d %H:%M} UTC): "
                                 "every schedule would skip the runs before it. Add --force if you mean it.",
                                 param_hint="--at")
    if now < datetime(1971, 1, 1, tzinfo=UTC):
        raise click.BadParameter(f"{now.isoformat()} is too far in the past to run as.", param_hint="--at")
    bot = _bot()
    try:
        posts = bot.tick(now)
    except (OverflowError, ValueError) as e:  # an instant too far out for date arithmetic
        raise click.BadParameter(f"{now.isoformat()} is too far from now to run as ({e}).", param_hint="--at") from None
    outbox = Outbox(bot.store, {"console": ConsoleTransport()}, bot.clock,
                    lease=timedelta(seconds=bot.settings.lease_seconds))
    # This tick also takes over what a killed tick or bot left claimed, once its lease has run out
    # (bot.delivery.outbox); a live bot's posts are under its renewed lease and left to it.
    pending = bot.store.unfinished_deliveries("")
    if (any(p.where.platform != "console" for p in posts)
            or any(not claim.channel.startswith("console:") for claim in pending)):
        from adapters.runner import platform_transports

        outbox.transports.update(platform_transports(bot, bot.settings))

    async def deliver():
        try:
            results = await outbox.send_claimed(posts)
            results += await outbox.recover(timedelta(minutes=bot.settings.grace_minutes))
            notices = bot.delivered(results)  # a refused post: kept, its maker told once
            return results + (await outbox.send_claimed(notices) if notices else [])
        finally:  # the platforms' HTTP sessions, opened on first use
            for transport in outbox.transports.values():
                if hasattr(transport, "aclose"):
                    await transport.aclose()

    results = asyncio.run(deliver())
    sent = sum(1 for r in results if r.status == "sent")
    click.echo(f"tick {now.isoformat()}: {sent} post(s) delivered, {len(results) - sent} left for retry.", err=True)


@main.command()
@click.option("--user", "user_id", default=None, help="Only what names this user id (platform ids, e.g. U0123ABC).")
@click.option("--platform", type=click.Choice(PLATFORMS), default=None, help="The user's platform (default: all).")
@click.option("--workspace", default=None, help="Only this Slack workspace or Discord server id.")
def export(user_id: str | None, platform: str | None, workspace: str | None) -> None:
    """Print as JSON everything peerbot keeps (or everything about one user)."""
    from bot.people import privacy

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
@click.option("--user", "user_id", default=None, help="The user id to forget (platform ids, e.g. U0123ABC).")
@click.option("--platform", type=click.Choice(PLATFORMS), default=None, help="The user's platform (default: all).")
@click.option("--workspace", default=None, help="Only this Slack workspace or Discord server id; without --user, "
              "the whole workspace (with --platform).")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def forget(user_id: str | None, platform: str | None, workspace: str | None, yes: bool) -> None:
    """Delete what peerbot keeps about one user (what "/peer forget me" does, for operators), or
    everything kept for one workspace (a workspace's request after uninstalling the app)."""
    from bot.people import privacy

    if user_id is None:
        _forget_workspace(platform, workspace, yes)
        return
    bot = _bot()
    if not yes:
        click.confirm(f"Forget everything kept about {user_id}? This cannot be undone", abort=True)
    for p in [platform] if platform else PLATFORMS:
        removed = privacy.forget(bot, p, user_id, workspace)
        click.echo(f"{p}: " + (", ".join(f"{n} {t}" for t, n in removed.items()) if removed else "nothing kept"))


def _forget_workspace(platform: str | None, workspace: str | None, yes: bool) -> None:
    """Every row kept for one workspace: settings, schedules, rounds, logs and its installation."""
    if not (platform and workspace):
        raise click.UsageError("give --user to forget one person, or --platform and --workspace to forget a "
                               "whole workspace.")
    bot = _bot()
    if not hasattr(bot.store, "forget_workspace"):
        raise click.UsageError("this database cannot forget a whole workspace.")
    if not yes:
        click.confirm(f"Forget everything kept for the {platform} workspace {workspace} (its schedules, settings, "
                      "open rounds, audit log and installation)? This cannot be undone", abort=True)
    removed = bot.store.forget_workspace(platform, workspace)
    # Which tables changed and how much is enough to audit the deletion; the workspace's id is the
    # operator's own input, not a person's.
    log.info("forgot a %s workspace: %s", platform, removed or "nothing was kept")
    click.echo(f"{platform} {workspace}: " + (", ".join(f"{n} {t}" for t, n in removed.items()) if removed
                                              else "nothing kept"))


@main.command()
def doctor() -> None:
    """Check the configuration and say what is missing (never prints a secret)."""
    from adapters.doctor import doctor_report

    try:
        settings = load()
    except SettingsProblem as e:
        click.echo(f"BAD     {e}")
        sys.exit(2)
    bad = problems(settings)
    for problem in bad:
        click.echo(f"BAD     {problem}")
    rows = doctor_report(settings)
    for check, ok, advice in rows:
        click.echo(f"{'ok ' if ok else 'MISSING'} {check}" + (f": {advice}" if advice else ""))
    try:
        catalog = load_catalog(_settings().content_dir)
        click.echo("ok  content: " + ", ".join(f"{v} {k}" for k, v in catalog.counts().items()))
    except ContentError as e:
        click.echo(f"MISSING content: {len(e.problems)} problem(s); run `peerbot content check`")
    if bad:
        sys.exit(2)


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
    """Run the bot: Slack, Discord and Teams when their settings are set, otherwise the terminal chat."""
    settings = _settings()
    platforms = [name for name, on in (("slack", settings.slack_bot_token or settings.slack_many_workspaces), ("discord", settings.discord_token),
                                       ("teams", settings.teams_app_id.strip())) if on]
    if not platforms:
        click.echo("No platform tokens set (see README): starting the terminal chat.", err=True)
        chat.main(args=[], standalone_mode=False)
        return
    from adapters.runner import PlatformFailed, run_platforms

    try:
        run_platforms(_bot(settings), settings)
    except PlatformFailed as e:  # exit non-zero, so a supervisor restarts it rather than trusting it
        click.echo(f"peerbot stopped: {e}", err=True)
        sys.exit(4)


if __name__ == "__main__":
    main()
