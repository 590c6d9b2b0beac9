// The CBS code a gemeente's old CBS code now goes by: that of the gemeente it went into by a
// herindeling (following OPGEGAAN_IN, also through later ones); no row for any other code.
// Serves the compiled `gemeente` lookup, which asks it only when the code found no gemeente.
// zicht: names only a gemeente, which everyone sees.
// params: {"id": "GM0014"}
MATCH (:OpgehevenGemeente {cbsCode: $id})-[:OPGEGAAN_IN*1..]->(n:Gemeente)
RETURN n.cbsCode AS id
