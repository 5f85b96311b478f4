// Sync with the province (DESIGN §4). The province store is the city schema plus these tables; a city store carries
// them too (empty) so that one schema serves both.
//
// province_keys — one row per enrolled installation key: its region and the next outbox seq the province expects.
// province_batches — every batch taken in, with the hash of its exact bytes and the summary it was answered with, so
//   the same batch sent again gets the same answer and stores nothing twice.
// province_org_aliases — two cities may report the same enterprise (same USCC) under different ids. The province
//   keeps one organizations row per USCC (the first id it saw) and maps every other city's id to it here, so that
//   each city's deals, pledges, … still resolve their references.
// province_feedback — cross-city findings published per region; `cursor` is what GET /v1/feedback?since= pages on.
// sync_peer — the city's side: feedback cursor and last contact with the province.
export const sql = /* sql */ `
CREATE TABLE province_keys (
  fingerprint TEXT PRIMARY KEY,
  region_code TEXT NOT NULL,
  public_key_pem TEXT NOT NULL,
  next_seq INTEGER NOT NULL DEFAULT 1,
  enrolled_at TEXT NOT NULL
) STRICT;

CREATE TABLE province_batches (
  batch_id TEXT PRIMARY KEY,
  key_fingerprint TEXT NOT NULL REFERENCES province_keys(fingerprint),
  region_code TEXT NOT NULL,
  seq_from INTEGER NOT NULL,
  seq_to INTEGER NOT NULL,
  record_count INTEGER NOT NULL,
  content_sha256 TEXT NOT NULL,
  summary TEXT NOT NULL,
  received_at TEXT NOT NULL
) STRICT;
CREATE INDEX province_batches_key ON province_batches(key_fingerprint, seq_to);

CREATE TABLE province_org_aliases (
  source_id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  region_code TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE province_feedback (
  cursor INTEGER PRIMARY KEY AUTOINCREMENT,
  region_code TEXT NOT NULL,
  rule_id TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  explanation TEXT NOT NULL,
  evidence TEXT NOT NULL DEFAULT '{}',
  subjects TEXT NOT NULL DEFAULT '[]',
  published_at TEXT NOT NULL,
  UNIQUE (region_code, fingerprint)
) STRICT;

CREATE TABLE sync_peer (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  feedback_cursor INTEGER NOT NULL DEFAULT 0,
  last_contact_at TEXT,
  last_error TEXT,
  updated_at TEXT NOT NULL
) STRICT;
`;
