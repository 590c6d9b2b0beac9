"""A landscape as an ArchiMate Model Exchange File (AMEFF 3.1), written (schrijven.py) and read
(lezen.py) in the vocabulary of eigenschappen.py; the view's layout in plaatsing.py; The Open
Group's schemas, which every written file satisfies, in xsd/ (docs/exchange.md)."""

from graph_api.uitwisseling.ameff.lezen import Fout, Gelezen, lees
from graph_api.uitwisseling.ameff.schrijven import schrijf

__all__ = ["Fout", "Gelezen", "lees", "schrijf"]
