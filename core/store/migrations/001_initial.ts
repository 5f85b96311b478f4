// The whole schema of DOMAIN §6 from day one. Enumerations are stored as the Chinese words of DOMAIN.md so that
// import, store, UI and export share one vocabulary. Money is integer 分, dates ISO text, ids ULIDs.
// Records are never deleted: voided_at/void_reason. Every syncable table carries a version.
export const sql = /* sql */ `
CREATE TABLE installation (
  id TEXT PRIMARY KEY,
  region_code TEXT NOT NULL,
  created_at TEXT NOT NULL,
  public_key_pem TEXT,
  private_key_pem TEXT
) STRICT;

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('录入员','审核员','管理员','领导')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  updated_by TEXT
) STRICT;

CREATE TABLE organizations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_norm TEXT NOT NULL,
  uscc TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('高校','科研院所','国有企业','企业','个人','其他')),
  region_code TEXT,
  city_code TEXT,
  size TEXT CHECK (size IN ('微型','小型','中型','大型')),
  sector TEXT,
  legal_rep TEXT,
  phone TEXT,
  address TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  void_reason TEXT
) STRICT;
CREATE UNIQUE INDEX organizations_uscc ON organizations(uscc) WHERE uscc IS NOT NULL;
CREATE INDEX organizations_name_norm ON organizations(name_norm);
CREATE INDEX organizations_city ON organizations(city_code, kind, size);

CREATE TABLE patents (
  number TEXT PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('发明','实用新型','外观设计')),
  title TEXT NOT NULL DEFAULT '',
  filing_date TEXT,
  status TEXT NOT NULL DEFAULT '有效' CHECK (status IN ('有效','失效','届满','审中')),
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE deals (
  id TEXT PRIMARY KEY,
  region_code TEXT NOT NULL,
  contract_no TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('转让','许可','作价入股')),
  license_mode TEXT CHECK (license_mode IN ('独占','排他','普通','开放许可')),
  assignor_id TEXT NOT NULL REFERENCES organizations(id),
  assignee_id TEXT NOT NULL REFERENCES organizations(id),
  assignee_size TEXT CHECK (assignee_size IN ('微型','小型','中型','大型')),
  industry TEXT NOT NULL DEFAULT '其他',
  contract_date TEXT NOT NULL,
  recordation_date TEXT,
  record_year INTEGER GENERATED ALWAYS AS (CAST(substr(recordation_date, 1, 4) AS INTEGER)) VIRTUAL,
  amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
  license_end_date TEXT,
  patent_count INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  voided_at TEXT,
  void_reason TEXT,
  CHECK ((kind = '许可') = (license_mode IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX deals_contract ON deals(region_code, contract_no) WHERE voided_at IS NULL;
CREATE INDEX deals_recordation ON deals(recordation_date, id);
CREATE INDEX deals_contract_date ON deals(contract_date, id);
CREATE INDEX deals_updated ON deals(updated_at, id);
CREATE INDEX deals_amount ON deals(amount_fen, id);
CREATE INDEX deals_assignor ON deals(assignor_id, recordation_date);
CREATE INDEX deals_assignee ON deals(assignee_id, recordation_date);
CREATE INDEX deals_kind ON deals(kind, recordation_date);

CREATE TABLE deal_patents (
  deal_id TEXT NOT NULL REFERENCES deals(id),
  patent_number TEXT NOT NULL REFERENCES patents(number),
  position INTEGER NOT NULL,
  PRIMARY KEY (deal_id, patent_number)
) STRICT, WITHOUT ROWID;
CREATE INDEX deal_patents_patent ON deal_patents(patent_number, deal_id);

CREATE TABLE payments (
  id TEXT PRIMARY KEY,
  deal_id TEXT NOT NULL REFERENCES deals(id),
  paid_date TEXT NOT NULL,
  amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
  voucher_no TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  void_reason TEXT
) STRICT;
CREATE INDEX payments_deal ON payments(deal_id, paid_date);
CREATE INDEX payments_date ON payments(paid_date);

CREATE TABLE pledges (
  id TEXT PRIMARY KEY,
  region_code TEXT NOT NULL,
  registration_no TEXT NOT NULL,
  pledgor_id TEXT NOT NULL REFERENCES organizations(id),
  pledgee_name TEXT NOT NULL,
  amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
  registration_date TEXT NOT NULL,
  term_months INTEGER,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT,
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  void_reason TEXT
) STRICT;
CREATE UNIQUE INDEX pledges_registration ON pledges(registration_no) WHERE voided_at IS NULL;
CREATE INDEX pledges_date ON pledges(registration_date);
CREATE INDEX pledges_pledgor ON pledges(pledgor_id);

CREATE TABLE pledge_patents (
  pledge_id TEXT NOT NULL REFERENCES pledges(id),
  patent_number TEXT NOT NULL REFERENCES patents(number),
  PRIMARY KEY (pledge_id, patent_number)
) STRICT, WITHOUT ROWID;
CREATE INDEX pledge_patents_patent ON pledge_patents(patent_number);

CREATE TABLE product_registrations (
  id TEXT PRIMARY KEY,
  region_code TEXT NOT NULL,
  registration_no TEXT NOT NULL,
  enterprise_id TEXT NOT NULL REFERENCES organizations(id),
  enterprise_size TEXT CHECK (enterprise_size IN ('微型','小型','中型','大型')),
  product_name TEXT NOT NULL,
  registration_date TEXT NOT NULL,
  output_value_fen INTEGER,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT,
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  void_reason TEXT
) STRICT;
CREATE UNIQUE INDEX product_registrations_no ON product_registrations(registration_no) WHERE voided_at IS NULL;
CREATE INDEX product_registrations_date ON product_registrations(registration_date);

CREATE TABLE registration_patents (
  registration_id TEXT NOT NULL REFERENCES product_registrations(id),
  patent_number TEXT NOT NULL REFERENCES patents(number),
  PRIMARY KEY (registration_id, patent_number)
) STRICT, WITHOUT ROWID;

CREATE TABLE enterprise_figures (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  year INTEGER NOT NULL,
  revenue_fen INTEGER,
  employees INTEGER,
  sector TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  void_reason TEXT
) STRICT;
CREATE UNIQUE INDEX enterprise_figures_org_year ON enterprise_figures(organization_id, year) WHERE voided_at IS NULL;

CREATE TABLE subsidies (
  id TEXT PRIMARY KEY,
  region_code TEXT NOT NULL,
  subsidy_no TEXT NOT NULL,
  recipient_id TEXT NOT NULL REFERENCES organizations(id),
  program_name TEXT NOT NULL,
  amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
  granted_date TEXT NOT NULL,
  deal_id TEXT REFERENCES deals(id),
  pledge_id TEXT REFERENCES pledges(id),
  clawed_back_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT,
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  void_reason TEXT
) STRICT;
CREATE UNIQUE INDEX subsidies_no ON subsidies(subsidy_no) WHERE voided_at IS NULL;
CREATE INDEX subsidies_deal ON subsidies(deal_id);
CREATE INDEX subsidies_pledge ON subsidies(pledge_id);

CREATE TABLE region_targets (
  region_code TEXT NOT NULL,
  indicator TEXT NOT NULL,
  year_from INTEGER NOT NULL,
  year_to INTEGER NOT NULL,
  target INTEGER,
  required_growth REAL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  PRIMARY KEY (region_code, indicator, year_from, year_to)
) STRICT, WITHOUT ROWID;

CREATE TABLE region_baselines (
  region_code TEXT NOT NULL,
  indicator TEXT NOT NULL,
  year INTEGER NOT NULL,
  value INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT,
  PRIMARY KEY (region_code, indicator, year)
) STRICT, WITHOUT ROWID;

CREATE TABLE anomaly_flags (
  id TEXT PRIMARY KEY,
  rule_id TEXT NOT NULL,
  region_code TEXT NOT NULL,
  fingerprint TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL DEFAULT '本地' CHECK (source IN ('本地','省级反馈')),
  status TEXT NOT NULL DEFAULT '待审核' CHECK (status IN ('待审核','确认异常','排除','需补充材料')),
  explanation TEXT NOT NULL,
  evidence TEXT NOT NULL DEFAULT '{}',
  settings_version INTEGER,
  active INTEGER NOT NULL DEFAULT 1,
  first_seen_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX anomaly_flags_queue ON anomaly_flags(status, rule_id, region_code, first_seen_at);

CREATE TABLE flag_subjects (
  flag_id TEXT NOT NULL REFERENCES anomaly_flags(id),
  entity TEXT NOT NULL CHECK (entity IN ('deal','pledge','subsidy','registration')),
  entity_id TEXT NOT NULL,
  business_no TEXT NOT NULL,
  PRIMARY KEY (flag_id, entity, entity_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX flag_subjects_entity ON flag_subjects(entity, entity_id);

CREATE TABLE flag_decisions (
  id TEXT PRIMARY KEY,
  flag_id TEXT NOT NULL REFERENCES anomaly_flags(id),
  decision TEXT NOT NULL CHECK (decision IN ('待审核','确认异常','排除','需补充材料')),
  reason TEXT NOT NULL,
  reviewer_id TEXT NOT NULL REFERENCES users(id),
  decided_at TEXT NOT NULL
) STRICT;
CREATE INDEX flag_decisions_flag ON flag_decisions(flag_id, decided_at);

CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  stored_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT,
  voided_at TEXT
) STRICT;
CREATE INDEX attachments_entity ON attachments(entity, entity_id);

CREATE TABLE drafts (
  user_id TEXT NOT NULL REFERENCES users(id),
  form_key TEXT NOT NULL,
  data TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (user_id, form_key)
) STRICT, WITHOUT ROWID;

CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor_id TEXT,
  actor_name TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT,
  detail TEXT NOT NULL DEFAULT '{}',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, seq);

CREATE TABLE outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  op TEXT NOT NULL CHECK (op IN ('upsert','void')),
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL,
  batch_id TEXT
) STRICT;
CREATE INDEX outbox_pending ON outbox(batch_id, seq);

CREATE TABLE sync_batches (
  id TEXT PRIMARY KEY,
  seq_from INTEGER NOT NULL,
  seq_to INTEGER NOT NULL,
  record_count INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT '待发送' CHECK (state IN ('待发送','发送中','已接收','部分拒收','失败')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error TEXT,
  summary TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Chinese substring search (trigram) over names and titles; external-content tables kept by triggers.
CREATE VIRTUAL TABLE organizations_fts USING fts5(name, uscc, content='organizations', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER organizations_fts_ai AFTER INSERT ON organizations BEGIN
  INSERT INTO organizations_fts(rowid, name, uscc) VALUES (new.rowid, new.name, coalesce(new.uscc, ''));
END;
CREATE TRIGGER organizations_fts_au AFTER UPDATE OF name, uscc ON organizations BEGIN
  INSERT INTO organizations_fts(organizations_fts, rowid, name, uscc) VALUES ('delete', old.rowid, old.name, coalesce(old.uscc, ''));
  INSERT INTO organizations_fts(rowid, name, uscc) VALUES (new.rowid, new.name, coalesce(new.uscc, ''));
END;

CREATE VIRTUAL TABLE patents_fts USING fts5(number, title, content='patents', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER patents_fts_ai AFTER INSERT ON patents BEGIN
  INSERT INTO patents_fts(rowid, number, title) VALUES (new.rowid, new.number, new.title);
END;
CREATE TRIGGER patents_fts_au AFTER UPDATE OF title ON patents BEGIN
  INSERT INTO patents_fts(patents_fts, rowid, number, title) VALUES ('delete', old.rowid, old.number, old.title);
  INSERT INTO patents_fts(rowid, number, title) VALUES (new.rowid, new.number, new.title);
END;

CREATE VIRTUAL TABLE products_fts USING fts5(product_name, content='product_registrations', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER products_fts_ai AFTER INSERT ON product_registrations BEGIN
  INSERT INTO products_fts(rowid, product_name) VALUES (new.rowid, new.product_name);
END;
CREATE TRIGGER products_fts_au AFTER UPDATE OF product_name ON product_registrations BEGIN
  INSERT INTO products_fts(products_fts, rowid, product_name) VALUES ('delete', old.rowid, old.product_name);
  INSERT INTO products_fts(rowid, product_name) VALUES (new.rowid, new.product_name);
END;
`;
