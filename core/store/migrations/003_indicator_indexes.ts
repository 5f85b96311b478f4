// Covering indexes for the indicators of DOMAIN §7 (core/indicators/facts.ts). Each query walks the organizations of
// a region and then only that party's counted deals (not voided, recorded), payments, registrations or pledges, read
// from the index alone. Partial indexes keep them small: voided and unrecorded rows never count.
export const sql = /* sql */ `
CREATE INDEX organizations_region_parties ON organizations(city_code, kind, size, id);
CREATE INDEX deals_counted_by_assignee ON deals(assignee_id, recordation_date, assignee_size, patent_count, amount_fen, industry, id)
  WHERE voided_at IS NULL AND recordation_date IS NOT NULL;
CREATE INDEX deals_counted_by_assignor ON deals(assignor_id, recordation_date, patent_count, amount_fen, industry, id)
  WHERE voided_at IS NULL AND recordation_date IS NOT NULL;
CREATE INDEX payments_live_by_deal ON payments(deal_id, paid_date, amount_fen) WHERE voided_at IS NULL;
CREATE INDEX product_registrations_live_by_enterprise ON product_registrations(enterprise_id, registration_date, enterprise_size, id)
  WHERE voided_at IS NULL;
CREATE INDEX pledges_live_by_pledgor ON pledges(pledgor_id, registration_date, amount_fen) WHERE voided_at IS NULL;
`;
