import { sql as initial } from './001_initial';
import { sql as sync } from './002_sync';
import { sql as indicatorIndexes } from './003_indicator_indexes';
import { sql as ruleIndexes } from './004_rule_indexes';
import { sql as filingListIndexes } from './005_filing_list_indexes';
import { sql as indicatorCovering } from './006_indicator_covering';
import { sql as voidedRecords } from './007_voided_records';
import { sql as indicatorFacts } from './008_indicator_facts';
import { sql as indicatorFactsMore } from './009_indicator_facts_more';
import { sql as indicatorTotals } from './010_indicator_totals';
import { sql as indicatorPartyTriggers } from './011_indicator_party_triggers';
import { sql as indicatorSubjectTrigger } from './012_indicator_subject_trigger';
import { sql as deferredDealFacts } from './013_deferred_deal_facts';
import { sql as bulkPairPatents } from './014_bulk_pair_patents';
import { sql as provinceOwners } from './015_province_owners';
import { prepare as moveKeyOut, sql as privateKeyOut } from './016_private_key_out';
import { sql as auditAnchors } from './017_audit_anchors';
import type Database from 'better-sqlite3';
import { sql as passwordChange } from './018_password_change';
import { sql as installationRegister } from './019_installation_register';
import { sql as provinceWorkbench } from './020_province_workbench';
import { sql as matching } from './022_matching';
import { sql as deferredSearchIndex } from './024_deferred_search_index';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Work outside SQL that must happen before `sql`, in the same transaction (a throw rolls the migration back). */
  prepare?: (db: Database.Database) => void;
}

/** Ordered, bundled, numbered. A migration is never edited once released: add the next one. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'initial', sql: initial },
  { version: 2, name: 'sync', sql: sync },
  { version: 3, name: 'indicator_indexes', sql: indicatorIndexes },
  { version: 4, name: 'rule_indexes', sql: ruleIndexes },
  { version: 5, name: 'filing_list_indexes', sql: filingListIndexes },
  { version: 6, name: 'indicator_covering', sql: indicatorCovering },
  { version: 7, name: 'voided_records', sql: voidedRecords },
  { version: 8, name: 'indicator_facts', sql: indicatorFacts },
  { version: 9, name: 'indicator_facts_more', sql: indicatorFactsMore },
  { version: 10, name: 'indicator_totals', sql: indicatorTotals },
  { version: 11, name: 'indicator_party_triggers', sql: indicatorPartyTriggers },
  { version: 12, name: 'indicator_subject_trigger', sql: indicatorSubjectTrigger },
  { version: 13, name: 'deferred_deal_facts', sql: deferredDealFacts },
  { version: 14, name: 'bulk_pair_patents', sql: bulkPairPatents },
  { version: 15, name: 'province_owners', sql: provinceOwners },
  { version: 16, name: 'private_key_out', sql: privateKeyOut, prepare: moveKeyOut },
  { version: 17, name: 'audit_anchors', sql: auditAnchors },
  { version: 18, name: 'password_change', sql: passwordChange },
  { version: 19, name: 'installation_register', sql: installationRegister },
  { version: 20, name: 'province_workbench', sql: provinceWorkbench },
  { version: 22, name: 'matching', sql: matching },
  { version: 24, name: 'deferred_search_index', sql: deferredSearchIndex },
];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
