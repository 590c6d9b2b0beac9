"""Meldingen (issue 19, item 3): what a change tells the people it concerns (docs/meldingen.md)."""
