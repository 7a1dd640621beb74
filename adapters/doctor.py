"""`peerbot doctor`: is the configuration enough to start, and what is missing?

`doctor_report(settings)` returns `(check, ok, advice)` rows and never includes a secret: a token
is described by whether it is set and whether its prefix looks right, nothing more. Each platform
adds its checks as a function in `SECTIONS`; the Discord adapter appends its own.
"""
from __future__ import annotations

from collections.abc import Callable

from adapters.settings import AppSettings

Row = tuple[str, bool, str]
DEFAULT_SLACK_API = "https://slack.com/api/"


def _value(secret) -> str:
    return secret.get_secret_value().strip() if secret is not None else ""


def _token_row(name: str, value: str, prefix: str, purpose: str) -> Row:
    if not value:
        return (f"{name} set", False, f"not set; {purpose}")
    if not value.startswith(prefix):
        return (f"{name} looks like a {prefix}… token", False,
                f"set, but it does not start with {prefix}; check you copied the right token")
    return (f"{name} set", True, f"set ({prefix}…)")


def slack_checks(settings: AppSettings) -> list[Row]:
    bot, app, secret = (_value(settings.slack_bot_token), _value(settings.slack_app_token),
                        _value(settings.slack_signing_secret))
    if settings.slack_many_workspaces:
        return _many_workspaces(settings, bot, app, secret)
    if not (bot or app or secret):
        return [("Slack configured", False, "no Slack settings; Slack will not start (fine if you use Discord "
                                            "or the terminal chat). See the README's Slack section.")]
    rows = [_token_row("SLACK_BOT_TOKEN", bot, "xoxb-", "copy the Bot User OAuth Token from OAuth & Permissions")]
    if app:
        rows.append(_token_row("SLACK_APP_TOKEN", app, "xapp-", ""))
        rows.append(("Slack mode", bool(bot), "Socket Mode (no public URL needed)"
                     + ("; SLACK_SIGNING_SECRET is not needed and will be ignored" if secret else "")))
    elif secret:
        rows.append(("SLACK_SIGNING_SECRET set", True, "set"))
        rows.append(("Slack mode", bool(bot), f"HTTP mode on port {settings.port}: Slack must reach "
                     f"https://<your host>/slack/events (set it as the Request URL in the app settings)"))
    else:
        rows.append(("Slack mode", False, "set SLACK_APP_TOKEN (Socket Mode: Basic Information, App-Level "
                     "Tokens, scope connections:write) or SLACK_SIGNING_SECRET (HTTP mode)"))
    if settings.slack_api_url != DEFAULT_SLACK_API:
        rows.append(("SLACK_API_URL", True, f"the Web API is at {settings.slack_api_url} (not Slack's own)"))
    if settings.slack_facilitator_group:
        rows.append(("Slack facilitator group", True,
                     f"members of @{settings.slack_facilitator_group.lstrip('@')} are facilitators"))
    return rows




def _many_workspaces(settings: AppSettings, bot: str, app: str, secret: str) -> list[Row]:
    """Slack installed by OAuth (SLACK_CLIENT_ID and SLACK_CLIENT_SECRET): HTTP mode, no one token."""
    rows: list[Row] = [("SLACK_CLIENT_ID and SLACK_CLIENT_SECRET set", True,
                        "many workspaces: people install at https://<your host>/slack/install")]
    rows.append(("Slack mode", bool(secret), f"HTTP mode on port {settings.port}: Request URL https://<your host>/"
                 "slack/events, Redirect URL https://<your host>/slack/oauth_redirect (slack-manifest-distributed.yml)"
                 if secret else "set SLACK_SIGNING_SECRET: many workspaces need HTTP mode"))
    if bot or app:
        rows.append(("SLACK_BOT_TOKEN and SLACK_APP_TOKEN unused", True, "ignored with many workspaces: each "
                     "workspace's token comes from its install, and Slack's redirect needs HTTP mode"))
    if settings.slack_redirect_uri.strip():
        rows.append(("SLACK_REDIRECT_URI", settings.slack_redirect_uri.strip().startswith("https://"),
                     settings.slack_redirect_uri.strip()))
    return rows


SECTIONS: list[Callable[[AppSettings], list[Row]]] = [slack_checks]

from adapters.discord.doctor import discord_checks  # noqa: E402 - the Discord section, kept in its adapter

SECTIONS.append(discord_checks)

from adapters.teams.doctor import teams_checks  # noqa: E402 - the Teams section, kept in its adapter

SECTIONS.append(teams_checks)

from adapters.doctor_database import database_checks  # noqa: E402 - PostgreSQL, when PEERBOT_DATABASE_URL is set

SECTIONS.append(database_checks)

from adapters.doctor_reach import schedule_checks  # noqa: E402 - channels where schedules could not post

SECTIONS.append(schedule_checks)


def doctor_report(settings: AppSettings) -> list[Row]:
    return [row for section in SECTIONS for row in section(settings)]
