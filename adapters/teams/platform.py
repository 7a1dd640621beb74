"""`TeamsPlatform`: peerbot on Microsoft Teams, on the shared event loop; the runner starts and
stops it like Slack and Discord.

The Teams SDK's `App` receives activities at `/api/messages` on `TEAMS_PORT` (hosted on aiohttp,
see `server`), validates each request's Bot Connector JWT against `TEAMS_APP_ID` and the tenant,
and sends with an app token for the registration: a client secret (`TEAMS_APP_PASSWORD`) or, with
no secret, the host's managed identity. Every SDK option is passed explicitly, so none of the
SDK's own environment variables (CLIENT_ID, SERVICE_URL, DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS…)
can change how peerbot authenticates. Inbound authentication can be relaxed only by a constructor
argument, which only the tests pass; no setting or environment variable turns it off.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from microsoft_teams.api import ApiClient
from microsoft_teams.apps import App

from adapters.teams.listeners import Names, TeamsAdapter
from adapters.teams.references import ConversationBook
from adapters.teams.roles import GRAPH, GRAPH_SCOPE, TeamsRoles
from adapters.teams.server import AiohttpServer
from adapters.teams.settings import TeamsSettings
from adapters.teams.transport import TeamsTransport
from bot.app import Bot
from bot.delivery.outbox import Outbox

log = logging.getLogger("peerbot.teams")
DEFAULT_SERVICE_URL = "https://smba.trafficmanager.net/teams"


class TeamsPlatform:
    """`start` returns once the endpoint listens; `stop` closes it."""

    def __init__(self, bot: Bot, settings: TeamsSettings, outbox: Outbox | None, *,
                 token: Callable[..., str] | None = None, graph_url: str = GRAPH,
                 service_url: str = DEFAULT_SERVICE_URL, host: str = "0.0.0.0",
                 allow_unauthenticated_for_tests: bool = False):
        app_id = settings.teams_app_id.strip()
        if not app_id:
            raise ValueError("TEAMS_APP_ID is not set; `peerbot doctor` says what Teams needs.")
        secret = settings.teams_app_password.get_secret_value().strip() if settings.teams_app_password else ""
        self.bot = bot
        self.settings = settings
        self.server = AiohttpServer(host)
        options: dict[str, Any] = {
            "client_id": app_id, "tenant_id": settings.teams_tenant_id.strip() or None,
            "service_url": service_url, "http_server_adapter": self.server, "messaging_endpoint": "/api/messages",
            "dangerously_allow_unauthenticated_requests": allow_unauthenticated_for_tests,
            "state": False, "fetch_user_token": False,
        }
        if token is not None:
            options["token"] = token
        elif secret:
            options["client_secret"] = secret
        else:
            options["managed_identity_client_id"] = app_id  # the registration is the managed identity
        self.app = App(**options)
        self.book = ConversationBook(bot.store)
        self.names = Names()
        self.roles = TeamsRoles(self.app.http_client.http, self._graph_token, settings.teams_facilitator_group,
                                graph_url=graph_url)
        self.transport = TeamsTransport(self._api, self.book, bot.store, self.names)
        self.adapter = TeamsAdapter(bot, outbox, self.book, self.roles, self.names, settings.teams_tenant_id.strip())
        self.adapter.register(self.app)
        if outbox is not None:
            outbox.transports.setdefault("teams", self.transport)
        self._initialized = False

    def _api(self, service_url: str) -> ApiClient:
        return self.app.api.clone(service_url=service_url.rstrip("/"))

    async def _graph_token(self) -> str | None:
        token = await self.app.token_provider.get_app_token(GRAPH_SCOPE, self.settings.teams_tenant_id.strip() or None)
        return str(token) if token else None

    async def initialize(self) -> None:
        if not self._initialized:
            await self.app.initialize()
            self._initialized = True

    @property
    def port(self) -> int | None:
        return self.server.port

    async def start(self) -> None:
        await self.initialize()
        await self.server.start(self.settings.teams_port)
        log.info("Teams endpoint listening on port %s at /api/messages", self.server.port)

    async def stop(self) -> None:
        await self.adapter.drain()
        await self.server.stop()
