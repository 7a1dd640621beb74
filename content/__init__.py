"""peerbot's content (TOML, format in FORMAT.md), shipped as package data so an installed peerbot
finds it through importlib.resources (`bot.settings.packaged_content`)."""
