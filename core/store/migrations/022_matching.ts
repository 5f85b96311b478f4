// Supply meets demand (issue 16, DOMAIN §9): patents offered for transfer or license (专利供给), enterprises'
// technology needs (技术需求) and the matchmaking between them (对接). All three are syncable records of the region
// that wrote them, voided rather than deleted. The words of each text are segmented in core (jieba, in JS) and kept
// in FTS5 tables keyed by the record's rowid; the default unicode61 tokenizer splits the segmented text on the
// spaces between words, so a query for 锂离子 finds the word, not the characters.
//
// This file is frozen once released.
export const sql = /* sql */ `
CREATE TABLE supply_patents (
  id TEXT PRIMARY KEY,
  region_code TEXT NOT NULL,
  patent_number TEXT NOT NULL,
  title TEXT NOT NULL,
  owner_id TEXT NOT NULL REFERENCES organizations(id),
  industry TEXT NOT NULL DEFAULT '其他',
  ipc_class TEXT,
  keywords TEXT NOT NULL DEFAULT '',
  abstract TEXT NOT NULL DEFAULT '',
  asking_terms TEXT,
  open_license INTEGER NOT NULL DEFAULT 0 CHECK (open_license IN (0, 1)),
  open_license_fee_fen INTEGER CHECK (open_license_fee_fen >= 0),
  open_license_years INTEGER CHECK (open_license_years > 0),
  status TEXT NOT NULL DEFAULT '在库' CHECK (status IN ('在库','对接中','已成交','撤回')),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT,
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  void_reason TEXT
) STRICT;
CREATE UNIQUE INDEX supply_patents_number ON supply_patents(region_code, patent_number) WHERE voided_at IS NULL;
CREATE INDEX supply_patents_open ON supply_patents(open_license) WHERE voided_at IS NULL AND open_license = 1;

CREATE TABLE tech_needs (
  id TEXT PRIMARY KEY,
  region_code TEXT NOT NULL,
  need_no TEXT NOT NULL,
  enterprise_id TEXT NOT NULL REFERENCES organizations(id),
  industry TEXT NOT NULL DEFAULT '其他',
  need_text TEXT NOT NULL,
  keywords TEXT NOT NULL DEFAULT '',
  budget_fen INTEGER CHECK (budget_fen >= 0),
  urgency TEXT NOT NULL DEFAULT '一般' CHECK (urgency IN ('一般','较急','紧急')),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT,
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  void_reason TEXT
) STRICT;
CREATE UNIQUE INDEX tech_needs_no ON tech_needs(region_code, need_no) WHERE voided_at IS NULL;

CREATE TABLE matchmakings (
  id TEXT PRIMARY KEY,
  region_code TEXT NOT NULL,
  need_id TEXT NOT NULL REFERENCES tech_needs(id),
  supply_id TEXT NOT NULL REFERENCES supply_patents(id),
  event_date TEXT NOT NULL,
  event TEXT NOT NULL,
  outcome TEXT NOT NULL DEFAULT '洽谈中' CHECK (outcome IN ('洽谈中','达成意向','已成交','未成功')),
  deal_id TEXT REFERENCES deals(id),
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT,
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  void_reason TEXT
) STRICT;
CREATE INDEX matchmakings_need ON matchmakings(need_id);
CREATE INDEX matchmakings_supply ON matchmakings(supply_id);
CREATE INDEX matchmakings_deal ON matchmakings(deal_id) WHERE deal_id IS NOT NULL;

-- rowid = supply_patents.rowid / tech_needs.rowid; keywords weigh more than the text in bm25.
CREATE VIRTUAL TABLE supply_fts USING fts5(keywords, body);
CREATE VIRTUAL TABLE need_fts USING fts5(keywords, body);
-- How many records hold each word: the rarer a word the more it says (the weight of a need's words in the ranking).
CREATE VIRTUAL TABLE supply_fts_vocab USING fts5vocab(supply_fts, 'row');
CREATE VIRTUAL TABLE need_fts_vocab USING fts5vocab(need_fts, 'row');
`;
