"""Schedules: set in chat, read from people's words, fired in a channel's time zone."""
