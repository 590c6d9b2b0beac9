"""A gemeente's interest in applications and the attention applications get (issue 19, item 5):
interest shown and withdrawn (interesse.py), views and searches counted anonymously
(telling.py), and what the leverancier's view shows of them (overzicht.py)."""
