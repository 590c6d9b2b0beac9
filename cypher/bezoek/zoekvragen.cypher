// Searches of gemeenten, one node per gemeente, month and normalised term (or
// referentiecomponent filtered on), by the keyed hash that is its id
// (graph_api/domain/interesse/telling.py); nothing names the gemeente.
// zicht: written by the API process after the answers, not for a request.
// params: {"zoekvragen": []}
UNWIND $zoekvragen AS z
MERGE (v:Zoekvraag {id: z.id})
ON CREATE SET v.maand = z.maand, v.term = z.term, v.referentiecomponent = z.referentiecomponent
RETURN count(v) AS zoekvragen
