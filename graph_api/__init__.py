"""graph_api: the application landscape of all Dutch gemeenten as a property graph."""
