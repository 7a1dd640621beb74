"""Who someone is in Slack: workspace admins and owners are admins, members of the facilitator user
group (`SLACK_FACILITATOR_GROUP`) are facilitators, everyone else a participant.

Answers are cached briefly (a minute by default, `adapters.role_cache`) so a burst of button presses costs one
`users.info`. A Slack error never blocks an answer: the person is then treated as a participant,
and the core's own facilitator list (`/peer facilitators`) still counts. Failures are cached too,
for less time (15 s by default): an app installed without `users:read`, or a Slack outage, would
otherwise cost an extra round trip and a warning on every request.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from adapters.role_cache import FAILED, RoleCache
from adapters.slack.transport import error_code
from bot.messages import Role, Who

log = logging.getLogger("peerbot.slack")


class SlackRoles:
    def __init__(self, facilitator_group: str = "", *, ttl: float = 60.0, failed_ttl: float = 15.0,
                 monotonic: Callable[[], float] = time.monotonic):
        self.group = facilitator_group.strip().lstrip("@")
        self.failed_ttl = failed_ttl
        self._cache = RoleCache(ttl, failed_ttl, monotonic=monotonic)

    async def _cached(self, key: str, fetch: Callable[[], Any]) -> Any:
        async def asked() -> Any:
            try:
                return await fetch()
            except SlackApiError as e:
                # No user id in the log: at the default level, nothing that names a person.
                log.warning("could not ask Slack who someone is (%s); treating them as a participant, "
                            "asking again in %.0f s", error_code(e) or e.response.status_code, self.failed_ttl)
                return FAILED
        return await self._cache.get(key, asked)

    async def who(self, client: AsyncWebClient, user_id: str) -> Who:
        # Per workspace (Bolt's client for a request knows its team): with many workspaces installed,
        # one team's facilitator group says nothing about another's.
        team = getattr(client, "team_id", None) or ""
        user = await self._cached(f"user:{team}:{user_id}", lambda: self._user(client, user_id))
        members = await self._cached(f"group:{team}", lambda: self._group_members(client)) if self.group else set()
        if user is FAILED or members is FAILED:  # logged once per failed look-up, in _cached
            return Who(user_id, Role.PARTICIPANT, "")
        if user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"):
            role = Role.ADMIN
        elif user_id in members:
            role = Role.FACILITATOR
        else:
            role = Role.PARTICIPANT
        profile = user.get("profile") or {}
        name = profile.get("display_name") or profile.get("real_name") or user.get("name", "")
        return Who(user_id, role, name)

    async def _user(self, client: AsyncWebClient, user_id: str) -> dict:
        return (await client.users_info(user=user_id))["user"]

    async def _group_members(self, client: AsyncWebClient) -> set[str]:
        group_id = self.group
        if not (group_id.startswith("S") and group_id.isupper()):  # a handle: find its id
            groups = (await client.usergroups_list())["usergroups"]
            found = [g["id"] for g in groups if self.group in (g.get("handle"), g.get("name"))]
            if not found:
                log.warning("no Slack user group with handle %r; nobody is a facilitator by group", self.group)
                return set()
            group_id = found[0]
        return set((await client.usergroups_users_list(usergroup=group_id))["users"])
