"""Fake platforms on 127.0.0.1 that the tests and the benchmarks share: a Slack Web API
(`testing.fake_slack`), a Discord REST API and gateway (`testing.fake_discord`, with the interaction
payloads of `testing.discord_payloads`) and a Teams Bot Connector (`testing.fake_teams`).

They let the real slack-bolt, discord.py and Teams SDK code run offline. Nothing under `bot/`,
`adapters/` or `storage/` may import this package (tests/test_architecture.py checks it).
"""
