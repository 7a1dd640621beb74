"""Who someone is, as Slack tells it: admins and owners, the facilitator user group, everyone else."""
from __future__ import annotations

import pytest
from slack_sdk.web.async_client import AsyncWebClient
from slack_workspace import text_of

from adapters.slack.roles import SlackRoles
from bot.messages import Role


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def client(fake) -> AsyncWebClient:
    return AsyncWebClient(token="xoxb-test-token", base_url=fake.api_url)


async def test_workspace_admins_and_owners_are_admins(fake, client):
    """Slack's is_admin and is_owner both make someone an admin of peerbot."""
    fake.users["UOWN"] = {"is_owner": True}
    roles = SlackRoles()
    assert (await roles.who(client, "UADMIN")).role == Role.ADMIN
    assert (await roles.who(client, "UOWN")).role == Role.ADMIN
    assert (await roles.who(client, "UADMIN")).name == "Ada"


async def test_members_of_the_named_user_group_are_facilitators(fake, client):
    """Members of the user group named by its handle are facilitators; others are participants."""
    roles = SlackRoles("@facilitators")
    assert (await roles.who(client, "UFAC")).role == Role.FACILITATOR
    assert (await roles.who(client, "U1")).role == Role.PARTICIPANT
    assert fake.called("usergroups.users.list", usergroup="S1")


async def test_a_missing_user_group_makes_nobody_a_facilitator(fake, client):
    """A group handle that does not exist is logged, and everyone stays what Slack says they are."""
    assert (await SlackRoles("nobody-here").who(client, "UFAC")).role == Role.PARTICIPANT


async def test_lookups_are_cached_for_a_minute(fake, client):
    """A burst of requests from one person costs one users.info; a minute later Slack is asked again."""
    clock = Clock()
    roles = SlackRoles("facilitators", monotonic=clock)
    for _ in range(5):
        await roles.who(client, "U1")
    assert len(fake.called("users.info")) == 1 and len(fake.called("usergroups.users.list")) == 1
    clock.now += 61
    await roles.who(client, "U1")
    assert len(fake.called("users.info")) == 2


async def test_when_slack_cannot_say_the_person_is_a_participant(fake, client):
    """If users.info fails, the person is treated as a participant rather than left without an answer."""
    fake.fail_next("users.info", 503)
    who = await SlackRoles().who(client, "UADMIN")
    assert who.role == Role.PARTICIPANT and who.user_id == "UADMIN"


async def test_a_failed_lookup_is_cached_briefly(fake, client):
    """An app without users:read costs one failed users.info per person per 15 s, not one per request."""
    clock = Clock()
    roles = SlackRoles(monotonic=clock)
    fake.fail_next("users.info", 200, error="missing_scope", times=2)
    for _ in range(3):
        assert (await roles.who(client, "UADMIN")).role == Role.PARTICIPANT
    assert len(fake.called("users.info")) == 1
    clock.now += 16
    assert (await roles.who(client, "UADMIN")).role == Role.PARTICIPANT
    assert len(fake.called("users.info")) == 2
    clock.now += 16  # Slack answers again: the person's real role is back
    assert (await roles.who(client, "UADMIN")).role == Role.ADMIN


async def test_through_bolt_a_refused_lookup_costs_one_call_for_several_questions(fake, ws):
    """Through the real Bolt endpoint, three questions from someone Slack will not describe cost one
    users.info, and each still gets its answer."""
    fake.fail_next("users.info", 200, error="missing_scope", times=5)
    for _ in range(3):
        reply = await ws.say("/peer hello", user="U1")
        assert text_of(reply)
    assert len(fake.called("users.info", user="U1")) == 1
