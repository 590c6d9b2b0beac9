"""Meldingen (graph_api/domain/meldingen): a person's own list, marking read, its preferences."""
