"""A gemeente's CMDB keeps its landscape current (F008): topdesk.py reads a TOPdesk export into
a sync batch (graph_api/domain/landschap/synchronisatie.py), http.py is its route."""
