// Voided records are few: the lists' "已作废" filter starts from them instead of walking every live record.
export const sql = /* sql */ `
CREATE INDEX deals_voided ON deals(voided_at) WHERE voided_at IS NOT NULL;
`;
