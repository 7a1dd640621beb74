"""Who someone is in Teams: the team's owners are admins, members of the Entra ID group named by
`TEAMS_FACILITATOR_GROUP` (its object id) are facilitators, everyone else a participant.

The Bot Connector's roster (`conversations/{id}/members`) says who is in a team but not who owns
it (its `userRole` is only "user" or "guest"), so both questions go to Microsoft Graph with the
bot's own app token: `GET /teams/{team}/members` (owners carry the role "owner"; the manifest asks
for the resource-specific permission `TeamMember.Read.Group`, which reads the member list and
nothing else, never a message) and `GET /groups/{group}/transitiveMembers` for the facilitator
group (the application permission `GroupMember.Read.All`, granted once by a tenant admin; without
it nobody is a facilitator by group, and `/peer facilitators add` still works).

Answers are cached for a minute (`adapters.role_cache`), so a burst of button presses costs one lookup. A Graph error never
blocks an answer: the person is then a participant, and the core's own facilitator list counts.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import httpx

from adapters.role_cache import RoleCache
from adapters.teams.inbound import Origin
from bot.messages import Role

log = logging.getLogger("peerbot.teams")
GRAPH = "https://graph.microsoft.com/v1.0"
GRAPH_SCOPE = "https://graph.microsoft.com/.default"
Token = Callable[[], Awaitable[str | None]]


class TeamsRoles:
    def __init__(self, http: httpx.AsyncClient, token: Token, facilitator_group: str = "", *,
                 graph_url: str = GRAPH, ttl: float = 60.0, monotonic: Callable[[], float] = time.monotonic):
        self.http = http
        self.token = token
        self.group = facilitator_group.strip()
        self.graph_url = graph_url.rstrip("/")
        # A failed look-up is not remembered (its exception reaches `role`): the next request asks again.
        self._cache = RoleCache(ttl, monotonic=monotonic)

    async def _cached(self, key: str, fetch: Callable[[], Awaitable[Any]]) -> Any:
        return await self._cache.get(key, fetch)

    async def role(self, origin: Origin) -> Role:
        if not origin.user_aad:
            return Role.PARTICIPANT
        try:
            if origin.team_aad:
                owners = await self._cached(f"owners:{origin.team_aad}", lambda: self._owners(origin.team_aad))
                if origin.user_aad in owners:
                    return Role.ADMIN
            if self.group:
                members = await self._cached("group", self._group_members)
                if origin.user_aad in members:
                    return Role.FACILITATOR
        except (httpx.HTTPError, ValueError, KeyError) as e:
            log.warning("could not look up a Teams role (%s); treating the person as a participant", type(e).__name__)
        return Role.PARTICIPANT

    async def _get_all(self, url: str) -> list[dict]:
        token = await self.token()
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        items: list[dict] = []
        while url:
            response = await self.http.get(url, headers=headers)
            response.raise_for_status()
            data = response.json()
            items += data.get("value", [])
            url = data.get("@odata.nextLink", "")
        return items

    async def _owners(self, team: str) -> set[str]:
        members = await self._get_all(f"{self.graph_url}/teams/{team}/members")
        return {m.get("userId", "") for m in members if "owner" in (m.get("roles") or [])}

    async def _group_members(self) -> set[str]:
        members = await self._get_all(f"{self.graph_url}/groups/{self.group}/transitiveMembers?$select=id")
        return {m.get("id", "") for m in members}
