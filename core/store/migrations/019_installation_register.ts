// The province's installations screen (issue 13): an enrolled key can be revoked without a successor (a computer
// lost or retired), and the province keeps when each installation last reached it (a batch or a feedback request),
// so that an officer sees which city has gone quiet.
//
// province_keys.revoked_at — set when an administrator at the province revokes the key; it signs nothing from then on.
// province_keys.last_contact_at — the latest batch or signed feedback/anchor request from that key.
//
// This file is frozen once released.
export const sql = /* sql */ `
ALTER TABLE province_keys ADD COLUMN revoked_at TEXT;
ALTER TABLE province_keys ADD COLUMN last_contact_at TEXT;
UPDATE province_keys SET last_contact_at = (SELECT max(received_at) FROM province_batches b WHERE b.key_fingerprint = province_keys.fingerprint);
`;
