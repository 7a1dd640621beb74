"""`SlackPlatform`: peerbot in a Slack workspace, started and stopped on the shared event loop.

Socket Mode when `SLACK_APP_TOKEN` is set (no public URL needed); HTTP mode when only
`SLACK_SIGNING_SECRET` is, serving Bolt's aiohttp app with `AppRunner`/`TCPSite` rather than
`app.start()`, which would take the loop over from Discord and the scheduler. Either way the bot
token is needed, except for many workspaces (`SLACK_CLIENT_ID` and `SLACK_CLIENT_SECRET`, HTTP mode
only: `adapters.slack.oauth`), where each workspace's token comes from its installation in the
database. The outbox gets this platform's `transport` under "slack".

HTTP mode keeps nothing about a request in one process's memory that another needs: retries and
replays are remembered in the database (`adapters.slack.gate`), OAuth states and installations
too, so any number of these processes can stand behind a load balancer on one database.
"""
from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from aiohttp import web
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.core_worker import CoreWorker
from adapters.http_session import SharedSession
from adapters.logfilter import install as clip_library_logs
from adapters.slack.gate import Gate
from adapters.slack.installs import PeerbotInstallationStore, PeerbotStateStore, TokenBook
from adapters.slack.listeners import SlackAdapter, build_app
from adapters.slack.oauth import multi_workspace, oauth_settings
from adapters.slack.roles import SlackRoles
from adapters.slack.settings import SlackSettings
from adapters.slack.transport import SlackTransport, error_code, quiet_client
from bot.app import Bot
from bot.delivery.outbox import Outbox

if TYPE_CHECKING:  # imported when Socket Mode starts: 5-6 MB an HTTP-mode process never needs
    from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

log = logging.getLogger("peerbot.slack")
PATH = "/slack/events"
BAD_TOKEN = {"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired",
             "not_allowed_token_type"}


def _secret(value) -> str:
    return value.get_secret_value() if value is not None else ""


def mode_of(settings: SlackSettings) -> str | None:
    """"socket", "http", or None when Slack is not configured enough to start."""
    if multi_workspace(settings):  # installs by OAuth: Slack's redirect needs a public URL anyway
        return "http" if _secret(settings.slack_signing_secret) else None
    if not _secret(settings.slack_bot_token):
        return None
    if _secret(settings.slack_app_token):
        return "socket"
    if _secret(settings.slack_signing_secret):
        return "http"
    return None


