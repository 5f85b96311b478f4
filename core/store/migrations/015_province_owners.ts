// Record ownership at the province (issue 11): a city may change only what its region sent.
//
// province_record_owners — who first sent each record (entity + id; a patent's id is its number): the region whose
//   installations alone may change it, and the installation (key) that sent it first. key_fingerprint is NULL for a
//   record the province held before ownership was kept (its owner region is taken from the record itself below).
// province_record_versions — the highest version each installation sent of each record. Versions are counted per
//   installation: two installations of one region number their copies of a shared patent independently, so one's
//   high number never makes the other's later edit look old, and a version another region sent is never counted.
// province_claims — another region's differing description of a shared record (patent, organization), kept beside
//   the original instead of overwriting it, the latest per region.
//
// A city store carries these tables too (empty), as with migration 2; the backfill runs only in a province store
// (one with enrolled keys). What the province held before owners were kept belongs to the region the record names:
// a deal, pledge, registration or subsidy its region; a payment its deal's; an organization (and its yearly figures)
// the city it is located in (none for one outside Shanxi: the first region to send it then owns it); a patent the
// region of the first deal that named it. So no region can take over a shared record by sending it first after the
// upgrade.
//
// This file is frozen once released.
export const sql = /* sql */ `
CREATE TABLE province_record_owners (
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  region_code TEXT NOT NULL,
  key_fingerprint TEXT,
  owned_at TEXT NOT NULL,
  PRIMARY KEY (entity, record_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE province_record_versions (
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  key_fingerprint TEXT NOT NULL,
  version INTEGER NOT NULL,
  PRIMARY KEY (entity, record_id, key_fingerprint)
) STRICT, WITHOUT ROWID;

CREATE TABLE province_claims (
  entity TEXT NOT NULL,
  record_id TEXT NOT NULL,
  region_code TEXT NOT NULL,
  key_fingerprint TEXT NOT NULL,
  version INTEGER NOT NULL,
  payload TEXT NOT NULL,
  differing TEXT NOT NULL,
  claimed_at TEXT NOT NULL,
  PRIMARY KEY (entity, record_id, region_code)
) STRICT, WITHOUT ROWID;

INSERT INTO province_record_owners (entity, record_id, region_code, owned_at)
SELECT 'deal', id, region_code, created_at FROM deals WHERE EXISTS (SELECT 1 FROM province_keys)
UNION ALL SELECT 'pledge', id, region_code, created_at FROM pledges WHERE EXISTS (SELECT 1 FROM province_keys)
UNION ALL SELECT 'registration', id, region_code, created_at FROM product_registrations WHERE EXISTS (SELECT 1 FROM province_keys)
UNION ALL SELECT 'subsidy', id, region_code, created_at FROM subsidies WHERE EXISTS (SELECT 1 FROM province_keys)
UNION ALL SELECT 'payment', p.id, d.region_code, p.created_at FROM payments p JOIN deals d ON d.id = p.deal_id WHERE EXISTS (SELECT 1 FROM province_keys)
UNION ALL SELECT 'organization', id, city_code, created_at FROM organizations WHERE city_code IS NOT NULL AND EXISTS (SELECT 1 FROM province_keys)
UNION ALL SELECT 'enterprise_figure', f.id, o.city_code, f.created_at FROM enterprise_figures f JOIN organizations o ON o.id = f.organization_id
  WHERE o.city_code IS NOT NULL AND EXISTS (SELECT 1 FROM province_keys)
UNION ALL SELECT 'patent', number, region_code, updated_at FROM (
  SELECT p.number, p.updated_at, (SELECT d.region_code FROM deal_patents dp JOIN deals d ON d.id = dp.deal_id
    WHERE dp.patent_number = p.number ORDER BY d.created_at, d.id LIMIT 1) AS region_code
  FROM patents p WHERE EXISTS (SELECT 1 FROM province_keys)
) WHERE region_code IS NOT NULL;
`;
