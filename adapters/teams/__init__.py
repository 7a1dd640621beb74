"""The Microsoft Teams adapter, on the Teams SDK for Python (`microsoft-teams-apps`): translates Bot
Framework activities into core requests and core replies into Adaptive Cards, and nothing else.

    inbound     activities -> Command / Press (+ Origin: how to answer)
    render      Reply -> Adaptive Card message activities, inside Teams' limits
    respond     sends replies to the asker (the post's thread, personal chat, card updates)
    roles       who is an admin (team owners) or facilitator (an Entra ID group) in Teams
    references  the conversation references scheduled posts are sent with
    transport   the outbox's Teams transport (proactive posts, rate limits, at most once)
    listeners   the SDK's activity handlers (messages, card submits, installs)
    server      the SDK's HTTP server adapter on aiohttp (no FastAPI/uvicorn in the process)
    platform    TeamsPlatform: the SDK's App on the shared event loop
    doctor      `peerbot doctor`'s Teams section
"""
