"""Answering: a question in, a leaning or a topic out, from the content alone."""
