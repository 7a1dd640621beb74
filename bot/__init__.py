"""peerbot's platform-neutral core: value types, content, answering, flows and the router.

Nothing in this package imports a chat platform, sqlite-utils or APScheduler; adapters and storage
plug in through the ports in `bot.ports`.
"""
