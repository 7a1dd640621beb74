"""Slack for many workspaces: slack-bolt's OAuth install flow, configured for peerbot.

Multi-workspace mode is on when `SLACK_CLIENT_ID` and `SLACK_CLIENT_SECRET` are set (it needs HTTP
mode: Slack's redirect after an install must reach a public URL). Then there is no one
`SLACK_BOT_TOKEN`: each workspace's bot token comes from its installation (`adapters.slack.installs`),
found by Bolt for every request and by the outbox for every post. The scopes asked for are the
manifest's (`slack-manifest.yml`, `slack-manifest-distributed.yml`; a test keeps them equal), bot
scopes only: peerbot never acts as a person.
"""
from __future__ import annotations

import logging

from slack_bolt.authorization.async_authorize import AsyncInstallationStoreAuthorize
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.web.async_client import AsyncWebClient

from adapters.slack.installs import PeerbotInstallationStore, PeerbotStateStore
from adapters.slack.settings import SlackSettings as Settings

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
# The bot scopes of slack-manifest.yml, and why each is there: see the README's "Slack setup".
SCOPES = ("app_mentions:read", "channels:history", "channels:read", "chat:write", "commands", "groups:history",
          "groups:read", "im:history", "usergroups:read", "users:read")


def client_secret(settings: Settings) -> str:
    value = settings.slack_client_secret
    return value.get_secret_value().strip() if value is not None else ""


def multi_workspace(settings: Settings) -> bool:
    """True when peerbot is installed by OAuth into many workspaces rather than run with one token."""
    return settings.slack_many_workspaces


def oauth_settings(settings: Settings, installs: PeerbotInstallationStore, states: PeerbotStateStore,
                   client: AsyncWebClient) -> AsyncOAuthSettings:
    oauth = AsyncOAuthSettings(
        client_id=settings.slack_client_id.strip(), client_secret=client_secret(settings),
        scopes=list(SCOPES), user_scopes=[], redirect_uri=settings.slack_redirect_uri.strip() or None,
        install_path=INSTALL_PATH, redirect_uri_path=REDIRECT_PATH,
        installation_store=installs, installation_store_bot_only=True, state_store=states,
        state_expiration_seconds=states.expiration_seconds)
    # Bolt's own authorization, with two changes: it asks our store for the workspace's bot only, and
    # it remembers what `auth.test` said about a token rather than asking Slack again on every
    # request. The store is still asked first every time, so an uninstalled workspace is refused at
    # once; `client` is the Web API the operator chose (SLACK_API_URL), for token rotation too.
    # Logged under slack_bolt's name, so adapters.logfilter clips its lines like Bolt's own.
    oauth.authorize = AsyncInstallationStoreAuthorize(
        logger=logging.getLogger("slack_bolt.authorize"), installation_store=installs, client_id=oauth.client_id, client_secret=oauth.client_secret,
        bot_only=True, cache_enabled=True, client=client)
    return oauth
