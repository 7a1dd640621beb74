"""Content: everything in `content/` loaded and validated into frozen objects."""
