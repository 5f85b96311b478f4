// The deal list's search box matches contract numbers by prefix (core/filings/queries/listDeals.ts); the existing
// contract index starts with the region, so a prefix could not use it.
export const sql = /* sql */ `
CREATE INDEX deals_contract_no ON deals(contract_no);
`;
