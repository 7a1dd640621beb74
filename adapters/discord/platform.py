"""The Discord client: `/peer`, the buttons, modals and messages, wired to `DiscordAdapter`; and
`DiscordPlatform`, which the runner starts and stops.

Every button peerbot sends carries a core action (`v1:verb:arg`) as its custom id, and one
`DynamicItem` whose template matches any versioned id answers them all, on any message, however
old, after any restart. (An id from a version this code no longer speaks still reaches the core,
which says kindly that the button has expired.) Modal submissions are answered from
`on_interaction` for the same reason. Intents are Discord's defaults: no privileged intent is
needed, since mentions and DMs carry their text to the bot anyway.
"""
from __future__ import annotations

import asyncio
import logging
import re
from typing import Any

import discord
from discord import app_commands

from adapters.discord import inbound
from adapters.discord import reply as respond
from adapters.discord.commands import peer_group
from adapters.discord.components import NO_MENTIONS
from adapters.discord.forms import TEMPLATE as FORM_TEMPLATE
from adapters.discord.listeners import DiscordAdapter
from adapters.discord.settings import DiscordSettings
from adapters.discord.transport import DiscordTransport
from adapters.gateway_lock import GatewayLock
from bot import router
from bot.app import Bot
from bot.delivery.outbox import Outbox

log = logging.getLogger("peerbot.discord")
STALE = (app_commands.CommandNotFound, app_commands.CommandSignatureMismatch)


