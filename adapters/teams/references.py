"""The conversation references Teams posts are sent with: conversation id, service URL, tenant.

Teams lets a bot post to a conversation only through the Bot Connector at the service URL Teams
gave for it, so peerbot keeps a reference for every team channel and group chat it was installed
in or spoken to in (the `teams_conversations` table), and scheduled posts, scenario steps and
shared answers go out with it. Personal chats are never kept: a private answer opens (or finds)
the person's chat through the Bot Connector each time, so the database holds nothing per person.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

TABLE = "teams_conversations"


@dataclass(frozen=True)
class Reference:
    conversation_id: str  # the channel or chat, without any ";messageid=" thread part
    service_url: str
    tenant_id: str


class ConversationBook:
    """References by channel key (`teams:<workspace>:<channel>`), in the bot's SQLite store."""

    def __init__(self, store: Any):
        self.store = store
        self.db = store.db  # the sqlite-utils database of storage.sqlite.SqliteStore

    def _serial(self):
        # The store's connection is shared with the core's thread (adapters.core_worker): its
        # transaction holds the store's lock, so these statements never land inside the core's.
        return self.store.transaction()

    def remember(self, channel_key: str, ref: Reference) -> None:
        if not (ref.conversation_id and ref.service_url):
            return
        with self._serial():
            if self.get(channel_key) != ref:
                self._upsert(channel_key, ref)

    def _upsert(self, channel_key: str, ref: Reference) -> None:
        # The store's own upsert, not sqlite-utils': that one caches a failed probe for good (issue 18).
        self.store._upsert(TABLE, {"channel": channel_key, "conversation_id": ref.conversation_id,
                                   "service_url": ref.service_url.rstrip("/"), "tenant_id": ref.tenant_id,
                                   "updated_at": datetime.now(UTC).isoformat(timespec="seconds")},
                           pk=("channel",))

    def get(self, channel_key: str) -> Reference | None:
        with self._serial():
            rows = list(self.db[TABLE].rows_where("channel = ?", [channel_key], limit=1))
        if not rows:
            return None
        row = rows[0]
        return Reference(row["conversation_id"], row["service_url"], row["tenant_id"])

    def forget(self, channel_key: str) -> None:
        with self._serial():
            self.db[TABLE].delete_where("channel = ?", [channel_key])

    def any_in_team(self, workspace: str) -> Reference | None:
        """Some reference from a channel of this team (a press carried back to its channel names the
        team, not the tenant): its service URL and tenant reach a person's personal chat too."""
        with self._serial():
            rows = list(self.db[TABLE].rows_where("channel like ?", [f"teams:{workspace}:%"], limit=1))
        return Reference(rows[0]["conversation_id"], rows[0]["service_url"], rows[0]["tenant_id"]) if rows else None

    def any_in_tenant(self, tenant_id: str) -> Reference | None:
        """Some reference in the tenant: its service URL reaches a person's personal chat too."""
        with self._serial():
            rows = list(self.db[TABLE].rows_where("tenant_id = ?", [tenant_id], limit=1))
        return Reference(rows[0]["conversation_id"], rows[0]["service_url"], tenant_id) if rows else None