class SlackPlatform:
    def __init__(self, bot: Bot, settings: SlackSettings, outbox: Outbox, *, base_url: str | None = None,
                 host: str = "0.0.0.0", monotonic: Callable[[], float] = time.monotonic):
        clip_library_logs()  # slack-bolt and slack-sdk log request bodies; adapters.logfilter cuts them
        self.multi = multi_workspace(settings)
        token = None if self.multi else _secret(settings.slack_bot_token)
        if not (token or self.multi):
            raise ValueError("SLACK_BOT_TOKEN is not set; `peerbot doctor` says what Slack needs.")
        if self.multi and not hasattr(bot.store, "save_installation"):
            raise ValueError("this database cannot keep Slack installations (SLACK_CLIENT_ID is set)")
        self.settings = settings
        self.mode = mode_of(settings)
        self.host = host
        self.port: int | None = None  # the port actually listened on, in HTTP mode
        self.gate: Gate | None = None  # the door in front of Bolt, in HTTP mode
        # SLACK_API_URL: Slack's own Web API unless the operator points it elsewhere (a proxy, a test server).
        where = {"base_url": base_url or settings.slack_api_url}
        # One HTTP session for the replies (Bolt hands each listener a client sharing it), the
        # outbox's posts and the response_url webhooks: opened at start, closed at stop.
        self.http = SharedSession()
        self.client = AsyncWebClient(token=token, **where)
        oauth, self.installs, self._installs_worker = None, None, None
        if self.multi:
            # Installations and OAuth states in the database, on a thread of their own (never the loop).
            worker = self._installs_worker = CoreWorker("peerbot-slack-installs")
            self.installs = PeerbotInstallationStore(bot.store, worker)
            oauth = oauth_settings(settings, self.installs, PeerbotStateStore(bot.store, bot.clock, worker),
                                   self.client)
        tokens = TokenBook(installs=self.installs) if self.multi else None
        self.transport = SlackTransport(quiet_client(token, **where), http=self.http, tokens=tokens)
        outbox.transports.setdefault("slack", self.transport)
        self.adapter = SlackAdapter(bot, outbox, SlackRoles(settings.slack_facilitator_group, monotonic=monotonic))
        self.app = build_app(self.adapter, self.client, _secret(settings.slack_signing_secret), oauth)
        self._socket: AsyncSocketModeHandler | None = None
        self._runner: web.AppRunner | None = None

    async def _check_tokens(self) -> None:
        """Fail fast on a wrong token (slack-sdk would otherwise retry a bad app token forever);
        an outage at start-up only warns, since Slack may be back by the first request."""
        try:
            await self.client.auth_test()
            if self._socket is not None:  # get the socket URL now, so a bad app token fails here
                self._socket.client.wss_uri = await self._socket.client.issue_new_wss_url()
        except SlackApiError as e:
            if error_code(e) in BAD_TOKEN:
                raise RuntimeError(f"Slack refused a token ({error_code(e)}); check SLACK_BOT_TOKEN and "
                                   "SLACK_APP_TOKEN with `peerbot doctor`.") from None
            log.warning("Slack did not answer the start-up check (%s); starting anyway",
                        error_code(e) or e.response.status_code)

    async def start(self) -> None:
        self.client.session = self.http.get()
        try:
            await self._start()
        except BaseException:
            await self.http.close()
            raise

    async def _start(self) -> None:
        if self.mode == "socket":
            from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler

            self._socket = AsyncSocketModeHandler(self.app, _secret(self.settings.slack_app_token))
            try:
                await self._check_tokens()
            except RuntimeError:
                await self._socket.close_async()
                self._socket = None
                raise
            await self._socket.connect_async()
            log.info("Slack connected (Socket Mode)")
        elif self.mode == "http":
            if not self.multi:  # many workspaces: no one token to check; each is checked as it is used
                await self._check_tokens()
            # Our own door in front of Bolt's handler: size, signature, shape and replay first.
            self.gate = Gate(self.app, _secret(self.settings.slack_signing_secret), self.adapter.bot.store,
                             self.adapter.bot.clock, self.adapter.door)
            self._runner = web.AppRunner(self.gate.web_app(PATH))
            await self._runner.setup()
            site = web.TCPSite(self._runner, self.host, self.settings.port)
            await site.start()
            self.port = self._runner.addresses[0][1] if self._runner.addresses else self.settings.port
            log.info("Slack listening on %s:%s%s (HTTP mode%s)", self.host, self.port, PATH,
                     ", many workspaces: install at /slack/install" if self.multi else "")
        else:
            raise RuntimeError("Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode; "
                               "the only mode for many workspaces); run `peerbot doctor`.")

    async def drain(self) -> None:
        """Wait for answers and deliveries under way."""
        await self.adapter.drain()

    async def stop(self, grace: float = 10.0) -> None:
        """Stop listening, give work under way `grace` seconds, then cancel it: a post cut short
        stays claimed in the store and the outbox's `recover` finishes it at the next start."""
        if self._socket is not None:
            await self._socket.close_async()
            self._socket = None
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        pending = list(self.adapter.tasks)
        if pending:
            _, unfinished = await asyncio.wait(pending, timeout=grace)
            for task in unfinished:
                task.cancel()
            if unfinished:
                await asyncio.wait(unfinished)
        await self.http.close()
        if self._installs_worker is not None:
            self._installs_worker.close()