class PeerButton(discord.ui.DynamicItem[discord.ui.Button], template=r"(?P<action>v[0-9]+:.*)"):
    """Any button carrying a versioned core action."""

    def __init__(self, action: str) -> None:
        super().__init__(discord.ui.Button(custom_id=action))
        self.action = action

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str]) -> "PeerButton":
        return cls(match["action"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.client.adapter.on_press(interaction, self.action)  # type: ignore[attr-defined]


class FormButton(discord.ui.DynamicItem[discord.ui.Button], template=FORM_TEMPLATE):
    """The button that opens a form a mention or a DM could not open itself."""

    def __init__(self, token: str) -> None:
        super().__init__(discord.ui.Button(custom_id=f"peerform:{token}"))
        self.token = token

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Item[Any],
                             match: re.Match[str]) -> "FormButton":
        return cls(match["token"])

    async def callback(self, interaction: discord.Interaction) -> None:
        await interaction.client.adapter.on_form_button(interaction, self.token)  # type: ignore[attr-defined]


def client_options() -> dict[str, Any]:
    # 30 s is discord.py's smallest max_ratelimit_timeout: longer waits go back to the outbox.
    return {"intents": discord.Intents.default(), "allowed_mentions": NO_MENTIONS, "max_ratelimit_timeout": 30.0}


class PeerClient(discord.Client):
    def __init__(self, adapter: DiscordAdapter, commands: list[str], **options: Any) -> None:
        super().__init__(**{**client_options(), **options})
        self.adapter = adapter
        self.tree = app_commands.CommandTree(self)
        self.tree.add_command(peer_group(commands, adapter.on_command, lambda: adapter.bot.catalog))
        self.tree.error(self._command_error)

    async def setup_hook(self) -> None:
        self.add_dynamic_items(PeerButton, FormButton)

    async def on_message(self, message: discord.Message) -> None:
        if self.user is not None:
            await self.adapter.on_message(message, self.user.id)

    async def on_interaction(self, interaction: discord.Interaction) -> None:
        if interaction.type is discord.InteractionType.modal_submit:
            await self.adapter.on_modal(interaction)

    async def _command_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        if interaction.type is discord.InteractionType.autocomplete:
            return
        stale = inbound.peer_options(interaction.data) if isinstance(error, STALE) else None  # type: ignore[arg-type]
        if stale is not None:
            await self.adapter.on_command(interaction, *stale)
            return
        log.error("/peer failed: %r", error, exc_info=error)
        await respond.apologise(interaction, "Sorry, that command didn't work. Try \"/peer help\".")


class DiscordPlatform:
    """peerbot on Discord, on the shared event loop. `start` returns once connected."""

    def __init__(self, bot: Bot, settings: DiscordSettings, outbox: Outbox | None, *, ready_timeout: float = 60.0,
                 gateway_lock: GatewayLock | None = None, **client_options: Any):
        token = settings.discord_token.get_secret_value().strip() if settings.discord_token else ""
        if not token:
            raise ValueError("DISCORD_TOKEN is not set; `peerbot doctor` says what Discord needs.")
        self.bot = bot
        self.outbox = outbox
        self.transport = DiscordTransport(token)
        self.adapter = DiscordAdapter(bot, outbox, self.transport, settings.discord_facilitator_role)
        self.client = PeerClient(self.adapter, list(router.COMMANDS), **client_options)
        self.transport.client = self.client
        if outbox is not None:
            outbox.transports.setdefault("discord", self.transport)
        self.ready_timeout = ready_timeout
        self._gateway: asyncio.Task[None] | None = None
        # One worker on the gateway at a time (adapters.gateway_lock); the others deliver posts over REST.
        self.gateway_lock = gateway_lock or GatewayLock(bot.store, bot.clock)
        self._keeper: asyncio.Task[None] | None = None

    @property
    def on_gateway(self) -> bool:
        return self._gateway is not None and not self._gateway.done()

    async def start(self) -> None:
        """Log in; connect to the gateway if no other worker is on it (then return once Discord says
        ready, or raise if that does not happen within `ready_timeout`), else stand by for it."""
        await self.transport.logged_in()
        if self.gateway_lock.acquire():
            await self._connect()
        else:
            log.info("another peerbot process is on the Discord gateway: this one stands by, and delivers "
                     "its Discord posts meanwhile")
        self._keeper = asyncio.create_task(self._keep(), name="discord-gateway-lock")

    async def _keep(self) -> None:
        """Renew the lock while on the gateway; poll for it while standing by; follow what it says."""
        while True:
            await asyncio.sleep(self.gateway_lock.wait)
            try:  # off the event loop: a busy database waits here, not Discord's heartbeats
                held = await asyncio.to_thread(self.gateway_lock.acquire)
            except Exception as e:  # noqa: BLE001 - a busy database: the lease covers a missed renewal
                log.warning("could not renew or check the Discord gateway lock (%s); trying again shortly", e)
                continue
            if held and not self.on_gateway:
                log.info("the Discord gateway is free (its holder stopped or died): connecting")
                try:
                    await self._connect(standing_by=True)
                except Exception as e:  # noqa: BLE001 - stand by again, let another worker try
                    log.error("could not connect to the Discord gateway (%s); standing by", e)
                    self.gateway_lock.release()
            elif not held and self.on_gateway:
                await self._leave_gateway()

    async def _leave_gateway(self) -> None:
        assert self._gateway is not None
        self._gateway.cancel()
        if self.client.ws is not None:
            await self.client.ws.close(code=1000)
        try:
            await self._gateway
        except (asyncio.CancelledError, Exception):  # noqa: BLE001, S110 - leaving on purpose
            pass

    async def _connect(self, standing_by: bool = False) -> None:
        self._gateway = asyncio.create_task(self.client.connect(reconnect=True), name="discord-gateway")
        ready = asyncio.create_task(self.client.wait_until_ready())
        await asyncio.wait({self._gateway, ready}, timeout=self.ready_timeout, return_when=asyncio.FIRST_COMPLETED)
        if not ready.done():
            ready.cancel()
            if standing_by:  # stay up for posts over REST; the lock goes to whoever can connect
                await self._leave_gateway()
            else:
                await self.stop()
            if self._gateway.done() and not self._gateway.cancelled() and self._gateway.exception():
                raise self._gateway.exception()  # type: ignore[misc]
            raise TimeoutError(f"Discord was not ready within {self.ready_timeout:.0f} s")
        log.info("Discord connected as %s to %d server(s)", self.client.user, len(self.client.guilds))

    async def stop(self) -> None:
        if self._keeper is not None:
            self._keeper.cancel()
        await self.client.close()
        self.gateway_lock.release()
        if self._gateway is not None:
            try:
                await self._gateway
            except Exception:  # noqa: BLE001 - closing; what failed was logged by discord.py
                pass
