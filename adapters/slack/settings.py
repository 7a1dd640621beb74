"""Slack's settings: tokens, the signing secret, the facilitator group, the Web API's address and
the HTTP port. Read from the environment with the core's (`adapters.settings.AppSettings`)."""
from __future__ import annotations

from pydantic import AliasChoices, Field, SecretStr, field_validator

from bot.settings import EnvSettings


class SlackSettings(EnvSettings):
    slack_bot_token: SecretStr | None = Field(None, validation_alias=AliasChoices("SLACK_BOT_TOKEN"),
                                              description="Slack bot token (xoxb-…).")
    slack_app_token: SecretStr | None = Field(None, validation_alias=AliasChoices("SLACK_APP_TOKEN"),
                                              description="Slack app-level token for Socket Mode (xapp-…).")
    slack_signing_secret: SecretStr | None = Field(None, validation_alias=AliasChoices("SLACK_SIGNING_SECRET"),
                                                   description="Slack signing secret (HTTP mode).")
    slack_client_id: str = Field("", validation_alias=AliasChoices("SLACK_CLIENT_ID"),
                                 description="Slack for many workspaces: the app's Client ID (Basic Information); "
                                             "with SLACK_CLIENT_SECRET it turns on the OAuth install flow.")
    slack_client_secret: SecretStr | None = Field(None, validation_alias=AliasChoices("SLACK_CLIENT_SECRET"),
                                                  description="Slack for many workspaces: the app's Client Secret.")
    slack_redirect_uri: str = Field("", validation_alias=AliasChoices("SLACK_REDIRECT_URI"),
                                    description="Slack for many workspaces: the full OAuth Redirect URL "
                                                "(https://<host>/slack/oauth_redirect), when the app lists more than one.")
    slack_facilitator_group: str = Field("", validation_alias=AliasChoices("SLACK_FACILITATOR_GROUP"),
                                         description="Handle of a Slack user group whose members are facilitators.")
    slack_api_url: str = Field("https://slack.com/api/", validation_alias=AliasChoices("SLACK_API_URL"),
                               description="Where the Slack Web API is: Slack's own, or a Slack-compatible "
                                           "endpoint (a company proxy, a test server).")
    port: int = Field(3000, validation_alias=AliasChoices("PORT"),
                      description="Port for Slack HTTP mode.")

    @property
    def slack_many_workspaces(self) -> bool:
        """Slack installed by OAuth into many workspaces (client id and secret set), not one token."""
        secret = self.slack_client_secret.get_secret_value().strip() if self.slack_client_secret else ""
        return bool(self.slack_client_id.strip() and secret)

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, value: str) -> str:
        # slack-sdk joins method names onto the base URL, so it must end with a slash.
        value = value.strip() or "https://slack.com/api/"
        if not value.startswith(("https://", "http://")):
            raise ValueError(f"SLACK_API_URL={value}: give a full URL, such as https://slack.com/api/")
        return value if value.endswith("/") else value + "/"


def problems(settings: SlackSettings) -> list[str]:
    """Slack settings that parse but cannot work, one line each."""
    if not 0 <= settings.port <= 65535:
        return [f"PORT={settings.port} cannot be used: a port is a number from 1 to 65535."]
    return []
