"""`peerbot doctor`, the Teams part: are the app id, tenant and credential set and shaped right,
and what Teams still needs (the messaging endpoint, the manifest).

Offline and secret-free: the password is only described as set or not. Without `TEAMS_APP_ID`
there is nothing to check, and the section stays silent (Teams is optional).
"""
from __future__ import annotations

import re
from importlib import metadata

from adapters.teams.settings import TeamsSettings

Row = tuple[str, bool, str]
GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def teams_checks(settings: TeamsSettings) -> list[Row]:
    app_id = settings.teams_app_id.strip()
    tenant = settings.teams_tenant_id.strip()
    password = settings.teams_app_password.get_secret_value().strip() if settings.teams_app_password else ""
    if not app_id:
        return []
    rows: list[Row] = [
        ("TEAMS_APP_ID is a GUID", bool(GUID.match(app_id)),
         "set" if GUID.match(app_id) else "set, but not shaped like a GUID: copy the Microsoft App ID from the "
                                           "Azure Bot's Configuration page"),
        ("TEAMS_TENANT_ID is a GUID", bool(GUID.match(tenant)),
         "set" if GUID.match(tenant) else "not set or not a GUID: a single-tenant bot needs its directory (tenant) "
                                           "ID; new multi-tenant bots can no longer be created"),
    ]
    if password:
        rows.append(("Teams credential", True, "client secret (TEAMS_APP_PASSWORD) set"))
    else:
        rows.append(("Teams credential", True, "no TEAMS_APP_PASSWORD: peerbot will use the host's managed identity "
                                               "(an Azure Bot of type User-Assigned Managed Identity, on Azure)"))
    try:
        version = metadata.version("microsoft-teams-apps")
    except metadata.PackageNotFoundError:
        version = ""
    rows.append(("Teams SDK installed", bool(version),
                 f"microsoft-teams-apps {version}" if version else "not installed: run `make run` or pip install -e ."))
    rows.append(("Teams messaging endpoint", True,
                 f"port {settings.teams_port}: the Azure Bot's messaging endpoint must be "
                 "https://<your host>/api/messages (a reverse proxy or tunnel to this port)"))
    rows.append(("Teams app package", True, "zip teams/manifest.json with teams/color.png and teams/outline.png "
                                            "after putting your app id in it; see the README's Teams set-up"))
    group = settings.teams_facilitator_group.strip()
    rows.append(("Teams facilitators", not group or bool(GUID.match(group)),
                 (f"members of the Entra ID group {group}, " if GUID.match(group) else
                  "TEAMS_FACILITATOR_GROUP is not a group object id (a GUID); " if group else "")
                 + "people added with /peer facilitators add; team owners are admins"))
    return rows
