"""State in SQLite through sqlite-utils: the one implementation of the core's `Store` port."""
