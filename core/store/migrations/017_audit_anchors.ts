// Anchoring the audit chain (sync schema version 2). A batch frozen from now on carries the chain's head at freezing:
// its row count, the seq of its last row and that row's hash. The city keeps, per batch, the anchor it sent (NULL for
// batches frozen before this migration: they are sent as version 1, unchanged). The province keeps every anchor it
// received per installation, with the problem it found when an anchor contradicts an earlier one (fewer rows than
// before: truncated; as many rows with another hash: rewritten).
//
// This file is frozen once released.
export const sql = /* sql */ `
ALTER TABLE sync_batches ADD COLUMN audit_rows INTEGER;
ALTER TABLE sync_batches ADD COLUMN audit_last_seq INTEGER;
ALTER TABLE sync_batches ADD COLUMN audit_hash TEXT;

CREATE TABLE province_audit_anchors (
  batch_id TEXT PRIMARY KEY,
  region_code TEXT NOT NULL,
  installation_id TEXT NOT NULL,
  key_fingerprint TEXT NOT NULL,
  audit_rows INTEGER NOT NULL,
  audit_last_seq INTEGER NOT NULL,
  audit_hash TEXT NOT NULL,
  problem TEXT,
  received_at TEXT NOT NULL
) STRICT;
CREATE INDEX province_audit_anchors_installation ON province_audit_anchors(region_code, installation_id, audit_rows);
`;
