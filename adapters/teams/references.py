"""The conversation references Teams posts are sent with: conversation id, service URL, tenant.

Teams lets a bot post to a conversation only through the Bot Connector at the service URL Teams
gave for it, so peerbot keeps a reference for every team channel and group chat it was installed
in or spoken to in (the store's `Conversations` port), and scheduled posts, scenario steps and
shared answers go out with it. Personal chats are never kept: a private answer opens (or finds)
the person's chat through the Bot Connector each time, so the database holds nothing per person.
"""
from __future__ import annotations

from bot.ports import Conversations
from bot.records import ConversationRef

# A reference, as the rest of the Teams adapter calls it: the core's record, which any store keeps.
Reference = ConversationRef


class ConversationBook:
    """References by channel key (`teams:<workspace>:<channel>`), kept by the bot's store through its
    `Conversations` port (`bot.ports`), so any store implementation serves Teams."""

    def __init__(self, store: Conversations):
        self.store = store

    def remember(self, channel_key: str, ref: Reference) -> None:
        if not (ref.conversation_id and ref.service_url):
            return
        self.store.remember_conversation(channel_key, ref)

    def get(self, channel_key: str) -> Reference | None:
        return self.store.conversation(channel_key)

    def forget(self, channel_key: str) -> None:
        self.store.forget_conversation(channel_key)

    def any_in_team(self, workspace: str) -> Reference | None:
        """Some reference from a channel of this team (a press carried back to its channel names the
        team, not the tenant): its service URL and tenant reach a person's personal chat too."""
        return self.store.conversation_under(f"teams:{workspace}:")

    def any_in_tenant(self, tenant_id: str) -> Reference | None:
        """Some reference in the tenant: its service URL reaches a person's personal chat too."""
        return self.store.conversation_in_tenant(tenant_id)
