"""Scenario discussions and the anonymous rounds they and check-ins use."""
