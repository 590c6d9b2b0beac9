// The application an id now names: the one kept, for an application merged into it
// (SamengevoegdeApplicatie.samengevoegdMet; a merge re-points the markers of earlier merges,
// so one step is enough); no row for any other id. The catalogue reads by id resolve a merged
// id themselves (applicatie/per_id); this one serves the compiled `applicatie` lookup, which
// asks it only when the id found no application.
// zicht: names only an id that every catalogue read shows (or hides) on its own.
// params: {"id": "app-onbekend"}
MATCH (m:SamengevoegdeApplicatie {id: $id})
RETURN m.samengevoegdMet AS id
