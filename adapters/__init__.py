"""Adapters plug the core into the world: the terminal, the command line, Slack and Discord.

They translate, both ways, and nothing else: platform payloads into core requests, core replies
into platform messages. `adapters.bootstrap.build_bot` is the one composition root.
"""
