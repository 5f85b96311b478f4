// Indexes for the anomaly rules (core/rules). R12 starts from the few open, exclusive and sole licenses instead of
// every license; R08 finds the assignor→assignee pairs with more than one deal from the index alone, without
// sorting a million deals. Partial: voided deals are never judged.
export const sql = /* sql */ `
CREATE INDEX deals_live_licenses_by_mode ON deals(license_mode, id) WHERE license_mode IS NOT NULL AND voided_at IS NULL;
CREATE INDEX deals_live_party_pairs ON deals(assignor_id, assignee_id, id) WHERE voided_at IS NULL;
`;
