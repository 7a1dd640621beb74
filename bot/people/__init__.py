"""People: roles, what the bot keeps about a person and how it forgets, private by default."""
