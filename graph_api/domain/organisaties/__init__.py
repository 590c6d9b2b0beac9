"""Organisations: how they come to be, their profile, their people and what they let others do."""
