"""Delivery: posts claimed once, stored as JSON, sent paced, and what to say when refused."""
