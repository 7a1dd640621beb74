"""The conversation references Teams posts are sent with: conversation id, service URL, tenant.

Teams lets a bot post to a conversation only through the Bot Connector at the service URL Teams
gave for it, so peerbot keeps a reference for every team channel and group chat it was installed
in or spoken to in (the `teams_conversations` table), and scheduled posts, scenario steps and
shared answers go out with it. Personal chats are never kept: a private answer opens (or finds)
the person's chat through the Bot Connector each time, so the database holds nothing per person.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Reference:
    conversation_id: str  # the channel or chat, without any ";messageid=" thread part
    service_url: str
    tenant_id: str


class ConversationBook:
    """References by channel key (`teams:<workspace>:<channel>`), in the bot's store."""

    def __init__(self, store: Any):
        self.store = store

    def remember(self, channel_key: str, ref: Reference) -> None:
        if not (ref.conversation_id and ref.service_url):
            return
        # One transaction: the read and the write are not split by another thread's (or worker's) write.
        with self.store.transaction():
            if self.get(channel_key) != ref:
                self.store.save_teams_conversation(channel_key, ref.conversation_id, ref.service_url.rstrip("/"),
                                                   ref.tenant_id)

    def get(self, channel_key: str) -> Reference | None:
        return _reference(self.store.teams_conversation(channel_key))

    def forget(self, channel_key: str) -> None:
        self.store.forget_teams_conversation(channel_key)

    def any_in_team(self, workspace: str) -> Reference | None:
        """Some reference from a channel of this team (a press carried back to its channel names the
        team, not the tenant): its service URL and tenant reach a person's personal chat too."""
        return _reference(self.store.any_teams_conversation(channel_prefix=f"teams:{workspace}:"))

    def any_in_tenant(self, tenant_id: str) -> Reference | None:
        """Some reference in the tenant: its service URL reaches a person's personal chat too."""
        return _reference(self.store.any_teams_conversation(tenant_id=tenant_id))


def _reference(row: dict[str, Any] | None) -> Reference | None:
    return Reference(row["conversation_id"], row["service_url"], row["tenant_id"]) if row else None
