"""A landscape as an ArchiMate Model Exchange File (AMEFF 3.1), written (schrijven.py, the export
format `ameff`) and read (lezen.py, the import format `ameff`) in the vocabulary of
eigenschappen.py; the view's layout in plaatsing.py; The Open Group's schemas, which every
written file satisfies, in xsd/ (docs/exchange.md, "ArchiMate (AMEFF)").

Nothing is imported here: the export and import registries import the two modules they need,
and the reader uses the import's classes (a package import would make a cycle of them)."""
