import { newId } from '../store/ids';
import { RULE_IDS, type FlagSource, type RuleId } from '../../shared/rules/ruleIds';
import type { Writer } from '../service/context';
import { settingVersion } from '../system/settingsStore';
import { RULE_SETTINGS_KEY } from './ruleSettings';
import type { FlagCandidate } from './types';
import { statement } from '../store/statements';

export interface PersistOptions {
  source: FlagSource;
  /**
   * What the candidates are the complete answer for: flags of these rules (and, when dealIds is given, concerning
   * one of these deals) that were not found again become inactive. A local scan defaults to every rule over the
   * whole store; province feedback only adds and refreshes unless the caller names a scope.
   */
  scope?: { ruleIds: readonly RuleId[]; dealIds?: readonly string[] };
}

export interface PersistSummary {
  created: number;
  reactivated: number;
  refreshed: number;
  deactivated: number;
}

/** A stored flag as a finding meets it: its id, whether active, and whether its wording and evidence are the same. */
type StoredFlag = [id: string, active: number, same: number];

/**
 * Stores what a scan found. Idempotent: the same findings leave the same flags. A flag found again keeps its
 * review status and decisions (only its wording and evidence are refreshed); a flag no longer found is made
 * inactive, never deleted, so its history stays. One audit row summarizes each call that changed anything.
 */
export function persistFlags(w: Writer, candidates: readonly FlagCandidate[], options: PersistOptions): PersistSummary {
  const summary = storeFlags(w, candidates, options);
  recordScan(w, options, summary);
  return summary;
}

/** What persistFlags does, without its audit row: for a caller that stores its findings in parts (recordScan once). */
export function storeFlags(w: Writer, candidates: readonly FlagCandidate[], options: PersistOptions): PersistSummary {
  const db = w.db;
  const version = settingVersion(db, RULE_SETTINGS_KEY);
  const summary: PersistSummary = { created: 0, reactivated: 0, refreshed: 0, deactivated: 0 };
  const insert = statement(
    db,
    `INSERT INTO anomaly_flags (id, rule_id, region_code, fingerprint, source, status, explanation, evidence, settings_version, active, first_seen_at, last_seen_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '待审核', ?, ?, ?, 1, ?, ?, ?)`,
  );
  const insertSubject = statement(
    db,
    'INSERT OR IGNORE INTO flag_subjects (flag_id, entity, entity_id, business_no) VALUES (?, ?, ?, ?)',
  );
  const refresh = statement(
    db,
    `UPDATE anomaly_flags SET explanation = ?, evidence = ?, region_code = ?, settings_version = ?, active = 1, last_seen_at = ?, updated_at = ? WHERE id = ?`,
  );

  // A rescan mostly finds what it found before: SQLite compares the stored wording and evidence with the new ones,
  // so an unchanged finding costs one lookup and no write, and its text never has to be read back (a full scan of a
  // million deals finds hundreds of thousands). last_seen_at is thus when a scan last wrote the flag; that an active
  // flag is still found is what `active` says, and the scan's audit row dates the scan.
  const stored = statement(
    db,
    `SELECT id, active, explanation = @explanation AND evidence = @evidence AND region_code = @regionCode FROM anomaly_flags WHERE fingerprint = @fingerprint`,
    'raw',
  );
  const byFingerprint = new Map<string, FlagCandidate>();
  for (const c of candidates) if (!byFingerprint.has(c.fingerprint)) byFingerprint.set(c.fingerprint, c);
  for (const c of byFingerprint.values()) {
    const evidence = JSON.stringify(c.evidence);
    const flag = stored.get({
      explanation: c.explanation,
      evidence,
      regionCode: c.regionCode,
      fingerprint: c.fingerprint,
    }) as StoredFlag | undefined;
    if (!flag) {
      const id = newId();
      insert.run(
        id,
        c.ruleId,
        c.regionCode,
        c.fingerprint,
        options.source,
        c.explanation,
        evidence,
        version,
        w.at,
        w.at,
        w.at,
      );
      for (const s of c.subjects) insertSubject.run(id, s.entity, s.entityId, s.businessNo);
      summary.created++;
      continue;
    }
    const [id, active, same] = flag;
    if (!active) summary.reactivated++;
    else if (!same) summary.refreshed++;
    if (!active || !same) refresh.run(c.explanation, evidence, c.regionCode, version, w.at, w.at, id);
  }

  const scope = scopeOf(options);
  if (scope)
    summary.deactivated = deactivateMissing(w, JSON.stringify([...byFingerprint.keys()]), options.source, scope);
  return summary;
}

const scopeOf = (options: PersistOptions) =>
  options.scope ?? (options.source === '本地' ? { ruleIds: RULE_IDS } : null);

/** The one audit row of a scan that changed anything. */
export function recordScan(w: Writer, options: PersistOptions, summary: PersistSummary): void {
  if (!summary.created && !summary.reactivated && !summary.deactivated) return;
  const scope = scopeOf(options);
  w.record({
    action: 'flags.scan',
    entity: 'anomaly_flags',
    entityId: null,
    detail: {
      source: options.source,
      rules: scope?.ruleIds ?? null,
      deals: scope?.dealIds?.length ?? null,
      ...summary,
    },
  });
}

/** Makes the flags in scope that this call did not find inactive, in one statement. */
function deactivateMissing(
  w: Writer,
  foundJson: string,
  source: FlagSource,
  scope: NonNullable<PersistOptions['scope']>,
): number {
  const dealFilter = scope.dealIds
    ? // Walk from the touched deals through the (entity, entity_id) index; a correlated EXISTS made this quadratic.
      `AND id IN (SELECT s.flag_id FROM flag_subjects s WHERE s.entity = 'deal' AND s.entity_id IN (SELECT value FROM json_each(@dealIds)))`
    : '';
  return statement(
    w.db,
    `UPDATE anomaly_flags SET active = 0, updated_at = @at
       WHERE active = 1 AND source = @source AND rule_id IN (SELECT value FROM json_each(@ruleIds)) ${dealFilter}
         AND fingerprint NOT IN (SELECT value FROM json_each(@found))`,
  ).run({
    at: w.at,
    source,
    found: foundJson,
    ruleIds: JSON.stringify(scope.ruleIds),
    ...(scope.dealIds ? { dealIds: JSON.stringify(scope.dealIds) } : {}),
  }).changes;
}
