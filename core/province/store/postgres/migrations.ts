import type { Migration } from '../../../store/migrations/index';

/** A PostgreSQL migration: plain SQL (the SQLite-side `prepare` hook has no counterpart here). */
export type PostgresMigration = Pick<Migration, 'version' | 'name' | 'sql'>;

/**
 * The province store's schema on PostgreSQL: the tables the endpoint uses, column for column as the SQLite province
 * store has them after all its migrations (core/store/migrations + core/province/migrations), so that one query text
 * serves both. INTEGER is bigint (sums of fen outgrow int4); dates stay ISO text, compared as strings as in SQLite.
 * Never edited once released: add the next one.
 */
export const postgresMigrations: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'records',
    // The city numbers a province store keeps as plain indexes (contract, pledge, registration, subsidy, figures of a
    // year, pooled patent, need) are unique only within one installation: see core/province/migrations.ts.
    sql: /* sql */ `
CREATE TABLE organizations (
  id text PRIMARY KEY,
  name text NOT NULL,
  name_norm text NOT NULL,
  uscc text,
  kind text NOT NULL CHECK (kind IN ('高校','科研院所','国有企业','企业','个人','其他')),
  region_code text,
  city_code text,
  size text CHECK (size IN ('微型','小型','中型','大型')),
  sector text,
  legal_rep text,
  phone text,
  address text,
  version bigint NOT NULL DEFAULT 1,
  created_at text NOT NULL,
  updated_at text NOT NULL,
  voided_at text,
  void_reason text
);
CREATE UNIQUE INDEX organizations_uscc ON organizations(uscc) WHERE uscc IS NOT NULL;
CREATE INDEX organizations_name_norm ON organizations(name_norm);
CREATE INDEX organizations_city ON organizations(city_code, kind, size);
CREATE INDEX organizations_region_parties ON organizations(city_code, kind, size, id);

CREATE TABLE patents (
  number text PRIMARY KEY,
  type text NOT NULL CHECK (type IN ('发明','实用新型','外观设计')),
  title text NOT NULL DEFAULT '',
  filing_date text,
  status text NOT NULL DEFAULT '有效' CHECK (status IN ('有效','失效','届满','审中')),
  version bigint NOT NULL DEFAULT 1,
  updated_at text NOT NULL
);

-- record_year is STORED (PostgreSQL has no virtual generated columns); like SQLite's table_info, columns() leaves it
-- out, as it cannot be written.
CREATE TABLE deals (
  id text PRIMARY KEY,
  region_code text NOT NULL,
  contract_no text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('转让','许可','作价入股')),
  license_mode text CHECK (license_mode IN ('独占','排他','普通','开放许可')),
  assignor_id text NOT NULL REFERENCES organizations(id),
  assignee_id text NOT NULL REFERENCES organizations(id),
  assignee_size text CHECK (assignee_size IN ('微型','小型','中型','大型')),
  industry text NOT NULL DEFAULT '其他',
  contract_date text NOT NULL,
  recordation_date text,
  record_year bigint GENERATED ALWAYS AS (CAST(substr(recordation_date, 1, 4) AS bigint)) STORED,
  amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
  license_end_date text,
  patent_count bigint NOT NULL DEFAULT 0,
  version bigint NOT NULL DEFAULT 1,
  created_at text NOT NULL,
  created_by text,
  updated_at text NOT NULL,
  updated_by text,
  voided_at text,
  void_reason text,
  CHECK ((kind = '许可') = (license_mode IS NOT NULL))
);
CREATE INDEX deals_recordation ON deals(recordation_date, id);
CREATE INDEX deals_contract_date ON deals(contract_date, id);
CREATE INDEX deals_updated ON deals(updated_at, id);
CREATE INDEX deals_amount ON deals(amount_fen, id);
CREATE INDEX deals_assignor ON deals(assignor_id, recordation_date);
CREATE INDEX deals_assignee ON deals(assignee_id, recordation_date);
CREATE INDEX deals_kind ON deals(kind, recordation_date);
CREATE INDEX deals_live_licenses_by_mode ON deals(license_mode, id) WHERE license_mode IS NOT NULL AND voided_at IS NULL;
CREATE INDEX deals_contract_no ON deals(contract_no);
CREATE INDEX deals_counted_by_assignee ON deals(assignee_id, recordation_date, voided_at, assignee_size, patent_count, amount_fen, industry, id)
  WHERE voided_at IS NULL AND recordation_date IS NOT NULL;
CREATE INDEX deals_counted_by_assignor ON deals(assignor_id, recordation_date, voided_at, patent_count, amount_fen, industry, id)
  WHERE voided_at IS NULL AND recordation_date IS NOT NULL;
CREATE INDEX deals_voided ON deals(voided_at) WHERE voided_at IS NOT NULL;
CREATE INDEX deals_live_party_pair_patents ON deals(assignor_id, assignee_id, voided_at, patent_count, id) WHERE voided_at IS NULL;
CREATE INDEX province_deals_contract ON deals(region_code, contract_no);

CREATE TABLE deal_patents (
  deal_id text NOT NULL REFERENCES deals(id),
  patent_number text NOT NULL REFERENCES patents(number),
  position bigint NOT NULL,
  PRIMARY KEY (deal_id, patent_number)
);
CREATE INDEX deal_patents_patent ON deal_patents(patent_number, deal_id);

CREATE TABLE payments (
  id text PRIMARY KEY,
  deal_id text NOT NULL REFERENCES deals(id),
  paid_date text NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  voucher_no text NOT NULL DEFAULT '',
  version bigint NOT NULL DEFAULT 1,
  created_at text NOT NULL,
  updated_at text NOT NULL,
  voided_at text,
  void_reason text
);
CREATE INDEX payments_deal ON payments(deal_id, paid_date);
CREATE INDEX payments_date ON payments(paid_date);
CREATE INDEX payments_live_by_deal ON payments(deal_id, paid_date, voided_at, amount_fen) WHERE voided_at IS NULL;

CREATE TABLE pledges (
  id text PRIMARY KEY,
  region_code text NOT NULL,
  registration_no text NOT NULL,
  pledgor_id text NOT NULL REFERENCES organizations(id),
  pledgee_name text NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
  registration_date text NOT NULL,
  term_months bigint,
  version bigint NOT NULL DEFAULT 1,
  created_at text NOT NULL,
  created_by text,
  updated_at text NOT NULL,
  voided_at text,
  void_reason text
);
CREATE INDEX pledges_date ON pledges(registration_date);
CREATE INDEX pledges_pledgor ON pledges(pledgor_id);
CREATE INDEX pledges_live_by_pledgor ON pledges(pledgor_id, registration_date, voided_at, amount_fen) WHERE voided_at IS NULL;
CREATE INDEX province_pledges_registration ON pledges(registration_no);

CREATE TABLE pledge_patents (
  pledge_id text NOT NULL REFERENCES pledges(id),
  patent_number text NOT NULL REFERENCES patents(number),
  PRIMARY KEY (pledge_id, patent_number)
);
CREATE INDEX pledge_patents_patent ON pledge_patents(patent_number);

CREATE TABLE product_registrations (
  id text PRIMARY KEY,
  region_code text NOT NULL,
  registration_no text NOT NULL,
  enterprise_id text NOT NULL REFERENCES organizations(id),
  enterprise_size text CHECK (enterprise_size IN ('微型','小型','中型','大型')),
  product_name text NOT NULL,
  registration_date text NOT NULL,
  output_value_fen bigint,
  version bigint NOT NULL DEFAULT 1,
  created_at text NOT NULL,
  created_by text,
  updated_at text NOT NULL,
  voided_at text,
  void_reason text
);
CREATE INDEX product_registrations_date ON product_registrations(registration_date);
CREATE INDEX product_registrations_live_by_enterprise ON product_registrations(enterprise_id, registration_date, voided_at, enterprise_size, id)
  WHERE voided_at IS NULL;
CREATE INDEX province_product_registrations_no ON product_registrations(registration_no);

CREATE TABLE registration_patents (
  registration_id text NOT NULL REFERENCES product_registrations(id),
  patent_number text NOT NULL REFERENCES patents(number),
  PRIMARY KEY (registration_id, patent_number)
);

CREATE TABLE enterprise_figures (
  id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organizations(id),
  year bigint NOT NULL,
  revenue_fen bigint,
  employees bigint,
  sector text,
  version bigint NOT NULL DEFAULT 1,
  created_at text NOT NULL,
  updated_at text NOT NULL,
  voided_at text,
  void_reason text
);
CREATE INDEX province_enterprise_figures_org_year ON enterprise_figures(organization_id, year);

CREATE TABLE subsidies (
  id text PRIMARY KEY,
  region_code text NOT NULL,
  subsidy_no text NOT NULL,
  recipient_id text NOT NULL REFERENCES organizations(id),
  program_name text NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
  granted_date text NOT NULL,
  deal_id text REFERENCES deals(id),
  pledge_id text REFERENCES pledges(id),
  clawed_back_at text,
  version bigint NOT NULL DEFAULT 1,
  created_at text NOT NULL,
  created_by text,
  updated_at text NOT NULL,
  voided_at text,
  void_reason text
);
CREATE INDEX subsidies_deal ON subsidies(deal_id);
CREATE INDEX subsidies_pledge ON subsidies(pledge_id);
CREATE INDEX province_subsidies_no ON subsidies(subsidy_no);

CREATE TABLE supply_patents (
  id text PRIMARY KEY,
  region_code text NOT NULL,
  patent_number text NOT NULL,
  title text NOT NULL,
  owner_id text NOT NULL REFERENCES organizations(id),
  industry text NOT NULL DEFAULT '其他',
  ipc_class text,
  keywords text NOT NULL DEFAULT '',
  abstract text NOT NULL DEFAULT '',
  asking_terms text,
  open_license bigint NOT NULL DEFAULT 0 CHECK (open_license IN (0, 1)),
  open_license_fee_fen bigint CHECK (open_license_fee_fen >= 0),
  open_license_years bigint CHECK (open_license_years > 0),
  status text NOT NULL DEFAULT '在库' CHECK (status IN ('在库','对接中','已成交','撤回')),
  version bigint NOT NULL DEFAULT 1,
  created_at text NOT NULL,
  created_by text,
  updated_at text NOT NULL,
  voided_at text,
  void_reason text
);
CREATE INDEX supply_patents_open ON supply_patents(open_license) WHERE voided_at IS NULL AND open_license = 1;
CREATE INDEX province_supply_patents_number ON supply_patents(region_code, patent_number);

CREATE TABLE tech_needs (
  id text PRIMARY KEY,
  region_code text NOT NULL,
  need_no text NOT NULL,
  enterprise_id text NOT NULL REFERENCES organizations(id),
  industry text NOT NULL DEFAULT '其他',
  need_text text NOT NULL,
  keywords text NOT NULL DEFAULT '',
  budget_fen bigint CHECK (budget_fen >= 0),
  urgency text NOT NULL DEFAULT '一般' CHECK (urgency IN ('一般','较急','紧急')),
  version bigint NOT NULL DEFAULT 1,
  created_at text NOT NULL,
  created_by text,
  updated_at text NOT NULL,
  voided_at text,
  void_reason text
);
CREATE INDEX province_tech_needs_no ON tech_needs(region_code, need_no);

CREATE TABLE matchmakings (
  id text PRIMARY KEY,
  region_code text NOT NULL,
  need_id text NOT NULL REFERENCES tech_needs(id),
  supply_id text NOT NULL REFERENCES supply_patents(id),
  event_date text NOT NULL,
  event text NOT NULL,
  outcome text NOT NULL DEFAULT '洽谈中' CHECK (outcome IN ('洽谈中','达成意向','已成交','未成功')),
  deal_id text REFERENCES deals(id),
  version bigint NOT NULL DEFAULT 1,
  created_at text NOT NULL,
  created_by text,
  updated_at text NOT NULL,
  voided_at text,
  void_reason text
);
CREATE INDEX matchmakings_need ON matchmakings(need_id);
CREATE INDEX matchmakings_supply ON matchmakings(supply_id);
CREATE INDEX matchmakings_deal ON matchmakings(deal_id) WHERE deal_id IS NOT NULL;
`,
  },
  {
    version: 2,
    name: 'province',
    sql: /* sql */ `
CREATE TABLE province_keys (
  fingerprint text PRIMARY KEY,
  region_code text NOT NULL,
  public_key_pem text NOT NULL,
  next_seq bigint NOT NULL DEFAULT 1,
  enrolled_at text NOT NULL,
  replaced_by text,
  replaced_at text,
  revoked_at text,
  last_contact_at text
);

CREATE TABLE province_batches (
  batch_id text PRIMARY KEY,
  key_fingerprint text NOT NULL REFERENCES province_keys(fingerprint),
  region_code text NOT NULL,
  seq_from bigint NOT NULL,
  seq_to bigint NOT NULL,
  record_count bigint NOT NULL,
  content_sha256 text NOT NULL,
  summary text NOT NULL,
  received_at text NOT NULL
);
CREATE INDEX province_batches_key ON province_batches(key_fingerprint, seq_to);

CREATE TABLE province_org_aliases (
  source_id text PRIMARY KEY,
  organization_id text NOT NULL REFERENCES organizations(id),
  region_code text NOT NULL
);

CREATE TABLE province_feedback (
  cursor bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  region_code text NOT NULL,
  rule_id text NOT NULL,
  fingerprint text NOT NULL,
  explanation text NOT NULL,
  evidence text NOT NULL DEFAULT '{}',
  subjects text NOT NULL DEFAULT '[]',
  published_at text NOT NULL,
  UNIQUE (region_code, fingerprint)
);

CREATE TABLE province_record_owners (
  entity text NOT NULL,
  record_id text NOT NULL,
  region_code text NOT NULL,
  key_fingerprint text,
  owned_at text NOT NULL,
  PRIMARY KEY (entity, record_id)
);

CREATE TABLE province_record_versions (
  entity text NOT NULL,
  record_id text NOT NULL,
  key_fingerprint text NOT NULL,
  version bigint NOT NULL,
  PRIMARY KEY (entity, record_id, key_fingerprint)
);

CREATE TABLE province_claims (
  entity text NOT NULL,
  record_id text NOT NULL,
  region_code text NOT NULL,
  key_fingerprint text NOT NULL,
  version bigint NOT NULL,
  payload text NOT NULL,
  differing text NOT NULL,
  claimed_at text NOT NULL,
  PRIMARY KEY (entity, record_id, region_code)
);

CREATE TABLE province_audit_anchors (
  batch_id text PRIMARY KEY,
  region_code text NOT NULL,
  installation_id text NOT NULL,
  key_fingerprint text NOT NULL,
  audit_rows bigint NOT NULL,
  audit_last_seq bigint NOT NULL,
  audit_hash text NOT NULL,
  problem text,
  received_at text NOT NULL
);
CREATE INDEX province_audit_anchors_installation ON province_audit_anchors(region_code, installation_id, audit_rows);

CREATE TABLE province_findings (
  fingerprint text PRIMARY KEY,
  rule_id text NOT NULL,
  explanation text NOT NULL,
  evidence text NOT NULL DEFAULT '{}',
  subjects text NOT NULL DEFAULT '[]',
  deliveries text NOT NULL DEFAULT '{}',
  found_at text NOT NULL,
  status text NOT NULL DEFAULT '待审核' CHECK (status IN ('待审核','确认异常','排除')),
  reason text,
  decided_by text,
  decided_at text
);
CREATE INDEX province_findings_queue ON province_findings(status, found_at);

CREATE TABLE province_notices (
  id text PRIMARY KEY,
  title text NOT NULL,
  body text NOT NULL,
  sent_by text NOT NULL,
  sent_at text NOT NULL
);

CREATE TABLE province_notice_receipts (
  notice_id text NOT NULL REFERENCES province_notices(id),
  region_code text NOT NULL,
  fetched_at text,
  read_at text,
  PRIMARY KEY (notice_id, region_code)
);

CREATE TABLE installation_key_history (
  fingerprint text PRIMARY KEY,
  public_key_pem text NOT NULL,
  retired_at text NOT NULL
);
`,
  },
  {
    version: 3,
    name: 'province_audit_log',
    // The officers' actions (enrolling, replacing, revoking keys) in the same hash chain as the SQLite store's audit
    // log (city migration 1); appends take an advisory lock (core/province/store/auditTrail.ts), so seq is chain order.
    sql: /* sql */ `
CREATE TABLE audit_log (
  seq bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
  at text NOT NULL,
  actor_id text,
  actor_name text NOT NULL,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  detail text NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id, seq);
`,
  },
  {
    version: 4,
    name: 'province_flags',
    // The province's own anomaly flags (city migration 1): a cross-city finding kept for review, and the officers'
    // decision on it. A confirmed flag takes its deals out of every indicator (core/indicators/facts.ts), so a store
    // moved over from SQLite keeps them. The officers' decisions on them (flag_decisions) come with the users (7).
    sql: /* sql */ `
CREATE TABLE anomaly_flags (
  id text PRIMARY KEY,
  rule_id text NOT NULL,
  region_code text NOT NULL,
  fingerprint text NOT NULL UNIQUE,
  source text NOT NULL DEFAULT '本地' CHECK (source IN ('本地','省级反馈')),
  status text NOT NULL DEFAULT '待审核' CHECK (status IN ('待审核','确认异常','排除','需补充材料')),
  explanation text NOT NULL,
  evidence text NOT NULL DEFAULT '{}',
  settings_version bigint,
  active bigint NOT NULL DEFAULT 1,
  first_seen_at text NOT NULL,
  last_seen_at text NOT NULL,
  updated_at text NOT NULL
);
CREATE INDEX anomaly_flags_queue ON anomaly_flags(status, rule_id, region_code, first_seen_at);

CREATE TABLE flag_subjects (
  flag_id text NOT NULL REFERENCES anomaly_flags(id),
  entity text NOT NULL CHECK (entity IN ('deal','pledge','subsidy','registration')),
  entity_id text NOT NULL,
  business_no text NOT NULL,
  PRIMARY KEY (flag_id, entity, entity_id)
);
CREATE INDEX flag_subjects_entity ON flag_subjects(entity, entity_id);
`,
  },
  {
    version: 5,
    name: 'province_targets',
    // The targets and 2020 baselines the province keeps per region (city migrations 1 and 20): what its indicator
    // report measures completion and growth against (core/indicators/targetsStore.ts).
    sql: /* sql */ `
CREATE TABLE region_targets (
  region_code text NOT NULL,
  indicator text NOT NULL,
  year_from bigint NOT NULL,
  year_to bigint NOT NULL,
  target bigint,
  required_growth double precision,
  updated_at text NOT NULL,
  updated_by text,
  source text NOT NULL DEFAULT '本地' CHECK (source IN ('本地', '省级下达')),
  PRIMARY KEY (region_code, indicator, year_from, year_to)
);

CREATE TABLE region_baselines (
  region_code text NOT NULL,
  indicator text NOT NULL,
  year bigint NOT NULL,
  value bigint NOT NULL,
  updated_at text NOT NULL,
  updated_by text,
  PRIMARY KEY (region_code, indicator, year)
);
`,
  },
  {
    version: 6,
    name: 'province_settings',
    // The province's settings as versioned JSON documents (city migration 1), among them its rule thresholds (规则设置),
    // which the cross-city rules read (core/province/crossCity/crossCity.ts).
    sql: /* sql */ `
CREATE TABLE settings (
  key text PRIMARY KEY,
  value text NOT NULL,
  version bigint NOT NULL DEFAULT 1,
  updated_at text NOT NULL,
  updated_by text
);
`,
  },
  {
    version: 7,
    name: 'province_workbench_accounts',
    // The workbench's own rows (city migrations 1 and 18): its officers' accounts, its installation mark (set up for
    // 140000), and the decisions officers take on the province's flags. The migration from SQLite moves them with the
    // records, so the officers keep their accounts and the reviews keep who decided.
    sql: /* sql */ `
CREATE TABLE users (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('录入员','审核员','管理员','领导')),
  password_hash text NOT NULL,
  active bigint NOT NULL DEFAULT 1,
  created_at text NOT NULL,
  updated_at text NOT NULL,
  must_change_password bigint NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1))
);

CREATE TABLE installation (
  id text PRIMARY KEY,
  region_code text NOT NULL,
  created_at text NOT NULL,
  public_key_pem text,
  -- Kept for the column order the queries share; the key left the store (city migration 16) and never comes here.
  private_key_pem text CHECK (private_key_pem IS NULL)
);

CREATE TABLE flag_decisions (
  id text PRIMARY KEY,
  flag_id text NOT NULL REFERENCES anomaly_flags(id),
  decision text NOT NULL CHECK (decision IN ('待审核','确认异常','排除','需补充材料')),
  reason text NOT NULL,
  reviewer_id text NOT NULL REFERENCES users(id),
  decided_at text NOT NULL
);
CREATE INDEX flag_decisions_flag ON flag_decisions(flag_id, decided_at);
`,
  },
  {
    version: 8,
    name: 'records_search',
    // 地市报送记录's search box (core/filings/queries/search.ts) asks PostgreSQL for names, titles and numbers that
    // contain the text (ILIKE '%…%'), which no B-tree serves. pg_trgm's GIN indexes do, Chinese included. pg_trgm
    // ships with PostgreSQL and is a trusted extension (13+): the database's owner may create it. Where the server
    // lacks it or the user may not create it, the search works all the same, scanning; the README says how to add it.
    sql: /* sql */ `
DO $$
BEGIN
  BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
  EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'pg_trgm is not available (%): the records search scans instead of using an index', SQLERRM;
  END;
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX organizations_name_search ON organizations USING gin (name gin_trgm_ops);
    CREATE INDEX organizations_uscc_search ON organizations USING gin (uscc gin_trgm_ops);
    CREATE INDEX patents_number_search ON patents USING gin (number gin_trgm_ops);
    CREATE INDEX patents_title_search ON patents USING gin (title gin_trgm_ops);
    CREATE INDEX deals_contract_no_search ON deals USING gin (contract_no gin_trgm_ops);
    CREATE INDEX product_registrations_name_search ON product_registrations USING gin (product_name gin_trgm_ops);
  END IF;
END
$$;
`,
  },
  {
    version: 9,
    name: 'matching_terms',
    // 供需对接's text index: what SQLite keeps in its FTS5 tables supply_fts and need_fts (city migration 22), kept
    // here as plain tables so that bm25 can be computed as FTS5 computes it (core/matching/textHits.ts). Derived from
    // supply_patents and tech_needs as batches bring them (core/matching/terms.ts) and rebuilt by migrate-from-sqlite.
    sql: termTables('supply', 'supply_patents') + termTables('need', 'tech_needs'),
  },
  {
    version: 10,
    name: 'workbench_sessions',
    // The workbench's signed-in sessions, shared by every province web process on this database (core/auth/sessions.ts):
    // a hash of each key, never the key; ended by signing out, by the idle limit, or when the user is deactivated.
    sql: /* sql */ `
CREATE TABLE workbench_sessions (
  key_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id),
  last_seen_ms bigint NOT NULL
);
CREATE INDEX workbench_sessions_last_seen ON workbench_sessions(last_seen_ms);
`,
  },
];

/** One side's text index: each record's words (the FTS5 row) and, per token, its hits in each column. */
function termTables(side: string, records: string): string {
  return /* sql */ `
CREATE TABLE ${side}_terms (
  doc_id text PRIMARY KEY REFERENCES ${records}(id),
  tokens bigint NOT NULL,
  keywords text NOT NULL,
  body text NOT NULL
);
CREATE TABLE ${side}_postings (
  term text NOT NULL,
  doc_id text NOT NULL REFERENCES ${side}_terms(doc_id),
  keyword_hits bigint NOT NULL,
  body_hits bigint NOT NULL,
  PRIMARY KEY (term, doc_id)
);
CREATE INDEX ${side}_postings_doc ON ${side}_postings(doc_id);
`;
}

export const latestPostgresVersion = postgresMigrations.at(-1)!.version;
