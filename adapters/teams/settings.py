"""Microsoft Teams' settings: the Azure Bot's app id and secret, the tenant, the facilitator group
and the messaging endpoint's port. Read from the environment with the core's
(`adapters.settings.AppSettings`)."""
from __future__ import annotations

from pydantic import AliasChoices, Field, SecretStr

from bot.settings import EnvSettings


class TeamsSettings(EnvSettings):
    teams_app_id: str = Field("", validation_alias=AliasChoices("TEAMS_APP_ID"),
                              description="Microsoft Teams: the Azure Bot's Microsoft App ID (a GUID).")
    teams_app_password: SecretStr | None = Field(None, validation_alias=AliasChoices("TEAMS_APP_PASSWORD"),
                                                 description="Microsoft Teams: the app registration's client secret; "
                                                             "empty with TEAMS_APP_ID set means managed identity.")
    teams_tenant_id: str = Field("", validation_alias=AliasChoices("TEAMS_TENANT_ID"),
                                 description="Microsoft Teams: the Entra tenant (directory) ID of the single-tenant bot.")
    teams_facilitator_group: str = Field("", validation_alias=AliasChoices("TEAMS_FACILITATOR_GROUP"),
                                         description="Microsoft Teams: object ID of an Entra ID group whose members "
                                                     "are facilitators.")
    teams_port: int = Field(3978, validation_alias=AliasChoices("TEAMS_PORT"),
                            description="Microsoft Teams: port of the messaging endpoint (/api/messages).")
