// What flows between the province's workbench and the cities (DESIGN §4): cross-city review, targets, notices.
//
// Province side:
// province_findings — every cross-city finding (R01, R02, R10 over two or more regions) and every CLAIM flag, whole
//   (both regions' records), as the province's officers review it; `deliveries` maps each concerned region to the
//   fingerprint of the feedback item that region was sent, so that a decision reaches each region on its own item.
// province_notices, province_notice_receipts — free-text notices and, per region, when it was fetched and read.
// City side:
// notices — notices received from the province, until a user marks them read (`receipt_sent_at`: when the read
//   receipt reached the province).
// region_targets.source — '省级下达' for a target the province set: the city shows it and may not edit it.
//
// This file is frozen once released.
export const sql = /* sql */ `
CREATE TABLE province_findings (
  fingerprint TEXT PRIMARY KEY,
  rule_id TEXT NOT NULL,
  explanation TEXT NOT NULL,
  evidence TEXT NOT NULL DEFAULT '{}',
  subjects TEXT NOT NULL DEFAULT '[]',
  deliveries TEXT NOT NULL DEFAULT '{}',
  found_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT '待审核' CHECK (status IN ('待审核','确认异常','排除')),
  reason TEXT,
  decided_by TEXT,
  decided_at TEXT
) STRICT;
CREATE INDEX province_findings_queue ON province_findings(status, found_at);

CREATE TABLE province_notices (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  sent_by TEXT NOT NULL,
  sent_at TEXT NOT NULL
) STRICT;

CREATE TABLE province_notice_receipts (
  notice_id TEXT NOT NULL REFERENCES province_notices(id),
  region_code TEXT NOT NULL,
  fetched_at TEXT,
  read_at TEXT,
  PRIMARY KEY (notice_id, region_code)
) STRICT, WITHOUT ROWID;

CREATE TABLE notices (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  sent_at TEXT NOT NULL,
  received_at TEXT NOT NULL,
  read_at TEXT,
  read_by TEXT,
  receipt_sent_at TEXT
) STRICT;

ALTER TABLE region_targets ADD COLUMN source TEXT NOT NULL DEFAULT '本地' CHECK (source IN ('本地', '省级下达'));
`;
