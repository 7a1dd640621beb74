"""Slack for many workspaces: where the app is installed, kept in peerbot's own database.

slack-bolt's OAuth flow (`AsyncOAuthSettings`) and its authorization ask slack_sdk's async
installation-store and OAuth-state-store interfaces; these two implement them over the store's
`bot.ports.Installations` capability, so installations live beside every other setting (one file,
or later one PostgreSQL database for every worker) instead of in slack_sdk's default files on one
machine's disk. Every store call runs on a thread of its own (`CoreWorker`), never on the event loop:
authorization asks for a workspace's token on every request, in front of the ack.

peerbot asks only for bot scopes, so an installation is one bot per workspace: keyed by team id
(by enterprise id for an org-wide install, which the manifest does not enable), the latest one wins,
and `tokens_revoked` for the bot or `app_uninstalled` removes it, which pauses the workspace's
schedules in the database, so no process posts there again. Reinstalling resumes them from now.
`TokenBook` is the outbox's side: the bot token of the workspace a post goes to.
"""
from __future__ import annotations

import logging
import secrets
from datetime import UTC, datetime, timedelta
from logging import Logger
from typing import Any

from slack_sdk.oauth.installation_store import Bot, Installation
from slack_sdk.oauth.installation_store.async_installation_store import AsyncInstallationStore
from slack_sdk.oauth.state_store.async_state_store import AsyncOAuthStateStore

from adapters.core_worker import CoreWorker
from bot.ports import Clock, Installations

log = logging.getLogger("peerbot.slack")
PLATFORM = "slack"
STATE_SECONDS = 600  # slack-bolt's default: an install started more than ten minutes ago starts again


def _key(enterprise_id: str | None, team_id: str | None, is_enterprise_install: bool | None) -> str:
    return (enterprise_id if is_enterprise_install else team_id) or enterprise_id or ""


def _plain(data: dict[str, Any]) -> dict[str, Any]:
    """slack_sdk's dict of an installation, with its datetimes as ISO text (JSON has no dates)."""
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in data.items()}


class PeerbotInstallationStore(AsyncInstallationStore):
    def __init__(self, store: Installations, worker: CoreWorker | None = None):
        self.store = store
        self.worker = worker or CoreWorker("peerbot-slack-installs")

    @property
    def logger(self) -> Logger:
        return log

    async def async_save(self, installation: Installation) -> None:
        workspace = _key(installation.enterprise_id, installation.team_id, installation.is_enterprise_install)
        # Bot only: peerbot asks for no user scopes, so there is never a person's token to keep.
        data = _plain(installation.to_dict_for_copying())
        # Nor who installed it: a person's id is not needed to answer their workspace.
        data.update(user_id=None, user_token=None, user_refresh_token=None, user_token_expires_at=None,
                    user_scopes=None)
        await self.worker.call(self.store.save_installation, PLATFORM, workspace, data)
        log.info("installed in a Slack workspace (%d now)", len(await self.worker.call(
            self.store.installed_workspaces, PLATFORM)))

    async def async_save_bot(self, bot: Bot) -> None:
        # Only token rotation saves a bot alone; peerbot's manifest turns rotation off.
        found = await self._find(bot.enterprise_id, bot.team_id, bot.is_enterprise_install)
        if found is not None:
            found.bot_token, found.bot_refresh_token = bot.bot_token, bot.bot_refresh_token
            found.bot_token_expires_at = bot.bot_token_expires_at
            await self.async_save(found)

    async def _find(self, enterprise_id: str | None, team_id: str | None,
                    is_enterprise_install: bool | None) -> Installation | None:
        data = await self.worker.call(self.store.installation, PLATFORM,
                                      _key(enterprise_id, team_id, is_enterprise_install))
        return Installation(**data) if data else None

    async def async_find_installation(self, *, enterprise_id: str | None, team_id: str | None,
                                      user_id: str | None = None,
                                      is_enterprise_install: bool | None = False) -> Installation | None:
        found = await self._find(enterprise_id, team_id, is_enterprise_install)
        # A person's own installation is never kept (no user scopes): only the workspace's answers.
        return found if found is not None and (user_id is None or found.user_id == user_id) else None

    async def async_find_bot(self, *, enterprise_id: str | None, team_id: str | None,
                             is_enterprise_install: bool | None = False) -> Bot | None:
        found = await self._find(enterprise_id, team_id, is_enterprise_install)
        return found.to_bot() if found is not None and found.bot_token else None

    async def async_delete_bot(self, *, enterprise_id: str | None, team_id: str | None) -> None:
        for workspace in {team_id, enterprise_id} - {None}:
            if await self.worker.call(self.store.remove_installation, PLATFORM, workspace):
                log.info("removed from a Slack workspace: its schedules are paused and its token forgotten")

    async def async_delete_installation(self, *, enterprise_id: str | None, team_id: str | None,
                                        user_id: str | None = None) -> None:
        if user_id is None:  # the whole workspace; a person's installation is never kept
            await self.async_delete_bot(enterprise_id=enterprise_id, team_id=team_id)


class PeerbotStateStore(AsyncOAuthStateStore):
    """OAuth states: issued by one worker, consumed by whichever receives Slack's redirect."""

    def __init__(self, store: Installations, clock: Clock, worker: CoreWorker | None = None,
                 expiration_seconds: int = STATE_SECONDS):
        self.store = store
        self.clock = clock
        self.worker = worker or CoreWorker("peerbot-slack-installs")
        self.expiration_seconds = expiration_seconds

    @property
    def logger(self) -> Logger:
        return log

    def _stamp(self, seconds: int = 0) -> str:
        return (self.clock.now() + timedelta(seconds=seconds)).astimezone(UTC).isoformat(timespec="seconds")

    async def async_issue(self, *args: Any, **kwargs: Any) -> str:
        state = secrets.token_urlsafe(24)
        await self.worker.call(self.store.issue_oauth_state, state, self._stamp(self.expiration_seconds))
        return state

    async def async_consume(self, state: str) -> bool:
        return bool(state) and await self.worker.call(self.store.consume_oauth_state, state, self._stamp())


class TokenBook:
    """The bot token to post with in a workspace: the one `SLACK_BOT_TOKEN` in single-workspace
    mode, else that workspace's installation (None once it is uninstalled)."""

    def __init__(self, token: str = "", installs: PeerbotInstallationStore | None = None):
        self.token = token
        self.installs = installs

    async def token_for(self, workspace: str) -> str | None:
        if self.installs is None:
            return self.token
        bot = await self.installs.async_find_bot(enterprise_id=None, team_id=workspace)
        return bot.bot_token if bot is not None else None
