"""Exchange (F007, F008): landscapes, aanbod and the catalogue exported as CSV, Excel, ArchiMate
(AMEFF), GraphML and Cytoscape.js JSON; landscapes imported from CSV, Excel, AMEFF and a CMDB.

landschap.py holds what a landscape file holds, in every format (docs/exchange.md).
"""
