// R08 (bulk) in a full scan looks only at the assignor→assignee pairs whose live deals name at least K patents in
// all: no window of D days can hold K distinct patents otherwise, and a single deal of K patents is such a pair too.
// Adding patent_count to the party-pair index of migration 4 lets one pass over the index find those pairs without
// reading a deal (voided_at is a column too, as in migration 6: a query naming it reads the table row otherwise).
// It replaces that index (same leading columns, same partial condition), so saving a deal updates no more indexes.
//
// This file is frozen once released.
export const sql = /* sql */ `
DROP INDEX deals_live_party_pairs;
CREATE INDEX deals_live_party_pair_patents ON deals(assignor_id, assignee_id, voided_at, patent_count, id) WHERE voided_at IS NULL;
`;
